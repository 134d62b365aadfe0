"""USB (UVC) cameras through OpenCV: ``usb://0`` (device index) or ``usb:///dev/video2``,
optionally ``?width=1280&height=720&fps=25&backend=v4l2|dshow|msmf|any&encode=h264``.

No encoded packets unless ``encode=h264`` (then frames are encoded with libx264).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import cv2
import numpy as np

from drivers.camera.base import CameraSource
from drivers.camera.encoder import TIME_BASE, H264Encoder
from drivers.camera.errors import CameraError, camera_error
from drivers.camera.model import StreamInfo
from drivers.camera.urls import CameraUrl
from drivers.common.owner import owned

BACKENDS = {
    "any": cv2.CAP_ANY,
    "v4l2": cv2.CAP_V4L2,
    "dshow": cv2.CAP_DSHOW,
    "msmf": cv2.CAP_MSMF,
    "avfoundation": cv2.CAP_AVFOUNDATION,
}


class UsbSource(CameraSource):
    def __init__(self, url: CameraUrl, **kwargs: Any) -> None:
        super().__init__(url, **kwargs)
        parts = urlsplit(url.target)
        path = unquote(parts.path)
        self.device: int | str
        if parts.netloc.isdigit() and not path.strip("/"):
            self.device = int(parts.netloc)
        elif path.startswith("/dev/"):
            self.device = path
        else:
            raise url.error("device")
        backend = url.option("backend", "any").lower()
        if backend not in BACKENDS:
            raise url.error(f"backend={backend}")
        self.backend = BACKENDS[backend]
        self.size = (int(url.number("width", 0)), int(url.number("height", 0)))
        self.fps = url.number("fps", 0)
        encode = url.option("encode", "none").lower()
        if encode not in ("none", "h264"):
            raise url.error(f"encode={encode}")
        self.encode = encode == "h264"
        self.has_packets = self.encode
        self._cap: cv2.VideoCapture | None = None
        self._encoder: H264Encoder | None = None
        self._start = 0.0

    def _device_node(self) -> Path | None:
        if isinstance(self.device, str):
            return Path(self.device)
        if sys.platform.startswith("linux"):
            return Path(f"/dev/video{self.device}")
        return None  # Windows/macOS: only opening tells

    def _check(self) -> None:
        node = self._device_node()
        if node is not None and not node.exists():
            raise camera_error(CameraError.NOT_FOUND, self.url)

    @owned
    def _connect(self) -> StreamInfo:
        node = self._device_node()
        if node is not None and not node.exists():  # unplugged since open()
            raise camera_error(CameraError.NOT_FOUND, self.url)
        cap = cv2.VideoCapture(self.device, self.backend)
        if not cap.isOpened():
            cap.release()
            raise camera_error(CameraError.NOT_FOUND, self.url)
        if self.size[0] and self.size[1]:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.size[0])
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.size[1])
        if self.fps:
            cap.set(cv2.CAP_PROP_FPS, self.fps)
        ok, image = cap.read()
        if not ok or image is None:
            cap.release()
            raise camera_error(CameraError.NOT_FOUND, self.url)
        height, width = image.shape[:2]
        fps = cap.get(cv2.CAP_PROP_FPS) or self.fps or 25.0
        self._cap, self._start = cap, time.monotonic()
        extradata = None
        if self.encode:
            self._encoder = H264Encoder(width, height, fps)
            extradata = self._encoder.extradata
        return StreamInfo(
            codec="h264" if self.encode else "rawvideo",
            width=width,
            height=height,
            fps=fps,
            time_base=TIME_BASE if self.encode else None,
            extradata=extradata,
            has_packets=self.encode,
        )

    @owned
    def _read(self) -> bool:
        assert self._cap is not None
        ok, raw = self._cap.read()
        if not ok or raw is None:
            raise camera_error(CameraError.NO_SIGNAL, self.url, seconds="0")
        image = np.asarray(raw, np.uint8)
        seconds = time.monotonic() - self._start
        if self._encoder is not None:
            for packet in self._encoder.encode(image, seconds):
                self._emit_packet(packet, packet.is_keyframe)
        self._emit_frame(image, seconds)
        return True

    @owned
    def _disconnect(self) -> None:
        cap, self._cap = self._cap, None
        if cap is not None:
            cap.release()
        encoder, self._encoder = self._encoder, None
        if encoder is not None:
            encoder.close()
