"""Key-unwrap throughput: SoftHSM2 through the driver (inside one owner-thread job,
and one cross-thread call per unwrap as a desk worker would make them) next to
``cryptography``'s software RSA decrypt of the same key, in the same run.

Run with ``make bench`` (or ``pytest -s tests/bench/test_token_bench.py``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.common import HeadlessHandler
from drivers.token import RsaPadding, SoftKeyStore
from tests.support.softhsm import PIN, SoftHsmLab, missing_reason

N = 150


def _rate(fn: Callable[[], object], n: int = N, rounds: int = 3) -> float:
    """Best of a few rounds: this machine is shared, so take the least disturbed."""
    fn()  # warm up
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        best = max(best, n / (time.perf_counter() - start))
    return best


@pytest.mark.skipif(missing_reason() is not None, reason=str(missing_reason()))
def test_unwrap_ops_per_second(tmp_path):
    previous = os.environ.get("SOFTHSM2_CONF")
    lab = SoftHsmLab(tmp_path)
    lab.init_token("bench")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    saved = lab.add_key("bench", key, b"\x01", "bench")
    lab.add_key("bench", ec_key, b"\x02", "bench ec")
    module = lab.activate()
    token = module.open_token(label="bench")
    soft = SoftKeyStore([(key, saved.certificate)])
    soft_key = soft.certificates()[0]
    ephemeral = ec.generate_private_key(ec.SECP256R1()).public_key()
    rows: list[tuple[str, float]] = []
    try:
        session = token.call(token.open_session, HeadlessHandler([PIN]))
        keys = {k.kind: k for k in token.call(session.certificates)}
        token.call(session.login)
        for padding in (RsaPadding.PKCS1_V15, RsaPadding.OAEP_SHA1):
            wrapped = key.public_key().encrypt(os.urandom(32), padding.for_cryptography())
            expected = key.decrypt(wrapped, padding.for_cryptography())

            def in_owner(padding=padding, wrapped=wrapped) -> float:
                return _rate(lambda: session.decrypt(keys["rsa"], wrapped, padding))

            def one_call(padding=padding, wrapped=wrapped) -> None:
                token.call(session.decrypt, keys["rsa"], wrapped, padding)

            assert token.call(session.decrypt, keys["rsa"], wrapped, padding) == expected
            rows.append((f"SoftHSM2 {padding.value}, loop on owner thread", token.call(in_owner)))
            rows.append((f"SoftHSM2 {padding.value}, one call per unwrap", _rate(one_call)))
            rows.append(
                (
                    f"cryptography {padding.value} (same key)",
                    _rate(lambda p=padding, w=wrapped: key.decrypt(w, p.for_cryptography())),
                )
            )
            rows.append(
                (
                    f"SoftKeyStore {padding.value}",
                    _rate(lambda p=padding, w=wrapped: soft.decrypt(soft_key, w, p)),
                )
            )
        rows.append(
            (
                "SoftHSM2 ECDH P-256, one call each",
                _rate(lambda: token.call(session.derive_ecdh, keys["ec"], ephemeral), 100),
            )
        )
        rows.append(
            (
                "SoftHSM2 sign RSA-2048 SHA-256, one call each",
                _rate(lambda: token.call(session.sign, keys["rsa"], b"challenge"), 100),
            )
        )
        rows.append(
            (
                "SoftHSM2 sign ECDSA P-256, one call each",
                _rate(lambda: token.call(session.sign, keys["ec"], b"challenge"), 100),
            )
        )
        token.call(session.close)
    finally:
        token.close()
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous
    print()
    for name, rate in rows:
        print(f"  {name:<58} {rate:8.0f} ops/s")
    assert all(rate > 50 for _, rate in rows)
