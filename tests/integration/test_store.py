"""The store on both backends: migrations, round trips, and refusing bad database files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select

from venue_client.store.database import (
    E_DB_CORRUPT,
    E_DB_LOCKED,
    DatabaseError,
    _alembic_config,
    current_revision,
    head_revision,
    open_database,
)
from venue_client.store.log_models import LogHead
from venue_client.store.models import Project, Section, SectionStatus

EXPECTED_TABLES = {
    "venue",
    "room",
    "camera",
    "device",
    "project",
    "section",
    "bidder",
    "representative",
    "bid",
    "opening_session",
    "evaluation_session",
    "expert",
    "checkin",
    "credit_restriction",
    "app_user",
    "audit_event",
    "log_head",
    "audit_checkpoint",
    "outbox",
    "meta",
    "alembic_version",
}


def test_migrations_create_schema_and_log_head(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) >= EXPECTED_TABLES
        assert current_revision(db) == head_revision()
        with db.session() as s:
            head = s.get(LogHead, 1)
            assert head is not None and head.tree_size == 0
            assert head.root_hash == hashlib.sha256(b"").digest()
    finally:
        db.dispose()
    again = open_database(db_url)  # reopening is a no-op, not a second migration
    assert current_revision(again) == head_revision()
    again.dispose()


def test_aware_times_round_trip_as_utc(db_url: str) -> None:
    db = open_database(db_url)
    beijing = timezone(timedelta(hours=8))
    opening = datetime(2026, 11, 27, 9, 30, 0, 123456, tzinfo=beijing)
    with db.session() as s:
        project = Project(
            code="P1", name="某某工程", tenderer="某局", agency="某代理", project_type="A01"
        )
        s.add(
            Section(
                project=project,
                code="P1-001",
                name="一标段",
                opening_time=opening,
                opening_room="KB-01",
                evaluation_method="COMPREHENSIVE",
            )
        )
    with db.session() as s:
        section = s.execute(select(Section)).scalar_one()
        assert section.opening_time == opening
        assert section.opening_time.tzinfo is not None
        assert section.opening_time.utcoffset() == timedelta(0)
        assert section.status == SectionStatus.SCHEDULED
    db.dispose()


def test_naive_datetime_is_refused(db_url: str) -> None:
    db = open_database(db_url)
    with pytest.raises(Exception, match="naive datetime"), db.session() as s:
        project = Project(code="P2", name="x", tenderer="x", agency="x", project_type="A01")
        s.add(
            Section(
                project=project,
                code="P2-001",
                name="x",
                opening_time=datetime(2026, 1, 1),
                opening_room="KB-01",
                evaluation_method="X",
            )
        )
    with db.session() as s:  # the failed transaction left nothing behind
        assert s.execute(select(Project)).first() is None
    db.dispose()


def test_sqlite_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "d" / "venue.db"
    db = open_database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
    assert path.stat().st_mode & 0o077 == 0
    assert path.parent.stat().st_mode & 0o077 == 0


def test_migration_backs_up_an_older_file_first(tmp_path: Path) -> None:
    path = tmp_path / "venue.db"
    db = open_database(f"sqlite:///{path}")
    with db.engine.begin() as conn:  # bring the file back to an older schema (base)
        command.downgrade(_alembic_config(conn), "base")
    db.dispose()
    assert current_revision(open_database(f"sqlite:///{path}", upgrade=False)) is None
    db = open_database(f"sqlite:///{path}")
    assert current_revision(db) == head_revision()
    db.dispose()
    backups = list((tmp_path / "backups").glob("venue-before-*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:  # the backup is the old schema, readable
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "alembic_version" in tables and "audit_event" not in tables


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "venue.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xde\xad\xbe\xef" * 1000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{path}")
    assert info.value.text == E_DB_CORRUPT
    assert str(path) in str(info.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "venue.db"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{path}")
    assert info.value.text == E_DB_CORRUPT


def test_locked_file_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "venue.db"
    open_database(f"sqlite:///{path}").dispose()
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as info:
            open_database(f"sqlite:///{path}")
        assert info.value.text == E_DB_LOCKED
    finally:
        holder.rollback()
        holder.close()


def test_unreachable_postgres_gives_a_clear_message() -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(
            "postgresql+psycopg://nobody:secret@/none?host=/nonexistent-socket-dir&port=1"
        )
    assert "secret" not in str(info.value)
    assert "无法连接数据库" in str(info.value)


def test_concurrent_writers_wait_instead_of_failing(db_url: str) -> None:
    db = open_database(db_url)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(10):
                with db.session() as s:
                    s.add(
                        Project(
                            code=f"T{n}-{i}", name="x", tenderer="x", agency="x", project_type="A01"
                        )
                    )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.session() as s:
        assert len(s.execute(select(Project)).all()) == 40
    db.dispose()
    _ = UTC


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


@pytest.mark.parametrize("revision", ["0001"])
def test_old_database_files_upgrade_with_backup_and_intact_log(
    tmp_path: Path, revision: str
) -> None:
    """Every kept old-schema file upgrades to head: backed up first, data and audit log intact."""
    from venue_client.config import load_settings
    from venue_client.services.audit import AuditService
    from venue_client.services.context import open_context

    data = tmp_path / "data"
    (data / "audit").mkdir(parents=True)
    shutil.copy(FIXTURES / f"venue-{revision}.db", data / "venue.db")
    shutil.copy(
        FIXTURES / f"venue-{revision}.checkpoint.note", data / "audit" / "latest-checkpoint.note"
    )
    vkey = (FIXTURES / f"venue-{revision}.vkey").read_text("utf-8").strip()
    ctx = open_context(load_settings(data_dir=data, env={}))
    try:
        assert current_revision(ctx.db) == head_revision()
        assert len(list((data / "backups").glob(f"venue-before-{head_revision()}-*.db"))) == 1
        with ctx.reading() as s:
            assert len(s.execute(select(Section)).all()) >= 3
        report = AuditService(ctx).verify([vkey])
        assert report.ok, report.problems
        assert report.checkpoints >= 2
    finally:
        ctx.close()
