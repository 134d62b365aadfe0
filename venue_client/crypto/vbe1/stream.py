"""The payload: STREAM over fixed-size chunks (``docs/vbe1.md`` "Payload").

Chunk ``i`` (0-based) of ``n`` is sealed with nonce ``i`` (11 bytes, big-endian)
‖ ``01`` if ``i == n - 1`` else ``00``; all chunks carry ``chunk_size`` plaintext
bytes except the last, which carries the rest (empty only for an empty file).

Opening reads the ciphertext in blocks of whole chunks (about 4 MiB) on a reader
thread that also hashes it (the receipt); the calling thread decrypts each chunk
straight into one output buffer with ``decrypt_into`` and writes a block at a
time. Both SHA-256 and AES-GCM release the GIL, so hashing and decryption overlap.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag

from venue_client.crypto.envelope_errors import TamperedError, TruncatedError
from venue_client.crypto.vbe1.format import TAG_LEN, Header
from venue_client.crypto.vbe1.keys import Aead, chunk_nonce

BLOCK_TARGET = 4 << 20
DEPTH = 3


class IntoReader(Protocol):
    def readinto(self, buffer: bytearray | memoryview, /) -> int: ...


def chunks_per_block(chunk_size: int) -> int:
    return max(1, BLOCK_TARGET // (chunk_size + TAG_LEN))


def fill(src: IntoReader, view: memoryview) -> int:
    """Read until ``view`` is full or the input ends; the byte count."""
    got = 0
    while got < len(view):
        n = src.readinto(view[got:])
        if not n:
            break
        got += n
    return got


Block = tuple[bytearray, int, bool]  # buffer, bytes in it, input ended early


class Prefetcher:
    """Reads ``total`` bytes in blocks on its own thread (buffers recycled)."""

    def __init__(self, src: IntoReader, total: int, block_len: int) -> None:
        self._src = src
        self._total = total
        self._block_len = block_len
        self._free: queue.Queue[bytearray | None] = queue.Queue()
        self._full: queue.Queue[Block | BaseException | None] = queue.Queue()
        for _ in range(DEPTH if total > block_len else 1):
            self._free.put(bytearray(block_len))
        self._thread = threading.Thread(target=self._run, name="vbe1-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            remaining = self._total
            while remaining > 0:
                buf = self._free.get()
                if buf is None:
                    return
                want = min(self._block_len, remaining)
                got = fill(self._src, memoryview(buf)[:want])
                remaining -= got
                self._full.put((buf, got, got < want))
                if got < want:
                    return
            self._full.put(None)
        except BaseException as exc:  # handed to the consumer, re-raised there
            self._full.put(exc)

    def __iter__(self) -> Iterator[Block]:
        while True:
            item = self._full.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
            if item[2]:
                return

    def release(self, buf: bytearray) -> None:
        self._free.put(buf)

    def close(self) -> None:
        self._free.put(None)
        self._thread.join()


def open_payload(
    src: IntoReader, dst: BinaryIO, header: Header, aead: Aead, payload_offset: int
) -> None:
    """Decrypt and authenticate every chunk from ``src`` into ``dst``."""
    cs = header.chunk_size
    per_block = min(chunks_per_block(cs), header.chunk_count)
    last_index = header.chunk_count - 1
    last_len = header.last_chunk_plaintext + TAG_LEN
    out = memoryview(bytearray(per_block * cs))
    open_into = aead.open_into
    index = 0
    consumed = payload_offset
    reader = Prefetcher(src, header.payload_length, per_block * (cs + TAG_LEN))
    try:
        for buf, n, ended in reader:
            view = memoryview(buf)
            pos = opos = 0
            while pos < n:
                last = index == last_index
                clen = last_len if last else cs + TAG_LEN
                if n - pos < clen:
                    raise TruncatedError(consumed + n)
                try:
                    open_into(chunk_nonce(index, last), view[pos : pos + clen],
                              out[opos : opos + clen - TAG_LEN])  # fmt: skip
                except InvalidTag:
                    raise TamperedError(index + 1) from None
                pos += clen
                opos += clen - TAG_LEN
                index += 1
            dst.write(out[:opos])
            view.release()
            reader.release(buf)
            consumed += n
            if ended:
                raise TruncatedError(consumed)
    finally:
        reader.close()


def seal_payload(src: IntoReader, dst: BinaryIO, header: Header, aead: Aead) -> None:
    """Encrypt exactly ``header.plaintext_size`` bytes of ``src`` into ``dst``."""
    cs = header.chunk_size
    per_block = min(chunks_per_block(cs), header.chunk_count)
    inbuf = memoryview(bytearray(per_block * cs))
    out = memoryview(bytearray(per_block * (cs + TAG_LEN)))
    seal_into = aead.seal_into
    last_index = header.chunk_count - 1
    remaining = header.plaintext_size
    index = 0
    while index <= last_index:
        want = min(len(inbuf), remaining)
        if fill(src, inbuf[:want]) != want:
            raise ValueError("the source is shorter than its size")
        remaining -= want
        pos = opos = 0
        while index <= last_index and (pos < want or want == 0):
            plen = min(cs, want - pos)
            last = index == last_index
            seal_into(chunk_nonce(index, last), inbuf[pos : pos + plen],
                      out[opos : opos + plen + TAG_LEN])  # fmt: skip
            pos += plen
            opos += plen + TAG_LEN
            index += 1
            if want == 0:
                break
        dst.write(out[:opos])
    if src.readinto(bytearray(1)):
        raise ValueError("the source is longer than its size")
