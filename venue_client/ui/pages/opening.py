"""开标: today's opening sessions; the selected one with its step bar and the
countdown to the opening time on the trusted clock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton

from venue_client.services.schedule import SessionSummary
from venue_client.ui.formatting import countdown_text, short_time, table_time
from venue_client.ui.i18n import tr_text
from venue_client.ui.labels import SECTION_STATUSES, SESSION_STATES, label
from venue_client.ui.navigation import OPENING
from venue_client.ui.opening.big_screen import BigScreen
from venue_client.ui.opening.desk import OpeningDesk
from venue_client.ui.opening.texts import T_DEADLINE
from venue_client.ui.pages.base import Page
from venue_client.ui.step_bar import StepBar
from venue_client.ui.widgets import Card, fill_table, make_table, muted_label, page_heading

FINISHED = ("closed", "failed")


def _first_open(sessions: list[SessionSummary]) -> int:
    """The row to select first: the earliest session that has not finished."""
    for i, session in enumerate(sessions):
        if session.state not in FINISHED:
            return i
    return 0


class OpeningPage(Page):
    name = OPENING
    refresh_on = ("opening.", "session.", "checkin.", "schedule.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sessions: list[SessionSummary] = []
        self._rows: Sequence[tuple[str, ...]] = ()  # the list as last shown
        self.outer.addWidget(
            page_heading(
                self.tr("开标"), self.tr("按开标时间排列；开标时间以北京时间（可信时钟）为准。")
            )
        )
        self.table = make_table(
            [
                self.tr("编号"),
                self.tr("标段编号"),
                self.tr("项目 / 标段"),
                self.tr("开标室"),
                self.tr("开标时间"),
                self.tr("状态"),
                self.tr("已签到"),
            ],
            object_name="openingSessions",
        )
        self.table.itemSelectionChanged.connect(self._show_selected)
        listing = Card(self.tr("今日开标"))
        listing.body.addWidget(self.table)
        self.empty = muted_label(self.tr("今日没有开标安排。"))
        self.empty.hide()
        listing.body.addWidget(self.empty)
        self.table.setMaximumHeight(150)
        self.outer.addWidget(listing)
        self.outer.addWidget(self._detail_panel())
        self.desk = OpeningDesk(self.env)
        self.outer.addWidget(self.desk, 1)
        self.big_screen: BigScreen | None = None
        self.big_button = QPushButton(self.tr("大屏 (F11)"))
        self.big_button.clicked.connect(self.toggle_big_screen)
        self.desk.action_row.insertWidget(4, self.big_button)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_big_screen)
        self.desk.flow.status.connect(lambda _status: self._update_big_screen())

    def _detail_panel(self) -> Card:
        card = Card()
        self.detail_title = QLabel()
        self.detail_title.setObjectName("cardTitle")
        self.detail_title.setWordWrap(True)
        card.body.addWidget(self.detail_title)
        self.step_bar = StepBar()
        card.body.addWidget(self.step_bar)
        row = QHBoxLayout()
        info = QGridLayout()
        info.setHorizontalSpacing(16)
        info.setVerticalSpacing(4)
        self.info_values: list[QLabel] = []
        names = (
            self.tr("开标室"),
            self.tr("开标时间"),
            self.tr("项目编号"),
            self.tr("标段编号"),
            self.tr("投标人"),
            self.tr("已签到"),
            self.tr("标段状态"),
        )
        for i, text in enumerate(names):
            name = QLabel(text)
            name.setObjectName("fieldName")
            value = QLabel("-")
            info.addWidget(name, i // 2, (i % 2) * 2)
            info.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.info_values.append(value)
        info.setColumnStretch(1, 1)
        info.setColumnStretch(3, 1)
        row.addLayout(info, 3)
        countdown_box = QGridLayout()
        self.countdown_caption = QLabel(self.tr("距离开标还剩"))
        self.countdown_caption.setObjectName("fieldName")
        self.countdown = QLabel("--")
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        countdown_box.addWidget(self.countdown_caption, 0, 0, Qt.AlignmentFlag.AlignRight)
        countdown_box.addWidget(self.countdown, 1, 0)
        row.addLayout(countdown_box, 2)
        card.body.addLayout(row)
        return card

    def fetch(self) -> list[SessionSummary]:
        return [s for s in self.env.schedule.sessions(self.env.today()) if s.kind == "opening"]

    def present(self, data: Any) -> None:
        selected = self._selected()
        self.sessions = list(data)
        rows = [
            (
                s.id,
                s.section_code,
                f"{s.project_name} / {s.section_name}",
                s.room_name,
                table_time(s.scheduled_at),
                label(SESSION_STATES, s.state),
                f"{s.checked_in} / {s.participants}",
            )
            for s in self.sessions
        ]
        if rows == self._rows and selected is not None:  # e.g. a bid decrypted: the list stands
            self._show_selected()
            return
        self._rows = rows
        fill_table(self.table, rows, stretch=2)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        ids = [s.id for s in self.sessions]
        if rows:
            if selected is not None and selected.id in ids:
                self.table.selectRow(ids.index(selected.id))
            else:
                self.table.selectRow(_first_open(self.sessions))
        self._show_selected()

    def _selected(self) -> SessionSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows and rows[0].row() < len(self.sessions):
            return self.sessions[rows[0].row()]
        return None

    def toggle_big_screen(self) -> None:
        """大屏 on the hall's display, or off again."""
        if self.big_screen is not None and self.big_screen.isVisible():
            self.big_screen.close()
            return
        if self.big_screen is None:
            self.big_screen = BigScreen(self.desk.model)
        self.big_screen.show_on(self.env.ctx.settings.ui.hall_screen)
        self.window().activateWindow()  # the keys stay with the desk
        self._update_big_screen()

    def _update_big_screen(self) -> None:
        session = self._selected()
        if self.big_screen is None or session is None:
            return
        title = f"{session.project_name} · {session.section_name}"
        self.big_screen.show_session(title, self.desk.status, self.env.ctx.clock.now())

    def _show_selected(self) -> None:
        session = self._selected()
        self.desk.set_session(session.id if session else "")
        if session is None:
            self.detail_title.setText(self.tr("请选择一个开标场次"))
            self.step_bar.set_state("scheduled")
            for value in self.info_values:
                value.setText("-")
            self.countdown.setText("--")
            return
        self.detail_title.setText(f"{session.project_name} · {session.section_name}")
        self.step_bar.set_state(session.state)
        values = (
            session.room_name,
            table_time(session.scheduled_at),
            session.project_code,
            session.section_code,
            self.tr("{n} 家").format(n=session.participants),
            self.tr("{n} 人").format(n=session.checked_in),
            label(SECTION_STATUSES, session.section_status),
        )
        for widget, text in zip(self.info_values, values, strict=True):
            widget.setText(text)
        self.tick(self.env.ctx.clock.now())

    def tick(self, now: datetime) -> None:
        if self.big_screen is not None and self.big_screen.isVisible():
            self.big_screen.tick(now)
        session = self._selected()
        if session is None:
            return
        left = self.desk.deadline_left(now)
        if left is not None:
            self.countdown_caption.setText(tr_text(T_DEADLINE))
            self.countdown.setText(countdown_text(left))
        elif session.state in FINISHED:
            self.countdown_caption.setText(self.tr("本场开标"))
            self.countdown.setText(label(SESSION_STATES, session.state))
        elif now < session.scheduled_at:
            self.countdown_caption.setText(self.tr("距离开标还剩"))
            self.countdown.setText(countdown_text(session.scheduled_at - now))
        else:
            self.countdown_caption.setText(self.tr("开标时间已到"))
            self.countdown.setText(short_time(session.scheduled_at))

    def title(self) -> str:
        return self.tr("开标")
