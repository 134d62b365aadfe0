"""Online/offline and the platform clock (central-api.md §1, §7).

``GET /health`` decides online/offline, probing with back-off while offline. On
every sync ``GET /time`` measures the skew against the request's midpoint; the
last good measurement anchors a monotonic clock that keeps the platform's time
while offline. The opening asks :meth:`ClockWatch.status` and refuses to start
while online and skewed beyond ``clock_tolerance_seconds``.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from venue_client.services.context import AppContext
from venue_client.sync import state
from venue_client.sync.client import CentralClient, loads
from venue_client.sync.errors import E_CLOCK_SKEW, E_PROTOCOL, ClockSkewError, ProtocolError


@dataclass(frozen=True)
class ClockStatus:
    online: bool
    skew_seconds: float | None  # platform minus local; None before the first measurement
    last_good_sync: datetime | None
    trusted_now: datetime  # platform time, carried on the monotonic clock when offline
    tolerance_seconds: float

    @property
    def skewed(self) -> bool:
        return self.skew_seconds is not None and abs(self.skew_seconds) > self.tolerance_seconds

    @property
    def may_open(self) -> bool:
        """False while online with a clock off by more than the tolerance."""
        return not (self.online and self.skewed)

    def check_may_open(self) -> None:
        if not self.may_open:
            raise ClockSkewError(
                E_CLOCK_SKEW,
                skew=f"{self.skew_seconds:+.1f}",
                tolerance=f"{self.tolerance_seconds:g}",
            )


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"time without offset: {text}")
    return moment


class ClockWatch:
    """Shared between the sync thread (writer) and any reader (opening, UI)."""

    def __init__(self, ctx: AppContext, *, max_probe_interval: float = 60.0) -> None:
        self.ctx = ctx
        self.tolerance = float(ctx.settings.central.clock_tolerance_seconds)
        self.max_probe_interval = max_probe_interval
        self._lock = threading.Lock()
        self._online = False
        self._skew: float | None = None
        self._anchor: tuple[datetime, float] | None = None  # (platform time, monotonic)
        self._last_good: datetime | None = None
        self._failures = 0
        self._next_probe = 0.0
        with ctx.reading() as s:
            skew = state.get(s, state.SKEW)
            last = state.get(s, state.LAST_SUCCESS)
        self._skew = float(skew) if skew else None
        self._last_good = datetime.fromisoformat(last) if last else None

    @property
    def online(self) -> bool:
        with self._lock:
            return self._online

    def probe(self, client: CentralClient, *, force: bool = False) -> bool:
        """``GET /health`` unless backing off; returns whether the platform is online."""
        now = time.monotonic()
        with self._lock:
            if not force and not self._online and now < self._next_probe:
                return False
        ok = client.health()
        self.set_online(ok)
        return ok

    def set_online(self, ok: bool) -> None:
        changed = False
        with self._lock:
            if ok:
                changed = not self._online
                self._online, self._failures, self._next_probe = True, 0, 0.0
            else:
                changed = self._online
                self._online = False
                self._failures += 1
                ceiling = min(self.max_probe_interval, 0.5 * 2**self._failures)
                self._next_probe = time.monotonic() + random.uniform(ceiling / 2, ceiling)
        if changed:
            self.ctx.bus.publish("sync.online", online=ok)

    def measure(self, client: CentralClient) -> float:
        """``GET /time``: skew = platform time - local time at the request's midpoint."""
        wall0, mono0 = time.time(), time.monotonic()
        response = client.request("GET", "time")
        mono1 = time.monotonic()
        data = loads(response)
        try:
            server = parse_time(str(data["now"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(E_PROTOCOL, detail=exc) from exc
        midpoint = datetime.fromtimestamp(wall0 + (mono1 - mono0) / 2, UTC)
        skew = (server - midpoint).total_seconds()
        # platform time at mono1: server stamped at the midpoint, so add half the RTT
        at_mono1 = server + timedelta(seconds=(mono1 - mono0) / 2)
        with self._lock:
            self._skew = skew
            self._anchor = (at_mono1, mono1)
        self.ctx.clock.set_offset(timedelta(seconds=skew), "platform")
        with self.ctx.reading() as s:
            state.put(s, state.SKEW, f"{skew:.6f}")
            state.put(s, state.SKEW_AT, server.astimezone(UTC).isoformat())
        return skew

    def mark_success(self) -> None:
        now = self.trusted_now()
        with self._lock:
            self._last_good = now
        with self.ctx.reading() as s:
            state.put(s, state.LAST_SUCCESS, now.isoformat())

    def trusted_now(self) -> datetime:
        with self._lock:
            anchor = self._anchor
        if anchor is not None:
            return anchor[0] + timedelta(seconds=time.monotonic() - anchor[1])
        return self.ctx.clock.now()

    def status(self) -> ClockStatus:
        with self._lock:
            online, skew, last = self._online, self._skew, self._last_good
        return ClockStatus(online, skew, last, self.trusted_now(), self.tolerance)
