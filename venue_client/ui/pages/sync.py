"""同步 (branch manager, administrator): the link to the central platform — state, last
sync, clock skew, 立即同步 (F5) — the outbox (waiting, rejected events kept with the
platform's error), open alarms with the manager's acknowledgement, schedule changes
held after a session started, uploads and bid downloads, recent sync history, and
the audit log's head and last signed checkpoint. Every read runs in the worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QTabWidget

from venue_client.store.log_models import Role
from venue_client.sync import alarms, pending
from venue_client.sync.alarms import AlarmView
from venue_client.ui.i18n import tr_text
from venue_client.ui.navigation import SYNC
from venue_client.ui.pages.base import Page
from venue_client.ui.sync.ack_dialog import ManagerAckDialog
from venue_client.ui.sync.cards import AuditCard, OutboxCard, PlatformCard
from venue_client.ui.sync.snapshot import SyncHistory, SyncSnapshot, load_snapshot
from venue_client.ui.sync.tabs import AlarmsTab, ChangesTab, HistoryTab, RejectedTab, TransfersTab
from venue_client.ui.widgets import page_heading


class SyncPage(Page):
    name = SYNC
    refresh_on = ("audit.", "sync.", "outbox.", "schedule.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outer.addWidget(
            page_heading(
                self.tr("同步"),
                self.tr("断网时照常工作；恢复连接后，事件按顺序补传，检查点由中心平台见证。"),
            )
        )
        row = QHBoxLayout()
        row.setSpacing(12)
        self.platform = PlatformCard()
        self.outbox = OutboxCard()
        self.audit = AuditCard()
        row.addWidget(self.platform, 4)
        row.addWidget(self.outbox, 3)
        row.addWidget(self.audit, 4)
        self.outer.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.alarms_tab = AlarmsTab()
        self.rejected_tab = RejectedTab()
        self.changes_tab = ChangesTab()
        self.transfers_tab = TransfersTab()
        self.history_tab = HistoryTab()
        for tab in (
            self.alarms_tab,
            self.rejected_tab,
            self.changes_tab,
            self.transfers_tab,
            self.history_tab,
        ):
            self.tabs.addTab(tab, "")
        self._tab_titles(0, 0, 0)
        self.outer.addWidget(self.tabs, 1)

        # names the admin tests and the screenshot check use
        self.sign_button = self.audit.sign_button
        self.result = self.audit.result
        self.values = self.audit.values
        self.sync_button = self.platform.sync_button
        self.state_pill = self.platform.pill

        self.history = SyncHistory()
        self.snapshot: SyncSnapshot | None = None
        self.ack_dialog: ManagerAckDialog | None = None
        self.sign_button.clicked.connect(self.sign_checkpoint)
        self.sync_button.clicked.connect(self.sync_now)
        self.alarms_tab.ack_button.clicked.connect(self.acknowledge_alarm)
        self.changes_tab.apply_button.clicked.connect(lambda: self.resolve_change(True))
        self.changes_tab.dismiss_button.clicked.connect(lambda: self.resolve_change(False))
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.sync_now)
        self.env.bridge.received.connect(self._on_bus)

    def title(self) -> str:
        return self.tr("同步")

    def _tab_titles(self, alarm_count: int, rejected: int, changes: int) -> None:
        self.tabs.setTabText(0, self.tr("告警 ({n})").format(n=alarm_count))
        self.tabs.setTabText(1, self.tr("被拒绝的事件 ({n})").format(n=rejected))
        self.tabs.setTabText(2, self.tr("待处理日程变更 ({n})").format(n=changes))
        self.tabs.setTabText(3, self.tr("上传与下载"))
        self.tabs.setTabText(4, self.tr("同步记录"))

    # -- reading and showing ----------------------------------------------------------

    def _on_bus(self, name: str, data: object) -> None:
        """Every sync event goes into the history, whether or not the page is shown."""
        payload = data if isinstance(data, dict) else {}
        if name == "sync.prefetch":
            self.transfers_tab.show_download(payload)
        elif self.history.add(self.env.ctx.clock.now(), name, payload) and self.isVisible():
            self.history_tab.show_history(list(self.history.entries))

    def on_event(self, name: str, data: dict[str, Any]) -> None:
        if name != "sync.prefetch":  # progress ticks update the bar, not the whole page
            super().on_event(name, data)

    def fetch(self) -> SyncSnapshot:
        return load_snapshot(self.env)

    def present(self, data: Any) -> None:
        snap: SyncSnapshot = data
        self.snapshot = snap
        self.platform.show_snapshot(snap)
        self.outbox.show_snapshot(snap)
        self.audit.show_status(snap.audit)
        self.alarms_tab.show_alarms(snap.alarms)
        self.rejected_tab.show_rejected(snap.rejected)
        user = self.env.user
        manager = user is not None and user.role == Role.MANAGER
        self.changes_tab.show_changes(snap.changes, may_resolve=manager)
        self.transfers_tab.show_uploads(snap.uploads)
        if snap.status is not None:
            self.transfers_tab.show_download(snap.status.download)
        self.history_tab.show_history(list(self.history.entries))
        self._tab_titles(len(snap.alarms), snap.rejected_count, len(snap.changes))

    def show_alarms(self) -> None:
        """Open the alarms tab (the status bar's alarm was clicked)."""
        self.tabs.setCurrentWidget(self.alarms_tab)

    # -- actions -----------------------------------------------------------------------

    def sync_now(self) -> None:
        if not self.isVisible() or self.env.sync is None:
            return
        self.env.sync.sync_now()
        self.platform.error.setText(self.tr("已请求同步……"))
        self.platform.error.show()

    def acknowledge_alarm(self) -> None:
        alarm = self.alarms_tab.selected()
        if alarm is None:
            return
        user = self.env.user
        username = user.username if user is not None and user.role == Role.MANAGER else ""
        lines = [tr_text(alarm.label)]
        if alarm.subject:
            lines.append(self.tr("对象：{subject}").format(subject=alarm.subject))
        if alarm.blocking:
            lines.append(self.tr("确认后同步将恢复；原因未排除时告警会再次出现。"))
        dialog = ManagerAckDialog(
            self.env.tasks,
            lambda name, password, note: self._acknowledge(alarm, name, password, note),
            lines=lines,
            username=username,
            parent=self,
        )
        dialog.done_with.connect(self._acknowledged)
        dialog.finished.connect(lambda _result: setattr(self, "ack_dialog", None))
        self.ack_dialog = dialog
        dialog.open()

    def _acknowledge(self, alarm: AlarmView, username: str, password: str, note: str) -> AlarmView:
        """Worker thread: check the manager's password, then acknowledge (audited)."""
        manager = self.env.users.authenticate(username, password)
        return alarms.acknowledge(self.env.ctx, alarm.id, manager, note)

    def _acknowledged(self, _view: object) -> None:
        self.reload()
        if self.env.sync is not None:
            self.env.sync.sync_now()  # a blocking alarm no longer stops the next pass

    def resolve_change(self, apply_it: bool) -> None:
        change, user = self.changes_tab.selected(), self.env.user
        if change is None or user is None or user.role != Role.MANAGER:
            return
        question = (
            self.tr("应用标段 {section} 的第 {revision} 版变更？它将覆盖正在进行的场次的数据。")
            if apply_it
            else self.tr("不予采纳标段 {section} 的第 {revision} 版变更？")
        ).format(section=change["section"], revision=change["revision"])
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("日程变更"), question, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        yes = QMessageBox.StandardButton.Yes

        def clicked(button: Any) -> None:
            if box.standardButton(button) == yes:
                self._resolve(int(change["id"]), f"user:{user.username}", apply_it)

        box.buttonClicked.connect(clicked)
        box.open()

    def _resolve(self, change_id: int, actor: str, apply_it: bool) -> None:
        settings = self.env.ctx.settings
        venue = settings.central.venue_code or settings.venue.code
        self.env.tasks.run(
            lambda: pending.resolve_change(
                self.env.ctx, change_id, actor, apply_it=apply_it, venue_code=venue
            ),
            on_done=lambda _r: self.reload(),
            owner=self,
        )

    def sign_checkpoint(self) -> None:
        self.sign_button.setEnabled(False)
        self.result.setText(self.tr("正在签名……"))
        self.env.tasks.run(
            self.env.ctx.checkpoint,
            on_done=self._signed,
            on_finished=lambda: self.sign_button.setEnabled(True),
            owner=self,
        )

    def _signed(self, row: Any) -> None:
        if row is None:
            self.result.setText(self.tr("没有新事件，最近的检查点仍然有效。"))
        else:
            self.result.setText(self.tr("已签名检查点：{n} 个事件。").format(n=row.tree_size))
        self.reload()
