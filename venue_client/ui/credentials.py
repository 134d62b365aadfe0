"""What the dialogs that check someone's credentials on the spot share (the
supervisor's approval, the branch manager's alarm acknowledgement): the error line,
the heading with its bullet lines, the fields, the error line and the buttons; the
busy state while the check runs in the background; and a refusal that clears the
password and puts the cursor back in it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.ui.i18n import error_message, tr_text
from venue_client.ui.worker import Tasks

CHECKING = QT_TRANSLATE_NOOP("credentials", "正在核验…")
CANCEL = QT_TRANSLATE_NOOP("credentials", "取消 (Esc)")
PASSWORD = QT_TRANSLATE_NOOP("credentials", "密码")


class CredentialChecks:
    """Mixed into a ``QDialog`` that has ``error``, ``password`` and ``ok_button``."""

    error: QLabel
    username: QLineEdit
    password: QLineEdit
    ok_button: QPushButton
    cancel_button: QPushButton
    ok_text: str
    tasks: Tasks
    busy = False  # a check is running

    def _heading(self, text: str, lines: Sequence[str]) -> tuple[QVBoxLayout, QLabel]:
        """The dialog's layout with its heading and the bullet lines under it."""
        assert isinstance(self, QWidget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        heading = QLabel(text)
        heading.setObjectName("cardTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        bullets = QLabel("\n".join(f"• {line}" for line in lines))
        bullets.setWordWrap(True)
        layout.addWidget(bullets)
        return layout, bullets

    def _fields(self, layout: QVBoxLayout, role: str, user_hint: str, username: str = "") -> None:
        """Username and password fields, named ``<role>Username`` / ``<role>Password``."""
        self.username = QLineEdit(username)
        self.username.setObjectName(f"{role}Username")
        self.username.setPlaceholderText(user_hint)
        self.password = QLineEdit()
        self.password.setObjectName(f"{role}Password")
        self.password.setPlaceholderText(tr_text(PASSWORD))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.username, self.password):
            edit.setMinimumHeight(34)
            layout.addWidget(edit)

    def _error_and_buttons(self, layout: QVBoxLayout, ok_text: str) -> None:
        """The error line (hidden until needed), then 取消 and the OK button."""
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(tr_text(CANCEL))
        self.ok_text = ok_text
        self.ok_button = QPushButton(ok_text)
        self.ok_button.setObjectName("primary")
        for button in (self.cancel_button, self.ok_button):
            button.setAutoDefault(False)  # Enter belongs to the fields, not to a button
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _check(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run the credentials check off the GUI thread, the dialog busy meanwhile."""
        self._set_busy(True)
        self.tasks.run(
            work,
            on_done=on_done,
            on_error=self._refused,
            on_finished=lambda: self._set_busy(False),
            owner=self if isinstance(self, QWidget) else None,
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(tr_text(CHECKING) if busy else self.ok_text)

    def _refused(self, err: UserFacingError) -> None:
        self.show_error(error_message(err))
        self.password.clear()
        self.password.setFocus()
