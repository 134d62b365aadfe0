"""Camera frame/packet sources, chosen by URL:

- ``rtsp://user:pass@host/path?transport=tcp|udp`` — IP camera (PyAV), reconnects itself
- ``usb://0`` — USB camera (OpenCV)
- ``file:///path/v.mp4?loop=1&realtime=1`` — video file (PyAV)
- ``sim://pattern?encode=h264`` — synthetic test pattern with a burnt-in clock

``camera_source(url)`` builds the source; ``open()`` starts it on its own owner
thread. URLs are redacted (``redact_url``) wherever they are shown or logged.
"""

from __future__ import annotations

from typing import Any

from drivers.camera.backoff import Backoff
from drivers.camera.base import CameraSource
from drivers.camera.errors import CameraError
from drivers.camera.health import StateCallback
from drivers.camera.model import EncodedPacket, Frame, State, StateChange, StreamInfo
from drivers.camera.subscription import Subscription
from drivers.camera.urls import parse_camera_url, redact_text, redact_url


def camera_source(url: str, **options: Any) -> CameraSource:
    """The source for ``url`` (not yet opened). ``options``: ``loss_timeout``,
    ``open_timeout``, ``backoff``, ``stable_after`` (see ``CameraSource``)."""
    parsed = parse_camera_url(url)
    if parsed.scheme in ("rtsp", "rtsps"):
        from drivers.camera.rtsp import RtspSource

        return RtspSource(parsed, **options)
    if parsed.scheme == "file":
        from drivers.camera.file import FileSource

        return FileSource(parsed, **options)
    if parsed.scheme == "usb":
        from drivers.camera.usb import UsbSource

        return UsbSource(parsed, **options)
    from drivers.camera.sim import SimSource

    return SimSource(parsed, **options)


__all__ = [
    "Backoff",
    "CameraError",
    "CameraSource",
    "EncodedPacket",
    "Frame",
    "State",
    "StateCallback",
    "StateChange",
    "StreamInfo",
    "Subscription",
    "camera_source",
    "redact_text",
    "redact_url",
]
