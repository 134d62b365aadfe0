"""Alembic environment: runs on the connection the application hands over."""

from __future__ import annotations

from alembic import context

from venue_client.store import (  # noqa: F401 - register tables
    log_models,
    models,
    opening_models,
    sync_models,
)

target_metadata = models.Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through venue_client.store.database
    raise RuntimeError("run migrations through venue_client.store.database.upgrade()")
context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,  # SQLite needs table rebuilds for most ALTERs
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
