"""The expected people of a check-in session (a section's representatives, or the
experts drawn for a room) with their check-in state: the desk's roster and the
sign-in sheet read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from venue_client.domain.checkin import ExpectedPerson, Method, Proof
from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.domain.identity import normalise_id_number
from venue_client.services.context import AppContext
from venue_client.store.models import (
    Bidder,
    CheckIn,
    CheckInRefusal,
    EvaluationSession,
    Expert,
    OpeningSession,
    Representative,
    Section,
)

E_SESSION = QT_TRANSLATE_NOOP("checkin", "找不到场次 {session}")


@dataclass(frozen=True)
class RosterRow:
    person: ExpectedPerson
    checked_in_at: datetime | None
    method: str
    late: bool
    face_decision: str


@dataclass(frozen=True)
class Roster:
    session: str
    title: str
    opening_time: datetime | None
    rows: list[RosterRow]
    refused: int
    section_code: str = ""  # BID_SECTION_CODE of the section opened or evaluated

    @property
    def checked_in(self) -> int:
        return sum(r.checked_in_at is not None for r in self.rows)


def parse_session(ref: str) -> tuple[str, int]:
    kind = {"O": "opening", "E": "evaluation"}.get(ref[:1].upper())
    if kind is None or not ref[1:].isdigit():
        raise UserFacingError(E_SESSION, session=ref)
    return kind, int(ref[1:])


def _load(s: Session, ref: str) -> tuple[str, int, Section, list[ExpectedPerson]]:
    kind, sid = parse_session(ref)
    if kind == "opening":
        row = s.get(
            OpeningSession,
            sid,
            options=[
                selectinload(OpeningSession.section)
                .selectinload(Section.bidders)
                .selectinload(Bidder.representatives)
            ],
        )
        if row is None:
            raise UserFacingError(E_SESSION, session=ref)
        people = [
            ExpectedPerson(r.id_number, r.name, "representative", b.org_code, b.name, r.id)
            for b in row.section.bidders
            for r in b.representatives
        ]
        return kind, sid, row.section, people
    ev = s.get(EvaluationSession, sid, options=[selectinload(EvaluationSession.experts)])
    if ev is None:
        raise UserFacingError(E_SESSION, session=ref)
    people = [
        ExpectedPerson(e.id_number, e.name, "expert", e.employer_code, e.expert_type, e.id)
        for e in ev.experts
    ]
    return kind, sid, ev.section, people


def candidates(
    s: Session, ref: str, proof: Proof
) -> tuple[str, int, Section, list[ExpectedPerson]]:
    """Only the expected people this proof can name (an indexed lookup, not the
    whole list): by ID number, or by company for a certificate."""
    kind, sid = parse_session(ref)
    number = normalise_id_number(proof.id_number)
    if kind == "opening":
        opening = s.get(OpeningSession, sid)
        if opening is None:
            raise UserFacingError(E_SESSION, session=ref)
        query = (
            select(Representative, Bidder)
            .join(Bidder, Representative.bidder_id == Bidder.id)
            .where(Bidder.section_id == opening.section_id)
        )
        if proof.method is Method.CERTIFICATE:
            query = query.where(Bidder.org_code == proof.company_code)
        else:
            query = query.where(Representative.id_number == number)
        people = [
            ExpectedPerson(r.id_number, r.name, "representative", b.org_code, b.name, r.id)
            for r, b in s.execute(query).all()
        ]
        return kind, sid, opening.section, people
    evaluation = s.get(EvaluationSession, sid)
    if evaluation is None:
        raise UserFacingError(E_SESSION, session=ref)
    experts = select(Expert).where(Expert.session_id == sid, Expert.id_number == number)
    people = [
        ExpectedPerson(e.id_number, e.name, "expert", e.employer_code, e.expert_type, e.id)
        for e in s.execute(experts).scalars()
    ]
    return kind, sid, evaluation.section, people


def load_roster(ctx: AppContext, ref: str) -> Roster:
    with ctx.reading() as s:
        kind, sid, section, people = _load(s, ref)
        done = {
            c.id_number: c
            for c in s.execute(
                select(CheckIn).where(CheckIn.session_kind == kind, CheckIn.session_id == sid)
            ).scalars()
        }
        refused = s.execute(
            select(func.count())
            .select_from(CheckInRefusal)
            .where(CheckInRefusal.session_kind == kind, CheckInRefusal.session_id == sid)
        ).scalar_one()
        rows = [
            RosterRow(
                p,
                done[p.id_number].checked_in_at if p.id_number in done else None,
                done[p.id_number].method if p.id_number in done else "",
                done[p.id_number].late if p.id_number in done else False,
                done[p.id_number].face_decision if p.id_number in done else "",
            )
            for p in people
        ]
        title = f"{section.project.name} {section.name}"
        opening = section.opening_time if kind == "opening" else None
        return Roster(ref, title, opening, rows, int(refused), section.code)
