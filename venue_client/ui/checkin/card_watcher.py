"""``CardWatcher``: polls the desk's ID card reader about every 300 ms and announces a
newly placed card, so a check-in needs no click.

The poll runs on the reader's own queue (a one-thread ``Tasks``), which hands it
to the reader's owner thread: the GUI thread never waits on the serial port. One
poll at a time; a tick while one is running is skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from venue_client.domain.errors import Message
from venue_client.ui.checkin.texts import R_FAULT, R_NONE, R_READY, R_SIMULATED
from venue_client.ui.i18n import message_text
from venue_client.ui.worker import Tasks

if TYPE_CHECKING:
    from drivers.idcard import IdCardReader, PollResult

log = logging.getLogger(__name__)

POLL_MS = 300


@dataclass(frozen=True)
class ReaderFault:
    """A poll that failed: what the driver said (translatable when it can be)."""

    message: Message


def driver_message(exc: Exception) -> Message:
    """A driver error as a ``Message`` (drivers carry ``text`` and ``args_map``)."""
    text = getattr(exc, "text", None)
    if text is not None and hasattr(text, "context"):
        return Message(R_FAULT, error=Message(text, **getattr(exc, "args_map", {})))
    return Message(R_FAULT, error=str(exc) or type(exc).__name__)


def poll_reader(reader: IdCardReader) -> PollResult | ReaderFault:
    """One poll (on a worker thread), opening the reader first if it is closed."""
    try:
        if not reader.is_open:
            reader.open()
        return reader.poll()
    except Exception as exc:  # any driver failure is shown as the reader's state
        log.info("ID card reader poll failed: %s", exc)
        return ReaderFault(driver_message(exc))


class CardWatcher(QObject):
    """Emits ``card_read(IdCard)`` for each newly placed card and ``status(text, ok)``
    when the reader's state changes."""

    card_read = Signal(object)
    status = Signal(str, bool)

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.tasks = Tasks(self, max_threads=1)  # the card reader's own queue
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.reader: IdCardReader | None = None
        self.simulated = False
        self.polls = 0  # completed polls (tests wait on it)
        self._in_flight = False
        self._last_status: tuple[str, bool] | None = None

    def set_reader(self, reader: IdCardReader | None, *, simulated: bool = False) -> None:
        self.reader = reader
        self.simulated = simulated
        if reader is None:
            self._announce(message_text(Message(R_NONE)), False)

    def start(self) -> None:
        if self.reader is not None and not self.timer.isActive():
            self.timer.start()
            self._tick()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def announced(self) -> bool:
        """Whether the reader's state has been shown yet."""
        return self._last_status is not None

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def shutdown(self, msecs: int = 5000) -> None:
        """Stop polling and wait for the poll in progress (teardown)."""
        self.stop()
        self.tasks.wait(msecs)

    def _tick(self) -> None:
        reader = self.reader
        if reader is None or self._in_flight:
            return
        self._in_flight = True
        self.tasks.run(
            lambda: poll_reader(reader),
            on_done=self._polled,
            on_finished=self._done,
            owner=self,
        )

    def _done(self) -> None:
        self._in_flight = False
        self.polls += 1

    def _polled(self, result: PollResult | ReaderFault) -> None:
        if isinstance(result, ReaderFault):
            self._announce(message_text(result.message), False)
            return
        ready = R_SIMULATED if self.simulated else R_READY
        self._announce(message_text(Message(ready)), True)
        if result.card is not None and self.timer.isActive():
            self.card_read.emit(result.card)

    def _announce(self, text: str, ok: bool) -> None:
        if self._last_status != (text, ok):
            self._last_status = (text, ok)
            self.status.emit(text, ok)
