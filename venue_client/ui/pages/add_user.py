"""添加用户: the dialog that creates an account through ``UserService.add``; the
service's own checks (username, name, password strength) are shown as they come."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from venue_client.domain.errors import UserFacingError
from venue_client.services.users import ROLE_NAMES, UserInfo
from venue_client.store.log_models import Role
from venue_client.ui.env import UiEnv
from venue_client.ui.i18n import error_message, tr_text


class AddUserDialog(QDialog):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.created: UserInfo | None = None
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("添加用户"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("3–32 位字母、数字、点、下划线或连字符"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(tr_text(ROLE_NAMES[role]), role.value)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少 10 位，含字母和数字"))
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("确认密码"), self.confirm)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.show_error(self.tr("两次输入的密码不一致"))
            return
        actor = self.env.user.username if self.env.user else "admin"
        username, name = self.username.text(), self.display_name.text()
        role, password = Role(self.role.currentData()), self.password.text()
        self.show_error("")
        self.buttons.setEnabled(False)
        self.env.tasks.run(
            lambda: self.env.users.add(username, name, role, password, actor=actor),
            on_done=self._added,
            on_error=self._failed,
            on_finished=lambda: self.buttons.setEnabled(True),
            owner=self,
        )

    def _added(self, user: UserInfo) -> None:
        self.created = user
        self.accept()

    def _failed(self, err: UserFacingError) -> None:
        self.show_error(error_message(err))
