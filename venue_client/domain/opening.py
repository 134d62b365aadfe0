"""开标 rules (DOMAIN.md "Bid opening"): the opening session's state machine, the
decryption window, and how a bid not decrypted by the deadline is classified (the
opening summary, 开标一览表, is read by ``domain.opening_summary``).

Pure: no I/O, no clock of its own. The service reads the facts (state, section
status, opening time, the trusted clock's now, attempts) and records what this
module decides.

State machine of one opening session (the values are ``SessionState``'s)::

    scheduled ──begin check-in──▶ checking_in ──start──▶ opening ──▶ decrypting
                                       │ (< 3 bids)                     │ close decryption
                                       ▼                                ▼
                                    failed                            record
                                 (no opening,                           │ begin confirmation
                                  re-tender)                            ▼
                                                   closed ◀──close── confirmation
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from venue_client.domain.beijing import BEIJING
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text, UserFacingError

MIN_BIDS = 3  # fewer bids: no opening, the section is re-tendered


class OpeningState(StrEnum):
    """The opening session's states; the same codes as the store's ``SessionState``."""

    SCHEDULED = "scheduled"  # 未开始
    CHECKING_IN = "checking_in"  # 签到中
    OPENING = "opening"  # 开标中: opening declared, bidders announced
    DECRYPTING = "decrypting"  # 解密中: the decryption window is open
    RECORD = "record"  # 唱标: decryption closed, the record is read out
    CONFIRMATION = "confirmation"  # 签名确认
    CLOSED = "closed"  # 已结束
    FAILED = "failed"  # 招标失败: no opening (re-tender)


class BidState(StrEnum):
    NOT_STARTED = "not_started"
    DECRYPTING = "decrypting"  # an attempt is running
    DECRYPTED = "decrypted"
    FAILED = "failed"


class Method(StrEnum):
    TOKEN = "token"  # noqa: S105 - the bidder's CA key (USB key, PKCS#11) at the desk
    BACKUP = "backup"  # the platform's backup key: needs a supervisor's approval


class Cause(StrEnum):
    """Why an attempt failed (or why a bid was never decrypted)."""

    WRONG_KEY = "wrong_key"
    KEY_MISSING = "key_missing"  # no usable key presented: no token, no certificate, PIN...
    CORRUPT_CIPHERTEXT = "corrupt_ciphertext"
    RECEIPT_MISMATCH = "receipt_mismatch"
    DEADLINE_PASSED = "deadline_passed"
    OTHER = "other"  # anything else: the venue's software or devices


class Result(StrEnum):
    """What a bid not decrypted by the deadline is treated as."""

    WITHDRAWN = "withdrawn"  # 撤销: caused by the bidder
    RETRACTED = "retracted"  # 撤回: caused by the platform


class ConfirmMethod(StrEnum):
    SCREEN = "screen"  # 屏幕确认
    SIGNATURE = "signature"  # 签名


class Fault(StrEnum):
    BIDDER = "bidder"
    PLATFORM = "platform"


_S = OpeningState
TRANSITIONS: dict[OpeningState, frozenset[OpeningState]] = {
    _S.SCHEDULED: frozenset({_S.CHECKING_IN}),
    _S.CHECKING_IN: frozenset({_S.OPENING, _S.FAILED}),
    _S.OPENING: frozenset({_S.DECRYPTING}),
    _S.DECRYPTING: frozenset({_S.RECORD}),
    _S.RECORD: frozenset({_S.CONFIRMATION}),
    _S.CONFIRMATION: frozenset({_S.CLOSED}),
    _S.CLOSED: frozenset(),
    _S.FAILED: frozenset(),
}
# Objections (异议) are heard on the spot from the start of decryption to the close.
OBJECTION_STATES = frozenset(
    {OpeningState.DECRYPTING, OpeningState.RECORD, OpeningState.CONFIRMATION}
)

STATE_LABELS: dict[OpeningState, Text] = {
    OpeningState.SCHEDULED: QT_TRANSLATE_NOOP("opening", "未开始"),
    OpeningState.CHECKING_IN: QT_TRANSLATE_NOOP("opening", "签到中"),
    OpeningState.OPENING: QT_TRANSLATE_NOOP("opening", "开标中"),
    OpeningState.DECRYPTING: QT_TRANSLATE_NOOP("opening", "解密中"),
    OpeningState.RECORD: QT_TRANSLATE_NOOP("opening", "唱标中"),
    OpeningState.CONFIRMATION: QT_TRANSLATE_NOOP("opening", "签名确认"),
    OpeningState.CLOSED: QT_TRANSLATE_NOOP("opening", "已结束"),
    OpeningState.FAILED: QT_TRANSLATE_NOOP("opening", "不予开标（重新招标）"),
}
E_TRANSITION = QT_TRANSLATE_NOOP("opening", "开标会当前状态为“{state}”，不能{action}")
E_SECTION_STATUS = QT_TRANSLATE_NOOP("opening", "标段已{status}，不能开标")
E_TOO_EARLY = QT_TRANSLATE_NOOP("opening", "未到开标时间（{time}），不能开标")
E_CLOSE_EARLY = QT_TRANSLATE_NOOP(
    "opening", "解密截止时间（{deadline}）前仍有 {n} 份投标文件未解密，不能结束解密"
)

ACTIONS: dict[OpeningState, Text] = {
    OpeningState.CHECKING_IN: QT_TRANSLATE_NOOP("opening", "开始签到"),
    OpeningState.OPENING: QT_TRANSLATE_NOOP("opening", "开标"),
    OpeningState.FAILED: QT_TRANSLATE_NOOP("opening", "开标"),
    OpeningState.DECRYPTING: QT_TRANSLATE_NOOP("opening", "开始解密"),
    OpeningState.RECORD: QT_TRANSLATE_NOOP("opening", "结束解密"),
    OpeningState.CONFIRMATION: QT_TRANSLATE_NOOP("opening", "进入签名确认"),
    OpeningState.CLOSED: QT_TRANSLATE_NOOP("opening", "结束开标会"),
}
SECTION_STATUS_WORDS: dict[str, Text] = {
    "CANCELLED": QT_TRANSLATE_NOOP("opening", "取消"),
    "POSTPONED": QT_TRANSLATE_NOOP("opening", "延期"),
}


class OpeningError(UserFacingError):
    """An opening action refused; the message says why."""


class IllegalTransitionError(OpeningError):
    def __init__(self, state: OpeningState, target: OpeningState) -> None:
        action = ACTIONS.get(target, QT_TRANSLATE_NOOP("opening", "继续"))
        super().__init__(E_TRANSITION, state=STATE_LABELS[state], action=action)
        self.state = state
        self.target = target


def check_transition(state: OpeningState | str, target: OpeningState) -> None:
    """Raise ``IllegalTransitionError`` unless ``state → target`` is an edge of the machine."""
    current = OpeningState(state)
    if target not in TRANSITIONS[current]:
        raise IllegalTransitionError(current, target)


@dataclass(frozen=True)
class StartDecision:
    """What ``start`` does: open the session, or end it without an opening."""

    opens: bool
    deadline: datetime | None  # end of the decryption window when it opens
    reason: str = ""  # "too_few_bids" when it does not


def decide_start(
    state: OpeningState | str,
    *,
    section_status: str,
    opening_time: datetime,
    now: datetime,
    bids: int,
    decrypt_minutes: int,
) -> StartDecision:
    """The opening may start only from check-in, at or after the opening time (by the
    trusted clock), for a section neither cancelled nor postponed; with fewer than
    ``MIN_BIDS`` bids it does not happen (the session fails, to be re-tendered)."""
    check_transition(state, OpeningState.OPENING)
    if section_status in SECTION_STATUS_WORDS:
        raise OpeningError(E_SECTION_STATUS, status=SECTION_STATUS_WORDS[section_status])
    if now < opening_time:
        raise OpeningError(E_TOO_EARLY, time=local_minute(opening_time))
    if bids < MIN_BIDS:
        return StartDecision(False, None, "too_few_bids")
    return StartDecision(True, now + timedelta(minutes=decrypt_minutes))


def local_minute(moment: datetime) -> str:
    """A moment as the venue reads it: Beijing time to the second."""
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


def in_window(now: datetime, deadline: datetime) -> bool:
    """An attempt may start strictly before the deadline; at the deadline it is over."""
    return now < deadline


def check_close_decryption(now: datetime, deadline: datetime, undecrypted: int) -> str:
    """Decryption closes at the deadline, or earlier when every bid is decrypted (the
    host cannot cut a bidder's window short). Returns the reason recorded."""
    if in_window(now, deadline) and undecrypted:
        raise OpeningError(E_CLOSE_EARLY, deadline=local_minute(deadline), n=undecrypted)
    return "all_decrypted" if not undecrypted else "deadline"


# --- classification of bids not decrypted ------------------------------------------------
BIDDER_CAUSES = frozenset({Cause.WRONG_KEY, Cause.KEY_MISSING, Cause.DEADLINE_PASSED})


def fault_of(cause: Cause | str, method: Method | str) -> Fault:
    """Whose side a failed attempt's cause lies on.

    - The bidder holds its CA key: a wrong key or no usable key (no token, no
      certificate, wrong or locked PIN) with ``token`` is the bidder's; so is running
      out of time (never attempted, or not finished by the deadline).
    - The platform holds the ciphertext and its receipt: corrupt ciphertext or a
      receipt mismatch is the platform's (its storage or transfer), and so is any
      other failure of the venue's software or devices.
    - With the platform's ``backup`` key, a wrong or missing key is the platform's
      too: it is the platform's key that failed.
    """
    cause, method = Cause(cause), Method(method)
    if cause is Cause.DEADLINE_PASSED:
        return Fault.BIDDER
    if cause in BIDDER_CAUSES and method is Method.TOKEN:
        return Fault.BIDDER
    return Fault.PLATFORM


@dataclass(frozen=True)
class AttemptFact:
    """One finished (or abandoned) attempt, as the classification sees it."""

    method: Method | str
    cause: Cause | str  # empty for a success or an attempt still running


@dataclass(frozen=True)
class Classification:
    result: Result
    cause: Cause


def classify(attempts: Iterable[AttemptFact]) -> Classification:
    """Classify a bid not decrypted when decryption closes (DOMAIN.md).

    Any attempt that failed for a platform cause makes the bid *retracted* (撤回):
    once the platform's copy or key has failed, no key of the bidder could have
    opened it, so the bidder is not to blame for the later outcome. Otherwise the bid
    is *withdrawn* (撤销): the bidder's key failed, the bidder presented none, never
    tried, or did not finish in time. The cause kept is the platform cause in the
    first case, else the last failure's cause (``deadline_passed`` when none failed).
    ``attempts`` are those that ran; one refused at the start (after the deadline)
    says nothing about the bid.
    """
    failed = [a for a in attempts if a.cause]
    for attempt in failed:
        if fault_of(attempt.cause, attempt.method) is Fault.PLATFORM:
            return Classification(Result.RETRACTED, Cause(attempt.cause))
    cause = Cause(failed[-1].cause) if failed else Cause.DEADLINE_PASSED
    return Classification(Result.WITHDRAWN, cause)
