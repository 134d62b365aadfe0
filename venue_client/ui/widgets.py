"""Small shared widgets: dense read-only tables, state pills, cards and headings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from venue_client.ui.theme import TONES

Cell = str | int


def style_table(view: QTableView) -> None:
    """The house look of a read-only table: whole-row selection, no grid, 30 px rows."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(30)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def make_table(headers: Sequence[str], *, object_name: str = "") -> QTableWidget:
    """A calm, dense, read-only table with whole-row selection."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    style_table(table)
    table.horizontalHeader().setStretchLastSection(True)
    if object_name:
        table.setObjectName(object_name)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[Cell]], *, stretch: int = -1) -> None:
    """Replace the rows; numbers are right-aligned; ``stretch`` names a column that takes
    the spare width (the last one by default)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    if stretch >= 0:
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def table_texts(table: QTableWidget, column: int) -> list[str]:
    """The texts of one column (used by the tests and the screenshot check)."""
    out = []
    for r in range(table.rowCount()):
        item = table.item(r, column)
        out.append(item.text() if item is not None else "")
    return out


class Pill(QLabel):
    """A rounded coloured label for a state ("使用中", "解密（暂停）")."""

    def __init__(self, text: str = "", tone: str = "grey", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("pill")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_tone(tone)

    def set_tone(self, tone: str) -> None:
        color = TONES.get(tone, tone)
        self.setStyleSheet(
            f"background:{color};color:white;border-radius:10px;padding:2px 10px;font-weight:bold;"
        )


class Card(QFrame):
    """A white panel with a title, for grouping a page's parts."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        if title:
            heading = QLabel(title)
            heading.setObjectName("cardTitle")
            self.body.addWidget(heading)


def page_heading(title: str, subtitle: str = "") -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(2)
    head = QLabel(title)
    head.setObjectName("pageTitle")
    layout.addWidget(head)
    if subtitle:
        sub = QLabel(subtitle)
        sub.setObjectName("pageSubtitle")
        sub.setWordWrap(True)
        layout.addWidget(sub)
    return box


def muted_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    label.setWordWrap(True)
    return label


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout`` (before it is filled again)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
