"""评标室: every room of the venue with its state and today's sessions in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from venue_client.services.schedule import RoomSummary, SessionSummary
from venue_client.ui.formatting import short_time
from venue_client.ui.labels import ROOM_KINDS, ROOM_STATES, SESSION_STATES, label
from venue_client.ui.navigation import ROOMS
from venue_client.ui.pages.base import Page
from venue_client.ui.widgets import Pill, clear_layout, muted_label, page_heading

COLUMNS = 3
ROOM_TONES = {
    "free": "green",
    "reserved": "orange",
    "in_session": "navy",
    "sealed": "red",
    "released": "teal",
}


@dataclass(frozen=True)
class RoomsView:
    rooms: list[RoomSummary]
    sessions: list[SessionSummary]


class RoomsPage(Page):
    name = ROOMS
    refresh_on = ("room.", "session.", "evaluation.", "checkin.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outer.addWidget(
            page_heading(
                self.tr("评标室"),
                self.tr(
                    "房间状态：空闲 → 已预约 → 使用中 → 已封闭 → 已释放。专家只能进入本人的评标室。"
                ),
            )
        )
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        self.outer.addWidget(scroll, 1)
        self.room_cards: dict[str, QFrame] = {}

    def fetch(self) -> RoomsView:
        return RoomsView(self.env.schedule.rooms(), self.env.schedule.sessions(self.env.today()))

    def present(self, data: Any) -> None:
        view: RoomsView = data
        clear_layout(self.grid)
        self.room_cards = {}
        rooms = sorted(view.rooms, key=lambda r: (r.kind != "evaluation", r.code))
        for i, room in enumerate(rooms):
            card = self._card(room, [s for s in view.sessions if s.room_code == room.code])
            self.room_cards[room.code] = card
            self.grid.addWidget(card, i // COLUMNS, i % COLUMNS)
        if not rooms:
            self.grid.addWidget(muted_label(self.tr("尚未配置房间。")), 0, 0)
        for col in range(COLUMNS):
            self.grid.setColumnStretch(col, 1)
        self.grid.setRowStretch(len(rooms) // COLUMNS + 1, 1)

    def _card(self, room: RoomSummary, sessions: list[SessionSummary]) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        head = QHBoxLayout()
        name = QLabel(room.name)
        name.setObjectName("cardTitle")
        head.addWidget(name, 1)
        head.addWidget(Pill(label(ROOM_STATES, room.state), ROOM_TONES.get(room.state, "grey")))
        layout.addLayout(head)
        facts = self.tr("{kind} · 编号 {code} · 摄像机 {cameras} 路").format(
            kind=label(ROOM_KINDS, room.kind), code=room.code, cameras=room.cameras
        )
        layout.addWidget(muted_label(facts))
        if not sessions:
            layout.addWidget(muted_label(self.tr("今日无场次")))
        for s in sessions:
            line = QLabel(
                self.tr("{time} {section}（{state}）").format(
                    time=short_time(s.scheduled_at),
                    section=s.section_name,
                    state=label(SESSION_STATES, s.state),
                )
            )
            line.setWordWrap(True)
            layout.addWidget(line)
        layout.addStretch(1)
        return card

    def title(self) -> str:
        return self.tr("评标室")
