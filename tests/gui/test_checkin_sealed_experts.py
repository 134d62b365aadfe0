"""A room's drawn experts arrive from the platform sealed (central-api.md §2): the
list stays encrypted until the room's staff open its check-in at the desk, which
creates the expected list and audits the opening."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select

from venue_client.services.vault import Vault
from venue_client.store.log_models import AuditEvent
from venue_client.store.models import EvaluationSession, Expert
from venue_client.sync.experts import seal

from .helpers import login

EXPERT = {
    "EXPERT_NAME": "李专家",
    "ID_CARD": "33019919700101001X",
    "EXPERT_TYPE": "技术",
    "employer_code": "",
    "is_chairman": True,
    "backup": False,
}


def test_the_steward_opening_check_in_unseals_the_list(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    ctx = window.env.ctx
    with ctx.transaction("test") as tx:
        evaluation = tx.session.execute(select(EvaluationSession)).scalars().first()
        tx.session.execute(delete(Expert).where(Expert.session_id == evaluation.id))
        seal(tx.session, Vault.open(ctx.settings.key_dir), evaluation, [EXPERT], 1, ctx.clock.now())
        ref = f"E{evaluation.id}"
    with ctx.reading() as s:  # sealed: nobody can see who was drawn
        assert s.execute(select(Expert).where(Expert.session_id == evaluation.id)).first() is None
    login(qtbot, window, "steward")
    page = window.shell.pages["checkin"]
    roster = page.flow.roster(ref)  # the room's staff open its check-in
    assert [r.person.name for r in roster.rows] == ["李专家"]
    with ctx.reading() as s:
        events = [
            json.loads(e.payload)
            for e in s.execute(
                select(AuditEvent).where(AuditEvent.type == "evaluation.experts_unsealed")
            ).scalars()
        ]
    assert events == [{"v": 1, "session": evaluation.id, "experts": 1}]
    page.flow.roster(ref)  # reading again opens nothing more
    with ctx.reading() as s:
        assert len(s.execute(select(Expert).where(Expert.session_id == evaluation.id)).all()) == 1
