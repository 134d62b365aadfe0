"""The health state of one device (``State``), its change callbacks and waiting:
shared by camera and scanner sources."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from drivers.camera.model import State, StateChange
from drivers.common import DeviceError

StateCallback = Callable[[StateChange], None]


class Health:
    """Changes are delivered to callbacks in order, on the thread that made them
    (the device's owner thread or the watchdog); callbacks must return quickly."""

    def __init__(self, name: str, log: logging.Logger) -> None:
        self.name = name  # redacted
        self._log = log
        self._state = State.CLOSED
        self._cond = threading.Condition(threading.RLock())
        self._dispatch = threading.RLock()
        self._callbacks: list[StateCallback] = []
        #: the thread running callbacks right now (a callback may call close())
        self.dispatching: threading.Thread | None = None

    @property
    def state(self) -> State:
        return self._state

    def on_state(self, callback: StateCallback) -> Callable[[], None]:
        with self._cond:
            self._callbacks.append(callback)

        def remove() -> None:
            with self._cond:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return remove

    def wait_for(self, state: State, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._state is state, timeout)

    def set(
        self,
        state: State,
        error: DeviceError | None = None,
        refuse: Callable[[State, State], bool] | None = None,
    ) -> bool:
        """Move to ``state`` unless already there or ``refuse(previous, state)``;
        True if it moved."""
        with self._dispatch:
            with self._cond:
                previous = self._state
                if previous is state or (refuse is not None and refuse(previous, state)):
                    return False
                self._state = state
                callbacks = list(self._callbacks)
                self._cond.notify_all()
            change = StateChange(state, previous, self.name, time.time(), error)
            if error is not None:
                self._log.warning("%s: %s -> %s: %s", self.name, previous.value, state.value, error)
            else:
                self._log.info("%s: %s -> %s", self.name, previous.value, state.value)
            self.dispatching = threading.current_thread()
            try:
                for callback in callbacks:
                    try:
                        callback(change)
                    except Exception:
                        self._log.exception("%s: state callback failed", self.name)
            finally:
                self.dispatching = None
            return True
