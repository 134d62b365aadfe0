"""USB cameras through OpenCV. This machine has no /dev/video*: what runs here is the
clear "camera not found" error; with a camera attached, a frame is read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drivers.camera import CameraError, State, camera_source


def _has_camera(index: int) -> bool:
    return Path(f"/dev/video{index}").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="device nodes are Linux")
def test_missing_camera_is_a_clear_error() -> None:
    index = next(i for i in range(64) if not _has_camera(i))
    source = camera_source(f"usb://{index}")
    assert not source.has_packets
    with pytest.raises(CameraError) as info:
        source.open()
    assert info.value.code == CameraError.NOT_FOUND
    assert str(info.value) == f"未找到摄像头：usb://{index}，请检查连接线和设备编号"
    assert source.state is State.CLOSED
    with pytest.raises(CameraError):
        camera_source("usb:///dev/video-none").open()


@pytest.mark.skipif(not _has_camera(0), reason="no USB camera on this machine")
def test_attached_camera_gives_frames() -> None:  # pragma: no cover - needs hardware
    source = camera_source("usb://0")
    source.open()
    try:
        frame = source.frames().get(5)
        assert frame is not None and frame.image.ndim == 3
    finally:
        source.close()
