"""Audit log status and verification for the sync page, the admin page and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from venue_client.audit import log as audit_log
from venue_client.audit.note import Verifier
from venue_client.audit.verify import VerifyReport, verify_log
from venue_client.services.context import AppContext
from venue_client.store.log_models import LogHead, OutboxEntry, OutboxState


@dataclass(frozen=True)
class AuditStatus:
    tree_size: int
    root_hex: str
    checkpoint_size: int | None
    checkpoint_at: datetime | None
    outbox_pending: int


class AuditService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def status(self) -> AuditStatus:
        with self.ctx.reading() as s:
            head = s.get(LogHead, audit_log.HEAD_ID)
            last = audit_log.latest_checkpoint(s)
            pending = s.execute(
                select(func.count())
                .select_from(OutboxEntry)
                .where(OutboxEntry.state == OutboxState.PENDING)
            ).scalar_one()
            return AuditStatus(
                tree_size=head.tree_size if head else 0,
                root_hex=head.root_hash.hex() if head else "",
                checkpoint_size=last.tree_size if last else None,
                checkpoint_at=last.created_at if last else None,
                outbox_pending=int(pending),
            )

    def verify(self, extra_vkeys: list[str] | None = None) -> VerifyReport:
        """Recompute the log and check it against every checkpoint this workstation's
        key (and any ``extra_vkeys``, e.g. other desks') signed."""
        verifiers = [self.ctx.signer.verifier()]
        verifiers += [Verifier.from_vkey(v) for v in extra_vkeys or []]
        with self.ctx.reading() as s:
            return verify_log(s, verifiers, external_checkpoint=self.ctx.checkpoint_file)
