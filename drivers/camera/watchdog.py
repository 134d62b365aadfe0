"""One thread for every open camera: declares loss of signal on stale sources,
even while their owner thread is still blocked in a read."""

from __future__ import annotations

import logging
import threading
import time
import weakref
from typing import Protocol

log = logging.getLogger("drivers.camera")


class Watched(Protocol):
    url: str

    def _watchdog_check(self, now: float) -> None: ...


class Watchdog:
    def __init__(self, period: float = 0.2) -> None:
        self.period = period
        self._sources: weakref.WeakSet[Watched] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def add(self, source: Watched) -> None:
        with self._lock:
            self._sources.add(source)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="camera-watchdog", daemon=True
                )
                self._thread.start()

    def remove(self, source: Watched) -> None:
        with self._lock:
            self._sources.discard(source)

    def _run(self) -> None:
        while True:
            time.sleep(self.period)
            with self._lock:
                sources = list(self._sources)
            now = time.monotonic()
            for source in sources:
                try:
                    source._watchdog_check(now)
                except Exception:
                    log.exception("camera watchdog failed for %s", source.url)


watchdog = Watchdog()
