"""Exactly one relay at a time for workstations sharing one database.

PostgreSQL: a session-level ``pg_try_advisory_lock`` held on a dedicated connection
(TCP keepalives on), so when the holder dies its connection drops, the lock goes
with it, and another workstation takes over on its next attempt (within seconds;
keepalives bound a silent network loss to ~25 s). The holder checks it still holds
the lock before every step. SQLite (one machine): a lease row with an expiry,
renewed by heartbeat.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import uuid
from datetime import timedelta
from typing import Protocol

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from venue_client.services.context import AppContext
from venue_client.store.sync_models import SyncLease

log = logging.getLogger(__name__)
LOCK_KEY = 0x76656E7565  # "venue": the relay's advisory lock key
LEASE_NAME = "relay"
TTL = timedelta(seconds=30)


class Lease(Protocol):
    def acquire(self) -> bool:
        """Take or keep the lease; True while this process holds it."""

    def release(self) -> None: ...


class PgAdvisoryLease:
    def __init__(self, url: str, key: int = LOCK_KEY) -> None:
        self.key = key
        self.engine = create_engine(
            url,
            poolclass=NullPool,
            connect_args={
                "keepalives": 1,
                "keepalives_idle": 10,
                "keepalives_interval": 5,
                "keepalives_count": 3,
                "application_name": "venue-sync-relay",
            },
        )
        self.conn: Connection | None = None
        self.held = False

    def _drop(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(DBAPIError):
                self.conn.close()
        self.conn, self.held = None, False

    def acquire(self) -> bool:
        try:
            if self.conn is None:
                self.conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            if self.held:
                still = self.conn.execute(
                    text(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        " AND pid = pg_backend_pid() AND objid = :lo AND classid = :hi"
                    ),
                    {"lo": self.key & 0xFFFFFFFF, "hi": self.key >> 32},
                ).scalar_one()
                self.held = bool(still)
                if self.held:
                    return True
            got = self.conn.execute(
                text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}
            ).scalar_one()
            self.held = bool(got)
        except DBAPIError as exc:
            log.info("relay lease connection lost: %s", type(exc).__name__)
            self._drop()
        return self.held

    def backend_pid(self) -> int | None:
        if self.conn is None:
            return None
        return int(self.conn.execute(text("SELECT pg_backend_pid()")).scalar_one())

    def release(self) -> None:
        if self.conn is not None and self.held:
            with contextlib.suppress(DBAPIError):
                self.conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
        self._drop()
        self.engine.dispose()


class SqliteLease:
    def __init__(self, ctx: AppContext, ttl: timedelta = TTL) -> None:
        self.ctx = ctx
        self.ttl = ttl
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def acquire(self) -> bool:
        now = self.ctx.clock.now()
        with self.ctx.reading() as s:
            row = s.get(SyncLease, LEASE_NAME)
            if row is None:
                s.add(SyncLease(name=LEASE_NAME, holder=self.holder, expires_at=now + self.ttl))
                return True
            if row.holder == self.holder or row.expires_at <= now or self._dead(row.holder):
                row.holder, row.expires_at = self.holder, now + self.ttl
                return True
            return False

    @staticmethod
    def _dead(holder: str) -> bool:
        """A holder on this machine whose process is gone (killed) need not be waited for."""
        host, _, rest = holder.partition(":")
        pid_text = rest.partition(":")[0]
        if host != socket.gethostname() or not pid_text.isdigit():
            return False
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    def release(self) -> None:
        with self.ctx.reading() as s:
            row = s.get(SyncLease, LEASE_NAME)
            if row is not None and row.holder == self.holder:
                s.delete(row)


def make_lease(ctx: AppContext) -> Lease:
    if ctx.db.is_postgres:
        return PgAdvisoryLease(ctx.db.url)
    return SqliteLease(ctx)
