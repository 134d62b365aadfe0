"""Quality measures: landmark geometry, sharpness, which faces count as people."""

from __future__ import annotations

import math

import numpy as np
import pytest

from drivers.face.quality import (
    assess,
    dominant,
    frontalness,
    interocular,
    roll_degrees,
    sharpness,
    yaw_ratio,
)
from drivers.face.types import FaceBox, KeyPoints, Quality

FRONT = KeyPoints(eye_left=(100, 100), eye_right=(160, 100), nose=(130, 140))


def rotate(kp: KeyPoints, degrees: float, centre=(130, 120)) -> KeyPoints:
    t = math.radians(degrees)

    def r(p):
        x, y = p[0] - centre[0], p[1] - centre[1]
        return (
            centre[0] + x * math.cos(t) - y * math.sin(t),
            centre[1] + x * math.sin(t) + y * math.cos(t),
        )

    return KeyPoints(r(kp.eye_left), r(kp.eye_right), r(kp.nose))


def test_geometry_of_a_frontal_face():
    assert interocular(FRONT) == 60
    assert roll_degrees(FRONT) == 0
    assert yaw_ratio(FRONT) == 0
    assert frontalness(FRONT) == 1


def test_yaw_sign_and_roll_invariance():
    towards_right = KeyPoints((100, 100), (160, 100), (145, 140))
    assert yaw_ratio(towards_right) == pytest.approx(0.25)
    assert frontalness(towards_right) == pytest.approx(1 - 0.25 / 0.3)
    tilted = rotate(towards_right, 25)
    assert roll_degrees(tilted) == pytest.approx(25)
    assert yaw_ratio(tilted) == pytest.approx(0.25)


def test_yaw_ratio_ignores_a_flat_horizontal_squeeze():
    # What a turned photo looks like (affine): x compressed about the face centre.
    squeezed = KeyPoints(
        *[(130 + (x - 130) * 0.6, y) for x, y in (FRONT.eye_left, FRONT.eye_right, (136, 140))]
    )
    assert yaw_ratio(squeezed) == pytest.approx(
        yaw_ratio(KeyPoints((100, 100), (160, 100), (136, 140)))
    )


def test_degenerate_landmarks():
    same = KeyPoints((10, 10), (10, 10), (10, 20))
    assert yaw_ratio(same) == 0.0


def test_sharpness_drops_with_blur_and_ignores_contrast():
    rng = np.random.default_rng(0)
    face = np.kron(rng.integers(0, 255, (16, 16)), np.ones((6, 6))).astype(np.float32)
    sharp = sharpness(face)
    low_contrast = sharpness(face * 0.2 + 100)
    blurred = face.copy()
    for _ in range(4):  # box blur
        blurred = (
            blurred + np.roll(blurred, 1, 0) + np.roll(blurred, 1, 1) + np.roll(blurred, 1, (0, 1))
        ) / 4
    assert sharp == pytest.approx(low_contrast, rel=1e-3)
    assert sharpness(blurred) < sharp / 3
    assert sharpness(np.full((64, 64), 80.0)) == 0.0
    assert sharpness(np.zeros((4, 4))) == 0.0


def test_assess_combines_factors():
    rng = np.random.default_rng(1)
    image = rng.integers(0, 255, (200, 200, 3), dtype=np.uint8)
    q = assess(image, (50, 50, 50, 50), FRONT)
    assert q.size_px == 50 and q.frontalness == 1 and q.sharpness == 1
    assert q.overall == pytest.approx(0.5)
    outside = assess(image, (500, 500, 40, 40), FRONT)
    assert outside.sharpness == 0 and outside.overall == 0


def _box(x, y, side):
    kp = KeyPoints((x, y), (x + side, y), (x + side / 2, y + side / 2))
    return FaceBox(x, y, side, side, 1.0, (), kp, Quality(side, 1, 1, 1))


def test_dominant_keeps_comparable_faces_only():
    big, near, far = _box(0, 0, 100), _box(200, 0, 80), _box(300, 0, 40)
    assert dominant([], other_area=0.25) == []
    assert dominant([far, big], other_area=0.25) == [big]
    assert dominant([far, near, big], other_area=0.25) == [big, near]
