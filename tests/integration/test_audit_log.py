"""The audit log in the database: appends are atomic with their business rows and
outbox rows, the tree matches RFC 9162, and verification catches rewrites."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import select, update

from venue_client.audit import merkle
from venue_client.audit.log import row_leaf_bytes
from venue_client.audit.note import Checkpoint, Signer, generate_signer_key, open_note
from venue_client.services.audit import AuditService
from venue_client.services.context import AppContext
from venue_client.store.log_models import AuditCheckpoint, AuditEvent, LogHead, OutboxEntry
from venue_client.store.models import Project


def _add_projects(ctx: AppContext, n: int, prefix: str = "P") -> None:
    for i in range(n):
        with ctx.transaction("user:desk") as tx:
            tx.session.add(
                Project(
                    code=f"{prefix}{i}",
                    name="工程",
                    tenderer="局",
                    agency="代理",
                    project_type="A01",
                )
            )
            tx.record("project.imported", {"v": 1, "code": f"{prefix}{i}"})


def test_append_builds_rfc9162_tree_and_gapless_outbox(ctx: AppContext) -> None:
    _add_projects(ctx, 9)
    with ctx.reading() as s:
        rows = list(s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())
        leaves = [merkle.leaf_hash(row_leaf_bytes(r)) for r in rows]
        head = s.get(LogHead, 1)
        assert head is not None
        assert [r.seq for r in rows] == list(range(9))
        assert head.tree_size == 9 and head.root_hash == merkle.root(leaves)
        for i in range(9):
            merkle.verify_inclusion(
                i, 9, leaves[i], merkle.inclusion_proof(leaves, i), head.root_hash
            )
        outbox = list(s.execute(select(OutboxEntry).order_by(OutboxEntry.seq)).scalars())
        assert [o.seq for o in outbox] == list(range(1, 10))
        assert [o.audit_seq for o in outbox] == list(range(9))
        assert len({o.idempotency_key for o in outbox}) == 9
        assert json.loads(outbox[3].payload) == {"v": 1, "code": "P3"}


def test_failed_transaction_leaves_no_row_no_event_no_outbox(ctx: AppContext) -> None:
    _add_projects(ctx, 2)
    with pytest.raises(RuntimeError), ctx.transaction("user:desk") as tx:
        tx.session.add(Project(code="X", name="x", tenderer="x", agency="x", project_type="A01"))
        tx.record("project.imported", {"v": 1, "code": "X"})
        raise RuntimeError("power cut half-way")
    with ctx.reading() as s:
        assert s.execute(select(Project).where(Project.code == "X")).first() is None
        assert s.get(LogHead, 1).tree_size == 2  # type: ignore[union-attr]
        assert len(s.execute(select(OutboxEntry)).all()) == 2
    _add_projects(ctx, 1, prefix="Y")  # the next append continues without a gap
    assert AuditService(ctx).verify().ok


def test_events_reach_the_bus_only_after_commit(ctx: AppContext) -> None:
    heard: list[str] = []
    ctx.bus.subscribe("project.imported", lambda name, data: heard.append(data["code"]))
    with pytest.raises(ValueError), ctx.transaction("user:desk") as tx:
        tx.record("project.imported", {"v": 1, "code": "rolled-back"})
        raise ValueError
    _add_projects(ctx, 1)
    assert heard == ["P0"]


def test_floats_are_refused_in_payloads(ctx: AppContext) -> None:
    with pytest.raises(TypeError, match="decimal strings"), ctx.transaction("user:desk") as tx:
        tx.record("bid.priced", {"v": 1, "price": 123.45})


def test_checkpoints_are_signed_notes_over_the_head(ctx: AppContext) -> None:
    _add_projects(ctx, 5)
    row = ctx.checkpoint()
    assert row is not None and row.tree_size == 5
    note = open_note(row.note, [ctx.signer.verifier()])
    body = Checkpoint.parse(note.text)
    assert body.size == 5 and body.origin.startswith("venue-client.local/audit/")
    assert ctx.checkpoint() is None  # nothing new: no new checkpoint
    assert ctx.checkpoint_file.read_text("utf-8") == row.note
    assert ctx.checkpoint_file.stat().st_mode & 0o077 == 0


def test_verify_names_the_edited_deleted_and_reordered_entries(ctx: AppContext) -> None:
    _add_projects(ctx, 8)
    ctx.checkpoint()
    service = AuditService(ctx)
    assert service.verify().ok
    with ctx.db.session() as s:
        s.execute(
            update(AuditEvent).where(AuditEvent.seq == 3).values(payload='{"code":"P9","v":1}')
        )
    report = service.verify()
    assert not report.ok and report.first_bad_seq == 3


def test_rewrite_with_recomputed_hashes_is_caught_by_the_checkpoint(ctx: AppContext) -> None:
    _add_projects(ctx, 6)
    ctx.checkpoint()
    with ctx.db.session() as s:  # a careful forger fixes the stored leaf hash and head too
        row = s.get(AuditEvent, 2)
        assert row is not None
        row.payload = '{"code":"FORGED","v":1}'
        row.leaf_hash = merkle.leaf_hash(row_leaf_bytes(row))
        rows = list(s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())
        head = s.get(LogHead, 1)
        assert head is not None
        head.root_hash = merkle.root([r.leaf_hash for r in rows])
    report = AuditService(ctx).verify()
    assert not report.ok
    assert report.first_bad_seq == 0  # bounded: the rewrite lies before the first checkpoint
    assert any("被改写" in str(p) for p in report.problems)


def test_checkpoint_from_another_key_does_not_verify(ctx: AppContext) -> None:
    _add_projects(ctx, 3)
    ctx.checkpoint()
    forger = Signer.from_key(generate_signer_key(ctx.signer.name))
    with ctx.db.session() as s:
        cp = s.execute(select(AuditCheckpoint)).scalar_one()
        body = open_note(cp.note, [ctx.signer.verifier()]).text
        from venue_client.audit.note import sign_note

        cp.note = sign_note(body, forger)
    report = AuditService(ctx).verify()
    assert not report.ok
    assert any("签名校验失败" in str(p) for p in report.problems)


def test_concurrent_desks_append_in_one_order(ctx: AppContext) -> None:
    errors: list[BaseException] = []

    def desk(n: int) -> None:
        try:
            _add_projects(ctx, 10, prefix=f"D{n}-")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    ctx.checkpoint()
    report = AuditService(ctx).verify()
    assert report.ok and report.tree_size == 40, report.problems
    with ctx.reading() as s:
        assert [
            o.seq for o in s.execute(select(OutboxEntry).order_by(OutboxEntry.seq)).scalars()
        ] == list(range(1, 41))
