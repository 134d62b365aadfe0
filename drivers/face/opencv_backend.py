"""Optional backend: OpenCV's YuNet detector (``FaceDetectorYN``) and SFace recognizer
(``FaceRecognizerSF``), with ONNX files supplied by the venue.

The files are named in configuration with their SHA-256; each is read once, hashed,
and handed to OpenCV as that same buffer, so a file swapped after the check is never
loaded. Scores are cosine similarities (higher = more alike; OpenCV Zoo's published
same-person threshold is 0.363). The default thresholds are NOT calibrated here (the
models are not shipped): a venue must calibrate before relying on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np

from drivers.common.owner import owned
from drivers.face.base import FaceVerifier
from drivers.face.errors import BackendUnavailableError, ModelInvalidError
from drivers.face.models import ModelFile, read_verified
from drivers.face.quality import assess
from drivers.face.types import FaceBox, Image, KeyPoints, Metric, Thresholds, Vector

MAX_SIDE = 640  # YuNet finds faces of ~10-300 px: larger frames are scaled down first


class OpenCvVerifier(FaceVerifier):
    name: ClassVar[str] = "opencv-yunet-sface"
    metric: ClassVar[Metric] = Metric.COSINE
    default_thresholds: ClassVar[Thresholds] = Thresholds(pass_at=0.50, fail_at=0.30)

    def __init__(
        self,
        *,
        detector: ModelFile,
        recognizer: ModelFile,
        score_threshold: float = 0.6,
        nms_threshold: float = 0.3,
        top_k: int = 50,
        **kwargs: Any,
    ) -> None:
        self._files = (detector, recognizer)
        self._params = (score_threshold, nms_threshold, top_k)
        self._cv: Any = None
        super().__init__(**kwargs)

    @owned
    def _load(self) -> Mapping[str, str]:
        try:
            import cv2
        except ImportError as exc:
            raise BackendUnavailableError(
                "opencv", f"package opencv-python-headless not installed ({exc})"
            ) from exc
        if not hasattr(cv2, "FaceDetectorYN") or not hasattr(cv2, "FaceRecognizerSF"):
            raise BackendUnavailableError("opencv", f"OpenCV {cv2.__version__} lacks YuNet/SFace")
        detector, recognizer = self._files
        det_bytes, det_hash = read_verified(detector)
        rec_bytes, rec_hash = read_verified(recognizer)
        empty = np.empty(0, np.uint8)
        score, nms, top_k = self._params
        try:
            self._det = cv2.FaceDetectorYN.create(
                "onnx", np.frombuffer(det_bytes, np.uint8), empty, (320, 320), score, nms, top_k
            )
        except cv2.error as exc:
            raise ModelInvalidError(str(detector.path), _first_line(exc)) from exc
        try:
            self._rec = cv2.FaceRecognizerSF.create(
                "onnx", np.frombuffer(rec_bytes, np.uint8), empty
            )
        except cv2.error as exc:
            raise ModelInvalidError(str(recognizer.path), _first_line(exc)) from exc
        self._cv = cv2
        return {detector.name: det_hash, recognizer.name: rec_hash}

    @owned
    def _detect(self, image: Image) -> list[FaceBox]:
        rows, cols = image.shape[:2]
        scale = min(1.0, MAX_SIDE / max(rows, cols))
        work = image
        if scale < 1.0:
            size = (round(cols * scale), round(rows * scale))
            work = self._cv.resize(image, size, interpolation=self._cv.INTER_AREA)
        self._det.setInputSize((work.shape[1], work.shape[0]))
        try:
            _, found = self._det.detect(work)
        except self._cv.error as exc:
            path = str(self._files[0].path)
            raise ModelInvalidError(path, f"detector failed: {_first_line(exc)}") from exc
        if found is None:
            return []
        return [self._face(image, row / scale) for row in np.asarray(found, np.float64)]

    @staticmethod
    def _face(image: Image, row: np.ndarray) -> FaceBox:
        # row: x, y, w, h, then right eye, left eye, nose tip, right and left mouth
        # corners (the person's right/left), then the score (not scaled).
        points = tuple((float(row[4 + 2 * i]), float(row[5 + 2 * i])) for i in range(5))
        eyes = sorted(points[:2])
        kp = KeyPoints(eye_left=eyes[0], eye_right=eyes[1], nose=points[2])
        box = (float(row[0]), float(row[1]), float(row[2]), float(row[3]))
        return FaceBox(*box, float(row[14]), points, kp, assess(image, box, kp))

    @owned
    def _embed(self, image: Image, face: FaceBox) -> Vector:
        row = np.array(
            [face.x, face.y, face.width, face.height]
            + [c for point in face.landmarks for c in point]
            + [face.score],
            dtype=np.float32,
        )[None, :]
        try:
            aligned = self._rec.alignCrop(image, row)
            feature = self._rec.feature(aligned)
        except self._cv.error as exc:
            path = str(self._files[1].path)
            raise ModelInvalidError(path, f"recognizer failed: {_first_line(exc)}") from exc
        return np.asarray(feature, dtype=np.float32).reshape(-1).copy()

    def _score(self, a: Vector, b: Vector) -> float:
        norm = float(np.linalg.norm(a) * np.linalg.norm(b))
        return float(np.dot(a, b)) / norm if norm > 0 else 0.0


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[-1] if text else type(exc).__name__
