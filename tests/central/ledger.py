"""The events endpoint's ledger: ``POST /workstations/{WS_ID}/events`` (central-api.md §4).

Rules enforced, per workstation:

- a batch holds 1 to 500 events and at most 4 MiB (413 ``BATCH_TOO_LARGE`` otherwise, decided
  by the server before parsing); its seqs are consecutive and ascending (400 ``INVALID_BATCH``);
- a batch is all or nothing: the first 409/422 leaves the ledger untouched;
- seqs below the next expected one are replays: same idempotency key and same event
  (type, occurred_at, payload, compared as canonical JSON) answer the stored outcome
  (``duplicate`` for an applied event, ``rejected`` again with the same error); another key for
  that seq, or the same key with another event, is 422 ``KEY_REUSED``;
- a batch whose first new seq is past the next expected one is 409 ``SEQ_GAP`` with
  ``expected``; a new seq whose key was used for another seq is 422 ``KEY_REUSED``;
- a second batch for a workstation while one is processed is 409 ``IN_FLIGHT``;
- ``rejected`` events consume their seq (the client keeps them and must not resend blindly),
  so ``acked_through`` is the highest seq processed without a gap, applied or rejected.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tests.central.httpio import ApiError, is_rfc3339

MAX_EVENTS = 500
MAX_BATCH_BYTES = 4 * 1024 * 1024

DEFAULT_TYPES = frozenset(
    {
        "checkin.recorded",
        "checkin.refused",
        "checkin.override",
        "recording.segment",
        "audit.checkpoint",
        "device.state",
    }
)
DEFAULT_PREFIXES = ("opening.", "evaluation.")


@dataclass
class EventRules:
    """The business rules that make an event ``rejected`` (configurable per server)."""

    known_types: set[str] = field(default_factory=lambda: set(DEFAULT_TYPES))
    known_prefixes: tuple[str, ...] = DEFAULT_PREFIXES
    versions: frozenset[int] = frozenset({1})
    require_version: bool = True  # payload carries "v" (central-api.md §4, "versioned")
    reject_floats: bool = True  # money is a decimal string, never a float (§General)
    segments_need_upload: bool = True  # recording.segment references a finished upload (§5)

    def is_known(self, type_: str) -> bool:
        return type_ in self.known_types or type_.startswith(self.known_prefixes)


@dataclass(frozen=True)
class StoredEvent:
    seq: int
    idempotency_key: str
    type: str
    occurred_at: str
    payload: dict[str, Any]
    status: str  # "applied" or "rejected"
    error: dict[str, str] | None
    fingerprint: str

    def result(self, replay: bool) -> dict[str, Any]:
        status = "duplicate" if replay and self.status == "applied" else self.status
        out: dict[str, Any] = {"seq": self.seq, "status": status}
        if self.error is not None:
            out["error"] = dict(self.error)
        return out


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v) for v in value)
    return False


def _invalid(message: str) -> ApiError:
    return ApiError(400, "INVALID_BATCH", message)


def parse_batch(body: Any) -> list[dict[str, Any]]:
    """Check the batch's shape; raise 413 or 400 ``INVALID_BATCH`` (nothing applied)."""
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        raise _invalid('body must be {"events": [...]}')
    events: list[dict[str, Any]] = body["events"]
    if not events:
        raise _invalid("batch holds no events")
    if len(events) > MAX_EVENTS:
        raise ApiError(
            413, "BATCH_TOO_LARGE", f"batch holds {len(events)} events, at most {MAX_EVENTS}"
        )
    for i, ev in enumerate(events):
        if not isinstance(ev, dict):
            raise _invalid(f"event {i} is not an object")
        seq = ev.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise _invalid(f"event {i}: seq must be an integer >= 1")
        if i and seq != events[i - 1]["seq"] + 1:
            raise _invalid(f"event {i}: seqs in a batch must be consecutive and ascending")
        key = ev.get("idempotency_key")
        if not isinstance(key, str) or not key:
            raise _invalid(f"seq {seq}: idempotency_key must be a non-empty string")
        if not isinstance(ev.get("type"), str) or not ev["type"]:
            raise _invalid(f"seq {seq}: type must be a non-empty string")
        if not is_rfc3339(ev.get("occurred_at")):
            raise _invalid(f"seq {seq}: occurred_at must be RFC 3339 with an offset")
        if not isinstance(ev.get("payload"), dict):
            raise _invalid(f"seq {seq}: payload must be an object")
    return events


def _fingerprint(ev: dict[str, Any]) -> str:
    content = [ev["type"], ev["occurred_at"], ev["payload"]]
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class EventLedger:
    """Applied and rejected events of every workstation, in memory under one lock."""

    def __init__(self, rules: EventRules, upload_finished: Callable[[str], bool]) -> None:
        self.rules = rules
        self.processing_delay = 0.0  # seconds a batch holds its workstation (IN_FLIGHT tests)
        self._upload_finished = upload_finished
        self._lock = threading.Lock()
        self._busy: dict[str, threading.Lock] = {}
        self._records: dict[str, list[StoredEvent]] = {}
        self._keys: dict[str, dict[str, int]] = {}
        self._forced: dict[tuple[str, int], dict[str, str]] = {}

    def reject_seq(
        self, ws: str, seq: int, code: str = "RULE_VIOLATION", message: str = ""
    ) -> None:
        """Test hook: the event with this seq will be ``rejected`` with this error."""
        with self._lock:
            self._forced[(ws, seq)] = {"code": code, "message": message or f"{code} (test hook)"}

    def events(self, ws: str, *, include_rejected: bool = False) -> list[StoredEvent]:
        with self._lock:
            records = list(self._records.get(ws, ()))
        return [r for r in records if include_rejected or r.status == "applied"]

    def acked_through(self, ws: str) -> int:
        with self._lock:
            return len(self._records.get(ws, ()))

    def submit(self, ws: str, body: Any) -> dict[str, Any]:
        events = parse_batch(body)
        with self._lock:
            busy = self._busy.setdefault(ws, threading.Lock())
        if not busy.acquire(blocking=False):
            raise ApiError(
                409,
                "IN_FLIGHT",
                f"a batch of workstation {ws} is still being processed",
                headers=[("Retry-After", "1")],
            )
        try:
            if self.processing_delay:
                time.sleep(self.processing_delay)
            with self._lock:
                return self._apply(ws, events)
        finally:
            busy.release()

    def _apply(self, ws: str, events: Iterable[dict[str, Any]]) -> dict[str, Any]:
        records = self._records.setdefault(ws, [])
        keys = self._keys.setdefault(ws, {})
        new: list[StoredEvent] = []
        results: list[dict[str, Any]] = []
        for ev in events:
            seq, key, fp = ev["seq"], ev["idempotency_key"], _fingerprint(ev)
            if seq <= len(records):
                old = records[seq - 1]
                if old.idempotency_key != key:
                    raise ApiError(
                        422, "KEY_REUSED", f"seq {seq} was applied with another idempotency key"
                    )
                if old.fingerprint != fp:
                    raise ApiError(
                        422,
                        "KEY_REUSED",
                        f"idempotency key {key} (seq {seq}) was sent before with another event",
                    )
                results.append(old.result(replay=True))
                continue
            expected = len(records) + len(new) + 1
            if seq != expected:
                raise ApiError(
                    409,
                    "SEQ_GAP",
                    f"expected seq {expected}, got {seq}",
                    extra={"expected": expected},
                )
            earlier = keys.get(key)
            if earlier is not None:
                raise ApiError(
                    422, "KEY_REUSED", f"idempotency key {key} was used for seq {earlier}"
                )
            error = self._judge(ws, ev)
            status = "applied" if error is None else "rejected"
            stored = StoredEvent(
                seq, key, ev["type"], ev["occurred_at"], ev["payload"], status, error, fp
            )
            keys[key] = seq
            new.append(stored)
            results.append(stored.result(replay=False))
        records.extend(new)
        return {"acked_through": len(records), "results": results}

    def _judge(self, ws: str, ev: dict[str, Any]) -> dict[str, str] | None:
        """Return the business-rule error that rejects ``ev``, or None to apply it."""
        forced = self._forced.get((ws, ev["seq"]))
        if forced is not None:
            return dict(forced)
        rules, type_, payload = self.rules, ev["type"], ev["payload"]
        if not rules.is_known(type_):
            return {"code": "UNKNOWN_TYPE", "message": f"unknown event type {type_!r}"}
        version = payload.get("v")
        if rules.require_version and (
            not isinstance(version, int)
            or isinstance(version, bool)
            or version not in rules.versions
        ):
            return {
                "code": "UNSUPPORTED_VERSION",
                "message": f"payload version {version!r} of {type_} is not one of "
                f"{sorted(rules.versions)}",
            }
        if rules.reject_floats and _has_float(payload):
            return {
                "code": "FLOAT_NOT_ALLOWED",
                "message": "numbers with a fraction must be decimal strings (money never floats)",
            }
        if rules.segments_need_upload and type_ == "recording.segment":
            digest = payload.get("sha256")
            if not isinstance(digest, str) or not self._upload_finished(digest.lower()):
                return {
                    "code": "UPLOAD_NOT_FOUND",
                    "message": f"no finished upload has sha256 {digest!r}",
                }
        return None
