"""What a PKCS#11 token and a software key store share: the certificate/key pair a
caller picks, the RSA paddings, the session interface, and the helpers that turn a
token's raw outputs into what ``cryptography`` verifies."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, Protocol, Self, TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from drivers.common import QT_TRANSLATE_NOOP, DeviceHandler, OwnerThread
from drivers.token.errors import (
    CKF_USER_PIN_COUNT_LOW,
    CKF_USER_PIN_FINAL_TRY,
    CKF_USER_PIN_LOCKED,
    KeyMismatchError,
    MechanismUnsupportedError,
    NoCertificateError,
)

KeyKind = Literal["rsa", "ec"]
R = TypeVar("R")

CKF_TOKEN_PRESENT = 0x01  # CK_SLOT_INFO
CKF_PROTECTED_AUTHENTICATION_PATH = 0x100  # CK_TOKEN_INFO
CKF_TOKEN_INITIALIZED = 0x400

# PIN prompts (through DeviceHandler.prompt_secret / message).
M_ENTER_PIN = QT_TRANSLATE_NOOP("drivers.token", "请输入加密锁“{token}”的 PIN")
M_ENTER_PIN_LOW = QT_TRANSLATE_NOOP(
    "drivers.token", "请输入加密锁“{token}”的 PIN（剩余尝试次数已不多）"
)
M_ENTER_PIN_FINAL = QT_TRANSLATE_NOOP(
    "drivers.token", "请输入加密锁“{token}”的 PIN（最后一次尝试，再错将锁定）"
)
M_PIN_PAD = QT_TRANSLATE_NOOP("drivers.token", "请在加密锁“{token}”的键盘上输入 PIN")

# DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017 §9.2, note 1).
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


class RsaPadding(Enum):
    """How an RSA key-transport ciphertext was made (the envelope says which)."""

    PKCS1_V15 = "RSA-PKCS1-v1_5"
    OAEP_SHA1 = "RSA-OAEP-SHA1"  # MGF1-SHA1, empty label
    OAEP_SHA256 = "RSA-OAEP-SHA256"  # MGF1-SHA256, empty label

    def for_cryptography(self) -> padding.AsymmetricPadding:
        if self is RsaPadding.PKCS1_V15:
            return padding.PKCS1v15()
        algorithm: hashes.HashAlgorithm = (
            hashes.SHA1() if self is RsaPadding.OAEP_SHA1 else hashes.SHA256()  # noqa: S303
        )
        return padding.OAEP(mgf=padding.MGF1(algorithm), algorithm=algorithm, label=None)


@dataclass(frozen=True)
class KeyCertificate:
    """A certificate and the private key that goes with it (linked by ``key_id``,
    the PKCS#11 ``CKA_ID``; for key files, the position in the file)."""

    certificate: x509.Certificate
    key_id: bytes
    label: str
    fingerprint: bytes = field(init=False)  # SHA-256 of the certificate's DER
    kind: KeyKind = field(init=False)

    def __post_init__(self) -> None:
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        object.__setattr__(self, "fingerprint", hashlib.sha256(der).digest())
        public = self.certificate.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            object.__setattr__(self, "kind", "rsa")
        elif isinstance(public, ec.EllipticCurvePublicKey):
            object.__setattr__(self, "kind", "ec")
        else:
            raise MechanismUnsupportedError(type(public).__name__, code=None)

    @property
    def fingerprint_hex(self) -> str:
        return self.fingerprint.hex()

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()


class KeySession(Protocol):
    """A source of private-key operations: a logged-in token or a key file.

    The private key never leaves it; callers get plaintext content keys, shared
    secrets and signatures. ``sign`` returns what ``cryptography`` verifies with the
    certificate: RSA PKCS#1 v1.5 with SHA-256, or DER-encoded ECDSA with SHA-256.
    """

    def certificates(self) -> list[KeyCertificate]: ...

    def decrypt(self, key: KeyCertificate, ciphertext: bytes, padding: RsaPadding) -> bytes: ...

    def supports(self, key: KeyCertificate, padding: RsaPadding) -> bool: ...

    def derive_ecdh(
        self, key: KeyCertificate, peer_public: bytes | ec.EllipticCurvePublicKey
    ) -> bytes: ...

    def sign(self, key: KeyCertificate, data: bytes) -> bytes: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


@dataclass(frozen=True)
class TokenInfo:
    """A slot and the token in it (``present`` False: an empty reader). ``flags``
    are the PKCS#11 ``CK_TOKEN_INFO`` flags, PIN counters included."""

    slot_id: int
    slot_description: str
    present: bool
    label: str = ""
    serial: str = ""
    manufacturer: str = ""
    model: str = ""
    flags: int = 0

    @property
    def initialized(self) -> bool:
        return bool(self.flags & CKF_TOKEN_INITIALIZED)

    @property
    def pin_locked(self) -> bool:
        return bool(self.flags & CKF_USER_PIN_LOCKED)

    @property
    def pin_final_try(self) -> bool:
        return bool(self.flags & CKF_USER_PIN_FINAL_TRY)

    @property
    def pin_count_low(self) -> bool:
        return bool(self.flags & CKF_USER_PIN_COUNT_LOW)

    @property
    def protected_auth_path(self) -> bool:
        """PIN entered on the token's own keypad."""
        return bool(self.flags & CKF_PROTECTED_AUTHENTICATION_PATH)


class KeyToken(Protocol):
    """A key device with its owner thread: a PKCS#11 token, or the simulator's
    software token. ``open_session`` and the session's methods run on ``owner``
    (``token.owner.call(...)`` from another thread)."""

    owner: OwnerThread

    @property
    def info(self) -> TokenInfo: ...

    def run(self, handler: DeviceHandler, work: Callable[[KeySession], R]) -> Future[R]: ...

    def open_session(self, handler: DeviceHandler) -> KeySession: ...

    def present(self) -> bool: ...

    def close(self) -> None: ...


def certificate_fingerprint(certificate: x509.Certificate) -> bytes:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()


def find_recipient(
    keys: Iterable[KeyCertificate], recipient_fingerprints: Iterable[bytes]
) -> KeyCertificate:
    """The key whose certificate the bid was encrypted to, by SHA-256 fingerprint;
    :class:`KeyMismatchError` (非本投标人的加密锁) when none of ``keys`` is."""
    wanted = set(recipient_fingerprints)
    offered = list(keys)
    if not offered:
        raise NoCertificateError()
    for key in offered:
        if key.fingerprint in wanted:
            return key
    raise KeyMismatchError(
        offered=",".join(k.fingerprint_hex for k in offered),
        expected=tuple(sorted(f.hex() for f in wanted)),
    )


def require_recipient(key: KeyCertificate, recipient_fingerprints: Iterable[bytes]) -> None:
    """Raise :class:`KeyMismatchError` unless ``key`` is one of the recipients."""
    find_recipient([key], recipient_fingerprints)


def peer_point(key: KeyCertificate, peer_public: bytes | ec.EllipticCurvePublicKey) -> bytes:
    """The peer's uncompressed X9.62 point, checked to be on the key's curve."""
    own = key.certificate.public_key()
    if not isinstance(own, ec.EllipticCurvePublicKey):
        raise MechanismUnsupportedError("ECDH (RSA key)", code=None)
    if isinstance(peer_public, bytes):
        try:
            peer_public = ec.EllipticCurvePublicKey.from_encoded_point(own.curve, peer_public)
        except ValueError as exc:
            raise MechanismUnsupportedError("ECDH (bad peer point)", code=None) from exc
    if peer_public.curve.name != own.curve.name:
        raise MechanismUnsupportedError(f"ECDH ({peer_public.curve.name})", code=None)
    return peer_public.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def raw_ecdsa_to_der(signature: bytes) -> bytes:
    """PKCS#11 returns ECDSA as r‖s; X.509 and ``cryptography`` use DER."""
    half = len(signature) // 2
    r = int.from_bytes(signature[:half], "big")
    s = int.from_bytes(signature[half:], "big")
    return encode_dss_signature(r, s)


def verify_signature(certificate: x509.Certificate, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` (as ``KeySession.sign`` makes it) verifies with the
    certificate's public key: the possession check of a signed challenge."""
    public = certificate.public_key()
    try:
        if isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            return False
    except InvalidSignature:
        return False
    return True
