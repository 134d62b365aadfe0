"""监标人确认: a supervisor approves a check-in on the spot with their own username
and password. Enter submits, Esc cancels; a refusal (wrong password, not a
supervisor, the operator approving themselves) shows the service's message."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

from venue_client.services.users import UserInfo
from venue_client.ui.credentials import CredentialChecks
from venue_client.ui.worker import Tasks

Authenticate = Callable[[str, str], UserInfo]


class SupervisorDialog(CredentialChecks, QDialog):
    """Opened with ``open()`` (window-modal, never blocking); ``approved(UserInfo)``."""

    approved = Signal(object)

    def __init__(
        self,
        tasks: Tasks,
        authenticate: Authenticate,
        *,
        person: str,
        reasons: Sequence[str],
        ok_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``ok_text``: what the button says (default 确认签到 (Enter))."""
        super().__init__(parent)
        self.setObjectName("supervisorDialog")
        self.setWindowTitle(self.tr("监标人确认"))
        self.setMinimumWidth(460)
        self.tasks = tasks
        self.authenticate = authenticate
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        heading = QLabel(
            self.tr("请监标人核验 {person} 的身份后输入本人账号密码").format(person=person)
        )
        heading.setObjectName("cardTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.reasons = QLabel("\n".join(f"• {r}" for r in reasons))
        self.reasons.setWordWrap(True)
        layout.addWidget(self.reasons)
        self.username = QLineEdit()
        self.username.setObjectName("supervisorUsername")
        self.username.setPlaceholderText(self.tr("监标人用户名"))
        self.username.setMinimumHeight(34)
        self.password = QLineEdit()
        self.password.setObjectName("supervisorPassword")
        self.password.setPlaceholderText(self.tr("密码"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumHeight(34)
        layout.addWidget(self.username)
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消 (Esc)"))
        self.ok_text = ok_text or self.tr("确认签到 (Enter)")
        self.ok_button = QPushButton(self.ok_text)
        self.ok_button.setObjectName("primary")
        for button in (self.cancel_button, self.ok_button):
            button.setAutoDefault(False)  # Enter belongs to the fields, not to a button
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.ok_button)
        self.setTabOrder(self.ok_button, self.cancel_button)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.username.setFocus()

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if self.busy:
            return
        if not username or not password:
            self.show_error(self.tr("请输入监标人的用户名和密码"))
            (self.password if username else self.username).setFocus()
            return
        self._set_busy(True)
        self.tasks.run(
            lambda: self.authenticate(username, password),
            on_done=self._approved,
            on_error=self._refused,
            on_finished=lambda: self._set_busy(False),
            owner=self,
        )

    def _approved(self, user: UserInfo) -> None:
        self.approved.emit(user)
        self.accept()
