"""Revocation of a verified chain from configured CRLs (证书吊销列表), RFC 5280 §6.3
in the small: a CRL counts only when its issuer name is the certificate's issuer
and its signature verifies with that issuer's key (which, if it has keyUsage,
allows cRLSign). Any such CRL listing the serial refuses the certificate, even a
stale one (revocation is permanent; ``removeFromCRL`` entries excepted). A link is
"checked" only if a current, complete CRL covers it: ``thisUpdate`` not in the
future, ``nextUpdate`` present and not passed, not a delta CRL, and an issuing
distribution point, if any, whose scope includes the certificate.

Not covered: OCSP, delta CRLs merged with their base, indirect CRLs, CRLs signed
by a separate CRL-signing key, fetching CRLs from distribution points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.x509.oid import ExtensionOID

from venue_client.crypto.certerrors import CertificateRevokedError, UntrustedCertificateError

_UNDERSTOOD = frozenset({ExtensionOID.ISSUING_DISTRIBUTION_POINT, ExtensionOID.DELTA_CRL_INDICATOR})


@dataclass(frozen=True)
class RevocationStatus:
    """``complete``: every link had a current CRL; else ``unchecked_issuer`` names
    the first CA whose CRL was missing or stale."""

    complete: bool
    unchecked_issuer: x509.Name | None = None


def check_chain(
    chain: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    *,
    now: datetime,
    clock_skew: timedelta,
) -> RevocationStatus:
    """Raise :class:`CertificateRevokedError` for a revoked leaf (an untrusted-chain
    error for a revoked CA certificate); else say whether every link was checked."""
    unchecked: x509.Name | None = None
    for position, (cert, issuer) in enumerate(pairwise(chain)):
        covered = False
        for crl in crls:
            if not _usable(crl, issuer):
                continue
            _raise_if_listed(crl, cert, is_leaf=position == 0)
            if _current(crl, now, clock_skew) and _complete_for(crl, cert):
                covered = True
        if not covered and unchecked is None:
            unchecked = issuer.subject
    return RevocationStatus(unchecked is None, unchecked)


def _usable(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    """Signed by ``issuer``, with no critical extension we cannot process."""
    if crl.issuer != issuer.subject:
        return False
    try:
        usage = issuer.extensions.get_extension_for_class(x509.KeyUsage).value
        if not usage.crl_sign:
            return False
    except x509.ExtensionNotFound:
        pass
    try:
        if not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
            return False
        extensions = crl.extensions
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return False
    if any(ext.critical and ext.oid not in _UNDERSTOOD for ext in extensions):
        return False
    point = _distribution_point(crl)
    return point is None or not point.indirect_crl


def _raise_if_listed(
    crl: x509.CertificateRevocationList, cert: x509.Certificate, *, is_leaf: bool
) -> None:
    entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
    if entry is None:
        return
    reason = ""
    try:
        flag = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
        if flag is x509.ReasonFlags.remove_from_crl:
            return
        reason = flag.value
    except x509.ExtensionNotFound:
        pass
    revoked_at = entry.revocation_date_utc
    if not is_leaf:
        raise UntrustedCertificateError(
            detail=f"CA certificate {cert.subject.rfc4514_string()} revoked at {revoked_at}"
        )
    raise CertificateRevokedError(
        revoked_at=revoked_at, reason=reason, serial=format(cert.serial_number, "X")
    )


def _current(crl: x509.CertificateRevocationList, now: datetime, skew: timedelta) -> bool:
    next_update = crl.next_update_utc
    return crl.last_update_utc <= now + skew and next_update is not None and now <= next_update


def _complete_for(crl: x509.CertificateRevocationList, cert: x509.Certificate) -> bool:
    """Whether the CRL is a full CRL whose scope includes ``cert``."""
    try:
        crl.extensions.get_extension_for_class(x509.DeltaCRLIndicator)
        return False
    except x509.ExtensionNotFound:
        pass
    point = _distribution_point(crl)
    return point is None or _in_scope(point, cert)


def _in_scope(point: x509.IssuingDistributionPoint, cert: x509.Certificate) -> bool:
    is_ca = _is_ca(cert)
    if (
        point.only_some_reasons
        or point.only_contains_attribute_certs
        or point.relative_name is not None
        or (point.only_contains_user_certs and is_ca)
        or (point.only_contains_ca_certs and not is_ca)
    ):
        return False
    if point.full_name is None:
        return True
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return False
    names = set(point.full_name)
    return any(names.intersection(p.full_name or ()) for p in points)


def _distribution_point(
    crl: x509.CertificateRevocationList,
) -> x509.IssuingDistributionPoint | None:
    try:
        return crl.extensions.get_extension_for_class(x509.IssuingDistributionPoint).value
    except x509.ExtensionNotFound:
        return None


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False
