"""The sign-in sheet (签到表) of a session, from the store: the expected people,
their check-ins (with decrypted snapshots) and the session header."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from venue_client.domain.checkin import (
    METHOD_LABELS,
    ROLE_LABELS,
    STATUS_ABSENT,
    STATUS_CHECKED_IN,
    Method,
)
from venue_client.domain.identity import mask_id_number
from venue_client.reports.signin import SigninRow, SigninSheet, write_signin_sheet
from venue_client.services.checkin import CheckInService
from venue_client.services.checkin_roster import parse_session
from venue_client.services.schedule import ScheduleService
from venue_client.store.models import CheckIn, PersonalBlob


def build_signin_sheet(ctx_service: CheckInService, ref: str) -> SigninSheet:
    ctx = ctx_service.ctx
    kind, sid = parse_session(ref)
    roster = ctx_service.roster(ref)
    summary = next(s for s in ScheduleService(ctx).sessions(None) if s.id == ref.upper())
    rows: list[SigninRow] = []
    with ctx.reading() as s:
        records = {
            c.id_number: c
            for c in s.execute(
                select(CheckIn).where(CheckIn.session_kind == kind, CheckIn.session_id == sid)
            ).scalars()
        }
        for n, row in enumerate(roster.rows, start=1):
            record = records.get(row.person.id_number)
            snapshot = None
            if record is not None and record.snapshot_id is not None:
                blob = s.get(PersonalBlob, record.snapshot_id)
                snapshot = ctx_service.vault.load(blob) if blob is not None else None
            score = f"{record.face_score:.2f}" if record and record.face_score is not None else "-"
            rows.append(
                SigninRow(
                    seq=n,
                    person_name=row.person.name,
                    company=row.person.company_name,
                    role_label=ROLE_LABELS.get(row.person.role, row.person.role),
                    id_number_masked=mask_id_number(row.person.id_number),
                    checked_in_at=record.checked_in_at if record else None,
                    method_label=METHOD_LABELS[Method(record.method)] if record else "-",
                    face_score=score,
                    late=bool(record and record.late),
                    status_label=STATUS_CHECKED_IN if record else STATUS_ABSENT,
                    snapshot_jpeg=snapshot,
                )
            )
    return SigninSheet(
        title="",
        session_kind="opening" if kind == "opening" else "evaluation",
        project_code=summary.project_code,
        project_name=summary.project_name,
        section_code=summary.section_code,
        section_name=summary.section_name,
        room=summary.room_name,
        scheduled_at=summary.scheduled_at,
        venue_name=ScheduleService(ctx).venue_name(),
        generated_at=ctx.clock.now(),
        rows=rows,
    )


def export_signin_sheet(
    service: CheckInService, ref: str, out: Path, *, translate: Callable[[str], str] = str
) -> Path:
    write_signin_sheet(build_signin_sheet(service, ref), out, translate=translate)
    return out
