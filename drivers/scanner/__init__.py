"""Scanned codes (check-in QR codes, barcodes) from cameras, serial scanners and
keyboard-wedge scanners, all as ``ScanSource``s yielding ``Scan(text, source, at)``.

``scan_source(url)``: ``/dev/ttyACM0``, ``COM3``, ``serial:///dev/ttyUSB0``,
``socket://host:port`` (serial scanners), ``wedge://`` (keyboard wedge, fed by the
UI), ``sim://`` (a serial scanner on the pty simulator, for demo mode; the
simulator is ``source.simulator``). Camera QR: ``QrScanSource(camera)``.
"""

from __future__ import annotations

from typing import Any

from drivers.scanner.base import Scan, ScanSource
from drivers.scanner.errors import ScanError
from drivers.scanner.lines import LineSplitter, decode_code
from drivers.scanner.qr import QrCode, QrDecoder, QrScanSource
from drivers.scanner.serial_scanner import SerialScanner
from drivers.scanner.sim import SerialScannerSimulator
from drivers.scanner.wedge import KeyboardWedge, KeyboardWedgeSource


class SimulatedSerialScanner(SerialScanner):
    """A ``SerialScanner`` reading from its own pty simulator (demo mode)."""

    def __init__(self, **options: Any) -> None:
        self.simulator = SerialScannerSimulator()
        super().__init__(self.simulator.port, **options)

    def close(self) -> None:
        super().close()
        self.simulator.close()


def scan_source(url: str, **options: Any) -> ScanSource:
    if url.startswith("wedge:"):
        return KeyboardWedgeSource(KeyboardWedge(**options))
    if url.startswith("sim:"):
        return SimulatedSerialScanner(**options)
    return SerialScanner(url, **options)


__all__ = [
    "KeyboardWedge",
    "KeyboardWedgeSource",
    "LineSplitter",
    "QrCode",
    "QrDecoder",
    "QrScanSource",
    "Scan",
    "ScanError",
    "ScanSource",
    "SerialScanner",
    "SerialScannerSimulator",
    "SimulatedSerialScanner",
    "decode_code",
    "scan_source",
]
