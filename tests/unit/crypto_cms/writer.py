"""A minimal envelope writer for tests: GM/T 0010-2012 enveloped data (SM2 key
transport, SM4-CBC), which this machine's OpenSSL cannot produce, and RSA CMS
envelopes with BER layouts chosen by the test (indefinite lengths, pieces).

Structure (GM/T 0010 §8, like PKCS#7 §10): ContentInfo { envelopedData OID,
[0] EnvelopedData { version, recipientInfos SET OF KeyTransRecipientInfo
{ version, IssuerAndSerialNumber, keyEncryptionAlgorithm, encryptedKey },
encryptedContentInfo { data OID, contentEncryptionAlgorithm, [0] IMPLICIT
encryptedContent } } }."""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence

from asn1crypto import core
from cryptography import x509
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from venue_client.crypto.sm2 import Sm2PublicKey, c1c3c2_to_der, sm2_encrypt

OID_GMT_ENVELOPED = "1.2.156.10197.6.1.4.2.3"
OID_GMT_DATA = "1.2.156.10197.6.1.4.2.1"
OID_SM4_CBC = "1.2.156.10197.1.104.2"
OID_SM2_ENCRYPT = "1.2.156.10197.1.301.3"
OID_ENVELOPED = "1.2.840.113549.1.7.3"
OID_DATA = "1.2.840.113549.1.7.1"
OID_AES128_CBC = "2.16.840.1.101.3.4.1.2"
OID_RSA = "1.2.840.113549.1.1.1"


def tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        return bytes([tag, n]) + content
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + content


def indefinite(tag: int, *children: bytes) -> bytes:
    return bytes([tag | 0x20, 0x80]) + b"".join(children) + b"\x00\x00"


def oid(dotted: str) -> bytes:
    return bytes(core.ObjectIdentifier(dotted).dump())


def integer(value: int) -> bytes:
    return bytes(core.Integer(value).dump())


def seq(*children: bytes) -> bytes:
    return tlv(0x30, b"".join(children))


def cbc_encrypt(algorithm: algorithms.AES | algorithms.SM4, iv: bytes, plain: bytes) -> bytes:
    padder = sym_padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithm, modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def envelope(
    content_type: str,
    recipient_infos: Sequence[bytes],
    data_type: str,
    algorithm: bytes,
    ciphertext: bytes,
    *,
    ber: bool = False,
    pieces: Sequence[int] = (),
    nested: bool = False,
) -> bytes:
    """An envelope; ``ber``: indefinite lengths with the ciphertext cut after each
    offset in ``pieces`` (``nested``: the pieces themselves wrapped in a
    constructed OCTET STRING)."""
    recipients = tlv(0x31, b"".join(recipient_infos))
    if not ber:
        content = tlv(0x80, ciphertext)
        info = seq(oid(data_type), algorithm, content)
        body = seq(integer(0), recipients, info)
        return seq(oid(content_type), tlv(0xA0, body))
    cuts = [0, *sorted(p for p in pieces if 0 < p < len(ciphertext)), len(ciphertext)]
    parts = [tlv(0x04, ciphertext[a:b]) for a, b in itertools.pairwise(cuts)]
    if nested:
        parts = [indefinite(0x04, *parts)]
    content = indefinite(0xA0, *parts)
    info = indefinite(0x30, oid(data_type), algorithm, content)
    body = indefinite(0x30, integer(0), recipients, info)
    return indefinite(0x30, oid(content_type), indefinite(0xA0, body))


def issuer_and_serial(cert_issuer_der: bytes, serial: int) -> bytes:
    return seq(cert_issuer_der, integer(serial))


def gmt_envelope(
    plain: bytes,
    public: Sm2PublicKey,
    *,
    issuer_der: bytes,
    serial: int,
    ber: bool = False,
    pieces: Sequence[int] = (),
    key: bytes | None = None,
) -> bytes:
    """A GM/T 0010 envelope of ``plain`` for the SM2 key ``public``."""
    key = key or os.urandom(16)
    iv = os.urandom(16)
    ciphertext = cbc_encrypt(algorithms.SM4(key), iv, plain)
    wrapped = c1c3c2_to_der(sm2_encrypt(public, key))
    ktri = seq(
        integer(0),
        issuer_and_serial(issuer_der, serial),
        seq(oid(OID_SM2_ENCRYPT)),
        tlv(0x04, wrapped),
    )
    algorithm = seq(oid(OID_SM4_CBC), tlv(0x04, iv))
    return envelope(
        OID_GMT_ENVELOPED, [ktri], OID_GMT_DATA, algorithm, ciphertext, ber=ber, pieces=pieces
    )


def rsa_envelope(
    plain: bytes,
    cert: x509.Certificate,
    *,
    ber: bool = False,
    pieces: Sequence[int] = (),
    nested: bool = False,
) -> bytes:
    """An RSA PKCS#1 v1.5 + AES-128-CBC CMS envelope with a chosen BER layout."""
    key = os.urandom(16)
    iv = os.urandom(16)
    public = cert.public_key()
    assert isinstance(public, rsa.RSAPublicKey)
    ktri = seq(
        integer(0),
        issuer_and_serial(cert.issuer.public_bytes(), cert.serial_number),
        seq(oid(OID_RSA), b"\x05\x00"),
        tlv(0x04, public.encrypt(key, padding.PKCS1v15())),
    )
    algorithm = seq(oid(OID_AES128_CBC), tlv(0x04, iv))
    ciphertext = cbc_encrypt(algorithms.AES(key), iv, plain)
    return envelope(
        OID_ENVELOPED, [ktri], OID_DATA, algorithm, ciphertext,
        ber=ber, pieces=pieces, nested=nested,
    )  # fmt: skip
