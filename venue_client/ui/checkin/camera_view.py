"""The desk camera's preview, and the last few live frames for the face comparison.

The camera belongs to the device registry (opened, watched and reconnected there,
on its own owner thread); the preview only subscribes to its frames while the
desk is on screen and takes the newest one from the queue (never waiting) a few
times a second. Without a camera the preview says so and the face comparison
reports "no picture", which routes the check-in to a supervisor.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

PREVIEW_MS = 125
KEEP_FRAMES = 3
DESK_WORDS = ("开标台", "签到")  # a camera named like this watches the desk itself


def desk_camera(registry: Any) -> tuple[str, Any] | None:
    """(label, source) of the registry's camera facing the desk, else its first camera."""
    if registry is None:
        return None
    cameras = [
        (str(registry.labels.get(key, key)), device.source)
        for key, device in registry.devices.items()
        if getattr(device, "kind", "") == "camera" and getattr(device, "source", None)
    ]
    for label, source in cameras:
        if any(word in label for word in DESK_WORDS):
            return label, source
    return cameras[0] if cameras else None


class CameraPreview(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedSize(224, 126)
        self.setWordWrap(True)
        self.setStyleSheet("background:#1F2A3D; color:#B9C8E6; border-radius:6px;")
        self.label = ""
        self.recent: deque[Any] = deque(maxlen=KEEP_FRAMES)
        self._source: Any = None
        self._frames: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(PREVIEW_MS)
        self._timer.timeout.connect(self._pull)
        self.setText(self.tr("未配置摄像头"))

    @property
    def running(self) -> bool:
        return self._frames is not None

    def attach(self, camera: tuple[str, Any] | None) -> None:
        """Show ``camera`` (label, source) from now on; None: no camera."""
        source = camera[1] if camera else None
        if source is self._source and self.running:
            return
        self.detach()
        self._source = source
        self.label = camera[0] if camera else ""
        if source is None:
            self.setText(self.tr("未配置摄像头"))
            return
        self.setText(self.tr("摄像头连接中…"))
        self._frames = source.frames(max_fps=1000 / PREVIEW_MS)
        self._timer.start()

    def detach(self) -> None:
        """Stop watching (the camera itself stays open in the registry)."""
        self._timer.stop()
        frames, self._frames = self._frames, None
        self.recent.clear()
        if frames is not None:
            frames.close()

    def frames(self) -> list[Any]:
        """The last few live frames (BGR arrays), newest last."""
        return list(self.recent)

    def _pull(self) -> None:
        frames = self._frames
        frame = frames.get(timeout=0) if frames is not None else None
        if frame is None:
            return
        image = frame.image
        self.recent.append(image)
        height, width = image.shape[:2]
        qimage = QImage(image.data, width, height, image.strides[0], QImage.Format.Format_BGR888)
        pixmap = QPixmap.fromImage(qimage.copy()).scaled(
            self.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.setPixmap(pixmap)
