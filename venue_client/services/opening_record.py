"""The opening record (开标记录表) as plain data, for the PDF and the large screen:
the session's time, place, host and supervisor; per bidder its price, duration,
quality, decryption result, representatives and remarks; objections with their
answers; confirmations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message, Text
from venue_client.domain.opening import BidState, Cause, OpeningError, OpeningState, Result
from venue_client.services.opening_common import E_SESSION, ref_of
from venue_client.store.log_models import User
from venue_client.store.models import CheckIn, OpeningSession
from venue_client.store.opening_models import (
    OpeningBid,
    OpeningConfirmation,
    OpeningObjection,
    OpeningRun,
)

CAUSE_LABELS: dict[Cause, Text] = {
    Cause.WRONG_KEY: QT_TRANSLATE_NOOP("opening", "密钥错误"),
    Cause.KEY_MISSING: QT_TRANSLATE_NOOP("opening", "未提供可用密钥"),
    Cause.CORRUPT_CIPHERTEXT: QT_TRANSLATE_NOOP("opening", "投标文件密文损坏"),
    Cause.RECEIPT_MISMATCH: QT_TRANSLATE_NOOP("opening", "投标文件与回执不符"),
    Cause.DEADLINE_PASSED: QT_TRANSLATE_NOOP("opening", "解密时间已截止"),
    Cause.OTHER: QT_TRANSLATE_NOOP("opening", "其他原因"),
}
RESULT_LABELS: dict[str, Text] = {
    BidState.DECRYPTED: QT_TRANSLATE_NOOP("opening", "解密成功"),
    Result.WITHDRAWN: QT_TRANSLATE_NOOP("opening", "视为撤销投标文件"),
    Result.RETRACTED: QT_TRANSLATE_NOOP("opening", "视为撤回投标文件"),
    BidState.NOT_STARTED: QT_TRANSLATE_NOOP("opening", "未解密"),
    BidState.DECRYPTING: QT_TRANSLATE_NOOP("opening", "解密中"),
    BidState.FAILED: QT_TRANSLATE_NOOP("opening", "解密失败"),
}
REMARK_BACKUP = QT_TRANSLATE_NOOP("opening", "使用平台备用密钥解密（监标人 {name} 批准）")
REMARK_ENTERED = QT_TRANSLATE_NOOP("opening", "开标一览表据投标文件录入（监标人 {name} 核对）")
REMARK_LATE = QT_TRANSLATE_NOOP("opening", "投标人代表迟到签到")
REMARK_NOT_DECRYPTED = QT_TRANSLATE_NOOP("opening", "{result}：{cause}")
REMARK_ABSENT = QT_TRANSLATE_NOOP("opening", "投标人代表未到场")


@dataclass(frozen=True)
class RecordBidder:
    name: str
    org_code: str
    bid: str  # the platform's bid id
    price: str | None  # decimal string in the record's price unit; None if not decrypted
    duration: str
    quality: str
    other_items: dict[str, Any]
    decryption: str  # decrypted | withdrawn | retracted | failed | not_started | ""
    decryption_label: Text | None
    cause: str
    method: str  # token | backup, when decrypted
    representatives: list[str]
    late: bool
    remarks: list[Message] = field(default_factory=list)


@dataclass(frozen=True)
class RecordObjection:
    bidder: str
    raised_by: str
    text: str
    raised_at: datetime
    answer: str | None
    answered_by: str
    answered_at: datetime | None


@dataclass(frozen=True)
class RecordConfirmation:
    bidder: str
    person: str
    method: str  # screen | signature
    signed: bool
    confirmed_at: datetime


@dataclass(frozen=True)
class OpeningRecordData:
    session: str
    state: OpeningState
    outcome: str  # opened | no_opening | ""
    project_code: str
    project_name: str
    tenderer: str
    agency: str
    section_code: str
    section_name: str
    opening_time: datetime
    started_at: datetime | None
    deadline: datetime | None
    decryption_closed_at: datetime | None
    closed_at: datetime | None
    venue: str
    room_code: str
    room_name: str
    host: str
    supervisor: str
    price_unit: str
    allow_late_decrypt: bool
    bidders: list[RecordBidder]
    objections: list[RecordObjection]
    confirmations: list[RecordConfirmation]


def read_record(s: Session, sid: int) -> OpeningRecordData:
    opening = s.get(OpeningSession, sid)
    if opening is None:
        raise OpeningError(E_SESSION, session=ref_of(sid))
    section, room = opening.section, opening.room
    run = s.execute(select(OpeningRun).where(OpeningRun.session_id == sid)).scalar_one_or_none()
    names = {u.id: u.display_name for u in s.execute(select(User)).scalars()}
    by_bidder = {
        ob.bidder_id: ob
        for ob in s.execute(select(OpeningBid).where(OpeningBid.session_id == sid)).scalars()
    }
    checkins = list(
        s.execute(
            select(CheckIn)
            .where(CheckIn.session_kind == "opening", CheckIn.session_id == sid)
            .order_by(CheckIn.checked_in_at)
        ).scalars()
    )
    bidder_names = {b.id: b.name for b in section.bidders}
    bidders = [
        _bidder(b.id, b.name, b.org_code, by_bidder.get(b.id), checkins, names)
        for b in section.bidders
    ]
    objections = [
        RecordObjection(
            bidder=bidder_names.get(o.bidder_id, ""),
            raised_by=o.raised_by_name,
            text=o.text,
            raised_at=o.raised_at,
            answer=o.answer,
            answered_by=names.get(o.answered_by or 0, ""),
            answered_at=o.answered_at,
        )
        for o in s.execute(
            select(OpeningObjection)
            .where(OpeningObjection.session_id == sid)
            .order_by(OpeningObjection.id)
        ).scalars()
    ]
    confirmations = [
        RecordConfirmation(
            bidder=bidder_names.get(c.bidder_id or 0, ""),
            person=c.person_name,
            method=c.method,
            signed=bool(c.signature_b64),
            confirmed_at=c.confirmed_at,
        )
        for c in s.execute(
            select(OpeningConfirmation)
            .where(OpeningConfirmation.session_id == sid)
            .order_by(OpeningConfirmation.id)
        ).scalars()
    ]
    return OpeningRecordData(
        session=ref_of(sid),
        state=OpeningState(opening.state),
        outcome=run.outcome if run else "",
        project_code=section.project.code,
        project_name=section.project.name,
        tenderer=section.project.tenderer,
        agency=section.project.agency,
        section_code=section.code,
        section_name=section.name,
        opening_time=section.opening_time,
        started_at=opening.started_at,
        deadline=run.deadline if run else None,
        decryption_closed_at=run.decryption_closed_at if run else None,
        closed_at=run.closed_at if run else None,
        venue=room.venue.name,
        room_code=room.code,
        room_name=room.name,
        host=names.get(run.host_id or 0, "") if run else "",
        supervisor=names.get(run.supervisor_id or 0, "") if run else "",
        price_unit=section.price_unit,
        allow_late_decrypt=run.allow_late_decrypt if run else True,
        bidders=bidders,
        objections=objections,
        confirmations=confirmations,
    )


def _bidder(
    bidder_id: int,
    name: str,
    org_code: str,
    ob: OpeningBid | None,
    checkins: list[CheckIn],
    users: dict[int, str],
) -> RecordBidder:
    present = [c for c in checkins if c.bidder_id == bidder_id]
    late = bool(present) and all(c.late for c in present)
    remarks: list[Message] = []
    if not present:
        remarks.append(Message(REMARK_ABSENT))
    elif late:
        remarks.append(Message(REMARK_LATE))
    decryption = ""
    if ob is not None:
        decryption = ob.result or ob.state
        success = next((a for a in ob.attempts if a.outcome == "success"), None)
        if success is not None and success.method == "backup":
            remarks.append(Message(REMARK_BACKUP, name=users.get(success.approved_by or 0, "")))
        if ob.summary_checked_by is not None:
            remarks.append(Message(REMARK_ENTERED, name=users.get(ob.summary_checked_by, "")))
        if ob.result:
            label = RESULT_LABELS[ob.result]
            remarks.append(
                Message(REMARK_NOT_DECRYPTED, result=label, cause=CAUSE_LABELS[Cause(ob.cause)])
            )
    return RecordBidder(
        name=name,
        org_code=org_code,
        bid=ob.bid.platform_id if ob else "",
        price=ob.price if ob else None,
        duration=ob.duration if ob else "",
        quality=ob.quality if ob else "",
        other_items=dict(ob.other_items) if ob else {},
        decryption=decryption,
        decryption_label=RESULT_LABELS.get(decryption),
        cause=ob.cause if ob else "",
        method=ob.method if ob else "",
        representatives=[c.person_name for c in present],
        late=late,
        remarks=remarks,
    )
