"""Build and check sections in the exact shape of central-api.md §2.

Builders give tests short calls with spec-shaped output; ``check_section`` refuses anything the
real platform would never send (missing fields, floats, bad times), so a test cannot serve the
client a schedule that the spec does not allow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from tests.central.httpio import is_rfc3339

BEIJING = timezone(timedelta(hours=8))
STATUSES = frozenset({"SCHEDULED", "CANCELLED", "POSTPONED"})
_HEX64 = re.compile(r"[0-9a-f]{64}")

SECTION_TEXT = (
    "TENDER_PROJECT_CODE",
    "TENDER_PROJECT_NAME",
    "BID_SECTION_CODE",
    "BID_SECTION_NAME",
    "TENDERER_NAME",
    "TENDER_AGENCY_NAME",
    "TENDER_PROJECT_TYPE",
    "BID_OPENING_ROOM",
    "EVALUATION_METHOD",
    "PRICE_UNIT",
)


def rfc3339(moment: datetime) -> str:
    """Seconds precision, Beijing offset: ``2026-11-27T09:30:00+08:00``."""
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(BEIJING).isoformat(timespec="seconds")


def representative(name: str, id_card: str) -> dict[str, str]:
    return {"name": name, "ID_CARD": id_card}


def bidder(
    name: str, org_code: str, bid: Mapping[str, Any], representatives: Iterable[Mapping[str, str]]
) -> dict[str, Any]:
    return {
        "BIDDER_NAME": name,
        "BIDDER_ORG_CODE": org_code,
        "representatives": [dict(r) for r in representatives],
        "bid": dict(bid),
    }


def expert(
    name: str,
    id_card: str,
    *,
    kind: str = "技术",
    employer_code: str,
    chairman: bool = False,
    backup: bool = False,
) -> dict[str, Any]:
    return {
        "EXPERT_NAME": name,
        "ID_CARD": id_card,
        "EXPERT_TYPE": kind,
        "employer_code": employer_code,
        "is_chairman": chairman,
        "backup": backup,
    }


def evaluation(room: str, start: datetime, experts: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    return {"room": room, "start": rfc3339(start), "experts": [dict(e) for e in experts]}


def section(
    project_code: str,
    section_code: str,
    opening_time: datetime,
    bidders: Iterable[Mapping[str, Any]],
    *,
    project_name: str = "某某道路改造工程",
    section_name: str = "施工第一标段",
    tenderer: str = "杭州市某某建设局",
    agency: str = "某某招标代理有限公司",
    project_type: str = "A01",
    room: str = "KB-01",
    decrypt_minutes: int = 30,
    method: str = "COMPREHENSIVE",
    evaluation_info: Mapping[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A section as the platform publishes it (``revision`` and ``status`` set by the store)."""
    return {
        "TENDER_PROJECT_CODE": project_code,
        "TENDER_PROJECT_NAME": project_name,
        "BID_SECTION_CODE": section_code,
        "BID_SECTION_NAME": section_name,
        "TENDERER_NAME": tenderer,
        "TENDER_AGENCY_NAME": agency,
        "TENDER_PROJECT_TYPE": project_type,
        "BID_OPENING_TIME": rfc3339(opening_time),
        "BID_OPENING_ROOM": room,
        "DECRYPT_MINUTES": decrypt_minutes,
        "EVALUATION_METHOD": method,
        "PRICE_UNIT": "元",
        "bidders": [dict(b) for b in bidders],
        "evaluation": dict(evaluation_info) if evaluation_info is not None else None,
        **extra,
    }


def _fail(where: str, message: str) -> ValueError:
    return ValueError(f"{where}: {message}")


def check_no_floats(value: Any, where: str) -> None:
    """Money is a decimal string, never a float (central-api.md, General)."""
    if isinstance(value, float):
        raise TypeError(f"{where}: floats are not allowed; use decimal strings")
    if isinstance(value, Mapping):
        for k, v in value.items():
            check_no_floats(v, f"{where}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            check_no_floats(v, f"{where}[{i}]")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_bid(bid: Any, where: str) -> None:
    if not isinstance(bid, Mapping):
        raise _fail(where, "bid must be an object")
    if not isinstance(bid.get("bid_id"), str) or not bid["bid_id"]:
        raise _fail(where, "bid_id must be a non-empty string")
    if not _is_int(bid.get("size")) or bid["size"] < 0:
        raise _fail(where, "size must be a non-negative integer")
    if not isinstance(bid.get("sha256"), str) or not _HEX64.fullmatch(bid["sha256"]):
        raise _fail(where, "sha256 must be 64 lowercase hex digits")
    if not is_rfc3339(bid.get("submitted_at")):
        raise _fail(where, "submitted_at must be RFC 3339 with an offset")
    if not isinstance(bid.get("format"), str):
        raise _fail(where, "format must be a string")
    recipients = bid.get("recipients")
    if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
        raise _fail(where, "recipients must be a list of strings")


def check_section(sec: Mapping[str, Any]) -> None:
    """Raise ValueError/TypeError unless ``sec`` is a section the spec allows."""
    where = f"section {sec.get('BID_SECTION_CODE')!r}"
    check_no_floats(sec, where)
    for name in SECTION_TEXT:
        if not isinstance(sec.get(name), str) or not sec[name]:
            raise _fail(where, f"{name} must be a non-empty string")
    if not is_rfc3339(sec.get("BID_OPENING_TIME")):
        raise _fail(where, "BID_OPENING_TIME must be RFC 3339 with an offset")
    if not _is_int(sec.get("DECRYPT_MINUTES")) or sec["DECRYPT_MINUTES"] <= 0:
        raise _fail(where, "DECRYPT_MINUTES must be a positive integer")
    if not _is_int(sec.get("revision")) or sec["revision"] < 1:
        raise _fail(where, "revision must be an integer >= 1")
    if sec.get("status") not in STATUSES:
        raise _fail(where, f"status must be one of {sorted(STATUSES)}")
    bidders = sec.get("bidders")
    if not isinstance(bidders, list):
        raise _fail(where, "bidders must be a list")
    for i, b in enumerate(bidders):
        w = f"{where} bidder {i}"
        if not isinstance(b.get("BIDDER_NAME"), str) or not isinstance(
            b.get("BIDDER_ORG_CODE"), str
        ):
            raise _fail(w, "BIDDER_NAME and BIDDER_ORG_CODE must be strings")
        reps = b.get("representatives")
        if not isinstance(reps, list) or not all(
            isinstance(r, Mapping)
            and isinstance(r.get("name"), str)
            and isinstance(r.get("ID_CARD"), str)
            for r in reps
        ):
            raise _fail(w, 'representatives must be [{"name": ..., "ID_CARD": ...}]')
        check_bid(b.get("bid"), w)
    ev = sec.get("evaluation")
    if ev is not None:
        if not isinstance(ev, Mapping) or not isinstance(ev.get("room"), str):
            raise _fail(where, "evaluation must be null or an object with a room")
        if not is_rfc3339(ev.get("start")) or not isinstance(ev.get("experts"), list):
            raise _fail(where, "evaluation needs an RFC 3339 start and a list of experts")
