"""What GUI tests do as a user: type, press Enter, click, wait for the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from venue_client.services.demo import DEMO_USERS
from venue_client.store.log_models import Role
from venue_client.ui.main_window import MainWindow

TIMEOUT = 10_000  # ms: one shared timeout for every wait
DEMO_PASSWORD = next(u.password for u in DEMO_USERS if u.role == Role.MANAGER)
USERNAMES = {u.role: u.username for u in DEMO_USERS}


def type_login(qtbot, window: MainWindow, username: str, password: str) -> None:
    """Type into the login form and press Enter, as a user does."""
    form = window.login_screen.login
    if form.username.isEnabled():
        form.username.clear()
        qtbot.keyClicks(form.username, username)
    form.password.clear()
    qtbot.keyClicks(form.password, password)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)


def login(
    qtbot, window: MainWindow, username: str = "manager", password: str = DEMO_PASSWORD
) -> None:
    type_login(qtbot, window, username, password)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.shell, timeout=TIMEOUT)


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.env.tasks.busy(), timeout=TIMEOUT)


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(qtbot, edit: QLineEdit, text: str) -> None:
    """Type ``text`` into ``edit``: key by key for ASCII; Chinese arrives from an input
    method as one committed string (QTest cannot synthesise CJK key events)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)
