"""The opening summary (开标一览表): the structured part of a bid read first at the
opening (price, duration/工期, quality, other declared items). Money stays a
decimal string from the envelope to the record: never a float."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.domain.opening import OpeningError

E_BAD_AMOUNT = QT_TRANSLATE_NOOP("opening", "投标报价无效：{value}")
E_NO_PRICE = QT_TRANSLATE_NOOP("opening", "开标一览表缺少投标报价")
SUMMARY_FIELDS = ("price", "duration", "quality")


def parse_amount(value: object) -> str:
    """A money amount as a plain decimal string (never a float): ``"1234567.80"``."""
    if isinstance(value, bool | float) or not isinstance(value, str | int | Decimal):
        raise OpeningError(E_BAD_AMOUNT, value=value)
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise OpeningError(E_BAD_AMOUNT, value=value) from exc
    if not amount.is_finite() or amount < 0:
        raise OpeningError(E_BAD_AMOUNT, value=value)
    return format(amount, "f")


@dataclass(frozen=True)
class OpeningSummary:
    """The structured part of a bid read at the opening: price (decimal string, in
    the section's ``PRICE_UNIT``), duration (工期, as declared, e.g. ``"365日历天"``),
    quality (质量), and any other declared items."""

    price: str
    duration: str = ""
    quality: str = ""
    other: dict[str, Any] = field(default_factory=dict)


def parse_summary(data: Mapping[str, Any]) -> OpeningSummary:
    """Read the summary the envelope declared; only the price is required."""
    if data.get("price") in (None, ""):
        raise OpeningError(E_NO_PRICE)
    other = {str(k): _plain(v) for k, v in data.items() if k not in SUMMARY_FIELDS}
    return OpeningSummary(
        price=parse_amount(data["price"]),
        duration=str(data.get("duration") or ""),
        quality=str(data.get("quality") or ""),
        other=other,
    )


def _plain(value: Any) -> Any:
    """JSON-safe and float-free: floats and decimals become decimal strings."""
    if isinstance(value, float | Decimal):
        return format(Decimal(str(value)), "f")
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)
