"""Run the test central platform as a process.

    python -m tests.central --port 8765 --token T --workstation WS1 --venue 330100 --demo

prints ``VENUE_CENTRAL_URL=http://127.0.0.1:8765/venue-api/v1`` and serves until interrupted.
``--chaos 0.2`` makes a fifth of the requests fail in random ways (seeded by ``--seed``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from tests.central.demo import fill_demo_day
from tests.central.faults import KINDS
from tests.central.sections import BEIJING
from tests.central.server import CentralServer

CHAOS_KINDS = sorted(KINDS - {"delay", "corrupt_body"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.central", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--token", required=True)
    parser.add_argument("--workstation", required=True)
    parser.add_argument("--venue", required=True)
    parser.add_argument("--base-path", default="/venue-api/v1")
    parser.add_argument("--storage", type=Path, help="upload directory (default: a temp dir)")
    parser.add_argument("--note-key", help="the workstation's checkpoint verifier key")
    parser.add_argument("--demo", action="store_true", help="publish a day of synthetic sessions")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--chaos", type=float, default=0.0, help="share of requests that fail")
    args = parser.parse_args(argv)

    storage = args.storage or Path(tempfile.mkdtemp(prefix="central-"))
    server = CentralServer(
        storage,
        workstations={args.workstation: (args.token, args.venue)},
        host=args.host,
        port=args.port,
        base_path=args.base_path,
    )
    if args.note_key:
        server.platform.register_note_key(args.workstation, args.note_key)
    if args.demo:
        count = fill_demo_day(
            server.platform, args.venue, datetime.now(BEIJING).date(), seed=args.seed
        )
        print(f"demo: {count} sections published for venue {args.venue}", flush=True)
    if args.chaos:
        rate = args.chaos / len(CHAOS_KINDS)
        server.faults.random(args.seed, dict.fromkeys(CHAOS_KINDS, rate))
    print(f"witness key: {server.platform.witness.cosigner.vkey()}", flush=True)
    print(f"VENUE_CENTRAL_URL=http://{args.host}:{server.port}{server.base_path}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
