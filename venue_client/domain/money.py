"""Money as venue staff read it (UI.md): 元 with thousands separators and two
decimals ("1,234,567.00元"), and the capital-letter form (大写) that prevails on
binding records. Amounts are decimal strings end to end, never floats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def parse_amount(text: str | None) -> Decimal | None:
    if text is None or not str(text).strip():
        return None
    try:
        value = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def format_yuan(text: str | None, unit: str = "元") -> str:
    """ "1234567.9" → "1,234,567.90元"; empty or invalid → "-"."""
    value = parse_amount(text)
    if value is None:
        return "-"
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP):,.2f}{unit}"


def _group(n: int) -> str:
    """0 < n < 10000 in capital digits, with the zeros Chinese reading inserts."""
    out, zero = "", False
    for pos in range(3, -1, -1):
        digit = n // 10**pos % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + _SMALL[pos]
    return out


def capital_yuan(text: str | None) -> str:
    """ "1234567.00" → "壹佰贰拾叁万肆仟伍佰陆拾柒元整" (amounts below 10^16 元)."""
    value = parse_amount(text)
    if value is None or value < 0 or value >= Decimal(10) ** 16:
        return "-"
    cents = int((value * 100).quantize(Decimal("1"), ROUND_HALF_UP))
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    parts: list[str] = []
    group, need_zero = 0, False
    while yuan > 0:
        chunk = yuan % 10000
        if chunk:
            text_chunk = _group(chunk) + _GROUPS[group]
            if need_zero:
                text_chunk += "零"
            parts.append(text_chunk)
            need_zero = chunk < 1000
        elif parts:
            need_zero = True
        yuan //= 10000
        group += 1
    words = "".join(reversed(parts)).rstrip("零")
    words = (words + "元") if words else ""
    if jiao == 0 and fen == 0:
        return (words or "零元") + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif words:
        words += "零"
    if fen:
        words += _DIGITS[fen] + "分"
    return words
