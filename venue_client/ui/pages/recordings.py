"""录像: the rooms and their cameras. Recording, integrity and review arrive in a
later issue; until then the page says so plainly."""

from __future__ import annotations

from typing import Any

from venue_client.services.schedule import RoomSummary
from venue_client.ui.labels import ROOM_KINDS, ROOM_STATES, label
from venue_client.ui.navigation import RECORDINGS
from venue_client.ui.pages.base import Page
from venue_client.ui.widgets import Card, fill_table, make_table, muted_label, page_heading


class RecordingsPage(Page):
    name = RECORDINGS
    refresh_on = ("room.", "recording.", "camera.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outer.addWidget(
            page_heading(
                self.tr("录像"), self.tr("开标室、评标室的音视频监控：按会话自动录像，分段存储。")
            )
        )
        card = Card(self.tr("房间与摄像机"))
        self.table = make_table(
            [
                self.tr("房间"),
                self.tr("编号"),
                self.tr("类型"),
                self.tr("房间状态"),
                self.tr("摄像机"),
                self.tr("录像状态"),
            ],
            object_name="recordingRooms",
        )
        card.body.addWidget(self.table)
        self.outer.addWidget(card, 1)
        note = Card(self.tr("说明"))
        note.body.addWidget(
            muted_label(
                self.tr(
                    "录像、分段完整性校验和回放将在后续版本提供：会话开始时自动录像，"
                    "每个分段的哈希写入审计日志，删除或改动分段都能被发现。"
                )
            )
        )
        self.outer.addWidget(note)

    def fetch(self) -> list[RoomSummary]:
        return self.env.schedule.rooms()

    def present(self, data: Any) -> None:
        rooms: list[RoomSummary] = data
        rows = [
            (
                r.name,
                r.code,
                label(ROOM_KINDS, r.kind),
                label(ROOM_STATES, r.state),
                r.cameras,
                self.tr("未录像"),
            )
            for r in rooms
        ]
        fill_table(self.table, rows)

    def title(self) -> str:
        return self.tr("录像")
