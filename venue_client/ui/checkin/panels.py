"""The desk's two cards besides the result: the roster with its live counts
(应到 / 已签到 / 拒绝), and the devices (camera preview, reader and face state)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from venue_client.services.checkin_roster import Roster
from venue_client.services.schedule import SessionSummary
from venue_client.ui.checkin.camera_view import CameraPreview
from venue_client.ui.checkin.roster_model import RosterModel, make_roster_view
from venue_client.ui.formatting import table_time
from venue_client.ui.labels import SESSION_KINDS, SESSION_STATES, label
from venue_client.ui.theme import FAILURE_RED, SUCCESS_GREEN
from venue_client.ui.widgets import Card, muted_label

SIDE_WIDTH = 450


def _stat(caption: str, name: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(16, 0, 0, 0)
    layout.setSpacing(0)
    title = QLabel(caption)
    title.setObjectName("fieldName")
    value = QLabel("-")
    value.setObjectName(name)
    value.setStyleSheet("font-size:26px; font-weight:bold; color:#1F2A3D;")
    layout.addWidget(title)
    layout.addWidget(value)
    return box, value


class RosterCard(Card):
    """签到名单: who is expected, who has checked in, and the counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("签到名单"))
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.info = muted_label("")
        titles.addWidget(self.title)
        titles.addWidget(self.info)
        head.addLayout(titles, 1)
        counts = []
        for caption, name in (
            (self.tr("应到"), "expectedCount"),
            (self.tr("已签到"), "checkedCount"),
            (self.tr("拒绝"), "refusedCount"),
        ):
            box, value = _stat(caption, name)
            counts.append(value)
            head.addWidget(box)
        self.expected_count, self.checked_count, self.refused_count = counts
        self.body.addLayout(head)
        self.model = RosterModel(self)
        self.table = make_roster_view(self.model)
        self.body.addWidget(self.table, 1)
        self.empty = muted_label(self.tr("今日没有安排场次。"))
        self.empty.hide()
        self.body.addWidget(self.empty)

    def set_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)

    def show_roster(self, roster: Roster | None, session: SessionSummary | None) -> None:
        self.model.set_rows(roster.rows if roster else [])
        self.expected_count.setText(str(len(roster.rows)) if roster else "-")
        self.checked_count.setText(str(roster.checked_in) if roster else "-")
        self.refused_count.setText(str(roster.refused) if roster else "-")
        self.title.setText(roster.title if roster else self.tr("签到名单"))
        if session is None:
            self.info.setText("")
            return
        self.info.setText(
            self.tr("{kind} · {time} · {room} · {state}").format(
                kind=label(SESSION_KINDS, session.kind),
                time=table_time(session.scheduled_at),
                room=session.room_name,
                state=label(SESSION_STATES, session.state),
            )
        )

    def select(self, id_number: str) -> None:
        row = self.model.row_of(id_number)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))


class DeviceCard(Card):
    """The camera preview with the reader's and the face comparison's state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setFixedWidth(SIDE_WIDTH)
        row = QHBoxLayout()
        self.camera = CameraPreview()
        row.addWidget(self.camera)
        lines = QVBoxLayout()
        lines.setSpacing(6)
        self.reader_state = QLabel()
        self.reader_state.setObjectName("readerState")
        self.reader_state.setWordWrap(True)
        self.face_state = muted_label("")
        lines.addWidget(self.reader_state)
        lines.addWidget(self.face_state)
        lines.addStretch(1)
        row.addLayout(lines, 1)
        self.body.addLayout(row)

    def show_reader(self, text: str, ok: bool) -> None:
        colour = SUCCESS_GREEN if ok else FAILURE_RED
        self.reader_state.setText(f"● {text}")
        self.reader_state.setStyleSheet(f"color:{colour}; font-weight:bold;")

    def show_face(self, verifier: Any) -> None:
        if verifier is not None:
            backend = getattr(verifier, "name", "-")
            self.face_state.setText(self.tr("人证比对已启用（{backend}）").format(backend=backend))
        else:
            self.face_state.setText(self.tr("本机未启用人证比对：需监标人人工核对证件照片"))
