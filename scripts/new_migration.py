"""Autogenerate a migration from the models: ``python scripts/new_migration.py "message"``.

Runs against a scratch SQLite database brought to the current head, so the new
revision holds exactly what the models added since.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from venue_client.store.database import Database, _alembic_config


def main() -> int:
    message = sys.argv[1] if len(sys.argv) > 1 else "schema change"
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        with db.engine.begin() as conn:
            cfg = _alembic_config(conn)
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
