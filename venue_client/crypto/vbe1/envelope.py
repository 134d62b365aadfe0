"""Opening: ``inspect`` (no key), ``open_summary`` (header and summary only) and
``decrypt`` (everything, with the receipt checked in the same pass)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag

from venue_client.crypto.envelope_errors import (
    NoSummaryError,
    TamperedError,
    TrailingDataError,
)
from venue_client.crypto.plainout import HashingReader, plaintext_output
from venue_client.crypto.vbe1.format import Header, Reader, parse_header, read_exact
from venue_client.crypto.vbe1.info import DecryptInfo, EnvelopeInfo, RecipientInfo
from venue_client.crypto.vbe1.keys import INFO_PAYLOAD, INFO_SUMMARY, SUMMARY_NONCE, Aead
from venue_client.crypto.vbe1.stream import open_payload
from venue_client.crypto.vbe1.summary import decode_summary
from venue_client.crypto.vbe1.unwrap import Opened, OpeningKey, open_header


def inspect(src: BinaryIO) -> EnvelopeInfo:
    """The header's public facts (no key, nothing authenticated yet)."""
    header, raw, _mac = parse_header(src)
    return EnvelopeInfo.of(header, len(raw))


def _read_summary(
    src: Reader, header: Header, raw: bytes, mac: bytes, opened: Opened
) -> dict[str, object] | None:
    if not header.summary_length:
        return None
    data = read_exact(src, header.summary_length, len(raw) + len(mac))
    aead = Aead.derive(header.suite, opened.file_key, header.payload_nonce, INFO_SUMMARY)
    try:
        plain = aead.open(SUMMARY_NONCE, data, mac)
    except InvalidTag:
        raise TamperedError(0) from None
    return decode_summary(plain)


def open_summary(src: BinaryIO, key: OpeningKey) -> dict[str, object]:
    """The opening summary, read and authenticated before (and without) the payload."""
    header, raw, mac = parse_header(src)
    opened = open_header(header, raw, mac, key)
    if not header.summary_length:
        raise NoSummaryError()
    summary = _read_summary(src, header, raw, mac, opened)
    assert summary is not None
    return summary


def decrypt(
    src: BinaryIO, dst: BinaryIO, key: OpeningKey, *, receipt: bytes | None = None
) -> DecryptInfo:
    """Decrypt the whole envelope into ``dst``; ``receipt`` (SHA-256 of the envelope
    as submitted) is checked in the same pass and wins over any other failure.
    ``dst`` receives plaintext before the end is authenticated: write to
    :func:`plaintext_output` (or use :func:`decrypt_file`)."""
    reader = HashingReader(src)
    with reader.receipt_first(receipt):
        header, raw, mac = parse_header(reader)
        opened = open_header(header, raw, mac, key)
        summary = _read_summary(reader, header, raw, mac, opened)
        payload = Aead.derive(header.suite, opened.file_key, header.payload_nonce, INFO_PAYLOAD)
        offset = len(raw) + len(mac) + header.summary_length
        open_payload(reader, dst, header, payload, offset)
        end = reader.position
        if reader.read(1):
            raise TrailingDataError(end)
        reader.check(receipt)
    return DecryptInfo(
        envelope=EnvelopeInfo.of(header, len(raw)),
        recipient=RecipientInfo.of(opened.stanza),
        summary=summary,
        sha256=reader.digest(),
        plaintext_size=header.plaintext_size,
    )


def decrypt_file(
    in_path: str | Path,
    out_path: str | Path,
    key: OpeningKey,
    *,
    receipt: bytes | None = None,
    overwrite: bool = False,
) -> DecryptInfo:
    """:func:`decrypt` from a file to a file that appears only if everything checked out."""
    with (
        Path(in_path).open("rb") as src,
        plaintext_output(Path(out_path), overwrite=overwrite) as dst,
    ):
        return decrypt(src, dst, key, receipt=receipt)
