"""``CameraSource``: the frame/packet source interface and its connection life cycle.

Each open source runs one loop on its own owner thread: connect, read until the
signal is lost, back off, reconnect, until ``close()``. A shared watchdog thread
(``watchdog.py``) declares the signal lost when no data arrived for ``loss_timeout`` seconds, even
while a read is still blocked; the loop then drops the connection and reconnects.
Subclasses implement ``_connect`` / ``_read`` / ``_disconnect`` (run on the owner
thread) and call ``_emit_packet`` / ``_emit_frame``.
"""

from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from drivers.camera.backoff import Backoff
from drivers.camera.errors import CameraError, camera_error
from drivers.camera.health import Health, StateCallback
from drivers.camera.model import EncodedPacket, Frame, Image, State, StreamInfo, clone_packet
from drivers.camera.subscription import Subscription
from drivers.camera.urls import CameraUrl, redact_text
from drivers.camera.watchdog import watchdog
from drivers.common import OwnerThread

if TYPE_CHECKING:
    import av

log = logging.getLogger("drivers.camera")


class _FrameTap:
    __slots__ = ("due", "interval", "sub")

    def __init__(self, sub: Subscription[Frame], max_fps: float | None) -> None:
        self.sub = sub
        self.interval = 1.0 / max_fps if max_fps else 0.0
        self.due = 0.0


class CameraSource(ABC):
    """A camera, file or test pattern delivering frames and (where it has them)
    encoded packets. Thread-safe public API; callbacks run on the source's threads
    and must return quickly."""

    def __init__(
        self,
        url: CameraUrl,
        *,
        loss_timeout: float = 3.0,
        open_timeout: float = 10.0,
        backoff: Backoff | None = None,
        stable_after: float = 10.0,
    ) -> None:
        self._url = url
        self.url = url.redacted  # never the credentials
        self.loss_timeout = loss_timeout
        self.open_timeout = open_timeout
        self.backoff = backoff or Backoff()
        self.stable_after = stable_after
        self.has_packets = True
        #: False for finite inputs (a file): the end of the input closes the source.
        self.live_source = True
        self.owner: OwnerThread | None = None
        self._health = Health(f"camera {self.url}", log)
        self._subs_lock = threading.Lock()
        self._packet_subs: list[Subscription[EncodedPacket]] = []
        self._frame_taps: list[_FrameTap] = []
        self._stop = threading.Event()
        self._info: StreamInfo | None = None
        self._last_error: CameraError | None = None
        self._epoch = 0
        self._frame_index = 0
        self._last_data = 0.0

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url} {self.state.value}>"

    # -- public API ---------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._health.state

    @property
    def info(self) -> StreamInfo | None:
        """Parameters of the current (or last) connection; None before the first."""
        return self._info

    @property
    def last_error(self) -> CameraError | None:
        return self._last_error

    @property
    def epoch(self) -> int:
        return self._epoch

    def on_state(self, callback: StateCallback) -> Callable[[], None]:
        """Call ``callback(StateChange)`` on every state change (on the source's
        threads; return quickly); returns an unsubscriber."""
        return self._health.on_state(callback)

    def open(self, *, wait: bool = True) -> None:
        """Start the source. With ``wait`` the first connection is awaited and its
        failure raised (the source is then closed); without it the source keeps
        retrying with back-off and reports each attempt through ``on_state``."""
        if self.owner is not None and self.owner.thread.is_alive():
            raise RuntimeError(f"{self!r} is already open")
        self._check()
        self._stop.clear()
        self._frame_index = 0
        self.owner = OwnerThread(f"camera {self.url}")
        first: Future[None] | None = Future() if wait else None
        self._set_state(State.CONNECTING)
        self.owner.submit(self._run, first)
        watchdog.add(self)
        if first is not None:
            try:
                first.result()
            except CameraError:
                self._join()
                raise

    def close(self, timeout: float = 5.0) -> None:
        """Stop and release the device; ends every subscription."""
        self._stop.set()
        # From inside a state callback the loop may be the caller: do not wait for it.
        self._join(timeout if threading.current_thread() is not self._health.dispatching else 0.0)
        self._finish()

    def wait_for(self, state: State, timeout: float) -> bool:
        return self._health.wait_for(state, timeout)

    def packets(self, maxsize: int = 600) -> Subscription[EncodedPacket]:
        """Encoded packets for stream copy, from the next keyframe on. Subscriptions
        may be made before ``open()`` (to get a file from its first packet); all of
        them end when the source closes."""
        if not self.has_packets:
            raise camera_error(CameraError.NO_PACKETS, self.url)
        sub: Subscription[EncodedPacket] = Subscription(
            maxsize, keyframe=lambda p: p.keyframe, on_close=self._unsubscribe
        )
        with self._subs_lock:
            self._packet_subs.append(sub)
        return sub

    def frames(self, max_fps: float | None = None, maxsize: int = 2) -> Subscription[Frame]:
        """Decoded BGR frames, at most ``max_fps`` a second; the oldest is dropped
        when the consumer falls behind."""
        sub: Subscription[Frame] = Subscription(maxsize, on_close=self._unsubscribe)
        with self._subs_lock:
            self._frame_taps.append(_FrameTap(sub, max_fps))
        return sub

    # -- for subclasses -------------------------------------------------------------

    def _check(self) -> None:  # noqa: B027 - optional hook
        """Fail fast (in the caller's thread) on what no retry can fix."""

    @abstractmethod
    def _connect(self) -> StreamInfo: ...

    @abstractmethod
    def _read(self) -> bool:
        """Read and emit one unit; False at the end of the input."""

    @abstractmethod
    def _disconnect(self) -> None: ...

    def _wants_frames(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        return any(now >= tap.due for tap in self._frame_taps)

    def _emit_frame(self, image: Image, pts: float | None = None, at: float | None = None) -> None:
        """``at``: capture time (time.time()) when the source knows it; else now."""
        now = time.monotonic()
        self._last_data = now
        frame = Frame(image, time.time() if at is None else at, self._frame_index, self._epoch, pts)
        self._frame_index += 1
        for tap in list(self._frame_taps):
            if now >= tap.due:
                if tap.interval:
                    late = now - tap.due >= tap.interval
                    tap.due = now + tap.interval if late else tap.due + tap.interval
                tap.sub.put(frame)

    def _emit_packet(self, packet: av.Packet[Any], keyframe: bool) -> None:
        self._last_data = time.monotonic()
        at = time.time()
        for n, sub in enumerate(list(self._packet_subs)):
            # Muxing changes a packet (stream, time base): each consumer gets its own.
            own = packet if n == 0 else clone_packet(packet)
            sub.put(EncodedPacket(own, at, self._epoch, keyframe))

    def _touch(self) -> None:
        self._last_data = time.monotonic()

    def _sleep(self, seconds: float) -> bool:
        """Interruptible sleep; True when the source is closing."""
        return self._stop.wait(seconds)

    # -- the loop (owner thread) ------------------------------------------------------

    def _run(self, first: Future[None] | None) -> None:
        attempt = 0
        first_error: CameraError | None = None
        while not self._stop.is_set():
            self._set_state(State.CONNECTING)
            try:
                self._info = self._connect()
            except CameraError as exc:
                if first is not None:
                    first_error = exc
                    break
                self._set_state(State.LOST, exc)
                self._sleep(self.backoff.delay(attempt))
                attempt += 1
                continue
            self._epoch += 1
            for sub in list(self._packet_subs):
                sub.resync()
            live_since = self._last_data = time.monotonic()
            self._set_state(State.LIVE)
            if first is not None:
                first.set_result(None)
                first = None
            error, ended = self._pump()
            if self._stop.is_set() or ended:
                break
            if time.monotonic() - live_since >= self.stable_after:
                attempt = 0
            self._set_state(State.LOST, error)
            self._sleep(self.backoff.delay(attempt))
            attempt += 1
        self._finish(first_error)
        if first is not None:
            first.set_exception(first_error or camera_error(CameraError.CLOSED, self.url))

    def _pump(self) -> tuple[CameraError | None, bool]:
        """Read until loss, close or end; (error, ended)."""
        error: CameraError | None = None
        ended = False
        try:
            while not self._stop.is_set() and self.state is State.LIVE:
                if not self._read():
                    if not self.live_source:
                        ended = True
                        break
                    raise camera_error(CameraError.END_OF_STREAM, self.url)
        except CameraError as exc:
            error = exc
        except Exception as exc:  # a driver bug or a library surprise: keep the camera up
            log.error(
                "camera %s: unexpected %s: %s", self.url, type(exc).__name__, redact_text(str(exc))
            )
            error = camera_error(CameraError.STREAM_ERROR, self.url, detail=type(exc).__name__)
        finally:
            try:
                self._disconnect()
            except Exception as exc:
                log.warning("camera %s: disconnect failed: %s", self.url, type(exc).__name__)
        return error, ended

    def _watchdog_check(self, now: float) -> None:
        if self.state is State.LIVE and now - self._last_data > self.loss_timeout:
            error = camera_error(CameraError.NO_SIGNAL, self.url, seconds=f"{self.loss_timeout:g}")
            # Recorded before the state changes, so whoever wakes on LOST sees why.
            previous, self._last_error = self._last_error, error
            # Only from LIVE: the loop may have moved on since the check above.
            if not self._health.set(
                State.LOST, error, refuse=lambda prev, _: prev is not State.LIVE
            ):
                self._last_error = previous

    def _join(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self.owner is not None:
            self.owner.stop(timeout)

    def _finish(self, error: CameraError | None = None) -> None:
        watchdog.remove(self)
        with self._subs_lock:
            subs: list[Subscription[EncodedPacket] | Subscription[Frame]] = [
                *self._packet_subs,
                *(tap.sub for tap in self._frame_taps),
            ]
            self._packet_subs.clear()
            self._frame_taps.clear()
        for sub in subs:
            sub.close()
        self._set_state(State.CLOSED, error)

    def _unsubscribe(self, sub: Subscription[EncodedPacket] | Subscription[Frame]) -> None:
        with self._subs_lock:
            self._packet_subs = [s for s in self._packet_subs if s is not sub]
            self._frame_taps = [t for t in self._frame_taps if t.sub is not sub]

    def _set_state(self, state: State, error: CameraError | None = None) -> None:
        if error is not None:
            self._last_error = error
        self._health.set(state, error, refuse=self._refuse)

    def _refuse(self, previous: State, state: State) -> bool:
        """Once closed, only open() (CONNECTING with the stop flag cleared) revives."""
        return previous is State.CLOSED and (state is not State.CONNECTING or self._stop.is_set())
