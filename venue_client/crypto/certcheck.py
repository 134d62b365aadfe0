"""Company CA certificate check-in (企业数字证书签到): is this certificate, read from
the bidder's USB key, issued through a configured root CA, valid now, not revoked,
and issued to the bidder's company (统一社会信用代码)? Possession of its key is
proved separately (:mod:`venue_client.crypto.certproof`); this module re-exports
the whole API, errors included.

The chain is ``cryptography``'s X.509 verifier's decision (path building over the
configured and presented intermediates, every link's signature and validity, CA
constraints; see :mod:`~venue_client.crypto.certpolicy`). The bidder's own
certificate is checked here: algorithm, not a CA, keyUsage digitalSignature,
validity with the policy's clock skew, and its USCC. Revocation comes from the
configured CRLs (:mod:`~venue_client.crypto.certcrl`); OCSP is not consulted.
When the verifier refuses, this module only looks for a more precise cause
(e.g. an expired intermediate CA): it never accepts what the verifier refused."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509 import verification
from cryptography.x509.oid import NameOID, SignatureAlgorithmOID

from venue_client.crypto import certcrl
from venue_client.crypto.certerrors import (
    CaCertificateNotValidError,
    CertificateCheckError,
    CertificateExpiredError,
    CertificateNotYetValidError,
    CertificatePolicyError,
    CertificateRevokedError,
    CertificateUsageError,
    ChallengeError,
    InvalidCertificateUsccError,
    NoUsccError,
    PrivateKeyMismatchError,
    RevocationUnknownError,
    UnsupportedCertificateAlgorithmError,
    UntrustedCertificateError,
    UsccMismatchError,
)
from venue_client.crypto.certpolicy import DEFAULT_CLOCK_SKEW, CertificatePolicy
from venue_client.crypto.certproof import (
    CHALLENGE_LIFETIME,
    Challenge,
    make_challenge,
    prove_with_token,
    verify_possession,
)
from venue_client.domain.identity import InvalidUscc, parse_uscc, subject_kind

__all__ = [
    "CHALLENGE_LIFETIME",
    "DEFAULT_CLOCK_SKEW",
    "CaCertificateNotValidError",
    "CertificateCheck",
    "CertificateCheckError",
    "CertificateExpiredError",
    "CertificateNotYetValidError",
    "CertificatePolicy",
    "CertificatePolicyError",
    "CertificateRevokedError",
    "CertificateUsageError",
    "Challenge",
    "ChallengeError",
    "InvalidCertificateUsccError",
    "NoUsccError",
    "PrivateKeyMismatchError",
    "RevocationUnknownError",
    "UnsupportedCertificateAlgorithmError",
    "UntrustedCertificateError",
    "UsccMismatchError",
    "certificate_uscc",
    "make_challenge",
    "prove_with_token",
    "verify_company_certificate",
    "verify_possession",
]

log = logging.getLogger(__name__)

MIN_RSA_BITS = 2048
_SIGNATURE_ALGORITHMS = frozenset(  # those the verifier accepts
    {
        SignatureAlgorithmOID.RSA_WITH_SHA256,
        SignatureAlgorithmOID.RSA_WITH_SHA384,
        SignatureAlgorithmOID.RSA_WITH_SHA512,
        SignatureAlgorithmOID.RSASSA_PSS,
        SignatureAlgorithmOID.ECDSA_WITH_SHA256,
        SignatureAlgorithmOID.ECDSA_WITH_SHA384,
        SignatureAlgorithmOID.ECDSA_WITH_SHA512,
    }
)
_CURVES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}
_SM2_WITH_SM3 = "1.2.156.10197.1.501"
_SM2_CURVE_DER = bytes.fromhex("06082a811ccf5501822d")  # OID 1.2.156.10197.1.301
# Where CAs put the company's USCC, most specific first (GB/T 20518 profiles and
# common practice: serialNumber, ETSI organizationIdentifier "NTRCN-...", or a
# free-text OU / CN / UID such as "某某公司(91330100MA2XXXXXXX)").
_USCC_ATTRIBUTES = (
    NameOID.SERIAL_NUMBER,
    NameOID.ORGANIZATION_IDENTIFIER,
    NameOID.ORGANIZATIONAL_UNIT_NAME,
    NameOID.COMMON_NAME,
    NameOID.USER_ID,
)
_USCC_SHAPE = re.compile(
    r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"
)


@dataclass(frozen=True)
class CertificateCheck:
    """A passed certificate check: what the check-in record stores."""

    uscc: str
    company_name: str  # the subject's O, else its CN
    subject: str  # RFC 4514
    issuer: str  # RFC 4514
    serial: str  # upper-case hex
    not_before: datetime  # UTC
    not_after: datetime  # UTC
    fingerprint_sha256: str  # hex, of the certificate's DER
    key_algorithm: str  # "RSA-2048", "EC-P-256"
    trust_anchor: str  # RFC 4514 subject of the root the chain ends at
    chain_sha256: tuple[str, ...]  # the verified chain, leaf first, root last
    revocation_checked: bool  # False: no current CRL for some link ("未检查吊销状态")
    checked_at: datetime

    def to_record(self) -> dict[str, str | bool | list[str]]:
        """Plain JSON-ready values (times in ISO 8601 UTC)."""
        return {
            "uscc": self.uscc,
            "company_name": self.company_name,
            "subject": self.subject,
            "issuer": self.issuer,
            "serial": self.serial,
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "fingerprint_sha256": self.fingerprint_sha256,
            "key_algorithm": self.key_algorithm,
            "trust_anchor": self.trust_anchor,
            "chain_sha256": list(self.chain_sha256),
            "revocation_checked": self.revocation_checked,
            "checked_at": self.checked_at.isoformat(),
        }


def verify_company_certificate(
    cert: x509.Certificate,
    *,
    expected_uscc: str,
    policy: CertificatePolicy,
    now: datetime,
    presented_intermediates: Sequence[x509.Certificate] = (),
) -> CertificateCheck:
    """Check a bidder's certificate for check-in; raise a :class:`CertificateCheckError`
    subclass naming the first problem found. ``presented_intermediates``: CA
    certificates that came with it (from the token), untrusted until chained."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    expected = parse_uscc(expected_uscc)
    key_algorithm = _check_algorithms(cert)
    _check_usage(cert)
    not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
    # Chain checked at a moment inside the certificate's validity, so that an
    # untrusted certificate is called untrusted, not merely expired.
    at = min(max(now, not_before), not_after)
    outdated: CertificateCheckError | None = None
    if now > not_after:
        outdated = CertificateExpiredError(not_before=not_before, not_after=not_after)
    elif now + policy.clock_skew < not_before:
        outdated = CertificateNotYetValidError(not_before=not_before, not_after=not_after)
    try:
        chain = _verified_chain(cert, policy, at, [*policy.intermediates, *presented_intermediates])
    except CaCertificateNotValidError:
        if outdated is not None:  # issued by a trusted CA: its own dates are the news
            raise outdated from None
        raise
    if outdated is not None:
        raise outdated
    checked = certcrl.check_chain(chain, policy.crls, now=now, clock_skew=policy.clock_skew)
    if not checked.complete and policy.require_revocation_data:
        raise RevocationUnknownError(ca=_display_name(checked.unchecked_issuer))
    actual = certificate_uscc(cert)
    if actual != expected:
        raise UsccMismatchError(actual=actual, expected=expected)
    return CertificateCheck(
        uscc=actual,
        company_name=_display_name(cert.subject),
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        serial=_serial_hex(cert.serial_number),
        not_before=not_before,
        not_after=not_after,
        fingerprint_sha256=cert.fingerprint(hashes.SHA256()).hex(),
        key_algorithm=key_algorithm,
        trust_anchor=chain[-1].subject.rfc4514_string(),
        chain_sha256=tuple(c.fingerprint(hashes.SHA256()).hex() for c in chain),
        revocation_checked=checked.complete,
        checked_at=now,
    )


def certificate_uscc(cert: x509.Certificate) -> str:
    """The company's USCC from the subject: the first USCC-shaped value in
    serialNumber, organizationIdentifier, OU, CN, UID (in that order), validated
    with :func:`parse_uscc`. Citizen ID numbers (personal certificates) are skipped.
    :class:`NoUsccError` / :class:`InvalidCertificateUsccError` otherwise."""
    for oid in _USCC_ATTRIBUTES:
        for attribute in cert.subject.get_attributes_for_oid(oid):
            text = str(attribute.value).upper()
            for match in _USCC_SHAPE.finditer(text):
                value = match.group(0)
                if subject_kind(value) == "person":
                    continue
                try:
                    return parse_uscc(value)
                except InvalidUscc:
                    raise InvalidCertificateUsccError(value=value) from None
    raise NoUsccError()


def _verified_chain(
    cert: x509.Certificate,
    policy: CertificatePolicy,
    at: datetime,
    intermediates: list[x509.Certificate],
) -> list[x509.Certificate]:
    verifier = policy.verifier(at)
    try:
        return list(verifier.verify(cert, intermediates).chain)
    except verification.VerificationError as exc:
        detail = str(exc)
    log.info("certificate chain refused: %s", detail)
    _explain_refusal(cert, [*policy.trust_roots, *intermediates], policy.trust_roots, at)
    raise UntrustedCertificateError(detail=detail)


def _explain_refusal(
    cert: x509.Certificate,
    pool: list[x509.Certificate],
    roots: Sequence[x509.Certificate],
    at: datetime,
) -> None:
    """After the verifier refused: follow issuer links by name and signature and
    raise a more precise error when a CA certificate is out of date. Never
    accepts anything."""
    current = cert
    for _ in range(8):
        issuer = next((c for c in pool if _issued_by(current, c)), None)
        if issuer is None:
            return
        start, end = issuer.not_valid_before_utc, issuer.not_valid_after_utc
        if not start <= at <= end:
            raise CaCertificateNotValidError(
                ca=_display_name(issuer.subject), not_before=start, not_after=end
            )
        if issuer in roots or issuer == current:
            return
        current = issuer


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def _check_algorithms(cert: x509.Certificate) -> str:
    """What the verifier and :func:`verify_possession` can handle, named when not."""
    oid = cert.signature_algorithm_oid
    if oid.dotted_string == _SM2_WITH_SM3:
        raise UnsupportedCertificateAlgorithmError(algorithm="SM2/SM3")
    if oid not in _SIGNATURE_ALGORITHMS:
        raise UnsupportedCertificateAlgorithmError(algorithm=_oid_name(oid))
    try:
        public = cert.public_key()
    except UnsupportedAlgorithm:
        der = cert.public_bytes(serialization.Encoding.DER)
        name = "SM2" if _SM2_CURVE_DER in der else _oid_name(cert.public_key_algorithm_oid)
        raise UnsupportedCertificateAlgorithmError(algorithm=name) from None
    if isinstance(public, rsa.RSAPublicKey):
        if public.key_size < MIN_RSA_BITS:
            raise UnsupportedCertificateAlgorithmError(algorithm=f"RSA-{public.key_size}")
        return f"RSA-{public.key_size}"
    if isinstance(public, ec.EllipticCurvePublicKey):
        curve = _CURVES.get(public.curve.name)
        if curve is None:
            raise UnsupportedCertificateAlgorithmError(algorithm=f"EC {public.curve.name}")
        return f"EC-{curve}"
    raise UnsupportedCertificateAlgorithmError(algorithm=_oid_name(cert.public_key_algorithm_oid))


def _check_usage(cert: x509.Certificate) -> None:
    """A bidder's signing certificate: not a CA, digitalSignature if keyUsage is set."""
    try:
        extensions = cert.extensions
    except ValueError as exc:  # duplicate or malformed extensions
        raise UntrustedCertificateError(detail=f"bad extensions: {exc}") from None
    try:
        if extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            raise CertificateUsageError(is_ca=True)
    except x509.ExtensionNotFound:
        pass
    try:
        usage = extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not usage.digital_signature:
        raise CertificateUsageError()


def _display_name(name: x509.Name | None) -> str:
    if name is None:
        return ""
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = name.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return name.rfc4514_string()


def _serial_hex(serial: int) -> str:
    text = format(serial, "X")
    return text.zfill(len(text) + len(text) % 2)


def _oid_name(oid: x509.ObjectIdentifier) -> str:
    name = getattr(oid, "_name", "")
    return name if name and name != "Unknown OID" else oid.dotted_string
