"""The synthetic camera: burnt-in clock and counter, H.264 packets for stream copy."""

from __future__ import annotations

import time
from pathlib import Path

import av
import numpy as np
import pytest

from drivers.camera import CameraError, State, camera_source
from drivers.camera.pattern import read_code


def test_frames_carry_a_running_clock_and_counter() -> None:
    source = camera_source("sim://pattern?width=640&height=360&fps=20")
    source.open()
    try:
        assert source.info is not None and not source.info.has_packets
        frames = source.frames()
        first = frames.get(2)
        time.sleep(0.3)
        later = frames.get(2)
    finally:
        source.close()
    assert first is not None and later is not None
    assert first.image.shape == (360, 640, 3)
    assert np.count_nonzero(first.image != later.image) > 1000
    (n1, t1), (n2, t2) = read_code(first.image), read_code(later.image)  # type: ignore[misc]
    assert n2 > n1 and t2 > t1
    assert abs(t1 - first.at) < 0.05  # the burnt-in clock is the capture time
    with pytest.raises(CameraError) as info:
        source.packets()
    assert info.value.code == CameraError.NO_PACKETS


def test_h264_packets_stream_copy_into_fragmented_mp4(tmp_path: Path) -> None:
    source = camera_source("sim://pattern?width=640&height=360&fps=25&encode=h264&gop=10")
    source.open()
    try:
        packets = source.packets()
        got = [packets.get(2) for _ in range(25)]
    finally:
        source.close()
    assert all(p is not None for p in got) and got[0] is not None and got[0].keyframe
    info = source.info
    assert info is not None and info.codec == "h264" and info.extradata
    path = tmp_path / "sim.mp4"
    with av.open(str(path), "w", options={"movflags": "frag_keyframe+empty_moov"}) as out:
        stream = info.add_copy_stream(out)
        for item in got:
            assert item is not None
            item.packet.stream = stream
            out.mux(item.packet)
    with av.open(str(path)) as back:
        codes = [
            read_code(np.asarray(f.to_ndarray(format="bgr24"), np.uint8))
            for f in back.decode(video=0)
        ]
    numbers = [c[0] for c in codes if c is not None]
    assert len(numbers) == 25  # every frame's counter survived compression
    assert numbers == sorted(numbers) and numbers[-1] - numbers[0] == 24


def test_two_recorders_get_independent_packets(tmp_path: Path) -> None:
    source = camera_source("sim://pattern?width=320&height=240&fps=25&encode=h264&gop=5")
    subs = [source.packets(), source.packets()]
    source.open()
    try:
        got = [[s.get(2) for _ in range(10)] for s in subs]
    finally:
        source.close()
    assert source.info is not None
    for n, items in enumerate(got):
        with av.open(str(tmp_path / f"{n}.mkv"), "w") as out:
            stream = source.info.add_copy_stream(out)
            for item in items:
                assert item is not None
                item.packet.stream = stream
                out.mux(item.packet)
    assert got[0][3] is not None and got[1][3] is not None
    assert got[0][3].packet is not got[1][3].packet
    assert bytes(got[0][3].packet) == bytes(got[1][3].packet)
    for n in range(2):
        with av.open(str(tmp_path / f"{n}.mkv")) as back:
            assert sum(1 for _ in back.decode(video=0)) == 10


def test_sim_keeps_its_pace_and_closes_promptly() -> None:
    source = camera_source("sim://pattern?width=320&height=240&fps=50")
    source.open()
    frames = source.frames(maxsize=500)
    time.sleep(1.0)
    started = time.monotonic()
    source.close()
    assert time.monotonic() - started < 1.0
    assert source.state is State.CLOSED
    assert 40 <= len(list(frames)) <= 55
