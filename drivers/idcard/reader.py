"""``IdCardReader``: the second-generation ID card reader, owned by one thread.

Every public method may be called from any thread: it runs on the reader's
``OwnerThread`` (in order with the others) and waits for the result. The
low-level commands on ``reader.link`` are ``@owned``: called from any thread but
the owner they raise ``WrongThreadError``. To avoid blocking a GUI thread, submit
instead: ``reader.owner.submit(reader.read_card, 10.0)`` returns a Future.

A card is read once per placement: after a read, the same card is not read again
until a find reports no card (it was lifted). ``read_card`` and
``wait_for_card`` poll find every ``POLL_INTERVAL`` seconds; a find answers
within about 100 ms, so an empty reader is reported within one second.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import ParamSpec, TypeVar

from drivers.common.owner import OwnerThread, owned
from drivers.idcard.card import IdCard
from drivers.idcard.errors import (
    CardNotLiftedError,
    NoCardError,
    ReadCancelledError,
    ReaderNotOpenError,
)
from drivers.idcard.link import ReaderLink
from drivers.idcard.transport import DEFAULT_BAUDRATE, FALLBACK_BAUDRATES, SerialTransport, probe
from drivers.idcard.wlt import WltDecoder

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

POLL_INTERVAL = 0.15  # seconds between two finds while waiting for a card


class CardState(enum.Enum):
    ABSENT = "absent"  # no card on the reader
    NEW = "new"  # a card was placed and has just been read
    PRESENT = "present"  # the card read earlier is still on the reader
    LIFTED = "lifted"  # the card seen at the previous poll has been taken away


@dataclass(frozen=True)
class PollResult:
    state: CardState
    card: IdCard | None = None  # set when state is NEW


class _Seen(enum.Enum):
    NOTHING = 0
    UNREAD = 1  # a card is on the reader and has not been read yet
    READ = 2  # the card on the reader has been read: lift it first


class IdCardReader:
    """A reader on a port URL (``/dev/ttyUSB0``, ``COM3``, ``socket://host:port``)."""

    def __init__(
        self,
        url: str,
        *,
        baudrate: int = DEFAULT_BAUDRATE,
        timeout: float = 1.0,
        fallback_baudrates: Sequence[int] = FALLBACK_BAUDRATES,
        wlt_decoder: WltDecoder | None = None,
        fingerprint: bool = False,
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.fingerprint = fingerprint
        self.wlt_decoder = wlt_decoder
        self._baudrates = tuple(dict.fromkeys((baudrate, *fallback_baudrates)))
        self._link: ReaderLink | None = None
        self._seen = _Seen.NOTHING
        self._cancel = threading.Event()
        self._closed = False
        self.owner = OwnerThread(f"idcard:{url}")

    # --- lifecycle ----------------------------------------------------------------

    def open(self) -> None:
        """Open the port and check that a reader answers (trying the fallback baud rates)."""
        if self._closed:
            self.owner = OwnerThread(f"idcard:{self.url}")
            self._closed = False
        self.owner.call(self._open)

    def close(self) -> None:
        """Cancel any wait, close the port and stop the owner thread (``open`` restarts it)."""
        if self._closed:
            return
        self._cancel.set()
        try:
            self.owner.call(self._close)
        finally:
            self._closed = True
            self.owner.stop()

    def __enter__(self) -> IdCardReader:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._link is not None

    @property
    def baudrate(self) -> int:
        """The baud rate in use (after fallback), or the configured one before ``open``."""
        return self._link.transport.baudrate if self._link else self._baudrates[0]

    @property
    def link(self) -> ReaderLink:
        """Raw commands (owner thread only)."""
        if self._link is None:
            raise ReaderNotOpenError()
        return self._link

    # --- public API (any thread; runs on the owner thread) ------------------------

    def sam_reset(self) -> None:
        self._call(self._on_link, ReaderLink.sam_reset)

    def sam_status(self) -> None:
        """Return when the SAM reports OK, else raise its status error (e.g. ``0x60``)."""
        self._call(self._on_link, ReaderLink.sam_status)

    def sam_id(self) -> str:
        return self._call(self._on_link, ReaderLink.sam_id)

    def wait_for_card(self, timeout: float) -> bool:
        """Poll until a card that has not been read yet lies on the reader (True) or
        ``timeout`` seconds pass (False). ``cancel`` interrupts it."""
        return self._call(self._wait_for_card, timeout)

    def read_card(self, timeout: float = 10.0) -> IdCard:
        """Wait up to ``timeout`` seconds for a newly placed card and read it.

        Raises ``NoCardError`` (0x80) when none came, ``CardNotLiftedError`` when
        the card already read was never lifted, or the error of the failed step.
        """
        return self._call(self._read_card, timeout)

    def poll(self) -> PollResult:
        """One find (about 100 ms), never waiting for a card: reads a newly placed
        card, or reports whether the card already read is still there or lifted."""
        return self._call(self._poll)

    def cancel(self) -> None:
        """Interrupt a ``wait_for_card``/``read_card`` in progress (thread-safe)."""
        self._cancel.set()

    def _call(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run ``fn`` on the owner thread and wait; a closed reader raises instead of
        queueing work that would never run."""
        owner = self.owner
        if owner.is_current():
            return fn(*args, **kwargs)
        if self._closed:
            raise ReaderNotOpenError()
        future = owner.submit(fn, *args, **kwargs)
        while True:
            try:
                return future.result(timeout=0.5)
            except TimeoutError:
                if not owner.thread.is_alive() and future.cancel():
                    raise ReaderNotOpenError() from None

    # --- on the owner thread ------------------------------------------------------

    @owned
    def _open(self) -> None:
        if self._link is not None:
            return
        transport = SerialTransport(self.url, baudrate=self._baudrates[0])
        transport.open()
        try:
            probe(transport, self._baudrates, self.timeout)
        except BaseException:
            transport.close()
            raise
        self._link = ReaderLink(transport, self.owner, timeout=self.timeout)
        self._seen = _Seen.NOTHING
        log.info("ID card reader on %s at %d baud", self.url, transport.baudrate)

    @owned
    def _close(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            link.transport.close()

    @owned
    def _on_link(self, method: Callable[[ReaderLink], R]) -> R:
        return method(self.link)

    @owned
    def _find(self) -> bool:
        """One find; True when an unread card is on the reader. Tracks lifting."""
        if not self.link.find():
            self._seen = _Seen.NOTHING
            return False
        if self._seen is _Seen.READ:
            return False
        self._seen = _Seen.UNREAD
        return True

    @owned
    def _wait_for_card(self, timeout: float) -> bool:
        self._cancel.clear()
        deadline = time.monotonic() + timeout
        while True:
            started = time.monotonic()
            if self._find():
                return True
            now = time.monotonic()
            if now >= deadline:
                return False
            pause = min(deadline - now, max(0.0, POLL_INTERVAL - (now - started)))
            if self._cancel.wait(pause):
                raise ReadCancelledError()

    @owned
    def _read_card(self, timeout: float) -> IdCard:
        if not self._wait_for_card(timeout):
            if self._seen is _Seen.READ:
                raise CardNotLiftedError()
            raise NoCardError()
        return self._read_found()

    @owned
    def _read_found(self) -> IdCard:
        self.link.select()
        card = self.link.read(fingerprint=self.fingerprint)
        if self.wlt_decoder is not None:
            card = card.with_photo(self.wlt_decoder.decode(card.photo_wlt))
        self._seen = _Seen.READ
        log.info("ID card read (photo %s)", "decoded" if card.photo_available else "unavailable")
        return card

    @owned
    def _poll(self) -> PollResult:
        before = self._seen
        if self._find():
            return PollResult(CardState.NEW, self._read_found())
        if self._seen is _Seen.READ:
            return PollResult(CardState.PRESENT)
        return PollResult(CardState.ABSENT if before is _Seen.NOTHING else CardState.LIFTED)
