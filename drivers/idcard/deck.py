"""Synthetic ID cards for the simulator: deterministic from a seed, nobody's card.

Every number is in the county code ``330199`` (Hangzhou's prefix with a county
number that is not allocated), so no real person's number can match; check
characters are valid (GB 11643 / ISO 7064 MOD 11-2, computed here because
drivers do not import the application). Validity follows the card rules: 10
years when issued under 26, 20 years under 46, 长期 from 46 on.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from drivers.idcard.card import LONG_TERM, PHOTO_LENGTH, IdCard, Sex
from drivers.idcard.nations import NATIONS, nation_code

FICTIONAL_COUNTY = "330199"
ISSUER = "杭州市公安局示范分局"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
DEFAULT_SEED = 20160101

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍辉鹏晨宇欣怡佳琪浩然"
ROADS = ("文一", "文二", "学院", "古墩", "莫干山", "天目山", "教工", "保俶")
COMMON_NATIONS = ("01", "01", "01", "01", "01", "03", "11", "22", "08", "02")


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("need exactly 17 ASCII digits")
    total = sum(int(ch) * w for ch, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def make_id_number(rng: random.Random, birth: date, sex: Sex) -> str:
    sequence = rng.randrange(1, 999)
    if (sequence % 2 == 1) != (sex == "M"):
        sequence += 1
    first17 = f"{FICTIONAL_COUNTY}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


def make_card(
    rng: random.Random, *, issued: date | None = None, birth: date | None = None
) -> IdCard:
    """One synthetic card. ``issued`` defaults to a day in 2020-2024 (so the card
    stays valid for years); pass an old date for an expired card."""
    sex: Sex = rng.choice(("M", "F"))
    if issued is None:
        issued = date(2020, 1, 1) + timedelta(days=rng.randrange(5 * 365))
    if birth is None:
        age_days = rng.randrange(18 * 365, 60 * 365)
        birth = issued - timedelta(days=age_days)
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    address = f"浙江省杭州市示范区{rng.choice(ROADS)}路{rng.randrange(1, 300)}号"
    return IdCard(
        name=name,
        sex=sex,
        nation_code=rng.choice(COMMON_NATIONS),
        birth=birth,
        address=address,
        id_number=make_id_number(rng, birth, sex),
        issuer=ISSUER,
        valid_from=issued,
        valid_to=_valid_to(birth, issued),
        photo_wlt=b"WLf" + rng.randbytes(PHOTO_LENGTH - 3),
        fingerprint=rng.randbytes(1024),
    )


def make_expired_card(rng: random.Random) -> IdCard:
    """A card issued in 2004 to someone under 26 (valid 10 years): expired since 2014."""
    issued = date(2004, 3, 1) + timedelta(days=rng.randrange(300))
    birth = issued - timedelta(days=rng.randrange(18 * 365, 25 * 365))
    return make_card(rng, issued=issued, birth=birth)


def default_deck(seed: int = DEFAULT_SEED, size: int = 8) -> list[IdCard]:
    """``size`` valid cards, the same ones for the same seed on every machine."""
    rng = random.Random(seed)
    return [make_card(rng) for _ in range(size)]


def card_from_dict(data: Mapping[str, Any]) -> IdCard:
    """A card from a dict with the keys of ``IdCard.to_json`` (dates as ISO or
    ``YYYYMMDD`` text, ``valid_to`` ``None``/``长期`` for no expiry, ``nation`` as code
    or name, ``sex`` as ``M``/``F``/``男``/``女``); ``photo_wlt`` optional bytes."""
    sex = {"男": "M", "女": "F", "1": "M", "2": "F"}.get(str(data["sex"]), data["sex"])
    if sex not in ("M", "F"):
        raise ValueError(f"sex must be M or F, got {data['sex']!r}")
    nation = str(data.get("nation", "01"))
    valid_to = data.get("valid_to")
    return IdCard(
        name=str(data["name"]),
        sex=sex,
        nation_code=nation if nation in NATIONS else nation_code(nation),
        birth=_as_date(data["birth"]),
        address=str(data.get("address", "")),
        id_number=str(data["id_number"]),
        issuer=str(data.get("issuer", ISSUER)),
        valid_from=_as_date(data["valid_from"]),
        valid_to=None if valid_to in (None, LONG_TERM) else _as_date(valid_to),
        photo_wlt=bytes(data.get("photo_wlt", b"WLf" + bytes(PHOTO_LENGTH - 3))),
        fingerprint=data.get("fingerprint"),
    )


def _valid_to(birth: date, issued: date) -> date | None:
    age = issued.year - birth.year - ((issued.month, issued.day) < (birth.month, birth.day))
    if age >= 46:
        return None
    years = 10 if age < 26 else 20
    try:
        return issued.replace(year=issued.year + years)
    except ValueError:  # 29 February
        return issued.replace(year=issued.year + years, day=28)


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    text = str(value).replace("-", "")
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def card_for(id_number: str, name: str) -> IdCard:
    """A card for a given person (demo mode: someone on a session's list), the birth
    date and sex read from the number, valid for ten more years."""
    birth = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    sex = "M" if int(id_number[16]) % 2 else "F"
    today = date.today()
    return card_from_dict(
        {
            "name": name,
            "sex": sex,
            "birth": birth.isoformat(),
            "id_number": id_number,
            "address": "浙江省杭州市（演示地址）",
            "valid_from": today.replace(year=today.year - 1).isoformat(),
            "valid_to": today.replace(year=today.year + 9).isoformat(),
        }
    )
