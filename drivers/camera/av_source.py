"""Sources read through PyAV (RTSP cameras, video files): demux the first video
stream, hand packets out for stream copy, decode only while someone wants frames."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import av
import av.error
import numpy as np

from drivers.camera.base import CameraSource
from drivers.camera.errors import CameraError, camera_error
from drivers.camera.model import StreamInfo
from drivers.camera.urls import redact_text
from drivers.common.owner import owned

log = logging.getLogger("drivers.camera")


def translate_av_error(exc: BaseException, url: str, seconds: float) -> CameraError:
    """A ``CameraError`` for a PyAV exception, without its text: FFmpeg's messages
    quote the full URL, credentials included. Raise the result ``from None``."""
    secs = f"{seconds:g}"
    if isinstance(exc, (av.error.HTTPUnauthorizedError, av.error.HTTPForbiddenError)):
        return camera_error(CameraError.AUTH_FAILED, url)
    if isinstance(exc, (av.error.HTTPNotFoundError, FileNotFoundError)):
        return camera_error(CameraError.STREAM_NOT_FOUND, url)
    if isinstance(exc, (TimeoutError, av.error.ExitError)):
        return camera_error(CameraError.TIMEOUT, url, seconds=secs)
    if isinstance(exc, (ConnectionError, av.error.ProtocolNotFoundError)) or (
        isinstance(exc, OSError) and exc.errno in _NETWORK_ERRNOS
    ):
        return camera_error(CameraError.UNREACHABLE, url, detail=_detail(exc))
    return camera_error(CameraError.STREAM_ERROR, url, detail=_detail(exc))


_NETWORK_ERRNOS = {101, 110, 111, 113, 104}  # unreachable, timed out, refused, no route, reset


def _detail(exc: BaseException) -> str:
    strerror = getattr(exc, "strerror", None)
    text = strerror if isinstance(strerror, str) else ""
    return redact_text(f"{type(exc).__name__}: {text}" if text else type(exc).__name__)


class AvSource(CameraSource):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._container: av.container.InputContainer | None = None
        self._stream: av.video.stream.VideoStream | None = None
        self._demux: Iterator[av.Packet[Any]] | None = None
        self._decoding = False
        self.decode_errors = 0

    def _error(self, exc: BaseException) -> CameraError:
        return translate_av_error(exc, self.url, self.loss_timeout)

    def _open_container(
        self, target: str, options: dict[str, str], timeout: tuple[float, float]
    ) -> StreamInfo:
        try:
            container = av.open(target, mode="r", options=options, timeout=timeout)
        except av.error.FFmpegError as exc:
            raise translate_av_error(exc, self.url, timeout[0]) from None
        stream = next(iter(container.streams.video), None)
        if stream is None:
            container.close()
            raise camera_error(CameraError.NO_VIDEO, self.url)
        self._container, self._stream = container, stream
        self._demux = container.demux(stream)
        self._decoding = False
        ctx = stream.codec_context
        rate = stream.average_rate or stream.guessed_rate
        return StreamInfo(
            codec=ctx.name,
            width=ctx.width,
            height=ctx.height,
            fps=float(rate) if rate else None,
            time_base=stream.time_base,
            extradata=bytes(ctx.extradata) if ctx.extradata else None,
        )

    def _next_packet(self) -> av.Packet[Any] | None:
        """The next non-empty packet; None at the end of the input."""
        assert self._demux is not None
        try:
            for packet in self._demux:
                if packet.size:
                    return packet
        except av.error.EOFError:
            return None
        except av.error.FFmpegError as exc:
            raise self._error(exc) from None
        return None

    def _deliver(self, packet: av.Packet[Any]) -> None:
        self._emit_packet(packet, packet.is_keyframe)
        if not self._wants_frames():
            self._decoding = False
            return
        if not self._decoding:
            if not packet.is_keyframe:
                return
            assert self._stream is not None
            self._stream.codec_context.flush_buffers()
            self._decoding = True
        try:
            frames = packet.decode()
        except av.error.FFmpegError:
            self.decode_errors += 1
            return
        for frame in frames:
            if isinstance(frame, av.VideoFrame) and self._wants_frames():
                image = np.asarray(frame.to_ndarray(format="bgr24"), np.uint8)
                self._emit_frame(image, frame.time)

    @owned
    def _disconnect(self) -> None:
        container, self._container = self._container, None
        self._stream = self._demux = None
        if container is not None:
            try:
                container.close()
            except av.error.FFmpegError as exc:
                log.debug("camera %s: close: %s", self.url, type(exc).__name__)
