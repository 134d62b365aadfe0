"""Pure logic: split a serial scanner's byte stream into codes."""

from __future__ import annotations

TERMINATORS = ("auto", "cr", "lf", "crlf")
MAX_LINE = 4096


class LineSplitter:
    """``auto``: CR, LF or CRLF ends a code (empty lines are ignored, so CRLF counts
    once); ``cr`` / ``lf``: only that byte ends a code and the other is dropped;
    ``crlf``: only the pair does. Over-long lines (no terminator configured on the
    scanner, line noise) are discarded and counted in ``overflows``."""

    def __init__(self, terminator: str = "auto", max_line: int = MAX_LINE) -> None:
        if terminator not in TERMINATORS:
            raise ValueError(f"terminator must be one of {TERMINATORS}")
        self.terminator = terminator
        self.max_line = max_line
        self.overflows = 0
        self._buf = bytearray()

    @property
    def pending(self) -> bytes:
        return bytes(self._buf)

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        if self.terminator == "crlf":
            parts = self._buf.split(b"\r\n")
        else:
            buf = self._buf
            if self.terminator == "cr":
                buf = buf.replace(b"\n", b"")
            elif self.terminator == "lf":
                buf = buf.replace(b"\r", b"")
            else:
                buf = buf.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            parts = buf.split(b"\r" if self.terminator == "cr" else b"\n")
        self._buf = bytearray(parts.pop())
        if len(self._buf) > self.max_line:
            self._buf.clear()
            self.overflows += 1
        lines = []
        for part in parts:
            if len(part) > self.max_line:
                self.overflows += 1
            elif part.strip():
                lines.append(bytes(part))
        return lines

    def flush(self) -> bytes | None:
        """Whatever is buffered, as a code (for scanners configured without a suffix)."""
        data, self._buf = bytes(self._buf), bytearray()
        return data if data.strip() else None


def decode_code(data: bytes, encoding: str = "utf-8") -> str:
    """Scanner bytes to text: the configured encoding, then GB18030 (scanners set up
    for Chinese Windows send GBK), printable characters only."""
    for candidate in (encoding, "gb18030"):
        try:
            text = data.decode(candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        text = data.decode(encoding, errors="replace")
    return "".join(ch for ch in text if ch.isprintable()).strip()
