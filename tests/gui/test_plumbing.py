"""The worker, the bus bridge, the status bar and the crash reporter."""

from __future__ import annotations

import sys
import threading

from PySide6.QtWidgets import QApplication

from venue_client.domain.errors import UserFacingError
from venue_client.services.events import EventBus
from venue_client.services.users import E_DISPLAY_NAME
from venue_client.ui.bridge import EventBridge
from venue_client.ui.crash_dialog import CrashDialog, CrashReporter, summarise
from venue_client.ui.worker import Tasks

from .helpers import TIMEOUT, login


def test_worker_runs_off_the_gui_thread_and_answers_on_it(qtbot, qapp):
    tasks = Tasks()
    seen: dict[str, object] = {}

    def job() -> int:
        seen["job"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(value: object) -> None:
        seen["done"] = (value, threading.current_thread() is threading.main_thread())

    tasks.run(job, on_done=done)
    qtbot.waitUntil(lambda: "done" in seen, timeout=TIMEOUT)
    assert seen == {"job": False, "done": (42, True)}
    assert not tasks.busy()
    tasks.wait()


def test_worker_hands_user_facing_errors_to_on_error(qtbot, qapp):
    tasks = Tasks()
    errors: list[UserFacingError] = []
    finished: list[bool] = []

    def job() -> None:
        raise UserFacingError(E_DISPLAY_NAME)

    tasks.run(job, on_error=errors.append, on_finished=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=TIMEOUT)
    assert [e.text for e in errors] == [E_DISPLAY_NAME]
    tasks.wait()


def test_bridge_delivers_events_from_any_thread_on_the_gui_thread(qtbot, qapp):
    bus = EventBus()
    bridge = EventBridge(bus)
    got: list[tuple[str, object, bool]] = []
    bridge.received.connect(
        lambda name, data: got.append(
            (name, data, threading.current_thread() is threading.main_thread())
        )
    )
    worker = threading.Thread(
        target=lambda: bus.publish("device.state", device="读卡器", state="ok")
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(got), timeout=TIMEOUT)
    assert got == [("device.state", {"device": "读卡器", "state": "ok"}, True)]
    bridge.close()
    bus.publish("device.state", device="x", state="ok")
    QApplication.processEvents()
    assert len(got) == 1


def test_status_bar_follows_sync_and_device_events(qtbot, make_window):
    window = make_window()
    login(qtbot, window)
    status = window.status
    assert status.sync.text().endswith("离线 · 未连接中心平台")
    assert status.device.text() == "模拟设备"
    assert status.clock.text().startswith("北京时间 ") and status.clock.text().endswith(
        "（本机时钟）"
    )
    bus = window.env.ctx.bus
    threading.Thread(target=lambda: bus.publish("sync.state", state="online")).start()
    qtbot.waitUntil(lambda: status.sync.text().endswith("在线 · 已连接中心平台"), timeout=TIMEOUT)
    # The registry's shape: a stable key, a translatable label, ok/simulated/absent/fault.
    bus.publish("device.state", device="token", label="CA 锁", state="absent")
    bus.publish("device.state", device="idcard", label="身份证读卡器", state="fault")
    qtbot.waitUntil(lambda: status.device.text() == "设备异常：身份证读卡器", timeout=TIMEOUT)
    bus.publish("device.state", device="idcard", label="身份证读卡器", state="ok")
    qtbot.waitUntil(lambda: status.device.text() == "设备正常", timeout=TIMEOUT)
    size = status.audit_size or 0
    bus.publish("opening.started", seq=size + 5)
    qtbot.waitUntil(lambda: status.audit_size == size + 6, timeout=TIMEOUT)


def test_crash_reporter_logs_and_reports(qtbot, qapp, capsys, tmp_path):
    fatal: list[bool] = []
    reporter = CrashReporter(
        tmp_path / "venue-client.log", interactive=False, on_fatal=lambda: fatal.append(True)
    )
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None and exc is not None
    reporter.report(exc_type, exc, tb)
    assert fatal == [True]
    assert "RuntimeError: boom" in capsys.readouterr().err
    summary = summarise(exc_type, exc, tb)
    assert summary.startswith("RuntimeError: boom\ntest_plumbing.py:")
    dialog = CrashDialog(summary, "Traceback ...", tmp_path / "venue-client.log")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == summary
