"""One relay at a time: the PostgreSQL advisory lock (takeover when the holder's
connection is killed) and the SQLite lease row."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import text

from tests.central.server import CentralServer
from tests.integration.sync.conftest import WS, add_events, fast_client
from venue_client.services.context import AppContext
from venue_client.sync.lease import PgAdvisoryLease, SqliteLease
from venue_client.sync.service import SyncService

PG = pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def _terminate(ctx: AppContext, pid: int) -> None:
    with ctx.db.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})


def _within(seconds: float, attempt: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if attempt():
            return True
        time.sleep(0.1)
    return False


@PG
def test_pg_one_holder_and_takeover_after_connection_killed(sctx: AppContext) -> None:
    a, b = PgAdvisoryLease(sctx.db.url), PgAdvisoryLease(sctx.db.url)
    try:
        assert a.acquire() and a.acquire()
        assert not b.acquire()
        pid = a.backend_pid()
        assert pid is not None
        _terminate(sctx, pid)  # the holder "dies": its session ends, the lock goes with it
        assert _within(30, b.acquire)  # the backend exits asynchronously: poll as the loop does
        assert not a.acquire()  # the old holder notices and does not relay
        assert not a.acquire()
        b.release()
        assert a.acquire()
    finally:
        a.release()
        b.release()


@PG
def test_pg_two_relays_deliver_once(sctx: AppContext, central: CentralServer) -> None:
    add_events(sctx, 700)
    one = SyncService(sctx, client=fast_client(sctx))
    two = SyncService(sctx, client=fast_client(sctx))
    try:
        first = one.run_once()
        second = two.run_once()
        assert first.leader and not second.leader
        assert len(central.platform.events(WS)) == 700
        lease = one.lease
        assert isinstance(lease, PgAdvisoryLease) and lease.backend_pid()
        add_events(sctx, 300, start=700)
        _terminate(sctx, lease.backend_pid() or 0)
        assert _within(30, lambda: two.run_once().leader)
        assert two.run_once().ok
        assert not one.run_once().leader
        events = central.platform.events(WS)
        assert [e.seq for e in events] == list(range(1, 1001))
    finally:
        one.stop()
        two.stop()


def test_sqlite_lease_expires_and_heartbeats(sctx: AppContext) -> None:
    a = SqliteLease(sctx, ttl=timedelta(seconds=30))
    b = SqliteLease(sctx, ttl=timedelta(seconds=30))
    assert a.acquire() and not b.acquire() and a.acquire()
    sctx.clock.set_offset(timedelta(seconds=31), "test")  # a stopped heartbeating
    assert b.acquire() and not a.acquire()
    b.release()
    assert a.acquire()
