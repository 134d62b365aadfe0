"""Shared fixtures: settings on a temporary data directory, databases on SQLite and
on a throwaway PostgreSQL cluster (started once per run when the server binaries
exist), and a ready application context."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.postgres import PostgresCluster, start_cluster
from venue_client.config import Settings, load_settings
from venue_client.services.context import AppContext, open_context

_pg_state: dict[str, object] = {}
_db_counter = itertools.count(1)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    cluster, reason = start_cluster()
    _pg_state["reason"] = reason
    if cluster is None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but could not start: {reason}")
        pytest.skip(f"PostgreSQL not available: {reason}")
    _pg_state["ran"] = True
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'venue.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_database(f"venue_test_{os.getpid()}_{next(_db_counter)}")


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "config.toml").write_text(f'[database]\nurl = "{db_url}"\n', encoding="utf-8")
    return load_settings(data_dir=data, env={})


@pytest.fixture
def ctx(settings: Settings) -> Iterator[AppContext]:
    context = open_context(settings)
    try:
        yield context
    finally:
        context.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reason = _pg_state.get("reason")
    if _pg_state.get("ran"):
        terminalreporter.write_line(
            "PostgreSQL: store tests ran on a throwaway cluster as well as SQLite."
        )
    elif reason:
        terminalreporter.write_line(
            f"PostgreSQL: tests NOT run on PostgreSQL ({reason}); only SQLite was tested.", red=True
        )
