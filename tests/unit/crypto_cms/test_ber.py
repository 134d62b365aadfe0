"""The incremental BER reader: headers, lengths, captured elements, streamed
strings, and arbitrary input raising only envelope errors."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.crypto_cms.writer import indefinite, tlv
from venue_client.crypto.cms.ber import BerReader
from venue_client.crypto.envelope_errors import (
    EnvelopeError,
    MalformedEnvelopeError,
    TruncatedError,
)


def reader(data: bytes, block: int = 3) -> BerReader:
    return BerReader(io.BytesIO(data), block=block)


def test_definite_header_long_form():
    data = tlv(0x04, b"x" * 300)
    r = reader(data)
    h = r.read_header()
    assert (h.tag_class, h.constructed, h.number, h.length) == (0, False, 4, 300)
    assert h.end == len(data)
    assert b"".join(r.octets(h, piece=7)) == b"x" * 300
    assert r.at_eof()


def test_high_tag_number():
    r = reader(b"\x9f\x81\x00\x01z")
    h = r.read_header()
    assert (h.tag_class, h.number, h.length) == (2, 128, 1)


def test_indefinite_constructed_string_nested_pieces():
    data = indefinite(0xA0, tlv(0x04, b"ab"), indefinite(0x04, tlv(0x04, b"cd")), tlv(0x04, b""))
    r = reader(data + b"tail")
    h = r.read_header()
    assert h.length is None
    assert b"".join(r.octets(h)) == b"abcd"
    assert r.read(4) == b"tail"


def test_capture_indefinite_element_whole():
    data = indefinite(0x30, tlv(0x02, b"\x01"), indefinite(0x30, tlv(0x05, b"")))
    r = reader(data)
    assert r.capture(r.read_header(), 1000) == data


@pytest.mark.parametrize(
    "data,error",
    [
        (b"\x04\x80", MalformedEnvelopeError),  # indefinite primitive
        (b"\x04\x89" + b"\x01" * 9, MalformedEnvelopeError),  # 9 length octets
        (b"\x04\x05abc", TruncatedError),
        (b"\x30", TruncatedError),
        (b"\x1f\x80\x01\x00", MalformedEnvelopeError),  # non-minimal tag
    ],
)
def test_bad_headers(data, error):
    r = reader(data)
    with pytest.raises(error):
        h = r.read_header()
        list(r.octets(h))


def test_piece_must_be_octet_string():
    data = indefinite(0xA0, tlv(0x02, b"\x01"))
    r = reader(data)
    with pytest.raises(MalformedEnvelopeError):
        list(r.octets(r.read_header()))


def test_capture_limit():
    r = reader(tlv(0x30, b"\x00" * 100))
    with pytest.raises(MalformedEnvelopeError):
        r.capture(r.read_header(), 50)


def test_unterminated_indefinite_is_truncated():
    r = reader(b"\xa0\x80\x04\x01a")
    with pytest.raises(TruncatedError):
        list(r.octets(r.read_header()))


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=200), st.integers(min_value=1, max_value=9))
def test_fuzz_reader_raises_only_envelope_errors(data, block):
    r = reader(data, block)
    try:
        while not r.at_eof():
            h = r.read_header()
            if (h.tag_class == 0 and h.number == 4) or (h.number == 0 and h.tag_class == 2):
                for _ in r.octets(h, piece=5):
                    pass
            else:
                r.capture(h, 150)
    except EnvelopeError:
        pass
