"""Beijing time (UTC+8, no daylight saving since 1991): the legal time of every
schedule, countdown and record, whatever time zone the PC itself is set to."""

from __future__ import annotations

from datetime import timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "CST")
