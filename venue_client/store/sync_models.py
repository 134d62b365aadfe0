"""Rows of the platform synchronisation (central-api.md): its persisted state
(cursor, acknowledged outbox position, measured clock skew), alarms that stop
sync until a manager acknowledges them, schedule changes held for staff, the
upload queue, sealed expert lists and the relay lease.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from venue_client.store.models import Base


class SyncState(Base):
    """Key/value state of the sync (``schedule.cursor``, ``outbox.acked_through``, ...)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncAlarm(Base):
    """Something staff and the manager must see: a tampered bid, a rewritten log, a
    reused idempotency key. ``blocking`` alarms stop sending until a manager
    acknowledges them."""

    __tablename__ = "sync_alarm"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    blocking: Mapped[bool] = mapped_column(default=False)
    subject: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    raised_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))


class PendingScheduleChange(Base):
    """A platform change to a section whose session has already started: held for staff
    instead of being applied silently."""

    __tablename__ = "sync_pending_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    section_code: Mapped[str] = mapped_column(String(64), index=True)  # BID_SECTION_CODE
    revision: Mapped[int] = mapped_column(Integer)
    section: Mapped[dict[str, Any]]  # the section as received (ID numbers included)
    changes: Mapped[list[str]]  # names of the changed fields
    received_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolution: Mapped[str] = mapped_column(String(16), default="")  # applied | dismissed


class SealedExpertList(Base):
    """The drawn experts of an evaluation session, encrypted (vault) until it starts."""

    __tablename__ = "sync_sealed_experts"
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_session_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_session.id", name="fk_sealed_experts_session"), unique=True
    )
    blob_id: Mapped[int] = mapped_column(
        ForeignKey("personal_blob.id", name="fk_sealed_experts_blob")
    )
    revision: Mapped[int] = mapped_column(Integer)
    sealed_at: Mapped[datetime]
    unsealed_at: Mapped[datetime | None]


class UploadState:
    QUEUED = "queued"
    DONE = "done"
    FAILED = "failed"


class UploadItem(Base):
    """A file to upload (recording segment, PDF, snapshot), resumable across restarts."""

    __tablename__ = "sync_upload"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    path: Mapped[str] = mapped_column(String(500))
    session: Mapped[str] = mapped_column(String(64), default="")
    camera: Mapped[str] = mapped_column(String(100), default="")
    segment: Mapped[str] = mapped_column(String(64), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    url: Mapped[str | None] = mapped_column(String(500))
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    state: Mapped[str] = mapped_column(String(16), default=UploadState.QUEUED, index=True)
    restarts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class SyncLease(Base):
    """The relay lease on SQLite (one machine): holder and expiry, renewed by heartbeat.
    PostgreSQL uses a session-level advisory lock instead."""

    __tablename__ = "sync_lease"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    expires_at: Mapped[datetime]
