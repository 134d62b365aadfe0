"""The schedule endpoint's store: ``GET /venues/{VENUE_CODE}/schedule?since=`` (§2).

Every change (a section added, updated, cancelled or postponed; a restriction added or lifted)
takes the next value of one change counter. A cursor names an instance epoch and a counter
value; an answer holds the sections changed after it, so an unchanged section is never resent.

Restrictions follow the same rule by default (``restrictions_mode = "changed"``): the client
must merge them by ``(subject_code, kind)``, never replace its list with the answer's. The spec
has no deletion marker, so lifting a restriction republishes it with ``until`` set to yesterday.
``restrictions_mode = "full"`` sends the whole current list every time instead.

Cursors: missing ``since`` gives a full snapshot; a malformed cursor, or one ahead of this
instance, is 400 ``INVALID_CURSOR``; a well-formed cursor of another instance (a restarted
standalone server) gives a full snapshot.
"""

from __future__ import annotations

import base64
import copy
import secrets
import threading
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any, Literal

from tests.central.httpio import ApiError
from tests.central.sections import check_no_floats, check_section, rfc3339

RESTRICTION_KINDS = frozenset({"MARKET_BAN", "WARNING"})


class Schedule:
    def __init__(self) -> None:
        self.restrictions_mode: Literal["changed", "full"] = "changed"
        self._epoch = secrets.token_hex(4)
        self._lock = threading.Lock()
        self._counter = 0
        self._sections: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
        self._restrictions: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}

    def _tick(self) -> int:
        self._counter += 1
        return self._counter

    def add_section(self, venue: str, sec: Mapping[str, Any]) -> dict[str, Any]:
        """Publish a new section (revision 1 and SCHEDULED unless given)."""
        stored = copy.deepcopy(dict(sec))
        stored.setdefault("revision", 1)
        stored.setdefault("status", "SCHEDULED")
        check_section(stored)
        key = (venue, stored["BID_SECTION_CODE"])
        with self._lock:
            if key in self._sections:
                raise ValueError(f"section {key[1]} already exists at venue {venue}")
            self._sections[key] = (self._tick(), stored)
        return copy.deepcopy(stored)

    def update_section(self, venue: str, code: str, **changes: Any) -> dict[str, Any]:
        """Change fields of a section; its ``revision`` goes up by one."""
        with self._lock:
            _, current = self._find(venue, code)
            updated = copy.deepcopy(current)
            updated.update(copy.deepcopy(changes))
            updated["revision"] = current["revision"] + 1
            check_section(updated)
            self._sections[(venue, code)] = (self._tick(), updated)
        return copy.deepcopy(updated)

    def cancel_section(self, venue: str, code: str) -> dict[str, Any]:
        return self.update_section(venue, code, status="CANCELLED")

    def postpone_section(
        self, venue: str, code: str, new_time: datetime | None = None
    ) -> dict[str, Any]:
        changes: dict[str, Any] = {"status": "POSTPONED"}
        if new_time is not None:
            changes["BID_OPENING_TIME"] = rfc3339(new_time)
        return self.update_section(venue, code, **changes)

    def section(self, venue: str, code: str) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._find(venue, code)[1])

    def _find(self, venue: str, code: str) -> tuple[int, dict[str, Any]]:
        try:
            return self._sections[(venue, code)]
        except KeyError:
            raise KeyError(f"no section {code} at venue {venue}") from None

    def add_restriction(
        self, subject_code: str, kind: str, reason: str, until: date | str
    ) -> dict[str, Any]:
        """Publish (or replace) the restriction of ``kind`` on a USCC or ID number."""
        if kind not in RESTRICTION_KINDS:
            raise ValueError(f"kind must be one of {sorted(RESTRICTION_KINDS)}")
        until_text = until.isoformat() if isinstance(until, date) else until
        date.fromisoformat(until_text)
        entry = {"subject_code": subject_code, "kind": kind, "reason": reason, "until": until_text}
        check_no_floats(entry, "restriction")
        with self._lock:
            self._restrictions[(subject_code, kind)] = (self._tick(), entry)
        return dict(entry)

    def lift_restriction(self, subject_code: str, kind: str, today: date) -> dict[str, Any]:
        """End a restriction: it is republished with ``until`` = the day before ``today``."""
        with self._lock:
            _, entry = self._restrictions[(subject_code, kind)]
        return self.add_restriction(subject_code, kind, entry["reason"], today - timedelta(days=1))

    def _cursor(self, counter: int) -> str:
        raw = f"v1:{self._epoch}:{counter}".encode("ascii")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    def _since(self, cursor: str | None) -> int:
        if cursor is None:
            return 0
        invalid = ApiError(400, "INVALID_CURSOR", f"cursor {cursor!r} was not issued by us")
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
            version, epoch, counter_text = raw.split(":")
            counter = int(counter_text)
        except ValueError:
            raise invalid from None
        if version != "v1" or counter < 0:
            raise invalid
        if epoch != self._epoch:
            return 0  # another instance's cursor: full snapshot
        if counter > self._counter:
            raise invalid
        return counter

    def snapshot(self, venue: str, cursor: str | None) -> dict[str, Any]:
        since = self._since(cursor)
        with self._lock:
            sections = sorted(
                ((c, s) for (v, _), (c, s) in self._sections.items() if v == venue and c > since),
                key=lambda item: item[0],
            )
            after = 0 if self.restrictions_mode == "full" else since
            restrictions = sorted(
                ((c, r) for c, r in self._restrictions.values() if c > after),
                key=lambda item: item[0],
            )
            return {
                "cursor": self._cursor(self._counter),
                "sections": [copy.deepcopy(s) for _, s in sections],
                "restrictions": [dict(r) for _, r in restrictions],
            }
