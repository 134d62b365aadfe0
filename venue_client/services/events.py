"""A small publish/subscribe bus: services announce what happened; the UI's one
adapter re-emits each event as a Qt signal on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)
Handler = Callable[[str, dict[str, Any]], None]
ANY = "*"


class EventBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: dict[str, list[Handler]] = defaultdict(list)

    def subscribe(self, name: str, handler: Handler) -> Callable[[], None]:
        """Call ``handler(name, data)`` for events called ``name`` (or every event for
        ``"*"``); returns a function that unsubscribes."""
        with self._lock:
            self._handlers[name].append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers[name]:
                    self._handlers[name].remove(handler)

        return unsubscribe

    def publish(self, name: str, /, **data: Any) -> None:
        with self._lock:
            handlers = [*self._handlers.get(name, ()), *self._handlers.get(ANY, ())]
        for handler in handlers:
            try:
                handler(name, data)
            except Exception:  # a broken subscriber must not break the publisher
                log.exception("event handler failed for %s", name)
