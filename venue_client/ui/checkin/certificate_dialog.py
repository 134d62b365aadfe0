"""CA 证书签到: the bidder's representative checks in with the company's CA
certificate on a USB key. The dialog lists the keys in the slots, reads the chosen
key's certificate (company and USCC shown at once), lets the desk pick which of the
company's representatives is present, and has the key sign a fresh challenge with
the PIN the representative types. Enter submits, Esc cancels; a wrong PIN is said
in the dialog (with the tries left) and the PIN can be typed again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drivers.common.errors import DeviceError
from drivers.token.keys import TokenInfo
from venue_client.domain.checkin import ExpectedPerson
from venue_client.domain.errors import UserFacingError
from venue_client.services.certsignin import PresentedKey, user_error
from venue_client.ui.i18n import error_message
from venue_client.ui.theme import FAILURE_RED, MUTED
from venue_client.ui.worker import Tasks

ListTokens = Callable[[], list[TokenInfo]]
ReadKey = Callable[[TokenInfo], PresentedKey]
Sign = Callable[[PresentedKey, str], object]  # a SignedChallenge, or what the caller needs


P = ParamSpec("P")
R = TypeVar("R")


def _device_safe(fn: Callable[P, R]) -> Callable[P, R]:
    """Token errors become the desk's user-facing errors (shown, never a crash)."""

    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except DeviceError as exc:
            raise user_error(exc) from exc

    return call


class CertificateDialog(QDialog):
    """Opened with ``open()``; ``signed(SignedChallenge, id_number)`` on success."""

    signed = Signal(object, str)

    def __init__(
        self,
        tasks: Tasks,
        *,
        list_tokens: ListTokens,
        read_key: ReadKey,
        sign: Sign,
        people: Sequence[ExpectedPerson],
        choose_person: bool = True,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``choose_person`` False: the key is used for something else than check-in
        (decryption at the opening desk): no representative to choose."""
        super().__init__(parent)
        self.setObjectName("certificateDialog")
        self.setWindowTitle(self.tr("CA 证书签到"))
        self.setMinimumWidth(520)
        self.tasks = tasks
        self._list, self._read, self._sign = (
            _device_safe(list_tokens),
            _device_safe(read_key),
            _device_safe(sign),
        )
        self.people = list(people)
        self.key: PresentedKey | None = None
        self.busy = False
        self._reading = 0  # the latest certificate read asked for
        self._build()
        self.person_row.setVisible(choose_person)
        if title:
            self.setWindowTitle(title)
        self.rescan_button.clicked.connect(self.rescan)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.tokens.currentItemChanged.connect(self._token_chosen)
        self.tokens.itemClicked.connect(self._to_pin)
        self.tokens.itemActivated.connect(self._to_pin)
        self._set_key(None)
        self.rescan()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        heading = QLabel(self.tr("请插入投标人的 CA 锁（企业数字证书）"))
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        self.tokens = QListWidget()
        self.tokens.setObjectName("tokenList")
        self.tokens.setMaximumHeight(150)
        layout.addWidget(self.tokens)
        self.cert_info = QLabel(" ")
        self.cert_info.setObjectName("certInfo")
        self.cert_info.setWordWrap(True)
        self.cert_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.cert_info)
        self.person_row = QWidget()
        row = QHBoxLayout(self.person_row)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("签到代表"))
        caption.setObjectName("fieldName")
        self.person = QComboBox()
        self.person.setObjectName("representative")
        caption.setBuddy(self.person)
        row.addWidget(caption)
        row.addWidget(self.person, 1)
        layout.addWidget(self.person_row)
        self.pin = QLineEdit()
        self.pin.setObjectName("tokenPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("由投标人代表输入 CA 锁 PIN"))
        self.pin.setMinimumHeight(34)
        layout.addWidget(self.pin)
        self.feedback = QLabel(" ")
        self.feedback.setObjectName("certFeedback")
        self.feedback.setWordWrap(True)
        layout.addWidget(self.feedback)
        buttons = QHBoxLayout()
        self.rescan_button = QPushButton(self.tr("重新检测 (F5)"))
        self.rescan_button.setShortcut("F5")
        buttons.addWidget(self.rescan_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消 (Esc)"))
        self.ok_button = QPushButton(self.tr("签到 (Enter)"))
        self.ok_button.setObjectName("primary")
        for button in (self.rescan_button, self.cancel_button, self.ok_button):
            button.setAutoDefault(False)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)

    # -- keys ------------------------------------------------------------------------

    def rescan(self) -> None:
        self._say(self.tr("正在检测 CA 锁…"), MUTED)
        self.tasks.run(self._list, on_done=self._listed, on_error=self._failed, owner=self)

    def _listed(self, tokens: list[TokenInfo]) -> None:
        self.tokens.clear()
        for info in tokens:
            text = self.tr("{label}（序列号 {serial}）").format(
                label=info.label, serial=info.serial or "-"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.tokens.addItem(item)
        if not tokens:
            self._set_key(None)
            self._say(self.tr("未检测到 CA 锁，请插入后按 F5 重新检测"), FAILURE_RED)
            return
        self._say(" ", MUTED)
        self.tokens.setCurrentRow(0)

    def _token_chosen(self, item: QListWidgetItem | None) -> None:
        self._set_key(None)
        if item is None:
            return
        info = item.data(Qt.ItemDataRole.UserRole)
        self._say(self.tr("正在读取证书…"), MUTED)
        self._reading += 1
        number = self._reading
        self.tasks.run(
            lambda: self._read(info),
            on_done=lambda key: self._read_done(key, number),
            on_error=lambda err: self._read_failed(err, number),
            owner=self,
        )

    def _to_pin(self, item: QListWidgetItem) -> None:
        """A click (or Enter) on the key already read: on to the PIN."""
        info = item.data(Qt.ItemDataRole.UserRole)
        if self.key is not None and self.key.label == info.label:
            self.pin.setFocus()

    def _read_failed(self, err: UserFacingError, number: int) -> None:
        if number == self._reading:  # not a key chosen before this one
            self._failed(err)

    def _read_done(self, key: PresentedKey, number: int) -> None:
        if number != self._reading:
            return
        self._set_key(key)
        self._say(" ", MUTED)
        self.pin.setFocus()

    def _set_key(self, key: PresentedKey | None) -> None:
        self.key = key
        self.person.clear()
        if key is None:
            self.cert_info.setText(self.tr("单位：-\n统一社会信用代码：-"))
            self.ok_button.setEnabled(False)
            return
        self.cert_info.setText(
            self.tr("单位：{company}\n统一社会信用代码：{uscc}").format(
                company=key.company or "-", uscc=key.uscc or "-"
            )
        )
        ours = [p for p in self.people if p.company_code and p.company_code == key.uscc]
        for person in ours:
            self.person.addItem(person.name, person.id_number)
        if not ours:
            self.person.addItem(self.tr("（证书单位不在本场次名单中）"), "")
        self.person.setEnabled(len(ours) > 1)
        self.ok_button.setEnabled(True)

    # -- signing ---------------------------------------------------------------------

    def submit(self) -> None:
        key = self.key
        if key is None or self.busy:
            return
        if not self.pin.text():
            self._say(self.tr("请输入 CA 锁 PIN"), FAILURE_RED)
            self.pin.setFocus()
            return
        pin, number = self.pin.text(), str(self.person.currentData() or "")
        self.busy = True
        self.ok_button.setEnabled(False)
        self._say(self.tr("正在由 CA 锁签名验证…"), MUTED)
        self.tasks.run(
            lambda: self._sign(key, pin),
            on_done=lambda signed: self._signed(signed, number),
            on_error=self._failed,
            on_finished=self._idle,
            owner=self,
        )

    def _signed(self, signed: object, number: str) -> None:
        self.signed.emit(signed, number)
        self.accept()

    def _idle(self) -> None:
        self.busy = False
        self.ok_button.setEnabled(self.key is not None)

    def _failed(self, err: UserFacingError) -> None:
        self.pin.clear()
        self._say(error_message(err), FAILURE_RED)
        self.pin.setFocus()

    def _say(self, text: str, colour: str) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(f"color:{colour}; font-weight:bold;")
