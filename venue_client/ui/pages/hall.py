"""大屏: the hall's large-screen idle view, dark and readable from the back of the
room: today's openings as cards and the countdown to the next one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from venue_client.services.schedule import SessionSummary
from venue_client.ui.formatting import beijing, countdown_text, long_date, short_time
from venue_client.ui.labels import SESSION_STATES, label
from venue_client.ui.navigation import HALL
from venue_client.ui.pages.base import Page
from venue_client.ui.widgets import Pill, clear_layout

COLUMNS = 3
_TONES = {"scheduled": "grey", "checking_in": "orange", "closed": "teal", "failed": "red"}


def _text(text: str, name: str, *, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


class HallPage(Page):
    name = HALL
    refresh_on = ("opening.", "session.", "checkin.", "schedule.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sessions: list[SessionSummary] = []
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.outer.setContentsMargins(28, 20, 28, 20)
        self.outer.setSpacing(16)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(_text(self.tr("开标大厅"), "hallTitle"))
        self.date_label = _text("", "hallDate")
        titles.addWidget(self.date_label)
        top.addLayout(titles, 1)
        self.clock = _text("", "hallClock")
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.outer.addLayout(top)

        banner = QFrame()
        banner.setObjectName("hallBanner")
        grid = QGridLayout(banner)
        grid.setContentsMargins(24, 14, 24, 14)
        self.next_caption = _text(self.tr("距离开标还剩"), "hallCaption")
        self.countdown = _text("--", "hallCountdown")
        self.next_project = _text("", "hallNext", wrap=True)
        self.next_detail = _text("", "hallDetail", wrap=True)
        grid.addWidget(self.next_caption, 0, 0)
        grid.addWidget(self.countdown, 1, 0)
        grid.addWidget(self.next_project, 0, 1)
        grid.addWidget(self.next_detail, 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(36)
        self.outer.addWidget(banner)

        self.cards = QWidget()
        self.cards.setObjectName("hallCards")
        self.cards_layout = QGridLayout(self.cards)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(16)
        scroll = QScrollArea()
        scroll.setObjectName("hallScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards)
        self.outer.addWidget(scroll, 1)

    def fetch(self) -> list[SessionSummary]:
        return [s for s in self.env.schedule.sessions(self.env.today()) if s.kind == "opening"]

    def present(self, data: Any) -> None:
        self.sessions = list(data)
        clear_layout(self.cards_layout)
        if not self.sessions:
            self.cards_layout.addWidget(_text(self.tr("今日没有开标安排"), "hallDetail"), 0, 0)
        for i, session in enumerate(self.sessions):
            self.cards_layout.addWidget(self._card(session), i // COLUMNS, i % COLUMNS)
        for col in range(COLUMNS):
            self.cards_layout.setColumnStretch(col, 1)
        self.cards_layout.setRowStretch(len(self.sessions) // COLUMNS + 1, 1)
        self.tick(self.env.ctx.clock.now())

    def _card(self, session: SessionSummary) -> QFrame:
        card = QFrame()
        card.setObjectName("hallCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(_text(short_time(session.scheduled_at), "hallCardTime"), 1)
        head.addWidget(Pill(label(SESSION_STATES, session.state), _TONES.get(session.state, "red")))
        layout.addLayout(head)
        layout.addWidget(_text(session.project_name, "hallCardProject", wrap=True))
        layout.addWidget(_text(session.section_name, "hallCardLine", wrap=True))
        layout.addWidget(
            _text(self.tr("开标室：{room}").format(room=session.room_name), "hallCardLine")
        )
        agency = str(getattr(session, "agency", "") or "")
        if agency:
            layout.addWidget(
                _text(self.tr("代理机构：{agency}").format(agency=agency), "hallCardLine")
            )
        layout.addStretch(1)
        return card

    def tick(self, now: datetime) -> None:
        self.date_label.setText(long_date(now))
        self.clock.setText(beijing(now).strftime("%H:%M:%S"))
        upcoming = [
            s
            for s in self.sessions
            if s.scheduled_at > now and s.state in ("scheduled", "checking_in")
        ]
        if not upcoming:
            self.next_caption.setText(self.tr("今日开标"))
            self.countdown.setText(self.tr("{n} 场").format(n=len(self.sessions)))
            self.next_project.setText(self.tr("今日暂无待开标项目"))
            self.next_detail.setText("")
            return
        nxt = upcoming[0]
        self.next_caption.setText(self.tr("距离开标还剩"))
        self.countdown.setText(countdown_text(nxt.scheduled_at - now))
        self.next_project.setText(nxt.project_name)
        self.next_detail.setText(
            self.tr("{room} · 开标时间 {time} · 投标人 {bidders} 家 · 已签到 {checked}").format(
                room=nxt.room_name,
                time=short_time(nxt.scheduled_at),
                bidders=nxt.participants,
                checked=nxt.checked_in,
            )
        )

    def title(self) -> str:
        return self.tr("大屏")
