"""The navy header: venue name, who is signed in and in which role, lock and log out."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from venue_client.services.users import ROLE_NAMES, UserInfo
from venue_client.ui.i18n import tr_text


class Header(QFrame):
    lock_requested = Signal()
    logout_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setFixedHeight(60)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 6, 16, 6)
        layout.setSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.venue = QLabel()
        self.venue.setObjectName("headerVenue")
        self.product = QLabel(self.tr("开标评标场所客户端"))
        self.product.setObjectName("headerProduct")
        titles.addWidget(self.venue)
        titles.addWidget(self.product)
        layout.addLayout(titles)
        layout.addStretch(1)
        self.user = QLabel()
        self.user.setObjectName("headerUser")
        layout.addWidget(self.user)
        self.lock_button = QPushButton(self.tr("锁屏"))
        self.lock_button.setObjectName("lockButton")
        self.logout_button = QPushButton(self.tr("退出登录"))
        self.logout_button.setObjectName("logoutButton")
        for button in (self.lock_button, self.logout_button):
            button.setProperty("headerButton", True)
            layout.addWidget(button)
        self.lock_button.clicked.connect(self.lock_requested.emit)
        self.logout_button.clicked.connect(self.logout_requested.emit)

    def set_venue(self, name: str) -> None:
        """The venue's name over the product's; the product's alone when it is not known."""
        self.venue.setText(name or self.product.text())
        self.product.setVisible(bool(name))

    def set_user(self, user: UserInfo | None) -> None:
        if user is None:
            self.user.clear()
            return
        self.user.setText(
            self.tr("{name} · {role}").format(
                name=user.display_name, role=tr_text(ROLE_NAMES[user.role])
            )
        )
