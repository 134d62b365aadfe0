"""The confidential expert list (评标专家名单): stored encrypted with the venue's data
key (vault) when the schedule arrives, turned into ``Expert`` rows only when the
evaluation session starts (or when the room's staff open its check-in, audited)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from venue_client.services.context import AppContext
from venue_client.services.vault import Vault
from venue_client.store.models import EvaluationSession, Expert, PersonalBlob, SessionState
from venue_client.store.sync_models import SealedExpertList

BLOB_KIND = "experts"


def seal(
    session: Session,
    vault: Vault,
    evaluation: EvaluationSession,
    experts: list[dict[str, Any]],
    revision: int,
    now: datetime,
) -> None:
    """Store (or replace) the sealed list of ``evaluation`` in the caller's transaction."""
    data = json.dumps(experts, ensure_ascii=False, sort_keys=True).encode("utf-8")
    blob = vault.store(session, BLOB_KIND, data, now)
    row = session.execute(
        select(SealedExpertList).where(SealedExpertList.evaluation_session_id == evaluation.id)
    ).scalar_one_or_none()
    if row is None:
        session.add(
            SealedExpertList(
                evaluation_session_id=evaluation.id,
                blob_id=blob.id,
                revision=revision,
                sealed_at=now,
            )
        )
    else:
        old = row.blob_id
        row.blob_id, row.revision, row.sealed_at, row.unsealed_at = blob.id, revision, now, None
        session.flush()
        session.execute(delete(PersonalBlob).where(PersonalBlob.id == old))
        session.execute(delete(Expert).where(Expert.session_id == evaluation.id))
    session.flush()


def _load(session: Session, vault: Vault, row: SealedExpertList) -> list[dict[str, Any]]:
    blob = session.get(PersonalBlob, row.blob_id)
    assert blob is not None
    experts: list[dict[str, Any]] = json.loads(vault.load(blob))
    return experts


def reveal(ctx: AppContext, evaluation_session_id: int) -> list[dict[str, Any]]:
    """The sealed list, decrypted for display to the room's staff (nothing is written)."""
    vault = Vault.open(ctx.settings.key_dir)
    with ctx.reading() as s:
        row = s.execute(
            select(SealedExpertList).where(
                SealedExpertList.evaluation_session_id == evaluation_session_id
            )
        ).scalar_one_or_none()
        return _load(s, vault, row) if row is not None else []


def unseal(ctx: AppContext, evaluation_session_id: int, actor: str) -> int:
    """Create the ``Expert`` rows of a session from its sealed list (audited); returns
    how many were created (0 when already unsealed or nothing sealed)."""
    vault = Vault.open(ctx.settings.key_dir)
    with ctx.transaction(actor) as tx:
        s = tx.session
        row = s.execute(
            select(SealedExpertList).where(
                SealedExpertList.evaluation_session_id == evaluation_session_id
            )
        ).scalar_one_or_none()
        if row is None or row.unsealed_at is not None:
            return 0
        experts = _load(s, vault, row)
        for e in experts:
            s.add(
                Expert(
                    session_id=evaluation_session_id,
                    name=str(e.get("EXPERT_NAME", "")),
                    id_number=str(e.get("ID_CARD", "")).upper(),
                    expert_type=str(e.get("EXPERT_TYPE", "")),
                    employer_code=str(e.get("employer_code", "")),
                    is_chairman=bool(e.get("is_chairman", False)),
                    backup=bool(e.get("backup", False)),
                )
            )
        row.unsealed_at = ctx.clock.now()
        tx.record(
            "evaluation.experts_unsealed",
            {"v": 1, "session": evaluation_session_id, "experts": len(experts)},
            outbox=False,
        )
        return len(experts)


def unseal_due(ctx: AppContext, now: datetime) -> int:
    """Unseal the lists of evaluation sessions that have started (by state or time)."""
    with ctx.reading() as s:
        due = [
            sid
            for sid, scheduled, st in s.execute(
                select(
                    SealedExpertList.evaluation_session_id,
                    EvaluationSession.scheduled_at,
                    EvaluationSession.state,
                )
                .join(
                    EvaluationSession,
                    EvaluationSession.id == SealedExpertList.evaluation_session_id,
                )
                .where(SealedExpertList.unsealed_at.is_(None))
            ).all()
            if scheduled <= now or st != SessionState.SCHEDULED
        ]
    return sum(unseal(ctx, sid, "system:sync") for sid in due)
