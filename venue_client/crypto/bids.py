"""Bid files of every supported format behind one door: :func:`sniff_format` tells
VBE1 (``docs/vbe1.md``) from CMS / GM/T 0010 (``docs/cms-import.md``) by the first
bytes, :func:`inspect_bid` describes a file without a key, :func:`decrypt_bid`
opens it into a file that appears only when everything checked out, and
:func:`open_bid_summary` reads the opening summary (开标一览表) alone.

Every failure is an :class:`~venue_client.crypto.envelope_errors.EnvelopeError`
(token and key-file problems stay the driver's ``TokenError``). With a PKCS#11
token, call these on the token's owner thread (``token.run(handler, ...)``).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Union

from asn1crypto import core

from drivers.token.keys import KeySession
from venue_client.crypto import cms, vbe1
from venue_client.crypto.cms.asn1 import OID_GMT_ENVELOPED
from venue_client.crypto.envelope_errors import (
    NoSummaryError,
    NotAnEnvelopeError,
    ReceiptMismatchError,
    WrongKeyError,
)
from venue_client.crypto.plainout import parse_receipt
from venue_client.crypto.sm2 import Sm2PrivateKey

BidFormat = Literal["VBE1", "CMS", "GMT0010"]
BidKey = Union[KeySession, Sm2PrivateKey, bytes]  # noqa: UP007 - runtime alias
HEAD_SIZE = 64  # enough for the magic, a DER prefix with its OID, or a PEM/MIME line
VBE1_MAGIC = b"VBE1"
_GMT_OID = b"\x06" + bytes([len(core.ObjectIdentifier(OID_GMT_ENVELOPED).contents)])
_GMT_OID += core.ObjectIdentifier(OID_GMT_ENVELOPED).contents
_HASH_BLOCK = 1 << 20


def sniff_format(head: bytes) -> BidFormat:
    """The format of a file starting with ``head`` (its first bytes, e.g. 64).
    PEM and S/MIME CMS count as "CMS" here; :func:`inspect_bid` reads the inner type.
    :class:`NotAnEnvelopeError` when it is none of them."""
    if head.startswith(VBE1_MAGIC):
        return "VBE1"
    if cms.sniff(head):
        return "GMT0010" if _GMT_OID in head[:32] else "CMS"
    raise NotAnEnvelopeError()


def sniff_file(path: str | os.PathLike[str]) -> BidFormat:
    with Path(path).open("rb") as fh:
        return sniff_format(fh.read(HEAD_SIZE))


@dataclass(frozen=True)
class BidRecipient:
    """One recipient as ``venue-admin bid inspect`` lists it."""

    algorithm: str  # "rsa-oaep-sha256", "ecdh-p256", "sm2", "RSA-OAEP-SHA256" ...
    identifier: str  # VBE1: the SHA-256 fingerprint; CMS: issuer+serial or ski
    backup: bool = False
    unsupported: bool = False


@dataclass(frozen=True)
class BidInfo:
    """What a bid file says about itself without a key."""

    format: BidFormat
    file_size: int
    cipher: str  # "AES-256-GCM", "SM4-GCM", "AES-256-CBC" ...
    recipients: tuple[BidRecipient, ...]
    plaintext_size: int | None  # VBE1 only (CMS does not say)
    ciphertext_size: int | None  # None when CMS streams it in pieces
    summary_present: bool  # a VBE1 opening summary
    detail: str  # "VBE1 v1, 64 KiB chunks x 3", "CMS AuthEnveloped DER indefinite v0"

    def as_json(self) -> dict[str, object]:
        return {
            "format": self.format,
            "file_size": self.file_size,
            "cipher": self.cipher,
            "plaintext_size": self.plaintext_size,
            "ciphertext_size": self.ciphertext_size,
            "summary": self.summary_present,
            "detail": self.detail,
            "recipients": [
                {
                    "algorithm": r.algorithm,
                    "id": r.identifier,
                    "backup": r.backup,
                    "unsupported": r.unsupported,
                }
                for r in self.recipients
            ],
        }


@dataclass(frozen=True)
class BidOpened:
    """What :func:`decrypt_bid` did."""

    format: BidFormat
    recipient: BidRecipient  # the one that opened it
    plaintext_size: int
    sha256: str  # hex, of the file as stored: what the receipt was compared with
    summary: dict[str, object] | None  # VBE1's opening summary, when sealed with one


def inspect_bid(path: str | os.PathLike[str]) -> BidInfo:
    """Describe the bid file at ``path`` (header only; no key, nothing authenticated)."""
    fmt = sniff_file(path)
    size = Path(path).stat().st_size
    with Path(path).open("rb") as fh:
        if fmt == "VBE1":
            v = vbe1.inspect(fh)
            return BidInfo(
                format="VBE1",
                file_size=size,
                cipher=v.suite,
                recipients=tuple(_vbe1_recipient(r) for r in v.recipients),
                plaintext_size=v.plaintext_size,
                ciphertext_size=v.total_length - v.header_length - v.summary_length,
                summary_present=v.summary_present,
                detail=f"VBE1 v{v.version}, {v.chunk_size // 1024} KiB x {v.chunk_count}",
            )
        c = cms.inspect(fh)
    return BidInfo(
        format=c.format,
        file_size=size,
        cipher=c.content_cipher,
        recipients=tuple(_cms_recipient(r) for r in c.recipients),
        plaintext_size=None,
        ciphertext_size=c.ciphertext_size,
        summary_present=False,
        detail=f"{c.format} {c.content_type} {c.encoding} {c.length_form} v{c.version}",
    )


def decrypt_bid(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    key: BidKey,
    receipt: bytes | str | None = None,
) -> BidOpened:
    """Decrypt ``in_path`` into ``out_path`` (which must not exist) in one pass with
    the receipt (SHA-256 of the file as submitted, bytes or hex) checked on the way;
    on any failure no output file remains."""
    expected = parse_receipt(receipt) if isinstance(receipt, str) else receipt
    fmt = sniff_file(in_path)
    if fmt == "VBE1":
        v = vbe1.decrypt_file(Path(in_path), Path(out_path), key, receipt=expected)
        return BidOpened(
            format="VBE1",
            recipient=_vbe1_recipient(v.recipient),
            plaintext_size=v.plaintext_size,
            sha256=v.sha256.hex(),
            summary=v.summary,
        )
    if isinstance(key, bytes | bytearray):  # a local key opens VBE1 only
        if expected is not None:
            _check_receipt(in_path, expected)
        raise WrongKeyError()
    c = cms.decrypt_file(in_path, out_path, key, receipt=expected)
    return BidOpened(
        format=c.envelope.format,
        recipient=_cms_recipient(c.recipient),
        plaintext_size=c.plaintext_size,
        sha256=c.sha256.hex(),
        summary=None,
    )


def open_bid_summary(
    path: str | os.PathLike[str], key: BidKey, receipt: bytes | str | None = None
) -> dict[str, object]:
    """The opening summary alone (VBE1 reads header and summary only). With a
    ``receipt`` the whole file is hashed first: a file that is not the one
    submitted gives :class:`ReceiptMismatchError` before anything is shown.
    CMS envelopes carry no summary: :class:`NoSummaryError`."""
    expected = parse_receipt(receipt) if isinstance(receipt, str) else receipt
    fmt = sniff_file(path)
    if expected is not None:
        _check_receipt(path, expected)
    if fmt != "VBE1":
        raise NoSummaryError()
    with Path(path).open("rb") as fh:
        return vbe1.open_summary(fh, key)


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while block := fh.read(_HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _check_receipt(path: str | os.PathLike[str], expected: bytes) -> None:
    actual = file_sha256(path)
    if actual != expected.hex():
        raise ReceiptMismatchError(expected.hex(), actual)


def _vbe1_recipient(r: vbe1.RecipientInfo) -> BidRecipient:
    return BidRecipient(r.kind, r.fingerprint_hex, backup=r.backup)


def _cms_recipient(r: cms.Recipient) -> BidRecipient:
    return BidRecipient(r.algorithm, r.identifier, unsupported=r.unsupported)
