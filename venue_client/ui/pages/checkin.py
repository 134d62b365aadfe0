"""签到: today's sessions with their check-in counts, and the desk's card-reader area
(reading, face comparison and credit checks arrive in a later issue)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from venue_client.services.schedule import SessionSummary
from venue_client.ui.formatting import table_time
from venue_client.ui.labels import SESSION_KINDS, SESSION_STATES, label
from venue_client.ui.navigation import CHECKIN
from venue_client.ui.pages.base import Page
from venue_client.ui.widgets import Card, fill_table, make_table, muted_label, page_heading


class CheckInPage(Page):
    name = CHECKIN
    refresh_on = ("checkin.", "session.", "schedule.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outer.addWidget(
            page_heading(
                self.tr("签到"), self.tr("今日开标、评标场次及签到情况。读取身份证后自动匹配场次。")
            )
        )
        row = QHBoxLayout()
        row.setSpacing(12)
        sessions = Card(self.tr("今日场次"))
        self.table = make_table(
            [
                self.tr("编号"),
                self.tr("类型"),
                self.tr("项目 / 标段"),
                self.tr("房间"),
                self.tr("时间"),
                self.tr("状态"),
                self.tr("已签到"),
            ],
            object_name="checkinSessions",
        )
        sessions.body.addWidget(self.table)
        self.empty = muted_label(self.tr("今日没有安排场次。"))
        self.empty.hide()
        sessions.body.addWidget(self.empty)
        row.addWidget(sessions, 5)
        row.addWidget(self._reader_panel(), 3)
        self.outer.addLayout(row, 1)

    def _reader_panel(self) -> Card:
        card = Card(self.tr("身份核验"))
        slot = QFrame()
        slot.setObjectName("idCardSlot")
        inner = QVBoxLayout(slot)
        inner.setContentsMargins(24, 28, 24, 28)
        inner.setSpacing(10)
        icon = QLabel(self.tr("居民身份证"))
        icon.setObjectName("idCardIcon")
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon.setFixedSize(180, 112)
        inner.addWidget(icon, 0, Qt.AlignmentFlag.AlignHCenter)
        prompt = QLabel(self.tr("请将身份证放在读卡器上"))
        prompt.setObjectName("readerPrompt")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.setWordWrap(True)
        inner.addWidget(prompt)
        card.body.addWidget(slot)
        legend = muted_label(
            self.tr(
                "核验结果将显示为：通过 / 不通过 / 需人工复核，并记录人脸相似度、操作员和时间。"
            )
        )
        card.body.addWidget(legend)
        card.body.addWidget(
            muted_label(
                self.tr("读卡、人证比对与信用核查将在后续版本接入；断网时按已下载的名单签到。")
            )
        )
        card.body.addStretch(1)
        return card

    def fetch(self) -> list[SessionSummary]:
        return self.env.schedule.sessions(self.env.today())

    def present(self, data: Any) -> None:
        sessions: list[SessionSummary] = data
        rows = [
            (
                s.id,
                label(SESSION_KINDS, s.kind),
                f"{s.project_name} / {s.section_name}",
                s.room_name,
                table_time(s.scheduled_at),
                label(SESSION_STATES, s.state),
                f"{s.checked_in} / {s.participants}",
            )
            for s in sessions
        ]
        fill_table(self.table, rows, stretch=2)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def title(self) -> str:
        return self.tr("签到")
