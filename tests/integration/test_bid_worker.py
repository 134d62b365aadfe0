"""Bid decryption in a worker process: the plaintext is kept sealed at rest and the
summary comes back; a failure in the worker arrives as the same error class, with
its arguments, as it would in-process."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from cryptography import x509

from venue_client.config import load_settings
from venue_client.crypto import vbe1
from venue_client.crypto.envelope_errors import ReceiptMismatchError, WrongKeyError
from venue_client.services.bid_worker import KeySpec, process_opener
from venue_client.services.demo_bids import demo_backup_key


def _bid(path: Path, data: bytes, receipt: str | None = None) -> Any:
    path.write_bytes(data)
    return SimpleNamespace(
        platform_id="b-worker-1",
        local_path=str(path),
        receipt_sha256=receipt or hashlib.sha256(data).hexdigest(),
        size=len(data),
    )


def _sealed(cert: x509.Certificate, plain: bytes) -> bytes:
    out = io.BytesIO()
    vbe1.seal(
        io.BytesIO(plain), out, [vbe1.Recipient(cert, backup=True)], summary={"price": "1.00"}
    )
    return out.getvalue()


def test_worker_decrypts_and_errors_come_back_whole(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "data", env={})
    key, cert_path = demo_backup_key(settings)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    plain = b"bid document " * 50_000
    seen: list[tuple[int, int]] = []
    opener = process_opener(
        KeySpec(key_path=str(key), cert_path=str(cert_path)),
        settings,
        lambda done, total: seen.append((done, total)),
    )
    opened = opener(_bid(tmp_path / "bid.vbe1", _sealed(cert, plain)))
    assert opened.summary == {"price": "1.00"}
    assert opened.plaintext_sha256 == hashlib.sha256(plain).hexdigest()
    assert Path(opened.plaintext_path).read_bytes()[:4] == b"VBE1"  # sealed at rest
    assert seen and seen[-1][0] == seen[-1][1]

    with pytest.raises(ReceiptMismatchError) as err:
        opener(_bid(tmp_path / "bad.vbe1", _sealed(cert, plain), receipt="00" * 32))
    assert err.value.args_map["expected"] == "00" * 32

    other_key, other_cert = demo_backup_key(load_settings(data_dir=tmp_path / "other", env={}))
    stranger = process_opener(KeySpec(key_path=str(other_key), cert_path=str(other_cert)), settings)
    with pytest.raises(WrongKeyError):
        stranger(_bid(tmp_path / "bid2.vbe1", _sealed(cert, plain)))


def test_a_killed_worker_is_reported_and_replaced(tmp_path: Path) -> None:
    """The worker killed mid-run (OOM, an operator): the attempt fails with a clear
    message, and the next attempt gets a fresh worker."""
    import os
    import signal

    from venue_client.domain.errors import UserFacingError
    from venue_client.services.bid_worker import E_WORKER, shared_worker

    settings = load_settings(data_dir=tmp_path / "data", env={})
    key, cert_path = demo_backup_key(settings)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    spec = KeySpec(key_path=str(key), cert_path=str(cert_path))
    plain = b"x" * (64 << 20)
    killed: list[int] = []

    def kill_on_first_report(done: int, total: int) -> None:
        if not killed:
            pid = next(iter(shared_worker()._pool._processes))
            killed.append(pid)
            os.kill(pid, signal.SIGKILL)

    with pytest.raises(UserFacingError) as err:
        process_opener(spec, settings, kill_on_first_report)(
            _bid(tmp_path / "a.vbe1", _sealed(cert, plain))
        )
    assert err.value.text == E_WORKER and killed
    opened = process_opener(spec, settings)(_bid(tmp_path / "b.vbe1", _sealed(cert, b"again")))
    assert opened.plaintext_size == len(b"again")
