"""Where decrypted plaintext goes: a private temporary file next to the target
that becomes the target only when the whole envelope has authenticated and the
receipt matched. Any failure (wrong key, tampering, full disk, kill) leaves no
plaintext under the target name, and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from venue_client.crypto.envelope_errors import (
    BadReceiptError,
    EnvelopeError,
    OutputExistsError,
    OutputFailedError,
    ReceiptMismatchError,
)


def parse_receipt(value: str) -> bytes:
    """A receipt's SHA-256 from hex (case and surrounding blanks ignored)."""
    text = value.strip().lower()
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise BadReceiptError(value)
    return bytes.fromhex(text)


class HashingReader:
    """Wraps a binary stream and hashes every byte read through it (SHA-256), so
    the receipt check happens in the same pass as decryption."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._hash = hashlib.sha256()
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._hash.update(data)
        self.position += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        if n:
            self._hash.update(memoryview(buffer)[:n])
            self.position += n
        return n or 0

    def drain(self, chunk: int = 1 << 20) -> None:
        """Read (and hash) the rest of the stream."""
        while self.read(chunk):
            pass

    def digest(self) -> bytes:
        return self._hash.digest()

    @contextlib.contextmanager
    def receipt_first(self, receipt: bytes | None) -> Iterator[None]:
        """Within this block, any envelope failure becomes :class:`ReceiptMismatchError`
        when the file (read to its end) does not hash to ``receipt``: a file that is
        not the one submitted is reported as such, whatever else is wrong with it."""
        try:
            yield
        except EnvelopeError as exc:
            if receipt is not None and not isinstance(exc, ReceiptMismatchError):
                self.drain()
                if self.digest() != receipt:
                    raise ReceiptMismatchError(receipt.hex(), self.digest().hex()) from exc
            raise

    def check(self, receipt: bytes | None) -> None:
        """Raise :class:`ReceiptMismatchError` unless the bytes read hash to ``receipt``."""
        if receipt is not None and self.digest() != receipt:
            raise ReceiptMismatchError(receipt.hex(), self.digest().hex())


@contextlib.contextmanager
def plaintext_output(target: Path, *, overwrite: bool = False) -> Iterator[BinaryIO]:
    """Yield a writable private (0600) file; on normal exit it is fsynced and renamed
    to ``target``, on any exception it is deleted and ``target`` is untouched."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise OutputExistsError(str(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputFailedError(str(target), exc.strerror or str(exc)) from exc
    tmp_path = Path(tmp)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            try:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise OutputFailedError(str(target), exc.strerror or str(exc)) from exc
        tmp_path.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise
