"""What the opening service's parts share: session references, the locked read of a
session inside a transaction, the base of every audit payload, the status views,
and the supervisor's approval on the spot."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.domain.identity import mask_id_number
from venue_client.domain.opening import OpeningError, OpeningState
from venue_client.services.approval import authenticate_approver
from venue_client.services.context import AppContext, Tx
from venue_client.services.users import UserInfo
from venue_client.store.models import Bid, Bidder, CheckIn, OpeningSession, Section
from venue_client.store.opening_models import OpeningBid, OpeningRun

E_SESSION = QT_TRANSLATE_NOOP("opening", "找不到开标场次 {session}")
E_NOT_PRESENT = QT_TRANSLATE_NOOP("opening", "此人不是本场开标已签到的投标人代表")
E_NO_BID = QT_TRANSLATE_NOOP("opening", "本场开标没有这份投标文件")
CHANGED = "opening.changed"  # bus only: "something about session O<n> changed"


def session_id(ref: int | str) -> int:
    """``12`` or ``"O12"`` (the schedule's reference) to the opening session's id."""
    if isinstance(ref, int):
        return ref
    text = ref.strip().upper()
    if text[:1] == "O" and text[1:].isdigit():
        return int(text[1:])
    if text.isdigit():
        return int(text)
    raise OpeningError(E_SESSION, session=ref)


def ref_of(sid: int) -> str:
    return f"O{sid}"


def id_facts(id_number: str) -> dict[str, str]:
    """A person in a payload: the masked number and its SHA-256, never the number."""
    return {
        "ID_CARD_MASKED": mask_id_number(id_number),
        "ID_CARD_SHA256": hashlib.sha256(id_number.encode()).hexdigest(),
    }


@dataclass(frozen=True)
class BidStatus:
    bid_id: int
    platform_id: str
    bidder_id: int
    bidder_name: str
    org_code: str
    state: str  # BidState
    result: str  # "" | withdrawn | retracted
    cause: str
    method: str
    price: str | None
    attempts: int
    duration: str = ""
    quality: str = ""
    entered: bool = False  # the summary was entered from the documents (no declared one)


@dataclass(frozen=True)
class OpeningStatus:
    session: str  # "O12"
    state: OpeningState
    opening_time: datetime
    started_at: datetime | None
    deadline: datetime | None
    allow_late_decrypt: bool
    bids: list[BidStatus]


@dataclass
class Locked:
    """An opening session read for change (row locked on PostgreSQL)."""

    opening: OpeningSession
    section: Section
    run: OpeningRun | None

    @property
    def state(self) -> OpeningState:
        return OpeningState(self.opening.state)

    def payload(self, **extra: Any) -> dict[str, Any]:
        return {
            "v": 1,
            "session": ref_of(self.opening.id),
            "BID_SECTION_CODE": self.section.code,
            **extra,
        }


def payload_bid(locked: Locked, bid: Bid, bidder: Bidder, **extra: object) -> dict[str, object]:
    return locked.payload(bid=bid.platform_id, ORG_CODE=bidder.org_code, **extra)


class OpeningBase:
    def __init__(
        self,
        ctx: AppContext,
        *,
        allow_late_decrypt: bool = True,
        start_guard: Callable[[], None] | None = None,
    ) -> None:
        self.ctx = ctx
        # Raises (a UserFacingError) when an opening must not start now, e.g. the sync
        # service's clock check: online and off the platform's clock beyond tolerance.
        self.start_guard = start_guard
        # Policy (DOMAIN.md check-in rule 7): may a representative who checked in after
        # the opening time decrypt? Fixed for a session when it starts, and recorded.
        self.allow_late_decrypt = allow_late_decrypt

    @contextmanager
    def _changing(self, ref: int | str, operator: UserInfo) -> Iterator[tuple[Tx, Locked]]:
        """One transaction on one session; ``opening.changed`` on the bus after commit."""
        sid = session_id(ref)
        with self.ctx.transaction(f"user:{operator.username}") as tx:
            yield tx, self._lock(tx.session, sid)
        self.ctx.bus.publish(CHANGED, session=ref_of(sid))

    @staticmethod
    def _lock(s: Session, sid: int) -> Locked:
        opening = s.execute(
            select(OpeningSession).where(OpeningSession.id == sid).with_for_update()
        ).scalar_one_or_none()
        if opening is None:
            raise OpeningError(E_SESSION, session=ref_of(sid))
        run = s.execute(select(OpeningRun).where(OpeningRun.session_id == sid)).scalar_one_or_none()
        return Locked(opening, opening.section, run)

    @staticmethod
    def _opening_bid(s: Session, locked: Locked, bid_id: int) -> OpeningBid:
        ob = s.execute(
            select(OpeningBid).where(
                OpeningBid.session_id == locked.opening.id, OpeningBid.bid_id == bid_id
            )
        ).scalar_one_or_none()
        if ob is None:
            raise OpeningError(E_NO_BID)
        return ob

    @staticmethod
    def _representative(s: Session, sid: int, checkin_id: int) -> CheckIn:
        row = s.get(CheckIn, checkin_id)
        if (
            row is None
            or row.session_kind != "opening"
            or row.session_id != sid
            or row.role != "representative"
            or row.bidder_id is None
        ):
            raise OpeningError(E_NOT_PRESENT)
        return row

    def approver(self, username: str, password: str, *, operator: UserInfo) -> UserInfo:
        """A supervisor's credentials given on the spot (the login attempt is audited)."""
        return authenticate_approver(self.ctx, username, password, operator=operator)

    def status(self, ref: int | str) -> OpeningStatus:
        sid = session_id(ref)
        with self.ctx.reading() as s:
            opening = s.get(OpeningSession, sid)
            if opening is None:
                raise OpeningError(E_SESSION, session=ref_of(sid))
            run = s.execute(
                select(OpeningRun).where(OpeningRun.session_id == sid)
            ).scalar_one_or_none()
            rows = s.execute(
                select(OpeningBid)
                .where(OpeningBid.session_id == sid)
                .order_by(OpeningBid.id)
                .options(  # four queries, not three per bid: the desk reloads this often
                    selectinload(OpeningBid.bid),
                    selectinload(OpeningBid.bidder),
                    selectinload(OpeningBid.attempts),
                )
            ).scalars()
            bids = [_bid_status(ob) for ob in rows]
            return OpeningStatus(
                session=ref_of(sid),
                state=OpeningState(opening.state),
                opening_time=opening.section.opening_time,
                started_at=opening.started_at,
                deadline=run.deadline if run else None,
                allow_late_decrypt=run.allow_late_decrypt if run else self.allow_late_decrypt,
                bids=bids,
            )


def _bid_status(ob: OpeningBid) -> BidStatus:
    bid, bidder = ob.bid, ob.bidder
    return BidStatus(
        bid_id=ob.bid_id,
        platform_id=bid.platform_id,
        bidder_id=ob.bidder_id,
        bidder_name=bidder.name,
        org_code=bidder.org_code,
        state=ob.state,
        result=ob.result,
        cause=ob.cause,
        method=ob.method,
        price=ob.price,
        attempts=len(ob.attempts),
        duration=ob.duration,
        quality=ob.quality,
        entered=ob.summary_checked_by is not None,
    )
