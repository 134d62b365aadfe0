"""A relay process for the soak test: ``python -m tests.integration.sync.relay_worker DATA_DIR``.

Runs sync passes (platform settings from the environment) until the outbox is drained;
the soak kills it with SIGKILL at random points and starts it again."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from venue_client.config import load_settings
from venue_client.services.context import open_context
from venue_client.sync.client import CentralClient, RetryPolicy
from venue_client.sync.service import SyncService


def main() -> int:
    settings = load_settings(data_dir=Path(sys.argv[1]))
    ctx = open_context(settings)
    retry = RetryPolicy(attempts=4, base=0.01, cap=0.05, retry_after_cap=0.05)
    client = CentralClient.from_settings(settings.central, ctx.workstation_id, retry=retry)
    batch = int(os.environ.get("SOAK_BATCH", "500"))
    service = SyncService(ctx, client=client, batch_events=batch)
    try:
        while True:
            report = service.run_once()
            status = service.status()
            if report.ok and status.outbox_pending == 0:
                return 0
            if report.blocked:
                return 1
            time.sleep(0.02)
    finally:
        service.stop()
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
