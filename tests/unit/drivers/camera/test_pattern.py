from __future__ import annotations

import time

import numpy as np

from drivers.camera.pattern import qr_image, read_code, render


def test_code_strip_round_trips_at_several_sizes() -> None:
    now = time.time()
    for width, height in [(320, 240), (640, 360), (1280, 720), (1920, 1080)]:
        image = render(width, height, 4_000_000_123, now)  # index wraps at 32 bits
        index, at = read_code(image) or (None, None)
        assert index == 4_000_000_123 & 0xFFFFFFFF
        assert at is not None and abs(at - now) < 0.002


def test_frames_differ_over_time() -> None:
    a = render(640, 360, 1, 1_790_000_000.0)
    b = render(640, 360, 2, 1_790_000_001.0)
    assert a.shape == (360, 640, 3) and a.dtype == np.uint8
    assert np.count_nonzero(a != b) > 1000


def test_unreadable_images_give_none() -> None:
    assert read_code(np.zeros((360, 640, 3), np.uint8)) is None
    assert read_code(np.full((360, 640), 255, np.uint8)) is None
    assert read_code(np.zeros((5, 5), np.uint8)) is None


def test_qr_overlay_has_a_quiet_zone() -> None:
    qr = qr_image("X", 120)
    assert qr.shape == (120, 120)
    assert qr[:4].min() == 255 and qr[:, :4].min() == 255
