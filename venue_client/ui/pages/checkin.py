"""签到台: the check-in desk. Pick the session; the expected people with live counts
(应到 / 已签到 / 拒绝, other desks' check-ins within about a second); place an ID
card and the result appears with no click: 通过 / 需人工复核 / 不通过 / 已签到.

Keys: F2 手工录入, F3 选择场次, F4 监标人确认, F5 刷新名单, F6 CA 证书签到,
F7 二维码签到, Esc 取消当前结果; demo mode: F9 放身份证, F10 扫签到码.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from venue_client.domain.checkin import Method, Outcome, Proof
from venue_client.domain.errors import UserFacingError
from venue_client.services.checkin_roster import Roster
from venue_client.services.schedule import SessionSummary
from venue_client.services.users import UserInfo
from venue_client.ui.checkin.camera_view import desk_camera
from venue_client.ui.checkin.card_watcher import CardWatcher
from venue_client.ui.checkin.flow import Attempt, CheckInFlow
from venue_client.ui.checkin.manual_entry import ManualEntryDialog
from venue_client.ui.checkin.panels import SIDE_WIDTH, DeviceCard, RosterCard
from venue_client.ui.checkin.proofs import AlternativeProofs
from venue_client.ui.checkin.result_panel import ResultPanel
from venue_client.ui.checkin.session_picker import SessionPicker
from venue_client.ui.checkin.supervisor_dialog import SupervisorDialog
from venue_client.ui.checkin.views import result_view
from venue_client.ui.i18n import error_message, message_text
from venue_client.ui.navigation import CHECKIN
from venue_client.ui.pages.base import Page

STATE_FILE = "desk.ini"


class CheckInPage(Page):
    name = CHECKIN
    refresh_on = ("checkin.", "session.", "schedule.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.flow = CheckInFlow(self.env, self)
        self.watcher = CardWatcher(self)
        self.roster: Roster | None = None
        self.pending: Attempt | None = None  # waiting for a supervisor
        self.last: Attempt | None = None
        self.dialog: QDialog | None = None
        self._loading = self._again = False
        self._queued: Any = None  # a card read while a check-in was still running
        self.proofs = AlternativeProofs(self)
        self.outer.addLayout(self._top_bar())
        body = QHBoxLayout()
        body.setSpacing(12)
        self.roster_card = RosterCard()
        self.model, self.table = self.roster_card.model, self.roster_card.table
        body.addWidget(self.roster_card, 1)
        body.addLayout(self._side(), 0)
        self.outer.addLayout(body, 1)
        self._shortcuts()
        self.flow.done.connect(self._checked)
        self.flow.failed.connect(self._check_failed)
        self.watcher.card_read.connect(self.on_card)
        self.watcher.status.connect(self._reader_status)
        self.result.confirm_requested.connect(self.confirm)

    # -- layout ----------------------------------------------------------------------

    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(10)
        heading = QLabel(self.tr("签到台"))
        heading.setObjectName("pageTitle")
        bar.addWidget(heading)
        bar.addSpacing(12)
        caption = QLabel(self.tr("场次 (F3)"))
        caption.setObjectName("fieldName")
        bar.addWidget(caption)
        self.picker = SessionPicker(self.env.ctx.settings.data_dir / STATE_FILE)
        self.picker.chosen.connect(self._session_chosen)
        caption.setBuddy(self.picker)
        bar.addWidget(self.picker, 1)
        self.manual_button = QPushButton(self.tr("手工录入 (F2)"))
        self.manual_button.clicked.connect(self.manual_entry)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        # Demo mode only: lay a card of someone on the list on the simulated reader.
        self.demo_button = QPushButton(self.tr("演示：放身份证 (F9)"))
        self.demo_button.clicked.connect(self.proofs.demo_card)
        self.demo_button.setVisible(False)
        self.demo_qr_button = QPushButton(self.tr("演示：扫签到码 (F10)"))
        self.demo_qr_button.clicked.connect(self.proofs.demo_pass)
        self.demo_qr_button.setVisible(self.env.demo)
        self.certificate_button = QPushButton(self.tr("CA 证书 (F6)"))
        self.certificate_button.clicked.connect(self.proofs.certificate)
        self.qr_button = QPushButton(self.tr("二维码 (F7)"))
        self.qr_button.clicked.connect(self.proofs.qr)
        for button in (
            self.demo_button,
            self.demo_qr_button,
            self.manual_button,
            self.certificate_button,
            self.qr_button,
            self.refresh_button,
        ):
            bar.addWidget(button)
        return bar

    def _side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(12)
        self.result = ResultPanel()
        self.result.setFixedWidth(SIDE_WIDTH)
        side.addWidget(self.result, 1)
        self.devices = DeviceCard()
        self.camera = self.devices.camera
        side.addWidget(self.devices)
        return side

    def _shortcuts(self) -> None:
        keys = (
            (Qt.Key.Key_F2, self.manual_entry),
            (Qt.Key.Key_F3, self.picker.setFocus),
            (Qt.Key.Key_F4, self.confirm),
            (Qt.Key.Key_F5, self.reload),
            (Qt.Key.Key_F6, self.proofs.certificate),
            (Qt.Key.Key_F7, self.proofs.qr),
            (Qt.Key.Key_F9, self.proofs.demo_card),
            (Qt.Key.Key_F10, self.proofs.demo_pass),
            (Qt.Key.Key_Escape, self.cancel),
        )
        self.shortcuts = [QShortcut(QKeySequence(key), self, slot) for key, slot in keys]
        self.setTabOrder(self.picker, self.manual_button)
        self.setTabOrder(self.manual_button, self.certificate_button)
        self.setTabOrder(self.certificate_button, self.qr_button)
        self.setTabOrder(self.qr_button, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.table)
        self.setTabOrder(self.table, self.result.confirm_button)

    def title(self) -> str:
        return self.tr("签到")

    # -- devices: only while the desk is on screen ----------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        registry = self.env.devices
        reader_device = registry.devices.get("idcard") if registry else None
        reader = getattr(reader_device, "reader", None)
        simulated = getattr(reader_device, "simulator", None) is not None
        self.demo_button.setVisible(simulated)
        if reader is not self.watcher.reader or not self.watcher.announced:
            self.watcher.set_reader(reader, simulated=simulated)
        self.devices.show_face(self.verifier())
        self.watcher.start()
        self.camera.attach(desk_camera(registry))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.watcher.stop()
        self.camera.detach()
        if self.dialog is not None:
            self.dialog.reject()
        super().hideEvent(event)

    def _reader_status(self, text: str, ok: bool) -> None:
        """The reader's state under the camera; a fault also where people look."""
        self.devices.show_reader(text, ok)
        if self.result.state == "idle":
            self.result.show_idle("" if ok else text)

    def verifier(self) -> Any:
        registry = self.env.devices
        device = registry.devices.get("face") if registry else None
        return getattr(device, "verifier", None)

    # -- the roster ------------------------------------------------------------------

    def reload(self) -> None:
        if self._loading:
            self._again = True  # read once more when this load is in
            return
        self._loading = True
        self._again = False
        ref, today = self.picker.ref, self.env.today()

        def fetch() -> tuple[list[SessionSummary], Roster | None]:
            sessions = self.env.schedule.sessions(today)
            known = ref in {s.id for s in sessions}
            return sessions, self.flow.roster(ref) if known else None

        self.env.tasks.run(
            fetch,
            on_done=self._loaded,
            on_error=self._load_failed,
            on_finished=self._load_finished,
            owner=self,
        )

    def _load_finished(self) -> None:
        self._loading = False
        if self._again:
            self.reload()

    def _load_failed(self, err: UserFacingError) -> None:
        self.roster_card.info.setText(error_message(err))

    def present(self, data: Any) -> None:
        sessions, roster = data
        self.picker.set_sessions(sessions)
        self.roster_card.set_empty(not sessions)
        if roster is None or roster.session != self.picker.ref:
            self._show_roster(None)
            if self.picker.ref:
                self._reload_timer.start()  # the picker chose another session: read it
            return
        self._show_roster(roster)

    def _show_roster(self, roster: Roster | None) -> None:
        self.roster = roster
        self.roster_card.show_roster(roster, self.picker.current())
        if roster is not None and self.last is not None and self.last.ref == roster.session:
            self.roster_card.select(self.last.verdict.id_number)

    def _session_chosen(self, _ref: str) -> None:
        self.cancel()
        self.last = None
        self._show_roster(None)
        self.reload()

    def tick(self, now: datetime) -> None:
        self.reload()  # other desks sharing the database show within about a second

    # -- checking in -------------------------------------------------------------------

    def on_card(self, card: Any) -> None:
        """A card was placed (``drivers.idcard.IdCard``): check the holder in."""
        if self.flow.busy:
            self._queued = card
            return
        if self.dialog is not None:
            self.dialog.reject()
        self.pending = None
        ref = self.picker.ref
        if not ref:
            self.result.show_idle(self.tr("请先选择场次，再放置身份证"))
            return
        proof = Proof(Method.CARD, id_number=card.id_number, name=card.name, valid_to=card.valid_to)
        self.result.show_busy(card.name)
        self.flow.check(
            ref,
            proof,
            card_name=card.name,
            verifier=self.verifier(),
            photo=card.photo,
            frames=self.camera.frames(),
        )

    def manual_entry(self) -> None:
        if self.dialog is not None or not self.picker.ref:
            return
        dialog = ManualEntryDialog(self.env.today(), self)
        dialog.entered.connect(self._manual_entered)
        self.open_dialog(dialog)

    def _manual_entered(self, number: str) -> None:
        self.pending = None
        self.result.show_busy(number)
        self.flow.check(self.picker.ref, Proof(Method.MANUAL, id_number=number))

    def confirm(self) -> None:
        """监标人确认: open the supervisor's dialog for the check-in waiting on it."""
        attempt = self.pending
        if attempt is None or self.dialog is not None:
            return
        reasons = [message_text(m) for m in attempt.verdict.reasons]
        dialog = SupervisorDialog(
            self.env.tasks,
            self.flow.authenticate,
            person=attempt.name,
            reasons=reasons,
            parent=self,
        )
        dialog.approved.connect(lambda user: self._approved(attempt, user))
        self.open_dialog(dialog)

    def _approved(self, attempt: Attempt, approver: UserInfo) -> None:
        if self.pending is attempt:
            self.pending = None
            self.result.show_busy(attempt.name)
            self.flow.approve(attempt, approver)

    def cancel(self) -> None:
        """Esc: drop the result on screen (a check-in waiting for a supervisor is not
        recorded) and wait for the next card."""
        if self.dialog is not None:
            self.dialog.reject()
        self.pending = None
        if not self.flow.busy:
            self.result.show_idle()

    def open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            if self.isVisible():
                self.window().activateWindow()  # the keys are the desk's again
        dialog.deleteLater()

    def _checked(self, attempt: Attempt) -> None:
        self.last = attempt
        waiting = attempt.outcome is Outcome.NEEDS_SUPERVISOR and attempt.recorded is None
        self.pending = attempt if waiting else None
        self.result.show_result(result_view(attempt))
        if waiting:
            self.result.confirm_button.setFocus()
        self.roster_card.select(attempt.verdict.id_number)
        if attempt.recorded is not None:
            self.reload()
        self._next_queued()

    def _check_failed(self, message: str) -> None:
        self.result.show_idle(message)
        self._next_queued()

    def _next_queued(self) -> None:
        card, self._queued = self._queued, None
        if card is not None:
            self.on_card(card)
