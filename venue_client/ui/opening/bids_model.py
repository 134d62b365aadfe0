"""The opening table as a Qt model: one row per bid, its state in the words staff
know, the progress of a running decryption, and the summary once decrypted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

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


class BidsModel(QAbstractTableModel):
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
        self.beginResetModel()
        self.bids = list(bids)
        self.endResetModel()

    def set_progress(self, progress: dict[int, int]) -> None:
        if progress == self.progress:
            return
        self.progress = dict(progress)
        if self.bids:
            self.dataChanged.emit(self.index(0, STATE), self.index(len(self.bids) - 1, STATE))

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
