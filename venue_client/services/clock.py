"""The clock the venue trusts. Until the platform's time is known (sync), it is the
local clock and says so; the status bar shows which."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from venue_client.domain.beijing import BEIJING

__all__ = ["BEIJING", "Clock"]


@dataclass
class Clock:
    """Local time corrected by the last measured offset to the platform's clock."""

    offset: timedelta = timedelta(0)
    source: str = "local"  # "local" | "platform"
    _anchor: float = field(default_factory=time.monotonic, repr=False)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def today(self) -> date:
        """The venue's current day (Beijing time)."""
        return self.now().astimezone(BEIJING).date()

    def set_offset(self, offset: timedelta, source: str) -> None:
        self.offset = offset
        self.source = source
        self._anchor = time.monotonic()
