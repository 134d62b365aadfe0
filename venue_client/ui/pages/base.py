"""The shape every page shares: ``fetch()`` reads through the services off the GUI
thread, ``present()`` shows the result; bus events whose names start with one of
``refresh_on`` trigger a (debounced) reload while the page is in use."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from venue_client.ui.env import UiEnv


class Page(QWidget):
    name: ClassVar[str] = ""
    refresh_on: ClassVar[tuple[str, ...]] = ()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName(f"page-{self.name}")
        self.loads = 0  # completed loads, for tests and the screenshot settle check
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(20, 16, 20, 12)
        self.outer.setSpacing(12)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.reload)

    def title(self) -> str:
        """The page's name in the navigation (translated)."""
        raise NotImplementedError

    def fetch(self) -> Any:
        """Read what the page shows. Runs on a worker thread: no widgets here."""
        return None

    def present(self, data: Any) -> None:
        """Show what ``fetch`` returned (GUI thread)."""

    def reload(self) -> None:
        self.env.tasks.run(self.fetch, on_done=self._loaded, owner=self)

    def _loaded(self, data: Any) -> None:
        self.present(data)
        self.loads += 1

    def activate(self) -> None:
        """Called each time the page is shown."""
        self.reload()

    def on_event(self, name: str, data: dict[str, Any]) -> None:
        if any(name.startswith(prefix) for prefix in self.refresh_on):
            self._reload_timer.start()

    def tick(self, now: datetime) -> None:
        """Called every second while the page is shown (countdowns)."""
