"""The outbox relay (central-api.md §4): outbox rows in ``seq`` order, in batches of at
most 500 events and 4 MiB, each with its idempotency key.

- ``acked_through`` advances only after the platform's answer *and* the local commit
  that records it; a crash in between resends the batch and the platform answers
  ``duplicate`` (success).
- ``rejected`` is final for that ``seq``: the platform acknowledges through it, so the
  relay moves on; the row stays in the outbox marked ``rejected`` with the error, is
  shown to staff and is never resent by the relay.
- 409 ``SEQ_GAP``: resend from ``expected``. 422 ``KEY_REUSED`` and 409 ``INCONSISTENT``:
  stop and raise a blocking alarm (a manager must acknowledge it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update

from venue_client.domain.beijing import BEIJING
from venue_client.services.context import AppContext
from venue_client.store.log_models import OutboxEntry, OutboxState
from venue_client.sync import alarms, state
from venue_client.sync.client import CentralClient, loads
from venue_client.sync.errors import (
    E_ALARM_BLOCKED,
    E_PROTOCOL,
    E_WS_MISMATCH,
    ConfigurationError,
    ProtocolError,
    RequestRejectedError,
    SyncBlockedError,
)

log = logging.getLogger(__name__)
MAX_EVENTS = 500
MAX_BYTES = 4 * 1024 * 1024
MAX_GAP_RETRIES = 5


@dataclass
class RelayResult:
    batches: int = 0
    applied: int = 0
    duplicate: int = 0
    rejected: list[int] = field(default_factory=list)
    acked_through: int = 0


def wire_event(row: OutboxEntry) -> bytes:
    """One event as sent: built from the stored canonical payload without re-encoding it."""
    head = {
        "seq": row.seq,
        "idempotency_key": row.idempotency_key,
        "type": row.type,
        "occurred_at": row.occurred_at.astimezone(BEIJING).isoformat(),
    }
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    return f'{text[:-1]},"payload":{row.payload}}}'.encode()


def outbox_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.reading() as s:
        rows = s.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)).all()
    return {str(k): int(v) for k, v in rows}


class OutboxRelay:
    def __init__(
        self,
        ctx: AppContext,
        client: CentralClient,
        *,
        max_events: int = MAX_EVENTS,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.ctx = ctx
        self.client = client
        self.max_events = min(max_events, MAX_EVENTS)
        self.max_bytes = min(max_bytes, MAX_BYTES)

    def _check_binding(self) -> int:
        """The outbox belongs to one platform workstation id; returns acked_through."""
        ws = self.client.workstation_id
        with self.ctx.reading() as s:
            if alarms.blocking_count(s):
                raise SyncBlockedError(E_ALARM_BLOCKED, count=alarms.blocking_count(s))
            bound = state.get(s, state.BOUND_WS)
            if not bound:
                state.put(s, state.BOUND_WS, ws)
            elif bound != ws:
                raise ConfigurationError(E_WS_MISMATCH, bound=bound, configured=ws)
            return state.get_int(s, state.ACKED_THROUGH)

    def _batch(self, start: int) -> tuple[list[int], bytes]:
        seqs: list[int] = []
        parts: list[bytes] = []
        size = len(b'{"events":[]}')
        with self.ctx.reading() as s:
            rows = s.execute(
                select(OutboxEntry)
                .where(OutboxEntry.seq >= start)
                .order_by(OutboxEntry.seq)
                .limit(self.max_events)
            ).scalars()
            for row in rows:
                if seqs and row.seq != seqs[-1] + 1:
                    break  # never send across a hole (cannot happen with a sound outbox)
                data = wire_event(row)
                if parts and size + len(data) + 1 > self.max_bytes:
                    break
                seqs.append(row.seq)
                parts.append(data)
                size += len(data) + 1
        return seqs, b'{"events":[' + b",".join(parts) + b"]}"

    def run(self, *, keep_going: Callable[[], bool] = lambda: True) -> RelayResult:
        """Send until the outbox is drained (or ``keep_going`` says stop)."""
        result = RelayResult()
        position = self._check_binding() + 1
        gap_retries = 0
        while keep_going():
            seqs, body = self._batch(position)
            if not seqs:
                break
            try:
                response = self.client.request(
                    "POST",
                    self.client.events_path(),
                    content=body,
                    headers={"Content-Type": "application/json"},
                )
            except RequestRejectedError as exc:
                position = self._refused(exc, seqs)
                gap_retries += 1
                if gap_retries > MAX_GAP_RETRIES:
                    raise
                continue
            gap_retries = 0
            acked = self._record(seqs, loads(response), result)
            result.batches += 1
            result.acked_through = max(result.acked_through, acked)
            position = acked + 1
        with self.ctx.reading() as s:
            result.acked_through = state.get_int(s, state.ACKED_THROUGH)
        return result

    def _refused(self, exc: RequestRejectedError, seqs: list[int]) -> int:
        """Handle a 4xx answer to a batch; returns where to resend from (or raises)."""
        if exc.code == "SEQ_GAP":
            expected = exc.body.get("expected")
            if not isinstance(expected, int) or expected < 1:
                raise ProtocolError(E_PROTOCOL, detail=f"SEQ_GAP without expected: {exc.body}")
            with self.ctx.reading() as s:
                top = s.execute(select(func.max(OutboxEntry.seq))).scalar_one() or 0
            if expected > top + 1:
                alarms.raise_alarm(
                    self.ctx, alarms.SERVER_AHEAD, f"expected={expected}", f"local top={top}"
                )
                raise SyncBlockedError(E_ALARM_BLOCKED, count=1) from exc
            if expected > seqs[0]:
                self._mark_acked_through(expected - 1)  # the platform holds everything below
            log.info("SEQ_GAP: resending from %d", expected)
            return expected
        kinds = {"KEY_REUSED": alarms.KEY_REUSED, "INCONSISTENT": alarms.INCONSISTENT}
        if exc.code in kinds:
            subject = f"seq {seqs[0]}-{seqs[-1]}"
            alarms.raise_alarm(self.ctx, kinds[exc.code], subject, str(exc.body))
            raise SyncBlockedError(E_ALARM_BLOCKED, count=1) from exc
        raise exc

    def _mark_acked_through(self, acked: int) -> None:
        with self.ctx.reading() as s:
            s.execute(
                update(OutboxEntry)
                .where(OutboxEntry.seq <= acked, OutboxEntry.state == OutboxState.PENDING)
                .values(state=OutboxState.ACKED, acked_at=self.ctx.clock.now())
            )
            if acked > state.get_int(s, state.ACKED_THROUGH):
                state.put(s, state.ACKED_THROUGH, acked)

    def _record(self, seqs: list[int], data: Any, result: RelayResult) -> int:
        """Commit the platform's answer; return its ``acked_through``."""
        try:
            acked = int(data["acked_through"])
            results = {int(r["seq"]): r for r in data.get("results", [])}
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(E_PROTOCOL, detail=exc) from exc
        rejected = {
            seq: r
            for seq, r in results.items()
            if r.get("status") == "rejected" and seq <= acked and seq in seqs
        }
        now = self.ctx.clock.now()
        newly_rejected: list[tuple[int, str]] = []
        with self.ctx.reading() as s:
            for seq, r in rejected.items():
                row = s.get(OutboxEntry, seq)
                if row is not None and row.state != OutboxState.REJECTED:
                    row.state = OutboxState.REJECTED
                    row.error = json.dumps(r.get("error", {}), ensure_ascii=False)
                    row.acked_at = now
                    newly_rejected.append((seq, row.type))
            s.flush()
            s.execute(
                update(OutboxEntry)
                .where(
                    OutboxEntry.seq <= acked,
                    OutboxEntry.seq >= seqs[0],
                    OutboxEntry.state == OutboxState.PENDING,
                )
                .values(state=OutboxState.ACKED, acked_at=now)
            )
            if acked > state.get_int(s, state.ACKED_THROUGH):
                state.put(s, state.ACKED_THROUGH, acked)
        for r in results.values():
            status = r.get("status")
            if status == "applied":
                result.applied += 1
            elif status == "duplicate":
                result.duplicate += 1
        for seq, type_ in newly_rejected:
            result.rejected.append(seq)
            self.ctx.bus.publish("sync.rejected", seq=seq, type=type_)
        return acked


def rejected_events(ctx: AppContext) -> list[dict[str, Any]]:
    """Rejected outbox rows for staff: seq, type, time and the platform's error."""
    with ctx.reading() as s:
        rows = s.execute(
            select(OutboxEntry)
            .where(OutboxEntry.state == OutboxState.REJECTED)
            .order_by(OutboxEntry.seq)
        ).scalars()
        return [
            {
                "seq": r.seq,
                "type": r.type,
                "occurred_at": r.occurred_at.isoformat(),
                "error": json.loads(r.error) if r.error else {},
            }
            for r in rows
        ]
