"""The GB 3304 nation table and the simulator's synthetic deck."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from drivers.idcard.card import decode_text, encode_text
from drivers.idcard.deck import (
    FICTIONAL_COUNTY,
    card_from_dict,
    check_char,
    default_deck,
    make_card,
    make_expired_card,
)
from drivers.idcard.nations import NATIONS, nation_code, nation_name
from venue_client.domain.identity import citizen_id_check_char, parse_citizen_id

# GB 3304-91 Table 3 (by numeric code), as the standard names them; checked
# against the published text of the standard.
GB3304 = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
]


def test_nation_table_is_gb3304() -> None:
    assert len(GB3304) == len(NATIONS) == 56
    for number, full in enumerate(GB3304, start=1):
        code = f"{number:02d}"
        assert NATIONS[code] + "族" == full
        assert nation_code(full) == code
        assert nation_code(NATIONS[code]) == code


def test_nation_lookups() -> None:
    assert nation_name("01") == "汉"
    assert nation_name("57") is None
    assert nation_code("土族") == "30"
    assert nation_code("土家族") == "15"
    with pytest.raises(ValueError, match="unknown nation"):
        nation_code("火星族")


def test_check_char_agrees_with_the_domain() -> None:
    rng = random.Random(7)
    for _ in range(500):
        first17 = "".join(rng.choice("0123456789") for _ in range(17))
        assert check_char(first17) == citizen_id_check_char(first17)
    with pytest.raises(ValueError):
        check_char("12345")


def test_default_deck_is_deterministic_valid_and_fictional() -> None:
    deck = default_deck()
    assert deck == default_deck()
    assert deck != default_deck(seed=1)
    assert len({card.id_number for card in deck}) == len(deck)
    for card in deck:
        cid = parse_citizen_id(card.id_number, today=date(2026, 1, 1))
        assert card.id_number.startswith(FICTIONAL_COUNTY)
        assert cid.birth_date == card.birth
        assert cid.sex == card.sex
        assert card.nation_code in NATIONS
        assert not card.is_expired(date(2030, 1, 1))
        assert decode_text(encode_text(card)) == replace(card, photo_wlt=b"", fingerprint=None)
        assert len(card.photo_wlt) == 1024


def test_validity_follows_age_at_issue() -> None:
    rng = random.Random(3)
    issued = date(2020, 6, 1)
    young = make_card(rng, issued=issued, birth=date(2000, 1, 1))
    middle = make_card(rng, issued=issued, birth=date(1980, 1, 1))
    old = make_card(rng, issued=issued, birth=date(1960, 1, 1))
    assert young.valid_to == date(2030, 6, 1)
    assert middle.valid_to == date(2040, 6, 1)
    assert old.valid_to is None


def test_expired_card() -> None:
    card = make_expired_card(random.Random(1))
    assert card.valid_to is not None
    assert card.is_expired(date(2015, 1, 1))


def test_card_from_dict() -> None:
    card = card_from_dict(
        {
            "name": "测试",
            "sex": "男",
            "nation": "回族",
            "birth": "1990-01-02",
            "address": "某地",
            "id_number": "330199199001020011",
            "valid_from": "20150101",
            "valid_to": "长期",
        }
    )
    assert (card.sex, card.nation_code, card.valid_to) == ("M", "03", None)
    assert card.birth == date(1990, 1, 2)
    with pytest.raises(ValueError):
        card_from_dict({**card.to_json(), "sex": "X"})
