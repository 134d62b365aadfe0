"""``ScanSource``: anything that yields scanned codes (camera QR, serial scanner,
keyboard wedge) as ``Scan(text, source, at)``, with the same health states as
cameras (``drivers.camera.State``)."""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from drivers.camera.health import Health, StateCallback
from drivers.camera.model import State
from drivers.camera.subscription import Subscription
from drivers.common import DeviceError

log = logging.getLogger("drivers.scanner")

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Scan:
    text: str
    source: str  # which scanner, e.g. "serial /dev/ttyACM0" (no credentials)
    at: float  # time.time() when the code was read
    points: tuple[Point, ...] | None = None  # QR corners in the frame, when from a camera


ScanCallback = Callable[[Scan], None]


class ScanSource(ABC):
    def __init__(self, name: str) -> None:
        self.name = name
        self._health = Health(f"scanner {name}", log)
        self._lock = threading.RLock()
        self._subs: list[Subscription[Scan]] = []
        self._scan_callbacks: list[ScanCallback] = []

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.state.value}>"

    @property
    def state(self) -> State:
        return self._health.state

    def wait_for(self, state: State, timeout: float) -> bool:
        return self._health.wait_for(state, timeout)

    @abstractmethod
    def open(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    def scans(self, maxsize: int = 32) -> Subscription[Scan]:
        """Codes as they are read; ends when the source closes."""
        sub: Subscription[Scan] = Subscription(maxsize, on_close=self._unsubscribe)
        with self._lock:
            self._subs.append(sub)
        return sub

    def on_scan(self, callback: ScanCallback) -> Callable[[], None]:
        """Call ``callback(Scan)`` for every code (on the scanner's thread)."""
        with self._lock:
            self._scan_callbacks.append(callback)

        def remove() -> None:
            with self._lock:
                if callback in self._scan_callbacks:
                    self._scan_callbacks.remove(callback)

        return remove

    def on_state(self, callback: StateCallback) -> Callable[[], None]:
        return self._health.on_state(callback)

    def _publish(self, scan: Scan) -> None:
        log.info("scan from %s (%d characters)", self.name, len(scan.text))  # never the code
        with self._lock:
            subs, callbacks = list(self._subs), list(self._scan_callbacks)
        for sub in subs:
            sub.put(scan)
        for callback in callbacks:
            try:
                callback(scan)
            except Exception:
                log.exception("scan callback failed for %s", self.name)

    def _set_state(self, state: State, error: DeviceError | None = None) -> None:
        self._health.set(state, error)
        if state is State.CLOSED:
            with self._lock:
                subs, self._subs = self._subs, []
            for sub in subs:
                sub.close()

    def _unsubscribe(self, sub: Subscription[Scan]) -> None:
        with self._lock:
            self._subs = [s for s in self._subs if s is not sub]
