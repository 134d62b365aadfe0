"""``read_command`` (``venue-admin idcard read``) and ``python -m drivers.idcard.simulator``."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.idcard import IdCardReader
from drivers.idcard.cli import read_command
from drivers.idcard.simulator import IdCardSimulator

ROOT = Path(__file__).resolve().parents[3]
KEYS = {
    "name",
    "sex",
    "nation",
    "birth",
    "address",
    "id_number",
    "issuer",
    "valid_from",
    "valid_to",
    "photo",
}


@pytest.fixture(scope="module")
def sim() -> Iterator[IdCardSimulator]:
    with IdCardSimulator(speed=20.0, tcp=True) as simulator:
        yield simulator


@pytest.fixture(autouse=True)
def clean(sim: IdCardSimulator) -> None:
    sim.lift()
    sim.clear_faults()


def test_json_output(sim: IdCardSimulator, capsys: pytest.CaptureFixture[str]) -> None:
    placed = sim.place()
    assert read_command(sim.port, timeout=2, json_out=True, baudrate=115200) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == KEYS
    assert out == placed.to_json()
    assert out["photo"] is False


def test_human_output_over_socket(sim: IdCardSimulator, capsys: pytest.CaptureFixture[str]) -> None:
    placed = sim.place()
    assert read_command(sim.url, timeout=2, json_out=False, baudrate=115200) == 0
    out = capsys.readouterr().out
    assert f"姓名：{placed.name}" in out
    assert f"公民身份号码：{placed.id_number}" in out
    assert "照片：不可用" in out


def test_bad_checksum_prints_the_checksum_error(
    sim: IdCardSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    sim.place()
    sim.set_faults("checksum")
    assert read_command(sim.port, timeout=2, json_out=True, baudrate=115200) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "读卡失败：读卡器应答校验和错误（错误代码 checksum）"


def test_no_card_prints_the_reader_status(
    sim: IdCardSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert read_command(sim.port, timeout=0.2, json_out=False, baudrate=115200) == 1
    err = capsys.readouterr().err
    assert err.strip() == "读卡失败：未放卡或卡片未放好（读卡器状态码 0x80）"


def test_sam_failure_and_missing_port(
    sim: IdCardSimulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sim.set_faults("sam-failure")
    assert read_command(sim.url, timeout=1, json_out=False, baudrate=115200) == 1
    assert "0x60" in capsys.readouterr().err
    assert read_command(str(tmp_path / "tty0"), timeout=1, json_out=False, baudrate=9600) == 1
    assert "错误代码 port" in capsys.readouterr().err


def test_python_m_simulator_serves_until_told_to_quit() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "drivers.idcard.simulator", "--speed", "20", "--tcp", "0"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    try:
        pty_line = proc.stdout.readline().strip()
        url_line = proc.stdout.readline().strip()
        assert pty_line.startswith("pty: /dev/")
        assert url_line.startswith("url: socket://127.0.0.1:")
        with IdCardReader(pty_line.removeprefix("pty: ")) as reader:
            first = reader.read_card(timeout=3)
            proc.stdin.write("lift\nplace\n")
            proc.stdin.flush()
            assert proc.stdout.readline().strip() == "lifted"
            assert proc.stdout.readline().startswith("placed IdCard(")
            with IdCardReader(url_line.removeprefix("url: ")) as other:
                assert other.read_card(timeout=3).id_number != first.id_number
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
