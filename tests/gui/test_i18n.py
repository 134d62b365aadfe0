"""English via the Linguist catalogue: labels, messages from the services, the clock."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from venue_client.domain.errors import UserFacingError
from venue_client.services.users import E_PASSWORD_WEAK
from venue_client.ui.formatting import clock_text
from venue_client.ui.i18n import TRANSLATIONS_DIR, error_message, install_translators

from .helpers import TIMEOUT, login, type_login


def test_catalogue_is_built():
    assert (TRANSLATIONS_DIR / "venue_en.qm").stat().st_size > 1000


def test_english_shows_english_labels(qtbot, make_window):
    window = make_window(lang="en")
    form = window.login_screen.login
    assert form.heading.text() == "Log in"
    assert form.button.text() == "Log in"
    type_login(qtbot, window, "manager", "not-the-password-1")
    qtbot.waitUntil(form.error.isVisible, timeout=TIMEOUT)
    assert form.error.text() == "Wrong username or password; 4 attempts left"

    login(qtbot, window, "manager")
    nav = {name: button.text() for name, button in window.shell.nav_buttons.items()}
    assert nav == {
        "checkin": "Check-in",
        "opening": "Opening",
        "hall": "Hall screen",
        "rooms": "Rooms",
        "recordings": "Recordings",
        "sync": "Sync",
        "admin": "Admin",
    }
    assert window.shell.header.user.text() == "周分中心 · Branch manager"
    assert window.status.sync.text().endswith("Offline · not connected to the central platform")
    assert window.status.clock.text().startswith("Beijing time ")


def test_service_errors_are_translated(qapp):
    err = UserFacingError(E_PASSWORD_WEAK)
    assert error_message(err) == "密码至少 10 位，且须同时包含字母和数字"
    install_translators(qapp, "en")
    try:
        assert (
            error_message(err)
            == "A password needs at least 10 characters, with both letters and digits"
        )
        assert QCoreApplication.translate("roles", "监标人") == "Supervisor"
    finally:
        install_translators(qapp, "zh_CN")


def test_clock_format(qapp):
    moment = datetime(2026, 11, 27, 9, 30, 5, tzinfo=UTC)  # 17:30:05 in Beijing, a Friday
    assert clock_text(moment, "platform") == "北京时间 2026年11月27日 星期五 17:30:05"
    assert clock_text(moment, "local") == "北京时间 2026年11月27日 星期五 17:30:05（本机时钟）"
    install_translators(qapp, "en")
    try:
        assert clock_text(moment, "local") == "Beijing time Fri 2026-11-27 17:30:05 (local clock)"
    finally:
        install_translators(qapp, "zh_CN")
