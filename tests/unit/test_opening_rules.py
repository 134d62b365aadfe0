"""开标 rules without a database: the state machine, the start decision, the window,
classification of bids not decrypted, the opening summary, and exception → cause."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from drivers.token.errors import (
    KeyMismatchError,
    NoCertificateError,
    NoTokenError,
    PinIncorrectError,
    TokenRemovedError,
)
from venue_client.crypto.envelope_errors import (
    KeyUnwrapError,
    MalformedEnvelopeError,
    NotAnEnvelopeError,
    OutputFailedError,
    ReceiptMismatchError,
    TamperedError,
    TrailingDataError,
    TruncatedError,
    UnsupportedAlgorithmError,
    WrongKeyError,
)
from venue_client.domain import opening as rules
from venue_client.domain import opening_summary
from venue_client.domain.opening import (
    AttemptFact,
    Cause,
    Fault,
    IllegalTransitionError,
    Method,
    OpeningError,
    OpeningState,
    Result,
)
from venue_client.services.opening_causes import cause_of, describe, is_expected
from venue_client.store.models import SessionState

T0 = datetime(2026, 11, 27, 1, 30, tzinfo=UTC)  # 09:30 Beijing


def test_states_are_session_states() -> None:
    assert {s.value for s in OpeningState} <= {s.value for s in SessionState}


@pytest.mark.parametrize(
    ("state", "target"),
    [
        (OpeningState.SCHEDULED, OpeningState.CHECKING_IN),
        (OpeningState.CHECKING_IN, OpeningState.OPENING),
        (OpeningState.CHECKING_IN, OpeningState.FAILED),
        (OpeningState.OPENING, OpeningState.DECRYPTING),
        (OpeningState.DECRYPTING, OpeningState.RECORD),
        (OpeningState.RECORD, OpeningState.CONFIRMATION),
        (OpeningState.CONFIRMATION, OpeningState.CLOSED),
    ],
)
def test_legal_transitions(state: OpeningState, target: OpeningState) -> None:
    rules.check_transition(state, target)


@pytest.mark.parametrize(
    ("state", "target"),
    [
        (OpeningState.SCHEDULED, OpeningState.OPENING),  # check-in first
        (OpeningState.CHECKING_IN, OpeningState.DECRYPTING),
        (OpeningState.DECRYPTING, OpeningState.CLOSED),
        (OpeningState.RECORD, OpeningState.DECRYPTING),  # no reopening of the window
        (OpeningState.CLOSED, OpeningState.OPENING),
        (OpeningState.FAILED, OpeningState.OPENING),
    ],
)
def test_illegal_transitions_say_so_in_chinese(state: OpeningState, target: OpeningState) -> None:
    with pytest.raises(IllegalTransitionError) as info:
        rules.check_transition(state, target)
    assert info.value.text.context == "opening"
    assert str(rules.STATE_LABELS[state]) in str(info.value)
    assert "不能" in str(info.value)


def _start(**kw: object) -> rules.StartDecision:
    args: dict[str, object] = {
        "section_status": "SCHEDULED",
        "opening_time": T0,
        "now": T0,
        "bids": 3,
        "decrypt_minutes": 30,
    }
    args.update(kw)
    return rules.decide_start(OpeningState.CHECKING_IN, **args)  # type: ignore[arg-type]


def test_start_at_the_opening_time_sets_the_deadline() -> None:
    decision = _start()
    assert decision.opens and decision.deadline == T0 + timedelta(minutes=30)
    assert _start(now=T0 + timedelta(minutes=5)).deadline == T0 + timedelta(minutes=35)


def test_start_refused_one_second_early_with_beijing_time() -> None:
    with pytest.raises(OpeningError) as info:
        _start(now=T0 - timedelta(seconds=1))
    assert info.value.text == rules.E_TOO_EARLY
    assert "2026-11-27 09:30:00" in str(info.value)


@pytest.mark.parametrize(("status", "word"), [("CANCELLED", "取消"), ("POSTPONED", "延期")])
def test_start_refused_for_cancelled_or_postponed(status: str, word: str) -> None:
    with pytest.raises(OpeningError) as info:
        _start(section_status=status, now=T0 + timedelta(hours=1))
    assert info.value.text == rules.E_SECTION_STATUS and word in str(info.value)


def test_fewer_than_three_bids_means_no_opening() -> None:
    decision = _start(bids=2)
    assert not decision.opens and decision.reason == "too_few_bids" and decision.deadline is None


def test_window_and_early_close() -> None:
    deadline = T0 + timedelta(minutes=30)
    assert rules.in_window(deadline - timedelta(microseconds=1), deadline)
    assert not rules.in_window(deadline, deadline)
    assert rules.check_close_decryption(T0, deadline, 0) == "all_decrypted"
    assert rules.check_close_decryption(deadline, deadline, 2) == "deadline"
    with pytest.raises(OpeningError) as info:
        rules.check_close_decryption(T0, deadline, 2)
    assert info.value.text == rules.E_CLOSE_EARLY


@pytest.mark.parametrize(
    ("cause", "method", "fault"),
    [
        (Cause.WRONG_KEY, Method.TOKEN, Fault.BIDDER),
        (Cause.KEY_MISSING, Method.TOKEN, Fault.BIDDER),
        (Cause.DEADLINE_PASSED, Method.TOKEN, Fault.BIDDER),
        (Cause.DEADLINE_PASSED, Method.BACKUP, Fault.BIDDER),
        (Cause.CORRUPT_CIPHERTEXT, Method.TOKEN, Fault.PLATFORM),
        (Cause.RECEIPT_MISMATCH, Method.TOKEN, Fault.PLATFORM),
        (Cause.OTHER, Method.TOKEN, Fault.PLATFORM),
        (Cause.WRONG_KEY, Method.BACKUP, Fault.PLATFORM),  # the platform's key failed
        (Cause.KEY_MISSING, Method.BACKUP, Fault.PLATFORM),
    ],
)
def test_fault_of_each_cause(cause: Cause, method: Method, fault: Fault) -> None:
    assert rules.fault_of(cause, method) is fault


@pytest.mark.parametrize(
    ("attempts", "result", "cause"),
    [
        ([], Result.WITHDRAWN, Cause.DEADLINE_PASSED),  # never attempted
        ([("token", "wrong_key")], Result.WITHDRAWN, Cause.WRONG_KEY),
        ([("token", "wrong_key"), ("token", "key_missing")], Result.WITHDRAWN, Cause.KEY_MISSING),
        ([("token", "corrupt_ciphertext")], Result.RETRACTED, Cause.CORRUPT_CIPHERTEXT),
        ([("token", "receipt_mismatch")], Result.RETRACTED, Cause.RECEIPT_MISMATCH),
        # a platform failure anywhere wins over the bidder's later wrong key
        (
            [("token", "corrupt_ciphertext"), ("token", "wrong_key")],
            Result.RETRACTED,
            Cause.CORRUPT_CIPHERTEXT,
        ),
        ([("token", "wrong_key"), ("backup", "wrong_key")], Result.RETRACTED, Cause.WRONG_KEY),
        ([("token", ""), ("token", "deadline_passed")], Result.WITHDRAWN, Cause.DEADLINE_PASSED),
    ],
)
def test_classification(attempts: list[tuple[str, str]], result: Result, cause: Cause) -> None:
    verdict = rules.classify(AttemptFact(m, c) for m, c in attempts)
    assert (verdict.result, verdict.cause) == (result, cause)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("1234567.80", "1234567.80"),
        (1200, "1200"),
        (Decimal("9.5"), "9.5"),
        ("1,234.00", "1234.00"),
    ],
)
def test_amounts_are_decimal_strings(value: object, text: str) -> None:
    assert opening_summary.parse_amount(value) == text


@pytest.mark.parametrize("value", [12.5, True, "abc", "-1", "NaN", "Infinity", None])
def test_bad_amounts_and_floats_are_refused(value: object) -> None:
    with pytest.raises(OpeningError):
        opening_summary.parse_amount(value)


def test_summary_keeps_other_items_float_free() -> None:
    summary = opening_summary.parse_summary(
        {
            "price": "3650000.00",
            "duration": "365日历天",
            "quality": "合格",
            "项目经理": "某某",
            "rate": 0.95,
            "parts": [{"price": Decimal("1.10")}],
        }
    )
    assert summary.price == "3650000.00" and summary.duration == "365日历天"
    assert summary.other == {"项目经理": "某某", "rate": "0.95", "parts": [{"price": "1.10"}]}
    with pytest.raises(OpeningError):
        opening_summary.parse_summary({"duration": "90"})


@pytest.mark.parametrize(
    ("exc", "cause"),
    [
        (WrongKeyError(), Cause.WRONG_KEY),
        (KeyUnwrapError(), Cause.WRONG_KEY),
        (KeyMismatchError(), Cause.WRONG_KEY),
        (NoTokenError(), Cause.KEY_MISSING),
        (NoCertificateError(), Cause.KEY_MISSING),
        (TokenRemovedError(), Cause.KEY_MISSING),
        (PinIncorrectError(flags=0), Cause.KEY_MISSING),
        (TamperedError(3), Cause.CORRUPT_CIPHERTEXT),
        (TruncatedError(100), Cause.CORRUPT_CIPHERTEXT),
        (MalformedEnvelopeError("tag"), Cause.CORRUPT_CIPHERTEXT),
        (TrailingDataError(100), Cause.CORRUPT_CIPHERTEXT),
        (NotAnEnvelopeError(), Cause.CORRUPT_CIPHERTEXT),
        (ReceiptMismatchError("a" * 64, "b" * 64), Cause.RECEIPT_MISMATCH),
        (UnsupportedAlgorithmError("X"), Cause.OTHER),
        (OutputFailedError("/x", "disk full"), Cause.OTHER),
        (RuntimeError("bug"), Cause.OTHER),
    ],
)
def test_exceptions_map_to_causes(exc: Exception, cause: Cause) -> None:
    assert cause_of(exc) is cause


def test_unexpected_errors_keep_only_their_type() -> None:
    assert is_expected(NoTokenError()) and is_expected(WrongKeyError())
    assert not is_expected(RuntimeError("secret-ish text"))
    assert describe(RuntimeError("secret-ish text")) == "RuntimeError"
    assert "加密锁" in describe(NoTokenError())
