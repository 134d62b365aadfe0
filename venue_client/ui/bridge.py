"""The one adapter between the services' event bus and Qt: every bus event, published
from whatever thread, is re-emitted as the ``received`` signal on the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from venue_client.services.events import EventBus


class EventBridge(QObject):
    """Re-emits ``bus`` events as ``received(name, data)`` on the thread it lives on.

    (Named ``received`` rather than ``event``: a signal called ``event`` would shadow
    ``QObject.event()``, the virtual through which Qt delivers every QEvent.)
    """

    received = Signal(str, object)
    _incoming = Signal(str, object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Emitted from the publisher's thread; queued to this object's (GUI) thread.
        self._incoming.connect(self._relay)
        self._unsubscribe = bus.subscribe("*", self._forward)

    def _forward(self, name: str, data: dict[str, Any]) -> None:
        self._incoming.emit(name, dict(data))

    @Slot(str, object)
    def _relay(self, name: str, data: object) -> None:
        self.received.emit(name, data)

    def close(self) -> None:
        """Stop listening to the bus (before the bridge is destroyed)."""
        self._unsubscribe()
