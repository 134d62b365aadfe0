"""The sync service: one worker thread that runs, in order, the health probe, the
clock measurement, and (while it holds the relay lease and no blocking alarm waits)
schedule pull, expert unsealing, bid prefetch, the outbox relay, uploads and the
checkpoint witness. ``sync_now()`` wakes it; ``status()`` is what the UI shows;
everything that changes is published on the bus (``sync.status``, ``sync.alarm``,
``sync.rejected``, ``sync.pending_change``, ``sync.prefetch``, ``sync.online``)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from venue_client.domain.errors import UserFacingError
from venue_client.services.context import AppContext
from venue_client.store.log_models import OutboxEntry, OutboxState
from venue_client.store.sync_models import PendingScheduleChange, UploadItem, UploadState
from venue_client.sync import alarms, experts, schedule, state
from venue_client.sync.client import CentralClient
from venue_client.sync.clockwatch import ClockStatus, ClockWatch
from venue_client.sync.errors import OfflineError, SyncBlockedError
from venue_client.sync.lease import Lease, make_lease
from venue_client.sync.prefetch import BidPrefetcher
from venue_client.sync.relay import OutboxRelay
from venue_client.sync.uploads import Uploader
from venue_client.sync.witness import witness

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    leader: bool
    blocked: bool
    last_success: datetime | None
    last_error: str
    outbox_pending: int
    outbox_rejected: int
    acked_through: int
    alarms: list[alarms.AlarmView]
    pending_changes: int
    uploads_queued: int
    download: dict[str, Any]
    clock: ClockStatus

    def as_json(self) -> dict[str, Any]:
        return {
            "online": self.online,
            "leader": self.leader,
            "blocked": self.blocked,
            "last_success": self.last_success.isoformat() if self.last_success else None,
            "last_error": self.last_error,
            "outbox_pending": self.outbox_pending,
            "outbox_rejected": self.outbox_rejected,
            "acked_through": self.acked_through,
            "alarms": [
                {"id": a.id, "kind": a.kind, "blocking": a.blocking, "subject": a.subject}
                for a in self.alarms
            ],
            "pending_changes": self.pending_changes,
            "uploads_queued": self.uploads_queued,
            "download": self.download,
            "clock_skew_seconds": self.clock.skew_seconds,
            "may_open": self.clock.may_open,
        }


@dataclass
class StepReport:
    online: bool = False
    leader: bool = False
    blocked: bool = False
    ok: bool = False
    error: str = ""
    counts: dict[str, int] = field(default_factory=dict)


class SyncService:
    def __init__(
        self,
        ctx: AppContext,
        *,
        client: CentralClient | None = None,
        lease: Lease | None = None,
        interval: float = 15.0,
        follower_interval: float = 5.0,
        batch_events: int = 500,
    ) -> None:
        self.ctx = ctx
        self.interval = interval
        self.follower_interval = follower_interval
        self.batch_events = batch_events
        self.watch = ClockWatch(ctx)
        self._client = client
        self._lease = lease
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._leader = False
        self._last_error = ""
        self._download: dict[str, Any] = {}
        self._unsubscribe = ctx.bus.subscribe("sync.prefetch", self._on_progress)

    # -- parts ----------------------------------------------------------------

    @property
    def client(self) -> CentralClient:
        if self._client is None:
            self._client = CentralClient.from_settings(
                self.ctx.settings.central, self.ctx.workstation_id
            )
        return self._client

    @property
    def lease(self) -> Lease:
        if self._lease is None:
            self._lease = make_lease(self.ctx)
        return self._lease

    @property
    def venue_code(self) -> str:
        central = self.ctx.settings.central
        return central.venue_code or self.ctx.settings.venue.code

    def _on_progress(self, _name: str, data: dict[str, Any]) -> None:
        self._download = dict(data)

    # -- one pass -------------------------------------------------------------

    def run_once(self, *, force_probe: bool = True) -> StepReport:
        report = StepReport()
        try:
            self._step(report, force_probe)
            report.ok = report.online and report.leader and not report.blocked
            self._last_error = ""
        except OfflineError as exc:
            self.watch.set_online(False)
            report.online, report.error = False, str(exc)
        except SyncBlockedError as exc:
            report.blocked, report.error = True, str(exc)
        except UserFacingError as exc:
            report.error = str(exc)
            log.warning("sync step failed: %s", exc)
        if report.error:
            self._last_error = report.error
        self.publish_status()
        return report

    def _step(self, report: StepReport, force_probe: bool) -> None:
        client = self.client
        report.online = self.watch.probe(client, force=force_probe)
        if not report.online:
            return
        self.watch.measure(client)
        report.leader = self._leader = self.lease.acquire()
        if not report.leader:
            return
        with self.ctx.reading() as s:
            report.blocked = alarms.blocking_count(s) > 0
        if report.blocked:
            return
        result = schedule.pull(self.ctx, client, self.venue_code)
        report.counts["schedule_created"] = len(result.created)
        report.counts["schedule_held"] = len(result.held)
        report.counts["experts_unsealed"] = experts.unseal_due(self.ctx, self.watch.trusted_now())
        fetched = BidPrefetcher(self.ctx, client).run()
        report.counts["bids_downloaded"] = len(fetched.downloaded)
        report.counts["bids_tampered"] = len(fetched.tampered)
        relayed = OutboxRelay(self.ctx, client, max_events=self.batch_events).run(
            keep_going=self._may_continue
        )
        report.counts["events_applied"] = relayed.applied
        report.counts["events_rejected"] = len(relayed.rejected)
        report.counts["uploads_done"] = len(Uploader(self.ctx, client).run().done)
        witnessed = witness(self.ctx, client)
        report.counts["witnessed_size"] = witnessed or 0
        self.watch.mark_success()

    def _may_continue(self) -> bool:
        return not self._stop.is_set() and self.lease.acquire()

    # -- the worker -----------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="sync", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        force = True
        while not self._stop.is_set():
            try:
                self.run_once(force_probe=force)
            except Exception:  # keep the worker alive; the crash is logged
                log.exception("sync pass crashed")
            wait = self.interval if self._leader else self.follower_interval
            force = self._wake.wait(wait)
            self._wake.clear()

    def sync_now(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._lease is not None:
            self._lease.release()
        if self._client is not None:
            self._client.close()
        self._unsubscribe()

    # -- what the UI shows ----------------------------------------------------

    def clock_status(self) -> ClockStatus:
        return self.watch.status()

    def status(self) -> SyncStatus:
        with self.ctx.reading() as s:
            counts = dict(
                s.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)).all()
            )
            open_alarms = alarms.open_alarms(s)
            pending = s.execute(
                select(func.count())
                .select_from(PendingScheduleChange)
                .where(PendingScheduleChange.resolved_at.is_(None))
            ).scalar_one()
            uploads = s.execute(
                select(func.count())
                .select_from(UploadItem)
                .where(UploadItem.state == UploadState.QUEUED)
            ).scalar_one()
            acked = state.get_int(s, state.ACKED_THROUGH)
        clock = self.watch.status()
        return SyncStatus(
            online=clock.online,
            leader=self._leader,
            blocked=any(a.blocking for a in open_alarms),
            last_success=clock.last_good_sync,
            last_error=self._last_error,
            outbox_pending=int(counts.get(OutboxState.PENDING, 0)),
            outbox_rejected=int(counts.get(OutboxState.REJECTED, 0)),
            acked_through=acked,
            alarms=open_alarms,
            pending_changes=int(pending),
            uploads_queued=int(uploads),
            download=dict(self._download),
            clock=clock,
        )

    def publish_status(self) -> None:
        self.ctx.bus.publish("sync.status", **self.status().as_json())
