"""Audit checkpoints witnessed by the platform (central-api.md §6): the newest signed
checkpoint is sent with an RFC 9162 consistency proof from the size the platform
witnessed last; the returned cosignature is stored on the checkpoint row. 409
``INCONSISTENT`` (the local log was rewritten) is a blocking alarm."""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import select

from venue_client.audit import log as audit_log
from venue_client.audit import merkle
from venue_client.services.context import AppContext
from venue_client.store.log_models import AuditCheckpoint, AuditEvent
from venue_client.sync import alarms, state
from venue_client.sync.client import CentralClient, loads
from venue_client.sync.errors import (
    E_ALARM_BLOCKED,
    E_PROTOCOL,
    ProtocolError,
    RequestRejectedError,
    SyncBlockedError,
)


def _send(ctx: AppContext, client: CentralClient, note: str, size: int, from_size: int) -> Any:
    proof: list[bytes] = []
    if 0 < from_size < size:
        with ctx.reading() as s:
            leaves = list(
                s.execute(
                    select(AuditEvent.leaf_hash)
                    .where(AuditEvent.seq < size)
                    .order_by(AuditEvent.seq)
                ).scalars()
            )
        proof = merkle.consistency_proof(leaves, from_size)
    body = {
        "checkpoint": note,
        "consistency_proof": [base64.b64encode(h).decode("ascii") for h in proof],
        "from_size": from_size,
    }
    try:
        return client.request("POST", client.checkpoints_path(), json_body=body)
    except RequestRejectedError as exc:
        if exc.code == "INCONSISTENT":
            alarms.raise_alarm(
                ctx, alarms.INCONSISTENT, f"checkpoint {from_size}->{size}", str(exc.body)
            )
            raise SyncBlockedError(E_ALARM_BLOCKED, count=1) from exc
        raise


def witness(ctx: AppContext, client: CentralClient) -> int | None:
    """Send the newest checkpoint when it is newer than the last witnessed one; returns
    the witnessed size, or None when there was nothing new."""
    ctx.checkpoint()
    with ctx.reading() as s:
        last = audit_log.latest_checkpoint(s)
        from_size = state.get_int(s, state.WITNESS_SIZE)
        if last is None or last.tree_size <= from_size:
            return None
        size, note, checkpoint_id = last.tree_size, last.note, last.id
    try:
        response = _send(ctx, client, note, size, from_size)
    except RequestRejectedError as exc:
        expected = exc.body.get("expected")
        if exc.code != "SIZE_MISMATCH" or not isinstance(expected, int) or expected > size:
            raise
        from_size = expected  # the platform witnessed another size: prove from there
        response = _send(ctx, client, note, size, from_size)
    data = loads(response)
    cosignature = data.get("cosignature") if isinstance(data, dict) else None
    if not isinstance(cosignature, str) or not cosignature:
        raise ProtocolError(E_PROTOCOL, detail="checkpoint answer without cosignature")
    # No audit event for this: it would grow the log and call for another checkpoint.
    with ctx.reading() as s:
        row = s.get(AuditCheckpoint, checkpoint_id)
        if row is not None:
            row.cosignature = cosignature
        state.put(s, state.WITNESS_SIZE, size)
        state.put(s, state.WITNESS_COSIGNATURE, cosignature)
    ctx.bus.publish("sync.witnessed", tree_size=size)
    return size
