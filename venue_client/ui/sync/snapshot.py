"""What the 同步 page shows, read in one go on a worker thread (no widgets here), and
the page's memory of recent sync events (the service keeps no pass history)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from venue_client.services.audit import AuditStatus
from venue_client.store.sync_models import UploadItem
from venue_client.sync import alarms, pending
from venue_client.sync.relay import outbox_counts, rejected_events
from venue_client.sync.service import SyncStatus
from venue_client.ui.env import UiEnv

UPLOADS_SHOWN = 50
HISTORY_KEPT = 50
HISTORY_EVENTS = frozenset(
    {
        "sync.status",
        "sync.online",
        "sync.alarm",
        "sync.alarm_acknowledged",
        "sync.rejected",
        "sync.pending_change",
        "sync.prefetch_done",
        "sync.upload_done",
    }
)


@dataclass(frozen=True)
class UploadRow:
    id: int
    name: str
    kind: str
    size: int
    offset: int
    state: str
    error: str


@dataclass(frozen=True)
class SyncSnapshot:
    configured: bool
    status: SyncStatus | None  # None: no sync service in this process
    audit: AuditStatus
    pending_events: int
    rejected_count: int
    alarms: list[alarms.AlarmView]
    rejected: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    uploads: list[UploadRow]


def _uploads(env: UiEnv) -> list[UploadRow]:
    with env.ctx.reading() as s:
        rows = s.execute(
            select(UploadItem).order_by(UploadItem.id.desc()).limit(UPLOADS_SHOWN)
        ).scalars()
        return [
            UploadRow(r.id, Path(r.path).name, r.kind, r.size, r.offset, r.state, r.error)
            for r in rows
        ]


def load_snapshot(env: UiEnv) -> SyncSnapshot:
    """Everything the page shows (worker thread)."""
    status = env.sync.status() if env.sync is not None else None
    if status is not None:
        open_alarms = status.alarms
        waiting, rejected_count = status.outbox_pending, status.outbox_rejected
    else:
        with env.ctx.reading() as s:
            open_alarms = alarms.open_alarms(s)
        counts = outbox_counts(env.ctx)
        waiting, rejected_count = counts.get("pending", 0), counts.get("rejected", 0)
    return SyncSnapshot(
        configured=bool(env.ctx.settings.central.url),
        status=status,
        audit=env.audit.status(),
        pending_events=waiting,
        rejected_count=rejected_count,
        alarms=open_alarms,
        rejected=rejected_events(env.ctx),
        changes=pending.pending_changes(env.ctx),
        uploads=_uploads(env),
    )


def error_text(error: object) -> str:
    """The platform's error object of a rejected event as one line: "CODE：message"."""
    if isinstance(error, dict):
        code, message = str(error.get("code", "")), str(error.get("message", ""))
        return f"{code}：{message}" if code and message else code or message or "-"
    return str(error or "-")


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    name: str
    data: dict[str, Any]


@dataclass
class SyncHistory:
    """The last ``HISTORY_KEPT`` sync events heard (newest first): passes, going on- and
    offline, alarms, rejections, held changes, finished transfers. Download progress
    ticks are left out (shown as progress instead), and so are the audit records that
    repeat a bus event (``sync.alarm_raised``; ``sync.alarm_acknowledged`` without ``id``)."""

    entries: deque[HistoryEntry] = field(default_factory=lambda: deque(maxlen=HISTORY_KEPT))

    def add(self, at: datetime, name: str, data: dict[str, Any]) -> bool:
        if name not in HISTORY_EVENTS or (name == "sync.alarm_acknowledged" and "id" not in data):
            return False
        self.entries.appendleft(HistoryEntry(at, name, dict(data)))
        return True
