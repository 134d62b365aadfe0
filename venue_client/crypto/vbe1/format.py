"""VBE1 wire format: the fixed header fields, the recipient stanzas, and a strict
parser that reads them from a stream without any key (see ``docs/vbe1.md``).

Layout (all integers big-endian)::

    magic "VBE1" | version u8 = 1 | suite u8 | chunk_shift u8 | recipient_count u8
    plaintext_size u64 | summary_length u32 | payload_nonce 16 bytes
    recipient_count x ( kind u8 | flags u8 | body_length u16 | fingerprint 32 | body )
    header_mac 32 bytes  (HMAC-SHA256 over every byte before it)
    summary ciphertext (summary_length bytes) | payload chunks
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import IntEnum
from typing import Protocol

from venue_client.crypto.envelope_errors import (
    MalformedEnvelopeError,
    NotAnEnvelopeError,
    TruncatedError,
    UnsupportedAlgorithmError,
)

MAGIC = b"VBE1"
VERSION = 1
FIXED = struct.Struct(">4sBBBBQI16s")  # 36 bytes
STANZA = struct.Struct(">BBH32s")  # 36 bytes, then the body
FIXED_LEN = FIXED.size
STANZA_LEN = STANZA.size
MAC_LEN = 32
TAG_LEN = 16
FILE_KEY_LEN = 32
NONCE_LEN = 16
FINGERPRINT_LEN = 32

MIN_CHUNK_SHIFT = 12  # 4 KiB
MAX_CHUNK_SHIFT = 24  # 16 MiB
DEFAULT_CHUNK_SIZE = 1 << 16
MAX_RECIPIENTS = 64
MAX_PLAINTEXT = 1 << 50  # 1 PiB
MAX_SUMMARY_PLAINTEXT = 1 << 16
MAX_RSA_BODY = 1024  # RSA-8192

FLAG_BACKUP = 0x01


class Suite(IntEnum):
    AES_256_GCM = 1
    SM4_GCM = 2

    @property
    def label(self) -> str:
        return "AES-256-GCM" if self is Suite.AES_256_GCM else "SM4-GCM"

    @property
    def key_length(self) -> int:
        return 32 if self is Suite.AES_256_GCM else 16

    @classmethod
    def from_label(cls, label: str) -> Suite:
        for suite in cls:
            if suite.label == label.upper():
                return suite
        raise UnsupportedAlgorithmError(label)


class Kind(IntEnum):
    RSA_OAEP_SHA256 = 1
    RSA_OAEP_SHA1 = 2
    RSA_PKCS1V15 = 3
    ECDH_P256 = 4
    SM2 = 5
    LOCAL = 6

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


ECDH_POINT_LEN = 65
KW_LEN = 40  # RFC 3394 AES key wrap of the 32-byte file key
SM2_BODY_LEN = 65 + 32 + FILE_KEY_LEN
FIXED_BODY = {Kind.ECDH_P256: ECDH_POINT_LEN + KW_LEN, Kind.SM2: SM2_BODY_LEN, Kind.LOCAL: KW_LEN}
RSA_KINDS = (Kind.RSA_OAEP_SHA256, Kind.RSA_OAEP_SHA1, Kind.RSA_PKCS1V15)


@dataclass(frozen=True)
class Stanza:
    """One recipient: the file key wrapped for one key."""

    kind: Kind
    backup: bool
    fingerprint: bytes
    body: bytes

    def encode(self) -> bytes:
        flags = FLAG_BACKUP if self.backup else 0
        return STANZA.pack(self.kind, flags, len(self.body), self.fingerprint) + self.body


@dataclass(frozen=True)
class Header:
    """Everything before the header MAC (``raw`` is those bytes, the MAC's input)."""

    suite: Suite
    chunk_shift: int
    plaintext_size: int
    summary_length: int
    payload_nonce: bytes
    stanzas: tuple[Stanza, ...]

    @property
    def chunk_size(self) -> int:
        return 1 << self.chunk_shift

    @property
    def chunk_count(self) -> int:
        """Chunks in the payload: at least one (an empty file is one empty last chunk)."""
        return max(1, -(-self.plaintext_size // self.chunk_size))

    @property
    def last_chunk_plaintext(self) -> int:
        return self.plaintext_size - (self.chunk_count - 1) * self.chunk_size

    @property
    def payload_length(self) -> int:
        return self.plaintext_size + self.chunk_count * TAG_LEN

    def encode(self) -> bytes:
        fields = (self.chunk_shift, len(self.stanzas), self.plaintext_size, self.summary_length)
        fixed = FIXED.pack(MAGIC, VERSION, self.suite, *fields, self.payload_nonce)
        return fixed + b"".join(s.encode() for s in self.stanzas)


class Reader(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def read_exact(src: Reader, n: int, offset: int) -> bytes:
    """``n`` bytes, or :class:`TruncatedError` at the offset where the input ended."""
    data = src.read(n)
    while len(data) < n:
        more = src.read(n - len(data))
        if not more:
            raise TruncatedError(offset + len(data))
        data += more
    return data


def check_summary_length(length: int) -> None:
    if length != 0 and not TAG_LEN < length <= MAX_SUMMARY_PLAINTEXT + TAG_LEN:
        raise MalformedEnvelopeError("VBE1 summary length")


def parse_header(src: Reader) -> tuple[Header, bytes, bytes]:
    """Read the header and its MAC from ``src`` (positioned at offset 0): the parsed
    header, the raw bytes the MAC covers, and the MAC. Structure only; no key."""
    first = src.read(len(MAGIC))
    while 0 < len(first) < len(MAGIC) and MAGIC.startswith(first):
        more = src.read(len(MAGIC) - len(first))
        if not more:
            raise TruncatedError(len(first))
        first += more
    if first != MAGIC:
        raise NotAnEnvelopeError()
    fixed = first + read_exact(src, FIXED_LEN - len(MAGIC), len(MAGIC))
    _, version, suite, shift, count, size, summary_len, nonce = FIXED.unpack(fixed)
    if version != VERSION:
        raise UnsupportedAlgorithmError(f"VBE1 version {version}")
    if suite not in Suite._value2member_map_:
        raise UnsupportedAlgorithmError(f"VBE1 suite {suite}")
    if not MIN_CHUNK_SHIFT <= shift <= MAX_CHUNK_SHIFT:
        raise MalformedEnvelopeError("VBE1 chunk size")
    if not 1 <= count <= MAX_RECIPIENTS:
        raise MalformedEnvelopeError("VBE1 recipient count")
    if size > MAX_PLAINTEXT:
        raise MalformedEnvelopeError("VBE1 plaintext size")
    check_summary_length(summary_len)
    raw = bytearray(fixed)
    stanzas: list[Stanza] = []
    seen: set[bytes] = set()
    for _ in range(count):
        kind_no, flags, body_len, fingerprint = STANZA.unpack(read_exact(src, STANZA_LEN, len(raw)))
        raw += STANZA.pack(kind_no, flags, body_len, fingerprint)
        if kind_no not in Kind._value2member_map_:
            raise MalformedEnvelopeError(f"VBE1 recipient kind {kind_no}")
        kind = Kind(kind_no)
        if flags & ~FLAG_BACKUP:
            raise MalformedEnvelopeError("VBE1 recipient flags")
        expected = FIXED_BODY.get(kind)
        if (expected is not None and body_len != expected) or not 0 < body_len <= MAX_RSA_BODY:
            raise MalformedEnvelopeError(f"VBE1 recipient body length ({kind.label})")
        if fingerprint in seen:
            raise MalformedEnvelopeError("VBE1 duplicate recipient")
        seen.add(fingerprint)
        body = read_exact(src, body_len, len(raw))
        raw += body
        stanzas.append(Stanza(kind, bool(flags & FLAG_BACKUP), fingerprint, body))
    mac = read_exact(src, MAC_LEN, len(raw))
    header = Header(Suite(suite), shift, size, summary_len, nonce, tuple(stanzas))
    return header, bytes(raw), mac
