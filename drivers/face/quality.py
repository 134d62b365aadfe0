"""Face quality from pixels and the five landmarks: size, sharpness, frontalness.

Pure numpy, no model: used to pick the best live frames before embedding them, and
by the head-turn challenge (``yaw_ratio``).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from drivers.face.types import FaceBox, Image, KeyPoints, Point, Quality

FULL_SIZE_PX = 100.0  # a face this wide fills the 150 px dlib chip without upscaling
SHARP_RATIO = 0.1  # Laplacian/intensity variance of a sharp face crop is ~0.2, σ=1 blur ~0.03
YAW_LIMIT = 0.3  # |yaw_ratio| at which a face counts as not frontal at all
_SHARP_SIDE = 64  # crops are block-averaged to about this size first


def interocular(kp: KeyPoints) -> float:
    return math.dist(kp.eye_left, kp.eye_right)


def roll_degrees(kp: KeyPoints) -> float:
    dx = kp.eye_right[0] - kp.eye_left[0]
    dy = kp.eye_right[1] - kp.eye_left[1]
    return math.degrees(math.atan2(dy, dx))


def yaw_ratio(kp: KeyPoints) -> float:
    """Offset of the nose from the eyes' midpoint along the eye line, in interocular
    distances; positive towards the eye on the image's right.

    A real head turning by θ moves the nose (in front of the eyes) by about
    depth·sinθ while the eyes close up by cosθ, so the ratio grows ~0.35·tanθ (more
    under perspective; ~0.16 at 20° for a typical head at 60 cm). A flat
    photo turned in front of the camera compresses both alike: the ratio stays put.
    Roll does not change it (it is measured along the eye line).
    """
    ex, ey = kp.eye_right[0] - kp.eye_left[0], kp.eye_right[1] - kp.eye_left[1]
    iod = math.hypot(ex, ey)
    if iod < 1e-6:
        return 0.0
    mx, my = (kp.eye_left[0] + kp.eye_right[0]) / 2, (kp.eye_left[1] + kp.eye_right[1]) / 2
    return ((kp.nose[0] - mx) * ex + (kp.nose[1] - my) * ey) / (iod * iod)


def frontalness(kp: KeyPoints) -> float:
    return max(0.0, 1.0 - abs(yaw_ratio(kp)) / YAW_LIMIT)


def sharpness(gray: np.ndarray) -> float:
    """Variance of the Laplacian over the variance of the intensities (contrast-free),
    on the crop block-averaged to ~64 px so that it does not depend on the face size."""
    g = np.asarray(gray, dtype=np.float32)
    k = max(1, min(g.shape[:2]) // _SHARP_SIDE)
    h, w = (g.shape[0] // k) * k, (g.shape[1] // k) * k
    if h < 8 or w < 8:
        return 0.0
    g = g[:h, :w].reshape(h // k, k, w // k, k).mean(axis=(1, 3))
    lap = g[1:-1, 2:] + g[1:-1, :-2] + g[2:, 1:-1] + g[:-2, 1:-1] - 4 * g[1:-1, 1:-1]
    spread = float(g.var())
    return float(lap.var()) / spread if spread > 1e-6 else 0.0


def grey(image: Image) -> npt.NDArray[np.float32]:
    if image.ndim == 2:
        return image.astype(np.float32)
    # ITU-R BT.601 luma from BGR
    weights = np.array([0.114, 0.587, 0.299], dtype=np.float32)
    luma: npt.NDArray[np.float32] = image[..., :3].astype(np.float32) @ weights
    return luma


def assess(image: Image, box: tuple[float, float, float, float], kp: KeyPoints) -> Quality:
    x, y, w, h = box
    rows, cols = image.shape[:2]
    x0, y0 = max(0, int(x)), max(0, int(y))
    x1, y1 = min(cols, int(x + w)), min(rows, int(y + h))
    crop = grey(image[y0:y1, x0:x1]) if x1 > x0 and y1 > y0 else np.zeros((0, 0), np.float32)
    size = min(w, h)
    size_f = min(1.0, size / FULL_SIZE_PX)
    sharp_f = min(1.0, sharpness(crop) / SHARP_RATIO) if crop.size else 0.0
    front_f = frontalness(kp)
    return Quality(
        size_px=size, sharpness=sharp_f, frontalness=front_f, overall=size_f * sharp_f * front_f
    )


def mean_point(points: list[Point]) -> Point:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def dominant(faces: list[FaceBox], *, other_area: float) -> list[FaceBox]:
    """The faces that count as people: the largest, plus any other at least
    ``other_area`` of its area (much smaller faces are people far behind)."""
    if not faces:
        return []
    ranked = sorted(faces, key=lambda f: f.area, reverse=True)
    return [ranked[0]] + [f for f in ranked[1:] if f.area >= other_area * ranked[0].area]
