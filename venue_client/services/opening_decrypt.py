"""解密: one attempt at a bid is two transactions around the injected ``opener`` (which
may take minutes and runs outside any transaction): "attempt started", then the
outcome. Closing decryption classifies every bid not decrypted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message
from venue_client.domain.opening import (
    BidState,
    Cause,
    Method,
    OpeningError,
    OpeningState,
    in_window,
    local_minute,
)
from venue_client.domain.opening_summary import OpeningSummary, parse_summary
from venue_client.services.approval import check_approver
from venue_client.services.context import Tx
from venue_client.services.opening_causes import (
    OpenedBid,
    Opener,
    cause_of,
    describe,
    is_expected,
)
from venue_client.services.opening_common import Locked, OpeningBase, id_facts, payload_bid
from venue_client.services.users import UserInfo
from venue_client.store.models import Bid, Bidder, CheckIn
from venue_client.store.opening_models import DecryptionAttempt, OpeningBid

E_NOT_DECRYPTING = QT_TRANSLATE_NOOP("opening", "当前不在解密阶段，不能解密投标文件")
E_DECRYPTED = QT_TRANSLATE_NOOP("opening", "这份投标文件已解密")
E_RUNNING = QT_TRANSLATE_NOOP("opening", "这份投标文件正在解密，请等待结果")
E_DEADLINE = QT_TRANSLATE_NOOP("opening", "解密时间已于 {deadline} 截止，不再接受解密")
E_BACKUP_APPROVAL = QT_TRANSLATE_NOOP("opening", "使用平台备用密钥解密须经监标人批准")
E_NOT_CHECKED_IN = QT_TRANSLATE_NOOP("opening", "该投标人的代表未签到，不能用其 CA 锁解密")
E_LATE = QT_TRANSLATE_NOOP("opening", "该投标人的代表迟到签到，按本场规则不能解密")
E_CLOSED_MEANWHILE = QT_TRANSLATE_NOOP("opening", "解密已结束，本次解密结果不予采用")


@dataclass(frozen=True)
class AttemptOutcome:
    attempt_id: int
    bid_state: BidState
    cause: Cause | None = None
    message: str = ""  # why it failed, as shown
    summary: OpeningSummary | None = None


class DecryptionMixin(OpeningBase):
    def decrypt_bid(
        self,
        ref: int | str,
        bid_id: int,
        opener: Opener,
        *,
        operator: UserInfo,
        method: Method | str = Method.TOKEN,
        approver: UserInfo | None = None,
    ) -> AttemptOutcome:
        """Try to decrypt one bid (``Bid.id``) with ``opener``; record the outcome.

        Expected failures (wrong key, corrupt ciphertext ...) are recorded with their
        cause and returned; anything else is recorded as ``other`` and re-raised."""
        method = Method(method)
        refused = False
        with self._changing(ref, operator) as (tx, locked):
            s = tx.session
            ob, bid, bidder = self._bid(s, locked, bid_id)
            now = self.ctx.clock.now()
            assert locked.run is not None and locked.run.deadline is not None
            deadline = locked.run.deadline
            if not in_window(now, deadline):
                attempt = self._attempt(s, ob, method, operator, None, approver, now)
                attempt.outcome, attempt.cause, attempt.finished_at = (
                    "refused",
                    "deadline_passed",
                    now,
                )
                tx.record(
                    "opening.decrypt_refused",
                    payload_bid(locked, bid, bidder, method=str(method), cause="deadline_passed"),
                )
                refused = True
            else:
                checkin = self._who(s, locked, ob, method, operator, approver)
                attempt = self._attempt(s, ob, method, operator, checkin, approver, now)
                ob.state = BidState.DECRYPTING
                extra: dict[str, object] = {"method": str(method), "late": attempt.late}
                if checkin is not None:
                    extra |= {"representative": checkin.person_name, **id_facts(checkin.id_number)}
                if approver is not None:
                    extra["approved_by"] = approver.username
                tx.record("opening.decrypt_started", payload_bid(locked, bid, bidder, **extra))
            attempt_id = attempt.id
        if refused:
            raise OpeningError(E_DEADLINE, deadline=local_minute(deadline))

        error: Exception | None = None
        opened: OpenedBid | None = None
        summary: OpeningSummary | None = None
        try:
            opened = opener(bid)
            # A CMS envelope has no opening summary: the bid is decrypted, its price
            # shows as "-" and is read from the documents. A declared one must be valid.
            summary = parse_summary(opened.summary) if opened.summary else OpeningSummary("")
        except Exception as exc:  # recorded below; unexpected ones re-raised after
            error = exc
        with self._changing(ref, operator) as (tx, locked):
            outcome = self._finish(tx, locked, attempt_id, error, opened, summary)
        if error is not None and not is_expected(error):
            raise error
        return outcome

    def _finish(
        self,
        tx: Tx,
        locked: Locked,
        attempt_id: int,
        error: Exception | None,
        opened: OpenedBid | None,
        summary: OpeningSummary | None,
    ) -> AttemptOutcome:
        s, now = tx.session, self.ctx.clock.now()
        attempt = s.get(DecryptionAttempt, attempt_id)
        assert attempt is not None
        ob = attempt.opening_bid
        bid, bidder = ob.bid, ob.bidder
        attempt.finished_at = now
        base = payload_bid(locked, bid, bidder, method=attempt.method, attempt=attempt_id)
        if locked.state is not OpeningState.DECRYPTING:
            # Decryption was closed while this attempt ran: the bid is already classified.
            message = str(Message(E_CLOSED_MEANWHILE))
            attempt.outcome, attempt.cause, attempt.detail = (
                "failed",
                Cause.DEADLINE_PASSED,
                message,
            )
            tx.record("opening.decrypt_failed", {**base, "cause": "deadline_passed", "late": True})
            return AttemptOutcome(attempt_id, BidState(ob.state), Cause.DEADLINE_PASSED, message)
        if error is None:
            assert opened is not None and summary is not None
            ob.state, ob.method, ob.decrypted_at, ob.cause = (
                BidState.DECRYPTED,
                attempt.method,
                now,
                "",
            )
            ob.price, ob.duration, ob.quality = summary.price, summary.duration, summary.quality
            ob.other_items = summary.other
            ob.plaintext_path = opened.plaintext_path
            ob.plaintext_size = opened.plaintext_size
            ob.plaintext_sha256 = opened.plaintext_sha256
            attempt.outcome = "success"
            bid.state = BidState.DECRYPTED
            tx.record(
                "opening.bid_decrypted",
                {
                    **base,
                    "price": summary.price,
                    "PRICE_UNIT": locked.section.price_unit,
                    "duration": summary.duration,
                    "quality": summary.quality,
                    "other": summary.other,
                    "plaintext_sha256": opened.plaintext_sha256,
                    "plaintext_size": opened.plaintext_size,
                },
            )
            return AttemptOutcome(attempt_id, BidState.DECRYPTED, summary=summary)
        cause = cause_of(error)
        message = describe(error)
        ob.state, ob.cause = BidState.FAILED, cause
        attempt.outcome, attempt.cause, attempt.detail = "failed", cause, message
        tx.record("opening.decrypt_failed", {**base, "cause": str(cause), "detail": message})
        return AttemptOutcome(attempt_id, BidState.FAILED, cause, message)

    # --- helpers --------------------------------------------------------------------
    @staticmethod
    def _bid(s: Session, locked: Locked, bid_id: int) -> tuple[OpeningBid, Bid, Bidder]:
        if locked.state is not OpeningState.DECRYPTING:
            raise OpeningError(E_NOT_DECRYPTING)
        ob = OpeningBase._opening_bid(s, locked, bid_id)
        if ob.state == BidState.DECRYPTED:
            raise OpeningError(E_DECRYPTED)
        if ob.state == BidState.DECRYPTING:
            raise OpeningError(E_RUNNING)
        return ob, ob.bid, ob.bidder

    @staticmethod
    def _who(
        s: Session,
        locked: Locked,
        ob: OpeningBid,
        method: Method,
        operator: UserInfo,
        approver: UserInfo | None,
    ) -> CheckIn | None:
        """The representative at the desk (required for the bidder's own key), and the
        supervisor's approval (required for the platform's backup key)."""
        run = locked.run
        assert run is not None
        if method is Method.BACKUP:
            if approver is None:
                raise OpeningError(E_BACKUP_APPROVAL)
            check_approver(approver, operator)
        present = list(
            s.execute(
                select(CheckIn)
                .where(
                    CheckIn.session_kind == "opening",
                    CheckIn.session_id == locked.opening.id,
                    CheckIn.bidder_id == ob.bidder_id,
                )
                .order_by(CheckIn.late, CheckIn.checked_in_at)
            ).scalars()
        )
        if method is Method.BACKUP:
            return present[0] if present else None
        if not present:
            raise OpeningError(E_NOT_CHECKED_IN)
        if present[0].late and not run.allow_late_decrypt:
            raise OpeningError(E_LATE)
        return present[0]

    @staticmethod
    def _attempt(
        s: Session,
        ob: OpeningBid,
        method: Method,
        operator: UserInfo,
        checkin: CheckIn | None,
        approver: UserInfo | None,
        now: datetime,
    ) -> DecryptionAttempt:
        attempt = DecryptionAttempt(
            opening_bid_id=ob.id,
            method=str(method),
            operator_id=operator.id,
            checkin_id=checkin.id if checkin else None,
            approved_by=approver.id if approver else None,
            late=bool(checkin and checkin.late),
            started_at=now,
            outcome="running",
            cause="",
            detail="",
        )
        s.add(attempt)
        s.flush()
        return attempt
