"""The check-in desk's use case: gather the facts for a proof of identity, apply the
rules (``domain.checkin``), and record the outcome with its audit event and outbox
row in one transaction. Overrides need a supervisor's credentials on the spot."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from venue_client.audit.note import Verifier
from venue_client.crypto.certcheck import CertificateCheck, CertificatePolicy
from venue_client.crypto.qrpass import CheckInPass
from venue_client.domain.checkin import (
    FaceResult,
    Outcome,
    Proof,
    Restriction,
    Verdict,
    assess,
)
from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.domain.identity import mask_id_number
from venue_client.services.approval import authenticate_approver
from venue_client.services.checkin_proofs import assess_certificate, assess_pass
from venue_client.services.checkin_roster import (
    Roster,
    candidates,
    load_roster,
    parse_session,
)
from venue_client.services.context import AppContext
from venue_client.services.users import UserInfo
from venue_client.services.vault import Vault
from venue_client.store.models import (
    Bidder,
    CheckIn,
    CheckInRefusal,
    CreditRestriction,
    OpeningSession,
)

E_NEEDS_SUPERVISOR = QT_TRANSLATE_NOOP("checkin", "此签到需监标人输入账号密码确认")


@dataclass(frozen=True)
class Recorded:
    verdict: Verdict
    checkin_id: int | None  # the new or existing record; None when refused
    event_seq: int | None


class CheckInService:
    def __init__(self, ctx: AppContext, vault: Vault | None = None) -> None:
        self.ctx = ctx
        self.vault = vault or Vault.open(ctx.settings.key_dir)

    # --- reading -----------------------------------------------------------------
    def roster(self, ref: str) -> Roster:
        return load_roster(self.ctx, ref)

    def assess(
        self,
        ref: str,
        proof: Proof,
        *,
        face: FaceResult,
        face_score: str = "",
        now: datetime | None = None,
    ) -> Verdict:
        now = now or self.ctx.clock.now()
        with self.ctx.reading() as s:
            kind, sid, section, people = candidates(s, ref, proof)
            subjects = {p.id_number for p in people} | {p.company_code for p in people}
            restrictions = [
                Restriction(r.subject_code, r.kind, r.reason)
                for r in s.execute(
                    select(CreditRestriction).where(CreditRestriction.subject_code.in_(subjects))
                ).scalars()
            ]
            verdict = assess(
                proof,
                people,
                restrictions,
                face=face,
                face_score=face_score,
                opening_time=section.opening_time if kind == "opening" else None,
                now=now,
                today=self.ctx.clock.today(),
            )
            if verdict.person is not None and self._existing(s, kind, sid, verdict.id_number):
                return Verdict(Outcome.ALREADY, person=verdict.person, id_number=verdict.id_number)
            return verdict

    def assess_certificate(
        self,
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
        """A company CA certificate from a USB key (see ``checkin_proofs``)."""
        return assess_certificate(
            self,
            ref,
            cert,
            challenge,
            signature,
            policy=policy,
            venue=venue,
            id_number=id_number,
            now=now,
        )

    def assess_pass(
        self, ref: str, scanned: str, *, verifiers: Sequence[Verifier], now: datetime | None = None
    ) -> tuple[Proof, Verdict, CheckInPass | None]:
        """A check-in pass scanned from a QR code (see ``checkin_proofs``)."""
        return assess_pass(self, ref, scanned, verifiers=verifiers, now=now)

    def existing(self, ref: str, id_number: str) -> CheckIn | None:
        kind, sid = parse_session(ref)
        with self.ctx.reading() as s:
            return self._existing(s, kind, sid, id_number)

    @staticmethod
    def _existing(s: Session, kind: str, sid: int, number: str) -> CheckIn | None:
        return s.execute(
            select(CheckIn).where(
                CheckIn.session_kind == kind, CheckIn.session_id == sid, CheckIn.id_number == number
            )
        ).scalar_one_or_none()

    # --- supervisor ----------------------------------------------------------------
    def approver(self, username: str, password: str, *, operator: UserInfo) -> UserInfo:
        """A supervisor's credentials given on the spot (the attempt is audited)."""
        return authenticate_approver(self.ctx, username, password, operator=operator)

    # --- recording -----------------------------------------------------------------
    def record(
        self,
        ref: str,
        proof: Proof,
        verdict: Verdict,
        *,
        operator: UserInfo,
        desk: str,
        face: FaceResult,
        face_score: str = "",
        face_backend: str = "",
        snapshot: bytes | None = None,
        approver: UserInfo | None = None,
        evidence: Mapping[str, object] | None = None,
    ) -> Recorded:
        """Write the check-in (or the refusal) with its audit event. ``evidence``: what
        proved the identity besides the ID card (the certificate check, the QR token),
        kept in the event as JSON-ready values."""
        kind, sid = parse_session(ref)
        if verdict.outcome is Outcome.ALREADY:
            existing = self.existing(ref, verdict.id_number)
            return Recorded(verdict, existing.id if existing else None, None)
        if verdict.outcome is Outcome.NEEDS_SUPERVISOR and approver is None:
            raise UserFacingError(E_NEEDS_SUPERVISOR)
        now = self.ctx.clock.now()
        masked = mask_id_number(verdict.id_number) if verdict.id_number else "-"
        base = {"v": 1, "session": ref.upper(), "desk": desk, "ID_CARD_MASKED": masked}
        try:
            with self.ctx.transaction(f"user:{operator.username}") as tx:
                if verdict.outcome is Outcome.REFUSED:
                    reason = "；".join(str(m) for m in verdict.reasons)
                    tx.session.add(
                        CheckInRefusal(
                            session_kind=kind,
                            session_id=sid,
                            id_number_masked=masked,
                            code=verdict.refusal_code,
                            reason=reason[:300],
                            refused_at=now,
                            desk=desk,
                            operator_id=operator.id,
                        )
                    )
                    refusal = {**base, "code": verdict.refusal_code, "method": str(proof.method)}
                    if evidence:
                        refusal["evidence"] = dict(evidence)
                    seq = tx.record("checkin.refused", refusal)
                    return Recorded(verdict, None, seq)
                person = verdict.person
                assert person is not None
                blob = self.vault.store(tx.session, "snapshot", snapshot, now) if snapshot else None
                row = CheckIn(
                    session_kind=kind,
                    session_id=sid,
                    id_number=verdict.id_number,
                    person_name=person.name,
                    bidder_id=None,
                    expert_id=person.ref if person.role == "expert" else None,
                    checked_in_at=now,
                    desk=desk,
                    method=str(proof.method),
                    face_score=float(face_score) if _is_number(face_score) else None,
                    late=verdict.late,
                    operator_id=operator.id,
                    role=person.role,
                    face_decision=str(face),
                    face_backend=face_backend,
                    approvals=sorted(str(a) for a in verdict.approvals),
                    approved_by=approver.id if approver else None,
                    snapshot_id=blob.id if blob else None,
                )
                if person.role == "representative":
                    row.bidder_id = self._bidder_id(tx.session, sid, person.company_code)
                tx.session.add(row)
                tx.session.flush()
                payload = {
                    **base,
                    "role": person.role,
                    "name": person.name,
                    "ID_CARD_SHA256": hashlib.sha256(verdict.id_number.encode()).hexdigest(),
                    "ORG_CODE": person.company_code,
                    "method": str(proof.method),
                    "face": str(face),
                    "face_score": face_score or "-",
                    "face_backend": face_backend,
                    "late": verdict.late,
                    "checked_in_at": now.isoformat(),
                }
                if evidence:
                    payload["evidence"] = dict(evidence)
                if approver is not None:
                    payload["approvals"] = sorted(str(a) for a in verdict.approvals)
                    payload["approved_by"] = approver.username
                event = "checkin.override" if approver is not None else "checkin.recorded"
                seq = tx.record(event, payload)
                return Recorded(verdict, row.id, seq)
        except IntegrityError:
            # Another desk sharing the database checked this person in first.
            existing = self.existing(ref, verdict.id_number)
            if existing is None:  # some other constraint: not a race, a real error
                raise
            already = Verdict(Outcome.ALREADY, person=verdict.person, id_number=verdict.id_number)
            return Recorded(already, existing.id, None)

    @staticmethod
    def _bidder_id(s: Session, opening_id: int, org_code: str) -> int | None:
        opening = s.get(OpeningSession, opening_id)
        if opening is None:
            return None
        return s.execute(
            select(Bidder.id).where(
                Bidder.section_id == opening.section_id, Bidder.org_code == org_code
            )
        ).scalar_one_or_none()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
