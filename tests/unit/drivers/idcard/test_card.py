"""Text block decoding at the DOMAIN.md offsets, the read reply, and IdCard."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.idcard.card import (
    IdCard,
    decode_read_reply,
    decode_text,
    encode_read_reply,
    encode_text,
)
from drivers.idcard.errors import CardDataError

# Written out independently of encode_text: (offset, width in bytes, text)
FIELDS = [
    (0, 30, "欧阳娜娜"),
    (30, 2, "2"),
    (32, 4, "22"),
    (36, 16, "19880229"),
    (52, 70, "浙江省杭州市示范区文一路1号"),
    (122, 36, "33019919880229002X"),
    (158, 30, "杭州市公安局示范分局"),
    (188, 16, "20100301"),
    (204, 16, "长期"),
]


def block(fields: list[tuple[int, int, str]] = FIELDS, size: int = 256) -> bytes:
    raw = bytearray(" ".encode("utf-16-le") * (size // 2))
    for offset, width, text in fields:
        encoded = text.encode("utf-16-le")
        assert len(encoded) <= width
        raw[offset : offset + len(encoded)] = encoded
    return bytes(raw)


def sample_card(**changes: object) -> IdCard:
    values: dict[str, object] = {
        "name": "欧阳娜娜",
        "sex": "F",
        "nation_code": "22",
        "birth": date(1988, 2, 29),
        "address": "浙江省杭州市示范区文一路1号",
        "id_number": "33019919880229002X",
        "issuer": "杭州市公安局示范分局",
        "valid_from": date(2010, 3, 1),
        "valid_to": None,
        "photo_wlt": b"WLf" + bytes(1021),
    }
    values.update(changes)
    return IdCard(**values)  # type: ignore[arg-type]


def test_decode_text_at_the_documented_offsets() -> None:
    card = decode_text(block())
    assert card == sample_card(photo_wlt=b"")
    assert card.nation == "畲"
    assert card.valid_to is None


def test_fixed_expiry_and_male() -> None:
    fields = [*FIELDS[:1], (30, 2, "1"), (32, 4, "01"), *FIELDS[3:8], (204, 16, "20300301")]
    card = decode_text(block(fields))
    assert card.sex == "M"
    assert card.nation == "汉"
    assert card.valid_to == date(2030, 3, 1)


def test_encode_text_is_the_inverse() -> None:
    card = sample_card()
    assert encode_text(card) == block()
    assert len(encode_text(card)) == 256


def test_nul_padding_is_accepted_too() -> None:
    raw = bytearray(block())
    raw[8:30] = bytes(22)  # the name "欧阳娜娜" padded with U+0000
    assert decode_text(bytes(raw)).name == "欧阳娜娜"


@pytest.mark.parametrize(
    ("offset", "text", "detail"),
    [
        (30, "3", "sex"),
        (32, "X1", "nation"),
        (36, "19880230", "birth"),
        (36, "1988-2-2", "birth"),
        (188, "2010031 ", "valid_from"),
        (204, "永久    ", "valid_to"),
    ],
)
def test_malformed_fields_raise_card_data_error(offset: int, text: str, detail: str) -> None:
    raw = bytearray(block())
    encoded = text.encode("utf-16-le")
    raw[offset : offset + len(encoded)] = encoded
    with pytest.raises(CardDataError) as caught:
        decode_text(bytes(raw))
    assert caught.value.args_map["detail"] == detail
    assert caught.value.code == "data"


def test_invalid_ucs2_and_short_block() -> None:
    raw = bytearray(block())
    raw[0:2] = b"\x00\xd8"  # a lone surrogate
    with pytest.raises(CardDataError):
        decode_text(bytes(raw))
    with pytest.raises(CardDataError):
        decode_text(block()[:200])


def test_read_reply_lengths_and_parts() -> None:
    card = sample_card(fingerprint=bytes(range(256)) * 4)
    data = encode_read_reply(card)
    assert data[:4] == b"\x01\x00\x04\x00"  # 256 and 1024, big-endian
    assert len(data) == 4 + 256 + 1024
    got = decode_read_reply(data)
    assert got.photo_wlt == card.photo_wlt
    assert got.fingerprint is None
    with_fp = decode_read_reply(encode_read_reply(card, fingerprint=True), fingerprint=True)
    assert with_fp.fingerprint == card.fingerprint
    assert with_fp.name == card.name


@pytest.mark.parametrize("cut", [0, 3, 100, 1283])
def test_read_reply_with_inconsistent_lengths(cut: int) -> None:
    with pytest.raises(CardDataError):
        decode_read_reply(encode_read_reply(sample_card())[:cut])


def test_to_json_has_exactly_the_documented_keys() -> None:
    assert sample_card().to_json() == {
        "name": "欧阳娜娜",
        "sex": "F",
        "nation": "畲",
        "birth": "1988-02-29",
        "address": "浙江省杭州市示范区文一路1号",
        "id_number": "33019919880229002X",
        "issuer": "杭州市公安局示范分局",
        "valid_from": "2010-03-01",
        "valid_to": None,
        "photo": False,
    }
    with_photo = sample_card(valid_to=date(2030, 1, 2)).with_photo(b"BM...")
    assert with_photo.photo_available
    assert with_photo.to_json()["photo"] is True
    assert with_photo.to_json()["valid_to"] == "2030-01-02"


def test_repr_masks_the_id_number_and_name() -> None:
    text = repr(sample_card())
    assert "33019919880229002X" not in text
    assert "19880229" not in text
    assert "330199********002X" in text
    assert "欧阳娜娜" not in text
    assert str(sample_card()) == text


def test_expiry_and_unknown_nation() -> None:
    card = sample_card(valid_to=date(2020, 1, 1))
    assert card.is_expired(date(2020, 1, 2))
    assert not card.is_expired(date(2020, 1, 1))
    assert not sample_card().is_expired(date(2999, 1, 1))
    assert sample_card(nation_code="97").nation == "97"
