"""Sealing a plaintext whose length is not known in advance, as it is written.

:func:`~venue_client.crypto.vbe1.seal.seal` needs a seekable source because the
plaintext size is in the header. :class:`StreamSealer` is a writable file instead:
it reserves the header, seals every chunk once it knows another byte follows (so
the last chunk gets the STREAM last-chunk flag), and on :meth:`finish` writes the
real header and its MAC over the reserved bytes. The output must be seekable; the
result is an ordinary VBE1 envelope, byte for byte what ``seal`` makes with the
same keys. Used to keep a decrypted bid encrypted at rest without its plaintext
ever reaching the disk in clear.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import BinaryIO

from venue_client.crypto.vbe1.format import DEFAULT_CHUNK_SIZE, TAG_LEN
from venue_client.crypto.vbe1.keys import INFO_PAYLOAD, chunk_nonce
from venue_client.crypto.vbe1.recipients import Recipient
from venue_client.crypto.vbe1.seal import Keyed

BATCH = 4 << 20  # plaintext sealed per output write


class StreamSealer:
    """A write-only binary file that seals what is written into ``dst`` (seekable,
    positioned where the envelope starts). Call :meth:`finish` once at the end; an
    envelope left unfinished has a zeroed header and opens for nobody."""

    def __init__(
        self,
        dst: BinaryIO,
        recipients: Sequence[Recipient],
        *,
        suite: str = "AES-256-GCM",
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        rng: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self._keyed = Keyed.make(recipients, suite, chunk_size, rng)
        self._dst = dst
        self._start = dst.tell()
        _, head = self._keyed.sized(0)
        dst.write(bytes(len(head)))  # the header's place, written by finish()
        self._seal_into = self._keyed.aead(INFO_PAYLOAD).seal_into
        self._chunk = chunk_size
        self._per_batch = max(1, BATCH // chunk_size)
        # a batch, plus the short last chunk that may follow it
        self._out = memoryview(bytearray((self._per_batch + 1) * (chunk_size + TAG_LEN)))
        self._pending = bytearray()
        self._index = 0
        self.size = 0
        self._finished = False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._finished:
            raise ValueError("write to a finished envelope")
        self._pending += data
        n = len(data) if not isinstance(data, memoryview) else data.nbytes
        self.size += n
        if len(self._pending) > self._per_batch * self._chunk:
            self._seal(final=False)
        return n

    def _seal(self, *, final: bool) -> None:
        """Seal the whole chunks of what is pending, keeping back at least one byte
        unless ``final`` (then the rest, possibly empty, is the last chunk)."""
        cs, pending = self._chunk, self._pending
        full = len(pending) // cs if final else (len(pending) - 1) // cs
        done = 0
        with memoryview(pending) as view:
            while done < full or final:
                count = min(self._per_batch, full - done)
                last = final and done + count == full
                if last and (len(pending) - full * cs or not full):
                    count += 1  # a short (or empty) last chunk after the full ones
                opos = 0
                for k in range(count):
                    pos = (done + k) * cs
                    plen = min(cs, len(pending) - pos)
                    end = last and k == count - 1
                    self._seal_into(chunk_nonce(self._index, end), view[pos : pos + plen],
                                    self._out[opos : opos + plen + TAG_LEN])  # fmt: skip
                    opos += plen + TAG_LEN
                    self._index += 1
                self._dst.write(self._out[:opos])
                done += count
                if last:
                    break
        del pending[: min(done * cs, len(pending))]

    def finish(self) -> int:
        """Seal the rest as the last chunk and write the header; the plaintext size."""
        if self._finished:
            raise ValueError("the envelope is already finished")
        self._seal(final=True)
        self._finished = True
        _, head = self._keyed.sized(self.size)
        end = self._dst.tell()
        self._dst.seek(self._start)
        self._dst.write(head)
        self._dst.seek(end)
        return self.size
