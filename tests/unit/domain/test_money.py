"""Money as staff read it: 元 with separators and two decimals, and 大写."""

from __future__ import annotations

import pytest

from venue_client.domain.money import capital_yuan, format_yuan


@pytest.mark.parametrize(
    ("amount", "figures", "words"),
    [
        ("1234567", "1,234,567.00元", "壹佰贰拾叁万肆仟伍佰陆拾柒元整"),
        ("100000000", "100,000,000.00元", "壹亿元整"),
        ("10005", "10,005.00元", "壹万零伍元整"),
        ("30010", "30,010.00元", "叁万零壹拾元整"),
        ("105000.07", "105,000.07元", "壹拾万伍仟元零柒分"),
        ("1000.5", "1,000.50元", "壹仟元伍角"),
        ("0.05", "0.05元", "伍分"),
        ("0", "0.00元", "零元整"),
        ("20000000001.10", "20,000,000,001.10元", "贰佰亿零壹元壹角"),
        ("9876543210.99", "9,876,543,210.99元", "玖拾捌亿柒仟陆佰伍拾肆万叁仟贰佰壹拾元玖角玖分"),
        (" 1,234.565 ", "1,234.57元", "壹仟贰佰叁拾肆元伍角柒分"),  # half up, as money rounds
    ],
)
def test_figures_and_words(amount: str, figures: str, words: str) -> None:
    assert format_yuan(amount) == figures
    assert capital_yuan(amount) == words


@pytest.mark.parametrize("bad", [None, "", "abc", "NaN", "Infinity", "1e400x"])
def test_unreadable_amounts_show_a_dash(bad: str | None) -> None:
    assert format_yuan(bad) == "-"
    assert capital_yuan(bad) == "-"


def test_negative_and_huge_amounts_have_no_words() -> None:
    assert capital_yuan("-1") == "-"
    assert capital_yuan("1" + "0" * 16) == "-"
