"""H.264 encoding of raw frames (test pattern, USB cameras) through PyAV's libx264,
so sources without an encoder of their own still give recorders packets to copy.

Licence note: libx264 is GPL; PyAV's wheels bundle it. Used here for the
simulator and optional USB recording; a shipped build may swap in another encoder.
"""

from __future__ import annotations

import contextlib
from fractions import Fraction
from typing import Any

import av
from av.codec.context import Flags

from drivers.camera.model import Image

TIME_BASE = Fraction(1, 90_000)  # as RTSP/RTP video


class H264Encoder:
    def __init__(self, width: int, height: int, fps: float, gop: int | None = None) -> None:
        ctx = av.CodecContext.create("libx264", "w")
        assert isinstance(ctx, av.VideoCodecContext)
        ctx.width, ctx.height = width, height
        ctx.pix_fmt = "yuv420p"
        ctx.time_base = TIME_BASE
        ctx.framerate = Fraction(fps).limit_denominator(1001)
        ctx.gop_size = gop or max(1, round(fps))
        ctx.max_b_frames = 0
        # Low latency, headers in every keyframe (late joiners) and as extradata (MP4).
        ctx.options = {
            "preset": "ultrafast",
            "tune": "zerolatency",
            "x264-params": "repeat-headers=1",
        }
        ctx.flags |= Flags.global_header
        ctx.open()
        self._ctx = ctx
        self._last_pts = -1

    @property
    def extradata(self) -> bytes | None:
        return bytes(self._ctx.extradata) if self._ctx.extradata else None

    def encode(self, image: Image, seconds: float) -> list[av.Packet[Any]]:
        """Encode one BGR frame captured ``seconds`` after the stream began."""
        frame = av.VideoFrame.from_ndarray(image, format="bgr24").reformat(format="yuv420p")
        pts = max(round(seconds / TIME_BASE), self._last_pts + 1)
        self._last_pts = pts
        frame.pts, frame.time_base = pts, TIME_BASE
        return list(self._ctx.encode(frame))

    def close(self) -> None:
        with contextlib.suppress(av.error.FFmpegError):
            self._ctx.encode(None)
