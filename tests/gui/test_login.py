"""Signing in, wrong passwords, locking, idle lock, logging out, first run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from venue_client.store.log_models import Role

from .helpers import DEMO_PASSWORD, TIMEOUT, click, login, type_login, type_text, wait_idle


def test_wrong_password_says_how_many_attempts_are_left(qtbot, make_window):
    window = make_window()
    assert window.login_screen.mode == "login"
    type_login(qtbot, window, "manager", "not-the-password-1")
    error = window.login_screen.login.error
    qtbot.waitUntil(error.isVisible, timeout=TIMEOUT)
    assert error.text() == "用户名或密码错误，还可尝试 4 次"
    assert window.login_screen.login.password.text() == ""  # cleared for the next try
    assert window.screens.currentWidget() is window.login_screen
    assert window.user is None


def test_empty_fields_are_refused_without_asking_the_service(qtbot, make_window):
    window = make_window()
    click(qtbot, window.login_screen.login.button)
    assert window.login_screen.login.error.text() == "请输入用户名和密码"
    assert not window.env.tasks.busy()


def test_login_shows_user_and_role_in_the_header(qtbot, make_window):
    window = make_window()
    login(qtbot, window, "manager")
    assert window.user is not None and window.user.role == Role.MANAGER
    assert window.shell.header.user.text() == "周分中心 · 分中心管理员"
    assert window.shell.current_name() == "checkin"


def test_lock_then_unlock_returns_to_the_same_page(qtbot, make_window):
    window = make_window()
    login(qtbot, window)
    click(qtbot, window.shell.nav_buttons["rooms"])
    click(qtbot, window.shell.header.lock_button)
    assert window.locked
    form = window.login_screen.login
    assert window.login_screen.mode == "lock"
    assert form.username.text() == "manager" and not form.username.isEnabled()
    assert "已锁定屏幕" in form.note.text()

    type_login(qtbot, window, "manager", "wrong-password-22")
    qtbot.waitUntil(form.error.isVisible, timeout=TIMEOUT)
    assert "还可尝试" in form.error.text()
    assert window.locked

    type_login(qtbot, window, "manager", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.locked, timeout=TIMEOUT)
    assert window.shell.current_name() == "rooms"


def test_idle_session_locks_itself(qtbot, make_window):
    window = make_window(idle_lock_minutes=0.3 / 60)  # 0.3 s
    login(qtbot, window)
    qtbot.waitUntil(lambda: window.locked, timeout=TIMEOUT)
    assert window.login_screen.mode == "lock"
    assert not window.idle.active


def test_switch_user_from_the_lock_screen_logs_out(qtbot, make_window):
    window = make_window()
    login(qtbot, window)
    click(qtbot, window.shell.header.lock_button)
    click(qtbot, window.login_screen.login.switch_button)
    assert window.user is None
    assert window.login_screen.mode == "login"
    login(qtbot, window, "desk")
    assert window.user is not None and window.user.username == "desk"


def test_log_out_returns_to_an_empty_login_screen(qtbot, make_window):
    window = make_window()
    login(qtbot, window)
    before = window.status.audit_size or 0
    click(qtbot, window.shell.header.logout_button)
    assert window.user is None
    assert window.screens.currentWidget() is window.login_screen
    assert window.login_screen.mode == "login"
    form = window.login_screen.login
    assert form.username.isEnabled() and form.username.text() == "" and form.password.text() == ""
    assert not any(b.isVisible() for b in window.shell.nav_buttons.values())
    wait_idle(qtbot, window)
    # the logout was recorded: the bus told the status bar about the new event
    qtbot.waitUntil(lambda: (window.status.audit_size or 0) > before, timeout=TIMEOUT)


def test_first_run_creates_the_administrator(qtbot, make_window, tmp_path: Path):
    window = make_window(data_dir=tmp_path / "fresh")
    assert window.login_screen.mode == "setup"
    form = window.login_screen.setup
    type_text(qtbot, form.username, "chief")
    type_text(qtbot, form.display_name, "张管理")
    type_text(qtbot, form.password, "short")
    type_text(qtbot, form.confirm, "short")
    click(qtbot, form.button)
    qtbot.waitUntil(form.error.isVisible, timeout=TIMEOUT)
    assert form.error.text() == "密码至少 10 位，且须同时包含字母和数字"

    form.password.clear()
    form.confirm.clear()
    type_text(qtbot, form.password, "Chief-pass-2026")
    type_text(qtbot, form.confirm, "Chief-pass-2027")
    click(qtbot, form.button)
    assert form.error.text() == "两次输入的密码不一致"

    form.confirm.clear()
    type_text(qtbot, form.confirm, "Chief-pass-2026")
    qtbot.keyClick(form.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.shell, timeout=TIMEOUT)
    assert window.user is not None and window.user.role == Role.ADMIN
    assert window.shell.visible_pages() == ["sync", "admin"]
    assert window.shell.header.user.text() == "张管理 · 系统管理员"
