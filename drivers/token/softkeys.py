"""Private keys held in software (a PEM key + certificate, or a PKCS#12 file) behind
the same :class:`~drivers.token.keys.KeySession` interface as a token: the
platform's backup key, and tests. Unlike SoftHSM2, OAEP with SHA-256 works here.

Note: with OpenSSL >= 3.2, RSA PKCS#1 v1.5 decryption with the wrong key returns a
random-looking "implicit rejection" value instead of failing; callers must
authenticate what they unwrap (the envelope's AEAD tag does).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Self, TypeVar

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from drivers.common import QT_TRANSLATE_NOOP, DeviceHandler
from drivers.token.errors import (
    DecryptionFailedError,
    KeyFileError,
    KeyFilePasswordError,
    MechanismUnsupportedError,
    NoCertificateError,
    NoPrivateKeyError,
    PinCancelledError,
)
from drivers.token.keys import KeyCertificate, RsaPadding, peer_point

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
T = TypeVar("T")

M_KEY_PASSWORD = QT_TRANSLATE_NOOP("drivers.token", "请输入密钥文件“{path}”的密码")


def key_id_for(public: rsa.RSAPublicKey | ec.EllipticCurvePublicKey) -> bytes:
    """The usual ``CKA_ID``: SHA-1 of the public key (the subject key identifier)."""
    return x509.SubjectKeyIdentifier.from_public_key(public).digest


class SoftKeyStore:
    """A :class:`KeySession` over keys in memory; callable from any thread."""

    def __init__(
        self, entries: Sequence[tuple[PrivateKey, x509.Certificate]], label: str = ""
    ) -> None:
        self.label = label
        self._keys: dict[bytes, PrivateKey] = {}
        self._certs: list[KeyCertificate] = []
        for private, cert in entries:
            if not isinstance(private, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
                raise MechanismUnsupportedError(type(private).__name__, code=None)
            if private.public_key() != cert.public_key():
                raise NoPrivateKeyError()
            entry = KeyCertificate(cert, key_id_for(private.public_key()), label)
            self._certs.append(entry)
            self._keys[entry.fingerprint] = private

    # -- loading -------------------------------------------------------------------

    @classmethod
    def from_pem(
        cls,
        key_path: str | os.PathLike[str],
        cert_path: str | os.PathLike[str],
        *,
        password: bytes | None = None,
        handler: DeviceHandler | None = None,
    ) -> Self:
        """A PEM (or DER) private key and its certificate (a chain file is fine:
        the certificate matching the key is taken)."""
        key_data = _read(key_path)
        certs = _load_certificates(_read(cert_path), str(cert_path))

        def load(secret: bytes | None) -> PrivateKey:
            loader = (
                serialization.load_pem_private_key
                if b"-----BEGIN" in key_data
                else serialization.load_der_private_key
            )
            private = loader(key_data, secret)
            if not isinstance(private, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
                raise MechanismUnsupportedError(type(private).__name__, code=None)
            return private

        private = _with_password(load, str(key_path), password, handler)
        for cert in certs:
            if cert.public_key() == private.public_key():
                return cls([(private, cert)], label=Path(key_path).name)
        raise NoCertificateError()

    @classmethod
    def from_pkcs12(
        cls,
        path: str | os.PathLike[str],
        *,
        password: bytes | None = None,
        handler: DeviceHandler | None = None,
    ) -> Self:
        """A PKCS#12 (.p12 / .pfx) file with a key and its certificate."""
        data = _read(path)

        def load(secret: bytes | None) -> pkcs12.PKCS12KeyAndCertificates:
            return pkcs12.load_pkcs12(data, secret)

        bundle = _with_password(load, str(path), password, handler)
        if bundle.key is None:
            raise NoPrivateKeyError()
        if bundle.cert is None:
            raise NoCertificateError()
        private = bundle.key
        if not isinstance(private, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
            raise MechanismUnsupportedError(type(private).__name__, code=None)
        return cls([(private, bundle.cert.certificate)], label=Path(path).name)

    # -- KeySession ------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def certificates(self) -> list[KeyCertificate]:
        if not self._certs:
            raise NoCertificateError()
        return list(self._certs)

    def decrypt(self, key: KeyCertificate, ciphertext: bytes, padding: RsaPadding) -> bytes:
        private = self._private(key)
        if not isinstance(private, rsa.RSAPrivateKey):
            raise MechanismUnsupportedError(f"{padding.value} (EC key)", code=None)
        try:
            return private.decrypt(ciphertext, padding.for_cryptography())
        except ValueError as exc:
            raise DecryptionFailedError() from exc

    def supports(self, key: KeyCertificate, padding: RsaPadding) -> bool:
        return key.kind == "rsa"

    def derive_ecdh(
        self, key: KeyCertificate, peer_public: bytes | ec.EllipticCurvePublicKey
    ) -> bytes:
        private = self._private(key)
        if not isinstance(private, ec.EllipticCurvePrivateKey):
            raise MechanismUnsupportedError("ECDH (RSA key)", code=None)
        point = peer_point(key, peer_public)
        peer = ec.EllipticCurvePublicKey.from_encoded_point(private.curve, point)
        return private.exchange(ec.ECDH(), peer)

    def sign(self, key: KeyCertificate, data: bytes) -> bytes:
        private = self._private(key)
        if isinstance(private, rsa.RSAPrivateKey):
            return private.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return private.sign(data, ec.ECDSA(hashes.SHA256()))

    def close(self) -> None:
        """Drop the key references (Python cannot wipe the key material itself)."""
        self._keys.clear()
        self._certs.clear()

    def _private(self, key: KeyCertificate) -> PrivateKey:
        try:
            return self._keys[key.fingerprint]
        except KeyError:
            raise NoPrivateKeyError() from None


def _read(path: str | os.PathLike[str]) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise KeyFileError(str(path)) from exc


def _load_certificates(data: bytes, path: str) -> list[x509.Certificate]:
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise KeyFileError(path) from exc


def _with_password(
    load: Callable[[bytes | None], T],
    path: str,
    password: bytes | None,
    handler: DeviceHandler | None,
) -> T:
    """Load without a password first; then with the given one or one asked for."""
    if password is None:
        try:
            return load(None)
        except (TypeError, ValueError) as exc:
            if handler is None:
                raise KeyFilePasswordError(path) from exc
            secret = handler.prompt_secret(M_KEY_PASSWORD, path=Path(path).name)
            if secret is None:
                raise PinCancelledError() from None
            password = secret.encode("utf-8")
            del secret
    try:
        return load(password)
    except (TypeError, ValueError) as exc:
        raise KeyFilePasswordError(path) from exc
    finally:
        password = None
