"""What camera sources deliver: states, stream parameters, frames and packets."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import av
import numpy as np
from av.video.stream import VideoStream
from numpy.typing import NDArray

if TYPE_CHECKING:
    from av.container import OutputContainer

    from drivers.common import DeviceError

Image = NDArray[np.uint8]


class State(enum.Enum):
    """connecting → live → lost → connecting … → closed (cameras and scanners)."""

    CONNECTING = "connecting"
    LIVE = "live"
    LOST = "lost"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class StateChange:
    state: State
    previous: State
    source: str  # redacted URL
    at: float  # wall clock, time.time()
    error: DeviceError | None = None


@dataclass(frozen=True, slots=True)
class StreamInfo:
    """Parameters of the current connection (they may change on reconnect).

    ``codec`` is ``rawvideo`` for sources that deliver no encoded packets."""

    codec: str
    width: int
    height: int
    fps: float | None
    time_base: Fraction | None = None
    extradata: bytes | None = None
    has_packets: bool = True

    def add_copy_stream(self, container: OutputContainer) -> VideoStream:
        """An output stream in ``container`` that accepts this source's packets
        unchanged (stream copy): set ``packet.stream`` to it, then ``mux``."""
        if not self.has_packets:
            raise ValueError("this source delivers no encoded packets")
        rate = Fraction(self.fps).limit_denominator(1001) if self.fps else None
        stream = container.add_stream(self.codec, rate=rate)
        if not isinstance(stream, VideoStream):
            raise ValueError(f"{self.codec} is not a video codec")
        stream.width = self.width
        stream.height = self.height
        if self.time_base is not None:
            stream.time_base = self.time_base
        if self.extradata:
            stream.codec_context.extradata = self.extradata
        return stream


@dataclass(frozen=True, slots=True)
class Frame:
    """A decoded picture: BGR ``uint8`` array of shape (height, width, 3)."""

    image: Image
    at: float  # capture (arrival) time, time.time()
    index: int  # frames delivered by this source since open(), from 0
    epoch: int  # connection number, from 1; a new epoch is a new stream
    pts: float | None = None  # seconds on the stream's own timeline


@dataclass(frozen=True, slots=True)
class EncodedPacket:
    """An encoded packet for stream copy. Its ``pts``/``dts`` are in
    ``packet.time_base`` and restart with each ``epoch``: a recorder should begin a
    new segment when the epoch changes. Delivery starts at a keyframe."""

    packet: av.Packet[Any]
    at: float
    epoch: int
    keyframe: bool


def clone_packet(packet: av.Packet[Any]) -> av.Packet[Any]:
    """An independent copy of ``packet`` (data, timestamps, keyframe flag)."""
    copy: av.Packet[Any] = av.Packet(bytes(packet))
    copy.pts, copy.dts, copy.duration = packet.pts, packet.dts, packet.duration
    copy.time_base = packet.time_base
    copy.is_keyframe = packet.is_keyframe
    return copy
