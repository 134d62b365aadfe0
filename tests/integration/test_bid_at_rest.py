"""A decrypted bid is kept sealed to the venue's at-rest key, and its plaintext never
reaches the disk in clear: not even while it is being decrypted, not after a failure."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from cryptography import x509

from drivers.token.softkeys import SoftKeyStore
from venue_client.config import load_settings
from venue_client.crypto import vbe1
from venue_client.crypto.envelope_errors import TamperedError
from venue_client.services.bid_opener import OpenedBids, key_opener
from venue_client.services.demo_bids import demo_backup_key

MARK = os.urandom(32)  # a plaintext nobody else has


def _plaintext(mib: int) -> bytes:
    filler = os.urandom(1 << 20)
    return b"".join(MARK + filler[i:] + filler[:i] for i in range(mib))


def _files_holding_mark(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and MARK in path.read_bytes():
            found.append(path)
    return found


def _bid(folder: Path, cert: x509.Certificate, plain: bytes, name: str) -> Any:
    out = io.BytesIO()
    vbe1.seal(io.BytesIO(plain), out, [vbe1.Recipient(cert, backup=True)], summary={"price": "1"})
    path = folder / f"{name}.vbe1"
    path.write_bytes(out.getvalue())
    return SimpleNamespace(
        platform_id=name,
        local_path=str(path),
        receipt_sha256=hashlib.sha256(out.getvalue()).hexdigest(),
        size=path.stat().st_size,
    )


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Any, OpenedBids, x509.Certificate, Path]:
    settings = load_settings(data_dir=tmp_path / "data", env={})
    key_path, cert_path = demo_backup_key(settings)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    folder = settings.data_dir / "bids"
    folder.mkdir(exist_ok=True)
    return settings, OpenedBids(settings), cert, key_path


def test_plaintext_never_on_disk_in_clear(desk: Any, tmp_path: Path) -> None:
    settings, store, cert, key_path = desk
    plain = _plaintext(12)
    bid = _bid(settings.data_dir / "bids", cert, plain, "b-rest-1")
    scans: list[list[Path]] = []

    def progress(done: int, total: int) -> None:  # runs while decrypting
        scans.append(_files_holding_mark(settings.data_dir))

    with SoftKeyStore.from_pem(key_path, key_path.with_name("backup-cert.pem")) as keys:
        opened = key_opener(keys, store, progress)(bid)
    assert len(scans) > 3 and not any(scans)  # looked many times, mid-way, found nothing
    assert _files_holding_mark(tmp_path) == []
    at_rest = Path(opened.plaintext_path)
    assert at_rest.parent == store.root and at_rest.read_bytes()[:4] == b"VBE1"
    assert (opened.plaintext_size, opened.plaintext_sha256) == (
        len(plain),
        hashlib.sha256(plain).hexdigest(),
    )
    back = io.BytesIO()
    vbe1.decrypt(io.BytesIO(at_rest.read_bytes()), back, store.key)
    assert back.getvalue() == plain
    assert sorted(p.name for p in store.root.iterdir()) == ["b-rest-1.vbe1"]


def test_a_failed_bid_leaves_nothing_behind(desk: Any) -> None:
    settings, store, cert, key_path = desk
    bid = _bid(settings.data_dir / "bids", cert, _plaintext(3), "b-rest-2")
    raw = bytearray(Path(bid.local_path).read_bytes())
    raw[-(1 << 20)] ^= 1  # a flipped byte in a late chunk: earlier blocks were sealed already
    Path(bid.local_path).write_bytes(raw)
    bid.receipt_sha256 = hashlib.sha256(raw).hexdigest()
    cert_path = key_path.with_name("backup-cert.pem")
    with SoftKeyStore.from_pem(key_path, cert_path) as keys, pytest.raises(TamperedError):
        key_opener(keys, store)(bid)
    assert list(store.root.iterdir()) == []
    assert _files_holding_mark(settings.data_dir) == []
