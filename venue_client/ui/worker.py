"""The one background-task primitive: run a function on a thread pool and deliver
its result (or its error) on the GUI thread.

The GUI thread never waits on the database, on Argon2 or on a device. A
``UserFacingError`` goes to the caller's ``on_error`` (or a message box); any other
exception is logged and reported by the crash dialog through ``sys.excepthook``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from venue_client.domain.errors import UserFacingError
from venue_client.ui.i18n import error_message

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[UserFacingError], None]


class _Relay(QObject):
    """Lives on the GUI thread (a child of ``Tasks``, so Python's garbage collector
    never deletes it mid-signal); the worker's emission is queued to it."""

    finished = Signal(object, object)

    def __init__(
        self, deliver: Callable[[object, BaseException | None], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self.finished.connect(self._on_finished)

    @Slot(object, object)
    def _on_finished(self, result: object, error: object) -> None:
        try:
            self._deliver(result, error if isinstance(error, BaseException) else None)
        finally:
            self.deleteLater()


def _work(fn: Callable[[], Any], relay: _Relay) -> None:
    """The body run on the pool thread."""
    try:
        outcome: tuple[object, object] = (fn(), None)
    except Exception as exc:
        outcome = (None, exc)
    try:
        relay.finished.emit(*outcome)
    except RuntimeError:  # the window (and the relay with it) is already gone
        log.debug("background result dropped: its receiver was destroyed")


class Tasks(QObject):
    """A queue of background jobs (one pool per resource: here, the database)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._pending: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        on_finished: Callable[[], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn()`` off the GUI thread; callbacks run on the GUI thread, and not
        at all once ``owner`` has been destroyed."""
        relay: _Relay

        def deliver(result: object, error: BaseException | None) -> None:
            self._pending.discard(relay)
            if owner is not None and not shiboken6.isValid(owner):
                return
            try:
                if error is None:
                    if on_done is not None:
                        on_done(result)
                elif isinstance(error, UserFacingError):
                    if on_error is not None:
                        on_error(error)
                    else:
                        _show_error(owner, error)
                else:
                    log.error("background task failed", exc_info=error)
                    sys.excepthook(type(error), error, error.__traceback__)
            finally:
                if on_finished is not None:
                    on_finished()

        relay = _Relay(deliver, self)
        self._pending.add(relay)
        self.pool.start(lambda: _work(fn, relay))

    def busy(self) -> bool:
        """Whether a job is running or its result has not been delivered yet."""
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every running job has finished (teardown and shutdown only)."""
        return self.pool.waitForDone(msecs)


def _show_error(owner: QObject | None, error: UserFacingError) -> None:
    parent = owner if isinstance(owner, QWidget) else None
    box = QMessageBox(QMessageBox.Icon.Warning, "", error_message(error), parent=parent)
    box.setWindowTitle(QCoreApplication.translate("Tasks", "提示"))
    box.open()
