"""Verify the stored audit log against its signed checkpoints.

The tree is recomputed from the event rows themselves (not from any stored hash),
then every checkpoint's signature and root are checked, and the newest checkpoint
kept outside the database is compared too. The report names the first bad entry:

- a missing ``seq`` (a deleted row, or rows renumbered),
- a row whose content no longer hashes to the leaf recorded when it was appended
  (an edited or reordered row),
- when the stored hashes were rewritten as well, the first checkpoint whose root no
  longer matches bounds the rewrite to the entries after the last good checkpoint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from venue_client.audit import merkle
from venue_client.audit.log import HEAD_ID, canonical_json, row_leaf_bytes
from venue_client.audit.note import Checkpoint, NoteError, Verifier, open_note
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message
from venue_client.store.log_models import AuditCheckpoint, AuditEvent, LogHead

M_MISSING = QT_TRANSLATE_NOOP("audit", "第 {seq} 条记录缺失（其后存储的是第 {next} 条）")
M_UNREADABLE = QT_TRANSLATE_NOOP("audit", "第 {seq} 条记录无法读取：{detail}")
M_CHANGED = QT_TRANSLATE_NOOP("audit", "第 {seq} 条记录（{type}）在写入后被修改")
M_NOT_CANONICAL = QT_TRANSLATE_NOOP("audit", "第 {seq} 条记录（{type}）的内容不是规范格式")
M_NO_HEAD = QT_TRANSLATE_NOOP("audit", "日志头记录缺失")
M_HEAD_SIZE = QT_TRANSLATE_NOOP("audit", "日志头记载 {head} 条记录，实际存储 {stored} 条")
M_HEAD_ROOT = QT_TRANSLATE_NOOP("audit", "日志头的根哈希与存储的记录不符")
M_BAD_NOTE = QT_TRANSLATE_NOOP("audit", "{label} 签名校验失败：{detail}")
M_DELETED = QT_TRANSLATE_NOOP(
    "audit", "{label} 覆盖 {size} 条记录，但只存储了 {stored} 条：第 {stored} 条起的记录被删除"
)
M_REWRITTEN = QT_TRANSLATE_NOOP(
    "audit", "{label}（{size} 条）与存储的记录不符：第 {start} 至 {end} 条之间的记录被改写"
)
M_FIRST_BAD = QT_TRANSLATE_NOOP("audit", "第一条问题记录：第 {seq} 条")
L_CHECKPOINT = QT_TRANSLATE_NOOP("audit", "检查点 #{id}")
L_CHECKPOINT_FILE = QT_TRANSLATE_NOOP("audit", "检查点文件 {path}")


@dataclass
class VerifyReport:
    ok: bool = True
    tree_size: int = 0
    root_hex: str = ""
    checkpoints: int = 0
    problems: list[Message] = field(default_factory=list)
    first_bad_seq: int | None = None

    def fail(self, message: Message, seq: int | None = None) -> None:
        self.ok = False
        self.problems.append(message)
        if seq is not None and (self.first_bad_seq is None or seq < self.first_bad_seq):
            self.first_bad_seq = seq


def _check_rows(
    session: Session, report: VerifyReport, wanted: set[int]
) -> tuple[merkle.CompactTree, dict[int, bytes]]:
    """Recompute the tree from the rows; return it and its roots at the ``wanted`` sizes."""
    tree = merkle.CompactTree()
    roots: dict[int, bytes] = {0: merkle.empty_root()}
    expected = 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
    for row in rows:
        if row.seq != expected:
            report.fail(Message(M_MISSING, seq=expected, next=row.seq), expected)
            expected = row.seq
        try:
            data = row_leaf_bytes(row)
            canonical = canonical_json(_loads(row.payload)) == row.payload
        except (ValueError, TypeError) as exc:
            report.fail(Message(M_UNREADABLE, seq=row.seq, detail=exc), row.seq)
            data, canonical = row.payload.encode("utf-8", "replace"), True
        leaf = merkle.leaf_hash(data)
        if leaf != row.leaf_hash:
            report.fail(Message(M_CHANGED, seq=row.seq, type=row.type), row.seq)
        elif not canonical:
            report.fail(Message(M_NOT_CANONICAL, seq=row.seq, type=row.type), row.seq)
        tree.append(leaf)
        expected += 1
        if tree.size in wanted:
            roots[tree.size] = tree.root()
    return tree, roots


def _loads(text: str) -> object:
    return json.loads(text)


def verify_log(
    session: Session, verifiers: list[Verifier], *, external_checkpoint: Path | None = None
) -> VerifyReport:
    report = VerifyReport()
    checkpoints = list(
        session.execute(select(AuditCheckpoint).order_by(AuditCheckpoint.tree_size)).scalars()
    )
    notes = [(str(Message(L_CHECKPOINT, id=c.id)), c.note) for c in checkpoints]
    if external_checkpoint is not None and external_checkpoint.exists():
        label = str(Message(L_CHECKPOINT_FILE, path=external_checkpoint))
        notes.append((label, external_checkpoint.read_text("utf-8")))
    bodies: list[tuple[str, Checkpoint]] = []
    for label, note in notes:
        try:
            bodies.append((label, Checkpoint.parse(open_note(note, verifiers).text)))
        except NoteError as exc:
            report.fail(Message(M_BAD_NOTE, label=label, detail=exc))
    tree, roots = _check_rows(session, report, {body.size for _, body in bodies})
    report.tree_size = tree.size
    report.root_hex = tree.root().hex()

    head = session.get(LogHead, HEAD_ID)
    if head is None:
        report.fail(Message(M_NO_HEAD))
    elif head.tree_size != tree.size:
        report.fail(
            Message(M_HEAD_SIZE, head=head.tree_size, stored=tree.size),
            min(head.tree_size, tree.size),
        )
    elif head.root_hash != tree.root():
        report.fail(Message(M_HEAD_ROOT))

    last_good = 0
    precise = report.first_bad_seq  # from the rows themselves, before checkpoints widen it
    for label, body in sorted(bodies, key=lambda item: item[1].size):
        report.checkpoints += 1
        if body.size > tree.size:
            report.fail(
                Message(M_DELETED, label=label, size=body.size, stored=tree.size), tree.size
            )
        elif roots[body.size] != body.root_hash:
            report.fail(
                Message(
                    M_REWRITTEN, label=label, size=body.size, start=last_good, end=body.size - 1
                ),
                precise if precise is not None and last_good <= precise < body.size else last_good,
            )
        else:
            last_good = max(last_good, body.size)
    if report.first_bad_seq is not None:
        report.problems.insert(0, Message(M_FIRST_BAD, seq=report.first_bad_seq))
    return report
