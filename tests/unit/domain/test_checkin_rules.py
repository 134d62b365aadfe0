"""The check-in rules, one decision at a time."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from venue_client.domain.checkin import (
    R_BANNED,
    R_EXPIRED,
    R_FACE_FAIL,
    R_FACE_NONE,
    R_FACE_REVIEW,
    R_INVALID_ID,
    R_LATE,
    R_MANUAL,
    R_UNKNOWN,
    R_WARNING,
    R_WRONG_COMPANY,
    Approval,
    ExpectedPerson,
    FaceResult,
    Method,
    Outcome,
    Proof,
    Restriction,
    assess,
)
from venue_client.domain.synthetic import make_citizen_id, make_uscc

RNG = random.Random(7)
TODAY = date(2026, 11, 27)
OPENING = datetime(2026, 11, 27, 1, 30, tzinfo=UTC)
BEFORE = OPENING - timedelta(minutes=20)
COMPANY = make_uscc(RNG)
ALICE = ExpectedPerson(
    make_citizen_id(RNG, region="330199"),
    "张三",
    "representative",
    COMPANY,
    "浙江某建设有限公司",
    1,
)
BOB = ExpectedPerson(
    make_citizen_id(RNG, region="330199"), "李四", "representative", make_uscc(RNG), "杭州某公司", 2
)
EXPECTED = [ALICE, BOB]


def run(
    proof: Proof,
    restrictions: list[Restriction] | None = None,
    *,
    face: FaceResult = FaceResult.PASS,
    now: datetime = BEFORE,
    already: bool = False,
):
    return assess(
        proof,
        EXPECTED,
        restrictions or [],
        face=face,
        face_score="0.31",
        opening_time=OPENING,
        now=now,
        today=TODAY,
        already=already,
    )


def card(number: str = ALICE.id_number, valid_to: date | None = date(2030, 1, 1)) -> Proof:
    return Proof(Method.CARD, id_number=number, name="张三", valid_to=valid_to)


def test_expected_person_with_matching_face_passes() -> None:
    verdict = run(card())
    assert verdict.outcome is Outcome.PASSED and verdict.person == ALICE and not verdict.reasons


def test_lowercase_x_is_normalised_before_matching() -> None:
    number = next(
        n
        for n in (make_citizen_id(random.Random(i), region="330199") for i in range(200))
        if n.endswith("X")
    )
    person = ExpectedPerson(number, "王五", "expert")
    verdict = assess(
        card(number.lower()),
        [person],
        [],
        face=FaceResult.PASS,
        opening_time=None,
        now=BEFORE,
        today=TODAY,
    )
    assert verdict.outcome is Outcome.PASSED and verdict.id_number == number


@pytest.mark.parametrize(
    ("proof", "text", "code"),
    [
        (
            card(ALICE.id_number[:-1] + ("0" if ALICE.id_number[-1] != "0" else "1")),
            R_INVALID_ID,
            "invalid_id",
        ),
        (card(valid_to=date(2026, 11, 26)), R_EXPIRED, "expired"),
        (card(make_citizen_id(random.Random(99), region="330199")), R_UNKNOWN, "unknown"),
    ],
    ids=["bad-check-digit", "expired-card", "stranger"],
)
def test_refusals(proof: Proof, text: str, code: str) -> None:
    verdict = run(proof)
    assert verdict.outcome is Outcome.REFUSED and verdict.refusal_code == code
    assert verdict.reasons[0].text == text


def test_long_term_card_never_expires() -> None:
    assert run(card(valid_to=None)).outcome is Outcome.PASSED


def test_card_valid_through_today_is_accepted() -> None:
    assert run(card(valid_to=TODAY)).outcome is Outcome.PASSED


@pytest.mark.parametrize("subject", ["person", "company"])
def test_market_ban_refuses(subject: str) -> None:
    code = ALICE.id_number if subject == "person" else ALICE.company_code
    verdict = run(card(), [Restriction(code, "MARKET_BAN", "严重违法失信")])
    assert verdict.outcome is Outcome.REFUSED and verdict.refusal_code == "banned"
    assert verdict.reasons[0].text == R_BANNED


def test_ban_on_someone_else_does_not_matter() -> None:
    assert run(card(), [Restriction(BOB.company_code, "MARKET_BAN", "x")]).outcome is Outcome.PASSED


def test_warning_needs_a_supervisor() -> None:
    verdict = run(card(), [Restriction(COMPANY, "WARNING", "行政处罚")])
    assert verdict.outcome is Outcome.NEEDS_SUPERVISOR
    assert verdict.approvals == {Approval.CREDIT_WARNING} and verdict.reasons[0].text == R_WARNING


@pytest.mark.parametrize(
    ("face", "text"),
    [
        (FaceResult.REVIEW, R_FACE_REVIEW),
        (FaceResult.FAIL, R_FACE_FAIL),
        (FaceResult.UNAVAILABLE, R_FACE_NONE),
    ],
)
def test_face_below_threshold_goes_to_a_supervisor(face: FaceResult, text: str) -> None:
    verdict = run(card(), face=face)
    assert verdict.outcome is Outcome.NEEDS_SUPERVISOR and verdict.approvals == {Approval.FACE}
    assert verdict.reasons[0].text == text and verdict.reasons[0].args_map["score"] == "0.31"


def test_manual_entry_needs_a_supervisor() -> None:
    verdict = run(Proof(Method.MANUAL, id_number=ALICE.id_number), face=FaceResult.PASS)
    assert verdict.approvals == {Approval.MANUAL_ENTRY} and verdict.reasons[0].text == R_MANUAL


def test_late_arrival_is_marked_and_needs_a_supervisor() -> None:
    verdict = run(card(), now=OPENING + timedelta(seconds=1))
    assert verdict.late and Approval.LATE in verdict.approvals
    assert verdict.reasons[-1].text == R_LATE


def test_several_issues_collect_every_approval() -> None:
    verdict = run(
        Proof(Method.MANUAL, id_number=ALICE.id_number),
        [Restriction(COMPANY, "WARNING", "x")],
        face=FaceResult.FAIL,
        now=OPENING + timedelta(minutes=5),
    )
    assert verdict.approvals == set(Approval)


def test_repeat_read_shows_the_existing_record() -> None:
    verdict = run(card(), already=True)
    assert verdict.outcome is Outcome.ALREADY and verdict.person == ALICE


def test_certificate_matches_by_company() -> None:
    verdict = run(Proof(Method.CERTIFICATE, company_code=COMPANY), face=FaceResult.NOT_REQUIRED)
    assert verdict.outcome is Outcome.PASSED and verdict.person == ALICE


def test_certificate_of_another_company_is_refused() -> None:
    verdict = run(
        Proof(Method.CERTIFICATE, company_code=make_uscc(random.Random(3))),
        face=FaceResult.NOT_REQUIRED,
    )
    assert verdict.outcome is Outcome.REFUSED and verdict.reasons[0].text == R_WRONG_COMPANY
