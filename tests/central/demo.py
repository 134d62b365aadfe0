"""A day of synthetic sessions for ``python -m tests.central --demo``.

Everybody is made up by ``venue_client.domain.synthetic`` with region code 330199 (no real
district), from a fixed seed. Bid "ciphertexts" are random bytes with correct receipts: the
client can download and verify them, not decrypt them.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from tests.central import sections
from tests.central.platform import Platform
from tests.central.sections import BEIJING
from venue_client.domain.synthetic import (
    make_citizen_id,
    make_company_name,
    make_person_name,
    make_uscc,
)

DEMO_REGION = "330199"
OPENING_TIMES = (time(9, 0), time(9, 30), time(10, 0), time(14, 0), time(14, 30), time(15, 30))
PROJECTS = (
    "道路改造工程",
    "排水管网工程",
    "学校教学楼新建工程",
    "公园景观提升工程",
    "桥梁维修工程",
    "安置房项目",
)


def _id(rng: random.Random) -> str:
    return make_citizen_id(rng, region=DEMO_REGION)


def fill_demo_day(
    platform: Platform, venue: str, day: date, *, seed: int = 2026, bid_size: int = 64 * 1024
) -> int:
    """Publish one section per opening time of ``day`` (the fifth POSTPONED); return the count."""
    rng = random.Random(seed)
    banned: str | None = None
    warned: str | None = None
    for number, (at, project) in enumerate(zip(OPENING_TIMES, PROJECTS, strict=True), start=1):
        opening = datetime.combine(day, at, BEIJING)
        project_code = f"A{venue}{day:%y%m%d}{number:04d}"
        bidders = []
        for _ in range(rng.randint(3, 5)):
            org = make_uscc(rng, region=DEMO_REGION)
            bid = platform.add_bid(
                rng.randbytes(bid_size),
                submitted_at=opening - timedelta(days=1, hours=rng.randint(1, 8)),
                recipients=[rng.randbytes(32).hex(), "platform-backup-key-id"],
            )
            reps = [
                sections.representative(make_person_name(rng), _id(rng))
                for _ in range(rng.randint(1, 2))
            ]
            bidders.append(sections.bidder(make_company_name(rng, "construction"), org, bid, reps))
        experts = [
            sections.expert(
                make_person_name(rng),
                _id(rng),
                kind="经济" if i == 4 else "技术",
                employer_code=make_uscc(rng, region=DEMO_REGION),
                chairman=i == 0,
                backup=i == 5,
            )
            for i in range(6)
        ]
        platform.add_section(
            sections.section(
                project_code,
                f"{project_code}001",
                opening,
                bidders,
                project_name=f"某某{project}",
                tenderer=f"{DEMO_REGION}某某建设局",
                agency=make_company_name(rng, "agency"),
                room=f"KB-0{1 + number % 3}",
                evaluation_info=sections.evaluation(
                    f"PB-0{number % 4 + 1}", opening + timedelta(hours=1), experts
                ),
            ),
            venue,
        )
        if number == 5:
            platform.postpone_section(f"{project_code}001", opening + timedelta(days=7), venue)
        banned = banned or bidders[-1]["BIDDER_ORG_CODE"]
        warned = warned or bidders[0]["representatives"][0]["ID_CARD"]
    if banned and warned:
        platform.add_restriction(banned, "MARKET_BAN", "严重违法失信", "2027-06-30")
        platform.add_restriction(warned, "WARNING", "行贿记录（演示）", "2027-03-31")
    return len(OPENING_TIMES)
