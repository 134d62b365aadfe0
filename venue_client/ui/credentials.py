"""What the dialogs that check someone's credentials on the spot share (the
supervisor's approval, the branch manager's alarm acknowledgement): the error line,
the busy state while the check runs in the background, and a refusal that clears
the password and puts the cursor back in it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.ui.i18n import error_message, tr_text

CHECKING = QT_TRANSLATE_NOOP("credentials", "正在核验…")


class CredentialChecks:
    """Mixed into a ``QDialog`` that has ``error``, ``password`` and ``ok_button``."""

    error: QLabel
    password: QLineEdit
    ok_button: QPushButton
    ok_text: str
    busy = False  # a check is running

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
