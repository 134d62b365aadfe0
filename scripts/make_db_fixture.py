"""Write an old-schema database fixture for upgrade tests (STYLE.md item 9):
``python scripts/make_db_fixture.py REVISION OUT_DIR``.

Brings a new SQLite database to REVISION only, seeds the demo day into it with the
code of that time, and keeps the database, the newest checkpoint note and the
public verifier key. The private signing key is thrown away: fixtures hold no
secrets, and the tests verify the old checkpoints with the public key.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from alembic import command

from venue_client.config import load_settings
from venue_client.services.context import open_context
from venue_client.services.demo import seed_demo
from venue_client.store.database import Database, _alembic_config


def main() -> int:
    revision, out = sys.argv[1], Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        db = Database(f"sqlite:///{data / 'venue.db'}")
        with db.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), revision)
        db.dispose()
        ctx = open_context(load_settings(data_dir=data, env={}), upgrade=False)
        seed_demo(ctx)
        ctx.checkpoint(force=True)
        vkey = ctx.signer.verifier_key()
        ctx.close()
        out.mkdir(parents=True, exist_ok=True)
        shutil.copy(data / "venue.db", out / f"venue-{revision}.db")
        shutil.copy(ctx.checkpoint_file, out / f"venue-{revision}.checkpoint.note")
        (out / f"venue-{revision}.vkey").write_text(vkey + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
