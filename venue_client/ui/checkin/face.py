"""Face comparison for one card read (worker thread): the ID photo against the live
frames the desk's camera gave, through the registry's face verifier when there is
one. Whenever no comparison is possible the result is ``FaceResult.UNAVAILABLE``
with the reason, and the domain routes the check-in to a supervisor."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from venue_client.domain.checkin import FaceResult
from venue_client.domain.errors import Message
from venue_client.ui.checkin.texts import (
    FACE_DECISIONS,
    N_BAD_PHOTO,
    N_FACE_ERROR,
    N_NO_CAMERA,
    N_NO_PHOTO,
    N_NO_VERIFIER,
    N_SCORE,
)

log = logging.getLogger(__name__)

SNAPSHOT_WIDTH = 320
VERDICTS = {"pass": FaceResult.PASS, "review": FaceResult.REVIEW, "fail": FaceResult.FAIL}


@dataclass(frozen=True)
class FaceCheck:
    result: FaceResult
    score: str = ""  # the backend's score as text ("0.2812"), "" when none
    backend: str = ""
    note: Message | None = None  # what the desk shows about the comparison


def decode_photo(photo: bytes) -> np.ndarray[Any, Any] | None:
    """The ID photo (a BMP from the vendor's decoder) as a BGR image, or None."""
    import cv2

    image = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    return image if image is not None and image.size else None


def compare_face(verifier: Any, photo: bytes | None, frames: Sequence[Any]) -> FaceCheck:
    """Compare the ID photo with the live frames (blocks: call it from a worker)."""
    if verifier is None:
        return FaceCheck(FaceResult.UNAVAILABLE, note=Message(N_NO_VERIFIER))
    if photo is None:
        return FaceCheck(FaceResult.UNAVAILABLE, note=Message(N_NO_PHOTO))
    if not frames:
        return FaceCheck(FaceResult.UNAVAILABLE, note=Message(N_NO_CAMERA))
    image = decode_photo(photo)
    if image is None:
        return FaceCheck(FaceResult.UNAVAILABLE, note=Message(N_BAD_PHOTO))
    try:
        decision = verifier.verify(image, list(frames))
    except Exception as exc:  # no face found, several faces, a closed backend...
        log.info("face comparison failed: %s", exc)
        text = getattr(exc, "text", None)
        error: object = Message(text, **getattr(exc, "args_map", {})) if text else str(exc)
        return FaceCheck(FaceResult.UNAVAILABLE, note=Message(N_FACE_ERROR, error=error))
    verdict = str(getattr(decision.verdict, "value", decision.verdict))
    result = VERDICTS.get(verdict, FaceResult.REVIEW)
    score = f"{float(decision.score):.4f}"
    backend = str(decision.backend)
    note = Message(N_SCORE, decision=FACE_DECISIONS[str(result)], score=score, backend=backend)
    return FaceCheck(result, score, backend, note)


def snapshot_jpeg(frame: Any) -> bytes | None:
    """A small JPEG of the live frame, kept (encrypted) with the check-in record."""
    import cv2

    if frame is None or getattr(frame, "size", 0) == 0:
        return None
    height, width = frame.shape[:2]
    if width > SNAPSHOT_WIDTH:
        frame = cv2.resize(frame, (SNAPSHOT_WIDTH, max(1, height * SNAPSHOT_WIDTH // width)))
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return bytes(data) if ok else None
