"""The audit log in the database: appending events (with their outbox rows) and
signing checkpoints.

Every state change calls :func:`append_event` inside the transaction that writes
its business rows, so the rows, the audit leaf and the outbox entry commit or
roll back together (ARCHITECTURE rule 4). Appends are serialised by the single
``log_head`` row, which carries the Merkle frontier so the new root costs
O(log n) per event.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from venue_client.audit import merkle
from venue_client.audit.note import Checkpoint, Signer, sign_note
from venue_client.store.log_models import AuditCheckpoint, AuditEvent, LogHead, Meta, OutboxEntry

HEAD_ID = 1
ORIGIN_KEY = "audit.origin"


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 text; floats are refused
    (money travels as decimal strings, central-api.md)."""

    def refuse(obj: Any) -> Any:
        raise TypeError(f"not canonical JSON: {type(obj).__name__}")

    _reject_floats(value)
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=refuse
    )


def _reject_floats(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("floats are not allowed in audit payloads; use decimal strings")
    if isinstance(value, Mapping):
        for v in value.values():
            _reject_floats(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _reject_floats(v)


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with microseconds, the form hashed into leaves."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def leaf_bytes(
    seq: int, occurred_at: datetime, type_: str, actor: str, workstation: str, payload_json: str
) -> bytes:
    """The canonical JSON of one event, exactly as it is hashed into the tree."""
    event = {
        "seq": seq,
        "time": format_time(occurred_at),
        "type": type_,
        "actor": actor,
        "ws": workstation,
        "payload": json.loads(payload_json),
    }
    return canonical_json(event).encode("utf-8")


def row_leaf_bytes(row: AuditEvent) -> bytes:
    return leaf_bytes(row.seq, row.occurred_at, row.type, row.actor, row.workstation, row.payload)


def _load_head(session: Session) -> LogHead:
    head = session.execute(
        select(LogHead).where(LogHead.id == HEAD_ID).with_for_update()
    ).scalar_one_or_none()
    if head is None:  # created by the first migration; recreated only on a damaged database
        raise RuntimeError("audit log head row is missing; run `venue-admin db upgrade`")
    return head


def _frontier(head: LogHead) -> list[bytes]:
    return [bytes.fromhex(h) for h in json.loads(head.frontier)]


@dataclass(frozen=True)
class Appended:
    seq: int
    outbox_seq: int | None


def append_event(
    session: Session,
    type_: str,
    payload: Mapping[str, Any],
    *,
    actor: str,
    workstation: str,
    occurred_at: datetime | None = None,
    outbox: bool = True,
) -> Appended:
    """Append one event to the log (and, unless ``outbox`` is false, to the outbox)
    in the caller's transaction."""
    head = _load_head(session)
    moment = occurred_at or datetime.now(UTC)
    payload_json = canonical_json(dict(payload))
    seq = head.tree_size
    leaf = merkle.leaf_hash(leaf_bytes(seq, moment, type_, actor, workstation, payload_json))
    tree = merkle.CompactTree.from_frontier(seq, _frontier(head))
    tree.append(leaf)
    session.add(
        AuditEvent(
            seq=seq,
            occurred_at=moment,
            type=type_,
            actor=actor,
            workstation=workstation,
            payload=payload_json,
            leaf_hash=leaf,
        )
    )
    head.tree_size = tree.size
    head.root_hash = tree.root()
    head.frontier = json.dumps([h.hex() for h in tree.frontier])
    outbox_seq = None
    if outbox:
        head.outbox_seq += 1
        outbox_seq = head.outbox_seq
        session.add(
            OutboxEntry(
                seq=outbox_seq,
                idempotency_key=str(uuid.uuid4()),
                type=type_,
                occurred_at=moment,
                payload=payload_json,
                audit_seq=seq,
            )
        )
    session.flush()
    return Appended(seq=seq, outbox_seq=outbox_seq)


def log_origin(session: Session) -> str:
    """The log's origin line: created once per database, stable for its lifetime."""
    row = session.get(Meta, ORIGIN_KEY)
    if row is None:
        row = Meta(key=ORIGIN_KEY, value=f"venue-client.local/audit/{uuid.uuid4()}")
        session.add(row)
        session.flush()
    return row.value


def latest_checkpoint(session: Session) -> AuditCheckpoint | None:
    return session.execute(
        select(AuditCheckpoint).order_by(AuditCheckpoint.tree_size.desc()).limit(1)
    ).scalar_one_or_none()


def make_checkpoint(
    session: Session, signer: Signer, *, now: datetime | None = None, force: bool = False
) -> AuditCheckpoint | None:
    """Sign the current head when it grew since the last checkpoint (or ``force``)."""
    head = _load_head(session)
    last = latest_checkpoint(session)
    if last is not None and last.tree_size >= head.tree_size and not force:
        return None
    if head.tree_size == 0 and not force:
        return None
    body = Checkpoint(origin=log_origin(session), size=head.tree_size, root_hash=head.root_hash)
    note = sign_note(body.to_text(), signer)
    row = AuditCheckpoint(
        tree_size=head.tree_size,
        root_hash=head.root_hash,
        note=note,
        created_at=now or datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row


def event_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


def write_checkpoint_file(path: Path, note: str) -> None:
    """Keep the newest signed checkpoint outside the database too (atomic replace), so
    rewriting the database alone cannot hide a rewritten log."""
    from venue_client.fileutil import atomic_write_text

    atomic_write_text(path, note)
