"""A small incremental BER/DER reader: tag and length headers (definite and
indefinite lengths), whole elements captured into memory with a size cap, and the
content octets of a (possibly constructed, possibly indefinite) OCTET STRING
handed out piece by piece. It never holds more than one read block of the input.

Every structural problem raises :class:`MalformedEnvelopeError`; an input that
ends early raises :class:`TruncatedError` with the offset where it ended.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from venue_client.crypto.envelope_errors import MalformedEnvelopeError, TruncatedError

UNIVERSAL = 0
CONTEXT = 2
TAG_INTEGER = 2
TAG_OCTET_STRING = 4
TAG_OID = 6
TAG_SEQUENCE = 16
TAG_SET = 17

READ_BLOCK = 1 << 20
MAX_DEPTH = 48
MAX_LENGTH = 1 << 62


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class Header:
    """One element's identifier and length; ``length`` None is the indefinite form."""

    tag_class: int
    constructed: bool
    number: int
    length: int | None
    offset: int  # where the header starts
    raw: bytes  # the header bytes as read

    @property
    def end(self) -> int | None:
        """Offset just after the content (definite lengths only)."""
        return None if self.length is None else self.offset + len(self.raw) + self.length

    @property
    def is_eoc(self) -> bool:
        return self.tag_class == 0 and self.number == 0 and not self.constructed

    def is_universal(self, number: int) -> bool:
        return self.tag_class == UNIVERSAL and self.number == number

    def is_context(self, number: int) -> bool:
        return self.tag_class == CONTEXT and self.number == number


class BerReader:
    """Reads BER from a binary stream through an internal block buffer."""

    def __init__(self, stream: Readable, *, block: int = READ_BLOCK) -> None:
        self._stream = stream
        self._block = block
        self._buf = b""
        self._off = 0
        self._base = 0
        self._eof = False

    @property
    def position(self) -> int:
        return self._base + self._off

    def _fill(self, n: int) -> bool:
        """Make at least ``n`` bytes available; False if the input ends first."""
        while len(self._buf) - self._off < n:
            if self._eof:
                return False
            data = self._stream.read(max(self._block, n))
            if not data:
                self._eof = True
                return False
            self._base += self._off
            self._buf = self._buf[self._off :] + data
            self._off = 0
        return True

    def _truncated(self) -> TruncatedError:
        return TruncatedError(self._base + len(self._buf))

    def read(self, n: int) -> bytes:
        if not self._fill(n):
            raise self._truncated()
        data = self._buf[self._off : self._off + n]
        self._off += n
        return data

    def read_some(self, limit: int) -> bytes:
        """Between 1 and ``limit`` bytes (what the buffer holds, refilled if empty)."""
        if not self._fill(1):
            raise self._truncated()
        n = min(limit, len(self._buf) - self._off)
        data = self._buf[self._off : self._off + n]
        self._off += n
        return data

    def at_eof(self) -> bool:
        return not self._fill(1)

    def peek(self, n: int) -> bytes:
        self._fill(n)
        return self._buf[self._off : self._off + n]

    # -- headers -------------------------------------------------------------------

    def read_header(self) -> Header:
        start = self.position
        first = self.read(1)[0]
        raw = bytearray([first])
        tag_class = first >> 6
        constructed = bool(first & 0x20)
        number = first & 0x1F
        if number == 0x1F:
            number = 0
            for count in range(5):
                byte = self.read(1)[0]
                raw.append(byte)
                if count == 0 and byte == 0x80:
                    raise MalformedEnvelopeError(f"tag @{start}")
                number = (number << 7) | (byte & 0x7F)
                if not byte & 0x80:
                    break
            else:
                raise MalformedEnvelopeError(f"tag @{start}")
        first_len = self.read(1)[0]
        raw.append(first_len)
        length: int | None
        if first_len < 0x80:
            length = first_len
        elif first_len == 0x80:
            if not constructed:
                raise MalformedEnvelopeError(f"indefinite primitive @{start}")
            length = None
        else:
            count = first_len & 0x7F
            if count > 8:
                raise MalformedEnvelopeError(f"length @{start}")
            octets = self.read(count)
            raw += octets
            length = int.from_bytes(octets, "big")
            if length > MAX_LENGTH:
                raise MalformedEnvelopeError(f"length @{start}")
        return Header(tag_class, constructed, number, length, start, bytes(raw))

    def expect(self, tag_class: int, number: int, what: str, *, end: int | None = None) -> Header:
        """The next header, which must have this tag and fit before ``end``."""
        header = self.read_header()
        if header.tag_class != tag_class or header.number != number:
            raise MalformedEnvelopeError(f"{what} @{header.offset}")
        self.check_fits(header, end, what)
        return header

    def check_fits(self, header: Header, end: int | None, what: str) -> None:
        if end is not None and header.end is not None and header.end > end:
            raise MalformedEnvelopeError(f"{what} length @{header.offset}")

    def more(self, end: int | None) -> bool:
        """Whether a container (ending at ``end``, or indefinite when None) has
        another element; the end-of-contents octets of an indefinite one are consumed."""
        if end is None:
            if self.peek(2) == b"\x00\x00":
                self._off += 2
                return False
            if self.at_eof():
                raise self._truncated()
            return True
        position = self.position
        if position > end:
            raise MalformedEnvelopeError(f"overrun @{end}")
        return position < end

    # -- whole elements --------------------------------------------------------------

    def capture(self, header: Header, limit: int, depth: int = 0) -> bytes:
        """The complete encoding of the element whose header was just read (content
        included), at most ``limit`` bytes: for the small parts given to asn1crypto."""
        if depth > MAX_DEPTH:
            raise MalformedEnvelopeError(f"nesting @{header.offset}")
        if header.length is not None:
            if len(header.raw) + header.length > limit:
                raise MalformedEnvelopeError(f"element too large @{header.offset}")
            return header.raw + self.read(header.length)
        parts = [header.raw]
        size = len(header.raw)
        while True:
            child = self.read_header()
            if child.is_eoc:
                if child.length != 0:
                    raise MalformedEnvelopeError(f"end-of-contents @{child.offset}")
                parts.append(child.raw)
                return b"".join(parts)
            data = self.capture(child, limit - size, depth + 1)
            size += len(data)
            parts.append(data)
            if size > limit:
                raise MalformedEnvelopeError(f"element too large @{header.offset}")

    def skip(self, header: Header, limit: int) -> None:
        self.capture(header, limit)

    # -- streamed OCTET STRING content ------------------------------------------------

    def octets(self, header: Header, piece: int = READ_BLOCK, depth: int = 0) -> Iterator[bytes]:
        """The content octets of a string element (primitive, or constructed from
        OCTET STRING pieces as ``openssl cms -stream`` writes them)."""
        if depth > MAX_DEPTH:
            raise MalformedEnvelopeError(f"nesting @{header.offset}")
        if not header.constructed:
            remaining = header.length or 0
            while remaining:
                data = self.read_some(min(remaining, piece))
                remaining -= len(data)
                yield data
            return
        end = header.end
        while True:
            batch = self._buffered_pieces(end, piece)
            if batch:
                yield batch
            if not self.more(end):
                break
            child = self.expect(UNIVERSAL, TAG_OCTET_STRING, "OCTET STRING piece", end=end)
            yield from self.octets(child, piece, depth + 1)
        if end is not None and self.position != end:
            raise MalformedEnvelopeError(f"string length @{header.offset}")

    def _buffered_pieces(self, end: int | None, limit: int) -> bytes:
        """Fast path for many small primitive pieces (``-stream`` writes 4 KiB ones):
        take those lying whole in the buffer in one go, joined. Anything unusual
        (a nested or long piece, end-of-contents, the container's end) is left to
        the general path."""
        buf, off, parts, total = self._buf, self._off, [], 0
        stop = len(buf) if end is None else min(len(buf), end - self._base)
        while total < limit and off + 2 <= stop and buf[off] == 0x04:
            first = buf[off + 1]
            if first < 0x80:
                start, length = off + 2, first
            elif first == 0x82 and off + 4 <= stop:
                start, length = off + 4, (buf[off + 2] << 8) | buf[off + 3]
            else:
                break
            if start + length > stop:
                break
            parts.append(buf[start : start + length])
            total += length
            off = start + length
        self._off = off
        return b"".join(parts)
