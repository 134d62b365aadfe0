"""Serial scanners against the pty simulator, through the public ScanSource API."""

from __future__ import annotations

import time

import pytest

from drivers.camera import State, StateChange
from drivers.camera.backoff import Backoff
from drivers.scanner import (
    Scan,
    ScanError,
    SerialScanner,
    SerialScannerSimulator,
    SimulatedSerialScanner,
    scan_source,
)


@pytest.mark.parametrize(
    ("suffix", "terminator"),
    [
        ("crlf", "auto"),
        ("cr", "auto"),
        ("lf", "auto"),
        ("cr", "cr"),
        ("crlf", "crlf"),
        ("lf", "lf"),
    ],
)
def test_codes_arrive_with_each_line_ending(suffix: str, terminator: str) -> None:
    with SerialScannerSimulator(suffix=suffix) as sim:
        scanner = SerialScanner(sim.port, terminator=terminator)
        scanner.open()
        try:
            scans = scanner.scans()
            codes = ["VC-0001", "签到|2026|A", "https://venue.example/c?id=42"]
            for code in codes:
                sim.scan(code)
            got = [scans.get(3) for _ in codes]
        finally:
            scanner.close()
    assert [s.text for s in got if s is not None] == codes
    assert all(s is not None and s.source == f"serial {sim.port}" for s in got)
    assert all(s is not None and abs(s.at - time.time()) < 5 for s in got)


def test_gbk_scanner_and_slow_character_pacing() -> None:
    with SerialScannerSimulator(encoding="gbk", char_delay=0.002) as sim:
        scanner = SerialScanner(sim.port)
        scanner.open()
        try:
            scans = scanner.scans()
            sim.scan("投标人-张三")
            scan = scans.get(3)
        finally:
            scanner.close()
    assert scan is not None and scan.text == "投标人-张三"


def test_scanner_without_suffix_with_idle_flush() -> None:
    with SerialScannerSimulator(suffix="none") as sim:
        scanner = SerialScanner(sim.port, idle_flush=0.2)
        scanner.open()
        try:
            scans = scanner.scans()
            sim.scan("NOSUFFIX01")
            scan = scans.get(3)
        finally:
            scanner.close()
    assert scan is not None and scan.text == "NOSUFFIX01"


def test_missing_port_is_a_typed_error() -> None:
    scanner = SerialScanner("/dev/ttyNOPE9")
    with pytest.raises(ScanError) as info:
        scanner.open()
    assert info.value.code == ScanError.PORT_NOT_FOUND
    assert "未找到扫码枪串口：/dev/ttyNOPE9" in str(info.value)
    assert scanner.state is State.CLOSED


def test_unplugged_scanner_is_reported_lost() -> None:
    sim = SerialScannerSimulator()
    scanner = SerialScanner(sim.port, backoff=Backoff(initial=0.1, maximum=0.2))
    changes: list[StateChange] = []
    scanner.on_state(changes.append)
    scanner.open()
    try:
        sim.close()  # the scanner goes away
        deadline = time.monotonic() + 3
        while scanner.state is not State.LOST and time.monotonic() < deadline:
            time.sleep(0.05)
        assert scanner.state in (State.LOST, State.CONNECTING)
        lost = next(c for c in changes if c.state is State.LOST)
        assert lost.error is not None and lost.error.code in ("port_error", "port_not_found")
    finally:
        scanner.close()
    assert changes[-1].state is State.CLOSED


def test_sim_url_gives_a_serial_scanner_on_its_own_simulator() -> None:
    source = scan_source("sim://")
    assert isinstance(source, SimulatedSerialScanner)
    received: list[Scan] = []
    source.on_scan(received.append)
    source.open()
    try:
        sub = source.scans()
        source.simulator.scan("DEMO-CHECKIN-7")
        assert (scan := sub.get(3)) is not None and scan.text == "DEMO-CHECKIN-7"
    finally:
        source.close()
    assert [s.text for s in received] == ["DEMO-CHECKIN-7"]
    assert scan_source("wedge://").name == "keyboard"
