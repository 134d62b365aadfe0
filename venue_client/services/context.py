"""The application context: settings, database, workstation identity, audit signer,
event bus and clock, built once by the composition root (or the CLI), and the
transaction helper every state change goes through."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from venue_client.audit import log as audit_log
from venue_client.audit.note import Signer, generate_signer_key
from venue_client.config import Settings
from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.fileutil import atomic_write_text
from venue_client.services.clock import Clock
from venue_client.services.events import EventBus
from venue_client.store.database import Database, open_database
from venue_client.store.log_models import AuditCheckpoint, Meta

log = logging.getLogger(__name__)

E_DATA_DIR = QT_TRANSLATE_NOOP("context", "无法使用数据目录 {path}：{detail}")
E_KEY_FILE = QT_TRANSLATE_NOOP("context", "审计签名密钥文件 {path} 无法读取或已损坏：{detail}")
WORKSTATION_KEY = "workstation.id"
SIGNING_KEY_FILE = "audit-signing.key"


def ensure_data_dir(path: Path) -> Path:
    """Create the data directory privately and prove it is writable."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        probe = path / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UserFacingError(E_DATA_DIR, path=path, detail=exc.strerror or exc) from exc
    return path


def load_signer(key_dir: Path, name: str) -> Signer:
    """The workstation's audit signing key, created on first use (mode 0600)."""
    path = key_dir / SIGNING_KEY_FILE
    if not path.exists():
        key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write_text(path, generate_signer_key(name) + "\n")
    try:
        return Signer.from_key(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError) as exc:
        raise UserFacingError(E_KEY_FILE, path=path, detail=exc) from exc


@dataclass
class Tx:
    """One unit of work: business rows, audit events and outbox rows commit together."""

    session: Session
    actor: str
    workstation: str
    clock: Clock
    published: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def record(self, type_: str, payload: Mapping[str, Any], *, outbox: bool = True) -> int:
        """Append an audit event (and an outbox row unless ``outbox`` is false); the
        bus hears of it after the commit."""
        appended = audit_log.append_event(
            self.session,
            type_,
            payload,
            actor=self.actor,
            workstation=self.workstation,
            occurred_at=self.clock.now(),
            outbox=outbox,
        )
        self.published.append((type_, {"seq": appended.seq, **payload}))
        return appended.seq


@dataclass
class AppContext:
    settings: Settings
    db: Database
    workstation_id: str
    signer: Signer
    bus: EventBus = field(default_factory=EventBus)
    clock: Clock = field(default_factory=Clock)

    @property
    def checkpoint_file(self) -> Path:
        return self.settings.data_dir / "audit" / "latest-checkpoint.note"

    @contextmanager
    def transaction(self, actor: str) -> Iterator[Tx]:
        with self.db.session() as session:
            tx = Tx(session, actor, self.workstation_id, self.clock)
            yield tx
        for name, data in tx.published:
            self.bus.publish(name, **data)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.db.session() as session:
            yield session

    def checkpoint(self, *, force: bool = False) -> AuditCheckpoint | None:
        """Sign the log head when it grew; keep the newest note outside the database too."""
        with self.db.session() as session:
            row = audit_log.make_checkpoint(session, self.signer, now=self.clock.now(), force=force)
        if row is not None:
            atomic_write_text(self.checkpoint_file, row.note)
            self.bus.publish("audit.checkpoint", tree_size=row.tree_size)
        return row

    def close(self) -> None:
        self.db.dispose()


def _workstation_id(db: Database, configured: str) -> str:
    with db.session() as session:
        row = session.get(Meta, WORKSTATION_KEY)
        if configured:
            if row is None:
                session.add(Meta(key=WORKSTATION_KEY, value=configured))
            return configured
        if row is None:
            row = Meta(key=WORKSTATION_KEY, value=f"ws-{uuid.uuid4().hex[:12]}")
            session.add(row)
        return row.value


def open_context(settings: Settings, *, upgrade: bool = True) -> AppContext:
    """Open everything a venue client needs; raise ``UserFacingError`` when it cannot."""
    ensure_data_dir(settings.data_dir)
    db = open_database(settings.database_url, upgrade=upgrade)
    try:
        workstation = _workstation_id(db, settings.workstation.id)
        signer = load_signer(settings.key_dir, f"venue-client-{workstation}")
    except BaseException:
        db.dispose()
        raise
    return AppContext(settings=settings, db=db, workstation_id=workstation, signer=signer)
