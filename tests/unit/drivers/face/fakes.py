"""A model-free FaceVerifier for testing the shared logic: each "face" is a coloured
square drawn on black, its colour is its identity and its size its quality."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import numpy as np

from drivers.common.owner import owned
from drivers.face.base import FaceVerifier
from drivers.face.types import FaceBox, Image, KeyPoints, Metric, Quality, Thresholds, Vector


class FakeVerifier(FaceVerifier):
    name: ClassVar[str] = "fake"
    metric: ClassVar[Metric] = Metric.EUCLIDEAN
    default_thresholds: ClassVar[Thresholds] = Thresholds(0.2, 0.5)

    def __init__(self, **kwargs: object) -> None:
        self.loaded_on: str | None = None
        super().__init__(**kwargs)  # type: ignore[arg-type]

    @owned
    def _load(self) -> Mapping[str, str]:
        import threading

        self.loaded_on = threading.current_thread().name
        return {"fake.dat": "0" * 64}

    @owned
    def _detect(self, image: Image) -> list[FaceBox]:
        faces = []
        mask = image.max(axis=2) > 0
        seen = np.zeros_like(mask)
        for y, x in zip(*np.nonzero(mask), strict=True):
            if seen[y, x]:
                continue
            colour = image[y, x]
            same = np.all(image == colour, axis=2)
            h = int(same[y:, x].argmin() or same.shape[0] - y)
            w = int(same[y, x:].argmin() or same.shape[1] - x)
            seen[y : y + h, x : x + w] = True
            kp = KeyPoints(
                (x + w * 0.3, y + h * 0.4), (x + w * 0.7, y + h * 0.4), (x + w / 2, y + h * 0.6)
            )
            quality = Quality(float(w), 1.0, 1.0, min(1.0, w / 100))
            points = (kp.eye_left, kp.eye_right, kp.nose)
            faces.append(FaceBox(float(x), float(y), float(w), float(h), 1.0, points, kp, quality))
        return faces

    @owned
    def _embed(self, image: Image, face: FaceBox) -> Vector:
        return image[int(face.y), int(face.x)].astype(np.float32) / 255

    def _score(self, a: Vector, b: Vector) -> float:
        return float(np.linalg.norm(a - b))


def canvas(*squares: tuple[int, int, int, tuple[int, int, int]], size: int = 200) -> Image:
    """Squares (x, y, side, bgr colour) on black."""
    image = np.zeros((size, size, 3), np.uint8)
    for x, y, side, colour in squares:
        image[y : y + side, x : x + side] = colour
    return image
