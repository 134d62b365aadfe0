"""同步: the link to the central platform (arrives in a later issue), the outbox
waiting to be sent, and the audit log's head and last signed checkpoint."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton

from venue_client.services.audit import AuditStatus
from venue_client.ui.formatting import short_hex, table_time
from venue_client.ui.labels import SYNC_STATES, SYNC_TONES, label, sync_state
from venue_client.ui.navigation import SYNC
from venue_client.ui.pages.base import Page
from venue_client.ui.widgets import Card, Pill, muted_label, page_heading


class SyncPage(Page):
    name = SYNC
    refresh_on = ("audit.", "sync.", "outbox.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outer.addWidget(
            page_heading(
                self.tr("同步"),
                self.tr("断网时照常工作；恢复连接后，待上传事件按顺序补传，检查点由中心平台见证。"),
            )
        )
        row = QHBoxLayout()
        row.setSpacing(12)
        platform = Card(self.tr("中心平台"))
        self.state_pill = Pill(label(SYNC_STATES, "offline"), SYNC_TONES["offline"])
        pill_row = QHBoxLayout()
        pill_row.addWidget(self.state_pill)
        pill_row.addStretch(1)
        platform.body.addLayout(pill_row)
        self.pending = QLabel("-")
        self.pending.setObjectName("bigNumber")
        platform.body.addWidget(muted_label(self.tr("待上传事件")))
        platform.body.addWidget(self.pending)
        platform.body.addWidget(muted_label(self.tr("与中心平台的同步将在后续版本接入。")))
        platform.body.addStretch(1)
        row.addWidget(platform, 2)

        audit = Card(self.tr("审计日志"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}
        fields = (
            ("size", self.tr("事件数")),
            ("root", self.tr("根哈希")),
            ("checkpoint", self.tr("最近检查点")),
            ("checkpoint_at", self.tr("签名时间")),
        )
        for i, (key, text) in enumerate(fields):
            name = QLabel(text)
            name.setObjectName("fieldName")
            value = QLabel("-")
            value.setObjectName("mono" if key == "root" else "")
            grid.addWidget(name, i, 0)
            grid.addWidget(value, i, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        audit.body.addLayout(grid)
        buttons = QHBoxLayout()
        self.sign_button = QPushButton(self.tr("立即签名检查点"))
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self.sign_checkpoint)
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        audit.body.addLayout(buttons)
        self.result = muted_label("")
        audit.body.addWidget(self.result)
        audit.body.addStretch(1)
        row.addWidget(audit, 3)
        self.outer.addLayout(row)
        self.outer.addStretch(1)
        self.env.bridge.received.connect(self._on_bus)

    def _on_bus(self, name: str, data: object) -> None:
        if name == "sync.state" and isinstance(data, dict):
            state = sync_state(data)
            self.state_pill.setText(label(SYNC_STATES, state))
            self.state_pill.set_tone(SYNC_TONES[state])

    def fetch(self) -> AuditStatus:
        return self.env.audit.status()

    def present(self, data: Any) -> None:
        status: AuditStatus = data
        self.pending.setText(str(status.outbox_pending))
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

    def sign_checkpoint(self) -> None:
        self.sign_button.setEnabled(False)
        self.result.setText(self.tr("正在签名……"))
        self.env.tasks.run(
            self.env.ctx.checkpoint,
            on_done=self._signed,
            on_finished=lambda: self.sign_button.setEnabled(True),
            owner=self,
        )

    def _signed(self, row: Any) -> None:
        if row is None:
            self.result.setText(self.tr("没有新事件，最近的检查点仍然有效。"))
        else:
            self.result.setText(self.tr("已签名检查点：{n} 个事件。").format(n=row.tree_size))
        self.reload()

    def title(self) -> str:
        return self.tr("同步")
