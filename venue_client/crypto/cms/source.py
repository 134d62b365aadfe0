"""The three ways a CMS envelope is stored: raw DER/BER, PEM (``-----BEGIN CMS-----``
or ``PKCS7``) and S/MIME (MIME headers, then base64 ``smime.p7m``, as
``openssl cms -encrypt`` writes by default). PEM and S/MIME bodies are decoded
block by block, so a large file is never held in memory.
"""

from __future__ import annotations

import binascii
import re
from typing import Literal

from venue_client.crypto.cms.ber import Readable
from venue_client.crypto.envelope_errors import (
    MalformedEnvelopeError,
    NotAnEnvelopeError,
    TrailingDataError,
    TruncatedError,
)

Encoding = Literal["DER", "PEM", "SMIME"]

PEM_LABELS = (b"CMS", b"PKCS7")
MIME_TYPES = (b"application/pkcs7-mime", b"application/x-pkcs7-mime")
BLOCK = 1 << 20
MAX_HEADER_BYTES = 64 * 1024
MAX_FOOTER_BYTES = 4096
_WHITESPACE = b" \t\r\n"
_HEADER_LINE = re.compile(rb"^[A-Za-z0-9-]+:")


class _Prefixed:
    """A stream that first returns ``head``, then the rest of ``raw``."""

    def __init__(self, head: bytes, raw: Readable) -> None:
        self._head = head
        self._raw = raw

    def read(self, size: int = -1, /) -> bytes:
        if self._head:
            if size < 0 or size >= len(self._head):
                data, self._head = self._head, b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._raw.read(size)


class _LineReader:
    """Reads text lines (bounded) from a binary stream, keeping what follows."""

    def __init__(self, raw: Readable, head: bytes) -> None:
        self._raw = raw
        self._pending = head
        self.consumed = 0

    def readline(self) -> bytes:
        while b"\n" not in self._pending:
            data = self._raw.read(4096)
            if not data:
                break
            self._pending += data
            if len(self._pending) > MAX_HEADER_BYTES:
                raise MalformedEnvelopeError("header too long")
        cut = self._pending.find(b"\n")
        cut = len(self._pending) if cut < 0 else cut + 1
        line, self._pending = self._pending[:cut], self._pending[cut:]
        self.consumed += len(line)
        return line

    def rest(self) -> _Prefixed:
        return _Prefixed(self._pending, self._raw)


class Base64Stream:
    """Decodes a base64 body, block by block. With ``pem_label`` the body ends at
    ``-----END <label>-----``; otherwise at the end of the input. Only whitespace
    may follow."""

    def __init__(self, raw: Readable, *, pem_label: bytes | None, offset: int) -> None:
        self._raw = raw
        self._label = pem_label
        self._offset = offset  # text bytes consumed so far (for error offsets)
        self._carry = b""
        self._out = b""
        self._done = False
        self._padded = False

    def read(self, size: int = -1, /) -> bytes:
        while not self._done and (size < 0 or len(self._out) < size):
            self._step()
        if size < 0 or size >= len(self._out):
            data, self._out = self._out, b""
        else:
            data, self._out = self._out[:size], self._out[size:]
        return data

    def _step(self) -> None:
        text = self._raw.read(BLOCK)
        if not text:
            if self._label is not None:
                raise TruncatedError(self._offset)
            self._finish_body(b"")
            return
        self._offset += len(text)
        dash = text.find(b"-")
        if dash >= 0:
            if self._label is None:
                raise MalformedEnvelopeError("base64 body")
            self._finish_body(text[:dash])
            self._footer(text[dash:])
            return
        self._decode(text, final=False)

    def _decode(self, text: bytes, *, final: bool) -> None:
        data = self._carry + text.translate(None, _WHITESPACE)
        keep = len(data) % 4
        body, self._carry = (data[: len(data) - keep], data[len(data) - keep :])
        if not body:
            return
        if self._padded:
            raise MalformedEnvelopeError("base64 after padding")
        try:
            self._out += binascii.a2b_base64(body, strict_mode=True)
        except binascii.Error as exc:
            raise MalformedEnvelopeError("base64") from exc
        self._padded = body.endswith(b"=")

    def _finish_body(self, text: bytes) -> None:
        self._decode(text, final=True)
        if self._carry:  # a partial quantum: the text was cut off
            raise TruncatedError(self._offset)
        self._done = True

    def _footer(self, text: bytes) -> None:
        footer = text
        while len(footer) <= MAX_FOOTER_BYTES:
            data = self._raw.read(MAX_FOOTER_BYTES)
            if not data:
                break
            footer += data
        start = self._offset - len(text)
        expected = b"-----END " + (self._label or b"") + b"-----"
        if not footer.startswith(expected):
            if expected.startswith(footer.rstrip()):
                raise TruncatedError(start + len(footer))
            raise MalformedEnvelopeError("PEM footer")
        tail = footer[len(expected) :]
        if tail.strip(_WHITESPACE):
            raise TrailingDataError(start + len(expected))


def open_source(raw: Readable) -> tuple[Readable, Encoding]:
    """The DER/BER byte stream inside ``raw`` and how it was stored."""
    head = raw.read(64)
    if not head:
        raise NotAnEnvelopeError()
    if head[0] == 0x30:
        return _Prefixed(head, raw), "DER"
    lines = _LineReader(raw, head)
    first = lines.readline()
    while first.strip(_WHITESPACE) == b"" and lines.consumed < MAX_HEADER_BYTES:
        if not first:
            raise NotAnEnvelopeError()
        first = lines.readline()
    stripped = first.strip(_WHITESPACE)
    for label in PEM_LABELS:
        if stripped == b"-----BEGIN " + label + b"-----":
            stream = Base64Stream(lines.rest(), pem_label=label, offset=lines.consumed)
            return stream, "PEM"
    if _HEADER_LINE.match(stripped):
        _mime_headers(first, lines)
        return Base64Stream(lines.rest(), pem_label=None, offset=lines.consumed), "SMIME"
    raise NotAnEnvelopeError()


def _mime_headers(first: bytes, lines: _LineReader) -> None:
    """Read the MIME header block (up to the blank line) and check that it is a
    base64 ``application/pkcs7-mime`` entity."""
    headers: dict[bytes, bytes] = {}
    name = b""
    line = first
    while True:
        text = line.rstrip(b"\r\n")
        if not line:
            raise TruncatedError(lines.consumed)
        if not text.strip(_WHITESPACE):
            break
        if text[:1] in (b" ", b"\t") and name:
            headers[name] += b" " + text.strip()
        else:
            key, sep, value = text.partition(b":")
            if not sep or not _HEADER_LINE.match(text):
                raise NotAnEnvelopeError()
            name = key.strip().lower()
            headers[name] = value.strip()
        line = lines.readline()
    content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
    if content_type not in MIME_TYPES:
        raise NotAnEnvelopeError()
    encoding = headers.get(b"content-transfer-encoding", b"").strip().lower()
    if encoding != b"base64":
        raise MalformedEnvelopeError("Content-Transfer-Encoding")


def sniff_encoding(head: bytes) -> Encoding | None:
    """Which storage form ``head`` (the first bytes of a file) looks like."""
    if head[:1] == b"\x30":
        return "DER"
    text = head.lstrip(_WHITESPACE)
    for label in PEM_LABELS:
        if text.startswith(b"-----BEGIN " + label + b"-----"):
            return "PEM"
    if _HEADER_LINE.match(text):
        block = text.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0].lower()
        if any(t in block for t in MIME_TYPES):
            return "SMIME"
    return None
