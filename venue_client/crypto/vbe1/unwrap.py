"""The opener's side of the recipients: find the stanza for the key offered (by
fingerprint, never by trial), unwrap the file key, and check the header MAC."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Union

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap

from drivers.token.errors import DecryptionFailedError, MechanismUnsupportedError
from drivers.token.keys import KeyCertificate, KeySession
from venue_client.crypto.envelope_errors import (
    EnvelopeError,
    KeyUnwrapError,
    TamperedError,
    UnsupportedAlgorithmError,
    WrongKeyError,
)
from venue_client.crypto.sm2 import Sm2PrivateKey, sm2_decrypt
from venue_client.crypto.vbe1.format import (
    ECDH_POINT_LEN,
    FILE_KEY_LEN,
    RSA_KINDS,
    Header,
    Kind,
    Stanza,
)
from venue_client.crypto.vbe1.keys import INFO_LOCAL_WRAP, header_mac, hkdf, local_key_id
from venue_client.crypto.vbe1.recipients import KIND_PADDING, ecdh_kek, point_of, sm2_fingerprint

OpeningKey = Union[KeySession, Sm2PrivateKey, bytes]  # noqa: UP007 - runtime alias


Unwrap = Callable[[], bytes]


@dataclass(frozen=True)
class Opened:
    file_key: bytes
    stanza: Stanza


def _local(header: Header, key: bytes) -> Iterator[tuple[Stanza, Unwrap]]:
    fid = local_key_id(key)
    for stanza in header.stanzas:
        if stanza.kind is Kind.LOCAL and stanza.fingerprint == fid:
            yield stanza, partial(_local_unwrap, key, header.payload_nonce, stanza.body)


def _local_unwrap(key: bytes, nonce: bytes, body: bytes) -> bytes:
    try:
        return aes_key_unwrap(hkdf(key, nonce, INFO_LOCAL_WRAP, 32), body)
    except InvalidUnwrap:
        raise KeyUnwrapError() from None


def _sm2(header: Header, key: Sm2PrivateKey) -> Iterator[tuple[Stanza, Unwrap]]:
    fid = sm2_fingerprint(key.public_key)
    for stanza in header.stanzas:
        if stanza.kind is Kind.SM2 and stanza.fingerprint == fid:
            yield stanza, partial(sm2_decrypt, key, stanza.body)


def _session_unwrap(session: KeySession, cert: KeyCertificate, stanza: Stanza) -> bytes:
    if stanza.kind in RSA_KINDS:
        if cert.kind != "rsa":
            raise KeyUnwrapError()
        padding = KIND_PADDING[stanza.kind]
        try:
            return session.decrypt(cert, stanza.body, padding)
        except DecryptionFailedError:
            raise KeyUnwrapError() from None
        except MechanismUnsupportedError:
            raise UnsupportedAlgorithmError(padding.value) from None
    if stanza.kind is not Kind.ECDH_P256 or cert.kind != "ec":
        raise KeyUnwrapError()
    own = cert.certificate.public_key()
    assert isinstance(own, ec.EllipticCurvePublicKey)
    eph_point = stanza.body[:ECDH_POINT_LEN]
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), eph_point)
    except ValueError:
        raise KeyUnwrapError() from None
    if not isinstance(own.curve, ec.SECP256R1):
        raise KeyUnwrapError()
    try:
        shared = session.derive_ecdh(cert, eph_point)
    except MechanismUnsupportedError:
        raise UnsupportedAlgorithmError("ECDH P-256") from None
    kek = ecdh_kek(shared, eph_point, point_of(own))
    try:
        return aes_key_unwrap(kek, stanza.body[ECDH_POINT_LEN:])
    except InvalidUnwrap:
        raise KeyUnwrapError() from None


def _session(header: Header, session: KeySession) -> Iterator[tuple[Stanza, Unwrap]]:
    wanted = {s.fingerprint for s in header.stanzas}
    if not wanted & {c.fingerprint for c in session.certificates()}:
        return
    by_fingerprint = {c.fingerprint: c for c in session.certificates()}
    for stanza in header.stanzas:
        cert = by_fingerprint.get(stanza.fingerprint)
        if cert is not None:
            yield stanza, partial(_session_unwrap, session, cert, stanza)


def _candidates(header: Header, key: OpeningKey) -> Iterator[tuple[Stanza, Unwrap]]:
    if isinstance(key, bytes | bytearray):
        if len(key) != FILE_KEY_LEN:
            raise WrongKeyError()
        return _local(header, bytes(key))
    if isinstance(key, Sm2PrivateKey):
        return _sm2(header, key)
    if hasattr(key, "certificates") and hasattr(key, "decrypt"):
        return _session(header, key)
    raise TypeError(f"cannot open an envelope with {type(key).__name__}")


def open_header(header: Header, raw: bytes, mac: bytes, key: OpeningKey) -> Opened:
    """The file key, from the first stanza for ``key`` whose unwrapped key also
    authenticates the header. :class:`WrongKeyError` when no stanza names the key,
    :class:`KeyUnwrapError` when unwrapping fails, :class:`TamperedError` (0) when
    the header MAC does not verify."""
    matched = False
    unwrapped = False
    failure: EnvelopeError | None = None
    for stanza, unwrap in _candidates(header, key):
        matched = True
        try:
            file_key = unwrap()
        except EnvelopeError as exc:  # this stanza failed; another may still work
            failure = exc
            continue
        if len(file_key) != FILE_KEY_LEN:
            failure = failure or KeyUnwrapError()
            continue
        unwrapped = True
        expected = header_mac(file_key, header.payload_nonce, raw)
        if hmac.compare_digest(expected, mac):
            return Opened(file_key, stanza)
    if not matched:
        raise WrongKeyError()
    if unwrapped:
        raise TamperedError(0)
    assert failure is not None
    raise failure


def key_fingerprints(key: OpeningKey) -> list[bytes]:
    """The fingerprints a key answers to (for callers that list them)."""
    if isinstance(key, bytes | bytearray):
        return [local_key_id(bytes(key))]
    if isinstance(key, Sm2PrivateKey):
        return [sm2_fingerprint(key.public_key)]
    return [c.fingerprint for c in key.certificates()]
