"""Connects the sync service (``env.sync``, may be None) to the main window: the status
bar learns whether a platform is configured, reads the service's first status off
the GUI thread, keeps time on the service's anchored clock while offline, and a click
on an alarm opens the 同步 page's alarms — or, for a role without that page, a notice
to call the branch manager."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from venue_client.ui.navigation import SYNC

if TYPE_CHECKING:
    from venue_client.ui.main_window import MainWindow


def attach_sync(window: MainWindow) -> None:
    env, bar = window.env, window.status
    bar.set_sync_configured(bool(env.ctx.settings.central.url))
    service = env.sync
    if service is not None:
        bar.trusted_now = service.watch.trusted_now
        env.tasks.run(
            service.status, on_done=lambda status: bar.set_sync_status(status.as_json()), owner=bar
        )
    bar.alarm_clicked.connect(lambda: open_alarms(window))


def open_alarms(window: MainWindow) -> None:
    """Where a click on the status bar's alarm leads."""
    if window.env.user is None or window.locked:
        return
    if window.shell.show_page(SYNC):
        page = window.shell.pages[SYNC]
        show = getattr(page, "show_alarms", None)
        if callable(show):
            show()
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("sync_ui", "同步告警"),
        window.status.alarm.toolTip()
        or QCoreApplication.translate("sync_ui", "有未确认的同步告警。"),
        parent=window,
    )
    box.setInformativeText(
        QCoreApplication.translate("sync_ui", "请联系分中心管理员在“同步”页面查看并确认。")
    )
    box.setObjectName("syncAlarmNotice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
