"""Who can open an envelope: :class:`Recipient` (the sealer's side, wrapping the
file key into a stanza) -- see ``docs/vbe1.md`` "Recipients"."""

from __future__ import annotations

import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.keywrap import aes_key_wrap

from drivers.token.keys import RsaPadding, certificate_fingerprint
from venue_client.crypto.envelope_errors import UnsupportedAlgorithmError
from venue_client.crypto.sm2 import N as SM2_N
from venue_client.crypto.sm2 import Sm2PublicKey, sm2_encrypt
from venue_client.crypto.vbe1.format import FILE_KEY_LEN, Kind, Stanza
from venue_client.crypto.vbe1.keys import INFO_ECDH, INFO_LOCAL_WRAP, hkdf, local_key_id
from venue_client.crypto.vbe1.rsa_wrap import Random, rsa_encrypt

P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
RSA_KIND = {
    RsaPadding.OAEP_SHA256: Kind.RSA_OAEP_SHA256,
    RsaPadding.OAEP_SHA1: Kind.RSA_OAEP_SHA1,
    RsaPadding.PKCS1_V15: Kind.RSA_PKCS1V15,
}
RSA_SCHEME = {
    Kind.RSA_OAEP_SHA256: "oaep-sha256",
    Kind.RSA_OAEP_SHA1: "oaep-sha1",
    Kind.RSA_PKCS1V15: "pkcs1v15",
}
KIND_PADDING = {kind: padding for padding, kind in RSA_KIND.items()}
MIN_RSA_BITS = 2048

RecipientKey = x509.Certificate | Sm2PublicKey | bytes


def point_of(public: ec.EllipticCurvePublicKey) -> bytes:
    return public.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def sm2_fingerprint(public: Sm2PublicKey) -> bytes:
    """SHA-256 of the SM2 key's SubjectPublicKeyInfo DER (certificate or bare key alike)."""
    return hashlib.sha256(public.spki_der()).digest()


def scalar_from(rng: Random, order: int) -> int:
    """A scalar in [1, order - 1] from 32 random bytes (reduction bias < 2^-128)."""
    return int.from_bytes(rng(32) + rng(16), "big") % (order - 1) + 1


class Recipient:
    """One key the envelope is sealed to.

    ``key`` is an X.509 certificate (RSA: ``padding`` picks the stanza kind, OAEP
    with SHA-256 by default -- SoftHSM tokens need OAEP-SHA1, older USB keys
    PKCS#1 v1.5; EC P-256: ephemeral-static ECDH), an :class:`Sm2PublicKey`, or a
    32-byte local key. ``backup`` marks the platform's backup key.
    """

    def __init__(
        self,
        key: RecipientKey,
        *,
        backup: bool = False,
        padding: RsaPadding = RsaPadding.OAEP_SHA256,
    ) -> None:
        self.backup = backup
        self._key = key
        if isinstance(key, x509.Certificate):
            public = key.public_key()
            self.fingerprint = certificate_fingerprint(key)
            if isinstance(public, rsa.RSAPublicKey):
                if public.key_size < MIN_RSA_BITS:
                    raise UnsupportedAlgorithmError(f"RSA-{public.key_size}")
                self.kind = RSA_KIND[padding]
            elif isinstance(public, ec.EllipticCurvePublicKey):
                if not isinstance(public.curve, ec.SECP256R1):
                    raise UnsupportedAlgorithmError(f"ECDH {public.curve.name}")
                self.kind = Kind.ECDH_P256
            else:
                raise UnsupportedAlgorithmError(type(public).__name__)
        elif isinstance(key, Sm2PublicKey):
            self.kind = Kind.SM2
            self.fingerprint = sm2_fingerprint(key)
        elif isinstance(key, bytes | bytearray):
            if len(key) != FILE_KEY_LEN:
                raise ValueError("a local key is 32 bytes")
            self._key = bytes(key)
            self.kind = Kind.LOCAL
            self.fingerprint = local_key_id(bytes(key))
        else:
            raise TypeError(f"cannot seal to {type(key).__name__}")

    def __repr__(self) -> str:
        flag = ", backup" if self.backup else ""
        return f"Recipient({self.kind.label}, {self.fingerprint.hex()[:16]}{flag})"

    def wrap(self, file_key: bytes, payload_nonce: bytes, rng: Random) -> Stanza:
        """The stanza carrying ``file_key`` for this recipient."""
        key = self._key
        if self.kind in RSA_SCHEME:
            assert isinstance(key, x509.Certificate)
            public = key.public_key()
            assert isinstance(public, rsa.RSAPublicKey)
            body = rsa_encrypt(public, file_key, RSA_SCHEME[self.kind], rng)
        elif self.kind is Kind.ECDH_P256:
            assert isinstance(key, x509.Certificate)
            peer = key.public_key()
            assert isinstance(peer, ec.EllipticCurvePublicKey)
            ephemeral = ec.derive_private_key(scalar_from(rng, P256_N), ec.SECP256R1())
            body = ecdh_wrap(ephemeral, peer, file_key)
        elif self.kind is Kind.SM2:
            assert isinstance(key, Sm2PublicKey)
            body = sm2_encrypt(key, file_key, _k=lambda: scalar_from(rng, SM2_N))
        else:
            assert isinstance(key, bytes)
            kek = hkdf(key, payload_nonce, INFO_LOCAL_WRAP, 32)
            body = aes_key_wrap(kek, file_key)
        return Stanza(self.kind, self.backup, self.fingerprint, body)


def ecdh_kek(shared: bytes, ephemeral_point: bytes, recipient_point: bytes) -> bytes:
    return hkdf(shared, ephemeral_point + recipient_point, INFO_ECDH, 32)


def ecdh_wrap(
    ephemeral: ec.EllipticCurvePrivateKey, peer: ec.EllipticCurvePublicKey, file_key: bytes
) -> bytes:
    eph_point = point_of(ephemeral.public_key())
    shared = ephemeral.exchange(ec.ECDH(), peer)
    return eph_point + aes_key_wrap(ecdh_kek(shared, eph_point, point_of(peer)), file_key)
