"""The payload: STREAM over fixed-size chunks (``docs/vbe1.md`` "Payload").

Chunk ``i`` (0-based) of ``n`` is sealed with nonce ``i`` (11 bytes, big-endian)
‖ ``01`` if ``i == n - 1`` else ``00``; all chunks carry ``chunk_size`` plaintext
bytes except the last, which carries the rest (empty only for an empty file).

Opening is a pipeline over blocks of whole chunks (about 2 MiB), each stage on its
own thread: read (``readinto`` into recycled buffers), hash (the receipt, when the
source is a :class:`HashingReader`), decrypt (the calling thread: every chunk
straight into one output buffer with ``decrypt_into``) and write. SHA-256,
AES-GCM and file I/O all release the GIL, so the stages overlap; memory is the
fixed set of buffers. Chunks are still authenticated in order and the first
failure is the one raised, after every byte read has been hashed and every block
before the failure has been written.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag

from venue_client.crypto.envelope_errors import TamperedError, TruncatedError
from venue_client.crypto.plainout import HashingReader
from venue_client.crypto.vbe1.format import TAG_LEN, Header
from venue_client.crypto.vbe1.keys import Aead, chunk_nonce

BLOCK_TARGET = 2 << 20
READ_DEPTH = 4  # input buffers: being read, hashed, decrypted, one spare
WRITE_DEPTH = 3  # output buffers: being filled, written, one spare
SEAL_BLOCK = 4 << 20


class IntoReader(Protocol):
    def readinto(self, buffer: bytearray | memoryview, /) -> int: ...


class _Unhashed:
    """A :class:`HashingReader` read without hashing (the caller absorbs)."""

    def __init__(self, src: HashingReader) -> None:
        self.readinto = src.readinto_unhashed


def chunks_per_block(chunk_size: int, target: int = BLOCK_TARGET) -> int:
    return max(1, target // (chunk_size + TAG_LEN))


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
_END = None


class Prefetcher:
    """Reads ``total`` bytes in blocks on one thread and, when ``absorb`` is given,
    hashes them in order on another; blocks come out of iteration read and hashed.
    Buffers are recycled through :meth:`release`. :meth:`close` stops reading and
    returns once every byte read has been hashed."""

    def __init__(
        self,
        src: IntoReader,
        total: int,
        block_len: int,
        absorb: Callable[[memoryview], None] | None = None,
    ) -> None:
        self._src = src
        self._absorb = absorb
        self._total = total
        self._block_len = block_len
        self._stop = False
        self._ended = False  # the end marker has come out of ``_full``
        self._free: queue.SimpleQueue[bytearray | None] = queue.SimpleQueue()
        self._read: queue.SimpleQueue[Block | BaseException | None] = queue.SimpleQueue()
        self._full = self._read if absorb is None else queue.SimpleQueue()
        depth = -(-total // block_len)
        for _ in range(max(1, min(READ_DEPTH, depth))):
            self._free.put(bytearray(block_len))
        self._threads = [threading.Thread(target=self._reading, name="vbe1-read", daemon=True)]
        if absorb is not None:
            hashing = threading.Thread(target=self._hashing, args=(absorb,), name="vbe1-hash")
            self._threads.append(hashing)
        for thread in self._threads:
            thread.daemon = True
            thread.start()

    def _reading(self) -> None:
        try:
            remaining = self._total
            while remaining > 0:
                buf = self._free.get()
                if buf is None or self._stop:
                    return
                want = min(self._block_len, remaining)
                with memoryview(buf) as view:
                    got = fill(self._src, view[:want])
                remaining -= got
                self._read.put((buf, got, got < want))
                if got < want:
                    return
        except BaseException as exc:  # handed to the consumer, re-raised there
            self._read.put(exc)
        finally:
            self._read.put(_END)

    def _hashing(self, absorb: Callable[[memoryview], None]) -> None:
        failed = False
        while True:
            item = self._read.get()
            if isinstance(item, tuple) and not failed:
                try:
                    with memoryview(item[0]) as view:
                        absorb(view[: item[1]])
                except BaseException as exc:
                    failed = True
                    item = exc
            self._full.put(item)
            if item is _END:
                return

    def __iter__(self) -> Iterator[Block]:
        while True:
            item = self._full.get()
            if item is _END:
                self._ended = True
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def release(self, buf: bytearray) -> None:
        self._free.put(buf)

    def close(self) -> None:
        self._stop = True
        self._free.put(None)
        while not self._ended:  # everything read gets hashed first
            self._ended = self._full.get() is _END
        for thread in self._threads:
            thread.join()


class Writer:
    """Writes blocks to ``dst`` in order on its own thread; the first failure is
    kept (later blocks are dropped) and raised by :meth:`check` / :meth:`finish`."""

    def __init__(self, dst: BinaryIO, block_len: int, depth: int) -> None:
        self._dst = dst
        self.error: BaseException | None = None
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        self._todo: queue.SimpleQueue[tuple[bytearray, int] | None] = queue.SimpleQueue()
        for _ in range(depth):
            self._free.put(bytearray(block_len))
        self._thread = threading.Thread(target=self._run, name="vbe1-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._todo.get()) is not None:
            buf, n = item
            if self.error is None:
                try:
                    with memoryview(buf) as view:
                        self._dst.write(view[:n])
                except BaseException as exc:
                    self.error = exc
            self._free.put(buf)

    def buffer(self) -> bytearray:
        """A free output buffer (waits for one)."""
        return self._free.get()

    def submit(self, buf: bytearray, n: int) -> None:
        self._todo.put((buf, n))

    def check(self) -> None:
        if self.error is not None:
            raise self.error

    def finish(self) -> None:
        """Wait until everything submitted is written; raise the first failure."""
        if self._thread.is_alive():
            self._todo.put(None)
            self._thread.join()
        self.check()


def open_payload(
    src: IntoReader, dst: BinaryIO, header: Header, aead: Aead, payload_offset: int
) -> None:
    """Decrypt and authenticate every chunk from ``src`` into ``dst``. When ``src``
    is a :class:`HashingReader`, every byte read from it has been hashed, in order,
    by the time this returns or raises."""
    cs = header.chunk_size
    per_block = min(chunks_per_block(cs), header.chunk_count)
    last_index = header.chunk_count - 1
    last_len = header.last_chunk_plaintext + TAG_LEN
    open_into = aead.open_into
    block_len = per_block * (cs + TAG_LEN)
    if isinstance(src, HashingReader):  # hashing on its own thread
        reader = Prefetcher(_Unhashed(src), header.payload_length, block_len, src.absorb)
    else:
        reader = Prefetcher(src, header.payload_length, block_len)
    writer = Writer(dst, per_block * cs, min(WRITE_DEPTH, -(-header.chunk_count // per_block)))
    index = 0
    consumed = payload_offset
    try:
        for buf, n, ended in reader:
            out = writer.buffer()
            with memoryview(buf) as view, memoryview(out) as outv:
                pos = opos = 0
                while pos < n:
                    last = index == last_index
                    clen = last_len if last else cs + TAG_LEN
                    if n - pos < clen:
                        raise TruncatedError(consumed + n)
                    try:
                        open_into(chunk_nonce(index, last), view[pos : pos + clen],
                                  outv[opos : opos + clen - TAG_LEN])  # fmt: skip
                    except InvalidTag:
                        raise TamperedError(index + 1) from None
                    pos += clen
                    opos += clen - TAG_LEN
                    index += 1
            reader.release(buf)
            writer.check()
            writer.submit(out, opos)
            consumed += n
            if ended:
                raise TruncatedError(consumed)
        writer.finish()
    except BaseException:
        writer.finish()  # a failed write of an earlier block is the first failure
        raise
    finally:
        reader.close()


def seal_payload(src: IntoReader, dst: BinaryIO, header: Header, aead: Aead) -> None:
    """Encrypt exactly ``header.plaintext_size`` bytes of ``src`` into ``dst``."""
    cs = header.chunk_size
    per_block = min(chunks_per_block(cs, SEAL_BLOCK), header.chunk_count)
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
