"""QR codes from camera frames (OpenCV).

``QRCodeDetectorAruco`` finds codes that the classic ``QRCodeDetector`` misses
(rotated, small, perspective); the classic one is the fallback where the Aruco
variant is missing from the OpenCV build. Any input is either decoded, found
empty, or rejected with a ``ScanError`` — never an OpenCV exception.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from drivers.camera.base import CameraSource
from drivers.camera.model import Frame, State
from drivers.camera.subscription import Subscription
from drivers.common import OwnerThread
from drivers.scanner.base import Point, Scan, ScanSource
from drivers.scanner.errors import ScanError, scan_error

log = logging.getLogger("drivers.scanner")

MIN_SIDE = 21  # the smallest QR code (version 1) at one pixel per module
MAX_PIXELS = 8192 * 8192


@dataclass(frozen=True, slots=True)
class QrCode:
    text: str
    points: tuple[Point, ...]  # four corners, clockwise from the top-left of the code


class QrDecoder:
    """Not thread-safe: one decoder per thread."""

    def __init__(self, backend: str = "auto") -> None:
        if backend not in ("auto", "aruco", "classic"):
            raise ValueError(f"unknown QR backend {backend!r}")
        aruco = getattr(cv2, "QRCodeDetectorAruco", None)
        if backend != "classic" and aruco is not None:
            self.backend = "aruco"
            self._detector: Any = aruco()
        elif backend == "aruco":
            raise scan_error(ScanError.UNSUPPORTED, detail="QRCodeDetectorAruco")
        else:
            self.backend = "classic"
            self._detector = cv2.QRCodeDetector()

    def decode(self, image: object) -> list[QrCode]:
        gray = _grey(image)
        if gray.shape[0] < MIN_SIDE or gray.shape[1] < MIN_SIDE:
            return []
        try:
            ok, texts, points, _ = self._detector.detectAndDecodeMulti(gray)
        except cv2.error as exc:
            raise scan_error(ScanError.DECODE_FAILED, detail=type(exc).__name__) from None
        if not ok or points is None:
            return []
        codes = []
        for text, corners in zip(texts, np.asarray(points, np.float64), strict=False):
            if text:
                pts = tuple((float(x), float(y)) for x, y in corners.reshape(-1, 2))
                codes.append(QrCode(str(text), pts))
        return codes


def _grey(image: object) -> NDArray[np.uint8]:
    """A contiguous 8-bit single-channel view of a BGR/BGRA/grey frame."""
    if not isinstance(image, np.ndarray):
        raise scan_error(ScanError.BAD_FRAME, detail=type(image).__name__)
    if image.dtype != np.uint8:
        raise scan_error(ScanError.BAD_FRAME, detail=str(image.dtype))
    if image.size == 0 or image.size > MAX_PIXELS * 4:
        raise scan_error(ScanError.BAD_FRAME, detail=f"shape {image.shape}")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 2:
        return np.ascontiguousarray(image)
    if image.ndim == 3 and image.shape[2] in (3, 4):
        code = cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        return np.asarray(cv2.cvtColor(np.ascontiguousarray(image), code), np.uint8)
    raise scan_error(ScanError.BAD_FRAME, detail=f"shape {image.shape}")


class QrScanSource(ScanSource):
    """Check-in QR codes from a camera's frames, decoded on this source's own thread
    at up to ``max_fps``; a code seen again within ``repeat_after`` seconds (held in
    front of the camera) is reported once. The camera is opened and closed by its
    owner, not by this source."""

    def __init__(
        self,
        camera: CameraSource,
        *,
        max_fps: float = 5.0,
        repeat_after: float = 3.0,
        backend: str = "auto",
    ) -> None:
        super().__init__(f"camera {camera.url}")
        self.camera = camera
        self.max_fps = max_fps
        self.repeat_after = repeat_after
        self._backend = backend
        self._frames: Subscription[Frame] | None = None
        self._owner: OwnerThread | None = None
        self._seen: dict[str, float] = {}
        self.errors = 0

    def open(self) -> None:
        if self._owner is not None:
            raise RuntimeError(f"{self!r} is already open")
        QrDecoder(self._backend)  # fail here, not on the thread, when unsupported
        self._frames = self.camera.frames(max_fps=self.max_fps, maxsize=1)
        self._owner = OwnerThread(f"qr {self.camera.url}")
        self._owner.submit(self._run, self._frames)
        self._set_state(State.LIVE)

    def close(self) -> None:
        frames, owner = self._frames, self._owner
        self._frames = self._owner = None
        if frames is not None:
            frames.close()
        if owner is not None:
            owner.stop()
        self._set_state(State.CLOSED)

    def _run(self, frames: Subscription[Frame]) -> None:
        decoder = QrDecoder(self._backend)
        for frame in frames:
            try:
                codes = decoder.decode(frame.image)
            except ScanError as exc:
                self.errors += 1
                log.warning("%s: %s", self.name, exc.code)
                continue
            for code in codes:
                if self._fresh(code.text, frame.at):
                    self._publish(Scan(code.text, self.name, frame.at, code.points))

    def _fresh(self, text: str, at: float) -> bool:
        last = self._seen.get(text)
        self._seen[text] = at
        if len(self._seen) > 256:
            cutoff = time.time() - self.repeat_after
            self._seen = {k: v for k, v in self._seen.items() if v >= cutoff}
        return last is None or at - last >= self.repeat_after
