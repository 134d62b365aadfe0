"""Test images and generated models for the face tests (unit, integration, bench).

The images live in the shared folder (``$VENUE_SHARED_DIR/data/faces`` or
``../shared/data/faces`` beside the repository) and are never copied into the repo.
"""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np
import pytest

from drivers.face.types import Image


def faces_dir() -> Path:
    env = os.environ.get("VENUE_SHARED_DIR")
    shared = Path(env) if env else Path(__file__).resolve().parents[5] / "shared"
    return shared / "data" / "faces"


ASTRONAUT = "astronaut.png"
HOPPER = "grace_hopper_512x512.jpg"
# Face boxes (x, y, w, h) in the 512×512 originals, as dlib's HOG detector finds them.
HEADS = {ASTRONAUT: (179, 83, 88, 88), HOPPER: (161, 113, 216, 216)}


def load(name: str) -> Image:
    path = faces_dir() / name
    if not path.is_file():  # never skip: the face tests are part of the default suite
        pytest.fail(f"face test image {path} not found (set VENUE_SHARED_DIR to ../shared)")
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    assert image is not None, f"cannot decode {path}"
    return image


def id_photo(name: str, *, quality: int = 40) -> Image:
    """What the ID card gives: a head-and-shoulders crop, 102×126, JPEG at ``quality``."""
    image = load(name)
    x, y, w, h = HEADS[name]
    cx, cy = x + w / 2, y + h / 2 + 0.1 * h
    cw = 2.0 * w
    ch = cw * 126 / 102
    x0, y0 = max(0, round(cx - cw / 2)), max(0, round(cy - ch / 2))
    crop = image[y0 : round(y0 + ch), x0 : round(x0 + cw)]
    small = cv2.resize(crop, (102, 126), interpolation=cv2.INTER_AREA)
    return jpeg(small, quality)


def jpeg(image: Image, quality: int) -> Image:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    assert decoded is not None
    return decoded


def in_frame(image: Image, *, size: int = 480, x: int | None = None) -> Image:
    """``image`` scaled to ``size`` and placed in a grey 640×480 camera frame."""
    frame = np.full((480, 640, 3), 128, np.uint8)
    scaled = cv2.resize(image, (size, size), interpolation=cv2.INTER_AREA)
    x = (640 - size) // 2 if x is None else x
    y = (480 - size) // 2
    frame[y : y + size, x : x + size] = scaled
    return frame


def live_frame(name: str) -> Image:
    return in_frame(load(name))


def two_people() -> Image:
    """Both heads, the same size, side by side in one frame."""
    frame = np.full((480, 640, 3), 128, np.uint8)
    for i, name in enumerate((ASTRONAUT, HOPPER)):
        x, y, w, h = HEADS[name]
        pad = w // 2
        crop = load(name)[max(0, y - pad) : y + h + pad, max(0, x - pad) : x + w + pad]
        frame[100:340, 40 + 320 * i : 280 + 320 * i] = cv2.resize(crop, (240, 240))
    return frame


def blank() -> Image:
    return np.zeros((480, 640, 3), np.uint8)
