"""Streaming import of CMS bid envelopes: RFC 5652 EnvelopedData, RFC 5083
AuthEnvelopedData, and GM/T 0010-2012 (SM2) enveloped data, stored as DER/BER,
PEM or S/MIME. Memory stays bounded whatever the file size: the ciphertext is
read, hashed (for the receipt) and decrypted block by block.

- :func:`inspect`: what an envelope is and whom it is for (no key needed).
- :func:`decrypt`: plaintext into ``dst``; the caller must discard ``dst`` when it
  raises (GCM output is authenticated only at the end; CBC has no integrity at
  all, only the receipt tells a changed byte) -- :func:`decrypt_file` does that.
- :func:`sniff`: whether the first bytes of a file look like one of these.

Every bad input raises an :class:`~venue_client.crypto.envelope_errors.EnvelopeError`.
See ``docs/cms-import.md`` for what is and is not covered.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from drivers.token.keys import KeySession
from venue_client.crypto.cms.asn1 import ENVELOPE_TYPES
from venue_client.crypto.cms.ber import BerReader
from venue_client.crypto.cms.ciphers import content_decryptor
from venue_client.crypto.cms.envelope import EnvelopeHeader, EnvelopeReader
from venue_client.crypto.cms.recipients import Recipient
from venue_client.crypto.cms.source import Encoding, open_source, sniff_encoding
from venue_client.crypto.cms.unwrap import Unwrapped, unwrap_with_session, unwrap_with_sm2
from venue_client.crypto.plainout import HashingReader, plaintext_output
from venue_client.crypto.sm2 import Sm2PrivateKey

__all__ = [
    "DecryptInfo",
    "EnvelopeInfo",
    "Recipient",
    "decrypt",
    "decrypt_file",
    "inspect",
    "sniff",
]

WRITE_BATCH = 1 << 20


@dataclass(frozen=True)
class EnvelopeInfo:
    """What :func:`inspect` tells about an envelope."""

    format: Literal["CMS", "GMT0010"]
    content_type: Literal["Enveloped", "AuthEnveloped"]
    encoding: Encoding
    indefinite: bool  # BER indefinite lengths (``openssl cms -stream``)
    version: int
    recipients: tuple[Recipient, ...]
    content_cipher: str  # e.g. "AES-256-GCM"; an unsupported one is named too
    ciphertext_size: int | None  # None when streamed in pieces (not known up front)

    @property
    def length_form(self) -> str:
        return "indefinite" if self.indefinite else "definite"


@dataclass(frozen=True)
class DecryptInfo:
    """What :func:`decrypt` did: which recipient opened it and how much came out."""

    envelope: EnvelopeInfo
    recipient: Recipient
    key_fingerprint: bytes | None  # SHA-256 of the certificate used (None: a bare SM2 key)
    ciphertext_size: int
    plaintext_size: int
    sha256: bytes  # of the file bytes as stored (what the receipt is compared with)


def _info(header: EnvelopeHeader, encoding: Encoding) -> EnvelopeInfo:
    return EnvelopeInfo(
        format="GMT0010" if header.format == "GMT0010" else "CMS",
        content_type="AuthEnveloped" if header.content_type == "AuthEnveloped" else "Enveloped",
        encoding=encoding,
        indefinite=header.indefinite,
        version=header.version,
        recipients=tuple(header.recipients),
        content_cipher=header.cipher_name,
        ciphertext_size=header.ciphertext_size,
    )


def inspect(src: BinaryIO) -> EnvelopeInfo:
    """Read the envelope's header (up to the ciphertext) and describe it."""
    stream, encoding = open_source(src)
    return _info(EnvelopeReader(BerReader(stream)).header(), encoding)


def decrypt(
    src: BinaryIO,
    dst: BinaryIO,
    session: KeySession | Sm2PrivateKey,
    *,
    receipt: bytes | None = None,
) -> DecryptInfo:
    """Decrypt ``src`` into ``dst`` in one streaming pass. ``receipt``: the SHA-256
    of the file as submitted; checked over every byte of ``src``, and a mismatch
    (:class:`ReceiptMismatchError`) wins over any other failure, since it means
    the file is not the one submitted. For a token, call this on its owner thread."""
    hashed = HashingReader(src)
    with hashed.receipt_first(receipt):
        return _decrypt(hashed, dst, session, receipt)


def _decrypt(
    hashed: HashingReader,
    dst: BinaryIO,
    session: KeySession | Sm2PrivateKey,
    receipt: bytes | None,
) -> DecryptInfo:
    stream, encoding = open_source(hashed)
    envelope = EnvelopeReader(BerReader(stream))
    header = envelope.header()
    envelope.check_supported()
    cipher = header.cipher
    assert cipher is not None
    unwrapped: Unwrapped
    if isinstance(session, Sm2PrivateKey):
        unwrapped = unwrap_with_sm2(header.recipients, session, cipher.key_size)
    else:
        unwrapped = unwrap_with_session(header.recipients, session, cipher.key_size)
    decryptor = content_decryptor(cipher, unwrapped.key)
    ciphertext_size = plaintext_size = 0
    batch: list[bytes] = []
    batched = 0
    for piece in envelope.ciphertext():
        ciphertext_size += len(piece)
        out = decryptor.update(piece)
        batch.append(out)
        batched += len(out)
        if batched >= WRITE_BATCH:
            dst.write(b"".join(batch))
            plaintext_size += batched
            batch.clear()
            batched = 0
    mac = envelope.finish()
    batch.append(decryptor.finalize(mac))
    tail = b"".join(batch)
    hashed.drain()
    hashed.check(receipt)
    dst.write(tail)
    plaintext_size += len(tail)
    return DecryptInfo(
        envelope=_info(header, encoding),
        recipient=unwrapped.recipient,
        key_fingerprint=unwrapped.certificate.fingerprint if unwrapped.certificate else None,
        ciphertext_size=ciphertext_size,
        plaintext_size=plaintext_size,
        sha256=hashed.digest(),
    )


def decrypt_file(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    session: KeySession | Sm2PrivateKey,
    receipt: bytes | None = None,
) -> DecryptInfo:
    """Decrypt a file into ``out_path``, which appears only when everything checked
    out (authentication, padding, receipt); on any failure no plaintext remains."""
    with Path(in_path).open("rb") as src, plaintext_output(Path(out_path)) as dst:
        return decrypt(src, dst, session, receipt=receipt)


def sniff(head: bytes) -> bool:
    """Whether a file starting with ``head`` looks like a CMS / GM/T 0010 envelope:
    DER with an enveloped content type, PEM ``CMS``/``PKCS7``, or S/MIME."""
    encoding = sniff_encoding(head)
    if encoding != "DER":
        return encoding is not None
    # SEQUENCE, its length, then OBJECT IDENTIFIER with a known content type.
    if len(head) < 2:
        return False
    pos = 2
    if head[1] & 0x80:
        pos += head[1] & 0x7F
    if len(head) < pos + 2 or head[pos] != 0x06:
        return False
    oid_len = head[pos + 1]
    value = head[pos + 2 : pos + 2 + oid_len]
    return any(_oid_bytes(oid) == value for oid in ENVELOPE_TYPES)


def _oid_bytes(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    out = bytearray([parts[0] * 40 + parts[1]])
    for arc in parts[2:]:
        rest = arc
        chunk = [rest & 0x7F]
        rest >>= 7
        while rest:
            chunk.append(0x80 | (rest & 0x7F))
            rest >>= 7
        out += bytes(reversed(chunk))
    return bytes(out)
