"""开标台: the opening of one section as the host runs it. One button takes the
session to its next stage (开始签到 → 宣布开标 → 开始解密 → 结束解密 → 签名确认 →
结束); the bid table shows each bid in the words staff know with live progress;
a bidder's representative decrypts with their USB key (F6); the backup key (F7)
needs a supervisor on the spot; confirmations (F8) and objections (F9) are recorded.
A bid that declared no opening summary (CMS) gets it entered from its documents
(F10), checked by a supervisor.

Keys: Enter on the step button, F6 CA 锁解密, F7 备用密钥解密, F8 签名确认, F9 异议,
F10 录入开标一览表, F11 大屏.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from venue_client.domain.errors import Message
from venue_client.services.certsignin import (
    NoPin,
    OneTimePin,
    PresentedKey,
    SignedChallenge,
    present_tokens,
    read_key,
    sign_challenge,
)
from venue_client.services.opening import OpeningService, OpeningStatus
from venue_client.services.users import UserInfo
from venue_client.ui.checkin.certificate_dialog import CertificateDialog
from venue_client.ui.checkin.keys import token_device, venue_identity
from venue_client.ui.checkin.supervisor_dialog import SupervisorDialog
from venue_client.ui.checkin.texts import R_NO_TOKEN_DEVICE
from venue_client.ui.env import UiEnv
from venue_client.ui.i18n import message_text, tr_text
from venue_client.ui.opening.bids_model import BidsModel, fit_columns
from venue_client.ui.opening.entry import start_entry
from venue_client.ui.opening.flow import OpeningFlow
from venue_client.ui.opening.hearing import ConfirmDialog, ObjectionDialog
from venue_client.ui.opening.texts import NEXT_STEP, T_COUNTS
from venue_client.ui.theme import FAILURE_RED, MUTED
from venue_client.ui.widgets import Card, style_table

PROGRESS_MS = 250


def next_step(service: OpeningService, ref: str, state: str, operator: UserInfo) -> Any:
    """The service call that moves a session in ``state`` to its next stage."""
    steps: dict[str, Callable[[], object]] = {
        "scheduled": lambda: service.begin_checkin(ref, operator=operator),
        "checking_in": lambda: service.start(ref, operator=operator),
        "opening": lambda: service.begin_decryption(ref, operator=operator),
        "decrypting": lambda: service.close_decryption(ref, operator=operator),
        "record": lambda: service.begin_confirmation(ref, operator=operator),
    }
    return steps[state]()


class OpeningDesk(Card):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setObjectName("openingDesk")
        self.env = env
        self.flow = OpeningFlow(env, self)
        self.ref = ""
        self.status: OpeningStatus | None = None
        self.dialog: QDialog | None = None
        self._build()
        self.flow.status.connect(self.show_status)
        self.flow.failed.connect(lambda text: self.say(text, FAILURE_RED))
        self.flow.message.connect(lambda text: self.say(text, MUTED))
        self.timer = QTimer(self)
        self.timer.setInterval(PROGRESS_MS)
        self.timer.timeout.connect(lambda: self.model.set_progress(self.flow.progress()))
        self.timer.start()
        keys = (
            (Qt.Key.Key_F6, self.decrypt_with_token),
            (Qt.Key.Key_F7, self.decrypt_with_backup),
            (Qt.Key.Key_F8, self.confirm),
            (Qt.Key.Key_F9, self.objection),
            (Qt.Key.Key_F10, self.enter_summary),
        )
        self.shortcuts = [QShortcut(QKeySequence(k), self, slot) for k, slot in keys]

    def _build(self) -> None:
        self.counts = QLabel("-")
        self.counts.setObjectName("openingCounts")
        self.body.addWidget(self.counts)
        self.model = BidsModel(self)
        self.table = QTableView()
        self.table.setObjectName("openingBids")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        style_table(self.table)
        fit_columns(self.table)
        self.model.reset_done.connect(lambda: fit_columns(self.table))
        self.body.addWidget(self.table, 1)
        self.action_row = actions = QHBoxLayout()
        self.step_button = QPushButton(" ")
        self.step_button.setObjectName("primary")
        self.step_button.clicked.connect(self.next_step)
        self.token_button = QPushButton(self.tr("CA 锁解密 (F6)"))
        self.token_button.clicked.connect(self.decrypt_with_token)
        self.backup_button = QPushButton(self.tr("备用密钥解密 (F7)"))
        self.backup_button.clicked.connect(self.decrypt_with_backup)
        self.confirm_button = QPushButton(self.tr("签名确认 (F8)"))
        self.confirm_button.clicked.connect(self.confirm)
        self.objection_button = QPushButton(self.tr("异议 (F9)"))
        self.objection_button.clicked.connect(self.objection)
        self.entry_button = QPushButton(self.tr("录入一览表 (F10)"))
        self.entry_button.clicked.connect(self.enter_summary)
        for button in (
            self.token_button,
            self.backup_button,
            self.entry_button,
            self.confirm_button,
            self.objection_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.step_button)
        self.body.addLayout(actions)
        self.message = QLabel(" ")
        self.message.setObjectName("openingMessage")
        self.message.setWordWrap(True)
        self.body.addWidget(self.message)

    # -- state ---------------------------------------------------------------------

    def set_session(self, ref: str) -> None:
        if ref != self.ref:
            self.ref, self.status = ref, None
            self.model.set_bids([])
            self.say(" ", MUTED)
            if ref:
                self.flow.prepare_demo(ref)
        if ref:
            self.flow.refresh(ref)

    def show_status(self, status: OpeningStatus | None) -> None:
        if status is None or status.session != self.ref:
            return
        self.status = status
        self.model.set_bids(status.bids)
        done = sum(b.state == "decrypted" for b in status.bids)
        running = sum(b.state == "decrypting" for b in status.bids)
        self.counts.setText(
            message_text(
                Message(
                    T_COUNTS, done=done, running=running, waiting=len(status.bids) - done - running
                )
            )
        )
        state = str(status.state)
        step = NEXT_STEP.get(state)
        self.step_button.setVisible(step is not None)
        if step is not None:
            self.step_button.setText(tr_text(step))
        decrypting = state == "decrypting"
        self.token_button.setEnabled(decrypting)
        self.backup_button.setEnabled(decrypting)
        self.entry_button.setEnabled(state in ("decrypting", "record"))
        self.confirm_button.setEnabled(state == "confirmation")
        self.objection_button.setEnabled(
            state in ("opening", "decrypting", "record", "confirmation")
        )

    def deadline_left(self, now: datetime) -> timedelta | None:
        """Time left to decrypt while the window is open (never negative), else None."""
        status = self.status
        if status is None or str(status.state) != "decrypting" or status.deadline is None:
            return None
        return max(status.deadline - now, timedelta(0))

    def say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{colour};")

    def selected_bid(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.status is None:
            return None
        return self.status.bids[rows[0].row()].bid_id

    # -- actions -------------------------------------------------------------------

    def next_step(self) -> None:
        status = self.status
        if status is None or self.dialog is not None:
            return
        ref, state, operator = self.ref, str(status.state), self.flow.operator
        if state == "confirmation":
            self.flow.close_and_publish(ref)
            return
        self.flow.run(ref, lambda service: next_step(service, ref, state, operator))

    def open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            if self.isVisible():
                self.window().activateWindow()  # the keys are the desk's again
        dialog.deleteLater()

    def _token_dialog(self, title: str, sign: Callable[[Any, PresentedKey, str], object]) -> Any:
        """The USB-key dialog for this session's bidders' keys; ``sign(source, key,
        pin)`` runs off the GUI thread. None when no USB key device is configured."""
        device = token_device(self.env)
        if device is None:
            return None
        ref = self.ref

        def source() -> Any:
            return device.source(self.flow.bidders(ref))

        return CertificateDialog(
            self.env.tasks,
            list_tokens=lambda: present_tokens(source()),
            read_key=lambda info: read_key(source(), info, NoPin()),
            sign=lambda key, pin: sign(source(), key, pin),
            people=[],
            choose_person=False,
            title=title,
            parent=self,
        )

    def decrypt_with_token(self) -> None:
        bid_id = self.selected_bid()
        if bid_id is None or self.dialog is not None or not self.token_button.isEnabled():
            return
        dialog = self._token_dialog(self.tr("CA 锁解密"), lambda _source, key, pin: (key, pin))
        if dialog is None:
            return
        ref = self.ref

        def chosen(pair: object, _number: str) -> None:
            assert isinstance(pair, tuple)
            key, pin = pair
            assert isinstance(key, PresentedKey) and isinstance(pin, str)
            self.flow.decrypt_with_token(ref, bid_id, key.label, pin)

        dialog.signed.connect(chosen)
        dialog.ok_button.setText(self.tr("解密 (Enter)"))
        self.open_dialog(dialog)

    def _sign_confirmation(self, ref: str, checkin_id: int) -> None:
        """签名确认 with the company's USB key: it signs the record as it stands."""
        env, flow = self.env, self.flow

        def sign(source: Any, key: PresentedKey, pin: str) -> SignedChallenge:
            return sign_challenge(
                source,
                key,
                OneTimePin(pin),
                venue=venue_identity(env),
                session=flow.service().confirmation_subject(ref),
                now=env.ctx.clock.now(),
            )

        if self.dialog is not None:
            return
        dialog = self._token_dialog(self.tr("CA 锁签名确认"), sign)
        if dialog is None:
            self.say(tr_text(R_NO_TOKEN_DEVICE), FAILURE_RED)
            return
        dialog.signed.connect(lambda signed, _number: flow.confirm_signed(ref, checkin_id, signed))
        dialog.ok_button.setText(self.tr("签名确认 (Enter)"))
        self.open_dialog(dialog)

    def decrypt_with_backup(self) -> None:
        bid_id = self.selected_bid()
        if bid_id is None or self.dialog is not None or not self.backup_button.isEnabled():
            return
        ref, operator = self.ref, self.flow.operator
        name = (
            next(b.bidder_name for b in self.status.bids if b.bid_id == bid_id)
            if self.status
            else ""
        )
        dialog = SupervisorDialog(
            self.env.tasks,
            lambda user, password: self.flow.service().approver(user, password, operator=operator),
            person=name,
            reasons=[self.tr("使用平台备用密钥解密须经监标人批准")],
            ok_text=self.tr("批准 (Enter)"),
            parent=self,
        )
        dialog.approved.connect(lambda user: self.flow.decrypt_with_backup(ref, bid_id, user))
        self.open_dialog(dialog)

    def _with_people(self, make: Any) -> None:
        ref = self.ref
        if not ref or self.dialog is not None:
            return
        self.env.tasks.run(lambda: self.flow.present_people(ref), on_done=make, owner=self)

    def confirm(self) -> None:
        if not self.confirm_button.isEnabled():
            return
        ref, operator = self.ref, self.flow.operator

        def make(people: list[Any]) -> None:
            dialog = ConfirmDialog(people, self)
            dialog.confirmed.connect(
                lambda cid: self.flow.run(ref, lambda s: s.confirm(ref, cid, operator=operator))
            )
            dialog.sign_requested.connect(  # once the choice dialog has closed
                lambda cid: QTimer.singleShot(0, lambda: self._sign_confirmation(ref, cid))
            )
            self.open_dialog(dialog)

        self._with_people(make)

    def objection(self) -> None:
        if not self.objection_button.isEnabled():
            return
        ref, operator = self.ref, self.flow.operator

        def record(cid: int, text: str, answer: str) -> None:
            def job(s: OpeningService) -> None:
                number = s.raise_objection(ref, cid, text, operator=operator)
                s.answer_objection(ref, number, answer, operator=operator)

            self.flow.run(ref, job)

        def make(people: list[Any]) -> None:
            dialog = ObjectionDialog(people, self)
            dialog.recorded.connect(record)
            self.open_dialog(dialog)

        self._with_people(make)

    def enter_summary(self) -> None:
        """F10: the opening summary of a decrypted bid that declared none (CMS),
        entered from its documents and checked by a supervisor."""
        if self.dialog is None and self.entry_button.isEnabled():
            start_entry(self)
