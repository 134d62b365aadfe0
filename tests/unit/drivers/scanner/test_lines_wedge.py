from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.scanner import KeyboardWedge, KeyboardWedgeSource, LineSplitter, decode_code


@pytest.mark.parametrize(
    ("terminator", "stream", "codes"),
    [
        ("auto", b"A1\rB2\nC3\r\nD4\n\n", [b"A1", b"B2", b"C3", b"D4"]),
        ("cr", b"A1\r\nB2\r", [b"A1", b"B2"]),
        ("lf", b"A1\r\nB2\n", [b"A1", b"B2"]),
        ("crlf", b"A1\r\nB\r2\r\n", [b"A1", b"B\r2"]),
    ],
)
def test_terminators(terminator: str, stream: bytes, codes: list[bytes]) -> None:
    splitter = LineSplitter(terminator)
    assert splitter.feed(stream) == codes
    assert splitter.pending == b""


def test_codes_split_across_reads_and_crlf_split_between_reads() -> None:
    splitter = LineSplitter("auto")
    assert splitter.feed(b"HEL") == []
    assert splitter.feed(b"LO\r") == [b"HELLO"]
    assert splitter.feed(b"\nWOR") == []  # the LF of CRLF is not an empty code
    assert splitter.feed(b"LD\r\n") == [b"WORLD"]


def test_overlong_garbage_is_dropped_and_counted() -> None:
    splitter = LineSplitter("auto", max_line=16)
    assert splitter.feed(b"x" * 40) == []
    assert splitter.overflows == 1
    assert splitter.feed(b"OK\r") == [b"OK"]


@given(st.lists(st.binary(max_size=50), max_size=30))
def test_any_byte_stream_is_split_without_errors(chunks: list[bytes]) -> None:
    splitter = LineSplitter("auto", max_line=64)
    for chunk in chunks:
        for line in splitter.feed(chunk):
            assert b"\r" not in line and b"\n" not in line
            assert isinstance(decode_code(line), str)


def test_decode_code_handles_utf8_gbk_and_control_characters() -> None:
    assert decode_code("签到-001".encode()) == "签到-001"
    assert decode_code("签到-001".encode("gbk")) == "签到-001"
    assert decode_code(b"\x02ABC\x03 ") == "ABC"


def _type(wedge: KeyboardWedge, text: str, start: float, gap: float) -> list[object]:
    return [wedge.feed(ch, start + i * gap) for i, ch in enumerate(text)]


def test_wedge_turns_a_fast_burst_ending_in_enter_into_a_scan() -> None:
    wedge = KeyboardWedge()
    results = _type(wedge, "VC-2026-0001\r", 100.0, 0.008)
    scans = [r for r in results if r is not None]
    assert len(scans) == 1
    scan = scans[0]
    assert scan.text == "VC-2026-0001" and scan.source == "keyboard" and scan.at == 100.0  # type: ignore[attr-defined]


def test_wedge_ignores_human_typing_and_short_bursts() -> None:
    wedge = KeyboardWedge()
    assert not any(_type(wedge, "hello\r", 0.0, 0.15))  # a person typing
    assert not any(_type(wedge, "ab\r", 10.0, 0.005))  # too short
    # a slow prefix then a fast scan: only the fast part is the code
    results = _type(wedge, "xy", 20.0, 0.3) + _type(wedge, "CODE42\r", 21.0, 0.005)
    assert [r.text for r in results if r is not None] == ["CODE42"]  # type: ignore[attr-defined]


def test_wedge_enter_too_late_or_other_keys_break_the_burst() -> None:
    wedge = KeyboardWedge()
    _type(wedge, "ABCDEF", 0.0, 0.005)
    assert wedge.feed("\r", 1.0) is None
    _type(wedge, "ABC", 2.0, 0.005)
    wedge.feed("Shift", 2.02)
    assert wedge.pending == ""


def test_wedge_source_publishes_only_while_open() -> None:
    source = KeyboardWedgeSource()
    sub = source.scans()
    _type(source.wedge, "", 0, 0)
    for i, ch in enumerate("ID12345\r"):
        source.feed(ch, 5.0 + i * 0.004)
    source.open()
    for i, ch in enumerate("ID67890\r"):
        source.feed(ch, 6.0 + i * 0.004)
    source.close()
    assert [s.text for s in sub] == ["ID67890"]
