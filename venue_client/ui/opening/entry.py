"""录入开标一览表: for a decrypted bid whose envelope declared no opening summary
(CMS), the host types the price, duration and quality from the documents. The
amount is shown back in 元 and in 大写 as it is typed (where the two disagree on the
document, 大写 prevails), and a supervisor checks it before it is recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message
from venue_client.domain.money import capital_yuan, format_yuan
from venue_client.domain.opening import OpeningError
from venue_client.domain.opening_summary import OpeningSummary, parse_amount
from venue_client.services.opening_common import BidStatus
from venue_client.services.opening_entry import E_DECLARED, E_NOT_DECRYPTED
from venue_client.services.users import UserInfo
from venue_client.ui.checkin.supervisor_dialog import SupervisorDialog
from venue_client.ui.i18n import message_text, tr_text
from venue_client.ui.opening.hearing import button_row
from venue_client.ui.theme import FAILURE_RED, MUTED

if TYPE_CHECKING:
    from venue_client.ui.opening.desk import OpeningDesk

T_ENTERED = QT_TRANSLATE_NOOP("OpeningDesk", "开标一览表已录入")
T_CHECK = QT_TRANSLATE_NOOP("OpeningDesk", "请监标人对照投标文件核对：投标报价 {price}")
T_CHECKED = QT_TRANSLATE_NOOP("OpeningDesk", "核对无误 (Enter)")


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


def start_entry(desk: OpeningDesk) -> None:
    """F10 at the desk: for the selected bid, decrypted without a declared summary,
    the entry dialog, then the supervisor's check, then the service records it."""
    bid_id = desk.selected_bid()
    if bid_id is None or desk.status is None:
        return
    bid = next(b for b in desk.status.bids if b.bid_id == bid_id)
    if bid.state != "decrypted":
        desk.say(message_text(Message(E_NOT_DECRYPTED)), FAILURE_RED)
        return
    if bid.price and not bid.entered:
        desk.say(message_text(Message(E_DECLARED)), FAILURE_RED)
        return
    ref, operator, flow = desk.ref, desk.flow.operator, desk.flow
    entry = EntryDialog(bid, desk)

    def record(summary: OpeningSummary, approver: UserInfo) -> None:
        flow.run(
            ref,
            lambda s: s.enter_summary(ref, bid_id, summary, operator=operator, approver=approver),
            done=tr_text(T_ENTERED),
        )

    def check(summary: OpeningSummary) -> None:
        shown = f"{format_yuan(summary.price)}（{capital_yuan(summary.price)}）"
        dialog = SupervisorDialog(
            desk.env.tasks,
            lambda user, password: flow.service().approver(user, password, operator=operator),
            person=bid.bidder_name,
            reasons=[tr_text(T_CHECK).format(price=shown)],
            ok_text=tr_text(T_CHECKED),
            parent=desk,
        )
        dialog.approved.connect(lambda user: record(summary, user))
        QTimer.singleShot(0, lambda: desk.open_dialog(dialog))  # after the entry dialog closed

    entry.entered.connect(check)
    desk.open_dialog(entry)
