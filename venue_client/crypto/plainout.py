"""Where decrypted plaintext goes: a private temporary file next to the target
that becomes the target only when the whole envelope has authenticated and the
receipt matched. Any failure (wrong key, tampering, full disk, kill) leaves no
plaintext under the target name, and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import io
import os
import sys
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
        self._unhashed = 0  # read by :meth:`readinto_unhashed`, not yet :meth:`absorb`-ed
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        assert not self._unhashed, "bytes read but not hashed"
        data = self._raw.read(size)
        self._hash.update(data)
        self.position += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        assert not self._unhashed, "bytes read but not hashed"
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        if n:
            self._hash.update(memoryview(buffer)[:n])
            self.position += n
        return n or 0

    def readinto_unhashed(self, buffer: bytearray | memoryview) -> int:
        """:meth:`readinto` whose bytes the caller hashes later, in order, with
        :meth:`absorb` (so hashing can run on another thread than reading)."""
        n = self._raw.readinto(buffer) or 0  # type: ignore[attr-defined]
        self.position += n
        self._unhashed += n
        return n

    def absorb(self, data: bytes | bytearray | memoryview) -> None:
        """Hash bytes read by :meth:`readinto_unhashed`, in the order they were read."""
        self._unhashed -= len(data)
        self._hash.update(data)

    def drain(self, chunk: int = 1 << 20) -> None:
        """Read (and hash) the rest of the stream."""
        while self.read(chunk):
            pass

    def digest(self) -> bytes:
        assert not self._unhashed, "bytes read but not hashed"
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


SYNC_FILE_RANGE_WRITE = 2  # <linux/fs.h>: start writeback, do not wait for it
WRITEBACK_STEP = 8 << 20


def _sync_file_range() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        func = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    func.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
    func.restype = ctypes.c_int
    return func


_START_WRITEBACK = _sync_file_range()


class _PlaintextFile(io.BufferedWriter):
    """The temporary output: every :data:`WRITEBACK_STEP` bytes it asks the kernel
    to start writing what it has so far (Linux ``sync_file_range``, no waiting), so
    the disk works while decryption goes on and the final ``fsync`` has little left.
    Elsewhere (or if the call fails) it is a plain buffered file."""

    def __init__(self, raw: io.FileIO) -> None:
        super().__init__(raw, buffer_size=1 << 20)
        self._fd = raw.fileno()
        self._kick = _START_WRITEBACK
        self._started = 0  # writeback asked for [0, _started)
        self._since = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        n = super().write(data)
        self._since += n
        if self._since >= WRITEBACK_STEP and self._kick is not None:
            self._since = 0
            end = os.lseek(self._fd, 0, os.SEEK_CUR)  # what the kernel holds
            if self._kick(self._fd, self._started, end - self._started, SYNC_FILE_RANGE_WRITE):
                self._kick = None  # e.g. not supported here: leave it to fsync
            self._started = end
        return n


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
        with _PlaintextFile(io.FileIO(fd, "wb")) as fh:
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
