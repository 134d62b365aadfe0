"""Serial transport by URL (pyserial ``serial_for_url``) and port discovery.

A URL is anything pyserial opens: ``/dev/ttyUSB0``, ``COM3``, ``rfc2217://host:port``,
``socket://host:port`` (the simulator listens on one), ``loop://``. Readers run 8N1
at 115200 baud, some at 9600.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import serial
from serial.tools import list_ports

from drivers.idcard.errors import FramingError, PortError, ReaderTimeoutError
from drivers.idcard.protocol import Command, FrameDecoder, Response, encode_command, parse_response

log = logging.getLogger(__name__)

DEFAULT_BAUDRATE = 115200
FALLBACK_BAUDRATES: tuple[int, ...] = (9600,)
READ_SLICE = 0.05  # longest single blocking read: bounds how late a deadline is noticed
SETTLE = 0.2  # after a bad frame, silence this long means no good frame is coming


class _Port(Protocol):
    """What this module uses of a pyserial port (every URL handler has it)."""

    baudrate: int

    def read(self, size: int = ...) -> bytes: ...
    def write(self, data: bytes, /) -> int | None: ...
    def reset_input_buffer(self) -> None: ...
    def close(self) -> None: ...


class SerialTransport:
    """One open port: write frames, read back response frames by deadline.

    Not thread-safe: the reader uses it from its owner thread only.
    """

    def __init__(self, url: str, *, baudrate: int = DEFAULT_BAUDRATE) -> None:
        self.url = url
        self.baudrate = baudrate
        self.decoder = FrameDecoder()
        self._port: _Port | None = None

    @property
    def is_open(self) -> bool:
        return self._port is not None

    def open(self) -> None:
        if self._port is not None:
            return
        try:
            self._port = serial.serial_for_url(
                self.url,
                baudrate=self.baudrate,
                bytesize=serial.EIGHTBITS,
                parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_ONE,
                timeout=READ_SLICE,
                write_timeout=2.0,
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            raise PortError(port=self.url, reason=_reason(exc)) from exc
        log.debug("opened %s at %d baud", self.url, self.baudrate)

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError):  # already gone (unplugged)
                log.debug("closing %s failed", self.url, exc_info=True)

    def set_baudrate(self, baudrate: int) -> None:
        self.baudrate = baudrate
        if self._port is not None:
            try:
                self._port.baudrate = baudrate
            except (serial.SerialException, OSError, ValueError) as exc:
                raise PortError(port=self.url, reason=_reason(exc)) from exc

    def exchange(self, frame: bytes, timeout: float) -> Response:
        """Send a command frame and return the first good response frame.

        Stale input is flushed first, so a late answer to an earlier command is
        not taken for this one. Bad frames are skipped; when nothing good follows
        (within ``timeout``, or ``SETTLE`` of silence), the last one's error is
        raised, else ``ReaderTimeoutError``.
        """
        port = self._require_port()
        self.decoder.clear()
        try:
            port.reset_input_buffer()
            port.write(frame)
        except (serial.SerialException, OSError) as exc:
            raise PortError(port=self.url, reason=_reason(exc)) from exc
        deadline = time.monotonic() + timeout
        last_rx = time.monotonic()
        error: FramingError | None = None
        while True:
            try:
                payload = self.decoder.next_frame()
            except FramingError as exc:
                log.info("dropped a frame from %s: %s", self.url, exc.code)
                error = exc
                continue
            if payload is not None:
                return parse_response(payload)
            now = time.monotonic()
            limit = deadline if error is None else min(deadline, last_rx + SETTLE)
            if now >= limit:
                if error is not None:
                    raise error
                raise ReaderTimeoutError(port=self.url)
            chunk = self._read(port, self.decoder.bytes_needed())
            if chunk:
                last_rx = time.monotonic()
                self.decoder.feed(chunk)

    def _read(self, port: _Port, size: int) -> bytes:
        try:
            return port.read(min(size, 4096))
        except (serial.SerialException, OSError) as exc:
            raise PortError(port=self.url, reason=_reason(exc)) from exc

    def _require_port(self) -> _Port:
        if self._port is None:
            raise PortError(port=self.url, reason="closed")
        return self._port


def probe(transport: SerialTransport, baudrates: Sequence[int], timeout: float) -> Response:
    """Find the baud rate at which the reader answers the SAM status command.

    Returns the answer (whatever its SW3) and leaves the transport at that rate;
    raises ``ReaderTimeoutError`` when no rate gets an answer, or the framing
    error of a reader that answers with bad frames.
    """
    frame = encode_command(Command.SAM_STATUS)
    for baudrate in baudrates:
        transport.set_baudrate(baudrate)
        try:
            return transport.exchange(frame, timeout)
        except ReaderTimeoutError:
            log.debug("no answer from %s at %d baud", transport.url, baudrate)
    raise ReaderTimeoutError(port=transport.url)


@dataclass(frozen=True)
class DiscoveredPort:
    url: str
    baudrate: int
    sam_ok: bool  # SAM status answered 90


def candidate_ports() -> list[str]:
    """Serial ports of this machine, as pyserial lists them."""
    return [info.device for info in list_ports.comports()]


def discover_ports(
    candidates: Iterable[str] | None = None,
    *,
    baudrates: Sequence[int] = (DEFAULT_BAUDRATE, *FALLBACK_BAUDRATES),
    timeout: float = 0.3,
) -> list[DiscoveredPort]:
    """The ports (default: every serial port of the machine) where a reader answers
    the SAM status command, with the baud rate it answered at."""
    found: list[DiscoveredPort] = []
    for url in candidate_ports() if candidates is None else candidates:
        transport = SerialTransport(url, baudrate=baudrates[0])
        try:
            transport.open()
            response = probe(transport, baudrates, timeout)
        except (PortError, ReaderTimeoutError, FramingError) as exc:
            log.debug("no reader on %s: %s", url, exc.code)
        else:
            found.append(DiscoveredPort(url, transport.baudrate, response.error() is None))
        finally:
            transport.close()
    return found


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
