"""Video files as cameras: ``file:///path/v.mp4?loop=1&realtime=1``.

``realtime`` paces delivery to the stream's own timestamps, like a live camera;
``loop`` starts again at the end with timestamps that keep increasing, so a
recorder downstream sees one continuous stream. Without ``loop`` the end of the
file closes the source.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import av

from drivers.camera.av_source import AvSource
from drivers.camera.errors import CameraError, camera_error
from drivers.camera.model import StreamInfo
from drivers.camera.urls import CameraUrl, file_path
from drivers.common.owner import owned


class FileSource(AvSource):
    def __init__(self, url: CameraUrl, **kwargs: Any) -> None:
        super().__init__(url, **kwargs)
        self.path = Path(file_path(url))
        self.loop = url.flag("loop")
        self.realtime = url.flag("realtime")
        self.live_source = False
        self._offset = 0  # added to pts/dts, in the stream's time base
        self._first_ts: int | None = None
        self._span_end = 0
        self._clock_start: float | None = None

    def _check(self) -> None:
        if not self.path.is_file():
            raise camera_error(CameraError.FILE_NOT_FOUND, self.url)

    @owned
    def _connect(self) -> StreamInfo:
        self._offset, self._first_ts, self._span_end, self._clock_start = 0, None, 0, None
        timeout = (self.open_timeout, self.open_timeout)
        return self._open_container(str(self.path), {}, timeout)

    @owned
    def _read(self) -> bool:
        packet = self._next_packet()
        if packet is None:
            if not self.loop or not self._rewind():
                return False
            packet = self._next_packet()
            if packet is None:
                return False
        self._shift(packet)
        if self.realtime and self._pace(packet):
            return True  # closing
        self._deliver(packet)
        return True

    def _rewind(self) -> bool:
        assert self._container is not None and self._stream is not None
        if self._first_ts is None:
            return False  # an empty file would loop forever
        self._container.seek(0, stream=self._stream)
        self._demux = self._container.demux(self._stream)
        self._offset = self._span_end - self._first_ts
        self._decoding = False
        return True

    def _shift(self, packet: av.Packet[Any]) -> None:
        ts = packet.dts if packet.dts is not None else packet.pts
        if ts is None:
            return
        if self._first_ts is None:
            self._first_ts = ts
        if self._offset:
            if packet.pts is not None:
                packet.pts += self._offset
            if packet.dts is not None:
                packet.dts += self._offset
        end = ts + self._offset + max(packet.duration or 0, 1)
        self._span_end = max(self._span_end, end)

    def _pace(self, packet: av.Packet[Any]) -> bool:
        ts = packet.dts if packet.dts is not None else packet.pts
        if ts is None or packet.time_base is None or self._first_ts is None:
            return False
        media = float((ts - self._first_ts) * packet.time_base)
        now = time.monotonic()
        if self._clock_start is None:
            self._clock_start = now - media
        wait = self._clock_start + media - now
        if wait > 0:
            self._touch()
            return self._sleep(wait)
        return False
