"""Value types shared by every face backend: boxes, embeddings, thresholds, decisions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from drivers.common import QT_TRANSLATE_NOOP, DriverText

Image = npt.NDArray[np.uint8]
"""An image as OpenCV gives it: ``H×W×3`` BGR (``H×W`` grey accepted), ``uint8``."""

Vector = npt.NDArray[np.float32]
Point = tuple[float, float]


class Metric(StrEnum):
    """How a backend's score reads: a distance (lower = more alike) or a similarity."""

    EUCLIDEAN = "euclidean"
    COSINE = "cosine"

    @property
    def lower_is_better(self) -> bool:
        return self is Metric.EUCLIDEAN


class Verdict(StrEnum):
    PASS = "pass"  # 通过  # noqa: S105 - not a password
    REVIEW = "review"  # 需主管复核
    FAIL = "fail"  # 不通过


VERDICT_TEXT: Mapping[Verdict, DriverText] = {
    Verdict.PASS: QT_TRANSLATE_NOOP("face", "人脸比对通过"),
    Verdict.REVIEW: QT_TRANSLATE_NOOP("face", "人脸比对存疑，需主管复核"),
    Verdict.FAIL: QT_TRANSLATE_NOOP("face", "人脸比对不一致"),
}


@dataclass(frozen=True)
class Thresholds:
    """``pass_at`` and ``fail_at`` on the backend's own scale; between them is REVIEW.

    For a distance PASS is ``score <= pass_at`` and FAIL ``score >= fail_at``; for a
    similarity PASS is ``score >= pass_at`` and FAIL ``score <= fail_at``.
    """

    pass_at: float
    fail_at: float

    def check(self, metric: Metric) -> None:
        ok = (
            self.pass_at <= self.fail_at if metric.lower_is_better else self.pass_at >= self.fail_at
        )
        if not ok:
            side = "<=" if metric.lower_is_better else ">="
            raise ValueError(
                f"thresholds for a {metric} score need pass_at {side} fail_at, got {self}"
            )

    def decide(self, score: float, metric: Metric) -> Verdict:
        if metric.lower_is_better:
            if score <= self.pass_at:
                return Verdict.PASS
            return Verdict.FAIL if score >= self.fail_at else Verdict.REVIEW
        if score >= self.pass_at:
            return Verdict.PASS
        return Verdict.FAIL if score <= self.fail_at else Verdict.REVIEW


@dataclass(frozen=True)
class KeyPoints:
    """The three points every backend provides, in image coordinates: the centres of
    the eye on the image's left and on its right, and the nose (dlib: the base of the
    nose; YuNet: its tip)."""

    eye_left: Point
    eye_right: Point
    nose: Point


@dataclass(frozen=True)
class Quality:
    """Why a face is (not) worth embedding; each factor in 0..1, ``overall`` their product."""

    size_px: float
    sharpness: float
    frontalness: float
    overall: float


@dataclass(frozen=True)
class FaceBox:
    x: float
    y: float
    width: float
    height: float
    score: float  # the detector's own confidence (dlib HOG: ~0..3; YuNet: 0..1)
    landmarks: tuple[Point, ...]  # the backend's five points, its own order
    keypoints: KeyPoints
    quality: Quality

    @property
    def area(self) -> float:
        return self.width * self.height

    @property
    def centre(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)


@dataclass(frozen=True, eq=False)  # compared by identity: it holds a numpy vector
class Embedding:
    vector: Vector = field(repr=False)
    face: FaceBox
    backend: str
    model_id: str  # SHA-256 over the backend's model files (see ``models.model_id``)


@dataclass(frozen=True, eq=False)
class LiveSet:
    """The best live embeddings of one check-in, computed before the ID photo arrives."""

    embeddings: tuple[Embedding, ...]
    backend: str
    model_id: str
    frames_total: int
    frames_without_face: int
    frames_ambiguous: int  # more than one person in the frame: not used


@dataclass(frozen=True)
class Decision:
    """One 1:1 comparison, as recorded with the check-in."""

    verdict: Verdict
    score: float  # the median over the live frames used
    metric: Metric
    thresholds: Thresholds
    frame_scores: tuple[float, ...]
    backend: str
    model_sha256: Mapping[str, str]  # model file name -> SHA-256 (hex)
    model_id: str
    id_face: FaceBox
    live_faces: tuple[FaceBox, ...]
    frames_total: int
    frames_without_face: int
    frames_ambiguous: int
    elapsed_ms: float  # the ID photo and the comparison (live frames precomputed or not)

    @property
    def text(self) -> DriverText:
        return VERDICT_TEXT[self.verdict]

    def to_record(self) -> dict[str, object]:
        """JSON-ready, without floats (the audit log's canonical JSON has none)."""
        return {
            "verdict": self.verdict.value,
            "score": _dec(self.score),
            "metric": self.metric.value,
            "pass_at": _dec(self.thresholds.pass_at),
            "fail_at": _dec(self.thresholds.fail_at),
            "frame_scores": [_dec(s) for s in self.frame_scores],
            "backend": self.backend,
            "model_sha256": dict(self.model_sha256),
            "model_id": self.model_id,
            "frames_total": self.frames_total,
            "frames_used": len(self.frame_scores),
            "frames_without_face": self.frames_without_face,
            "frames_ambiguous": self.frames_ambiguous,
        }


def _dec(value: float) -> str:
    return f"{value:.4f}"
