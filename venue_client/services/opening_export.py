"""The opening record (开标记录表) as a published document: rendered when the
session closes, kept in the data directory, queued for upload to the platform,
and its SHA-256 written into the audit log so the PDF can be checked later."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import select

from venue_client.reports.opening import write_opening_record
from venue_client.services.context import AppContext
from venue_client.services.opening import OpeningService
from venue_client.services.users import UserInfo
from venue_client.store.log_models import AuditEvent


def latest_audit_seq(ctx: AppContext, ref: str) -> int | None:
    """The audit log entry of the session's latest event (None before the first)."""
    with ctx.reading() as s:
        rows = s.execute(
            select(AuditEvent.seq, AuditEvent.payload)
            .where(AuditEvent.type.startswith("opening."))
            .order_by(AuditEvent.seq.desc())
        )
        for seq, payload in rows:
            try:
                if json.loads(payload).get("session") == ref:
                    return int(seq)
            except (ValueError, AttributeError):
                continue
    return None


def publish_opening_record(ctx: AppContext, ref: str, *, operator: UserInfo) -> Path:
    """Write the record's PDF under ``<data>/records/``, queue it for the platform and
    audit its hash. Returns the file."""
    from venue_client.sync.uploads import enqueue

    record = OpeningService(ctx).record_data(ref)
    folder = ctx.settings.data_dir / "records"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{record.section_code}-开标记录表.pdf"
    write_opening_record(
        record, path, generated_at=ctx.clock.now(), audit_seq=latest_audit_seq(ctx, ref)
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    enqueue(ctx, path, "opening-record", session=ref, actor=f"user:{operator.username}")
    with ctx.transaction(f"user:{operator.username}") as tx:
        tx.record(
            "opening.record_published",
            {"v": 1, "session": ref, "file": path.name, "sha256": digest},
        )
    return path
