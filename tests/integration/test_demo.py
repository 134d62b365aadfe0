"""Demo mode: a realistic day relative to now, seeded once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from venue_client.domain.identity import parse_citizen_id, parse_uscc
from venue_client.services.audit import AuditService
from venue_client.services.context import AppContext
from venue_client.services.demo import DEMO_USERS, seed_demo
from venue_client.services.schedule import ScheduleService
from venue_client.services.users import UserService
from venue_client.store.models import Bidder, Expert, Representative, Room, RoomKind, Section


def _count(ctx: AppContext, model: type) -> int:
    with ctx.reading() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_seed_is_realistic_and_valid(ctx: AppContext) -> None:
    now = datetime.now(UTC).replace(hour=9, minute=0)
    assert seed_demo(ctx, now=now)
    with ctx.reading() as s:
        rooms = list(s.execute(select(Room)).scalars())
        assert sum(r.kind == RoomKind.OPENING for r in rooms) == 2
        assert sum(r.kind == RoomKind.EVALUATION for r in rooms) == 3
        sections = list(s.execute(select(Section)).scalars())
        assert len(sections) >= 3
        assert all(3 <= len(sec.bidders) <= 8 for sec in sections)
        for rep in s.execute(select(Representative)).scalars():
            parse_citizen_id(rep.id_number, today=now.date())
        for expert in s.execute(select(Expert)).scalars():
            parse_citizen_id(expert.id_number, today=now.date())
        for bidder in s.execute(select(Bidder)).scalars():
            parse_uscc(bidder.org_code)
        opening_times = sorted(sec.opening_time for sec in sections)
    assert any(now < t <= now + timedelta(minutes=15) for t in opening_times), (
        "one opening due within minutes"
    )
    assert any(t > now + timedelta(hours=1) for t in opening_times), "one opening later"
    sessions = ScheduleService(ctx).sessions(None)
    assert any(s.kind == "evaluation" and s.state == "in_session" for s in sessions)
    for user in DEMO_USERS:
        assert UserService(ctx).authenticate(user.username, user.password).role is user.role
    assert AuditService(ctx).verify().ok


def test_seeding_twice_duplicates_nothing(ctx: AppContext) -> None:
    assert seed_demo(ctx)
    counts = [_count(ctx, m) for m in (Room, Section, Bidder, Expert)]
    assert not seed_demo(ctx)
    assert [_count(ctx, m) for m in (Room, Section, Bidder, Expert)] == counts
    assert len(UserService(ctx).list()) == len(DEMO_USERS)


def test_a_later_day_moves_the_schedule(ctx: AppContext) -> None:
    day1 = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
    seed_demo(ctx, now=day1)
    with ctx.reading() as s:
        before = sorted(sec.opening_time for sec in s.execute(select(Section)).scalars())
    assert seed_demo(ctx, now=day1 + timedelta(days=3))
    with ctx.reading() as s:
        after = sorted(sec.opening_time for sec in s.execute(select(Section)).scalars())
    assert [a - b for a, b in zip(after, before, strict=True)] == [timedelta(days=3)] * len(before)
    assert _count(ctx, Section) == len(before)
