"""Sealing: the sender's side of VBE1."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

from venue_client.crypto.vbe1.format import (
    DEFAULT_CHUNK_SIZE,
    FILE_KEY_LEN,
    MAC_LEN,
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


@dataclass(frozen=True)
class Keyed:
    """A new envelope's keys and its header with the size still open."""

    header: Header
    file_key: bytes

    @classmethod
    def make(
        cls,
        recipients: Sequence[Recipient],
        suite: str,
        chunk_size: int,
        rng: Callable[[int], bytes],
        summary_len: int = 0,
    ) -> Keyed:
        chosen = Suite.from_label(suite)
        shift = chunk_size.bit_length() - 1
        if chunk_size != 1 << shift or not MIN_CHUNK_SHIFT <= shift <= MAX_CHUNK_SHIFT:
            raise ValueError("chunk_size must be a power of two from 4 KiB to 16 MiB")
        if not 1 <= len(recipients) <= MAX_RECIPIENTS:
            raise ValueError(f"1 to {MAX_RECIPIENTS} recipients")
        if len({r.fingerprint for r in recipients}) != len(recipients):
            raise ValueError("the same recipient twice")
        file_key = rng(FILE_KEY_LEN)
        nonce = rng(NONCE_LEN)
        stanzas = tuple(r.wrap(file_key, nonce, rng) for r in recipients)
        return cls(Header(chosen, shift, 0, summary_len, nonce, stanzas), file_key)

    def sized(self, size: int) -> tuple[Header, bytes]:
        """The header for a plaintext of ``size`` bytes, and its MAC."""
        if size > MAX_PLAINTEXT:
            raise ValueError("source too large")
        header = replace(self.header, plaintext_size=size)
        raw = header.encode()
        return header, raw + make_mac(self.file_key, header.payload_nonce, raw)

    def aead(self, info: bytes) -> Aead:
        return Aead.derive(self.header.suite, self.file_key, self.header.payload_nonce, info)


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
    summary_plain = encode_summary(summary) if summary is not None else None
    summary_len = len(summary_plain) + TAG_LEN if summary_plain is not None else 0
    keyed = Keyed.make(recipients, suite, chunk_size, rng, summary_len)
    header, head = keyed.sized(_source_size(src))
    out = _HashingWriter(dst)
    out.write(head)
    if summary_plain is not None:
        mac = head[-MAC_LEN:]
        out.write(keyed.aead(INFO_SUMMARY).seal(SUMMARY_NONCE, summary_plain, mac))
    seal_payload(src, out, header, keyed.aead(INFO_PAYLOAD))  # type: ignore[arg-type]
    return SealInfo(EnvelopeInfo.of(header, len(head) - MAC_LEN), out.hash.digest())
