"""Video files as camera sources: a small H.264 MP4 generated at test time."""

from __future__ import annotations

import itertools
import time
from fractions import Fraction
from pathlib import Path

import av
import pytest

from drivers.camera import CameraError, State, camera_source
from drivers.camera.pattern import read_code, render

FPS = 25
FRAMES = 30


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 frames of the test pattern (frame numbers burnt in), 1.2 s, H.264 in MP4."""
    path = tmp_path_factory.mktemp("video") / "clip 1.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        stream.codec_context.gop_size = 10
        stream.codec_context.options = {"preset": "ultrafast"}
        for i in range(FRAMES):
            image = render(320, 240, i, 1_790_000_000 + i / FPS)
            frame = av.VideoFrame.from_ndarray(image, format="bgr24")
            frame.pts, frame.time_base = i, Fraction(1, FPS)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def test_whole_file_is_read_in_order_then_the_source_closes(clip: Path) -> None:
    source = camera_source(clip.as_uri())
    packets, frames = source.packets(maxsize=1000), source.frames(maxsize=1000)
    source.open()  # subscribed first: a file starts delivering at once
    assert source.wait_for(State.CLOSED, 10)
    assert source.info is not None and source.info.codec == "h264"
    assert (source.info.width, source.info.height) == (320, 240)
    got = list(packets)
    assert len(got) == FRAMES and got[0].keyframe
    numbers = [read_code(f.image) for f in frames]
    assert [n[0] if n else None for n in numbers] == list(range(FRAMES))


def test_looping_in_real_time_keeps_timestamps_increasing(clip: Path) -> None:
    source = camera_source(f"{clip.as_uri()}?loop=1&realtime=1")
    source.open()
    packets = source.packets()
    started = time.monotonic()
    got = []
    while time.monotonic() - started < 1.8:
        item = packets.get(2)
        assert item is not None
        got.append(item)
    source.close()
    assert source.state is State.CLOSED
    assert 1.8 * FPS * 0.8 <= len(got) <= 1.8 * FPS * 1.25  # paced like a camera
    dts = [item.packet.dts or 0 for item in got]
    assert all(b > a for a, b in itertools.pairwise(dts))  # across the loop too
    assert len(got) > FRAMES  # it did loop


def test_missing_and_broken_files_are_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(CameraError) as info:
        camera_source((tmp_path / "none.mp4").as_uri()).open()
    assert info.value.code == CameraError.FILE_NOT_FOUND
    assert "视频文件不存在" in str(info.value)
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video" * 100)
    with pytest.raises(CameraError) as info:
        camera_source(junk.as_uri()).open()
    assert info.value.code in (CameraError.STREAM_ERROR, CameraError.NO_VIDEO)
