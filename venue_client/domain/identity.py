"""Identity numbers: the citizen ID (居民身份证号码) and the USCC (统一社会信用代码).

Both are checked before anything is stored; a bad number is refused with a message
that says what is wrong and where. Input is normalised first: NFKC (full-width
digits and letters typed with a Chinese IME become ASCII), surrounding whitespace
stripped, lower-case letters upper-cased. Positions in messages are 1-based and
refer to the normalised text.

- Citizen ID per GB 11643-1999, check character per ISO 7064 MOD 11-2.
- USCC per GB 32100-2015, check character per GB/T 17710 (a pure MOD 31
  system with weights 3**i mod 31).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError

Sex = Literal["M", "F"]
SubjectKind = Literal["person", "company"]

# --- messages (context "identity") -------------------------------------------------

MSG_ID_EMPTY = QT_TRANSLATE_NOOP("identity", "请输入身份证号码")
MSG_ID_LENGTH = QT_TRANSLATE_NOOP("identity", "身份证号码应为 18 位，实为 {length} 位")
MSG_ID_ILLEGAL_CHAR = QT_TRANSLATE_NOOP(
    "identity", "身份证号码第 {position} 位“{char}”无效：前 17 位应为数字，末位应为数字或 X"
)
MSG_ID_UNKNOWN_REGION = QT_TRANSLATE_NOOP(
    "identity", "身份证号码前两位“{code}”不是有效的省级行政区划代码"
)
MSG_ID_IMPOSSIBLE_BIRTH_DATE = QT_TRANSLATE_NOOP(
    "identity", "身份证号码中的出生日期“{value}”不是有效的日期"
)
MSG_ID_BIRTH_DATE_IN_FUTURE = QT_TRANSLATE_NOOP(
    "identity", "身份证号码中的出生日期 {birth_date} 晚于今天（{today}）"
)
MSG_ID_BIRTH_DATE_TOO_EARLY = QT_TRANSLATE_NOOP(
    "identity", "身份证号码中的出生日期 {birth_date} 早于 1900 年 1 月 1 日"
)
MSG_ID_CHECK_DIGIT = QT_TRANSLATE_NOOP(
    "identity", "身份证号码校验位错误：应为 {expected}，实为 {actual}"
)

MSG_USCC_EMPTY = QT_TRANSLATE_NOOP("identity", "请输入统一社会信用代码")
MSG_USCC_LENGTH = QT_TRANSLATE_NOOP("identity", "统一社会信用代码应为 18 位，实为 {length} 位")
MSG_USCC_EXCLUDED_LETTER = QT_TRANSLATE_NOOP(
    "identity", "统一社会信用代码第 {position} 位为字母 {char}：代码中不使用字母 I、O、S、V、Z"
)
MSG_USCC_ILLEGAL_CHAR = QT_TRANSLATE_NOOP(
    "identity", "统一社会信用代码第 {position} 位含非法字符“{char}”"
)
MSG_USCC_UNKNOWN_AUTHORITY = QT_TRANSLATE_NOOP(
    "identity", "统一社会信用代码第 1 位“{char}”不是有效的登记管理部门代码"
)
MSG_USCC_UNKNOWN_ORG_TYPE = QT_TRANSLATE_NOOP(
    "identity", "统一社会信用代码第 2 位“{char}”不是登记管理部门“{authority}”下的机构类别代码"
)
MSG_USCC_REGION_NOT_DIGITS = QT_TRANSLATE_NOOP(
    "identity", "统一社会信用代码第 3–8 位应为行政区划码（数字），第 {position} 位为“{char}”"
)
MSG_USCC_CHECK_DIGIT = QT_TRANSLATE_NOOP(
    "identity", "统一社会信用代码校验位错误：应为 {expected}，实为 {actual}"
)


class InvalidCitizenId(UserFacingError):  # noqa: N818 - name fixed by the API
    """A citizen ID number that fails GB 11643; ``text`` is one of the ``MSG_ID_*``."""


class InvalidUscc(UserFacingError):  # noqa: N818 - name fixed by the API
    """A USCC that fails GB 32100; ``text`` is one of the ``MSG_USCC_*``."""


# --- citizen ID (GB 11643-1999) ----------------------------------------------------

ID_LENGTH = 18
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17-i) mod 11
ID_CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH_DATE = date(1900, 1, 1)

# Province-level codes of GB/T 2260, plus 81/82/83 used by the residence permits
# of Hong Kong, Macao and Taiwan residents (港澳台居民居住证).
_PROVINCES = "11-15 21-23 31-37 41-46 50-54 61-65 71 81 82 83"
PROVINCE_CODES = frozenset(
    str(code) for span in _PROVINCES.split() for code in range(int(span[:2]), int(span[-2:]) + 1)
)


@dataclass(frozen=True)
class CitizenId:
    """A validated citizen ID number (居民身份证号码). Build it with ``parse_citizen_id``."""

    number: str
    region_code: str  # 6-digit administrative division code (positions 1-6)
    birth_date: date
    sex: Sex  # from the parity of position 17: odd is male

    def masked(self) -> str:
        """The number as shown to roles that may not see it, e.g. ``110105********002X``."""
        return mask_id_number(self.number)

    def __repr__(self) -> str:
        # Keep full numbers (and birth dates) out of logs and tracebacks.
        return f"CitizenId({self.masked()!r})"


def citizen_id_check_char(first17: str) -> str:
    """The check character (``0``-``9`` or ``X``) for the first 17 digits of a citizen ID."""
    if len(first17) != ID_LENGTH - 1 or not _is_ascii_digits(first17):
        raise ValueError("citizen_id_check_char needs exactly 17 ASCII digits")
    total = sum(int(ch) * weight for ch, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def mask_id_number(number: str) -> str:
    """Keep the first 6 and the last 4 characters, replace the rest with ``*``.

    A string too short to hide anything that way is masked completely.
    """
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def parse_citizen_id(raw: str, *, today: date) -> CitizenId:
    """Validate and normalise a citizen ID number; raise ``InvalidCitizenId`` if it is bad.

    ``today`` is the date against which a birth date "in the future" is judged
    (pass the trusted clock's date; tests pass a fixed one).
    """
    return _parse_citizen_id(raw, today=today)


def _parse_citizen_id(raw: str, *, today: date | None) -> CitizenId:
    number = normalise_id_number(raw)
    if not number:
        raise InvalidCitizenId(MSG_ID_EMPTY)
    for index, ch in enumerate(number):
        if not (_is_ascii_digits(ch) or ch == "X"):
            raise InvalidCitizenId(MSG_ID_ILLEGAL_CHAR, position=index + 1, char=_shown(ch))
    if len(number) != ID_LENGTH:
        raise InvalidCitizenId(MSG_ID_LENGTH, length=len(number))
    if "X" in number[:-1]:
        position = number.index("X") + 1
        raise InvalidCitizenId(MSG_ID_ILLEGAL_CHAR, position=position, char="X")
    if number[:2] not in PROVINCE_CODES:
        raise InvalidCitizenId(MSG_ID_UNKNOWN_REGION, code=number[:2])
    birth_date = _birth_date(number[6:14], today)
    expected = citizen_id_check_char(number[:17])
    if number[17] != expected:
        raise InvalidCitizenId(MSG_ID_CHECK_DIGIT, expected=expected, actual=number[17])
    sex: Sex = "M" if int(number[16]) % 2 == 1 else "F"
    return CitizenId(number=number, region_code=number[:6], birth_date=birth_date, sex=sex)


def _birth_date(text: str, today: date | None) -> date:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidCitizenId(MSG_ID_IMPOSSIBLE_BIRTH_DATE, value=text) from None
    if born < EARLIEST_BIRTH_DATE:
        raise InvalidCitizenId(MSG_ID_BIRTH_DATE_TOO_EARLY, birth_date=born.isoformat())
    if today is not None:
        if isinstance(today, datetime):  # a datetime does not compare with a date
            today = today.date()
        if born > today:
            raise InvalidCitizenId(
                MSG_ID_BIRTH_DATE_IN_FUTURE,
                birth_date=born.isoformat(),
                today=today.isoformat(),
            )
    return born


# --- USCC (GB 32100-2015) ----------------------------------------------------------

USCC_LENGTH = 18
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
USCC_EXCLUDED_LETTERS = "IOSVZ"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3**i mod 31
_USCC_VALUES = {ch: value for value, ch in enumerate(USCC_ALPHABET)}

# Registration authority (登记管理部门, position 1) -> organisation types
# (机构类别, position 2) it may issue: GB 32100-2015 with its later additions, as
# several independent transcriptions agree (the standard's own text was not consulted):
#   1 机构编制: 1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他
#   2 外交: 1 外国常驻新闻机构, 9 其他
#   3 司法行政: 1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9 其他
#   4 文化: 1 外国在华文化中心, 9 其他
#   5 民政: 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他
#   6 旅游: 1 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门常驻内地（大陆）代表机构, 9 其他
#   7 宗教: 1 宗教活动场所, 2 宗教院校, 9 其他
#   8 工会: 1 基层工会, 9 其他
#   9 工商 (市场监管): 1 企业, 2 个体工商户, 3 农民专业合作社
#   A 中央军委改革和编制办公室: 1 军队事业单位, 9 其他
#   N 农业: 1 组级, 2 村级, 3 乡镇级集体经济组织, 9 其他
#   Y 其他: 1
# If a genuine code is refused here, extend this table (and the test's copy).
USCC_ORG_TYPES: dict[str, str] = {
    "1": "1239",
    "2": "19",
    "3": "123459",
    "4": "19",
    "5": "1239",
    "6": "129",
    "7": "129",
    "8": "19",
    "9": "123",
    "A": "19",
    "N": "1239",
    "Y": "1",
}


def uscc_check_char(first17: str) -> str:
    """The check character of a USCC from its first 17 characters."""
    if len(first17) != USCC_LENGTH - 1 or any(ch not in _USCC_VALUES for ch in first17):
        raise ValueError("uscc_check_char needs exactly 17 characters of the USCC alphabet")
    total = sum(_USCC_VALUES[ch] * weight for ch, weight in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def parse_uscc(raw: str) -> str:
    """Validate and normalise a USCC; raise ``InvalidUscc`` if it is bad.

    Checked: length, alphabet, registration authority and organisation type
    (positions 1-2), digits in the region code (positions 3-8), check character.
    Not checked: whether the region code exists (registration authorities use
    codes outside GB/T 2260, e.g. 100000 for national level), nor the GB 11714
    check character inside the organisation code (positions 9-17).
    """
    code = "".join(ch.upper() if "a" <= ch <= "z" else ch for ch in _normalise(raw))
    if not code:
        raise InvalidUscc(MSG_USCC_EMPTY)
    for index, ch in enumerate(code):
        if ch in USCC_EXCLUDED_LETTERS:
            raise InvalidUscc(MSG_USCC_EXCLUDED_LETTER, position=index + 1, char=ch)
        if ch not in _USCC_VALUES:
            raise InvalidUscc(MSG_USCC_ILLEGAL_CHAR, position=index + 1, char=_shown(ch))
    if len(code) != USCC_LENGTH:
        raise InvalidUscc(MSG_USCC_LENGTH, length=len(code))
    authority, org_type = code[0], code[1]
    if authority not in USCC_ORG_TYPES:
        raise InvalidUscc(MSG_USCC_UNKNOWN_AUTHORITY, char=authority)
    if org_type not in USCC_ORG_TYPES[authority]:
        raise InvalidUscc(MSG_USCC_UNKNOWN_ORG_TYPE, char=org_type, authority=authority)
    for index in range(2, 8):
        if not _is_ascii_digits(code[index]):
            raise InvalidUscc(MSG_USCC_REGION_NOT_DIGITS, position=index + 1, char=code[index])
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise InvalidUscc(MSG_USCC_CHECK_DIGIT, expected=expected, actual=code[17])
    return code


# --- telling them apart ------------------------------------------------------------


def subject_kind(code: str, *, today: date | None = None) -> SubjectKind | None:
    """``"person"`` for a valid citizen ID, ``"company"`` for a valid USCC, else ``None``.

    About 1 in 31 valid citizen IDs whose first two digits are also a valid
    authority + organisation type (e.g. 33…, Zhejiang) is a valid USCC as well;
    such a code is taken for a person, because a USCC's positions 7-14 rarely
    form a plausible birth date. Without ``today`` a birth date in the future is
    not held against the number.
    """
    try:
        _parse_citizen_id(code, today=today)
    except InvalidCitizenId:
        pass
    else:
        return "person"
    try:
        parse_uscc(code)
    except InvalidUscc:
        return None
    return "company"


def normalise_id_number(raw: str) -> str:
    """The form a citizen ID number is stored and compared in (NFKC, trimmed, ``X``),
    without validating it."""
    return _normalise(raw).replace("x", "X")


# --- helpers -----------------------------------------------------------------------


def _normalise(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip()


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _shown(ch: str) -> str:
    """A character as it can be shown in a message (invisible ones as ``U+XXXX``)."""
    return ch if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}"
