"""The signed-in part of the window: header, role-based navigation on the left and
the pages in a stack."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from venue_client.services.users import UserInfo
from venue_client.ui.env import UiEnv
from venue_client.ui.header import Header
from venue_client.ui.navigation import PAGE_NAMES, pages_for
from venue_client.ui.pages import PAGE_CLASSES, Page


class Shell(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = Header()
        layout.addWidget(self.header)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QFrame()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(148)
        nav_layout = QVBoxLayout(self.nav)
        nav_layout.setContentsMargins(0, 12, 0, 12)
        nav_layout.setSpacing(2)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.pages: dict[str, Page] = {}
        self.nav_buttons: dict[str, QPushButton] = {}
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        for name in PAGE_NAMES:
            page = PAGE_CLASSES[name](env)
            self.pages[name] = page
            self.stack.addWidget(page)
            button = QPushButton(page.title())
            button.setObjectName(f"nav-{name}")
            button.setProperty("navButton", True)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, n=name: self.show_page(n))
            self.nav_group.addButton(button)
            nav_layout.addWidget(button)
            self.nav_buttons[name] = button
        nav_layout.addStretch(1)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        self.allowed: tuple[str, ...] = ()
        self.env.bridge.received.connect(self._on_bus)

    def set_user(self, user: UserInfo | None) -> None:
        """Show the navigation ``user``'s role allows and open its first page."""
        self.header.set_user(user)
        self.allowed = pages_for(user.role) if user else ()
        for name, button in self.nav_buttons.items():
            button.setVisible(name in self.allowed)
        if self.allowed:
            self.show_page(self.allowed[0])

    def visible_pages(self) -> list[str]:
        return [name for name in PAGE_NAMES if name in self.allowed]

    def show_page(self, name: str) -> bool:
        """Open page ``name`` if the role may; returns whether it is now shown."""
        if name not in self.allowed:
            return False
        page = self.pages[name]
        self.nav_buttons[name].setChecked(True)
        self.stack.setCurrentWidget(page)
        page.activate()
        return True

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) and self.allowed else None

    def current_name(self) -> str:
        page = self.current_page()
        return page.name if page else ""

    def _on_bus(self, name: str, data: object) -> None:
        page = self.current_page()
        if page is not None and isinstance(data, dict):
            page.on_event(name, data)
