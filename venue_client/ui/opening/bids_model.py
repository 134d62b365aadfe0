"""The opening table as a Qt model: one row per bid, its state in the words staff
know, the progress of a running decryption, and the summary once decrypted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from venue_client.domain.errors import Message
from venue_client.domain.money import format_yuan
from venue_client.services.opening_common import BidStatus
from venue_client.ui.i18n import message_text, tr_text
from venue_client.ui.labels import label
from venue_client.ui.opening.texts import (
    BID_STATES,
    CAUSES,
    METHODS,
    T_DECRYPTING_PCT,
    T_FAILED_CAUSE,
)
from venue_client.ui.theme import FAILURE_RED, SUCCESS_GREEN

BIDDER, STATE, PRICE, DURATION, QUALITY, METHOD = range(6)
WIDEST_STATE = "解密失败：投标文件与回执不符"
WIDEST_PRICE = "999,999,999.99元"
Index = QModelIndex | QPersistentModelIndex


def state_text(bid: BidStatus, percent: int | None = None) -> str:
    """未解密 / 解密中 42% / 解密成功 / 解密失败：密钥错误 / 视为撤销投标文件."""
    if bid.result:
        return label(BID_STATES, bid.result)
    if bid.state == "decrypting" and percent is not None:
        return message_text(Message(T_DECRYPTING_PCT, pct=percent))
    if bid.state == "failed" and bid.cause:
        return message_text(
            Message(T_FAILED_CAUSE, cause=tr_text(CAUSES.get(bid.cause, bid.cause)))
        )
    return label(BID_STATES, bid.state)


def fit_columns(view: QTableView) -> None:
    """Size the columns to their contents once, then hold them: a header that keeps
    sizing to contents re-reads every cell (through Python) on each progress tick,
    which stalls the desk while bids decrypt. The bidder column takes the rest."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.resizeColumnsToContents()
    metrics = view.fontMetrics()
    for column, widest in ((STATE, WIDEST_STATE), (PRICE, WIDEST_PRICE)):
        room = metrics.horizontalAdvance(widest) + 24  # what the column may come to say
        header.resizeSection(column, max(header.sectionSize(column), room))
    header.setSectionResizeMode(BIDDER, QHeaderView.ResizeMode.Stretch)


class BidsModel(QAbstractTableModel):
    reset_done = Signal()  # the bids were replaced: views refit their columns

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.bids: list[BidStatus] = []
        self.progress: dict[int, int] = {}  # bid id → percent, while decrypting
        self.headers = [
            self.tr("投标人"),
            self.tr("解密状态"),
            self.tr("投标报价"),
            self.tr("工期"),
            self.tr("质量"),
            self.tr("解密方式"),
        ]

    def set_bids(self, bids: list[BidStatus]) -> None:
        """A fresh status: the same bids are updated row by row (no reset, no refit)."""
        if [b.bid_id for b in bids] == [b.bid_id for b in self.bids]:
            old, self.bids = self.bids, list(bids)
            last = len(self.headers) - 1
            for row, (before, after) in enumerate(zip(old, self.bids, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            return
        self.beginResetModel()
        self.bids = list(bids)
        self.endResetModel()
        self.reset_done.emit()

    def set_progress(self, progress: dict[int, int]) -> None:
        """Only the rows whose percentage moved are announced (a tick of the desk)."""
        if progress == self.progress:
            return
        changed = {
            k
            for k in progress.keys() | self.progress.keys()
            if progress.get(k) != self.progress.get(k)
        }
        self.progress = dict(progress)
        for row, bid in enumerate(self.bids):
            if bid.bid_id in changed:
                index = self.index(row, STATE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.bids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def text(self, row: int, column: int) -> str:
        bid = self.bids[row]
        decrypted = bid.state == "decrypted"
        values = {
            BIDDER: bid.bidder_name,
            STATE: state_text(bid, self.progress.get(bid.bid_id)),
            PRICE: format_yuan(bid.price) if decrypted else "-",
            DURATION: (bid.duration or "-") if decrypted else "-",
            QUALITY: (bid.quality or "-") if decrypted else "-",
            METHOD: label(METHODS, bid.method) if bid.method else "-",
        }
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATE:
            return self._state_colour(self.bids[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != BIDDER:
            amount = index.column() == PRICE and self.text(index.row(), PRICE) != "-"
            flag = Qt.AlignmentFlag.AlignRight if amount else Qt.AlignmentFlag.AlignHCenter
            return int(flag | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _state_colour(bid: BidStatus) -> QColor | None:
        if bid.state == "decrypted":
            return QColor(SUCCESS_GREEN)
        if bid.state == "failed" or bid.result:
            return QColor(FAILURE_RED)
        return None

    def column_texts(self, column: int) -> list[str]:
        return [self.text(r, column) for r in range(len(self.bids))]
