"""The opening session (开标会) on both databases: the whole day with the demo data
on a controllable clock, the refusals, decryption attempts and their causes, the
classification at the deadline, objections, confirmations, the record, the audit."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select

from drivers.token.errors import NoTokenError
from tests.support.confirm_keys import CompanyKeys
from venue_client.crypto.envelope_errors import ReceiptMismatchError, TamperedError, WrongKeyError
from venue_client.domain.checkin import FaceResult, Method, Outcome, Proof
from venue_client.domain.errors import UserFacingError
from venue_client.domain.opening import E_SECTION_STATUS, E_TOO_EARLY, IllegalTransitionError
from venue_client.services.approval import E_NOT_SUPERVISOR, E_SELF_APPROVAL
from venue_client.services.audit import AuditService
from venue_client.services.checkin import CheckInService
from venue_client.services.clock import Clock
from venue_client.services.context import AppContext
from venue_client.services.demo import DEMO_PASSWORD, seed_demo
from venue_client.services.opening import E_UNANSWERED, OpeningService
from venue_client.services.opening_causes import OpenedBid
from venue_client.services.opening_decrypt import (
    E_BACKUP_APPROVAL,
    E_DEADLINE,
    E_LATE,
    E_NOT_CHECKED_IN,
    E_NOT_DECRYPTING,
)
from venue_client.services.schedule import ScheduleService
from venue_client.services.users import UserInfo, UserService
from venue_client.store.log_models import AuditEvent, OutboxEntry
from venue_client.store.models import Bid, Bidder, OpeningSession, Section, SessionState
from venue_client.store.opening_models import DecryptionAttempt, OpeningBid, OpeningRun


@dataclass
class ManualClock(Clock):
    """The trusted clock, moved by the test."""

    at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@dataclass
class Hall:
    ctx: AppContext
    clock: ManualClock
    service: OpeningService
    desk: UserInfo
    supervisor: UserInfo
    ref: str
    opening_time: datetime
    bidders: list[tuple[int, int, str]]  # (bidder id, bid id, org code) in roster order


def _hall(ctx: AppContext, suffix: str = "001001", **kw: Any) -> Hall:
    clock = ManualClock()
    ctx.clock = clock
    seed_demo(ctx)
    users = UserService(ctx)
    desk = users.authenticate("desk", DEMO_PASSWORD)
    supervisor = users.authenticate("supervisor", DEMO_PASSWORD)
    summary = next(
        s
        for s in ScheduleService(ctx).sessions(None)
        if s.kind == "opening" and s.section_code.endswith(suffix)
    )
    with ctx.reading() as s:
        section = s.execute(
            select(Section).where(Section.code == summary.section_code)
        ).scalar_one()
        rows = s.execute(
            select(Bidder.id, Bid.id, Bidder.org_code)
            .join(Bid, Bid.bidder_id == Bidder.id)
            .where(Bidder.section_id == section.id)
            .order_by(Bidder.id)
        ).all()
        opening_time = section.opening_time
    bidders = [(int(a), int(b), str(c)) for a, b, c in rows]
    service = OpeningService(ctx, **kw)
    return Hall(ctx, clock, service, desk, supervisor, summary.id, opening_time, bidders)


@pytest.fixture
def hall(ctx: AppContext) -> Hall:
    return _hall(ctx)


def _check_in(hall: Hall, index: int) -> int:
    """The representative of the ``index``-th bidder checks in (a supervisor approves
    when needed, e.g. late); returns the check-in id."""
    service = CheckInService(hall.ctx)
    row = service.roster(hall.ref).rows[index]
    proof = Proof(Method.CARD, id_number=row.person.id_number, valid_to=date(2035, 1, 1))
    verdict = service.assess(hall.ref, proof, face=FaceResult.PASS, face_score="0.3")
    approver = None
    if verdict.outcome is Outcome.NEEDS_SUPERVISOR:
        approver = service.approver("supervisor", DEMO_PASSWORD, operator=hall.desk)
    done = service.record(
        hall.ref,
        proof,
        verdict,
        operator=hall.desk,
        desk="KB-01-1",
        face=FaceResult.PASS,
        approver=approver,
    )
    assert done.checkin_id is not None
    return done.checkin_id


class FakeOpener:
    """Stands in for the crypto: per bid id, a queue of errors to raise before success."""

    def __init__(self) -> None:
        self.script: dict[int, list[BaseException]] = {}
        self.calls: list[int] = []

    def __call__(self, bid: Bid) -> OpenedBid:
        self.calls.append(bid.id)
        queue = self.script.get(bid.id, [])
        if queue:
            raise queue.pop(0)
        return OpenedBid(
            summary={
                "price": f"{1000000 + bid.id * 1111}.50",
                "duration": f"{300 + bid.id}日历天",
                "quality": "合格",
                "项目经理": "某某",
            },
            plaintext_path=f"/plain/{bid.platform_id}.zip",
            plaintext_size=bid.size,
            plaintext_sha256=f"{bid.id:064x}",
        )


def _events(ctx: AppContext, prefix: str = "opening.") -> list[tuple[str, dict[str, Any]]]:
    with ctx.reading() as s:
        rows = s.execute(
            select(AuditEvent).where(AuditEvent.type.startswith(prefix)).order_by(AuditEvent.seq)
        ).scalars()
        return [(r.type, json.loads(r.payload)) for r in rows]


def _open_decryption(hall: Hall, present: tuple[int, ...] = (0, 1, 2, 3)) -> dict[int, int]:
    """Check-in, start at the opening time, decryption open. Returns checkin ids."""
    hall.service.begin_checkin(hall.ref, operator=hall.desk)
    checkins = {i: _check_in(hall, i) for i in present}
    hall.clock.at = hall.opening_time
    hall.service.start(hall.ref, operator=hall.desk, supervisor=hall.supervisor)
    hall.service.begin_decryption(hall.ref, operator=hall.desk)
    return checkins


def test_the_whole_opening_with_the_demo_day(ctx: AppContext, hall: Hall) -> None:
    service, desk = hall.service, hall.desk
    changed: list[dict[str, Any]] = []
    ctx.bus.subscribe("opening.changed", lambda _name, data: changed.append(data))
    [b0, b1, b2, b3, b4, b5] = [bid for _bidder, bid, _code in hall.bidders]

    service.begin_checkin(hall.ref, operator=desk)
    checkins = {i: _check_in(hall, i) for i in (0, 1, 2, 3)}
    # Not before the opening time on the trusted clock (the demo opens in ~10 minutes).
    with pytest.raises(UserFacingError) as info:
        service.start(hall.ref, operator=desk)
    assert info.value.text == E_TOO_EARLY
    hall.clock.at = hall.opening_time + timedelta(minutes=2)
    checkins[5] = _check_in(hall, 5)  # late, with the supervisor's approval
    status = service.start(hall.ref, operator=desk, supervisor=hall.supervisor)
    assert status.state == "opening" and len(status.bids) == 6
    assert status.deadline == hall.clock.at + timedelta(minutes=30)
    with pytest.raises(UserFacingError) as info:
        service.decrypt_bid(hall.ref, b0, FakeOpener(), operator=desk)
    assert info.value.text == E_NOT_DECRYPTING
    service.begin_decryption(hall.ref, operator=desk)

    opener = FakeOpener()
    opener.script = {
        b1: [WrongKeyError()],
        b3: [WrongKeyError(), NoTokenError()],
        b5: [TamperedError(7)],
    }
    assert service.decrypt_bid(hall.ref, b0, opener, operator=desk).bid_state == "decrypted"
    first = service.decrypt_bid(hall.ref, b1, opener, operator=desk)
    assert first.bid_state == "failed" and first.cause == "wrong_key" and "密钥" in first.message
    assert service.decrypt_bid(hall.ref, b1, opener, operator=desk).bid_state == "decrypted"
    # The backup key needs a supervisor on the spot, not the operator, not a steward.
    with pytest.raises(UserFacingError) as info:
        service.decrypt_bid(hall.ref, b2, opener, operator=desk, method="backup")
    assert info.value.text == E_BACKUP_APPROVAL
    with pytest.raises(UserFacingError) as info:
        service.approver("steward", DEMO_PASSWORD, operator=desk)
    assert info.value.text == E_NOT_SUPERVISOR
    with pytest.raises(UserFacingError) as info:
        service.decrypt_bid(hall.ref, b2, opener, operator=desk, method="backup", approver=desk)
    assert info.value.text in (E_NOT_SUPERVISOR, E_SELF_APPROVAL)
    approver = service.approver("supervisor", DEMO_PASSWORD, operator=desk)
    backup = service.decrypt_bid(
        hall.ref, b2, opener, operator=desk, method="backup", approver=approver
    )
    assert backup.bid_state == "decrypted"
    for _ in range(2):
        assert service.decrypt_bid(hall.ref, b3, opener, operator=desk).bid_state == "failed"
    with pytest.raises(UserFacingError) as info:  # bidder 4 (banned) is not here
        service.decrypt_bid(hall.ref, b4, opener, operator=desk)
    assert info.value.text == E_NOT_CHECKED_IN
    late = service.decrypt_bid(hall.ref, b5, opener, operator=desk)  # late is allowed here
    assert late.cause == "corrupt_ciphertext"
    assert opener.calls == [b0, b1, b1, b2, b3, b3, b5]

    hall.clock.advance(minutes=10)
    with pytest.raises(UserFacingError):  # bids still open: not before the deadline
        service.close_decryption(hall.ref, operator=desk)
    hall.clock.at = status.deadline
    with pytest.raises(UserFacingError) as info:
        service.decrypt_bid(hall.ref, b3, opener, operator=desk)
    assert info.value.text == E_DEADLINE
    assert opener.calls[-1] == b5  # the opener was not called after the deadline
    counts = service.close_decryption(hall.ref, operator=desk)
    assert counts == {"decrypted": 3, "withdrawn": 2, "retracted": 1}
    by_bid = {b.bid_id: b for b in service.status(hall.ref).bids}
    assert (by_bid[b3].result, by_bid[b3].cause) == ("withdrawn", "key_missing")
    assert (by_bid[b4].result, by_bid[b4].cause) == ("withdrawn", "deadline_passed")
    assert (by_bid[b5].result, by_bid[b5].cause) == ("retracted", "corrupt_ciphertext")
    assert by_bid[b0].price == f"{1000000 + b0 * 1111}.50"

    objection = service.raise_objection(
        hall.ref, checkins[3], "我方加密锁在开标前正常，请核查", operator=desk
    )
    service.begin_confirmation(hall.ref, operator=desk)
    service.confirm(hall.ref, checkins[0], operator=desk)
    signer = CompanyKeys()  # the second representative signs with the company's key
    company = CheckInService(ctx).roster(hall.ref).rows[1].person.company_code
    signer.confirm(service, hall.ref, checkins[1], company, desk)
    with pytest.raises(UserFacingError):
        service.confirm(hall.ref, checkins[1], operator=desk)  # once per person
    with pytest.raises(UserFacingError) as info:
        service.close(hall.ref, operator=desk)
    assert info.value.text == E_UNANSWERED
    service.answer_objection(
        hall.ref, objection, "解密失败原因为密钥错误，已记录在案", operator=desk
    )
    service.close(hall.ref, operator=desk)
    assert service.status(hall.ref).state == "closed"

    record = service.record_data(hall.ref)
    assert record.state == "closed" and record.outcome == "opened"
    assert record.host == "王开标" and record.supervisor == "李监标"
    assert record.room_code == "KB-01" and record.venue and record.project_name
    assert record.price_unit == "元" and record.started_at == hall.opening_time + timedelta(
        minutes=2
    )
    rows = {r.org_code: r for r in record.bidders}
    codes = [code for _bidder, _bid, code in hall.bidders]
    assert rows[codes[0]].price == f"{1000000 + b0 * 1111}.50"
    assert rows[codes[0]].duration == f"{300 + b0}日历天" and rows[codes[0]].quality == "合格"
    assert rows[codes[0]].other_items == {"项目经理": "某某"} and rows[codes[0]].representatives
    assert rows[codes[2]].method == "backup" and "李监标" in str(rows[codes[2]].remarks[0])
    assert rows[codes[3]].decryption == "withdrawn" and rows[codes[3]].price is None
    assert rows[codes[4]].representatives == [] and "未到场" in str(rows[codes[4]].remarks[0])
    assert rows[codes[5]].late and rows[codes[5]].decryption == "retracted"
    assert any("撤回" in str(m) for m in rows[codes[5]].remarks)
    [obj] = record.objections
    assert obj.answer and obj.answered_by == "王开标" and obj.raised_by
    assert [(c.method, c.signed) for c in record.confirmations] == [
        ("screen", False),
        ("signature", True),
    ]

    types = [t for t, _p in _events(ctx)]
    assert types == [
        "opening.checkin_started",
        "opening.started",
        "opening.decryption_started",
        "opening.decrypt_started",
        "opening.bid_decrypted",
        "opening.decrypt_started",
        "opening.decrypt_failed",
        "opening.decrypt_started",
        "opening.bid_decrypted",
        "opening.decrypt_started",
        "opening.bid_decrypted",
        "opening.decrypt_started",
        "opening.decrypt_failed",
        "opening.decrypt_started",
        "opening.decrypt_failed",
        "opening.decrypt_started",
        "opening.decrypt_failed",
        "opening.decrypt_refused",
        "opening.bid_classified",
        "opening.bid_classified",
        "opening.bid_classified",
        "opening.decryption_closed",
        "opening.objection_raised",
        "opening.confirmation_started",
        "opening.confirmed",
        "opening.confirmed",
        "opening.objection_answered",
        "opening.closed",
    ]
    payloads = _events(ctx)
    assert all(p["v"] == 1 and p["session"] == hall.ref for _t, p in payloads)
    started = dict(payloads)["opening.started"]
    assert started["allow_late_decrypt"] is True and started["supervisor"] == "supervisor"
    backup_started = [p for t, p in payloads if t == "opening.decrypt_started"][3]
    assert backup_started["method"] == "backup" and backup_started["approved_by"] == "supervisor"
    confirmed = [p for t, p in payloads if t == "opening.confirmed"]
    with ctx.reading() as s:
        numbers = [r.person.id_number for r in CheckInService(ctx).roster(hall.ref).rows]
        text = " ".join(json.dumps(p, ensure_ascii=False) for _t, p in payloads)
        assert not any(n in text for n in numbers)  # masked + hashed only
        assert confirmed[1]["ID_CARD_MASKED"].count("*") == 8
        outbox = s.execute(
            select(OutboxEntry.type).where(OutboxEntry.type.startswith("opening."))
        ).scalars()
        assert list(outbox) == types
        attempts = s.execute(select(DecryptionAttempt).order_by(DecryptionAttempt.id)).scalars()
        history = [(a.method, a.outcome, a.cause) for a in attempts]
        assert history[2:4] == [("token", "success", ""), ("backup", "success", "")]
        assert history[-1] == ("token", "refused", "deadline_passed")
        assert s.get(Bid, b5).state == "retracted" and s.get(Bid, b0).state == "decrypted"
    assert len(changed) >= len({t for t in types}) and changed[0] == {"session": hall.ref}
    ctx.checkpoint(force=True)
    report = AuditService(ctx).verify()
    assert report.ok, report.problems


def test_fewer_than_three_bids_is_no_opening(ctx: AppContext) -> None:
    hall = _hall(ctx, "004001")  # three bidders in the demo; one bid goes
    with ctx.transaction("test") as tx:
        tx.session.execute(delete(Bid).where(Bid.id == hall.bidders[0][1]))
    hall.service.begin_checkin(hall.ref, operator=hall.desk)
    hall.clock.at = hall.opening_time
    status = hall.service.start(hall.ref, operator=hall.desk)
    assert status.state == "failed" and status.bids == []
    [(_type, payload)] = [e for e in _events(ctx) if e[0] == "opening.no_opening"]
    assert payload["bids"] == 2 and payload["reason"] == "too_few_bids"
    assert hall.service.record_data(hall.ref).outcome == "no_opening"
    with pytest.raises(IllegalTransitionError):
        hall.service.begin_decryption(hall.ref, operator=hall.desk)
    with ctx.reading() as s:
        opening = s.get(OpeningSession, int(hall.ref[1:]))
        assert opening is not None and opening.state == SessionState.FAILED
        assert s.execute(select(OutboxEntry).where(OutboxEntry.type == "opening.no_opening")).one()


@pytest.mark.parametrize("status", ["CANCELLED", "POSTPONED"])
def test_start_refused_for_cancelled_or_postponed(ctx: AppContext, hall: Hall, status: str) -> None:
    hall.service.begin_checkin(hall.ref, operator=hall.desk)
    with ctx.transaction("test") as tx:
        opening = tx.session.get(OpeningSession, int(hall.ref[1:]))
        assert opening is not None
        opening.section.status = status  # type: ignore[assignment]
    hall.clock.at = hall.opening_time + timedelta(minutes=1)
    with pytest.raises(UserFacingError) as info:
        hall.service.start(hall.ref, operator=hall.desk)
    assert info.value.text == E_SECTION_STATUS
    assert hall.service.status(hall.ref).state == "checking_in"
    assert [t for t, _p in _events(ctx)] == ["opening.checkin_started"]


def test_illegal_transitions_are_refused(ctx: AppContext, hall: Hall) -> None:
    with pytest.raises(IllegalTransitionError) as info:
        hall.service.start(hall.ref, operator=hall.desk)  # check-in first
    assert "未开始" in str(info.value)
    hall.service.begin_checkin(hall.ref, operator=hall.desk)
    with pytest.raises(IllegalTransitionError):
        hall.service.begin_checkin(hall.ref, operator=hall.desk)
    with pytest.raises(IllegalTransitionError):
        hall.service.close(hall.ref, operator=hall.desk)


def test_late_representative_refused_when_policy_forbids(ctx: AppContext) -> None:
    hall = _hall(ctx, allow_late_decrypt=False)
    hall.service.begin_checkin(hall.ref, operator=hall.desk)
    hall.clock.at = hall.opening_time + timedelta(minutes=1)
    _check_in(hall, 0)  # late
    hall.service.start(hall.ref, operator=hall.desk)
    hall.service.begin_decryption(hall.ref, operator=hall.desk)
    with pytest.raises(UserFacingError) as info:
        hall.service.decrypt_bid(hall.ref, hall.bidders[0][1], FakeOpener(), operator=hall.desk)
    assert info.value.text == E_LATE
    started = dict(_events(ctx))["opening.started"]
    assert started["allow_late_decrypt"] is False
    with ctx.reading() as s:
        run = s.execute(select(OpeningRun)).scalar_one()
        assert run.allow_late_decrypt is False


def test_receipt_mismatch_retracts_and_an_unexpected_error_is_recorded_then_raised(
    ctx: AppContext, hall: Hall
) -> None:
    _open_decryption(hall)
    b0, b1 = hall.bidders[0][1], hall.bidders[1][1]
    opener = FakeOpener()
    opener.script = {b0: [ReceiptMismatchError("a" * 64, "b" * 64)], b1: [RuntimeError("bug")]}
    assert hall.service.decrypt_bid(hall.ref, b0, opener, operator=hall.desk).cause == (
        "receipt_mismatch"
    )
    with pytest.raises(RuntimeError):
        hall.service.decrypt_bid(hall.ref, b1, opener, operator=hall.desk)
    with ctx.reading() as s:
        ob = s.execute(select(OpeningBid).where(OpeningBid.bid_id == b1)).scalar_one()
        assert (ob.state, ob.cause) == ("failed", "other")
        assert ob.attempts[-1].detail == "RuntimeError"
    hall.clock.at = hall.service.status(hall.ref).deadline  # type: ignore[assignment]
    hall.service.close_decryption(hall.ref, operator=hall.desk)
    bids = {b.bid_id: b for b in hall.service.status(hall.ref).bids}
    assert bids[b0].result == "retracted" and bids[b1].result == "retracted"


def test_outcome_after_decryption_closed_is_not_taken(ctx: AppContext, hall: Hall) -> None:
    """An attempt still running when the host closes decryption at the deadline."""
    _open_decryption(hall)
    bid = hall.bidders[0][1]
    deadline = hall.service.status(hall.ref).deadline
    assert deadline is not None

    def slow(opened_bid: Bid) -> OpenedBid:
        hall.clock.at = deadline + timedelta(seconds=5)
        hall.service.close_decryption(hall.ref, operator=hall.desk)
        return FakeOpener()(opened_bid)

    outcome = hall.service.decrypt_bid(hall.ref, bid, slow, operator=hall.desk)
    assert outcome.cause == "deadline_passed"
    [row] = [b for b in hall.service.status(hall.ref).bids if b.bid_id == bid]
    assert (row.state, row.result, row.price) == ("failed", "withdrawn", None)
    ctx.checkpoint(force=True)
    assert AuditService(ctx).verify().ok


def test_objections_only_from_present_representatives(ctx: AppContext, hall: Hall) -> None:
    checkins = _open_decryption(hall)
    with pytest.raises(UserFacingError):
        hall.service.raise_objection(hall.ref, checkins[0], "   ", operator=hall.desk)
    with pytest.raises(UserFacingError):
        hall.service.raise_objection(hall.ref, 99999, "异议", operator=hall.desk)
    oid = hall.service.raise_objection(hall.ref, checkins[0], "报价唱错", operator=hall.desk)
    hall.service.answer_objection(hall.ref, oid, "已核对更正", operator=hall.desk)
    with pytest.raises(UserFacingError):
        hall.service.answer_objection(hall.ref, oid, "再答", operator=hall.desk)
    with pytest.raises(UserFacingError):  # confirmation comes after the record
        hall.service.confirm(hall.ref, checkins[0], operator=hall.desk)
    types = [t for t, _p in _events(ctx)]
    assert types[-2:] == ["opening.objection_raised", "opening.objection_answered"]


def test_a_bid_without_an_opening_summary_is_decrypted_without_a_price(
    ctx: AppContext, hall: Hall
) -> None:
    """A CMS bid carries no 开标一览表: decrypted, its price shown as "-"."""
    _open_decryption(hall)
    bid_id = hall.bidders[0][1]  # its representative checked in

    def no_summary(bid: Bid) -> OpenedBid:
        return OpenedBid(
            summary={}, plaintext_path="/plain/x", plaintext_size=1, plaintext_sha256="0" * 64
        )

    outcome = hall.service.decrypt_bid(hall.ref, bid_id, no_summary, operator=hall.desk)
    assert outcome.bid_state == "decrypted"
    row = next(b for b in hall.service.status(hall.ref).bids if b.bid_id == bid_id)
    assert row.state == "decrypted" and not row.price
