"""Schedule pull (central-api.md §2): the venue's sections, bidders, representatives,
bid receipts, evaluation rooms and (sealed) experts, and credit restrictions, applied
in one audited transaction together with the new cursor.

The highest ``revision`` of a section wins. A newer revision of a section whose
opening or evaluation has already started is not applied: it is held as a
:class:`PendingScheduleChange` for staff (bus event ``sync.pending_change``).
``CANCELLED``/``POSTPONED`` set the section status, which the opening refuses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from venue_client.services.context import AppContext, Tx
from venue_client.services.vault import Vault
from venue_client.store.models import (
    EvaluationSession,
    OpeningSession,
    Project,
    Room,
    RoomKind,
    Section,
    SectionStatus,
    SessionState,
    Venue,
)
from venue_client.store.sync_models import PendingScheduleChange
from venue_client.sync import experts, state
from venue_client.sync import schedule_rows as rows
from venue_client.sync.client import CentralClient
from venue_client.sync.clockwatch import parse_time
from venue_client.sync.errors import E_PROTOCOL, ProtocolError

ACTOR = "system:sync"
SECTION_FIELDS = {
    "BID_SECTION_NAME": "name",
    "BID_OPENING_ROOM": "opening_room",
    "DECRYPT_MINUTES": "decrypt_minutes",
    "EVALUATION_METHOD": "evaluation_method",
    "PRICE_UNIT": "price_unit",
    "status": "status",
}


@dataclass
class ScheduleResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    restrictions: int = 0


def pull(ctx: AppContext, client: CentralClient, venue_code: str) -> ScheduleResult:
    """Fetch the schedule since the stored cursor and apply it (cursor included)."""
    with ctx.reading() as s:
        cursor = state.get(s, state.CURSOR)
    path = f"venues/{venue_code}/schedule"
    data = client.get_json(path, since=cursor) if cursor else client.get_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("sections", []), list):
        raise ProtocolError(E_PROTOCOL, detail="schedule is not an object with sections")
    return apply(ctx, data, venue_code)


def apply(ctx: AppContext, data: dict[str, Any], venue_code: str) -> ScheduleResult:
    result = ScheduleResult()
    vault = Vault.open(ctx.settings.key_dir)
    with ctx.transaction(ACTOR) as tx:
        venue = venue_row(tx.session, venue_code, ctx.settings.venue.name)
        for sec in data.get("sections", []):
            try:
                outcome = apply_section(tx, vault, venue, sec)
            except (KeyError, TypeError, ValueError) as exc:
                raise ProtocolError(E_PROTOCOL, detail=f"section: {exc!r}") from exc
            if outcome:
                getattr(result, outcome).append(sec["BID_SECTION_CODE"])
        for r in data.get("restrictions", []):
            rows.apply_restriction(tx.session, r)
            result.restrictions += 1
        if data.get("cursor") is not None:
            state.put(tx.session, state.CURSOR, str(data["cursor"]))
    for code in result.held:
        ctx.bus.publish("sync.pending_change", section=code)
    ctx.bus.publish(
        "sync.schedule",
        created=len(result.created),
        updated=len(result.updated),
        held=len(result.held),
    )
    return result


def venue_row(session: Session, code: str, name: str) -> Venue:
    venue = session.execute(select(Venue).where(Venue.code == code)).scalar_one_or_none()
    if venue is None:
        venue = session.execute(select(Venue).order_by(Venue.id).limit(1)).scalar_one_or_none()
    if venue is None:
        venue = Venue(code=code, name=name or code)
        session.add(venue)
        session.flush()
    return venue


def _room(session: Session, venue: Venue, code: str, kind: RoomKind) -> Room:
    room = session.execute(
        select(Room).where(Room.venue_id == venue.id, Room.code == code)
    ).scalar_one_or_none()
    if room is None:
        room = Room(venue_id=venue.id, code=code, name=code, kind=kind)
        session.add(room)
        session.flush()
    return room


def _started(session: Session, section: Section) -> bool:
    rows: list[OpeningSession | EvaluationSession | None] = [
        session.execute(
            select(OpeningSession).where(OpeningSession.section_id == section.id)
        ).scalar_one_or_none(),
        session.execute(
            select(EvaluationSession).where(EvaluationSession.section_id == section.id)
        ).scalar_one_or_none(),
    ]
    return any(
        r is not None and (r.state != SessionState.SCHEDULED or r.started_at is not None)
        for r in rows
    )


def diff(session: Session, section: Section, sec: dict[str, Any]) -> list[str]:
    """Names of the platform fields that differ between ``section`` and ``sec``."""
    out = [k for k, attr in SECTION_FIELDS.items() if k in sec and sec[k] != getattr(section, attr)]
    if parse_time(sec["BID_OPENING_TIME"]) != section.opening_time:
        out.append("BID_OPENING_TIME")
    old = {(b.org_code, b.bid.receipt_sha256 if b.bid else "") for b in section.bidders}
    new = {
        (b["BIDDER_ORG_CODE"], (b.get("bid") or {}).get("sha256", ""))
        for b in sec.get("bidders", [])
    }
    if old != new:
        out.append("bidders")
    if sec.get("evaluation"):
        out.append("evaluation")
    return out


def apply_section(
    tx: Tx, vault: Vault, venue: Venue, sec: dict[str, Any], force: bool = False
) -> str:
    """Apply one section; returns ``created``, ``updated``, ``held`` or ``""`` (unchanged)."""
    s = tx.session
    code, revision = str(sec["BID_SECTION_CODE"]), int(sec["revision"])
    section = s.execute(select(Section).where(Section.code == code)).scalar_one_or_none()
    if section is not None and revision <= section.revision and not force:
        return ""
    if section is not None and not force and _started(s, section):
        changes = diff(s, section, sec)
        known = s.execute(
            select(PendingScheduleChange).where(
                PendingScheduleChange.section_code == code,
                PendingScheduleChange.revision == revision,
            )
        ).scalar_one_or_none()
        if known is None:
            s.add(
                PendingScheduleChange(
                    section_code=code,
                    revision=revision,
                    section=sec,
                    changes=changes,
                    received_at=tx.clock.now(),
                )
            )
            tx.record(
                "schedule.change_held",
                {"v": 1, "section": code, "revision": revision, "changes": changes},
                outbox=False,
            )
        return "held"
    outcome = "created" if section is None else "updated"
    changes = diff(s, section, sec) if section is not None else []
    project = _project(s, sec)
    if section is None:
        section = Section(project=project, code=code)
        s.add(section)
    section.project = project
    section.name = sec["BID_SECTION_NAME"]
    section.opening_time = parse_time(sec["BID_OPENING_TIME"])
    section.opening_room = sec["BID_OPENING_ROOM"]
    section.decrypt_minutes = int(sec.get("DECRYPT_MINUTES", 30))
    section.evaluation_method = sec.get("EVALUATION_METHOD", "")
    section.price_unit = sec.get("PRICE_UNIT", "元")
    section.revision = revision
    section.status = SectionStatus(sec.get("status", "SCHEDULED"))
    s.flush()
    opening = s.execute(
        select(OpeningSession).where(OpeningSession.section_id == section.id)
    ).scalar_one_or_none()
    room = _room(s, venue, section.opening_room, RoomKind.OPENING)
    if opening is None:
        opening = OpeningSession(
            section_id=section.id, room_id=room.id, scheduled_at=section.opening_time
        )
        s.add(opening)
    opening.room_id, opening.scheduled_at = room.id, section.opening_time
    rows.apply_bidders(s, section, sec.get("bidders", []))
    if sec.get("evaluation"):
        _evaluation(tx, vault, venue, section, sec["evaluation"], revision)
    tx.record(
        f"schedule.section_{outcome}",
        {
            "v": 1,
            "section": code,
            "revision": revision,
            "status": str(section.status),
            "changes": changes,
        },
        outbox=False,
    )
    return outcome


def _project(s: Session, sec: dict[str, Any]) -> Project:
    code = sec["TENDER_PROJECT_CODE"]
    project = s.execute(select(Project).where(Project.code == code)).scalar_one_or_none()
    if project is None:
        project = Project(code=code)
        s.add(project)
    project.name = sec.get("TENDER_PROJECT_NAME", "")
    project.tenderer = sec.get("TENDERER_NAME", "")
    project.agency = sec.get("TENDER_AGENCY_NAME", "")
    project.project_type = sec.get("TENDER_PROJECT_TYPE", "")
    return project


def _evaluation(
    tx: Tx, vault: Vault, venue: Venue, section: Section, ev: dict[str, Any], revision: int
) -> None:
    s = tx.session
    room = _room(s, venue, ev["room"], RoomKind.EVALUATION)
    start = parse_time(ev["start"])
    row = s.execute(
        select(EvaluationSession).where(EvaluationSession.section_id == section.id)
    ).scalar_one_or_none()
    if row is None:
        row = EvaluationSession(section_id=section.id, room_id=room.id, scheduled_at=start)
        s.add(row)
    row.room_id, row.scheduled_at = room.id, start
    s.flush()
    experts.seal(s, vault, row, list(ev.get("experts", [])), revision, tx.clock.now())
