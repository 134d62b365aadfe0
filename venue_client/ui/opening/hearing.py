"""签名确认 and 异议 at the opening desk: a present representative confirms the
record on screen; an objection is written down with the answer given on the spot.
Both dialogs are keyboard-first (Tab between fields, Enter on the button)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from venue_client.ui.opening.flow import Present


def _people(people: Sequence[Present]) -> QComboBox:
    box = QComboBox()
    box.setObjectName("representative")
    for person in people:
        box.addItem(person.name, person.checkin_id)
    return box


def button_row(dialog: QDialog, cancel_text: str, ok_text: str) -> tuple[QHBoxLayout, QPushButton]:
    row = QHBoxLayout()
    row.addStretch(1)
    cancel = QPushButton(cancel_text)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    ok = QPushButton(ok_text)
    ok.setObjectName("primary")
    ok.setDefault(True)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row, ok


class ConfirmDialog(QDialog):
    """``confirmed(checkin_id)``: the chosen representative confirms the record."""

    confirmed = Signal(int)
    sign_requested = Signal(int)  # confirm with the company's USB key instead

    def __init__(self, people: Sequence[Present], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.setWindowTitle(self.tr("签名确认"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "请投标人代表核对大屏上的开标记录，无误后在屏幕上确认，或插入本单位 CA 锁签名确认。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.people = list(people)
        self.person = _people(people)
        form = QFormLayout()
        form.addRow(self.tr("投标人代表"), self.person)
        layout.addLayout(form)
        row, self.ok_button = button_row(self, self.tr("取消 (Esc)"), self.tr("确认无误 (Enter)"))
        self.sign_button = QPushButton(self.tr("CA 锁签名 (F6)"))
        self.sign_button.setAutoDefault(False)
        self.sign_button.clicked.connect(self.sign)
        row.insertWidget(2, self.sign_button)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, self.sign)
        self.ok_button.clicked.connect(self.submit)
        layout.addLayout(row)

    def submit(self) -> None:
        if self.person.currentData() is None:
            return
        self.confirmed.emit(int(self.person.currentData()))
        self.accept()

    def sign(self) -> None:
        if self.person.currentData() is None:
            return
        self.sign_requested.emit(int(self.person.currentData()))
        self.accept()


class ObjectionDialog(QDialog):
    """``recorded(checkin_id, objection, answer)``: an objection and the answer."""

    recorded = Signal(int, str, str)

    def __init__(self, people: Sequence[Present], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectionDialog")
        self.setWindowTitle(self.tr("异议"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.person = _people(people)
        self.objection = QPlainTextEdit()
        self.objection.setObjectName("objectionText")
        self.objection.setTabChangesFocus(True)
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("answerText")
        self.answer.setTabChangesFocus(True)
        for box in (self.objection, self.answer):
            box.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("提出人"), self.person)
        form.addRow(self.tr("异议内容"), self.objection)
        form.addRow(self.tr("当场答复"), self.answer)
        layout.addLayout(form)
        self.feedback = QLabel(" ")
        self.feedback.setObjectName("objectionFeedback")
        layout.addWidget(self.feedback)
        row, self.ok_button = button_row(self, self.tr("取消 (Esc)"), self.tr("记录 (Enter)"))
        self.ok_button.clicked.connect(self.submit)
        layout.addLayout(row)

    def submit(self) -> None:
        text, answer = self.objection.toPlainText().strip(), self.answer.toPlainText().strip()
        if self.person.currentData() is None or not text or not answer:
            self.feedback.setText(self.tr("请填写异议内容和当场答复"))
            return
        self.recorded.emit(int(self.person.currentData()), text, answer)
        self.accept()
