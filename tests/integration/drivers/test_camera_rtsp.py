"""RTSP cameras against a real RTSP server on loopback (GStreamer's, see
tests/support/rtsp.py), through the public API the app uses. No mocks of PyAV.

Covered: TCP and UDP transport (both served by the GStreamer server), basic
authentication, wrong password / path / port, loss by server death (TCP close)
and by a frozen server (no packets, sockets open: the watchdog), automatic
reconnection, stream copy of the received packets into fragmented MP4, and that
credentials never reach logs, exceptions, states or thread names.
Not covered here: digest authentication, RTSP over TLS (rtsps), multicast.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import av
import pytest

from drivers.camera import Backoff, CameraError, CameraSource, State, StateChange, camera_source
from tests.support.rtsp import RtspTestServer, free_port, require_server

USER, PASSWORD = "op-admin", "S3cr3t:p@ss/w#rd"
QUICK = Backoff(initial=0.2, factor=2, maximum=1.0, jitter=0.2)


@pytest.fixture(scope="module")
def server() -> Iterator[RtspTestServer]:
    require_server()
    with RtspTestServer(user=USER, password=PASSWORD) as srv:
        yield srv


@pytest.fixture
def own_server() -> Iterator[RtspTestServer]:
    """A server this test may kill, freeze and restart."""
    require_server()
    srv = RtspTestServer(user=USER, password=PASSWORD).start()
    yield srv
    srv.stop()


@pytest.fixture
def sources() -> Iterator[list[CameraSource]]:
    opened: list[CameraSource] = []
    yield opened
    for source in opened:
        source.close()


def _assert_no_secrets(*texts: str) -> None:
    for text in texts:
        assert PASSWORD not in text and "S3cr3t" not in text and USER not in text, text


@pytest.mark.parametrize("transport", ["tcp", "udp"])
def test_live_stream_gives_info_frames_and_copyable_packets(
    server: RtspTestServer, sources: list[CameraSource], transport: str, tmp_path: Path
) -> None:
    source = camera_source(server.url(transport), backoff=QUICK)
    sources.append(source)
    source.open()
    assert source.state is State.LIVE
    info = source.info
    assert info is not None
    assert (info.codec, info.width, info.height, info.fps) == ("h264", 640, 360, 25.0)
    assert info.extradata  # SPS/PPS from the SDP

    frames, packets = source.frames(max_fps=10), source.packets()
    frame = frames.get(5)
    assert frame is not None and frame.image.shape == (360, 640, 3) and frame.epoch == 1
    received = [packets.get(5) for _ in range(30)]
    assert all(p is not None for p in received)
    assert received[0] is not None and received[0].keyframe  # delivery starts at a keyframe

    # Stream copy into a fragmented MP4, then read it back.
    out_path = tmp_path / "copy.mp4"
    with av.open(str(out_path), "w", options={"movflags": "frag_keyframe+empty_moov"}) as out:
        stream = info.add_copy_stream(out)
        for item in received:
            assert item is not None
            item.packet.stream = stream
            out.mux(item.packet)
    with av.open(str(out_path)) as back:
        decoded = sum(1 for _ in back.decode(video=0))
    assert decoded >= 25


def test_wrong_password_path_and_port_are_typed_errors_without_secrets(
    server: RtspTestServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    av.logging.set_level(av.logging.VERBOSE)  # FFmpeg's own log lines too
    try:
        cases = [
            (server.url("tcp", password="wrong-S3cr3t"), CameraError.AUTH_FAILED),
            (server.url("tcp", path="/nope"), CameraError.STREAM_NOT_FOUND),
            (f"rtsp://{USER}:{PASSWORD}@127.0.0.1:{free_port()}/x", CameraError.UNREACHABLE),
        ]
        for url, code in cases:
            source = camera_source(url, open_timeout=5)
            with pytest.raises(CameraError) as info:
                source.open()
            assert info.value.code == code
            assert info.value.__suppress_context__  # FFmpeg's text (with the URL) is not chained
            _assert_no_secrets(str(info.value), repr(source), source.url)
    finally:
        av.logging.set_level(None)
    assert "摄像头拒绝了用户名或密码" in caplog.text
    _assert_no_secrets(caplog.text)


def test_password_typed_without_percent_encoding_still_works(
    server: RtspTestServer, sources: list[CameraSource]
) -> None:
    raw = f"rtsp://{USER}:{PASSWORD}@127.0.0.1:{server.port}{server.path}"
    source = camera_source(raw)
    sources.append(source)
    source.open()
    assert source.state is State.LIVE
    assert source.url == f"rtsp://***@127.0.0.1:{server.port}{server.path}"


def test_server_death_is_reported_and_the_camera_reconnects(
    own_server: RtspTestServer, sources: list[CameraSource], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    source = camera_source(own_server.url("tcp"), backoff=QUICK)
    sources.append(source)
    changes: list[StateChange] = []
    source.on_state(changes.append)
    source.open()
    packets = source.packets()
    assert packets.get(5) is not None

    killed = time.monotonic()
    own_server.kill()
    assert source.wait_for(State.LOST, 5)
    assert time.monotonic() - killed < 5
    own_server.start()
    assert source.wait_for(State.LIVE, 15)
    assert source.epoch == 2
    item = packets.get(5)
    while item is not None and item.epoch == 1:
        item = packets.get(5)
    assert item is not None and item.epoch == 2 and item.keyframe

    states = [c.state for c in changes]
    assert states[:4] == [State.CONNECTING, State.LIVE, State.LOST, State.CONNECTING]
    assert states[-1] is State.LIVE
    _assert_no_secrets(caplog.text, *(c.source for c in changes), *(str(c.error) for c in changes))
    _assert_no_secrets(*(t.name for t in threading.enumerate()))


def test_frozen_server_over_udp_is_detected_by_the_watchdog(
    own_server: RtspTestServer, sources: list[CameraSource]
) -> None:
    source = camera_source(own_server.url("udp"), backoff=QUICK)
    sources.append(source)
    source.open()
    assert source.frames().get(5) is not None
    frozen = time.monotonic()
    own_server.pause()  # no packets, no closed socket: only the watchdog can tell
    try:
        assert source.wait_for(State.LOST, 6)
        assert time.monotonic() - frozen < 5
        assert source.last_error is not None and source.last_error.code == CameraError.NO_SIGNAL
        assert "摄像头信号中断" in str(source.last_error)
    finally:
        own_server.resume()
    assert source.wait_for(State.LIVE, 15)
    assert source.epoch == 2


def test_background_open_waits_for_a_camera_that_comes_up_later(
    sources: list[CameraSource],
) -> None:
    require_server()
    srv = RtspTestServer(user=USER, password=PASSWORD)  # not started yet
    source = camera_source(srv.url("tcp"), backoff=QUICK, open_timeout=3)
    sources.append(source)
    changes: list[StateChange] = []
    source.on_state(changes.append)
    source.open(wait=False)
    try:
        time.sleep(0.8)
        assert source.state in (State.CONNECTING, State.LOST)
        assert any(c.error is not None and c.error.code == "unreachable" for c in changes)
        srv.start()
        assert source.wait_for(State.LIVE, 10)
    finally:
        srv.stop()
