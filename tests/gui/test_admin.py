"""Administration: adding users through the dialog, verifying the audit log, and
signing a checkpoint from the sync page."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from venue_client.store.log_models import Role
from venue_client.ui.widgets import table_texts

from .helpers import TIMEOUT, click, login, type_text


def _open_add_user(qtbot, window):
    click(qtbot, window.shell.nav_buttons["admin"])
    page = window.shell.pages["admin"]
    qtbot.waitUntil(lambda: page.loads > 0, timeout=TIMEOUT)
    click(qtbot, page.add_button)
    dialog = page.add_dialog
    assert dialog is not None and dialog.isVisible()
    return page, dialog


def _fill(qtbot, dialog, username, name, role, password, confirm=None):
    for edit in (dialog.username, dialog.display_name, dialog.password, dialog.confirm):
        edit.clear()
    type_text(qtbot, dialog.username, username)
    type_text(qtbot, dialog.display_name, name)
    dialog.role.setCurrentIndex(dialog.role.findData(role.value))
    type_text(qtbot, dialog.password, password)
    type_text(qtbot, dialog.confirm, password if confirm is None else confirm)


def test_add_user_rejects_a_weak_password_then_adds(qtbot, make_window):
    window = make_window()
    login(qtbot, window, "manager")
    page, dialog = _open_add_user(qtbot, window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    _fill(qtbot, dialog, "clerk2", "孙登记", Role.DESK_STAFF, "weak1")
    click(qtbot, ok)
    qtbot.waitUntil(dialog.error.isVisible, timeout=TIMEOUT)
    assert dialog.error.text() == "密码至少 10 位，且须同时包含字母和数字"
    assert dialog.isVisible()

    _fill(qtbot, dialog, "clerk2", "孙登记", Role.DESK_STAFF, "Clerk-pass-2026", "Clerk-pass-2025")
    click(qtbot, ok)
    assert dialog.error.text() == "两次输入的密码不一致"

    _fill(qtbot, dialog, "manager", "重名", Role.DESK_STAFF, "Clerk-pass-2026")
    click(qtbot, ok)
    qtbot.waitUntil(lambda: "已存在" in dialog.error.text(), timeout=TIMEOUT)

    _fill(qtbot, dialog, "clerk2", "孙登记", Role.DESK_STAFF, "Clerk-pass-2026")
    loads = page.loads
    click(qtbot, ok)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert dialog.created is not None and dialog.created.role == Role.DESK_STAFF
    qtbot.waitUntil(lambda: page.loads > loads, timeout=TIMEOUT)
    assert "clerk2" in table_texts(page.table, 0)


def test_verify_audit_log_reports_an_intact_log(qtbot, make_window):
    window = make_window()
    login(qtbot, window, "manager")
    click(qtbot, window.shell.nav_buttons["admin"])
    page = window.shell.pages["admin"]
    click(qtbot, page.verify_button)
    qtbot.waitUntil(lambda: "审计日志完整" in page.verify_result.text(), timeout=TIMEOUT)
    assert page.verify_button.isEnabled()


def test_sign_checkpoint_from_the_sync_page(qtbot, make_window):
    window = make_window()
    login(qtbot, window, "admin")
    assert window.shell.current_name() == "sync"
    page = window.shell.pages["sync"]
    qtbot.waitUntil(lambda: page.loads > 0, timeout=TIMEOUT)
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: "检查点" in page.result.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.values["checkpoint"].text().endswith("个事件"), timeout=TIMEOUT)
    assert page.values["size"].text().isdigit()
