"""The README stays true: its configuration example loads, and every venue-admin
command it shows exists."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from venue_client.cli import build_parser
from venue_client.config import load_settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


def test_configuration_example_loads(tmp_path: Path) -> None:
    block = re.search(r"```toml\n(.*?)```", README, re.S)
    assert block, "the README has no TOML example"
    (tmp_path / "config.toml").write_text(block.group(1), encoding="utf-8")
    settings = load_settings(data_dir=tmp_path, env={})
    assert settings.devices.face == "on" and settings.face["backend"] == "dlib"
    assert settings.auth.max_failures == 5


ADMIN_LINES = re.findall(r"^venue-admin ([^#\n]+?)\s*(?:#.*)?$", README, re.M)


@pytest.mark.parametrize("line", ADMIN_LINES)
def test_documented_commands_exist(line: str) -> None:
    words = [w for w in shlex.split(line.replace("[", " ").replace("]", " ").replace("|", " "))]
    group, command = words[0], words[1]
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([group, command, "--help"])
    assert info.value.code == 0


def test_readme_lists_commands() -> None:
    assert len(ADMIN_LINES) >= 10
