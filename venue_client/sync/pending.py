"""Schedule changes held for staff: a newer revision of a section whose session has
already started is not applied silently; staff apply or dismiss it (audited)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from venue_client.services.context import AppContext
from venue_client.services.vault import Vault
from venue_client.store.sync_models import PendingScheduleChange
from venue_client.sync.errors import E_NO_CHANGE, SyncError
from venue_client.sync.schedule import apply_section, venue_row


def pending_changes(ctx: AppContext) -> list[dict[str, Any]]:
    """Held changes not yet resolved, for staff (without the personal data)."""
    with ctx.reading() as s:
        rows = s.execute(
            select(PendingScheduleChange)
            .where(PendingScheduleChange.resolved_at.is_(None))
            .order_by(PendingScheduleChange.id)
        ).scalars()
        return [
            {
                "id": r.id,
                "section": r.section_code,
                "revision": r.revision,
                "changes": list(r.changes),
                "status": r.section.get("status", ""),
                "received_at": r.received_at.isoformat(),
            }
            for r in rows
        ]


def resolve_change(
    ctx: AppContext, change_id: int, actor: str, *, apply_it: bool, venue_code: str
) -> None:
    """Staff apply a held change (it overrides the running session's data) or dismiss it."""
    vault = Vault.open(ctx.settings.key_dir)
    with ctx.transaction(actor) as tx:
        row = tx.session.get(PendingScheduleChange, change_id)
        if row is None or row.resolved_at is not None:
            raise SyncError(E_NO_CHANGE, id=change_id)
        if apply_it:
            venue = venue_row(tx.session, venue_code, ctx.settings.venue.name)
            apply_section(tx, vault, venue, dict(row.section), force=True)
        row.resolved_at = tx.clock.now()
        row.resolved_by = actor
        row.resolution = "applied" if apply_it else "dismissed"
        tx.record(
            "schedule.change_resolved",
            {"v": 1, "change": row.id, "section": row.section_code, "resolution": row.resolution},
            outbox=False,
        )
