"""Walks a ContentInfo holding an EnvelopedData (RFC 5652 §6, GM/T 0010 §8) or an
AuthEnvelopedData (RFC 5083) with the incremental BER reader: the small parts
before the ciphertext are captured and parsed, the ciphertext is streamed, the
parts after it (the GCM ``mac``) are read at the end, and nothing may follow."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from asn1crypto import core

from venue_client.crypto.cms.asn1 import DATA_TYPES, ENVELOPE_TYPES, parsing
from venue_client.crypto.cms.ber import (
    CONTEXT,
    TAG_INTEGER,
    TAG_OCTET_STRING,
    TAG_OID,
    TAG_SEQUENCE,
    TAG_SET,
    UNIVERSAL,
    BerReader,
    Header,
)
from venue_client.crypto.cms.ciphers import ContentCipher, parse_content_cipher
from venue_client.crypto.cms.recipients import Recipient, parse_recipients
from venue_client.crypto.envelope_errors import (
    MalformedEnvelopeError,
    NotAnEnvelopeError,
    TrailingDataError,
    UnsupportedAlgorithmError,
)

SMALL_PART_LIMIT = 4 << 20  # recipientInfos, originatorInfo, attributes
MAC_LIMIT = 64


@dataclass(frozen=True)
class EnvelopeHeader:
    """What precedes the ciphertext."""

    format: str  # "CMS" or "GMT0010"
    content_type: str  # "Enveloped" or "AuthEnveloped"
    version: int
    indefinite: bool
    recipients: list[Recipient]
    cipher: ContentCipher | None  # None: the algorithm is not supported here
    cipher_name: str
    ciphertext_size: int | None  # known for a primitive (definite) encryptedContent


def _oid(reader: BerReader, what: str, end: int | None) -> str:
    header = reader.expect(UNIVERSAL, TAG_OID, what, end=end)
    if header.length is None or header.length > 64:
        raise MalformedEnvelopeError(what)
    with parsing(what):
        return str(core.ObjectIdentifier.load(header.raw + reader.read(header.length)).dotted)


class EnvelopeReader:
    """One pass over an envelope: :meth:`header`, :meth:`ciphertext`, :meth:`finish`."""

    def __init__(self, reader: BerReader) -> None:
        self._r = reader
        self._ends: list[int | None] = []  # open containers, outermost first
        self._content: Header | None = None
        self._auth = False
        self._unsupported: UnsupportedAlgorithmError | None = None

    def header(self) -> EnvelopeHeader:
        r = self._r
        outer = r.read_header()
        if not (outer.is_universal(TAG_SEQUENCE) and outer.constructed):
            raise NotAnEnvelopeError()
        try:
            content_type = _oid(r, "contentType", outer.end)
        except MalformedEnvelopeError as exc:
            raise NotAnEnvelopeError() from exc
        if content_type not in ENVELOPE_TYPES:
            raise NotAnEnvelopeError()
        fmt, kind = ENVELOPE_TYPES[content_type]
        self._auth = kind == "AuthEnveloped"
        explicit = r.expect(CONTEXT, 0, "content", end=outer.end)
        body = r.expect(UNIVERSAL, TAG_SEQUENCE, kind, end=explicit.end)
        self._ends = [outer.end, explicit.end, body.end]
        version_header = r.expect(UNIVERSAL, TAG_INTEGER, "version", end=body.end)
        if version_header.length is None or not 1 <= version_header.length <= 2:
            raise MalformedEnvelopeError("version")
        version = int.from_bytes(r.read(version_header.length), "big", signed=True)
        part = r.read_header()
        if part.is_context(0) and part.constructed:  # originatorInfo: certificates only
            r.check_fits(part, body.end, "originatorInfo")
            r.skip(part, SMALL_PART_LIMIT)
            part = r.read_header()
        if not (part.is_universal(TAG_SET) and part.constructed):
            raise MalformedEnvelopeError(f"recipientInfos @{part.offset}")
        r.check_fits(part, body.end, "recipientInfos")
        recipients = parse_recipients(r.capture(part, SMALL_PART_LIMIT))
        info = r.expect(UNIVERSAL, TAG_SEQUENCE, "encryptedContentInfo", end=body.end)
        self._ends.append(info.end)
        if _oid(r, "encryptedContentInfo.contentType", info.end) not in DATA_TYPES:
            raise UnsupportedAlgorithmError("encapsulated content type")
        algorithm = r.expect(UNIVERSAL, TAG_SEQUENCE, "contentEncryptionAlgorithm", end=info.end)
        cipher: ContentCipher | None = None
        try:
            cipher = parse_content_cipher(r.capture(algorithm, 4096))
            cipher_name = cipher.name
        except UnsupportedAlgorithmError as exc:
            self._unsupported = exc
            cipher_name = exc.algorithm
        if cipher is not None and cipher.authenticated != self._auth:
            self._unsupported = UnsupportedAlgorithmError(f"{cipher.name} in {kind}Data")
        if not r.more(info.end):
            raise MalformedEnvelopeError("encryptedContent missing (detached)")
        content = r.expect(CONTEXT, 0, "encryptedContent", end=info.end)
        self._content = content
        return EnvelopeHeader(
            format=fmt,
            content_type=kind,
            version=version,
            indefinite=outer.length is None,
            recipients=recipients,
            cipher=cipher,
            cipher_name=cipher_name,
            ciphertext_size=None if content.constructed else content.length,
        )

    def check_supported(self) -> None:
        if self._unsupported is not None:
            raise self._unsupported

    def ciphertext(self, piece: int = 1 << 20) -> Iterator[bytes]:
        """The encryptedContent octets, in pieces."""
        assert self._content is not None
        yield from self._r.octets(self._content, piece)

    def finish(self) -> bytes | None:
        """Read what follows the ciphertext; the AuthEnvelopedData ``mac``."""
        r = self._r
        info_end = self._ends.pop()
        if r.more(info_end):
            raise MalformedEnvelopeError(f"encryptedContentInfo @{r.position}")
        body_end = self._ends[-1]
        mac: bytes | None = None
        while r.more(body_end):
            part = r.read_header()
            r.check_fits(part, body_end, "envelope field")
            if self._auth and part.is_context(1):
                raise UnsupportedAlgorithmError("AuthEnvelopedData authAttrs")
            if self._auth and mac is None and part.is_universal(TAG_OCTET_STRING):
                if part.constructed or part.length is None or part.length > MAC_LIMIT:
                    raise MalformedEnvelopeError("mac")
                mac = r.read(part.length)
                continue
            # unprotectedAttrs [1] (Enveloped) / unauthAttrs [2] (AuthEnveloped)
            wanted = 2 if self._auth else 1
            if not (part.is_context(wanted) and part.constructed) or (self._auth and mac is None):
                raise MalformedEnvelopeError(f"envelope field @{part.offset}")
            r.skip(part, SMALL_PART_LIMIT)
            if r.more(body_end):
                raise MalformedEnvelopeError(f"envelope field @{r.position}")
            break
        if self._auth and mac is None:
            raise MalformedEnvelopeError("mac missing")
        self._ends.pop()
        for end in reversed(self._ends):
            if r.more(end):
                raise MalformedEnvelopeError(f"content info @{r.position}")
        if not r.at_eof():
            raise TrailingDataError(r.position)
        return mac
