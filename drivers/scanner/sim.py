"""A serial scanner simulator on a pseudo-terminal: ``port`` is the device path a
``SerialScanner`` opens; ``scan(text)`` sends a code the way a real scanner does
(bytes, optionally paced per character, then the configured suffix)."""

from __future__ import annotations

import contextlib
import os
import sys
import time

from drivers.scanner.errors import ScanError, scan_error

SUFFIXES = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "none": b""}


class SerialScannerSimulator:
    def __init__(
        self, *, suffix: str = "crlf", encoding: str = "utf-8", char_delay: float = 0.0
    ) -> None:
        if not hasattr(os, "openpty") or sys.platform.startswith("win"):
            raise scan_error(ScanError.UNSUPPORTED, detail="pty")
        import tty

        self.suffix = SUFFIXES[suffix]
        self.encoding = encoding
        self.char_delay = char_delay
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no CR→LF translation, no line buffering
        self.port = os.ttyname(self._slave)

    def scan(self, text: str) -> None:
        self.write(text.encode(self.encoding) + self.suffix)

    def write(self, data: bytes) -> None:
        if not self.char_delay:
            os.write(self._master, data)
            return
        for i in range(len(data)):
            os.write(self._master, data[i : i + 1])
            time.sleep(self.char_delay)

    def close(self) -> None:
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> SerialScannerSimulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
