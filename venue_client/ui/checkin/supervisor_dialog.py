"""监标人确认: a supervisor approves a check-in on the spot with their own username
and password. Enter submits, Esc cancels; a refusal (wrong password, not a
supervisor, the operator approving themselves) shows the service's message."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
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
        heading = self.tr("请监标人核验 {person} 的身份后输入本人账号密码").format(person=person)
        layout, self.reasons = self._heading(heading, reasons)
        self._fields(layout, "supervisor", self.tr("监标人用户名"))
        self._error_and_buttons(layout, ok_text or self.tr("确认签到 (Enter)"))
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
        self._check(lambda: self.authenticate(username, password), self._approved)

    def _approved(self, user: UserInfo) -> None:
        self.approved.emit(user)
        self.accept()
