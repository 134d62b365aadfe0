"""The state of the test central platform and the Python API tests drive it with.

``Platform`` holds workstations (token, venue), bids, the schedule, the events ledger, the
uploads and the witness, each behind its own lock. Tests set it up directly::

    bid = server.platform.add_bid(ciphertext)
    server.platform.add_section(sections.section(..., bidders=[sections.bidder(..., bid, ...)]))
    server.platform.update_section("A3301...001", BID_OPENING_ROOM="KB-02")  # revision + 1
    server.platform.events("WS-01")  # what the client delivered
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.central.httpio import ApiError
from tests.central.ledger import EventLedger, EventRules, StoredEvent
from tests.central.schedule import Schedule
from tests.central.sections import BEIJING, rfc3339
from tests.central.uploads import Upload, UploadStore
from tests.central.witness import Cosigner, Witness


@dataclass
class Workstation:
    id: str
    token: str
    venue: str
    revoked: bool = False


@dataclass(frozen=True)
class StoredBid:
    receipt: dict[str, Any]
    data: bytes


class Platform:
    def __init__(
        self,
        storage_dir: Path,
        *,
        rules: EventRules | None = None,
        witness_name: str = "central.test/witness",
        witness_seed: bytes | None = None,
    ) -> None:
        self.skew = timedelta(0)  # added to the real clock by GET /time and the witness
        self.health_status = "ok"
        self._lock = threading.Lock()
        self._workstations: dict[str, Workstation] = {}
        self._bids: dict[str, StoredBid] = {}
        self._bid_numbers = itertools.count(1)
        self.schedule = Schedule()
        self.uploads = UploadStore(storage_dir / "uploads")
        self.ledger = EventLedger(rules or EventRules(), self.uploads.is_finished)
        self.witness = Witness(Cosigner(witness_name, witness_seed), self.now)

    # --- workstations and authentication -------------------------------------------------

    def add_workstation(self, ws: str, token: str, venue: str) -> Workstation:
        with self._lock:
            station = self._workstations[ws] = Workstation(ws, token, venue)
        return station

    def revoke(self, ws: str) -> None:
        with self._lock:
            self._workstations[ws].revoked = True

    def workstation(self, ws: str) -> Workstation:
        with self._lock:
            return self._workstations[ws]

    @property
    def venues(self) -> set[str]:
        with self._lock:
            return {w.venue for w in self._workstations.values()}

    def authenticate(self, authorization: str | None, ws_header: str | None) -> Workstation:
        """Bearer token of the workstation named by ``X-Workstation-Id``; 401 otherwise."""
        scheme, _, token = (authorization or "").partition(" ")
        with self._lock:
            station = self._workstations.get(ws_header or "")
        if (
            scheme.lower() != "bearer"
            or station is None
            or station.revoked
            or not hmac.compare_digest(token.strip().encode(), station.token.encode())
        ):
            raise ApiError(
                401,
                "UNAUTHORIZED",
                "missing, wrong or revoked workstation token",
                headers=[("WWW-Authenticate", 'Bearer realm="venue-api"')],
            )
        return station

    # --- clock ---------------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(BEIJING) + self.skew

    # --- bids ----------------------------------------------------------------------------

    def add_bid(
        self,
        data: bytes,
        *,
        bid_id: str | None = None,
        submitted_at: datetime | None = None,
        format: str = "VBE1",  # the spec's field name
        recipients: Sequence[str] = ("platform-backup-key-id",),
        receipt_sha256: str | None = None,
    ) -> dict[str, Any]:
        """Store ciphertext and return its receipt (the schedule's ``bid`` object).

        ``receipt_sha256`` overrides the receipted hash, to test the client's tamper alarm.
        """
        with self._lock:
            bid_id = bid_id or f"b-{next(self._bid_numbers):06d}"
            if bid_id in self._bids:
                raise ValueError(f"bid {bid_id} already exists")
            receipt = {
                "bid_id": bid_id,
                "size": len(data),
                "sha256": receipt_sha256 or hashlib.sha256(data).hexdigest(),
                "submitted_at": rfc3339(submitted_at or self.now() - timedelta(days=1)),
                "format": format,
                "recipients": list(recipients),
            }
            self._bids[bid_id] = StoredBid(receipt, bytes(data))
        return dict(receipt)

    def bid(self, bid_id: str) -> StoredBid:
        with self._lock:
            stored = self._bids.get(bid_id)
        if stored is None:
            raise ApiError(404, "UNKNOWN_BID", f"no bid {bid_id}")
        return stored

    # --- schedule (venue defaults to the only one configured) ----------------------------

    def _venue(self, venue: str | None) -> str:
        if venue is not None:
            return venue
        venues = self.venues
        if len(venues) != 1:
            raise ValueError(f"name the venue: workstations use {sorted(venues)}")
        return venues.pop()

    def add_section(self, section: Mapping[str, Any], venue: str | None = None) -> dict[str, Any]:
        return self.schedule.add_section(self._venue(venue), section)

    def update_section(self, code: str, venue: str | None = None, **changes: Any) -> dict[str, Any]:
        return self.schedule.update_section(self._venue(venue), code, **changes)

    def cancel_section(self, code: str, venue: str | None = None) -> dict[str, Any]:
        return self.schedule.cancel_section(self._venue(venue), code)

    def postpone_section(
        self, code: str, new_time: datetime | None = None, venue: str | None = None
    ) -> dict[str, Any]:
        return self.schedule.postpone_section(self._venue(venue), code, new_time)

    def add_restriction(
        self,
        subject_code: str,
        kind: str,
        reason: str = "严重违法失信",
        until: date | str = "2099-12-31",
    ) -> dict[str, Any]:
        return self.schedule.add_restriction(subject_code, kind, reason, until)

    def lift_restriction(self, subject_code: str, kind: str) -> dict[str, Any]:
        return self.schedule.lift_restriction(subject_code, kind, self.now().date())

    # --- events, uploads, witness --------------------------------------------------------

    def events(self, ws: str, *, include_rejected: bool = False) -> list[StoredEvent]:
        return self.ledger.events(ws, include_rejected=include_rejected)

    def acked_through(self, ws: str) -> int:
        return self.ledger.acked_through(ws)

    def reject_seq(
        self, ws: str, seq: int, code: str = "RULE_VIOLATION", message: str = ""
    ) -> None:
        self.ledger.reject_seq(ws, seq, code, message)

    def finished_uploads(self) -> dict[str, Upload]:
        return self.uploads.finished()

    def register_note_key(self, ws: str, vkey: str) -> None:
        """The workstation's checkpoint verifier key; its notes must then verify."""
        self.witness.register_key(ws, vkey)
