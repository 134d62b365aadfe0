"""Serial (and USB-CDC) barcode/QR scanners: one code per line.

The port is opened by URL with pyserial's ``serial_for_url`` (``/dev/ttyACM0``,
``COM3``, ``socket://host:port``, ``rfc2217://``), so the pty simulator stands in
for a real scanner. A port that disappears (scanner unplugged) is reopened with
back-off; ``state`` and ``on_state`` report it.
"""

from __future__ import annotations

import codecs
import logging
import threading
import time
from typing import Any

import serial

from drivers.camera.backoff import Backoff
from drivers.camera.model import State
from drivers.common import OwnerThread
from drivers.common.owner import owned
from drivers.scanner.base import Scan, ScanSource
from drivers.scanner.errors import ScanError, scan_error
from drivers.scanner.lines import LineSplitter, decode_code

log = logging.getLogger("drivers.scanner")

READ_TIMEOUT = 0.1  # seconds per read: how quickly close() is noticed


def _port_name(url: str) -> str:
    return url.removeprefix("serial://") if url.startswith("serial:///") else url


class SerialScanner(ScanSource):
    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 9600,
        terminator: str = "auto",
        encoding: str = "utf-8",
        idle_flush: float | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self.port = _port_name(url)
        super().__init__(f"serial {self.port}")
        codecs.lookup(encoding)
        self.baudrate = baudrate
        self.encoding = encoding
        self.idle_flush = idle_flush
        self.backoff = backoff or Backoff(initial=0.5, maximum=5.0)
        self.splitter = LineSplitter(terminator)
        self.owner: OwnerThread | None = None
        self._serial: Any = None  # a pyserial port object of the URL's kind
        self._stop = threading.Event()

    def open(self) -> None:
        """Open the port now (raising ``ScanError`` when it is missing), then read
        on the scanner's owner thread."""
        if self.owner is not None and self.owner.thread.is_alive():
            raise RuntimeError(f"{self!r} is already open")
        self._stop.clear()
        self.owner = OwnerThread(f"scanner {self.port}")
        self._set_state(State.CONNECTING)
        try:
            self.owner.call(self._open_port)
        except ScanError as exc:
            self.owner.stop()
            self._set_state(State.CLOSED, exc)
            raise
        self._set_state(State.LIVE)
        self.owner.submit(self._run)

    def close(self) -> None:
        self._stop.set()
        if self.owner is not None:
            self.owner.stop()
        self._set_state(State.CLOSED)

    @owned
    def _open_port(self) -> None:
        try:
            self._serial = serial.serial_for_url(
                self.port, baudrate=self.baudrate, timeout=READ_TIMEOUT
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            code = ScanError.PORT_NOT_FOUND if _missing(exc) else ScanError.PORT_ERROR
            raise scan_error(code, port=self.port, detail=type(exc).__name__) from None

    @owned
    def _close_port(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError) as exc:
                log.debug("%s: close: %s", self.name, type(exc).__name__)

    @owned
    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self._read_until_error()
                break  # closing
            except ScanError as exc:
                self._close_port()
                self._set_state(State.LOST, exc)
            while not self._stop.wait(self.backoff.delay(attempt)):
                attempt += 1
                self._set_state(State.CONNECTING)
                try:
                    self._open_port()
                except ScanError as exc:
                    self._set_state(State.LOST, exc)
                    continue
                attempt = 0
                self._set_state(State.LIVE)
                break
        self._close_port()

    @owned
    def _read_until_error(self) -> None:
        last_data = time.monotonic()
        while not self._stop.is_set():
            assert self._serial is not None
            try:
                data = self._serial.read(max(1, self._serial.in_waiting))
            except (serial.SerialException, OSError, TypeError) as exc:
                # TypeError: pyserial on a pty whose other end went away
                raise scan_error(
                    ScanError.PORT_ERROR, port=self.port, detail=type(exc).__name__
                ) from None
            now = time.monotonic()
            if data:
                last_data = now
                for line in self.splitter.feed(data):
                    self._emit(line)
            elif self.idle_flush is not None and now - last_data >= self.idle_flush:
                rest = self.splitter.flush()
                if rest is not None:
                    self._emit(rest)

    def _emit(self, line: bytes) -> None:
        text = decode_code(line, self.encoding)
        if text:
            self._publish(Scan(text, self.name, time.time()))


def _missing(exc: BaseException) -> bool:
    errno = getattr(exc, "errno", None)
    text = str(exc).lower()
    return errno == 2 or "no such file" in text or "could not open port" in text
