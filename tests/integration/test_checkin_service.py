"""The check-in use case on both databases: outcomes, records, events, overrides."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from venue_client.domain.checkin import FaceResult, Method, Outcome, Proof
from venue_client.domain.errors import UserFacingError
from venue_client.services.approval import E_NOT_SUPERVISOR
from venue_client.services.audit import AuditService
from venue_client.services.checkin import E_NEEDS_SUPERVISOR, CheckInService
from venue_client.services.context import AppContext
from venue_client.services.demo import DEMO_PASSWORD, seed_demo
from venue_client.services.schedule import ScheduleService
from venue_client.services.users import AuthError, UserInfo, UserService
from venue_client.store.log_models import AuditEvent, OutboxEntry
from venue_client.store.models import CheckIn, CheckInRefusal, CreditRestriction, PersonalBlob

SNAPSHOT = b"\xff\xd8\xff\xe0 synthetic jpeg bytes \xff\xd9"


@pytest.fixture
def desk(ctx: AppContext) -> tuple[CheckInService, UserInfo, str]:
    seed_demo(ctx)
    users = UserService(ctx)
    operator = users.authenticate("desk", DEMO_PASSWORD)
    opening = next(
        s
        for s in ScheduleService(ctx).sessions(None)
        if s.kind == "opening" and s.state == "scheduled" and s.section_code.endswith("001001")
    )
    return CheckInService(ctx), operator, opening.id


def _events(ctx: AppContext, type_: str) -> list[dict[str, object]]:
    with ctx.reading() as s:
        rows = s.execute(select(AuditEvent).where(AuditEvent.type == type_)).scalars()
        return [json.loads(r.payload) for r in rows]


def _card(number: str) -> Proof:
    return Proof(Method.CARD, id_number=number, valid_to=date(2035, 1, 1))


def test_expected_representative_checks_in_once(ctx: AppContext, desk) -> None:
    service, operator, ref = desk
    person = service.roster(ref).rows[0].person
    verdict = service.assess(ref, _card(person.id_number), face=FaceResult.PASS, face_score="0.28")
    assert verdict.outcome is Outcome.PASSED
    done = service.record(
        ref,
        _card(person.id_number),
        verdict,
        operator=operator,
        desk="KB-01-1",
        face=FaceResult.PASS,
        face_score="0.28",
        face_backend="dlib",
        snapshot=SNAPSHOT,
    )
    assert done.checkin_id is not None
    roster = service.roster(ref)
    assert roster.checked_in == 1 and roster.rows[0].checked_in_at is not None
    [event] = _events(ctx, "checkin.recorded")
    assert event["name"] == person.name and event["face_score"] == "0.28"
    assert person.id_number not in json.dumps(event)  # masked + hashed, never the number
    with ctx.reading() as s:
        row = s.get(CheckIn, done.checkin_id)
        assert row is not None and row.face_decision == "pass" and row.bidder_id is not None
        blob = s.get(PersonalBlob, row.snapshot_id)
        assert blob is not None and SNAPSHOT not in blob.ciphertext
        assert service.vault.load(blob) == SNAPSHOT
        outbox = (
            s.execute(select(OutboxEntry).where(OutboxEntry.type == "checkin.recorded"))
            .scalars()
            .all()
        )
        assert len(outbox) == 1
    again = service.assess(ref, _card(person.id_number), face=FaceResult.PASS)
    assert again.outcome is Outcome.ALREADY
    assert (
        service.record(
            ref, _card(person.id_number), again, operator=operator, desk="x", face=FaceResult.PASS
        ).checkin_id
        == done.checkin_id
    )
    assert service.roster(ref).checked_in == 1


def test_stranger_and_expired_card_are_refused_and_recorded(ctx: AppContext, desk) -> None:
    service, operator, ref = desk
    import random

    from venue_client.domain.synthetic import make_citizen_id

    stranger = make_citizen_id(random.Random(404), region="330199")
    verdict = service.assess(ref, _card(stranger), face=FaceResult.PASS)
    assert verdict.outcome is Outcome.REFUSED and verdict.refusal_code == "unknown"
    service.record(ref, _card(stranger), verdict, operator=operator, desk="d", face=FaceResult.PASS)
    person = service.roster(ref).rows[1].person
    expired = Proof(Method.CARD, id_number=person.id_number, valid_to=date(2020, 1, 1))
    verdict = service.assess(ref, expired, face=FaceResult.PASS)
    assert verdict.refusal_code == "expired"
    service.record(ref, expired, verdict, operator=operator, desk="d", face=FaceResult.PASS)
    assert service.roster(ref).refused == 2 and service.roster(ref).checked_in == 0
    with ctx.reading() as s:
        refusals = s.execute(select(CheckInRefusal)).scalars().all()
        assert {r.code for r in refusals} == {"unknown", "expired"}
        assert all("*" in r.id_number_masked for r in refusals)
    assert len(_events(ctx, "checkin.refused")) == 2


def test_banned_company_is_refused(ctx: AppContext, desk) -> None:
    service, _operator, ref = desk
    with ctx.reading() as s:
        banned = s.execute(
            select(CreditRestriction).where(CreditRestriction.kind == "MARKET_BAN")
        ).scalar_one()
    person = next(
        r.person for r in service.roster(ref).rows if r.person.company_code == banned.subject_code
    )
    verdict = service.assess(ref, _card(person.id_number), face=FaceResult.PASS)
    assert verdict.outcome is Outcome.REFUSED and verdict.refusal_code == "banned"


def test_overrides_need_a_supervisor_on_the_spot(ctx: AppContext, desk) -> None:
    service, operator, ref = desk
    person = service.roster(ref).rows[2].person
    with ctx.transaction("test") as tx:
        tx.session.add(
            CreditRestriction(
                subject_code=person.company_code, kind="WARNING", reason="行政处罚", until=None
            )
        )
    manual = Proof(Method.MANUAL, id_number=person.id_number)
    verdict = service.assess(ref, manual, face=FaceResult.FAIL, face_score="0.71")
    assert verdict.outcome is Outcome.NEEDS_SUPERVISOR and len(verdict.approvals) == 3
    with pytest.raises(UserFacingError) as info:
        service.record(ref, manual, verdict, operator=operator, desk="d", face=FaceResult.FAIL)
    assert info.value.text == E_NEEDS_SUPERVISOR
    with pytest.raises(AuthError):
        service.approver("supervisor", "wrong-password-0", operator=operator)
    with pytest.raises(UserFacingError) as info:
        service.approver("steward", DEMO_PASSWORD, operator=operator)
    assert info.value.text == E_NOT_SUPERVISOR
    supervisor = service.approver("supervisor", DEMO_PASSWORD, operator=operator)
    done = service.record(
        ref,
        manual,
        verdict,
        operator=operator,
        desk="d",
        face=FaceResult.FAIL,
        face_score="0.71",
        approver=supervisor,
    )
    [event] = _events(ctx, "checkin.override")
    assert event["approved_by"] == "supervisor"
    assert event["approvals"] == ["credit_warning", "face", "manual_entry"]
    with ctx.reading() as s:
        row = s.get(CheckIn, done.checkin_id)
        assert row is not None and row.approved_by == supervisor.id and row.method == "manual"


def test_late_arrival_is_recorded_as_late(ctx: AppContext, desk) -> None:
    service, operator, ref = desk
    roster = service.roster(ref)
    assert roster.opening_time is not None
    person = roster.rows[3].person
    late = roster.opening_time + timedelta(minutes=3)
    verdict = service.assess(ref, _card(person.id_number), face=FaceResult.PASS, now=late)
    assert verdict.late and verdict.outcome is Outcome.NEEDS_SUPERVISOR
    supervisor = service.approver("supervisor", DEMO_PASSWORD, operator=operator)
    service.record(
        ref,
        _card(person.id_number),
        verdict,
        operator=operator,
        desk="d",
        face=FaceResult.PASS,
        approver=supervisor,
    )
    assert service.roster(ref).rows[3].late


def test_two_desks_racing_record_one_check_in(ctx: AppContext, desk) -> None:
    service, operator, ref = desk
    person = service.roster(ref).rows[1].person
    verdict = service.assess(ref, _card(person.id_number), face=FaceResult.PASS)
    results = []

    def other_desk(name: str) -> None:
        results.append(
            CheckInService(ctx).record(
                ref,
                _card(person.id_number),
                verdict,
                operator=operator,
                desk=name,
                face=FaceResult.PASS,
            )
        )

    threads = [threading.Thread(target=other_desk, args=(f"desk-{i}",)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.verdict.outcome for r in results).count(Outcome.ALREADY) == 2
    assert len({r.checkin_id for r in results}) == 1
    assert len(_events(ctx, "checkin.recorded")) == 1
    ctx.checkpoint()
    assert AuditService(ctx).verify().ok


def test_signin_sheet_pdf_from_venue_admin(ctx: AppContext, desk, tmp_path, capsys) -> None:
    """`venue-admin report signin` writes the sheet of the checked-in session."""
    import subprocess

    import cv2
    import numpy as np

    from venue_client.cli import main

    service, operator, ref = desk
    person = service.roster(ref).rows[0].person
    ok, jpeg = cv2.imencode(".jpg", np.full((120, 100, 3), 180, np.uint8))
    assert ok
    verdict = service.assess(ref, _card(person.id_number), face=FaceResult.PASS, face_score="0.25")
    service.record(
        ref,
        _card(person.id_number),
        verdict,
        operator=operator,
        desk="d",
        face=FaceResult.PASS,
        face_score="0.25",
        snapshot=jpeg.tobytes(),
    )
    ctx.close()  # the CLI opens the same data directory itself
    out = tmp_path / "signin.pdf"
    code = main(
        [
            "report",
            "signin",
            ref,
            "--out",
            str(out),
            "--data-dir",
            str(ctx.settings.data_dir),
            *(["--config", str(ctx.settings.source)] if ctx.settings.source else []),
        ]
    )
    assert code == 0, capsys.readouterr().err
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "开标签到表" in text and person.name in text and "0.25" in text
    assert person.id_number not in text
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert "jpeg" in images
