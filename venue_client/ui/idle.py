"""Idle lock: after a stretch with no key press, click or mouse movement anywhere in
the application, ``idle`` fires and the window locks itself."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_seconds = timeout_seconds
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(max(int(min(timeout_seconds / 4, 5.0) * 1000), 50))
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False

    def start(self) -> None:
        """Begin watching (after a login or an unlock)."""
        if self.timeout_seconds <= 0:
            return  # idle lock switched off
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def _check(self) -> None:
        if time.monotonic() - self._last >= self.timeout_seconds:
            self._timer.stop()
            self.idle.emit()
