"""Sync alarms (告警): persisted, audited, published on the bus, shown to staff and the
manager. A *blocking* alarm (reused idempotency key, rewritten log, a platform that is
ahead of the outbox) stops everything that sends to the platform until a manager
acknowledges it; a tampered bid download is shown but does not stop the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text
from venue_client.services.context import AppContext
from venue_client.services.users import UserInfo
from venue_client.store.log_models import Role
from venue_client.store.sync_models import SyncAlarm
from venue_client.sync.errors import E_NO_ALARM, E_NOT_MANAGER, SyncError

KEY_REUSED = "key_reused"
INCONSISTENT = "inconsistent"
SERVER_AHEAD = "server_ahead"
TAMPERED_BID = "tampered_bid"
UPLOAD_FAILED = "upload_failed"
BLOCKING = {KEY_REUSED, INCONSISTENT, SERVER_AHEAD}

LABELS: dict[str, Text] = {
    KEY_REUSED: QT_TRANSLATE_NOOP("sync", "幂等键被重复使用但内容不同（客户端缺陷或数据被篡改）"),
    INCONSISTENT: QT_TRANSLATE_NOOP("sync", "交易平台发现本地审计日志被改写"),
    SERVER_AHEAD: QT_TRANSLATE_NOOP("sync", "交易平台记录的事件多于本地发件箱"),
    TAMPERED_BID: QT_TRANSLATE_NOOP("sync", "投标文件下载后的哈希与回执不符（疑似篡改）"),
    UPLOAD_FAILED: QT_TRANSLATE_NOOP("sync", "文件多次上传校验失败"),
}


@dataclass(frozen=True)
class AlarmView:
    id: int
    kind: str
    blocking: bool
    subject: str
    detail: str
    raised_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None

    @property
    def label(self) -> Text:
        return LABELS.get(self.kind, QT_TRANSLATE_NOOP("sync", "同步告警"))


def _view(row: SyncAlarm) -> AlarmView:
    return AlarmView(
        row.id,
        row.kind,
        row.blocking,
        row.subject,
        row.detail,
        row.raised_at,
        row.acknowledged_at,
        row.acknowledged_by,
    )


def raise_alarm(ctx: AppContext, kind: str, subject: str, detail: str) -> AlarmView:
    """Persist and audit an alarm (one open alarm per kind and subject), then publish it."""
    with ctx.transaction("system:sync") as tx:
        row = tx.session.execute(
            select(SyncAlarm).where(
                SyncAlarm.kind == kind,
                SyncAlarm.subject == subject,
                SyncAlarm.acknowledged_at.is_(None),
            )
        ).scalar_one_or_none()
        if row is None:
            row = SyncAlarm(
                kind=kind,
                blocking=kind in BLOCKING,
                subject=subject,
                detail=detail[:2000],
                raised_at=ctx.clock.now(),
            )
            tx.session.add(row)
            tx.session.flush()
            payload: dict[str, Any] = {
                "v": 1,
                "alarm": row.id,
                "kind": kind,
                "blocking": row.blocking,
                "subject": subject,
                "detail": detail[:2000],
            }
            tx.record("sync.alarm_raised", payload, outbox=False)
        view = _view(row)
    ctx.bus.publish("sync.alarm", id=view.id, kind=kind, blocking=view.blocking, subject=subject)
    return view


def open_alarms(session: Session) -> list[AlarmView]:
    rows = session.execute(
        select(SyncAlarm).where(SyncAlarm.acknowledged_at.is_(None)).order_by(SyncAlarm.id)
    ).scalars()
    return [_view(r) for r in rows]


def blocking_count(session: Session) -> int:
    return int(
        session.execute(
            select(func.count())
            .select_from(SyncAlarm)
            .where(SyncAlarm.acknowledged_at.is_(None), SyncAlarm.blocking.is_(True))
        ).scalar_one()
    )


def acknowledge(ctx: AppContext, alarm_id: int, manager: UserInfo, note: str = "") -> AlarmView:
    """A manager (分中心管理员) has seen the alarm; a blocking one lets sync resume."""
    if manager.role != Role.MANAGER:
        raise SyncError(E_NOT_MANAGER)
    actor = f"user:{manager.username}"
    with ctx.transaction(actor) as tx:
        row = tx.session.get(SyncAlarm, alarm_id)
        if row is None:
            raise SyncError(E_NO_ALARM, id=alarm_id)
        if row.acknowledged_at is None:
            row.acknowledged_at = ctx.clock.now()
            row.acknowledged_by = manager.username
            tx.record(
                "sync.alarm_acknowledged",
                {"v": 1, "alarm": row.id, "kind": row.kind, "note": note},
                outbox=False,
            )
        view = _view(row)
    ctx.bus.publish("sync.alarm_acknowledged", id=view.id, kind=view.kind)
    return view
