"""The opening summary (开标一览表): a JSON object in canonical UTF-8 -- keys sorted,
no insignificant whitespace, no floats (prices are decimal strings) -- encrypted on
its own so the desk shows it before the payload is read."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from venue_client.crypto.envelope_errors import BadSummaryError
from venue_client.crypto.vbe1.format import MAX_SUMMARY_PLAINTEXT

DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def _no_float(text: str) -> Any:
    raise BadSummaryError("float")


def _check(value: object, depth: int = 0) -> None:
    if depth > 8:
        raise BadSummaryError("nesting")
    if isinstance(value, float):
        raise BadSummaryError("float")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise BadSummaryError("key")
            _check(item, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            _check(item, depth + 1)
    elif not isinstance(value, str | int | bool) and value is not None:
        raise BadSummaryError(type(value).__name__)


def _check_price(summary: Mapping[str, object]) -> None:
    price = summary.get("price")
    if price is not None and not (isinstance(price, str) and DECIMAL.fullmatch(price)):
        raise BadSummaryError("price")


def encode_summary(summary: Mapping[str, object]) -> bytes:
    """Canonical UTF-8 JSON; :class:`BadSummaryError` for what VBE1 cannot carry."""
    if not isinstance(summary, Mapping):
        raise BadSummaryError("not an object")
    _check(summary)
    _check_price(summary)
    data = json.dumps(
        summary, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")
    if len(data) > MAX_SUMMARY_PLAINTEXT:
        raise BadSummaryError("too long")
    return data


def decode_summary(data: bytes) -> dict[str, object]:
    """The summary object; :class:`BadSummaryError` unless ``data`` is canonical."""
    try:
        value = json.loads(data.decode("utf-8"), parse_float=_no_float, parse_constant=_no_float)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BadSummaryError("JSON") from exc
    if not isinstance(value, dict):
        raise BadSummaryError("not an object")
    if encode_summary(value) != data:
        raise BadSummaryError("not canonical")
    return value
