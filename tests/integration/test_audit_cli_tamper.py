"""`venue-admin audit verify` on a seeded demo database, tampered with the sqlite3 tool
the way someone with file access would: edit, delete, reorder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SQLITE3 = shutil.which("sqlite3")


def _admin(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "venue_client.cli", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "VENUE_LANG": "en"},
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo") / "data"
    result = _admin(data, "demo", "seed")
    assert result.returncode == 0, result.stderr
    ok = _admin(data, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    return data


@pytest.fixture
def copy(seeded: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(seeded, target)
    return target


def _sql(data: Path, statement: str) -> None:
    assert SQLITE3 is not None, (
        "the sqlite3 command-line tool is missing (scripts/setup.sh installs it)"
    )
    subprocess.run([SQLITE3, str(data / "venue.db"), statement], check=True, capture_output=True)


def test_untouched_log_verifies(copy: Path) -> None:
    result = _admin(copy, "audit", "verify")
    assert result.returncode == 0
    assert result.stdout.startswith("Audit log intact: 7 entries")


@pytest.mark.parametrize(
    ("statement", "bad_seq"),
    [
        (
            """UPDATE audit_event SET payload = replace(payload, '"v":1', '"v":2') WHERE seq = 4""",
            4,
        ),
        ("UPDATE audit_event SET actor = 'user:mallory' WHERE seq = 2", 2),
        ("UPDATE audit_event SET occurred_at = '2020-01-01 00:00:00.000000' WHERE seq = 5", 5),
        ("DELETE FROM audit_event WHERE seq = 3", 3),
        ("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)", None),
        (
            "UPDATE audit_event SET seq = -1 WHERE seq = 1; UPDATE audit_event SET seq = 1 WHERE seq = 2;"
            " UPDATE audit_event SET seq = 2 WHERE seq = -1",
            1,
        ),
    ],
    ids=["edit-payload", "edit-actor", "edit-time", "delete-middle", "delete-last", "reorder"],
)
def test_tampering_is_caught_and_named(copy: Path, statement: str, bad_seq: int | None) -> None:
    _sql(copy, statement)
    result = _admin(copy, "audit", "verify", "--json")
    assert result.returncode == 1, result.stdout
    import json

    report = json.loads(result.stdout)
    assert report["ok"] is False
    if bad_seq is None:  # the last entry: named through the checkpoint's size
        bad_seq = report["tree_size"]
    assert report["first_bad_entry"] == bad_seq
    assert str(bad_seq) in report["problems"][0]


def test_deleting_all_checkpoints_is_caught_by_the_file_copy(copy: Path) -> None:
    _sql(
        copy,
        "DELETE FROM audit_checkpoint; DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)",
    )
    _sql(copy, "UPDATE log_head SET tree_size = tree_size - 1")
    result = _admin(copy, "audit", "verify")
    assert result.returncode == 1
    assert "checkpoint" in result.stderr.lower() or "检查点" in result.stderr
