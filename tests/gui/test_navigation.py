"""Role-based navigation: every page reachable by the manager, only their own for others."""

from __future__ import annotations

import pytest

from venue_client.store.log_models import Role
from venue_client.ui.navigation import PAGE_NAMES, ROLE_PAGES
from venue_client.ui.step_bar import STAGES
from venue_client.ui.widgets import table_texts

from .helpers import TIMEOUT, USERNAMES, click, login


def test_manager_reaches_every_page_by_clicking(qtbot, make_window):
    window = make_window()
    login(qtbot, window, "manager")
    assert window.shell.visible_pages() == list(PAGE_NAMES)
    for name in PAGE_NAMES:
        page = window.shell.pages[name]
        loads = page.loads
        click(qtbot, window.shell.nav_buttons[name])
        assert window.shell.stack.currentWidget() is page
        assert window.shell.nav_buttons[name].isChecked()
        qtbot.waitUntil(lambda p=page, n=loads: p.loads > n, timeout=TIMEOUT)


def test_pages_show_the_seeded_day(qtbot, make_window):
    window = make_window()
    login(qtbot, window, "manager")
    pages = window.shell.pages

    checkin = pages["checkin"]
    qtbot.waitUntil(lambda: checkin.loads > 0, timeout=TIMEOUT)
    picker = checkin.picker  # sessions span ±hours around now: some fall today
    assert picker.count() >= 1
    assert all(
        " 开标 · " in t or " 评标 · " in t for t in map(picker.itemText, range(picker.count()))
    )

    click(qtbot, window.shell.nav_buttons["opening"])
    opening = pages["opening"]
    qtbot.waitUntil(lambda: opening.loads > 0, timeout=TIMEOUT)
    if opening.sessions:
        assert opening.step_bar.current_text() in [str(s) for s in STAGES] + ["解密（暂停）"]

    click(qtbot, window.shell.nav_buttons["rooms"])
    rooms = pages["rooms"]
    qtbot.waitUntil(lambda: rooms.loads > 0, timeout=TIMEOUT)
    assert sorted(rooms.room_cards) == ["KB-01", "KB-02", "PB-01", "PB-02", "PB-03"]

    click(qtbot, window.shell.nav_buttons["admin"])
    admin = pages["admin"]
    qtbot.waitUntil(lambda: admin.loads > 0, timeout=TIMEOUT)
    assert "manager" in table_texts(admin.table, 0)


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_each_role_sees_its_own_pages(qtbot, make_window, role: Role):
    window = make_window()
    login(qtbot, window, USERNAMES[role])
    allowed = list(ROLE_PAGES[role])
    assert window.shell.visible_pages() == allowed
    visible = [n for n, b in window.shell.nav_buttons.items() if b.isVisible()]
    assert visible == allowed
    assert window.shell.current_name() == allowed[0]


def test_desk_staff_cannot_open_admin(qtbot, make_window):
    window = make_window()
    login(qtbot, window, "desk")
    assert not window.shell.nav_buttons["admin"].isVisible()
    assert not window.shell.nav_buttons["sync"].isVisible()
    assert window.shell.show_page("admin") is False
    assert window.shell.current_name() == "checkin"
