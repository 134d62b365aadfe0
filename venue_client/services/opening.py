"""The opening session (开标会) as a use case: its state machine (``domain.opening``),
each step one transaction with its audit event and outbox row, and
``opening.changed`` on the bus after the commit for the pages and the large screen.

    service = OpeningService(ctx, allow_late_decrypt=True)
    service.begin_checkin("O1", operator=desk)
    service.start("O1", operator=desk, supervisor=supervisor)   # at/after the opening time
    service.begin_decryption("O1", operator=desk)
    service.decrypt_bid("O1", bid_id, opener, operator=desk)    # per bid, retries allowed
    service.close_decryption("O1", operator=desk)               # classifies the rest
    service.begin_confirmation("O1", operator=desk)
    service.confirm(...); service.raise_objection(...); service.answer_objection(...)
    service.close("O1", operator=desk)
    service.record_data("O1")                                   # 开标记录表

No crypto here: ``decrypt_bid`` calls an injected ``opener``. No UI.
"""

from __future__ import annotations

from sqlalchemy import select

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.domain.opening import (
    AttemptFact,
    BidState,
    Cause,
    OpeningError,
    OpeningState,
    check_close_decryption,
    check_transition,
    classify,
    decide_start,
)
from venue_client.services.approval import check_approver
from venue_client.services.opening_common import (
    OpeningBase,
    OpeningStatus,
    payload_bid,
    session_id,
)
from venue_client.services.opening_decrypt import AttemptOutcome, DecryptionMixin
from venue_client.services.opening_entry import EntryMixin
from venue_client.services.opening_record import OpeningRecordData, read_record
from venue_client.services.opening_signed import SignedConfirmMixin
from venue_client.services.users import UserInfo
from venue_client.store.models import Bid, Bidder, CheckIn, SessionState
from venue_client.store.opening_models import (
    OpeningBid,
    OpeningConfirmation,
    OpeningObjection,
    OpeningRun,
)

E_UNANSWERED = QT_TRANSLATE_NOOP("opening", "还有 {n} 条异议未答复，不能结束开标会")

__all__ = ["AttemptOutcome", "OpeningService", "OpeningStatus"]


class OpeningService(DecryptionMixin, EntryMixin, SignedConfirmMixin, OpeningBase):
    def begin_checkin(self, ref: int | str, *, operator: UserInfo) -> None:
        """scheduled → checking_in: the desk opens check-in; ``operator`` hosts."""
        with self._changing(ref, operator) as (tx, locked):
            check_transition(locked.state, OpeningState.CHECKING_IN)
            now = self.ctx.clock.now()
            run = locked.run or OpeningRun(session_id=locked.opening.id, checkin_started_at=now)
            run.checkin_started_at, run.host_id = now, operator.id
            run.allow_late_decrypt = self.allow_late_decrypt
            run.decrypt_minutes = locked.section.decrypt_minutes
            tx.session.add(run)
            locked.opening.state = SessionState.CHECKING_IN
            tx.record("opening.checkin_started", locked.payload(host=operator.username))

    def start(
        self, ref: int | str, *, operator: UserInfo, supervisor: UserInfo | None = None
    ) -> OpeningStatus:
        """checking_in → opening (or → failed with fewer than 3 bids: no opening,
        re-tender). Refused before the opening time, for a cancelled or postponed
        section, and when ``start_guard`` objects (online with a skewed clock). The
        decryption window (``DECRYPT_MINUTES``) runs from now."""
        if supervisor is not None:
            check_approver(supervisor, operator)
        if self.start_guard is not None:
            self.start_guard()  # e.g. the platform's clock disagrees: not now
        with self._changing(ref, operator) as (tx, locked):
            s, now, section = tx.session, self.ctx.clock.now(), locked.section
            bids = list(
                s.execute(
                    select(Bid, Bidder)
                    .join(Bidder, Bid.bidder_id == Bidder.id)
                    .where(Bidder.section_id == section.id)
                    .order_by(Bidder.id)
                ).all()
            )
            decision = decide_start(
                locked.state,
                section_status=str(section.status),
                opening_time=section.opening_time,
                now=now,
                bids=len(bids),
                decrypt_minutes=section.decrypt_minutes,
            )
            run = locked.run
            assert run is not None  # created with check-in
            run.host_id = operator.id
            run.supervisor_id = supervisor.id if supervisor else None
            run.bid_count, run.decrypt_minutes = len(bids), section.decrypt_minutes
            run.allow_late_decrypt = self.allow_late_decrypt
            people = {
                "host": operator.username,
                "supervisor": supervisor.username if supervisor else "",
            }
            if not decision.opens:
                locked.opening.state = SessionState.FAILED
                run.outcome, run.outcome_reason, run.closed_at = "no_opening", decision.reason, now
                tx.record(
                    "opening.no_opening",
                    locked.payload(
                        bids=len(bids), reason=decision.reason, at=now.isoformat(), **people
                    ),
                )
            else:
                locked.opening.state, locked.opening.started_at = SessionState.OPENING, now
                run.outcome, run.deadline = "opened", decision.deadline
                for bid, bidder in bids:
                    s.add(
                        OpeningBid(session_id=locked.opening.id, bid_id=bid.id, bidder_id=bidder.id)
                    )
                assert decision.deadline is not None
                tx.record(
                    "opening.started",
                    locked.payload(
                        started_at=now.isoformat(),
                        deadline=decision.deadline.isoformat(),
                        decrypt_minutes=section.decrypt_minutes,
                        allow_late_decrypt=self.allow_late_decrypt,
                        bidders=[
                            {"ORG_CODE": b.org_code, "name": b.name, "bid": bid.platform_id}
                            for bid, b in bids
                        ],
                        **people,
                    ),
                )
        return self.status(ref)

    def begin_decryption(self, ref: int | str, *, operator: UserInfo) -> None:
        """opening → decrypting: bidders decrypt until the deadline set at the start."""
        with self._changing(ref, operator) as (tx, locked):
            check_transition(locked.state, OpeningState.DECRYPTING)
            run = locked.run
            assert run is not None and run.deadline is not None
            run.decryption_started_at = self.ctx.clock.now()
            locked.opening.state = SessionState.DECRYPTING
            tx.record(
                "opening.decryption_started", locked.payload(deadline=run.deadline.isoformat())
            )

    def close_decryption(self, ref: int | str, *, operator: UserInfo) -> dict[str, int]:
        """End decryption: at the deadline, or earlier once every bid is decrypted. Each
        bid not decrypted is classified (``domain.opening.classify``); the opening goes
        on with the others. Returns the counts per result."""
        with self._changing(ref, operator) as (tx, locked):
            check_transition(locked.state, OpeningState.RECORD)
            s, now, run = tx.session, self.ctx.clock.now(), locked.run
            assert run is not None and run.deadline is not None
            rows = list(
                s.execute(
                    select(OpeningBid)
                    .where(OpeningBid.session_id == locked.opening.id)
                    .order_by(OpeningBid.id)
                ).scalars()
            )
            undecrypted = [ob for ob in rows if ob.state != BidState.DECRYPTED]
            reason = check_close_decryption(now, run.deadline, len(undecrypted))
            counts = {"decrypted": len(rows) - len(undecrypted), "withdrawn": 0, "retracted": 0}
            for ob in undecrypted:
                for attempt in ob.attempts:
                    if attempt.outcome == "running":  # not finished in time
                        attempt.outcome, attempt.cause = "failed", Cause.DEADLINE_PASSED
                        attempt.finished_at = now
                facts = [
                    AttemptFact(a.method, a.cause)
                    for a in ob.attempts
                    if a.outcome == "failed"  # refused ones never ran
                ]
                verdict = classify(facts)
                ob.state, ob.result, ob.cause = BidState.FAILED, verdict.result, verdict.cause
                bid, bidder = ob.bid, ob.bidder
                bid.state = verdict.result
                counts[verdict.result] += 1
                tx.record(
                    "opening.bid_classified",
                    payload_bid(
                        locked,
                        bid,
                        bidder,
                        result=str(verdict.result),
                        cause=str(verdict.cause),
                        attempts=len(ob.attempts),
                    ),
                )
            locked.opening.state = SessionState.RECORD
            run.decryption_closed_at, run.decryption_close_reason = now, reason
            tx.record(
                "opening.decryption_closed",
                locked.payload(reason=reason, closed_at=now.isoformat(), **counts),
            )
        return counts

    def begin_confirmation(self, ref: int | str, *, operator: UserInfo) -> None:
        """record → confirmation: the record has been read out; representatives confirm."""
        with self._changing(ref, operator) as (tx, locked):
            check_transition(locked.state, OpeningState.CONFIRMATION)
            assert locked.run is not None
            locked.run.confirmation_started_at = self.ctx.clock.now()
            locked.opening.state = SessionState.CONFIRMATION
            tx.record("opening.confirmation_started", locked.payload())

    def close(self, ref: int | str, *, operator: UserInfo) -> None:
        """confirmation → closed, once every objection has its answer. Representatives
        present who did not confirm are named in the event."""
        with self._changing(ref, operator) as (tx, locked):
            check_transition(locked.state, OpeningState.CLOSED)
            s, sid, now = tx.session, locked.opening.id, self.ctx.clock.now()
            open_objections = s.execute(
                select(OpeningObjection.id).where(
                    OpeningObjection.session_id == sid, OpeningObjection.answer.is_(None)
                )
            ).all()
            if open_objections:
                raise OpeningError(E_UNANSWERED, n=len(open_objections))
            confirmed = set(
                s.execute(
                    select(OpeningConfirmation.checkin_id).where(
                        OpeningConfirmation.session_id == sid
                    )
                ).scalars()
            )
            present = s.execute(
                select(CheckIn.id, Bidder.org_code)
                .join(Bidder, CheckIn.bidder_id == Bidder.id)
                .where(
                    CheckIn.session_kind == "opening",
                    CheckIn.session_id == sid,
                    CheckIn.role == "representative",
                )
                .order_by(CheckIn.id)
            ).all()
            unconfirmed = sorted({code for cid, code in present if cid not in confirmed})
            objections = s.execute(
                select(OpeningObjection.id).where(OpeningObjection.session_id == sid)
            ).all()
            assert locked.run is not None
            locked.run.closed_at = now
            locked.opening.state = SessionState.CLOSED
            tx.record(
                "opening.closed",
                locked.payload(
                    closed_at=now.isoformat(),
                    confirmed=len(confirmed),
                    unconfirmed=unconfirmed,
                    objections=len(objections),
                ),
            )

    def record_data(self, ref: int | str) -> OpeningRecordData:
        """Everything the opening record (开标记录表) shows, for the PDF."""
        with self.ctx.reading() as s:
            return read_record(s, session_id(ref))
