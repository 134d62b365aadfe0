"""Getting the content key out of an envelope's recipients: match a recipient to
one of the key session's certificates (issuer + serial number, or subject key
identifier), then let the session do the private-key operation (RSA key transport
or ECDH), or decrypt an SM2 key transport with a GM/T key."""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, keywrap, serialization
from cryptography.hazmat.primitives.kdf.x963kdf import X963KDF

from drivers.token.errors import DecryptionFailedError, MechanismUnsupportedError
from drivers.token.keys import KeyCertificate, KeySession
from venue_client.crypto.cms.asn1 import AlgorithmIdentifier, EccCmsSharedInfo
from venue_client.crypto.cms.recipients import Recipient
from venue_client.crypto.envelope_errors import (
    EnvelopeError,
    KeyUnwrapError,
    MalformedEnvelopeError,
    UnsupportedAlgorithmError,
    WrongKeyError,
)
from venue_client.crypto.sm2 import Sm2PrivateKey, der_to_c1c3c2, sm2_decrypt

KDF_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "SHA-1": hashes.SHA1,
    "SHA-224": hashes.SHA224,
    "SHA-256": hashes.SHA256,
    "SHA-384": hashes.SHA384,
    "SHA-512": hashes.SHA512,
}


@dataclass(frozen=True)
class Unwrapped:
    """The content key and whose it was."""

    key: bytes
    recipient: Recipient
    certificate: KeyCertificate | None = None


def _certificate_ids(cert: x509.Certificate) -> tuple[asn1_x509.Name, int, bytes]:
    issuer = asn1_x509.Name.load(cert.issuer.public_bytes())
    try:
        ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        ski = x509.SubjectKeyIdentifier.from_public_key(cert.public_key()).digest
    return issuer, cert.serial_number, ski


def matches(recipient: Recipient, cert: x509.Certificate) -> bool:
    issuer, serial, ski = _certificate_ids(cert)
    if recipient.ski is not None:
        return recipient.ski == ski
    return (
        recipient.serial == serial
        and recipient.issuer_name is not None
        and recipient.issuer_name == issuer
    )


def unwrap_with_session(
    recipients: list[Recipient], session: KeySession, key_size: int
) -> Unwrapped:
    """The content key via the first recipient that is one of the session's keys.
    :class:`WrongKeyError` when none is; :class:`KeyUnwrapError` when the key
    refuses (or returns a key of the wrong size)."""
    pairs = [
        (recipient, key)
        for recipient in recipients
        for key in session.certificates()
        if recipient.kind in ("ktri", "kari") and matches(recipient, key.certificate)
    ]
    if not pairs:
        raise WrongKeyError()
    failure: EnvelopeError = KeyUnwrapError()
    for recipient, key in pairs:
        if recipient.unsupported:
            failure = UnsupportedAlgorithmError(recipient.algorithm)
            continue
        try:
            content_key = _unwrap_one(recipient, key, session)
        except (DecryptionFailedError, KeyUnwrapError):
            failure = KeyUnwrapError()
            continue
        except MechanismUnsupportedError:
            failure = UnsupportedAlgorithmError(f"{recipient.algorithm} ({key.label})")
            continue
        if len(content_key) != key_size:
            failure = KeyUnwrapError()
            continue
        return Unwrapped(content_key, recipient, key)
    raise failure


def _unwrap_one(recipient: Recipient, key: KeyCertificate, session: KeySession) -> bytes:
    if recipient.kind == "ktri":
        if recipient.padding is None:
            raise UnsupportedAlgorithmError(recipient.algorithm)
        if not session.supports(key, recipient.padding):
            raise MechanismUnsupportedError(recipient.padding.value, code=None)
        return session.decrypt(key, recipient.encrypted_key, recipient.padding)
    return _key_agree(recipient, key, session)


def _key_agree(recipient: Recipient, key: KeyCertificate, session: KeySession) -> bytes:
    """RFC 5753 ECDH: shared secret from the session, X9.63 KDF over
    ECC-CMS-SharedInfo, then AES key unwrap (RFC 3394)."""
    if recipient.originator_point is None or recipient.wrap_der is None:
        raise UnsupportedAlgorithmError(recipient.algorithm)
    if key.kind != "ec":
        raise KeyUnwrapError()
    own = key.certificate.public_key()
    point = recipient.originator_point
    own_point = own.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    if len(point) != len(own_point):
        raise KeyUnwrapError()
    shared = session.derive_ecdh(key, point)
    try:
        info = {
            "key_info": AlgorithmIdentifier.load(recipient.wrap_der),
            "supp_pub_info": (recipient.wrap_size * 8).to_bytes(4, "big"),
        }
        if recipient.ukm is not None:
            info["entity_u_info"] = recipient.ukm
        shared_info = EccCmsSharedInfo(info).dump()
    except (ValueError, TypeError) as exc:
        raise MalformedEnvelopeError("key agreement parameters") from exc
    digest = KDF_HASHES[recipient.kdf_hash or "SHA-1"]()
    kek = X963KDF(digest, recipient.wrap_size, bytes(shared_info)).derive(shared)
    try:
        return keywrap.aes_key_unwrap(kek, recipient.encrypted_key)
    except (keywrap.InvalidUnwrap, ValueError) as exc:
        raise KeyUnwrapError() from exc


def unwrap_with_sm2(
    recipients: list[Recipient], private: Sm2PrivateKey, key_size: int
) -> Unwrapped:
    """GM/T 0010: try the SM2 key on each SM2 key-transport recipient (a bare key has
    no certificate to match by issuer and serial; SM2's C3 hash tells a wrong key).
    :class:`WrongKeyError` when no recipient opens with it."""
    sm2 = [r for r in recipients if r.kind == "ktri" and r.algorithm == "SM2"]
    if not sm2:
        unsupported = [r for r in recipients if r.unsupported]
        raise (
            WrongKeyError()
            if not unsupported
            else UnsupportedAlgorithmError(unsupported[0].algorithm)
        )
    for recipient in sm2:
        try:
            content_key = sm2_decrypt(private, der_to_c1c3c2(recipient.encrypted_key))
        except KeyUnwrapError:
            continue
        if len(content_key) != key_size:
            raise KeyUnwrapError()
        return Unwrapped(content_key, recipient)
    raise WrongKeyError()
