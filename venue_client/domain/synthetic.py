"""Synthetic people and companies for demo mode and tests.

Everything is drawn from the ``random.Random`` passed in, so a seed gives the
same data on every machine. Names are random combinations of common characters
and belong to nobody in particular.

Caution: the citizen ID space is dense. A well-formed number with a real
district code (the default 330106, 杭州市西湖区) and a plausible birth date may
well be someone's real number; the numbers are fit for demo screens and tests,
not for publication as "examples". A synthetic USCC may also match a registered
company (31**6 organisation codes per region), which is harmless: USCCs are public.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Literal

from venue_client.domain.identity import (
    EARLIEST_BIRTH_DATE,
    PROVINCE_CODES,
    USCC_ALPHABET,
    Sex,
    citizen_id_check_char,
    uscc_check_char,
)

CompanyKind = Literal["construction", "design", "supervision", "agency"]

# Default birth dates: adults of working age, independent of today's date.
DEFAULT_BIRTH_FROM = date(1960, 1, 1)
DEFAULT_BIRTH_TO = date(2000, 12, 31)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN_NAME_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国文辉鹏晨宇欣怡佳琪浩然子涵梓轩雨"
)

COMPANY_PLACES = ("浙江", "杭州")
# 字号: two syllables drawn independently, so most combinations are not a known brand.
TRADE_NAME_FIRST = "宏恒嘉瑞启明信泰安正博润"
TRADE_NAME_SECOND = "远达诚源盛景和拓峰衡越川"
COMPANY_SUFFIXES: dict[CompanyKind, tuple[str, ...]] = {
    "construction": ("建设有限公司", "建筑工程有限公司", "市政工程有限公司"),
    "design": ("建筑设计研究院有限公司", "工程设计有限公司", "规划设计有限公司"),
    "supervision": ("工程监理有限公司", "工程管理咨询有限公司", "项目管理有限公司"),
    "agency": ("招标代理有限公司", "招标咨询有限公司", "工程咨询有限公司"),
}

# 154 is a mobile number segment that has not been allocated (to the best of our
# knowledge), so demo numbers pass a format check but reach nobody.
MOBILE_PREFIX = "154"

_SEXES: tuple[Sex, ...] = ("M", "F")


def make_citizen_id(
    rng: random.Random,
    *,
    region: str = "330106",
    birth: date | None = None,
    sex: Sex | None = None,
) -> str:
    """A citizen ID number with a valid check character (see the module caution)."""
    if len(region) != 6 or not (region.isascii() and region.isdigit()):
        raise ValueError(f"region must be 6 ASCII digits, got {region!r}")
    if region[:2] not in PROVINCE_CODES:
        raise ValueError(f"region {region!r} is not in a province-level division")
    if birth is None:
        span = (DEFAULT_BIRTH_TO - DEFAULT_BIRTH_FROM).days
        birth = DEFAULT_BIRTH_FROM + timedelta(days=rng.randrange(span + 1))
    elif birth < EARLIEST_BIRTH_DATE:
        raise ValueError(f"birth date {birth} is before {EARLIEST_BIRTH_DATE}")
    if sex is None:
        sex = rng.choice(_SEXES)
    elif sex not in _SEXES:
        raise ValueError(f"sex must be 'M' or 'F', got {sex!r}")
    # Sequence 001-999; its last digit (position 17) is odd for men, even for women.
    sequence = rng.randrange(1, 1000)
    if (sequence % 2 == 1) != (sex == "M"):
        sequence = sequence + 1 if sequence < 999 else sequence - 1
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + citizen_id_check_char(first17)


def make_uscc(rng: random.Random, *, region: str = "330100") -> str:
    """A USCC of a company (``91``) registered in ``region``, valid check characters.

    The organisation code (positions 9-17) has the new-style ``MA`` prefix and a
    valid GB 11714 check character, like the codes issued since 2015.
    """
    if len(region) != 6 or not (region.isascii() and region.isdigit()):
        raise ValueError(f"region must be 6 ASCII digits, got {region!r}")
    body = "MA" + "".join(rng.choice(USCC_ALPHABET) for _ in range(6))
    first17 = f"91{region}{body}{_org_code_check_char(body)}"
    return first17 + uscc_check_char(first17)


def make_person_name(rng: random.Random) -> str:
    """A two- or three-character Chinese name."""
    given_length = rng.choice((1, 2, 2))  # most names today have two given characters
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_NAME_CHARS) for _ in range(given_length))


def make_company_name(rng: random.Random, kind: CompanyKind) -> str:
    """A company name such as 浙江宏达建设有限公司 for a bidder or an agency."""
    if kind not in COMPANY_SUFFIXES:
        raise ValueError(f"unknown company kind {kind!r}")
    trade_name = rng.choice(TRADE_NAME_FIRST) + rng.choice(TRADE_NAME_SECOND)
    return rng.choice(COMPANY_PLACES) + trade_name + rng.choice(COMPANY_SUFFIXES[kind])


def make_mobile(rng: random.Random) -> str:
    """An 11-digit mobile number in an unallocated segment."""
    return MOBILE_PREFIX + f"{rng.randrange(10**8):08d}"


def _org_code_check_char(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(_org_code_value(ch) * w for ch, w in zip(body, weights, strict=True))
    check = 11 - total % 11
    return "0" if check == 11 else "X" if check == 10 else str(check)


def _org_code_value(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10
