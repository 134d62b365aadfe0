"""Persisted sync state (``sync_state`` key/value rows) read and written in the
caller's transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from venue_client.store.sync_models import SyncState

CURSOR = "schedule.cursor"
ACKED_THROUGH = "outbox.acked_through"
BOUND_WS = "outbox.workstation"
WITNESS_SIZE = "witness.size"
WITNESS_COSIGNATURE = "witness.cosignature"
LAST_SUCCESS = "last_success"
SKEW = "clock.skew_seconds"
SKEW_AT = "clock.measured_at"


def get(session: Session, key: str, default: str = "") -> str:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def get_int(session: Session, key: str, default: int = 0) -> int:
    value = get(session, key)
    return int(value) if value else default


def put(session: Session, key: str, value: str | int) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=str(value)))
    else:
        row.value = str(value)
    session.flush()
