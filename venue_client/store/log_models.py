"""Rows of the record itself: users, the audit log, its checkpoints and the outbox."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from venue_client.store.models import Base


class Role(StrEnum):
    DESK_STAFF = "desk_staff"  # 开标台工作人员 / 主持人
    SUPERVISOR = "supervisor"  # 监标人 / 现场监督
    ROOM_STEWARD = "room_steward"  # 评标室管理员
    EVALUATOR = "evaluator"  # 评标专家
    MANAGER = "manager"  # 分中心管理员
    ADMIN = "admin"  # 系统管理员


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[Role] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class AuditEvent(Base):
    """One leaf of the audit log. ``seq`` is the leaf index (0-based, no gaps).

    The leaf hash is SHA-256(0x00 ‖ canonical JSON of the event); ``leaf_hash`` keeps
    what was computed at append time so that verification can name the first row
    whose content no longer matches.
    """

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime]
    type: Mapped[str] = mapped_column(String(64), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class LogHead(Base):
    """The single row that serialises appends: sizes, the Merkle frontier, the outbox counter.

    Every writing transaction locks it (``SELECT ... FOR UPDATE`` on PostgreSQL, the
    database write lock on SQLite), so desks sharing one database append in one order.
    """

    __tablename__ = "log_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    tree_size: Mapped[int] = mapped_column(default=0)
    root_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    frontier: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of hex subtree roots
    outbox_seq: Mapped[int] = mapped_column(default=0)


class AuditCheckpoint(Base):
    """A signed checkpoint (C2SP tlog-checkpoint in a signed note) of the log."""

    __tablename__ = "audit_checkpoint"
    id: Mapped[int] = mapped_column(primary_key=True)
    tree_size: Mapped[int] = mapped_column(index=True)
    root_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    cosignature: Mapped[str | None] = mapped_column(Text)  # the platform's witness line


class OutboxState(StrEnum):
    PENDING = "pending"
    ACKED = "acked"
    REJECTED = "rejected"


class OutboxEntry(Base):
    """An event for the central platform (central-api.md §4), ``seq`` from 1 without gaps."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime]
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    audit_seq: Mapped[int]
    state: Mapped[OutboxState] = mapped_column(String(16), default=OutboxState.PENDING, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    acked_at: Mapped[datetime | None]


class Meta(Base):
    """Key/value facts about this database (workstation id, log origin, schema notes)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
