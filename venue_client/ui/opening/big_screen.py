"""大屏: the opening as the hall sees it, on the display the venue chose, full
screen, dark and large enough to read from the back of the room (UI.md): the
section, the stage, the countdown (to the opening, then to the decryption
deadline), the counts, and — once the opening has started and the list is
published — the opening table, prices filling in as bids decrypt."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from venue_client.domain.errors import Message
from venue_client.domain.opening import STATE_LABELS, OpeningState
from venue_client.services.opening import OpeningStatus
from venue_client.ui.formatting import beijing, countdown_text
from venue_client.ui.i18n import message_text, tr_text
from venue_client.ui.opening.bids_model import BidsModel, fit_columns
from venue_client.ui.opening.texts import T_COUNTS, T_DEADLINE, T_TO_OPENING, T_WAITING_START

STYLE = """
QWidget#bigScreen { background: #021E52; }
QLabel { color: white; }
QLabel#bigTitle { font-size: 44px; font-weight: bold; }
QLabel#bigStage { font-size: 30px; color: #F9C74F; }
QLabel#bigCaption { font-size: 26px; color: #B9C8E6; }
QLabel#bigCountdown { font-size: 96px; font-weight: bold; }
QLabel#bigCounts, QLabel#bigClock { font-size: 28px; color: #B9C8E6; }
QTableView { background: #042F79; color: white; font-size: 30px; gridline-color: #1F4FA3;
             border: none; }
QHeaderView::section { background: #021E52; color: #B9C8E6; font-size: 26px; border: none;
                       padding: 8px; }
"""
PUBLISHED = ("opening", "decrypting", "record", "confirmation", "closed")


class BigScreen(QWidget):
    """A top-level window sharing the desk's table model."""

    def __init__(self, model: BidsModel) -> None:
        # A display for the hall, never the desk's keyboard focus.
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setObjectName("bigScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("开标大屏"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(14)
        self.title = self._label("bigTitle", layout)
        self.title.setWordWrap(True)
        self.stage = self._label("bigStage", layout)
        self.caption = self._label("bigCaption", layout)
        self.countdown = self._label("bigCountdown", layout)
        self.counts = self._label("bigCounts", layout)
        self.table = QTableView()
        self.table.setObjectName("bigTable")
        self.table.setModel(model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(56)
        fit_columns(self.table)
        model.reset_done.connect(lambda: fit_columns(self.table))
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        layout.addWidget(self.table, 1)
        self.clock = self._label("bigClock", layout)
        self.status: OpeningStatus | None = None

    @staticmethod
    def _label(name: str, layout: QVBoxLayout) -> QLabel:
        label = QLabel(" ")
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        return label

    def show_on(self, screen: int) -> None:
        """Full screen on display ``screen`` (0 = primary; the last one if fewer)."""
        screens = QGuiApplication.screens()
        target = screens[min(max(screen, 0), len(screens) - 1)]
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()

    def show_session(self, title: str, status: OpeningStatus | None, now: datetime) -> None:
        self.title.setText(title)
        self.status = status
        state = str(status.state) if status else "scheduled"
        self.stage.setText(
            tr_text(STATE_LABELS.get(OpeningState(state), STATE_LABELS[OpeningState.SCHEDULED]))
        )
        self.table.setVisible(state in PUBLISHED)
        if status is not None:
            done = sum(b.state == "decrypted" for b in status.bids)
            running = sum(b.state == "decrypting" for b in status.bids)
            waiting = len(status.bids) - done - running
            self.counts.setText(
                message_text(Message(T_COUNTS, done=done, running=running, waiting=waiting))
            )
        self.tick(now)

    def tick(self, now: datetime) -> None:
        self.clock.setText(
            self.tr("北京时间 {time}").format(time=beijing(now).strftime("%H:%M:%S"))
        )
        status = self.status
        if status is None:
            return
        state = str(status.state)
        if state == "decrypting" and status.deadline is not None:
            self.caption.setText(tr_text(T_DEADLINE))
            left = status.deadline - now
            self.countdown.setText(countdown_text(left) if left.total_seconds() > 0 else "00:00:00")
        elif state in ("scheduled", "checking_in"):
            left = status.opening_time - now
            if left.total_seconds() > 0:
                self.caption.setText(tr_text(T_TO_OPENING))
                self.countdown.setText(countdown_text(left))
            else:
                self.caption.setText(tr_text(T_WAITING_START))
                self.countdown.setText(" ")
        else:
            self.caption.setText(" ")
            self.countdown.setText(" ")
