"""The tabs of the 同步 page: open alarms (确认告警), rejected events (kept, never
deleted), held schedule changes (apply / dismiss), uploads and bid downloads with
their progress, and the recent sync history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from venue_client.sync.alarms import AlarmView
from venue_client.ui.formatting import table_time
from venue_client.ui.i18n import tr_text
from venue_client.ui.labels import SECTION_STATUSES, label
from venue_client.ui.sync import texts
from venue_client.ui.sync.history import history_text
from venue_client.ui.sync.snapshot import HistoryEntry, UploadRow, error_text
from venue_client.ui.widgets import fill_table, make_table, muted_label


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _time(text: object) -> str:
    try:
        return table_time(datetime.fromisoformat(str(text)))
    except ValueError:
        return str(text or "-")


class _Tab(QWidget):
    def __init__(self, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(10, 10, 10, 10)
        self.layout_.setSpacing(8)
        if note:
            self.layout_.addWidget(muted_label(note))


class AlarmsTab(_Tab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.table = make_table(
            [self.tr("告警"), self.tr("对象"), self.tr("发生时间"), self.tr("阻断同步")],
            object_name="alarmsTable",
        )
        self.layout_.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.note = muted_label(
            self.tr("阻断性告警使同步停止，须由分中心管理员确认；确认不等于排除原因。")
        )
        row.addWidget(self.note, 1)
        self.ack_button = QPushButton(self.tr("确认告警"))
        self.ack_button.setObjectName("primary")
        self.ack_button.setEnabled(False)
        row.addWidget(self.ack_button)
        self.layout_.addLayout(row)
        self.alarms: list[AlarmView] = []
        self.table.itemSelectionChanged.connect(self._selection)

    def show_alarms(self, alarms: list[AlarmView]) -> None:
        selected = self.selected()
        self.alarms = sorted(alarms, key=lambda a: (not a.blocking, a.id))
        fill_table(
            self.table,
            [
                (
                    tr_text(a.label),
                    a.subject or "-",
                    table_time(a.raised_at),
                    tr_text(texts.BLOCKING if a.blocking else texts.NOT_BLOCKING),
                )
                for a in self.alarms
            ],
            stretch=0,
        )
        ids = [a.id for a in self.alarms]
        if self.alarms:
            keep = ids.index(selected.id) if selected and selected.id in ids else 0
            self.table.selectRow(keep)
        self._selection()

    def selected(self) -> AlarmView | None:
        row = self.table.currentRow()
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.alarms[row] if 0 <= row < len(self.alarms) and row in rows else None

    def _selection(self) -> None:
        self.ack_button.setEnabled(self.selected() is not None)


class RejectedTab(_Tab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr(
                "被交易平台拒绝的事件保留在本地发件箱中，不删除、不自动重发；"
                "更正须由相应业务登记新的事件。"
            ),
            parent,
        )
        self.table = make_table(
            [self.tr("序号"), self.tr("事件类型"), self.tr("发生时间"), self.tr("平台返回的错误")],
            object_name="rejectedTable",
        )
        self.layout_.addWidget(self.table, 1)

    def show_rejected(self, rows: list[dict[str, Any]]) -> None:
        fill_table(
            self.table,
            [
                (int(r["seq"]), str(r["type"]), _time(r["occurred_at"]), error_text(r["error"]))
                for r in rows
            ],
        )


class ChangesTab(_Tab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr(
                "场次开始后平台发来的日程变更不会自动生效，须由分中心管理员决定应用或不予采纳。"
            ),
            parent,
        )
        self.table = make_table(
            [
                self.tr("标段编号"),
                self.tr("版本"),
                self.tr("变更字段"),
                self.tr("平台状态"),
                self.tr("收到时间"),
            ],
            object_name="changesTable",
        )
        self.layout_.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dismiss_button = QPushButton(self.tr("不予采纳"))
        self.apply_button = QPushButton(self.tr("应用变更"))
        self.apply_button.setObjectName("primary")
        for button in (self.dismiss_button, self.apply_button):
            button.setEnabled(False)
            row.addWidget(button)
        self.layout_.addLayout(row)
        self.changes: list[dict[str, Any]] = []
        self.may_resolve = False
        self.table.itemSelectionChanged.connect(self._selection)

    def show_changes(self, changes: list[dict[str, Any]], *, may_resolve: bool) -> None:
        self.changes, self.may_resolve = changes, may_resolve
        fill_table(
            self.table,
            [
                (
                    str(c["section"]),
                    int(c["revision"]),
                    "、".join(str(x) for x in c["changes"]) or "-",
                    label(SECTION_STATUSES, str(c["status"])) if c["status"] else "-",
                    _time(c["received_at"]),
                )
                for c in changes
            ],
            stretch=2,
        )
        self._selection()

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.changes[row] if 0 <= row < len(self.changes) and row in rows else None

    def _selection(self) -> None:
        enabled = self.may_resolve and self.selected() is not None
        self.apply_button.setEnabled(enabled)
        self.dismiss_button.setEnabled(enabled)


class TransfersTab(_Tab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        heading = QLabel(self.tr("投标文件下载"))
        heading.setObjectName("fieldName")
        self.layout_.addWidget(heading)
        row = QHBoxLayout()
        self.download_text = QLabel(self.tr("没有正在下载的投标文件"))
        self.download_bar = QProgressBar()
        self.download_bar.setObjectName("downloadProgress")
        self.download_bar.setRange(0, 100)
        self.download_bar.setFixedWidth(320)
        self.download_bar.hide()
        row.addWidget(self.download_text, 1)
        row.addWidget(self.download_bar)
        self.layout_.addLayout(row)
        heading = QLabel(self.tr("录像与文件上传"))
        heading.setObjectName("fieldName")
        self.layout_.addWidget(heading)
        self.table = make_table(
            [
                self.tr("文件"),
                self.tr("类型"),
                self.tr("大小"),
                self.tr("进度"),
                self.tr("状态"),
            ],
            object_name="uploadsTable",
        )
        self.layout_.addWidget(self.table, 1)

    def show_download(self, download: dict[str, Any]) -> None:
        size, received = int(download.get("size") or 0), int(download.get("received") or 0)
        if not download or not size or received >= size:
            self.download_text.setText(self.tr("没有正在下载的投标文件"))
            self.download_bar.hide()
            return
        self.download_text.setText(
            self.tr("正在下载第 {index}/{total} 个：{bid}（{received} / {size}）").format(
                index=download.get("index", 1),
                total=download.get("total", 1),
                bid=download.get("bid", ""),
                received=human_size(received),
                size=human_size(size),
            )
        )
        self.download_bar.setValue(int(received * 100 / size))
        self.download_bar.show()

    def show_uploads(self, uploads: list[UploadRow]) -> None:
        rows = []
        for u in uploads:
            state = label(texts.UPLOAD_STATES, u.state)
            if u.error:
                state += f"：{u.error}"
            done = u.size if u.state == "done" else u.offset
            percent = f"{done * 100 // u.size}%" if u.size else "-"
            rows.append((u.name, u.kind, human_size(u.size), percent, state))
        fill_table(self.table, rows, stretch=0)


class HistoryTab(_Tab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("本次运行以来最近的同步记录（最新在前）。"), parent)
        self.table = make_table(
            [self.tr("时间"), self.tr("事件"), self.tr("结果")], object_name="historyTable"
        )
        self.layout_.addWidget(self.table, 1)

    def show_history(self, entries: list[HistoryEntry]) -> None:
        rows = []
        for entry in entries:
            what, result = history_text(entry)
            rows.append((table_time(entry.at), what, result or "-"))
        fill_table(self.table, rows)
