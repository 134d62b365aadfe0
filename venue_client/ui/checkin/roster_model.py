"""The expected people of a session (应到名单) as a read-only table: person, masked
ID number, company, role, status (已签到 with the time / 未签到), method, late mark."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from venue_client.domain.checkin import STATUS_ABSENT
from venue_client.domain.identity import mask_id_number
from venue_client.services.checkin_roster import RosterRow
from venue_client.ui.checkin.texts import METHODS, ROLES
from venue_client.ui.formatting import beijing
from venue_client.ui.i18n import tr_text
from venue_client.ui.labels import label
from venue_client.ui.theme import FAILURE_RED, MUTED, SUCCESS_GREEN
from venue_client.ui.widgets import style_table

NAME, ID_NUMBER, COMPANY, ROLE, STATUS, METHOD, NOTE = range(7)
Index = QModelIndex | QPersistentModelIndex


class RosterModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RosterRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def headers(self) -> list[str]:
        return [
            self.tr("姓名"),
            self.tr("证件号码"),
            self.tr("单位"),
            self.tr("身份"),
            self.tr("签到状态"),
            self.tr("方式"),
            self.tr("备注"),
        ]

    def set_rows(self, rows: list[RosterRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, id_number: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.person.id_number == id_number), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else NOTE + 1

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS:
                done = row.checked_in_at is not None
                return QBrush(QColor(SUCCESS_GREEN if done else MUTED))
            if column == NOTE and row.late:
                return QBrush(QColor(FAILURE_RED))
        if role == Qt.ItemDataRole.FontRole and column in (STATUS, NOTE):
            return self._bold if row.checked_in_at is not None else None
        return None

    def text(self, row: RosterRow, column: int) -> str:
        if column in (COMPANY, ROLE):
            return self._who(row, column)
        if column == STATUS:
            if row.checked_in_at is None:
                return tr_text(STATUS_ABSENT)
            return self.tr("已签到 {time}").format(
                time=beijing(row.checked_in_at).strftime("%H:%M:%S")
            )
        values = {
            NAME: row.person.name,
            ID_NUMBER: mask_id_number(row.person.id_number),
            METHOD: label(METHODS, row.method) if row.method else "-",
            NOTE: self.tr("迟到") if row.late else "",
        }
        return values.get(column, "")

    @staticmethod
    def _who(row: RosterRow, column: int) -> str:
        """Company and role. For experts the service gives their specialty (经济/技术)
        in ``company_name``, not an employer: it goes with the role."""
        person = row.person
        expert = person.role == "expert"
        if column == COMPANY:
            return "-" if expert else person.company_name or "-"
        role = label(ROLES, person.role)
        return f"{role}（{person.company_name}）" if expert and person.company_name else role

    def column_texts(self, column: int) -> list[str]:
        """The texts of one column (tests read the table as a user would)."""
        return [self.text(r, column) for r in self.rows]


def make_roster_view(model: RosterModel) -> QTableView:
    """The roster: the house table look (``widgets.style_table``) on a model."""
    view = QTableView()
    view.setObjectName("checkinRoster")
    view.setModel(model)
    style_table(view)
    view.horizontalHeader().setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.Stretch)
    view.setStyleSheet(
        "QTableView { background: white; alternate-background-color: #F5F7FB; border: none;"
        " selection-background-color: #DCE6F7; selection-color: #1F2A3D; }"
    )
    return view
