"""The synthetic camera: ``sim://pattern?width=1280&height=720&fps=25&encode=h264&qr=TEXT``.

Frames carry a burnt-in clock and frame counter (``pattern.read_code`` reads them
back). With ``encode=h264`` it also delivers H.264 packets (libx264, one keyframe
a second, or ``gop=N``) so recording code can stream-copy it like an IP camera;
``qr=`` shows a QR code (demo check-in). Backs demo mode and tests.
"""

from __future__ import annotations

import time
from typing import Any

from drivers.camera.base import CameraSource
from drivers.camera.encoder import TIME_BASE, H264Encoder
from drivers.camera.model import Image, StreamInfo
from drivers.camera.pattern import qr_image, render
from drivers.camera.urls import CameraUrl
from drivers.common.owner import owned

PATTERNS = ("pattern",)


class SimSource(CameraSource):
    def __init__(self, url: CameraUrl, **kwargs: Any) -> None:
        super().__init__(url, **kwargs)
        name = url.target.split("://", 1)[1].split("?", 1)[0].strip("/") or "pattern"
        if name not in PATTERNS:
            raise url.error(f"pattern={name}")
        self.width = int(url.number("width", 1280))
        self.height = int(url.number("height", 720))
        self.fps = url.number("fps", 25)
        if self.width % 2 or self.height % 2 or self.width < 160 or self.height < 120:
            raise url.error(f"size={self.width}x{self.height}")
        encode = url.option("encode", "none").lower()
        if encode not in ("none", "h264"):
            raise url.error(f"encode={encode}")
        self.encode = encode == "h264"
        self.gop = int(url.number("gop", max(1, round(self.fps))))
        self.has_packets = self.encode
        text = url.options.get("qr")
        self._qr: Image | None = qr_image(text, self.height * 2 // 5) if text else None
        self._encoder: H264Encoder | None = None
        self._start = 0.0
        self._next = 0.0
        self._count = 0

    @owned
    def _connect(self) -> StreamInfo:
        extradata = None
        if self.encode:
            self._encoder = H264Encoder(self.width, self.height, self.fps, self.gop)
            extradata = self._encoder.extradata
        self._start = self._next = time.monotonic()
        self._count = 0
        return StreamInfo(
            codec="h264" if self.encode else "rawvideo",
            width=self.width,
            height=self.height,
            fps=self.fps,
            time_base=TIME_BASE if self.encode else None,
            extradata=extradata,
            has_packets=self.encode,
        )

    @owned
    def _read(self) -> bool:
        wait = self._next - time.monotonic()
        if wait > 0 and self._sleep(wait):
            return True
        now = time.monotonic()
        # Fall behind gracefully: skip slots rather than burst.
        self._next = max(self._next + 1.0 / self.fps, now)
        at = time.time()
        want = self._wants_frames(now)
        if not (want or self.encode):
            self._touch()
            self._count += 1
            return True
        image = render(self.width, self.height, self._count, at, self._qr)
        self._count += 1
        if self._encoder is not None:
            for packet in self._encoder.encode(image, now - self._start):
                self._emit_packet(packet, packet.is_keyframe)
        if want:
            self._emit_frame(image, now - self._start, at)
        return True

    @owned
    def _disconnect(self) -> None:
        encoder, self._encoder = self._encoder, None
        if encoder is not None:
            encoder.close()
