"""``venue-client`` as a process: every page rendered to PNG in both languages, and
clear exits when there is no display or the settings are wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from venue_client.ui.navigation import PAGE_NAMES

WIDTH, HEIGHT = 1366, 768


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "venue_client.app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def _variance(image: QImage) -> float:
    """Grey-level variance over a 40-pixel grid: a blank or one-colour image gives ~0."""
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 40)
        for y in range(0, image.height(), 40)
    ]
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


@pytest.fixture(scope="module")
def cli_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "demo"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("page", PAGE_NAMES)
def test_screenshot_of_every_page(qapp, cli_data: Path, tmp_path: Path, page: str, lang: str):
    out = tmp_path / f"{page}-{lang}.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it must pick offscreen
    result = _run(
        "--demo",
        "--data-dir",
        str(cli_data),
        "--screenshot",
        str(out),
        "--page",
        page,
        "--lang",
        lang,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    assert _variance(image) > 100


def test_no_display_exits_2_with_advice(tmp_path: Path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = _run("--data-dir", str(tmp_path), env=env)
    assert result.returncode == 2
    assert "xvfb-run" in result.stderr and "DISPLAY" in result.stderr


def test_config_typo_exits_2_with_the_message(tmp_path: Path):
    config = tmp_path / "venue.toml"
    config.write_text('[ui]\nlnag = "en"\n', encoding="utf-8")
    result = _run(
        "--data-dir",
        str(tmp_path / "d"),
        "--config",
        str(config),
        "--screenshot",
        str(tmp_path / "x.png"),
    )
    assert result.returncode == 2
    assert "未知的设置项" in result.stderr and "lang" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_version():
    result = _run("--version")
    assert result.returncode == 0 and result.stdout.startswith("venue-client ")
