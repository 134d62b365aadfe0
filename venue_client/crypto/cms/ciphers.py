"""Content-encryption algorithms of CMS and GM/T 0010 envelopes, and the streaming
decryptors behind them: AES-CBC and SM4-CBC (the PKCS#7 padding is checked before
the last block is released) and AES-GCM (RFC 5084; the tag is checked at the end).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from asn1crypto import core
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, algorithms, modes

from venue_client.crypto.cms.asn1 import GcmParameters, algorithm
from venue_client.crypto.envelope_errors import (
    MalformedEnvelopeError,
    TamperedError,
    UnsupportedAlgorithmError,
)

# OID -> (name, key length, mode)
CONTENT_CIPHERS: dict[str, tuple[str, int, str]] = {
    "2.16.840.1.101.3.4.1.2": ("AES-128-CBC", 16, "cbc"),
    "2.16.840.1.101.3.4.1.22": ("AES-192-CBC", 24, "cbc"),
    "2.16.840.1.101.3.4.1.42": ("AES-256-CBC", 32, "cbc"),
    "2.16.840.1.101.3.4.1.6": ("AES-128-GCM", 16, "gcm"),
    "2.16.840.1.101.3.4.1.26": ("AES-192-GCM", 24, "gcm"),
    "2.16.840.1.101.3.4.1.46": ("AES-256-GCM", 32, "gcm"),
    "1.2.156.10197.1.104.2": ("SM4-CBC", 16, "cbc"),
}
KNOWN_UNSUPPORTED = {
    "2.16.840.1.101.3.4.1.7": "AES-128-CCM",
    "2.16.840.1.101.3.4.1.27": "AES-192-CCM",
    "2.16.840.1.101.3.4.1.47": "AES-256-CCM",
    "1.2.840.113549.3.7": "DES-EDE3-CBC",
    "1.3.14.3.2.7": "DES-CBC",
    "1.2.840.113549.3.2": "RC2-CBC",
}


@dataclass(frozen=True)
class ContentCipher:
    """The content-encryption algorithm with its parameters."""

    name: str
    oid: str
    key_size: int
    mode: str  # "cbc" or "gcm"
    iv: bytes
    icv_len: int = 0  # GCM tag length

    @property
    def authenticated(self) -> bool:
        return self.mode == "gcm"


def parse_content_cipher(der: bytes) -> ContentCipher:
    """An AlgorithmIdentifier (DER) as found in (Auth)EncryptedContentInfo."""
    try:
        oid, raw = algorithm(der)
    except (ValueError, TypeError, KeyError) as exc:
        raise MalformedEnvelopeError("content encryption algorithm") from exc
    if oid not in CONTENT_CIPHERS:
        raise UnsupportedAlgorithmError(KNOWN_UNSUPPORTED.get(oid, oid))
    name, key_size, mode = CONTENT_CIPHERS[oid]
    try:
        if mode == "cbc":
            iv = core.OctetString.load(raw).native if raw else None
            if not isinstance(iv, bytes) or len(iv) != 16:
                raise MalformedEnvelopeError(f"{name} IV")
            return ContentCipher(name, oid, key_size, mode, iv)
        if raw is None:
            raise MalformedEnvelopeError(f"{name} parameters")
        gcm = GcmParameters.load(raw)
        nonce = gcm["aes_nonce"].native
        icv_len = gcm["aes_icvlen"].native
    except (ValueError, TypeError, KeyError) as exc:
        raise MalformedEnvelopeError(f"{name} parameters") from exc
    if not isinstance(nonce, bytes) or not 8 <= len(nonce) <= 64:
        raise MalformedEnvelopeError(f"{name} nonce")
    if not isinstance(icv_len, int) or icv_len not in (12, 13, 14, 15, 16):
        raise MalformedEnvelopeError(f"{name} ICV length")
    return ContentCipher(name, oid, key_size, mode, nonce, icv_len)


class ContentDecryptor(Protocol):
    def update(self, data: bytes) -> bytes: ...

    def finalize(self, mac: bytes | None) -> bytes: ...


class CbcDecryptor:
    """CBC decryption that always holds back the last block: nothing is released
    whose padding has not been checked. CBC has no integrity: a changed byte in
    the middle goes unnoticed here (the receipt's SHA-256 is what catches it)."""

    def __init__(self, cipher: ContentCipher, key: bytes) -> None:
        algorithm: algorithms.AES | algorithms.SM4 = (
            algorithms.SM4(key) if cipher.name.startswith("SM4") else algorithms.AES(key)
        )
        self._ctx: CipherContext = Cipher(algorithm, modes.CBC(cipher.iv)).decryptor()
        self._held = b""

    def update(self, data: bytes) -> bytes:
        out = self._held + self._ctx.update(data)
        if len(out) <= 16:
            self._held = out
            return b""
        self._held = out[-16:]
        return out[:-16]

    def finalize(self, mac: bytes | None) -> bytes:
        if mac is not None:
            raise MalformedEnvelopeError("mac with CBC")
        try:
            last = self._held + self._ctx.finalize()
        except ValueError as exc:  # not a whole number of blocks
            raise TamperedError(0) from exc
        if len(last) != 16:
            raise TamperedError(0)
        pad = last[-1]
        if not 1 <= pad <= 16 or last[-pad:] != bytes([pad]) * pad:
            raise TamperedError(0)
        return last[:-pad]


class GcmDecryptor:
    """AES-GCM decryption; the caller must not release the output before
    :meth:`finalize` has checked the tag (``plaintext_output`` sees to that)."""

    def __init__(self, cipher: ContentCipher, key: bytes) -> None:
        mode = modes.GCM(cipher.iv, min_tag_length=cipher.icv_len)
        self._ctx = Cipher(algorithms.AES(key), mode).decryptor()
        self._icv_len = cipher.icv_len

    def update(self, data: bytes) -> bytes:
        return self._ctx.update(data)

    def finalize(self, mac: bytes | None) -> bytes:
        if mac is None or len(mac) != self._icv_len:
            raise TamperedError(0)
        try:
            return self._ctx.finalize_with_tag(mac)
        except InvalidTag as exc:
            raise TamperedError(0) from exc


def content_decryptor(cipher: ContentCipher, key: bytes) -> ContentDecryptor:
    if len(key) != cipher.key_size:
        raise ValueError("content key size")
    if cipher.mode == "cbc":
        return CbcDecryptor(cipher, key)
    return GcmDecryptor(cipher, key)
