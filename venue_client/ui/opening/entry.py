"""录入开标一览表: for a decrypted bid whose envelope declared no opening summary
(CMS), the host types the price, duration and quality from the documents. The
amount is shown back in 元 and in 大写 as it is typed (where the two disagree on the
document, 大写 prevails), and a supervisor checks it before it is recorded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from venue_client.domain.money import capital_yuan, format_yuan
from venue_client.domain.opening import OpeningError
from venue_client.domain.opening_summary import OpeningSummary, parse_amount
from venue_client.services.opening_common import BidStatus
from venue_client.ui.i18n import message_text
from venue_client.ui.opening.hearing import button_row
from venue_client.ui.theme import FAILURE_RED, MUTED


class EntryDialog(QDialog):
    """``entered(summary)``: what the host read from the documents, amount checked."""

    entered = Signal(object)  # OpeningSummary

    def __init__(self, bid: BidStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDialog")
        self.setWindowTitle(self.tr("录入开标一览表"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "{name}的投标文件未附开标一览表。请按其投标文件录入，提交后由监标人核对。"
            ).format(name=bid.bidder_name)
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.price = QLineEdit(bid.price or "")
        self.price.setObjectName("entryPrice")
        self.price.setPlaceholderText(self.tr("例如 1234567.00"))
        self.price.textChanged.connect(self._show_amount)
        self.amount = QLabel(" ")
        self.amount.setObjectName("entryAmount")
        self.amount.setWordWrap(True)
        self.duration = QLineEdit(bid.duration)
        self.duration.setObjectName("entryDuration")
        self.quality = QLineEdit(bid.quality)
        self.quality.setObjectName("entryQuality")
        form = QFormLayout()
        form.addRow(self.tr("投标报价（元）"), self.price)
        form.addRow("", self.amount)
        form.addRow(self.tr("工期"), self.duration)
        form.addRow(self.tr("质量"), self.quality)
        layout.addLayout(form)
        self.feedback = QLabel(" ")
        self.feedback.setObjectName("entryFeedback")
        self.feedback.setStyleSheet(f"color:{FAILURE_RED};")
        layout.addWidget(self.feedback)
        row, self.ok_button = button_row(self, self.tr("取消 (Esc)"), self.tr("提交核对 (Enter)"))
        self.ok_button.clicked.connect(self.submit)
        layout.addLayout(row)
        self._show_amount(self.price.text())

    def _show_amount(self, text: str) -> None:
        """The amount as the record will print it: 元 and 大写, side by side."""
        try:
            value = parse_amount(text) if text.strip() else ""
        except OpeningError:
            value = ""
        shown = f"{format_yuan(value)}    {capital_yuan(value)}" if value else " "
        self.amount.setText(shown)
        self.amount.setStyleSheet(f"color:{MUTED};")

    def submit(self) -> None:
        if not self.price.text().strip():
            self.feedback.setText(self.tr("请填写投标报价"))
            self.price.setFocus()
            return
        try:
            price = parse_amount(self.price.text())
        except OpeningError as exc:
            self.feedback.setText(message_text(exc))
            self.price.setFocus()
            return
        self.entered.emit(OpeningSummary(price, self.duration.text(), self.quality.text()))
        self.accept()
