"""Demo mode: a realistic day at a branch venue, relative to now, so every flow can
be tried at once. Everyone in it is synthetic (valid check digits, made-up names).

Seeding is idempotent: a second run on the same day changes nothing; a run on a
later day moves the schedule to that day (same times of day) instead of adding
another.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import platformdirs
from sqlalchemy import select

from venue_client.config import APP_NAME
from venue_client.domain.synthetic import (
    CompanyKind,
    make_citizen_id,
    make_company_name,
    make_person_name,
    make_uscc,
)
from venue_client.services.clock import BEIJING
from venue_client.services.context import AppContext, Tx
from venue_client.services.users import UserService
from venue_client.store.log_models import Meta, Role
from venue_client.store.models import (
    Bid,
    Bidder,
    Camera,
    CreditRestriction,
    Device,
    EvaluationSession,
    Expert,
    OpeningSession,
    Project,
    Representative,
    Room,
    RoomKind,
    RoomState,
    Section,
    SessionState,
    Venue,
)

SEEDED_KEY = "demo.seeded_on"
ACTOR = "system:demo"
# A county code no county has (33 01 99), so no synthetic number can be a real resident's.
FICTIONAL_REGION = "330199"
DEMO_PASSWORD = "Demo-pass-2026"  # noqa: S105 - documented demo password


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: Role
    display_name: str


DEMO_USERS = [
    DemoUser("admin", DEMO_PASSWORD, Role.ADMIN, "系统管理员"),
    DemoUser("manager", DEMO_PASSWORD, Role.MANAGER, "周分中心"),
    DemoUser("desk", DEMO_PASSWORD, Role.DESK_STAFF, "王开标"),
    DemoUser("supervisor", DEMO_PASSWORD, Role.SUPERVISOR, "李监标"),
    DemoUser("steward", DEMO_PASSWORD, Role.ROOM_STEWARD, "陈评标室"),
    DemoUser("expert", DEMO_PASSWORD, Role.EVALUATOR, "赵专家"),
]

ROOMS = [
    ("KB-01", "第一开标室", RoomKind.OPENING),
    ("KB-02", "第二开标室", RoomKind.OPENING),
    ("PB-01", "第一评标室", RoomKind.EVALUATION),
    ("PB-02", "第二评标室", RoomKind.EVALUATION),
    ("PB-03", "第三评标室", RoomKind.EVALUATION),
]


@dataclass(frozen=True)
class DemoSection:
    """One section of the demo day: when it opens (minutes from now) and where."""

    suffix: str
    project: str
    section: str
    project_type: str
    bidders: int
    opens_in: int
    opening_room: str
    evaluation_room: str
    evaluation_in: int
    experts: int
    tenderer: str


SECTIONS = [
    DemoSection(
        "001",
        "滨江区某某道路改造工程",
        "施工第一标段",
        "A01",
        6,
        10,
        "KB-01",
        "PB-02",
        120,
        5,
        "杭州市滨江区建设局",
    ),
    DemoSection(
        "002",
        "西湖区某某学校新建工程设计",
        "设计标段",
        "A03",
        4,
        150,
        "KB-02",
        "PB-03",
        240,
        5,
        "杭州市西湖区教育局",
    ),
    DemoSection(
        "003",
        "拱墅区某某公园景观提升工程",
        "施工标段",
        "A01",
        5,
        -120,
        "KB-01",
        "PB-01",
        -40,
        7,
        "杭州市拱墅区园林文物局",
    ),
    DemoSection(
        "004",
        "上城区某某医院医疗设备采购",
        "第一包",
        "B01",
        3,
        270,
        "KB-02",
        "PB-02",
        330,
        5,
        "杭州市上城区卫生健康局",
    ),
]


def demo_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo"


def seed_demo(ctx: AppContext, *, now: datetime | None = None) -> bool:
    """Seed the demo day; return True when anything was written."""
    now = now or ctx.clock.now()
    today = now.astimezone(BEIJING).date()
    with ctx.reading() as s:
        seeded = s.get(Meta, SEEDED_KEY)
        seeded_on = date.fromisoformat(seeded.value) if seeded else None
    if seeded_on == today:
        return False
    if seeded_on is not None:
        _move_to(ctx, today - seeded_on, today)
        return True
    users = UserService(ctx)
    existing = {u.username for u in users.list()}
    for user in DEMO_USERS:
        if user.username not in existing:
            users.add(user.username, user.display_name, user.role, user.password, actor=ACTOR)
    with ctx.transaction(ACTOR) as tx:
        counts = _seed_day(tx, now, random.Random(20261127))
        tx.session.add(Meta(key=SEEDED_KEY, value=today.isoformat()))
        tx.record("demo.seeded", {"v": 1, "day": today.isoformat(), **counts}, outbox=False)
    ctx.checkpoint()
    return True


def _seed_day(tx: Tx, now: datetime, rng: random.Random) -> dict[str, int]:
    s = tx.session
    venue = Venue(code="330100-DEMO", name="杭州市公共资源交易中心演示分中心")
    s.add(venue)
    rooms: dict[str, Room] = {}
    for code, name, room_kind in ROOMS:
        room = Room(venue=venue, code=code, name=name, kind=room_kind, state=RoomState.FREE)
        rooms[code] = room
        for cam in ("全景", "开标台") if room_kind is RoomKind.OPENING else ("全景", "评标桌"):
            # A small synthetic picture: enough to prove the camera path, cheap to generate.
            url = "sim://pattern?width=640&height=360&fps=5"
            s.add(Camera(room=room, name=cam, source_url=url))
    devices = (("身份证读卡器", "idcard"), ("CA 锁", "token"), ("扫码枪", "scanner"))
    for name, device_kind in devices:
        s.add(Device(name=name, kind=device_kind, url="sim://", workstation=""))
    bidders = experts = 0
    banned: list[str] = []
    for spec in SECTIONS:
        opening_at = _minute(now + timedelta(minutes=spec.opens_in))
        project = Project(
            code=f"A3301000DEMO{spec.suffix}",
            name=spec.project,
            tenderer=spec.tenderer,
            agency=make_company_name(rng, "agency"),
            project_type=spec.project_type,
        )
        section = Section(
            project=project,
            code=f"A3301000DEMO{spec.suffix}001",
            name=spec.section,
            opening_time=opening_at,
            opening_room=spec.opening_room,
            decrypt_minutes=30,
            evaluation_method="COMPREHENSIVE" if spec.project_type != "B01" else "LOWEST_PRICE",
        )
        s.add(section)
        for i in range(spec.bidders):
            kind: CompanyKind = "design" if spec.project_type == "A03" else "construction"
            org_code = make_uscc(rng)
            bidder = Bidder(section=section, name=make_company_name(rng, kind), org_code=org_code)
            s.add(
                Representative(
                    bidder=bidder,
                    name=make_person_name(rng),
                    id_number=make_citizen_id(rng, region=FICTIONAL_REGION),
                )
            )
            s.add(
                Bid(
                    bidder=bidder,
                    platform_id=f"b-demo-{spec.suffix}-{i + 1:02d}",
                    size=rng.randrange(5, 80) * 1024 * 1024,
                    receipt_sha256=f"{rng.getrandbits(256):064x}",
                    submitted_at=opening_at - timedelta(hours=rng.randrange(18, 90)),
                    format="VBE1",
                    recipients=[f"{rng.getrandbits(256):064x}", "platform-backup-key-demo"],
                )
            )
            if spec.suffix == "001" and i == 4:
                banned.append(org_code)
            bidders += 1
        past = spec.opens_in < 0
        s.add(
            OpeningSession(
                section=section,
                room=rooms[spec.opening_room],
                scheduled_at=opening_at,
                state=SessionState.CLOSED if past else SessionState.SCHEDULED,
                started_at=opening_at if past else None,
            )
        )
        evaluation_at = _minute(now + timedelta(minutes=spec.evaluation_in))
        evaluation = EvaluationSession(
            section=section,
            room=rooms[spec.evaluation_room],
            scheduled_at=evaluation_at,
            state=SessionState.IN_SESSION if spec.evaluation_in < 0 else SessionState.SCHEDULED,
            started_at=evaluation_at if spec.evaluation_in < 0 else None,
        )
        s.add(evaluation)
        if spec.evaluation_in < 0:
            rooms[spec.evaluation_room].state = RoomState.IN_SESSION
        for j in range(spec.experts + 1):  # one backup expert per room
            s.add(
                Expert(
                    session=evaluation,
                    name=make_person_name(rng),
                    id_number=make_citizen_id(rng, region=FICTIONAL_REGION),
                    expert_type="经济" if j == 0 else "技术",
                    employer_code=make_uscc(rng, region="330000"),
                    is_chairman=False,
                    backup=j == spec.experts,
                )
            )
            experts += 1
    s.add(
        CreditRestriction(
            subject_code=banned[0], kind="MARKET_BAN", reason="严重违法失信", until="2027-06-30"
        )
    )
    s.add(
        CreditRestriction(
            subject_code=make_uscc(rng),
            kind="WARNING",
            reason="近三年内有行政处罚记录",
            until="2027-03-31",
        )
    )
    s.flush()
    return {"rooms": len(ROOMS), "sections": len(SECTIONS), "bidders": bidders, "experts": experts}


def _move_to(ctx: AppContext, shift: timedelta, today: date) -> None:
    """Move a demo day seeded earlier to ``today`` (same times of day)."""
    with ctx.transaction(ACTOR) as tx:
        s = tx.session
        for section in s.execute(select(Section)).scalars():
            section.opening_time += shift
        for opening in s.execute(select(OpeningSession)).scalars():
            opening.scheduled_at += shift
            if opening.started_at:
                opening.started_at += shift
        for evaluation in s.execute(select(EvaluationSession)).scalars():
            evaluation.scheduled_at += shift
            if evaluation.started_at:
                evaluation.started_at += shift
        for bid in s.execute(select(Bid)).scalars():
            bid.submitted_at += shift
        meta = s.get(Meta, SEEDED_KEY)
        assert meta is not None
        meta.value = today.isoformat()
        tx.record(
            "demo.moved", {"v": 1, "day": today.isoformat(), "days": shift.days}, outbox=False
        )


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)
