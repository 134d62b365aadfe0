"""The connection life cycle of ``CameraSource`` with a scripted device (no I/O):
back-off, watchdog, reconnect, callbacks, rate limiting, thread ownership."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from drivers.camera import Backoff, CameraError, CameraSource, State, StateChange, StreamInfo
from drivers.camera.errors import camera_error
from drivers.camera.urls import parse_camera_url
from drivers.common import WrongThreadError
from drivers.common.owner import owned

FAST = Backoff(initial=0.05, factor=2, maximum=0.2, jitter=0)


class Scripted(CameraSource):
    """``connects``: outcome of each connect ("ok"/"fail"); ``mode``: "stream"
    (a frame every 10 ms), "stall" (one frame then silence), "eof" (5 frames)."""

    def __init__(self, connects: list[str], mode: str = "stream", **kw: object) -> None:
        super().__init__(parse_camera_url("sim://pattern"), backoff=FAST, **kw)  # type: ignore[arg-type]
        self.connects = connects
        self.mode = mode
        self.reads = 0
        self.connect_times: list[float] = []

    @owned
    def _connect(self) -> StreamInfo:
        self.connect_times.append(time.monotonic())
        outcome = self.connects.pop(0) if self.connects else "ok"
        if outcome == "fail":
            raise camera_error(CameraError.UNREACHABLE, self.url, detail="test")
        self.reads = 0
        return StreamInfo("rawvideo", 4, 4, 100.0, has_packets=False)

    @owned
    def _read(self) -> bool:
        self.reads += 1
        if self.mode == "eof" and self.reads > 5:
            return False
        if self.mode == "stall" and self.reads > 1:
            self._sleep(0.05)
            return True
        self._sleep(0.01)
        self._emit_frame(np.zeros((4, 4, 3), np.uint8))
        return True

    @owned
    def _disconnect(self) -> None:
        pass


def _record(source: CameraSource) -> list[StateChange]:
    changes: list[StateChange] = []
    source.on_state(changes.append)
    return changes


def test_first_connect_failure_raises_and_closes() -> None:
    source = Scripted(["fail"])
    changes = _record(source)
    with pytest.raises(CameraError) as info:
        source.open()
    assert info.value.code == CameraError.UNREACHABLE
    assert source.state is State.CLOSED
    assert [c.state for c in changes] == [State.CONNECTING, State.CLOSED]
    assert source.owner is not None and not source.owner.thread.is_alive()


def test_background_open_retries_with_growing_delays() -> None:
    source = Scripted(["fail", "fail", "fail", "ok"])
    changes = _record(source)
    source.open(wait=False)
    try:
        assert source.wait_for(State.LIVE, 3)
    finally:
        source.close()
    states = [c.state for c in changes]
    assert states[:8] == [State.CONNECTING, State.LOST] * 3 + [State.CONNECTING, State.LIVE]
    assert states[-1] is State.CLOSED
    gaps = np.diff(source.connect_times)
    assert list(np.round(gaps, 2) >= [0.05, 0.1, 0.2]) == [True] * 3
    assert all(
        c.error is not None and c.error.code == "unreachable"
        for c in changes
        if c.state is State.LOST
    )


def test_watchdog_reports_a_stall_and_the_source_reconnects() -> None:
    source = Scripted([], mode="stall", loss_timeout=0.5)
    changes = _record(source)
    source.open()
    try:
        t0 = time.monotonic()
        assert source.wait_for(State.LOST, 3)
        assert 0.4 < time.monotonic() - t0 < 1.5
        assert source.last_error is not None and source.last_error.code == CameraError.NO_SIGNAL
        assert source.wait_for(State.LIVE, 3)
        assert source.epoch == 2
    finally:
        source.close()
    lost = next(c for c in changes if c.state is State.LOST)
    assert "0.5 秒无画面" in str(lost.error)


def test_end_of_a_live_stream_is_a_loss() -> None:
    source = Scripted([], mode="eof")
    source.open()
    try:
        assert source.wait_for(State.LOST, 2)
        assert source.last_error is not None and source.last_error.code == "end_of_stream"
        assert source.wait_for(State.LIVE, 2)
    finally:
        source.close()


def test_close_from_a_state_callback_does_not_deadlock() -> None:
    source = Scripted([], mode="eof")
    source.on_state(lambda c: source.close() if c.state is State.LOST else None)
    source.open()
    assert source.wait_for(State.CLOSED, 3)
    assert source.owner is not None
    source.owner.thread.join(2)
    assert not source.owner.thread.is_alive()


def test_a_failing_callback_does_not_stop_the_source() -> None:
    source = Scripted([])

    def bad(change: StateChange) -> None:
        raise RuntimeError("boom")

    source.on_state(bad)
    source.open()
    try:
        assert source.state is State.LIVE
        assert source.frames().get(2) is not None
    finally:
        source.close()


def test_frames_are_rate_limited_per_subscriber() -> None:
    source = Scripted([])
    source.open()
    slow, fast = source.frames(max_fps=10, maxsize=100), source.frames(maxsize=500)
    time.sleep(1.0)
    source.close()
    n_slow, n_fast = len(list(slow)), len(list(fast))
    assert 7 <= n_slow <= 12, n_slow
    assert n_fast > 3 * n_slow


def test_device_methods_refuse_other_threads_and_double_open() -> None:
    source = Scripted([])
    source.open()
    try:
        with pytest.raises(WrongThreadError):
            source._read()
        with pytest.raises(RuntimeError):
            source.open()
        assert any(t.name.startswith("device:camera sim://") for t in threading.enumerate())
    finally:
        source.close()
    assert source.state is State.CLOSED


def test_source_can_be_reopened_after_close() -> None:
    source = Scripted([])
    source.open()
    source.close()
    source.open()
    try:
        assert source.state is State.LIVE
    finally:
        source.close()
