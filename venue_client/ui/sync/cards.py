"""The three cards at the top of the 同步 page: the central platform (state, last sync,
clock skew, 立即同步), the outbox (waiting / rejected / acknowledged) and the audit log
(head and last signed checkpoint)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from venue_client.services.audit import AuditStatus
from venue_client.ui.formatting import short_hex, table_time
from venue_client.ui.i18n import tr_text
from venue_client.ui.labels import SYNC_STATES, SYNC_TONES, label
from venue_client.ui.sync.snapshot import SyncSnapshot
from venue_client.ui.sync.texts import NEVER, NOT_CONFIGURED
from venue_client.ui.theme import FAILURE_RED, WARNING_ORANGE
from venue_client.ui.widgets import Card, Pill, muted_label


def field_grid(card: Card, fields: Sequence[tuple[str, str]]) -> dict[str, QLabel]:
    """Name/value rows in a card; returns the value labels by key."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(6)
    values: dict[str, QLabel] = {}
    for i, (key, text) in enumerate(fields):
        name = QLabel(text)
        name.setObjectName("fieldName")
        value = QLabel("-")
        value.setObjectName("mono" if key == "root" else f"value-{key}")
        grid.addWidget(name, i, 0)
        grid.addWidget(value, i, 1)
        values[key] = value
    grid.setColumnStretch(1, 1)
    card.body.addLayout(grid)
    return values


class PlatformCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("中心平台"), parent)
        top = QHBoxLayout()
        self.pill = Pill(label(SYNC_STATES, "offline"), SYNC_TONES["offline"])
        self.pill.setObjectName("syncStatePill")
        top.addWidget(self.pill)
        top.addStretch(1)
        self.sync_button = QPushButton(self.tr("立即同步 (F5)"))
        self.sync_button.setObjectName("primary")
        top.addWidget(self.sync_button)
        self.body.addLayout(top)
        self.values = field_grid(
            self,
            (
                ("last", self.tr("上次同步")),
                ("skew", self.tr("时钟偏差")),
                ("role", self.tr("本机职责")),
            ),
        )
        self.error = muted_label("")
        self.error.setObjectName("syncError")
        self.body.addWidget(self.error)
        self.body.addStretch(1)

    def show_snapshot(self, snap: SyncSnapshot) -> None:
        status = snap.status
        if not snap.configured:
            self.pill.setText(tr_text(NOT_CONFIGURED))
            self.pill.set_tone("grey")
        elif status is None or not status.online:
            self.pill.setText(label(SYNC_STATES, "offline"))
            self.pill.set_tone(SYNC_TONES["offline"])
        elif status.blocked:
            self.pill.setText(self.tr("在线 · 同步已停止（告警）"))
            self.pill.set_tone("red")
        else:
            self.pill.setText(label(SYNC_STATES, "online"))
            self.pill.set_tone(SYNC_TONES["online"])
        self.sync_button.setEnabled(status is not None)
        last = status.last_success if status else None
        self.values["last"].setText(table_time(last) if last else tr_text(NEVER))
        skew = status.clock.skew_seconds if status else None
        if status is None or skew is None:
            self.values["skew"].setText("-")
            self.values["skew"].setStyleSheet("")
        else:
            self.values["skew"].setText(
                self.tr("{skew} 秒（允许 ±{tolerance} 秒）").format(
                    skew=f"{skew:+.2f}", tolerance=f"{status.clock.tolerance_seconds:g}"
                )
            )
            self.values["skew"].setStyleSheet(
                f"color:{FAILURE_RED};font-weight:bold;" if status.clock.skewed else ""
            )
        if status is None:
            role = self.tr("同步未启动") if snap.configured else "-"
        elif status.leader:
            role = self.tr("负责与平台同步")
        else:
            role = self.tr("仅校准时钟（另一工作站负责同步）")
        self.values["role"].setText(role)
        error = status.last_error if status else ""
        self.error.setText(self.tr("最近错误：{error}").format(error=error) if error else "")
        self.error.setVisible(bool(error))


def _number(caption: str, name: str) -> tuple[QVBoxLayout, QLabel]:
    box = QVBoxLayout()
    box.setSpacing(0)
    value = QLabel("-")
    value.setObjectName("bigNumber")
    value.setProperty("role", name)
    box.addWidget(muted_label(caption))
    box.addWidget(value)
    return box, value


class OutboxCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("发件箱"), parent)
        row = QHBoxLayout()
        row.setSpacing(24)
        box, self.waiting = _number(self.tr("待发送"), "waiting")
        row.addLayout(box)
        box, self.rejected = _number(self.tr("被拒绝"), "rejected")
        row.addLayout(box)
        box, self.acked = _number(self.tr("已确认至"), "acked")
        row.addLayout(box)
        row.addStretch(1)
        self.body.addLayout(row)
        self.detail = muted_label("")
        self.body.addWidget(self.detail)
        self.body.addStretch(1)

    def show_snapshot(self, snap: SyncSnapshot) -> None:
        self.waiting.setText(str(snap.pending_events))
        self.rejected.setText(str(snap.rejected_count))
        self.rejected.setStyleSheet(f"color:{WARNING_ORANGE};" if snap.rejected_count else "")
        acked = snap.status.acked_through if snap.status else None
        self.acked.setText("-" if acked is None else f"#{acked}")
        uploads = sum(1 for u in snap.uploads if u.state == "queued")
        self.detail.setText(
            self.tr("待上传文件 {uploads} 个 · 待处理日程变更 {changes} 项").format(
                uploads=uploads, changes=len(snap.changes)
            )
        )


class AuditCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("审计日志"), parent)
        self.values = field_grid(
            self,
            (
                ("size", self.tr("事件数")),
                ("root", self.tr("根哈希")),
                ("checkpoint", self.tr("最近检查点")),
                ("checkpoint_at", self.tr("签名时间")),
            ),
        )
        buttons = QHBoxLayout()
        self.sign_button = QPushButton(self.tr("立即签名检查点"))
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.result = muted_label("")
        self.body.addWidget(self.result)
        self.body.addStretch(1)

    def show_status(self, status: AuditStatus) -> None:
        self.values["size"].setText(str(status.tree_size))
        self.values["root"].setText(short_hex(status.root_hex, 24))
        self.values["root"].setToolTip(status.root_hex)
        if status.checkpoint_size is None:
            self.values["checkpoint"].setText(self.tr("尚未签名"))
        else:
            self.values["checkpoint"].setText(
                self.tr("{n} 个事件").format(n=status.checkpoint_size)
            )
        self.values["checkpoint_at"].setText(table_time(status.checkpoint_at))
