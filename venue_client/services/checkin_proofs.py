"""Proofs of identity other than the ID card: a company CA certificate on a USB key,
and a check-in pass (QR code) issued by the platform. Each is verified here and
turned into the ``Proof`` the check-in rules assess; a proof that fails its own
checks becomes a refusal with the reason, which the desk records like any other."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from cryptography import x509

from venue_client.audit.note import Verifier
from venue_client.crypto.certcheck import (
    CertificateCheck,
    CertificatePolicy,
    certificate_uscc,
    verify_company_certificate,
    verify_possession,
)
from venue_client.crypto.qrpass import CheckInPass, PassError, check_pass, parse_pass, person_hash
from venue_client.domain.checkin import R_UNKNOWN, FaceResult, Method, Outcome, Proof, Verdict
from venue_client.domain.errors import Message, UserFacingError
from venue_client.services.checkin_roster import load_roster, parse_session

if TYPE_CHECKING:
    from venue_client.services.checkin import CheckInService


def assess_certificate(
    service: CheckInService,
    ref: str,
    cert: x509.Certificate,
    challenge: bytes,
    signature: bytes,
    *,
    policy: CertificatePolicy,
    venue: str,
    id_number: str = "",
    now: datetime | None = None,
) -> tuple[Proof, Verdict, CertificateCheck | None]:
    """Chain, validity, revocation and USCC checked, possession proven by the token's
    signature of ``challenge`` (made with ``make_challenge(venue=venue, session=ref)``);
    then the usual rules. ``id_number``: the representative the desk chose when the
    company sent several."""
    now = now or service.ctx.clock.now()
    try:
        uscc = certificate_uscc(cert)
        check = verify_company_certificate(cert, expected_uscc=uscc, policy=policy, now=now)
        verify_possession(cert, challenge, signature, venue=venue, session=ref.upper(), now=now)
    except UserFacingError as exc:
        proof = Proof(Method.CERTIFICATE)
        refused = Verdict(Outcome.REFUSED, reasons=(exc.message,), refusal_code="certificate")
        return proof, refused, None
    proof = Proof(Method.CERTIFICATE, company_code=uscc, id_number=id_number)
    verdict = service.assess(ref, proof, face=FaceResult.NOT_REQUIRED, now=now)
    return proof, verdict, check


def assess_pass(
    service: CheckInService,
    ref: str,
    scanned: str,
    *,
    verifiers: Sequence[Verifier],
    now: datetime | None = None,
) -> tuple[Proof, Verdict, CheckInPass | None]:
    """A scanned check-in pass: the platform's signature, this session's section, the
    validity window, then the person it names (by salted hash) through the usual
    rules. The platform verified the person's identity when it issued the pass, so no
    face comparison is asked; the desk still keeps a snapshot."""
    now = now or service.ctx.clock.now()
    kind, _ = parse_session(ref)
    roster = load_roster(service.ctx, ref)
    try:
        code = parse_pass(scanned, verifiers)
        check_pass(code, section=roster.section_code, kind=kind, now=now)
    except PassError as exc:
        refused = Verdict(Outcome.REFUSED, reasons=(exc.message,), refusal_code="qr")
        return Proof(Method.QR), refused, None
    person = next(
        (
            row.person
            for row in roster.rows
            if person_hash(roster.section_code, row.person.id_number) == code.person
        ),
        None,
    )
    if person is None or (code.org and code.org != person.company_code):
        refused = Verdict(Outcome.REFUSED, reasons=(Message(R_UNKNOWN),), refusal_code="unknown")
        return Proof(Method.QR), refused, code
    proof = Proof(Method.QR, id_number=person.id_number, name=person.name)
    return proof, service.assess(ref, proof, face=FaceResult.NOT_REQUIRED, now=now), code
