"""手工录入: the ID number typed in when the card cannot be read. The number is checked
as it is typed (the domain's own message: length, region, birth date, check
character); Enter submits a valid number; a supervisor must confirm afterwards."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from venue_client.domain.errors import UserFacingError
from venue_client.domain.identity import parse_citizen_id
from venue_client.ui.i18n import error_message
from venue_client.ui.theme import FAILURE_RED, MUTED, SUCCESS_GREEN


class ManualEntryDialog(QDialog):
    """Opened with ``open()``; ``entered(id_number)`` with the normalised number."""

    entered = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualEntryDialog")
        self.setWindowTitle(self.tr("手工录入"))
        self.setMinimumWidth(460)
        self.today = today
        self.number = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        heading = QLabel(self.tr("身份证无法读取时，输入证件号码"))
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        note = QLabel(self.tr("手工录入的签到须由监标人核对证件原件并输入账号密码确认。"))
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.id_number = QLineEdit()
        self.id_number.setObjectName("manualIdNumber")
        self.id_number.setPlaceholderText(self.tr("18 位身份证号码"))
        self.id_number.setMaxLength(24)  # room for spaces and full-width input
        self.id_number.setMinimumHeight(38)
        font = self.id_number.font()
        font.setPixelSize(20)
        self.id_number.setFont(font)
        layout.addWidget(self.id_number)
        self.feedback = QLabel(" ")
        self.feedback.setObjectName("manualFeedback")
        self.feedback.setWordWrap(True)
        layout.addWidget(self.feedback)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消 (Esc)"))
        self.ok_button = QPushButton(self.tr("核验 (Enter)"))
        self.ok_button.setObjectName("primary")
        self.ok_button.setEnabled(False)
        for button in (self.cancel_button, self.ok_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.id_number.textChanged.connect(self._validate)
        self.id_number.returnPressed.connect(self.submit)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.id_number.setFocus()

    def _validate(self, text: str) -> None:
        try:
            self.number = parse_citizen_id(text, today=self.today).number
        except UserFacingError as err:
            self.number = ""
            typing = len(text.strip()) < 18
            self._feedback(error_message(err), MUTED if typing else FAILURE_RED)
        else:
            self._feedback(self.tr("号码格式正确，按 Enter 核验"), SUCCESS_GREEN)
        self.ok_button.setEnabled(bool(self.number))

    def _feedback(self, text: str, colour: str) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(f"color:{colour}; font-weight:bold;")

    @property
    def valid(self) -> bool:
        return bool(self.number)

    def submit(self) -> None:
        if not self.number:
            self.id_number.setFocus()
            return
        self.entered.emit(self.number)
        self.accept()
