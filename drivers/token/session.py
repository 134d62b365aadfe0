"""A session on one PKCS#11 token: certificates without a PIN, private-key work
after a login whose PIN comes from the :class:`DeviceHandler` and is dropped as
soon as ``C_Login`` has it. Every method runs on the token's owner thread.

python-pkcs11 opens a session and logs in in one call and, when ``C_Login``
fails, does not close that session: each wrong PIN leaves one idle, logged-out
session behind until the library is finalised. Harmless (a few per lock-out).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Self

import pkcs11 as p11
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pkcs11 import KDF, MGF, Attribute, KeyType, Mechanism, ObjectClass

from drivers.common import QT_TRANSLATE_NOOP, DeviceHandler
from drivers.common.owner import owned
from drivers.token import ckr, lookup
from drivers.token.errors import (
    CKF_USER_PIN_LOCKED,
    CKR_PIN_INCORRECT,
    DecryptionFailedError,
    MechanismUnsupportedError,
    NoCertificateError,
    NoPrivateKeyError,
    PinCancelledError,
    PinIncorrectError,
    PinLockedError,
    TokenError,
)
from drivers.token.keys import (
    M_ENTER_PIN,
    M_ENTER_PIN_FINAL,
    M_ENTER_PIN_LOW,
    M_PIN_PAD,
    SHA256_DIGEST_INFO,
    KeyCertificate,
    RsaPadding,
    peer_point,
    raw_ecdsa_to_der,
)

if TYPE_CHECKING:
    from drivers.token.pkcs11 import Pkcs11Token


_OAEP: dict[RsaPadding, tuple[Mechanism, MGF, None]] = {
    RsaPadding.OAEP_SHA1: (Mechanism.SHA_1, MGF.SHA1, None),
    RsaPadding.OAEP_SHA256: (Mechanism.SHA256, MGF.SHA256, None),
}
# A secret derived or unwrapped on the token, readable once, gone with the session.
_READABLE_SECRET = {
    Attribute.TOKEN: False,
    Attribute.SENSITIVE: False,
    Attribute.EXTRACTABLE: True,
}


class TokenSession:
    """Implements :class:`drivers.token.keys.KeySession` on a PKCS#11 token."""

    def __init__(self, token: Pkcs11Token, handler: DeviceHandler) -> None:
        self.owner = token.owner
        self._token = token
        self._handler = handler
        self._user: p11.Session | None = None
        self._keys: dict[bytes, lookup.P11PrivateKey] = {}
        with self._guard("open"):
            self._public: p11.Session | None = token._p11_token().open()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def logged_in(self) -> bool:
        return self._user is not None

    @owned
    def certificates(self) -> list[KeyCertificate]:
        """X.509 certificates on the token, each with its ``CKA_ID``;
        :class:`NoCertificateError` (未检测到证书) when there is none."""
        found: list[KeyCertificate] = []
        with self._guard("certificates"):
            objects = list(self._session().get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}))
            for obj in objects:
                values = obj.get_attributes([Attribute.VALUE, Attribute.ID, Attribute.LABEL])
                key_id = bytes(values.get(Attribute.ID) or b"")
                try:
                    cert = x509.load_der_x509_certificate(bytes(values[Attribute.VALUE]))
                    label = str(values.get(Attribute.LABEL) or "")
                    found.append(KeyCertificate(cert, key_id, label))
                except (ValueError, UnsupportedAlgorithm, MechanismUnsupportedError):
                    # Not X.509, or a key this driver cannot use (SM2, Ed25519): skip it.
                    continue
        if not found:
            raise NoCertificateError()
        return found

    @owned
    def login(self) -> None:
        """Ask for the PIN and log in; typed errors for a wrong or locked PIN."""
        if self._user is not None:
            return
        info = self._token.refresh()
        if info.pin_locked:
            raise PinLockedError()
        pin: object
        if info.protected_auth_path:
            self._handler.message(M_PIN_PAD, token=info.label)
            pin = p11.PROTECTED_AUTH
        else:
            prompt = M_ENTER_PIN_FINAL if info.pin_final_try else M_ENTER_PIN
            if info.pin_count_low and not info.pin_final_try:
                prompt = M_ENTER_PIN_LOW
            secret = self._handler.prompt_secret(prompt, token=info.label)
            if secret is None:
                raise PinCancelledError()
            pin = secret
            del secret
        try:
            with self._token.module.lock:
                self._user = self._token._p11_token().open(user_pin=pin)
        except (p11.PinIncorrect, p11.PinLenRange, p11.PinInvalid) as exc:
            flags = self._token.refresh().flags
            if flags & CKF_USER_PIN_LOCKED:
                raise PinLockedError() from None
            code = ckr.code_of(exc) or CKR_PIN_INCORRECT
            raise PinIncorrectError(flags=flags, code=code) from None
        except p11.UserAlreadyLoggedIn:
            # Another session of this process logged in; sessions share that state.
            with self._guard("login"):
                self._user = self._token._p11_token().open()
        except p11.PKCS11Error as exc:
            raise self._translate(exc, "login") from None
        finally:
            pin = None  # the PIN lives no longer than C_Login needs it

    @owned
    def decrypt(self, key: KeyCertificate, ciphertext: bytes, padding: RsaPadding) -> bytes:
        """RSA key transport: the content key, decrypted (``CKA_DECRYPT``) or, for
        unwrap-only keys, unwrapped into a session object and read once."""
        self._require(key, "rsa", padding.value)
        if padding is RsaPadding.PKCS1_V15:
            mechanism, param = Mechanism.RSA_PKCS, None
        else:
            mechanism, param = Mechanism.RSA_PKCS_OAEP, _OAEP[padding]
        self._require_mechanism(mechanism, padding.value)
        private = self._private_key(key)
        with self._guard("decrypt", padding.value):
            if private[Attribute.DECRYPT]:
                return bytes(
                    private.decrypt(ciphertext, mechanism=mechanism, mechanism_param=param)
                )
            secret = private.unwrap_key(
                ObjectClass.SECRET_KEY,
                KeyType.GENERIC_SECRET,
                ciphertext,
                mechanism=mechanism,
                mechanism_param=param,
                capabilities=0,
                template=dict(_READABLE_SECRET),
            )
            return _read_once(secret)

    @owned
    def supports(self, key: KeyCertificate, padding: RsaPadding) -> bool:
        """Whether this token can open ``padding`` ciphertexts for ``key``: the
        mechanism is listed and, for OAEP, a test value made with the certificate's
        public key comes back (SoftHSM2 lists OAEP but refuses SHA-256)."""
        if key.kind != "rsa":
            return False
        mechanism = (
            Mechanism.RSA_PKCS if padding is RsaPadding.PKCS1_V15 else Mechanism.RSA_PKCS_OAEP
        )
        if mechanism not in self._token.mechanisms():
            return False
        if padding is RsaPadding.PKCS1_V15:
            return True
        probe = os.urandom(32)
        public = key.certificate.public_key()
        assert isinstance(public, rsa.RSAPublicKey)
        try:
            return (
                self.decrypt(key, public.encrypt(probe, padding.for_cryptography()), padding)
                == probe
            )
        except (MechanismUnsupportedError, DecryptionFailedError):
            return False

    @owned
    def derive_ecdh(
        self, key: KeyCertificate, peer_public: bytes | ec.EllipticCurvePublicKey
    ) -> bytes:
        """ECDH (``CKM_ECDH1_DERIVE``, no KDF): the raw shared secret (the x
        coordinate), equal to ``cryptography``'s ``exchange(ECDH(), ...)``; the
        envelope layer runs its own KDF over it."""
        self._require(key, "ec", "ECDH")
        point = peer_point(key, peer_public)
        public = key.certificate.public_key()
        assert isinstance(public, ec.EllipticCurvePublicKey)
        curve = public.curve.name
        self._require_mechanism(Mechanism.ECDH1_DERIVE, f"ECDH {curve}")
        private = self._private_key(key)
        with self._guard("derive", f"ECDH {curve}"):
            secret = private.derive_key(
                KeyType.GENERIC_SECRET,
                (public.curve.key_size + 7) // 8 * 8,
                mechanism=Mechanism.ECDH1_DERIVE,
                mechanism_param=(KDF.NULL, None, point),
                capabilities=0,
                template=dict(_READABLE_SECRET),
            )
            return _read_once(secret)

    @owned
    def sign(self, key: KeyCertificate, data: bytes) -> bytes:
        """Sign a challenge with SHA-256: RSA PKCS#1 v1.5, or ECDSA as DER. When
        the token lacks the hash-and-sign mechanism, hash here and sign the digest."""
        mechanisms = self._token.mechanisms()
        private = self._private_key(key)
        digest = hashlib.sha256(data).digest()
        if key.kind == "rsa":
            if Mechanism.SHA256_RSA_PKCS in mechanisms:
                with self._guard("sign", "SHA256-RSA-PKCS"):
                    return bytes(private.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS))
            self._require_mechanism(Mechanism.RSA_PKCS, "RSA-PKCS")
            with self._guard("sign", "RSA-PKCS"):
                return bytes(
                    private.sign(SHA256_DIGEST_INFO + digest, mechanism=Mechanism.RSA_PKCS)
                )
        if Mechanism.ECDSA_SHA256 in mechanisms:
            with self._guard("sign", "ECDSA-SHA256"):
                return raw_ecdsa_to_der(private.sign(data, mechanism=Mechanism.ECDSA_SHA256))
        self._require_mechanism(Mechanism.ECDSA, "ECDSA")
        with self._guard("sign", "ECDSA"):
            return raw_ecdsa_to_der(private.sign(digest, mechanism=Mechanism.ECDSA))

    @owned
    def close(self) -> None:
        """Log out and close; quietly, since the token may be gone already."""
        self._keys.clear()
        for session in (self._user, self._public):
            if session is None:
                continue
            try:
                with self._token.module.lock:
                    session.close()
            except p11.PKCS11Error:
                pass
        self._user = self._public = None

    # -- internals ---------------------------------------------------------------

    def _session(self) -> p11.Session:
        session = self._user or self._public
        if session is None:
            raise TokenError(QT_TRANSLATE_NOOP("drivers.token", "加密锁会话已关闭"))
        return session

    def _private_key(self, key: KeyCertificate) -> lookup.P11PrivateKey:
        cache_key = key.fingerprint
        if cache_key in self._keys:
            return self._keys[cache_key]
        self.login()
        session = self._session()
        with self._guard("find key"):
            found = lookup.by_id(session, key.key_id) if key.key_id else None
            if found is None:
                found = lookup.by_public_key(session, key)
        if found is None:
            raise NoPrivateKeyError()
        self._keys[cache_key] = found
        return found

    def _require(self, key: KeyCertificate, kind: str, what: str) -> None:
        if key.kind != kind:
            raise MechanismUnsupportedError(f"{what} ({key.kind.upper()} key)", code=None)

    def _require_mechanism(self, mechanism: Mechanism, name: str) -> None:
        if mechanism not in self._token.mechanisms():
            raise MechanismUnsupportedError(name)

    @contextmanager
    def _guard(self, operation: str, mechanism: str = "") -> Iterator[None]:
        try:
            with self._token.module.lock:
                yield
        except p11.PKCS11Error as exc:
            raise self._translate(exc, operation, mechanism) from exc

    def _translate(self, exc: BaseException, operation: str, mechanism: str = "") -> TokenError:
        present = self._token._still_present()
        return ckr.translate(exc, operation, mechanism=mechanism, present=present)


def _read_once(secret: Any) -> bytes:
    try:
        return bytes(secret[Attribute.VALUE])
    finally:
        secret.destroy()
