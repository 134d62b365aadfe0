"""What ``seal``, ``inspect`` and ``decrypt`` report."""

from __future__ import annotations

from dataclasses import dataclass

from venue_client.crypto.vbe1.format import MAC_LEN, Header, Stanza


@dataclass(frozen=True)
class RecipientInfo:
    kind: str  # "rsa-oaep-sha256", "rsa-oaep-sha1", "rsa-pkcs1v15", "ecdh-p256", "sm2", "local"
    fingerprint: bytes
    backup: bool

    @property
    def fingerprint_hex(self) -> str:
        return self.fingerprint.hex()

    @classmethod
    def of(cls, stanza: Stanza) -> RecipientInfo:
        return cls(stanza.kind.label, stanza.fingerprint, stanza.backup)


@dataclass(frozen=True)
class EnvelopeInfo:
    """What an envelope says about itself without a key."""

    format: str
    version: int
    suite: str
    recipients: tuple[RecipientInfo, ...]
    plaintext_size: int
    chunk_size: int
    chunk_count: int
    summary_present: bool
    summary_length: int
    header_length: int  # header and its MAC: the summary starts here
    total_length: int  # what the whole envelope must measure

    @classmethod
    def of(cls, header: Header, raw_length: int) -> EnvelopeInfo:
        header_length = raw_length + MAC_LEN
        return cls(
            format="VBE1",
            version=1,
            suite=header.suite.label,
            recipients=tuple(RecipientInfo.of(s) for s in header.stanzas),
            plaintext_size=header.plaintext_size,
            chunk_size=header.chunk_size,
            chunk_count=header.chunk_count,
            summary_present=header.summary_length > 0,
            summary_length=header.summary_length,
            header_length=header_length,
            total_length=header_length + header.summary_length + header.payload_length,
        )


@dataclass(frozen=True)
class SealInfo:
    envelope: EnvelopeInfo
    sha256: bytes  # of the whole envelope: the submission receipt

    @property
    def receipt(self) -> str:
        return self.sha256.hex()


@dataclass(frozen=True)
class DecryptInfo:
    envelope: EnvelopeInfo
    recipient: RecipientInfo  # the stanza that opened it (backup flag included)
    summary: dict[str, object] | None
    sha256: bytes  # of the ciphertext, checked against the receipt when one was given
    plaintext_size: int
