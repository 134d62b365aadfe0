"""分中心管理员确认告警: the branch manager acknowledges a sync alarm with their own
username and password (the pattern of the supervisor's approval at check-in). The
check and the acknowledgement run in the worker; a refusal (wrong password, not a
manager) shows the service's message. Enter submits, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QWidget,
)

from venue_client.ui.credentials import CredentialChecks
from venue_client.ui.worker import Tasks

Acknowledge = Callable[[str, str, str], Any]  # (username, password, note) -> result


class ManagerAckDialog(CredentialChecks, QDialog):
    """Opened with ``open()`` (window-modal, never blocking); ``done_with(result)``."""

    done_with = Signal(object)

    def __init__(
        self,
        tasks: Tasks,
        acknowledge: Acknowledge,
        *,
        lines: Sequence[str],
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("managerAckDialog")
        self.setWindowTitle(self.tr("确认告警"))
        self.setMinimumWidth(500)
        self.tasks = tasks
        self.acknowledge = acknowledge
        layout, self.lines = self._heading(
            self.tr("请分中心管理员核实告警原因后输入本人账号密码"), lines
        )
        self._fields(layout, "manager", self.tr("分中心管理员用户名"), username)
        self.note = QLineEdit()
        self.note.setObjectName("managerNote")
        self.note.setPlaceholderText(self.tr("处理说明（记入审计日志）"))
        self.note.setMinimumHeight(34)
        layout.addWidget(self.note)
        self._error_and_buttons(layout, self.tr("确认告警 (Enter)"))
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.note.returnPressed.connect(self.submit)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        note = self.note.text().strip()
        if self.busy:
            return
        if not username or not password:
            self.show_error(self.tr("请输入分中心管理员的用户名和密码"))
            (self.password if username else self.username).setFocus()
            return
        self._check(lambda: self.acknowledge(username, password, note), self._done)

    def _done(self, result: object) -> None:
        self.done_with.emit(result)
        self.accept()
