"""Opening the database: engine set-up, integrity check, backup, then migration.

SQLite runs in WAL mode with foreign keys on and a busy timeout; PostgreSQL is
reached by URL for a branch whose desks share one database. The same Alembic
migrations serve both. Before a migration touches an existing SQLite file, the
file is copied (online backup API) into ``backups/`` beside it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")

E_DB_CORRUPT = QT_TRANSLATE_NOOP(
    "store",
    "数据库文件 {path} 已损坏或不是本系统的数据库：{detail}。请从备份恢复，原文件未被改动。",
)
E_DB_LOCKED = QT_TRANSLATE_NOOP("store", "数据库 {path} 正被其他程序锁定，请关闭其他程序后重试。")
E_DB_UNWRITABLE = QT_TRANSLATE_NOOP("store", "无法写入数据目录 {path}：{detail}")
E_DB_CONNECT = QT_TRANSLATE_NOOP("store", "无法连接数据库 {url}：{detail}")
E_DB_NEWER = QT_TRANSLATE_NOOP(
    "store", "数据库 {path} 由更新版本的程序创建（版本 {revision}），请升级本程序。"
)


class DatabaseError(UserFacingError):
    """The database cannot be opened or upgraded; the file is left as it was."""


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling is switched off; the "begin" listener
    # below starts every transaction itself (SQLAlchemy's documented recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def _redacted(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


class Database:
    """An engine plus a session factory; ``session()`` is a unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite_path = _sqlite_path(url)
        kwargs: dict[str, Any] = {"future": True}
        if self.sqlite_path is not None:
            kwargs["connect_args"] = {"timeout": 5}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _on_sqlite_connect)
            # Let SQLAlchemy start transactions with BEGIN IMMEDIATE so a writer takes the
            # lock up front instead of failing half-way with "database is locked".
            event.listen(self.engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any exception."""
        with self._factory() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config(connection: Any) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(_alembic_config(None))
    head = script.get_current_head()
    assert head is not None
    return head


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a live SQLite database consistently into ``backups/`` beside it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.parent / "backups" / f"{path.stem}-{label}-{stamp}.db"
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    target.chmod(0o600)
    return target


def _check_sqlite_file(path: Path) -> None:
    parent = path.parent
    try:
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(E_DB_UNWRITABLE, path=parent, detail=exc.strerror or exc) from exc
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DatabaseError(E_DB_UNWRITABLE, path=parent, detail=os.strerror(13))
    if not path.exists():
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseError(E_DB_LOCKED, path=path) from exc
        raise DatabaseError(E_DB_CORRUPT, path=path, detail=exc) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(E_DB_CORRUPT, path=path, detail=exc) from exc
    if rows != [("ok",)]:
        raise DatabaseError(E_DB_CORRUPT, path=path, detail="; ".join(r[0] for r in rows[:3]))


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Open (creating when new) and migrate the database; raise ``DatabaseError`` with
    a clear reason when that cannot be done without risk to the data."""
    path = _sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
        existed = path.exists() and path.stat().st_size > 0
        old_umask = os.umask(0o077)
    db = Database(url)
    try:
        if upgrade:
            upgrade_database(db, backup=path is not None and existed)
    except OperationalError as exc:
        db.dispose()
        text = str(exc.orig)
        if path is not None and "locked" in text:
            raise DatabaseError(E_DB_LOCKED, path=path) from exc
        if path is not None and ("readonly" in text or "unable to open" in text):
            raise DatabaseError(E_DB_UNWRITABLE, path=path.parent, detail=text) from exc
        raise DatabaseError(E_DB_CONNECT, url=_redacted(url), detail=text) from exc
    except DBAPIError as exc:
        db.dispose()
        raise DatabaseError(E_DB_CONNECT, url=_redacted(url), detail=exc.orig) from exc
    finally:
        if path is not None:
            os.umask(old_umask)
    if path is not None and path.exists():
        path.chmod(0o600)
    return db


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_database(db: Database, *, backup: bool) -> None:
    """Bring the schema to the head revision, backing the SQLite file up first."""
    head = head_revision()
    current = current_revision(db)
    if current == head:
        return
    if current is not None:
        script = ScriptDirectory.from_config(_alembic_config(None))
        if script.get_revision(current) is None:
            raise DatabaseError(
                E_DB_NEWER, path=db.sqlite_path or _redacted(db.url), revision=current
            )
    with db.engine.connect() as probe:
        has_tables = bool(inspect(probe).get_table_names())
    if backup and has_tables and db.sqlite_path is not None:
        saved = backup_sqlite(db.sqlite_path, f"before-{head}")
        log.info("database backed up to %s before migrating %s -> %s", saved, current, head)
    with db.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    log.info("database migrated %s -> %s", current, head)
