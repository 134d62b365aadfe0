"""Proof that the person at the desk holds the certificate's private key: the desk
issues a challenge bound to this venue and check-in session, the USB key signs it,
the desk verifies the signature with the certificate's public key.

The challenge is short text, readable in the audit trail::

    venue-client check-in challenge v1
    venue=<venue id>
    session=<session id>
    issued=2025-06-30T01:02:03Z
    nonce=<32 random bytes, hex>

Signatures are what :mod:`drivers.token` makes: RSA PKCS#1 v1.5 with SHA-256, or
DER-encoded ECDSA with SHA-256.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from drivers.token.errors import NoCertificateError, NoPrivateKeyError
from drivers.token.keys import KeyCertificate, KeySession, certificate_fingerprint
from venue_client.crypto.certerrors import (
    ChallengeError,
    PrivateKeyMismatchError,
    UnsupportedCertificateAlgorithmError,
)

CHALLENGE_HEADER = "venue-client check-in challenge v1"
CHALLENGE_LIFETIME = timedelta(minutes=5)  # PIN entry included
NONCE_BYTES = 32
_MAX_FIELD = 128
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True)
class Challenge:
    """A decoded challenge (what the desk issued)."""

    venue: str
    session: str
    issued_at: datetime
    nonce: bytes

    def to_bytes(self) -> bytes:
        for value in (self.venue, self.session):
            _require_field(value)
        if len(self.nonce) != NONCE_BYTES:
            raise ValueError("a challenge nonce is 32 bytes")
        issued = _require_aware(self.issued_at).astimezone(UTC).strftime(_TIME_FORMAT)
        lines = (
            CHALLENGE_HEADER,
            f"venue={self.venue}",
            f"session={self.session}",
            f"issued={issued}",
            f"nonce={self.nonce.hex()}",
        )
        return ("\n".join(lines) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Challenge:
        """Parse strictly; :class:`ChallengeError` (malformed) for anything else."""
        try:
            text = data.decode("utf-8")
            header, venue, session, issued, nonce, end = text.split("\n")
            if header != CHALLENGE_HEADER or end != "":
                raise ValueError("header")
            fields = [_field(line, key) for line, key in ((venue, "venue"), (session, "session"))]
            for value in fields:
                _require_field(value)
            issued_at = datetime.strptime(_field(issued, "issued"), _TIME_FORMAT).replace(
                tzinfo=UTC
            )
            nonce_hex = _field(nonce, "nonce")
            if len(nonce_hex) != 2 * NONCE_BYTES or nonce_hex != nonce_hex.lower():
                raise ValueError("nonce")
            parsed = cls(fields[0], fields[1], issued_at, bytes.fromhex(nonce_hex))
        except ValueError:
            raise ChallengeError(ChallengeError.MALFORMED) from None
        if parsed.to_bytes() != data:  # one canonical encoding only
            raise ChallengeError(ChallengeError.MALFORMED)
        return parsed


def make_challenge(*, venue: str, session: str, now: datetime) -> bytes:
    """A fresh challenge: 32 random bytes, the time, and this venue and session."""
    return Challenge(venue, session, now, secrets.token_bytes(NONCE_BYTES)).to_bytes()


def verify_possession(
    cert: x509.Certificate,
    challenge: bytes,
    signature: bytes,
    *,
    venue: str,
    session: str,
    now: datetime,
    max_age: timedelta = CHALLENGE_LIFETIME,
    clock_skew: timedelta = timedelta(minutes=1),
) -> Challenge:
    """Check that ``challenge`` is this desk's, for this check-in, recent, and that
    ``signature`` over it verifies with ``cert``'s key; else raise
    :class:`ChallengeError` or :class:`PrivateKeyMismatchError`."""
    decoded = Challenge.from_bytes(challenge)
    if decoded.venue != venue or decoded.session != session:
        raise ChallengeError(ChallengeError.FOREIGN)
    age = _require_aware(now) - decoded.issued_at
    if age > max_age or age < -clock_skew:
        raise ChallengeError(ChallengeError.EXPIRED)
    try:
        public = cert.public_key()
    except UnsupportedAlgorithm:
        raise UnsupportedCertificateAlgorithmError(
            algorithm=cert.public_key_algorithm_oid.dotted_string
        ) from None
    try:
        if isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, challenge, ec.ECDSA(hashes.SHA256()))
        else:
            raise UnsupportedCertificateAlgorithmError(algorithm=type(public).__name__)
    except InvalidSignature:
        raise PrivateKeyMismatchError() from None
    return decoded


def prove_with_token(session: KeySession, cert: x509.Certificate, challenge: bytes) -> bytes:
    """Sign ``challenge`` with the token's key for ``cert`` (PIN through the session's
    handler). Run it on the token's owner thread, e.g.
    ``token.run(handler, lambda s: prove_with_token(s, cert, challenge))``.

    The key is the one filed with the certificate on the token (``CKA_ID``); for a
    certificate not on the token, the key with its public key. No such key:
    :class:`PrivateKeyMismatchError`. A key that is filed with the certificate
    but is not its key signs, and :func:`verify_possession` refuses the signature.
    """
    try:
        on_token = session.certificates()
    except NoCertificateError:
        on_token = []
    wanted = certificate_fingerprint(cert)
    key = next((k for k in on_token if k.fingerprint == wanted), None)
    if key is None:
        key = KeyCertificate(cert, b"", "")
    try:
        return session.sign(key, challenge)
    except NoPrivateKeyError:
        raise PrivateKeyMismatchError() from None


def _field(line: str, key: str) -> str:
    name, sep, value = line.partition("=")
    if name != key or not sep:
        raise ValueError(key)
    return value


def _require_field(value: str) -> None:
    if not value or len(value) > _MAX_FIELD or not value.isprintable():
        raise ValueError("venue and session are 1-128 printable characters")


def _require_aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("times must be timezone-aware")
    return moment
