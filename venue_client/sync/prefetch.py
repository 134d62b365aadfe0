"""Bid prefetch (central-api.md §3): every bid of the day's sessions is downloaded into
the data directory as soon as the schedule arrives, so an opening works offline.

Downloads resume with ``Range`` from the partial file after a dropped connection;
the SHA-256 of the whole file is checked against the schedule's receipt before the
partial file is renamed (atomically) and the bid marked downloaded. A mismatch is a
tamper alarm, recorded and shown, never retried.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from venue_client.services.clock import BEIJING
from venue_client.services.context import AppContext
from venue_client.services.schedule import local_day_bounds
from venue_client.store.models import Bid, Bidder, OpeningSession, Section, SectionStatus
from venue_client.sync import alarms
from venue_client.sync.client import TRANSIENT, CentralClient

log = logging.getLogger(__name__)
PENDING_STATES = ("pending", "downloading")
CHUNK = 1 << 20


@dataclass(frozen=True)
class DueBid:
    id: int
    platform_id: str
    size: int
    sha256: str


@dataclass
class PrefetchResult:
    downloaded: list[str] = field(default_factory=list)
    tampered: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


class BidPrefetcher:
    def __init__(
        self, ctx: AppContext, client: CentralClient, *, attempts: int = 8, horizon_days: int = 1
    ) -> None:
        self.ctx = ctx
        self.client = client
        self.attempts = attempts
        self.horizon_days = horizon_days
        self.bid_dir = ctx.settings.data_dir / "bids"

    def due(self, day: date | None = None) -> list[DueBid]:
        """Bids of the sessions from ``day`` through the horizon still to download."""
        day = day or self.ctx.clock.now().astimezone(BEIJING).date()
        start, _ = local_day_bounds(day)
        _, end = local_day_bounds(day + timedelta(days=self.horizon_days))
        with self.ctx.reading() as s:
            rows = s.execute(
                select(Bid)
                .join(Bidder, Bid.bidder_id == Bidder.id)
                .join(Section, Bidder.section_id == Section.id)
                .join(OpeningSession, OpeningSession.section_id == Section.id)
                .where(
                    OpeningSession.scheduled_at >= start,
                    OpeningSession.scheduled_at < end,
                    Section.status == SectionStatus.SCHEDULED,
                    Bid.state.in_(PENDING_STATES),
                )
                .order_by(OpeningSession.scheduled_at, Bid.id)
            ).scalars()
            return [DueBid(b.id, b.platform_id, b.size, b.receipt_sha256) for b in rows]

    def run(self, day: date | None = None) -> PrefetchResult:
        result = PrefetchResult()
        due = self.due(day)
        for n, bid in enumerate(due, 1):
            outcome = self.fetch(bid, index=n, total=len(due))
            getattr(result, outcome).append(bid.platform_id)
        return result

    def fetch(self, bid: DueBid, *, index: int = 1, total: int = 1) -> str:
        """Download one bid; returns ``downloaded``, ``tampered`` or ``failed``."""
        self.bid_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        part = self.bid_dir / f"{bid.platform_id}.part"
        for attempt in range(self.attempts):
            try:
                if self._transfer(bid, part, index, total):
                    break
            except TRANSIENT as exc:
                log.info("bid %s: %s, resuming", bid.platform_id, type(exc).__name__)
                self.client.sleep(self.client.retry.delay(attempt))
        else:
            return "failed"
        return self._verify(bid, part)

    def _transfer(self, bid: DueBid, part: Path, index: int, total: int) -> bool:
        """One request; True when the partial file holds ``size`` bytes (or more)."""
        have = part.stat().st_size if part.exists() else 0
        if have >= bid.size:
            return True
        headers = {"Range": f"bytes={have}-"} if have else {}
        with self.client.stream(f"bids/{bid.platform_id}/ciphertext", headers) as response:
            if response.status_code == 416:
                return True
            if response.status_code == 206:
                first = _range_start(response)
                if first != have:
                    have = 0
            elif response.status_code == 200:
                have = 0
            else:
                raise httpx.RemoteProtocolError(f"unexpected status {response.status_code}")
            fd = os.open(part, os.O_WRONLY | os.O_CREAT, 0o600)
            with os.fdopen(fd, "r+b") as fh:
                fh.truncate(have)
                fh.seek(have)
                received = have
                for block in response.iter_bytes(CHUNK):
                    fh.write(block)
                    received += len(block)
                    self.ctx.bus.publish(
                        "sync.prefetch",
                        bid=bid.platform_id,
                        received=received,
                        size=bid.size,
                        index=index,
                        total=total,
                    )
                    if received > bid.size:
                        break
                fh.flush()
                os.fsync(fh.fileno())
        return received >= bid.size

    def _verify(self, bid: DueBid, part: Path) -> str:
        actual = _hash_file(part)
        with self.ctx.transaction("system:sync") as tx:
            row = tx.session.get(Bid, bid.id)
            assert row is not None
            if actual != bid.sha256.lower() or part.stat().st_size != bid.size:
                evidence = part.with_suffix(".tampered")
                part.replace(evidence)
                row.state = "tampered"
                row.local_path = str(evidence)
                tx.record(
                    "bid.prefetch_tampered",
                    {"v": 1, "bid": bid.platform_id, "receipt": bid.sha256, "actual": actual},
                    outbox=False,
                )
                outcome = "tampered"
            else:
                final = part.with_suffix(".bid")
                part.replace(final)
                _fsync_dir(final.parent)
                row.state = "downloaded"
                row.local_path = str(final)
                tx.record(
                    "bid.prefetched",
                    {"v": 1, "bid": bid.platform_id, "sha256": actual},
                    outbox=False,
                )
                outcome = "downloaded"
        if outcome == "tampered":
            detail = f"receipt {bid.sha256}, received {actual}"
            alarms.raise_alarm(self.ctx, alarms.TAMPERED_BID, bid.platform_id, detail)
        self.ctx.bus.publish("sync.prefetch_done", bid=bid.platform_id, outcome=outcome)
        return outcome


def _range_start(response: httpx.Response) -> int:
    value = response.headers.get("Content-Range", "")  # "bytes 100-199/200"
    try:
        return int(value.split()[1].split("-")[0])
    except (IndexError, ValueError):
        return -1


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
