"""Citizen ID (GB 11643) and USCC (GB 32100) validation."""

from __future__ import annotations

import ast
import random
import sys
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from venue_client.domain import identity
from venue_client.domain.errors import Text, UserFacingError
from venue_client.domain.identity import (
    ID_WEIGHTS,
    PROVINCE_CODES,
    USCC_ALPHABET,
    USCC_WEIGHTS,
    CitizenId,
    InvalidCitizenId,
    InvalidUscc,
    citizen_id_check_char,
    mask_id_number,
    parse_citizen_id,
    parse_uscc,
    subject_kind,
    uscc_check_char,
)
from venue_client.domain.synthetic import make_citizen_id, make_uscc

TODAY = date(2026, 1, 15)
GB_EXAMPLE = "11010519491231002X"  # the example number printed in GB 11643-1999
ID_CHARS = "0123456789X"

# Registered entities' codes as published (collected in python-stdnum's test suite);
# each check character was also recomputed by hand with the GB 11714 rule.
PUBLISHED_USCCS = [
    "91110000600037341L",
    "91110000710926094P",
    "121200004013590816",
    "91310115MA1K3BTP2B",
    "9144030071526726XG",
    "91340600MA2PBM9HXD",
    "91620105L015101280",
    "92340621MA2UK3PJXE",
    "911522010783710635",
]


# GB 32100-2015 as amended: registration authority -> organisation types. Written out
# here, not imported, so that a change to the module's table shows up as a failure.
GB32100_ORG_TYPES = {
    "1": "1239",  # 机构编制
    "2": "19",  # 外交
    "3": "123459",  # 司法行政
    "4": "19",  # 文化
    "5": "1239",  # 民政
    "6": "129",  # 旅游
    "7": "129",  # 宗教
    "8": "19",  # 工会
    "9": "123",  # 工商
    "A": "19",  # 中央军委改革和编制办公室
    "N": "1239",  # 农业
    "Y": "1",  # 其他
}


def _id_value(ch: str) -> int:
    return 10 if ch == "X" else int(ch)


def _with(code: str, index: int, ch: str) -> str:
    return code[:index] + ch + code[index + 1 :]


def _id_from(first17: str) -> str:
    return first17 + citizen_id_check_char(first17)


def _uscc_from(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def _is_uscc(code: str) -> bool:
    try:
        parse_uscc(code)
    except InvalidUscc:
        return False
    return True


seeds = st.integers(min_value=0, max_value=2**32)


# --- citizen ID: valid input ---------------------------------------------------------


def test_gb11643_example_number_parses() -> None:
    cid = parse_citizen_id(GB_EXAMPLE, today=TODAY)
    assert cid == CitizenId(GB_EXAMPLE, "110105", date(1949, 12, 31), "F")


def test_second_gb11643_example_has_a_valid_check_digit_but_predates_1900() -> None:
    # GB 11643 also prints 440524188001010014 (born 1880); we refuse births before 1900.
    assert citizen_id_check_char("44052418800101001") == "4"
    with pytest.raises(InvalidCitizenId) as caught:
        parse_citizen_id("440524188001010014", today=TODAY)
    assert caught.value.text is identity.MSG_ID_BIRTH_DATE_TOO_EARLY


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",
        "１１０１０５１９４９１２３１００２Ｘ",  # full width, as typed with a Chinese IME
        "１１０１０５１９４９１２３１００２ｘ",
        "  11010519491231002X\t\n",
        "\u300011010519491231002x\u3000",  # ideographic space
    ],
)
def test_input_is_normalised(raw: str) -> None:
    assert parse_citizen_id(raw, today=TODAY).number == GB_EXAMPLE


def test_odd_sequence_is_male() -> None:
    assert parse_citizen_id(_id_from("33010619900101001"), today=TODAY).sex == "M"
    assert parse_citizen_id(_id_from("33010619900101002"), today=TODAY).sex == "F"


def test_born_today_is_accepted_and_today_is_injected() -> None:
    assert parse_citizen_id(GB_EXAMPLE, today=date(1949, 12, 31)).birth_date == date(1949, 12, 31)
    with pytest.raises(InvalidCitizenId) as caught:
        parse_citizen_id(GB_EXAMPLE, today=date(1949, 12, 30))
    assert caught.value.text is identity.MSG_ID_BIRTH_DATE_IN_FUTURE
    assert caught.value.args_map == {"birth_date": "1949-12-31", "today": "1949-12-30"}


def test_a_datetime_is_accepted_as_today() -> None:
    assert parse_citizen_id(GB_EXAMPLE, today=datetime(1949, 12, 31, 23, 59)).sex == "F"


def test_province_codes_are_those_of_gb_t_2260_plus_hk_macao_taiwan() -> None:
    north_east = (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43)
    south_west = (44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83)
    assert {str(code) for code in north_east + south_west} == PROVINCE_CODES


@pytest.mark.parametrize("province", sorted(PROVINCE_CODES))
def test_every_province_code_is_accepted(province: str) -> None:
    parse_citizen_id(_id_from(province + "010519800101001"), today=TODAY)


def test_masking() -> None:
    cid = parse_citizen_id(GB_EXAMPLE, today=TODAY)
    assert cid.masked() == "110105********002X"
    assert mask_id_number("330106199001011234") == "330106********1234"
    assert mask_id_number("12345678901") == "123456*8901"
    assert mask_id_number("1234567890") == "**********"
    assert mask_id_number("") == ""


def test_repr_does_not_leak_the_number_or_birth_date() -> None:
    text = repr(parse_citizen_id(GB_EXAMPLE, today=TODAY))
    assert GB_EXAMPLE not in text
    assert "1949" not in text
    assert str(parse_citizen_id(GB_EXAMPLE, today=TODAY)) == text


@pytest.mark.parametrize("bad", ["", "1101051949123100", "110105194912310021", "1101051949123100X"])
def test_citizen_id_check_char_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError, match="17 ASCII digits"):
        citizen_id_check_char(bad)


# --- citizen ID: every failure reason ------------------------------------------------

BAD_IDS: list[tuple[str, Text, dict[str, object]]] = [
    ("", identity.MSG_ID_EMPTY, {}),
    (" \u3000\t", identity.MSG_ID_EMPTY, {}),
    ("11010519491231002", identity.MSG_ID_LENGTH, {"length": 17}),
    ("11010519491231002X0", identity.MSG_ID_LENGTH, {"length": 19}),
    ("11A10519491231002X", identity.MSG_ID_ILLEGAL_CHAR, {"position": 3, "char": "A"}),
    ("110105 19491231002X", identity.MSG_ID_ILLEGAL_CHAR, {"position": 7, "char": "U+0020"}),
    ("110105-1949", identity.MSG_ID_ILLEGAL_CHAR, {"position": 7, "char": "-"}),
    ("1101051949123100X2", identity.MSG_ID_ILLEGAL_CHAR, {"position": 17, "char": "X"}),
    (_id_from("99010519491231002"), identity.MSG_ID_UNKNOWN_REGION, {"code": "99"}),
    (_id_from("11010519490230002"), identity.MSG_ID_IMPOSSIBLE_BIRTH_DATE, {"value": "19490230"}),
    (_id_from("11010519491301002"), identity.MSG_ID_IMPOSSIBLE_BIRTH_DATE, {"value": "19491301"}),
    (_id_from("11010519000229002"), identity.MSG_ID_IMPOSSIBLE_BIRTH_DATE, {"value": "19000229"}),
    (_id_from("11010500000101002"), identity.MSG_ID_IMPOSSIBLE_BIRTH_DATE, {"value": "00000101"}),
    (
        _id_from("11010518991231002"),
        identity.MSG_ID_BIRTH_DATE_TOO_EARLY,
        {"birth_date": "1899-12-31"},
    ),
    (
        _id_from("11010520260116002"),
        identity.MSG_ID_BIRTH_DATE_IN_FUTURE,
        {"birth_date": "2026-01-16", "today": "2026-01-15"},
    ),
    ("110105194912310021", identity.MSG_ID_CHECK_DIGIT, {"expected": "X", "actual": "1"}),
    ("110105194912310020", identity.MSG_ID_CHECK_DIGIT, {"expected": "X", "actual": "0"}),
]


@pytest.mark.parametrize(("raw", "message", "args"), BAD_IDS)
def test_citizen_id_failure_reasons(raw: str, message: Text, args: dict[str, object]) -> None:
    with pytest.raises(InvalidCitizenId) as caught:
        parse_citizen_id(raw, today=TODAY)
    assert caught.value.text is message
    assert caught.value.args_map == args
    assert isinstance(caught.value, UserFacingError)
    assert "{" not in str(caught.value)  # every placeholder was filled


@pytest.mark.parametrize(
    "code",
    ["00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "72", "84"],
)
def test_non_province_codes_are_refused(code: str) -> None:
    with pytest.raises(InvalidCitizenId) as caught:
        parse_citizen_id(_id_from(code + "010519800101001"), today=TODAY)
    assert caught.value.text is identity.MSG_ID_UNKNOWN_REGION


# --- citizen ID: check-digit properties ----------------------------------------------


def test_mod_11_2_weights_detect_every_single_substitution_and_adjacent_transposition() -> None:
    # The 18 characters satisfy sum(value * weight) == 1 (mod 11), the check character
    # having weight 1 and X the value 10. 11 is prime and no weight is 0 mod 11, so a
    # change of one value by 1..10 always changes the sum; swapping neighbours a, b
    # changes it by (a - b)(w_i - w_i+1), and no two neighbouring weights are equal.
    weights = (*ID_WEIGHTS, 1)
    assert all(w == pow(2, 17 - i, 11) for i, w in enumerate(ID_WEIGHTS))
    assert all((w * delta) % 11 for w in weights for delta in range(1, 11))
    assert all((a - b) % 11 for a, b in pairwise(weights))


def test_every_single_substitution_of_the_example_is_rejected() -> None:
    for index, original in enumerate(GB_EXAMPLE):
        for ch in ID_CHARS.replace(original, ""):
            with pytest.raises(InvalidCitizenId):
                parse_citizen_id(_with(GB_EXAMPLE, index, ch), today=TODAY)


@given(seeds, st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.sampled_from("MF"))
def test_generated_citizen_ids_validate(seed: int, birth: date, sex: str) -> None:
    number = make_citizen_id(random.Random(seed), birth=birth, sex=sex)  # type: ignore[arg-type]
    cid = parse_citizen_id(number, today=TODAY)
    assert (cid.number, cid.region_code, cid.birth_date, cid.sex) == (
        number,
        "330106",
        birth,
        sex,
    )
    assert sum(_id_value(c) * w for c, w in zip(number, (*ID_WEIGHTS, 1), strict=True)) % 11 == 1


@given(seeds, st.integers(min_value=0, max_value=17), st.sampled_from(ID_CHARS))
def test_any_single_substitution_is_rejected(seed: int, index: int, ch: str) -> None:
    number = make_citizen_id(random.Random(seed))
    if number[index] == ch:
        return
    mutated = _with(number, index, ch)
    with pytest.raises(InvalidCitizenId):
        parse_citizen_id(mutated, today=TODAY)
    if ch != "X" or index == 17:  # still well-formed: the check character itself objects
        assert citizen_id_check_char(mutated[:17]) != mutated[17]


@given(seeds, st.integers(min_value=0, max_value=16))
def test_any_adjacent_transposition_is_rejected(seed: int, index: int) -> None:
    number = make_citizen_id(random.Random(seed))
    swapped = number[:index] + number[index + 1] + number[index] + number[index + 2 :]
    if swapped == number:
        return
    with pytest.raises(InvalidCitizenId):
        parse_citizen_id(swapped, today=TODAY)


# --- USCC: valid input -----------------------------------------------------------------


@pytest.mark.parametrize("code", PUBLISHED_USCCS)
def test_published_usccs_validate(code: str) -> None:
    assert parse_uscc(code) == code


@pytest.mark.parametrize(
    "raw",
    [
        "91110000600037341l",
        "９１１１００００６０００３７３４１Ｌ",
        "９１１１００００６０００３７３４１ｌ",
        " \t91110000600037341L\u3000\n",
    ],
)
def test_uscc_input_is_normalised(raw: str) -> None:
    assert parse_uscc(raw) == "91110000600037341L"


@pytest.mark.parametrize(
    ("authority", "org_type"),
    [(a, t) for a, types in GB32100_ORG_TYPES.items() for t in types],
)
def test_every_authority_and_org_type_of_the_table_is_accepted(
    authority: str, org_type: str
) -> None:
    code = _uscc_from(f"{authority}{org_type}330100MA2AAAAA0")
    assert parse_uscc(code) == code


def test_every_other_position_1_and_2_pair_is_refused() -> None:
    for authority in USCC_ALPHABET:
        for org_type in USCC_ALPHABET:
            if org_type in GB32100_ORG_TYPES.get(authority, ""):
                continue
            with pytest.raises(InvalidUscc) as caught:
                parse_uscc(_uscc_from(f"{authority}{org_type}330100MA2AAAAA0"))
            expected = (
                identity.MSG_USCC_UNKNOWN_ORG_TYPE
                if authority in GB32100_ORG_TYPES
                else identity.MSG_USCC_UNKNOWN_AUTHORITY
            )
            assert caught.value.text is expected


def test_uscc_check_char_rejects_bad_input() -> None:
    for bad in ["", "9111000060003734", "91110000600037341L", "9111000060003734I"]:
        with pytest.raises(ValueError, match="17 characters"):
            uscc_check_char(bad)


# --- USCC: every failure reason ------------------------------------------------------

BAD_USCCS: list[tuple[str, Text, dict[str, object]]] = [
    ("", identity.MSG_USCC_EMPTY, {}),
    ("\u3000 ", identity.MSG_USCC_EMPTY, {}),
    ("9111000060003734", identity.MSG_USCC_LENGTH, {"length": 16}),
    ("91110000600037341L0", identity.MSG_USCC_LENGTH, {"length": 19}),
    ("9111000060003IOZSV", identity.MSG_USCC_EXCLUDED_LETTER, {"position": 14, "char": "I"}),
    ("91110000600O37341L", identity.MSG_USCC_EXCLUDED_LETTER, {"position": 12, "char": "O"}),
    ("91110000600037341s", identity.MSG_USCC_EXCLUDED_LETTER, {"position": 18, "char": "S"}),
    ("V1110000600037341L", identity.MSG_USCC_EXCLUDED_LETTER, {"position": 1, "char": "V"}),
    ("9111000060003734Z", identity.MSG_USCC_EXCLUDED_LETTER, {"position": 17, "char": "Z"}),
    ("91-110000600037341L", identity.MSG_USCC_ILLEGAL_CHAR, {"position": 3, "char": "-"}),
    ("91 110000600037341L", identity.MSG_USCC_ILLEGAL_CHAR, {"position": 3, "char": "U+0020"}),
    ("91110000600037341号", identity.MSG_USCC_ILLEGAL_CHAR, {"position": 18, "char": "号"}),
    (_uscc_from("B1110000600037341"), identity.MSG_USCC_UNKNOWN_AUTHORITY, {"char": "B"}),
    (_uscc_from("01110000600037341"), identity.MSG_USCC_UNKNOWN_AUTHORITY, {"char": "0"}),
    (
        _uscc_from("94110000600037341"),
        identity.MSG_USCC_UNKNOWN_ORG_TYPE,
        {"char": "4", "authority": "9"},
    ),
    (
        _uscc_from("Y2110000600037341"),
        identity.MSG_USCC_UNKNOWN_ORG_TYPE,
        {"char": "2", "authority": "Y"},
    ),
    (
        _uscc_from("5A110000600037341"),
        identity.MSG_USCC_UNKNOWN_ORG_TYPE,
        {"char": "A", "authority": "5"},
    ),
    (
        _uscc_from("9111A000600037341"),
        identity.MSG_USCC_REGION_NOT_DIGITS,
        {"position": 5, "char": "A"},
    ),
    ("91110000600037341N", identity.MSG_USCC_CHECK_DIGIT, {"expected": "L", "actual": "N"}),
]


@pytest.mark.parametrize(("raw", "message", "args"), BAD_USCCS)
def test_uscc_failure_reasons(raw: str, message: Text, args: dict[str, object]) -> None:
    with pytest.raises(InvalidUscc) as caught:
        parse_uscc(raw)
    assert caught.value.text is message
    assert caught.value.args_map == args
    assert "{" not in str(caught.value)


def test_every_message_has_a_failure_case_and_a_context() -> None:
    messages = {v for k, v in vars(identity).items() if k.startswith("MSG_")}
    covered = {m for _, m, _ in BAD_IDS} | {m for _, m, _ in BAD_USCCS}
    assert {id(m) for m in messages} == {id(m) for m in covered}
    assert all(isinstance(m, Text) and m.context == "identity" for m in messages)


# --- USCC: check-digit properties ------------------------------------------------------


def test_mod_31_weights_detect_every_single_substitution_and_adjacent_transposition() -> None:
    # sum(value * weight) == 0 (mod 31) with weight 1 for the check character;
    # 31 is prime, values differ by 1..30, weights are 3**i mod 31 (never 0, never
    # equal to their neighbour).
    weights = (*USCC_WEIGHTS, 1)
    assert all(w == pow(3, i, 31) for i, w in enumerate(USCC_WEIGHTS))
    assert all((w * delta) % 31 for w in weights for delta in range(1, 31))
    assert all((a - b) % 31 for a, b in pairwise(weights))


def test_every_single_substitution_of_a_published_code_is_rejected() -> None:
    code = "91310115MA1K3BTP2B"
    for index, original in enumerate(code):
        for ch in USCC_ALPHABET.replace(original, ""):
            with pytest.raises(InvalidUscc):
                parse_uscc(_with(code, index, ch))


@given(seeds, st.from_regex(r"\A[0-9]{6}\Z"))
def test_generated_usccs_validate(seed: int, region: str) -> None:
    code = make_uscc(random.Random(seed), region=region)
    assert parse_uscc(code) == code
    assert code[2:8] == region
    values = [USCC_ALPHABET.index(c) for c in code]
    assert sum(v * w for v, w in zip(values, (*USCC_WEIGHTS, 1), strict=True)) % 31 == 0


@given(seeds, st.integers(min_value=0, max_value=17), st.sampled_from(USCC_ALPHABET))
def test_any_single_uscc_substitution_is_rejected(seed: int, index: int, ch: str) -> None:
    code = make_uscc(random.Random(seed))
    if code[index] == ch:
        return
    mutated = _with(code, index, ch)
    with pytest.raises(InvalidUscc):
        parse_uscc(mutated)
    assert uscc_check_char(mutated[:17]) != mutated[17]


@given(seeds, st.integers(min_value=0, max_value=16))
def test_any_adjacent_uscc_transposition_is_rejected(seed: int, index: int) -> None:
    code = make_uscc(random.Random(seed))
    swapped = code[:index] + code[index + 1] + code[index] + code[index + 2 :]
    if swapped == code:
        return
    with pytest.raises(InvalidUscc):
        parse_uscc(swapped)


# --- subject_kind --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (GB_EXAMPLE, "person"),
        ("11010519491231002x", "person"),
        ("91110000600037341L", "company"),
        ("９１１１００００６０００３７３４１ｌ", "company"),
        ("", None),
        ("hello", None),
        ("110105194912310021", None),
        ("91110000600037341N", None),
    ],
)
def test_subject_kind(code: str, kind: str | None) -> None:
    assert subject_kind(code) == kind


def test_a_code_valid_as_both_is_taken_for_a_person() -> None:
    # About 1 in 31 Zhejiang (33...) ID numbers is also a well-formed USCC (3 司法行政,
    # 3 基层法律服务所); find one among synthetic numbers.
    number = next(
        n for n in (make_citizen_id(random.Random(seed)) for seed in range(1000)) if _is_uscc(n)
    )
    assert subject_kind(number) == "person"


def test_subject_kind_ignores_future_births_unless_given_today() -> None:
    number = _id_from("11010520990101001")
    assert subject_kind(number) == "person"
    assert subject_kind(number, today=TODAY) is None


# --- the domain stays pure -----------------------------------------------------------


@pytest.mark.parametrize("module", ["identity", "synthetic"])
def test_module_imports_only_the_standard_library_and_the_domain(module: str) -> None:
    source = Path(identity.__file__).with_name(f"{module}.py").read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    foreign = {
        name
        for name in imported
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith("venue_client.domain")
    }
    assert not foreign
