"""First run: nobody can administer the venue yet, so the first screen creates the
system administrator (and signs them in)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class SetupAdminForm(QWidget):
    submitted = Signal(str, str, str)  # username, display name, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        heading = QLabel(self.tr("首次使用：创建系统管理员"))
        heading.setObjectName("loginHeading")
        layout.addWidget(heading)
        note = QLabel(self.tr("系统管理员负责添加其他用户和分配角色。请牢记密码。"))
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.username = self._field("setupUsername", self.tr("用户名（如 admin）"))
        self.display_name = self._field("setupDisplayName", self.tr("姓名"))
        self.password = self._field(
            "setupPassword", self.tr("密码（至少 10 位，含字母和数字）"), True
        )
        self.confirm = self._field("setupConfirm", self.tr("再次输入密码"), True)
        for edit in (self.username, self.display_name, self.password, self.confirm):
            layout.addWidget(edit)
            edit.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.button = QPushButton(self.tr("创建并登录"))
        self.button.setObjectName("loginButton")
        self.button.setMinimumHeight(38)
        self.button.clicked.connect(self.submit)
        layout.addWidget(self.button)

    @staticmethod
    def _field(name: str, placeholder: str, password: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(36)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def reset(self) -> None:
        for edit in (self.username, self.display_name, self.password, self.confirm):
            edit.clear()
        self.show_error("")
        self.set_busy(False)
        self.username.setFocus()

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        if self.password.text() != self.confirm.text():
            self.show_error(self.tr("两次输入的密码不一致"))
            return
        self.submitted.emit(self.username.text(), self.display_name.text(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.button.setText(self.tr("正在创建……") if busy else self.tr("创建并登录"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
