"""Sealing: the sender's side of VBE1."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from typing import BinaryIO

from venue_client.crypto.vbe1.format import (
    DEFAULT_CHUNK_SIZE,
    FILE_KEY_LEN,
    MAX_CHUNK_SHIFT,
    MAX_PLAINTEXT,
    MAX_RECIPIENTS,
    MIN_CHUNK_SHIFT,
    NONCE_LEN,
    TAG_LEN,
    Header,
    Suite,
)
from venue_client.crypto.vbe1.info import EnvelopeInfo, SealInfo
from venue_client.crypto.vbe1.keys import INFO_PAYLOAD, INFO_SUMMARY, SUMMARY_NONCE, Aead
from venue_client.crypto.vbe1.keys import header_mac as make_mac
from venue_client.crypto.vbe1.recipients import Recipient
from venue_client.crypto.vbe1.stream import seal_payload
from venue_client.crypto.vbe1.summary import encode_summary


class _HashingWriter:
    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.hash = hashlib.sha256()

    def write(self, data: bytes | memoryview) -> int:
        self.hash.update(data)
        return self._raw.write(data)


def _source_size(src: BinaryIO) -> int:
    if not src.seekable():
        raise ValueError("seal needs a seekable source (its size goes in the header)")
    here = src.tell()
    end = src.seek(0, os.SEEK_END)
    src.seek(here)
    return end - here


def seal(
    src: BinaryIO,
    dst: BinaryIO,
    recipients: Sequence[Recipient],
    *,
    summary: Mapping[str, object] | None = None,
    suite: str = "AES-256-GCM",
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    rng: Callable[[int], bytes] = os.urandom,
) -> SealInfo:
    """Encrypt the rest of ``src`` (seekable) to ``recipients`` into ``dst``.

    ``rng`` is a seam for deterministic test vectors only; leave it alone.
    """
    chosen = Suite.from_label(suite)
    shift = chunk_size.bit_length() - 1
    if chunk_size != 1 << shift or not MIN_CHUNK_SHIFT <= shift <= MAX_CHUNK_SHIFT:
        raise ValueError("chunk_size must be a power of two from 4 KiB to 16 MiB")
    if not 1 <= len(recipients) <= MAX_RECIPIENTS:
        raise ValueError(f"1 to {MAX_RECIPIENTS} recipients")
    if len({r.fingerprint for r in recipients}) != len(recipients):
        raise ValueError("the same recipient twice")
    size = _source_size(src)
    if size > MAX_PLAINTEXT:
        raise ValueError("source too large")
    summary_plain = encode_summary(summary) if summary is not None else None
    file_key = rng(FILE_KEY_LEN)
    nonce = rng(NONCE_LEN)
    stanzas = tuple(r.wrap(file_key, nonce, rng) for r in recipients)
    summary_len = len(summary_plain) + TAG_LEN if summary_plain is not None else 0
    header = Header(chosen, shift, size, summary_len, nonce, stanzas)
    raw = header.encode()
    mac = make_mac(file_key, nonce, raw)
    out = _HashingWriter(dst)
    out.write(raw + mac)
    if summary_plain is not None:
        summary_aead = Aead.derive(chosen, file_key, nonce, INFO_SUMMARY)
        out.write(summary_aead.seal(SUMMARY_NONCE, summary_plain, mac))
    payload = Aead.derive(chosen, file_key, nonce, INFO_PAYLOAD)
    seal_payload(src, out, header, payload)  # type: ignore[arg-type]
    return SealInfo(EnvelopeInfo.of(header, len(raw)), out.hash.digest())
