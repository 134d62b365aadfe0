"""Openers for the opening service: decrypt one bid with the bidder's USB key or the
platform's backup key, check it against its receipt in the same pass, and keep the
plaintext encrypted at rest (a VBE1 envelope sealed to this venue's local key).

The plaintext never reaches the disk in clear: each authenticated block is hashed
and sealed again as it comes out of the decrypter (one pass, one fsync), into a
private temporary envelope that gets its name only when the whole bid has
authenticated and matched its receipt; a failure anywhere removes it. Progress
(bytes read of the ciphertext) is reported through a callback for the desk's bar.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from drivers.common.handler import DeviceHandler
from drivers.token.keys import KeySession
from venue_client.config import Settings
from venue_client.crypto import cms, vbe1
from venue_client.crypto.envelope_errors import NotAnEnvelopeError
from venue_client.crypto.plainout import parse_receipt, plaintext_output
from venue_client.crypto.vbe1.sealer import StreamSealer
from venue_client.fileutil import atomic_write_bytes
from venue_client.services.opening_causes import OpenedBid, Opener
from venue_client.store.models import Bid

Progress = Callable[[int, int], None]  # (bytes read, total)
KEY_FILE = "bid-at-rest.key"


class ProgressReader:
    """A binary file whose reads are counted for the progress bar."""

    def __init__(self, raw: BinaryIO, total: int, report: Progress | None) -> None:
        self._raw, self.total, self._report = raw, total, report
        self.done = 0

    def _count(self, n: int) -> None:
        self.done += n
        if self._report is not None:
            self._report(self.done, self.total)

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._count(len(data))
        return data

    def readinto(self, buffer: Any) -> int:
        n = self._raw.readinto(buffer) or 0  # type: ignore[attr-defined]
        self._count(n)
        return n


def _at_rest_key(path: Path) -> bytes:
    """The venue's at-rest key, made once. Two processes making it at the same time
    (the desk and its decryption worker) must agree: the file is created by a hard
    link, which fails if another got there first, and then theirs is used."""
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        atomic_write_bytes(tmp, secrets.token_bytes(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_bytes()


class OpenedBids:
    """Where decrypted bids are kept: ``<data>/bids/opened/<bid>.vbe1``, sealed to a
    32-byte local key in ``keys/`` (0600), so a copied disk does not leak them."""

    def __init__(self, settings: Settings) -> None:
        self.root = settings.data_dir / "bids" / "opened"
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.key = _at_rest_key(settings.key_dir / KEY_FILE)

    def keep(self, bid: Bid, decrypt: Callable[[BinaryIO, BinaryIO], dict[str, Any]]) -> OpenedBid:
        """Run ``decrypt(ciphertext, plaintext_out)`` (it returns the summary) with the
        plaintext sealed at rest as it is written."""
        assert bid.local_path, "the bid has not been downloaded"
        target = self.root / f"{bid.platform_id}.vbe1"
        with (
            Path(bid.local_path).open("rb") as src,
            plaintext_output(target, overwrite=True) as out,
        ):
            sink = _Digesting(StreamSealer(out, [vbe1.Recipient(self.key)]))
            summary = decrypt(src, sink)  # type: ignore[arg-type]
            size = sink.sealer.finish()
        return OpenedBid(
            summary=summary,
            plaintext_path=str(target),
            plaintext_size=size,
            plaintext_sha256=sink.digest.hexdigest(),
        )


class _Digesting:
    """The decrypter's output: hashed (the plaintext's SHA-256 for the record), then sealed."""

    def __init__(self, sealer: StreamSealer) -> None:
        self.sealer = sealer
        self.digest = hashlib.sha256()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self.digest.update(data)
        return self.sealer.write(data)


def _decrypt_any(
    session: KeySession, receipt: bytes, progress: Progress | None, total: int
) -> Callable[[BinaryIO, BinaryIO], dict[str, Any]]:
    def run(src: BinaryIO, dst: BinaryIO) -> dict[str, Any]:
        head = src.read(64)
        src.seek(0)
        reader = ProgressReader(src, total, progress)
        if head[:4] == b"VBE1":
            info = vbe1.decrypt(reader, dst, session, receipt=receipt)  # type: ignore[arg-type]
            return dict(info.summary or {})
        if cms.sniff(head):
            cms.decrypt(reader, dst, session, receipt=receipt)  # type: ignore[arg-type]
            return {}  # a CMS bid carries no opening summary: its price is read from the documents
        raise NotAnEnvelopeError()

    return run


def token_opener(
    token: Any,
    handler: DeviceHandler,
    store: OpenedBids,
    progress: Progress | None = None,
) -> Opener:
    """Decrypt with the bidder's USB key (``KeyToken``): the private key stays on the
    token; the whole pass runs on the token's owner thread."""

    def opener(bid: Bid) -> OpenedBid:
        receipt = parse_receipt(bid.receipt_sha256)

        def work(session: KeySession) -> OpenedBid:
            return store.keep(bid, _decrypt_any(session, receipt, progress, bid.size))

        result: OpenedBid = token.run(handler, work).result()
        return result

    return opener


def key_opener(session: KeySession, store: OpenedBids, progress: Progress | None = None) -> Opener:
    """Decrypt with a key file (the platform's backup key store)."""
    lock = threading.Lock()

    def opener(bid: Bid) -> OpenedBid:
        receipt = parse_receipt(bid.receipt_sha256)
        with lock:
            return store.keep(bid, _decrypt_any(session, receipt, progress, bid.size))

    return opener


def backup_key_paths(settings: Settings) -> tuple[Path, Path] | None:
    """The platform backup key and its certificate, when the administrator has put
    them in this venue's key directory (``backup-key.pem``, ``backup-cert.pem``)."""
    key, cert = settings.key_dir / "backup-key.pem", settings.key_dir / "backup-cert.pem"
    return (key, cert) if key.exists() and cert.exists() else None
