"""VBE1 round trips: every recipient kind, several at once, sizes around chunk
boundaries, both suites, the summary."""

from __future__ import annotations

import io

import pytest

from drivers.token import RsaPadding
from tests.unit.crypto.vbe1_support import (
    LOCAL,
    data,
    ec_store,
    opened,
    rsa_store,
    sealed,
    sm2_key,
)
from venue_client.crypto.envelope_errors import (
    BadSummaryError,
    NoSummaryError,
    UnsupportedAlgorithmError,
    WrongKeyError,
)
from venue_client.crypto.vbe1 import Recipient, inspect, open_summary, seal

SUMMARY = {"price": "12345678.90", "duration": "180日历天", "quality": "合格", "other": ["a", 1]}


def _recipient(kind: str) -> tuple[Recipient, object]:
    if kind.startswith("rsa"):
        padding = {
            "rsa-oaep-sha256": RsaPadding.OAEP_SHA256,
            "rsa-oaep-sha1": RsaPadding.OAEP_SHA1,
            "rsa-pkcs1v15": RsaPadding.PKCS1_V15,
        }[kind]
        store = rsa_store()
        return Recipient(store.certificates()[0].certificate, padding=padding), store
    if kind == "ecdh-p256":
        return Recipient(ec_store().certificates()[0].certificate), ec_store()
    if kind == "sm2":
        return Recipient(sm2_key().public_key), sm2_key()
    return Recipient(LOCAL), LOCAL


KINDS = ["rsa-oaep-sha256", "rsa-oaep-sha1", "rsa-pkcs1v15", "ecdh-p256", "sm2", "local"]


@pytest.mark.parametrize("kind", KINDS)
def test_round_trip_each_kind(kind):
    recipient, key = _recipient(kind)
    plain = data(10_000)
    envelope, info = sealed(plain, [recipient], summary=SUMMARY, chunk_size=4096)
    assert opened(envelope, key, receipt=info.sha256) == plain
    assert open_summary(io.BytesIO(envelope), key) == SUMMARY
    facts = inspect(io.BytesIO(envelope))
    assert [r.kind for r in facts.recipients] == [kind]
    assert facts.recipients[0].fingerprint == recipient.fingerprint
    assert (facts.plaintext_size, facts.chunk_size, facts.chunk_count) == (10_000, 4096, 3)
    assert facts.total_length == len(envelope)
    assert facts.summary_present


def test_multi_recipient_with_backup_and_which_opened():
    bidder, bidder_key = _recipient("rsa-oaep-sha256")
    backup = Recipient(sm2_key().public_key, backup=True)
    local = Recipient(LOCAL)
    plain = data(5000)
    envelope, _ = sealed(plain, [bidder, backup, local])
    facts = inspect(io.BytesIO(envelope))
    assert [(r.kind, r.backup) for r in facts.recipients] == [
        ("rsa-oaep-sha256", False),
        ("sm2", True),
        ("local", False),
    ]
    for key in (bidder_key, sm2_key(), LOCAL):
        assert opened(envelope, key) == plain
    out = io.BytesIO()
    from venue_client.crypto.vbe1 import decrypt

    info = decrypt(io.BytesIO(envelope), out, sm2_key())
    assert info.recipient.backup and info.recipient.kind == "sm2"


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 8191, 8192, 8193, 3 * 4096])
@pytest.mark.parametrize("suite", ["AES-256-GCM", "SM4-GCM"])
def test_sizes_around_chunk_boundaries(size, suite):
    plain = data(size)
    envelope, info = sealed(plain, [Recipient(LOCAL)], chunk_size=4096, suite=suite)
    assert opened(envelope, LOCAL, receipt=info.sha256) == plain
    facts = inspect(io.BytesIO(envelope))
    assert facts.chunk_count == max(1, -(-size // 4096))
    assert facts.suite == suite
    assert len(envelope) == facts.header_length + size + 16 * facts.chunk_count


def test_large_file_crosses_read_blocks():
    plain = data((4 << 20) * 2 + 12345)
    envelope, info = sealed(plain, [Recipient(LOCAL)])
    assert opened(envelope, LOCAL, receipt=info.sha256) == plain


def test_summary_absent_and_invalid():
    envelope, _ = sealed(b"x", [Recipient(LOCAL)])
    with pytest.raises(NoSummaryError):
        open_summary(io.BytesIO(envelope), LOCAL)
    for bad in ({"price": 1.5}, {"price": 100}, {"price": "1e5"}, {1: "x"}):
        with pytest.raises(BadSummaryError):
            sealed(b"x", [Recipient(LOCAL)], summary=bad)


def test_open_summary_reads_nothing_of_the_payload():
    envelope, _ = sealed(data(100_000), [Recipient(LOCAL)], summary=SUMMARY)
    facts = inspect(io.BytesIO(envelope))
    head = envelope[: facts.header_length + facts.summary_length]
    assert open_summary(io.BytesIO(head), LOCAL) == SUMMARY


def test_wrong_key_kinds():
    envelope, _ = sealed(b"secret", [Recipient(LOCAL)])
    for key in (bytes(32), sm2_key(), rsa_store(), ec_store()):
        with pytest.raises(WrongKeyError):
            opened(envelope, key)


def test_unsupported_suite_and_curve():
    with pytest.raises(UnsupportedAlgorithmError):
        sealed(b"x", [Recipient(LOCAL)], suite="ChaCha20")
    from cryptography.hazmat.primitives.asymmetric import ec

    from tests.support.softhsm import self_signed

    key = ec.generate_private_key(ec.SECP384R1())
    with pytest.raises(UnsupportedAlgorithmError):
        Recipient(self_signed(key, "p384"))


def test_seal_refuses_bad_parameters():
    with pytest.raises(ValueError):
        sealed(b"x", [Recipient(LOCAL)], chunk_size=5000)
    with pytest.raises(ValueError):
        sealed(b"x", [Recipient(LOCAL), Recipient(LOCAL)])
    with pytest.raises(ValueError):
        seal(io.BytesIO(b"x"), io.BytesIO(), [])
