"""`venue-admin` as an operator uses it: exit codes, messages, JSON, bad input."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from venue_client.cli import build_parser, main
from venue_client.domain.synthetic import make_citizen_id

SUBCOMMANDS = [
    ["validate", "id"],
    ["validate", "uscc"],
    ["demo", "seed"],
    ["db", "upgrade"],
    ["audit", "verify"],
    ["audit", "checkpoint"],
    ["users", "add"],
    ["users", "list"],
    ["users", "passwd"],
    ["sessions", "list"],
    ["idcard", "read"],
    ["report", "signin"],
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_has_help_with_common_options(
    words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([*words, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert "--data-dir" in text and "--config" in text


def test_validate_id(capsys: pytest.CaptureFixture[str]) -> None:
    import random

    number = make_citizen_id(random.Random(5), region="330199")
    code, out, _ = run(capsys, "validate", "id", number.lower())
    assert code == 0 and number in out
    code, _, err = run(capsys, "validate", "id", number[:-1] + ("0" if number[-1] != "0" else "1"))
    assert code == 1 and "校验位" in err
    code, _, err = run(capsys, "validate", "id", "12345")
    assert code == 1 and "18" in err


def test_validate_uscc(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "uscc", "91310115MA1K3BTP2B")
    assert code == 0 and "91310115MA1K3BTP2B" in out
    code, _, err = run(capsys, "validate", "uscc", "91310115MA1K3BTP2I")
    assert code == 1 and "I" in err


def test_users_and_sessions_on_a_demo_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "d")
    assert run(capsys, "demo", "seed", "--data-dir", data)[0] == 0
    code, out, _ = run(capsys, "demo", "seed", "--data-dir", data)
    assert code == 0 and "未作改动" in out

    monkeypatch.setattr(sys, "stdin", io.StringIO("a-good-password-1\n"))
    code, out, err = run(
        capsys,
        "users",
        "add",
        "clerk2",
        "--name",
        "孙",
        "--role",
        "desk_staff",
        "--password-stdin",
        "--data-dir",
        data,
    )
    assert code == 0, err
    code, out, _ = run(capsys, "users", "list", "--json", "--data-dir", data)
    users = {u["username"]: u for u in json.loads(out)}
    assert users["clerk2"]["role"] == "desk_staff" and "manager" in users

    monkeypatch.setattr(sys, "stdin", io.StringIO("weak\n"))
    code, _, err = run(capsys, "users", "passwd", "clerk2", "--password-stdin", "--data-dir", data)
    assert code == 2 and "密码至少" in err

    code, out, _ = run(capsys, "sessions", "list", "--all", "--json", "--data-dir", data)
    sessions = json.loads(out)
    assert {s["kind"] for s in sessions} == {"opening", "evaluation"}
    assert all(s["id"][0] in "OE" and s["section_code"] and s["room_code"] for s in sessions)

    code, out, _ = run(capsys, "audit", "verify", "--data-dir", data)
    assert code == 0 and "审计日志完好" in out


def test_config_typo_is_reported_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "config.toml").write_text("[auth]\nlockout_minuts = 5\n", encoding="utf-8")
    code, _, err = run(capsys, "users", "list", "--data-dir", str(data))
    assert code == 2 and "lockout_minuts" in err and "lockout_minutes" in err
    assert not (data / "venue.db").exists()


def test_unusable_data_dir_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "users", "list", "--data-dir", str(blocker / "data"))
    assert code == 2 and "无法使用数据目录" in err


def test_corrupt_database_is_reported_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    data.mkdir()
    db = data / "venue.db"
    db.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    before = hashlib.sha256(db.read_bytes()).digest()
    code, _, err = run(capsys, "audit", "verify", "--data-dir", str(data))
    assert code == 2 and "已损坏" in err
    assert hashlib.sha256(db.read_bytes()).digest() == before


def test_console_script_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "venue_client.cli",
            "db",
            "upgrade",
            "--data-dir",
            str(tmp_path / "d"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    from venue_client.store.database import head_revision

    assert head_revision() in result.stdout


def test_english_output_comes_from_the_shared_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "en", "validate", "id", "123")
    assert code == 1 and "An ID number has 18 characters" in err
    code, out, _ = run(capsys, "validate", "uscc", "91310115MA1K3BTP2B", "--lang", "en")
    assert code == 0 and out.startswith("Valid unified social credit code")


def test_idcard_read_through_venue_admin(capsys: pytest.CaptureFixture[str]) -> None:
    from drivers.idcard.simulator import IdCardSimulator

    with IdCardSimulator(speed=20.0) as sim:
        placed = sim.place()
        code, out, err = run(
            capsys, "idcard", "read", "--port", sim.port, "--json", "--timeout", "3"
        )
        assert code == 0, err
        assert json.loads(out)["id_number"] == placed.id_number
        sim.lift()
        sim.place()
        code, out, _ = run(
            capsys, "--lang", "en", "idcard", "read", "--port", sim.port, "--timeout", "3"
        )
        assert code == 0 and "Name: " in out
        sim.lift()
        sim.set_faults("checksum")
        sim.place()
        code, _, err = run(
            capsys, "--lang", "en", "idcard", "read", "--port", sim.port, "--timeout", "3"
        )
        assert code == 1 and "checksum" in err.lower()
