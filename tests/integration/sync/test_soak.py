"""Fault-injection soak: events through random faults of every kind while the relay
process is killed with SIGKILL at random points and restarted; at the end the platform
holds every event exactly once, in order, and the outbox is empty.

300 events by default; ``VENUE_SOAK_EVENTS=2000`` for the full run (``make soak``)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.central.server import CentralServer
from tests.integration.sync.conftest import TOKEN, VENUE, WS, add_events
from venue_client.services.context import AppContext
from venue_client.store.log_models import OutboxEntry
from venue_client.sync.relay import outbox_counts

RATES = {
    "drop_before": 0.04,
    "drop_after": 0.06,
    "error_500": 0.04,
    "unavailable": 0.04,
    "rate_limited": 0.04,
    "delay": 0.02,
    "duplicate_response": 0.04,
    "replay_previous": 0.04,
    "process_twice": 0.04,
    "truncate": 0.04,
}
ROOT = Path(__file__).resolve().parents[3]


def _worker(ctx: AppContext, central: CentralServer) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "VENUE_CENTRAL_URL": central.url,
        "VENUE_CODE": VENUE,
        "VENUE_WORKSTATION_ID": WS,
        "VENUE_CENTRAL_TOKEN": TOKEN,
        "VENUE_CENTRAL_TIMEOUT_SECONDS": "3",
        "PYTHONPATH": str(ROOT),
        "SOAK_BATCH": "25",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.sync.relay_worker", str(ctx.settings.data_dir)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.soak
def test_soak_every_event_exactly_once_in_order(sctx: AppContext, central: CentralServer) -> None:
    total = int(os.environ.get("VENUE_SOAK_EVENTS", "300"))
    seed = int(os.environ.get("VENUE_SOAK_SEED", "20261127"))
    rng = random.Random(seed)
    central.faults.random(seed, RATES, path=r"/events$", retry_after=0, seconds=0.2)
    kills = max(6, total // 100)
    per_round = total // (kills + 1)
    added = 0
    for _ in range(kills):
        n = per_round
        add_events(sctx, n, start=added)
        added += n
        proc = _worker(sctx, central)
        time.sleep(rng.uniform(0.05, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    add_events(sctx, total - added, start=added)
    proc = _worker(sctx, central)
    try:
        _, err = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err.decode()[-2000:]
    events = central.platform.events(WS, include_rejected=True)
    assert [e.seq for e in events] == list(range(1, total + 1))
    assert [e.payload["n"] for e in events] == list(range(total))
    with sctx.reading() as s:
        keys = dict(s.execute(select(OutboxEntry.seq, OutboxEntry.idempotency_key)).all())
    assert all(keys[e.seq] == e.idempotency_key for e in events)
    assert all(e.status == "applied" for e in events)
    assert outbox_counts(sctx) == {"acked": total}
    kinds = {k for k, _m, _p in central.faults.injected}
    assert len(kinds) >= 6, kinds
