"""The sync UI against real parts: the loopback test central platform
(``tests/central``) and a real ``SyncService`` thread on the demo database. The status
bar and the 同步 page are read the way staff read them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select, update

from tests.central.fixtures import TEST_TOKEN, TEST_VENUE, TEST_WS, central_server
from tests.central.server import CentralServer
from venue_client.services.context import AppContext
from venue_client.store.log_models import OutboxEntry, OutboxState
from venue_client.store.models import Bid
from venue_client.sync import state
from venue_client.sync.client import CentralClient, RetryPolicy
from venue_client.sync.service import SyncService
from venue_client.ui.main_window import MainWindow
from venue_client.ui.pages.sync import SyncPage
from venue_client.ui.sync.wiring import attach_sync
from venue_client.ui.widgets import table_texts

from .helpers import DEMO_PASSWORD, TIMEOUT, click, login, type_text

__all__ = ["central_server"]

FAST = RetryPolicy(attempts=3, base=0.01, cap=0.05, retry_after_cap=0.05)


@dataclass
class Synced:
    window: MainWindow
    service: SyncService
    server: CentralServer
    passes: list[dict[str, object]]

    @property
    def ctx(self) -> AppContext:
        return self.window.env.ctx

    @property
    def page(self) -> SyncPage:
        page = self.window.shell.pages["sync"]
        assert isinstance(page, SyncPage)
        return page

    def add_event(self, n: int) -> int:
        """Record one venue event; returns its outbox seq."""
        with self.ctx.transaction("test") as tx:
            tx.record("checkin.recorded", {"v": 1, "n": n, "fee": "12345678.90"})
        with self.ctx.reading() as s:
            return int(s.execute(select(func.max(OutboxEntry.seq))).scalar_one())

    def pass_done(self, qtbot, since: int) -> None:  # type: ignore[no-untyped-def]
        """Wait until a pass after the ``since``-th has been published and shown."""
        qtbot.waitUntil(lambda: len(self.passes) > since, timeout=TIMEOUT)
        QApplication.processEvents()


@pytest.fixture
def synced(
    make_window: Callable[..., MainWindow],
    central_server: CentralServer,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[], Synced]]:
    """A window whose ``env.sync`` is a service talking to the test platform (not yet
    started: the test prepares data and faults first)."""
    for key, value in {
        "URL": central_server.url,
        "VENUE_CODE": TEST_VENUE,
        "WORKSTATION_ID": TEST_WS,
        "TOKEN": TEST_TOKEN,
        "TIMEOUT_SECONDS": "5",
    }.items():
        monkeypatch.setenv(f"VENUE_CENTRAL_{key}", value)
    services: list[SyncService] = []

    def start() -> Synced:
        window = make_window()
        ctx = window.env.ctx
        with ctx.reading() as s:  # the demo day's bids are on this machine already
            s.execute(update(Bid).values(state="downloaded"))
        client = CentralClient.from_settings(
            ctx.settings.central, ctx.workstation_id, retry=FAST, sleep=lambda _s: None
        )
        service = SyncService(ctx, client=client, interval=600, follower_interval=600)
        services.append(service)
        passes: list[dict[str, object]] = []
        ctx.bus.subscribe("sync.status", lambda _n, d: passes.append(dict(d)))
        window.env.sync = service
        attach_sync(window)
        return Synced(window, service, central_server, passes)  # the test starts it

    yield start
    for service in services:
        service.stop(timeout=10)


def sync_now_key(qtbot, synced: Synced) -> int:  # type: ignore[no-untyped-def]
    """Press F5 on the sync page; returns the pass count before it."""
    before = len(synced.passes)
    qtbot.keyClick(synced.page, Qt.Key.Key_F5)
    return before


def status_text(synced: Synced) -> str:
    bar = synced.window.status
    return " | ".join(w.text() for w in (bar.alarm, bar.sync, bar.last_sync, bar.outbox))


def test_offline_then_online_after_sync_now(qtbot, synced, central_server):
    """Health failing: the bar says 离线 with events waiting; healed and F5 pressed:
    在线 on the bar and the page, the outbox drains and the platform holds the events."""
    central_server.faults.add(r"health$", "unavailable", times=None)
    run: Synced = synced()
    seqs = [run.add_event(n) for n in range(3)]
    run.service.start()
    login(qtbot, run.window, "manager")
    click(qtbot, run.window.shell.nav_buttons["sync"])
    bar = run.window.status
    run.pass_done(qtbot, 0)
    qtbot.waitUntil(lambda: "离线" in bar.sync.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bar.outbox.text().startswith("待发送 "), timeout=TIMEOUT)
    waiting = int(re.match(r"待发送 (\d+)", bar.outbox.text()).group(1))  # type: ignore[union-attr]
    assert waiting >= 3 and "离线" in run.page.state_pill.text()
    assert "本机时钟" in bar.clock.text()
    assert central_server.platform.events(TEST_WS) == []

    central_server.faults.clear()
    before = sync_now_key(qtbot, run)
    run.pass_done(qtbot, before)
    qtbot.waitUntil(lambda: "在线" in bar.sync.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bar.outbox.text() == "待发送 0", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: run.page.outbox.waiting.text() == "0", timeout=TIMEOUT)
    assert run.page.state_pill.text().startswith("在线")
    assert bar.last_sync.text().startswith("上次同步 ")
    assert run.page.values["size"].text().isdigit()
    held = {e.seq: e for e in central_server.platform.events(TEST_WS, include_rejected=True)}
    assert all(seq in held and held[seq].status == "applied" for seq in seqs)
    assert held[seqs[-1]].payload == {"v": 1, "n": 2, "fee": "12345678.90"}
    # the page remembers the passes it heard: offline, then a good one
    run.page.tabs.setCurrentWidget(run.page.history_tab)
    results = table_texts(run.page.history_tab.table, 2)
    assert "同步成功" in results and "离线" in results

    # offline again: the bar's clock runs on the anchor of the last calibration
    central_server.faults.add(r"health$", "unavailable", times=None)
    before = sync_now_key(qtbot, run)
    run.pass_done(qtbot, before)
    qtbot.waitUntil(lambda: "离线" in bar.sync.text(), timeout=TIMEOUT)
    run.window.tick()
    assert re.search(r"（本机时钟，上次校准 \d\d:\d\d）$", bar.clock.text())


def test_rejected_event_is_listed_and_kept(qtbot, synced, central_server):
    """The platform rejects one event: the page lists it with the platform's error,
    the bar counts it, and the row stays in the local outbox, flagged."""
    run: Synced = synced()
    run.add_event(0)
    bad = run.add_event(1)
    run.add_event(2)
    central_server.platform.reject_seq(TEST_WS, bad, "RULE_VIOLATION", "签到晚于截止时间")
    run.service.start()
    login(qtbot, run.window, "manager")
    click(qtbot, run.window.shell.nav_buttons["sync"])
    run.pass_done(qtbot, 0)
    page, bar = run.page, run.window.status
    rejected = run.service.status().outbox_rejected
    assert rejected >= 1
    qtbot.waitUntil(lambda: str(bad) in table_texts(page.rejected_tab.table, 0), timeout=TIMEOUT)
    row = table_texts(page.rejected_tab.table, 0).index(str(bad))
    assert table_texts(page.rejected_tab.table, 1)[row] == "checkin.recorded"
    assert table_texts(page.rejected_tab.table, 3)[row] == "RULE_VIOLATION：签到晚于截止时间"
    assert page.tabs.tabText(1) == f"被拒绝的事件 ({rejected})"
    assert page.outbox.rejected.text() == str(rejected)
    qtbot.waitUntil(lambda: f"被拒绝 {rejected}" in bar.outbox.text(), timeout=TIMEOUT)
    assert bar.outbox.text().startswith("待发送 0")
    with run.ctx.reading() as s:
        entry = s.get(OutboxEntry, bad)
        assert entry is not None and entry.state == OutboxState.REJECTED
        assert json.loads(entry.error or "{}")["code"] == "RULE_VIOLATION"
    # a second pass neither resends nor drops it
    before = sync_now_key(qtbot, run)
    run.pass_done(qtbot, before)
    with run.ctx.reading() as s:
        entry = s.get(OutboxEntry, bad)
        assert entry is not None and entry.state == OutboxState.REJECTED


def test_key_reused_alarm_seen_by_all_and_acknowledged_by_manager(qtbot, synced, central_server):
    """A sent event's payload is changed locally: the platform answers 422 KEY_REUSED,
    the bar shows a red alarm to the desk user and the manager, sync stops; the manager
    acknowledges it on the page with credentials (a desk user's are refused) and the
    alarm leaves the bar; the next pass sends what waited."""
    run: Synced = synced()
    first = run.add_event(0)
    run.service.start()
    run.pass_done(qtbot, 0)
    assert central_server.platform.acked_through(TEST_WS) >= first
    with run.ctx.reading() as s:  # a rewritten payload under a used key and seq
        original = s.get(OutboxEntry, first)
        assert original is not None
        saved = original.payload
        s.execute(
            update(OutboxEntry).where(OutboxEntry.seq == first).values(payload='{"v":1,"n":99}')
        )
        state.put(s, state.ACKED_THROUGH, first - 1)
    waiting = run.add_event(1)
    before = len(run.passes)
    run.service.sync_now()
    run.pass_done(qtbot, before)
    bar, window = run.window.status, run.window

    # the desk user sees it (red) and, without the sync page, is told whom to call
    login(qtbot, window, "desk")
    qtbot.waitUntil(bar.alarm.isVisible, timeout=TIMEOUT)
    assert bar.alarm.text() == "⚠ 告警：幂等键冲突 · 同步已停止"
    assert "#D93025" in bar.alarm.styleSheet()
    qtbot.mouseClick(bar.alarm, Qt.MouseButton.LeftButton)
    notice = window.findChild(QMessageBox, "syncAlarmNotice")
    assert notice is not None and "分中心管理员" in notice.informativeText()
    notice.close()
    held = len(central_server.platform.events(TEST_WS, include_rejected=True))
    assert all(e.seq < waiting for e in central_server.platform.events(TEST_WS))

    # sync stays stopped: another pass sends nothing
    before = len(run.passes)
    run.service.sync_now()
    run.pass_done(qtbot, before)
    assert len(central_server.platform.events(TEST_WS, include_rejected=True)) == held

    # the manager sees it too; a click opens the alarms on the sync page
    window.logout()
    login(qtbot, window, "manager")
    assert bar.alarm.isVisible()
    qtbot.mouseClick(bar.alarm, Qt.MouseButton.LeftButton)
    page = run.page
    assert window.shell.current_name() == "sync" and page.tabs.currentWidget() is page.alarms_tab
    qtbot.waitUntil(lambda: page.alarms_tab.table.rowCount() == 1, timeout=TIMEOUT)
    assert table_texts(page.alarms_tab.table, 3) == ["是（同步已停止）"]
    assert "同步已停止" in page.state_pill.text()

    with run.ctx.reading() as s:  # the cause is put right before acknowledging
        s.execute(update(OutboxEntry).where(OutboxEntry.seq == first).values(payload=saved))
    click(qtbot, page.alarms_tab.ack_button)
    dialog = page.ack_dialog
    assert dialog is not None and dialog.username.text() == "manager"
    dialog.username.clear()
    type_text(qtbot, dialog.username, "desk")  # not a manager: refused
    type_text(qtbot, dialog.password, DEMO_PASSWORD)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=TIMEOUT)
    assert bar.alarm.isVisible()
    dialog.username.clear()
    type_text(qtbot, dialog.username, "manager")
    type_text(qtbot, dialog.password, DEMO_PASSWORD)
    type_text(qtbot, dialog.note, "payload restored")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not bar.alarm.isVisible(), timeout=TIMEOUT)
    # the acknowledgement woke the service: what waited is sent now
    qtbot.waitUntil(lambda: bar.outbox.text() == "待发送 0", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.alarms_tab.table.rowCount() == 0, timeout=TIMEOUT)
    assert waiting in {e.seq for e in central_server.platform.events(TEST_WS)}
    assert not bar.alarm.isVisible()
