"""Read side of the schedule: the day's opening and evaluation sessions, rooms."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from venue_client.services.clock import BEIJING
from venue_client.services.context import AppContext
from venue_client.store.models import (
    Bidder,
    Camera,
    CheckIn,
    EvaluationSession,
    OpeningSession,
    Room,
    Section,
    Venue,
)


@dataclass(frozen=True)
class SessionSummary:
    """One row of ``sessions list``: what other commands and pages take as a session."""

    id: str  # "O12" (opening) or "E3" (evaluation): unique across both kinds
    kind: str  # opening | evaluation
    section_code: str
    section_name: str
    project_code: str
    project_name: str
    agency: str
    room_code: str
    room_name: str
    scheduled_at: datetime
    state: str
    section_status: str
    participants: int  # bidders (opening) or drawn experts (evaluation)
    checked_in: int

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["scheduled_at"] = self.scheduled_at.astimezone(BEIJING).isoformat(timespec="seconds")
        return data


@dataclass(frozen=True)
class RoomSummary:
    code: str
    name: str
    kind: str
    state: str
    cameras: int


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The instants that begin and end ``day`` in Beijing time."""
    start = datetime.combine(day, time.min, tzinfo=BEIJING)
    return start, start + timedelta(days=1)


class ScheduleService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def sessions(self, day: date | None = None) -> list[SessionSummary]:
        """Sessions scheduled on ``day`` (local time), or all when ``day`` is None."""
        out: list[SessionSummary] = []
        with self.ctx.reading() as s:
            checked = {
                (kind, sid): n
                for kind, sid, n in s.execute(
                    select(CheckIn.session_kind, CheckIn.session_id, func.count()).group_by(
                        CheckIn.session_kind, CheckIn.session_id
                    )
                ).all()
            }
            opening_q = select(OpeningSession).options(
                selectinload(OpeningSession.section).selectinload(Section.project),
                selectinload(OpeningSession.section).selectinload(Section.bidders),
                selectinload(OpeningSession.room),
            )
            eval_q = select(EvaluationSession).options(
                selectinload(EvaluationSession.section).selectinload(Section.project),
                selectinload(EvaluationSession.experts),
                selectinload(EvaluationSession.room),
            )
            if day is not None:
                start, end = local_day_bounds(day)
                opening_q = opening_q.where(
                    OpeningSession.scheduled_at >= start, OpeningSession.scheduled_at < end
                )
                eval_q = eval_q.where(
                    EvaluationSession.scheduled_at >= start, EvaluationSession.scheduled_at < end
                )
            for o in s.execute(opening_q).scalars():
                out.append(
                    _summary(
                        "O", "opening", o, len(o.section.bidders), checked.get(("opening", o.id), 0)
                    )
                )
            for e in s.execute(eval_q).scalars():
                out.append(
                    _summary(
                        "E", "evaluation", e, len(e.experts), checked.get(("evaluation", e.id), 0)
                    )
                )
        out.sort(key=lambda r: (r.scheduled_at, r.id))
        return out

    def rooms(self) -> list[RoomSummary]:
        with self.ctx.reading() as s:
            rooms = s.execute(
                select(Room).options(selectinload(Room.cameras)).order_by(Room.code)
            ).scalars()
            return [RoomSummary(r.code, r.name, r.kind, r.state, len(r.cameras)) for r in rooms]

    def cameras(self, room_code: str) -> list[tuple[str, str]]:
        """(label, source URL) of the cameras in ``room_code``."""
        if not room_code:
            return []
        with self.ctx.reading() as s:
            rows = s.execute(
                select(Camera).join(Room).where(Room.code == room_code).order_by(Camera.name)
            ).scalars()
            return [(f"{room_code} {c.name}", c.source_url) for c in rows]

    def venue_name(self) -> str:
        """The venue's name: from the settings when given, else from the schedule."""
        if self.ctx.settings.venue.name:
            return self.ctx.settings.venue.name
        with self.ctx.reading() as s:
            return (
                s.execute(select(Venue.name).order_by(Venue.id).limit(1)).scalar_one_or_none() or ""
            )

    def bidder_count(self) -> int:
        with self.ctx.reading() as s:
            return int(s.execute(select(func.count()).select_from(Bidder)).scalar_one())


def _summary(
    prefix: str, kind: str, row: OpeningSession | EvaluationSession, participants: int, checked: int
) -> SessionSummary:
    section = row.section
    return SessionSummary(
        id=f"{prefix}{row.id}",
        kind=kind,
        section_code=section.code,
        section_name=section.name,
        project_code=section.project.code,
        project_name=section.project.name,
        agency=section.project.agency,
        room_code=row.room.code,
        room_name=row.room.name,
        scheduled_at=row.scheduled_at,
        state=str(row.state),
        section_status=str(section.status),
        participants=participants,
        checked_in=checked,
    )
