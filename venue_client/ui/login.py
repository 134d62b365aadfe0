"""The login and lock screen: username and password, Enter submits, the reason for a
refusal in plain words; on first run, the form that creates the administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from venue_client.services.users import ROLE_NAMES, UserInfo
from venue_client.ui.i18n import tr_text
from venue_client.ui.setup_admin import SetupAdminForm


def _field(name: str, placeholder: str, *, password: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(36)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginForm(QWidget):
    """Sign in, or unlock a locked session (the username is then fixed)."""

    submitted = Signal(str, str)
    switch_user = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.heading = QLabel()
        self.heading.setObjectName("loginHeading")
        layout.addWidget(self.heading)
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.username = _field("username", self.tr("用户名"))
        self.password = _field("password", self.tr("密码"), password=True)
        layout.addWidget(self.username)
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.button = QPushButton()
        self.button.setObjectName("loginButton")
        self.button.setMinimumHeight(38)
        self.button.setDefault(True)
        layout.addWidget(self.button)
        self.switch_button = QPushButton(self.tr("退出登录，切换用户"))
        self.switch_button.setObjectName("switchUser")
        self.switch_button.setFlat(True)
        layout.addWidget(self.switch_button)
        self.button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.switch_button.clicked.connect(self.switch_user.emit)
        self.locked_user: UserInfo | None = None
        self.show_login()

    def show_login(self) -> None:
        self.locked_user = None
        self.heading.setText(self.tr("登录"))
        self.note.setText(self.tr("请使用本人账号登录，所有操作都将记录在审计日志中。"))
        self.username.setEnabled(True)
        self.username.clear()
        self.password.clear()
        self.button.setText(self.tr("登录"))
        self.switch_button.hide()
        self.show_error("")
        self.set_busy(False)
        self.username.setFocus()

    def show_lock(self, user: UserInfo) -> None:
        self.locked_user = user
        self.heading.setText(self.tr("屏幕已锁定"))
        self.note.setText(
            self.tr("{name}（{role}）已锁定屏幕，请输入密码解锁。").format(
                name=user.display_name, role=tr_text(ROLE_NAMES[user.role])
            )
        )
        self.username.setText(user.username)
        self.username.setEnabled(False)
        self.password.clear()
        self.button.setText(self.tr("解锁"))
        self.switch_button.show()
        self.show_error("")
        self.set_busy(False)
        self.password.setFocus()

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        if not self.username.text().strip() or not self.password.text():
            self.show_error(self.tr("请输入用户名和密码"))
            return
        self.submitted.emit(self.username.text(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if busy:
            self.button.setText(self.tr("正在验证……"))
        else:
            self.button.setText(self.tr("解锁") if self.locked_user else self.tr("登录"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.password.clear()
            self.password.setFocus()


class LoginScreen(QFrame):
    """The whole window while nobody is signed in or the session is locked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(2)
        self.venue = QLabel()
        self.venue.setObjectName("loginVenue")
        self.venue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.venue.setText(self.tr("开标评标场所客户端"))
        outer.addWidget(self.venue)
        self.product = QLabel(self.tr("开标评标场所客户端"))
        self.product.setObjectName("loginProduct")
        self.product.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.product.hide()
        outer.addWidget(self.product)
        outer.addSpacing(18)
        card = QFrame()
        card.setObjectName("loginCard")
        card.setFixedWidth(400)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        self.stack = QStackedWidget()
        self.login = LoginForm()
        self.setup = SetupAdminForm()
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.setup)
        card_layout.addWidget(self.stack)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def set_venue(self, name: str) -> None:
        """The venue's name as the title; the product's name when it is not known."""
        self.venue.setText(name or self.product.text())
        self.product.setVisible(bool(name))

    def show_login(self) -> None:
        self.stack.setCurrentWidget(self.login)
        self.login.show_login()

    def show_lock(self, user: UserInfo) -> None:
        self.stack.setCurrentWidget(self.login)
        self.login.show_lock(user)

    def show_setup(self) -> None:
        self.stack.setCurrentWidget(self.setup)
        self.setup.reset()

    @property
    def mode(self) -> str:
        """What the screen asks for: "setup", "lock" or "login"."""
        if self.stack.currentWidget() is self.setup:
            return "setup"
        return "lock" if self.login.locked_user else "login"
