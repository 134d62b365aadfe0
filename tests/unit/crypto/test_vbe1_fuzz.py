"""Hypothesis: the VBE1 parser and opener raise only EnvelopeError subclasses."""

from __future__ import annotations

import contextlib
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.crypto.vbe1_support import LOCAL, opened, sealed, sm2_key
from venue_client.crypto.envelope_errors import EnvelopeError
from venue_client.crypto.vbe1 import Recipient, inspect

VALID, _ = sealed(b"fuzz me" * 700, [Recipient(LOCAL), Recipient(LOCAL[::-1], backup=True)],
                  summary={"price": "9.99"}, chunk_size=4096)  # fmt: skip
HEADER_LEN = inspect(io.BytesIO(VALID)).header_length


def _must_refuse(blob: bytes, key: object = LOCAL) -> None:
    with contextlib.suppress(EnvelopeError):
        inspect(io.BytesIO(blob))
    try:
        opened(blob, key)
    except EnvelopeError:
        return
    assert blob == VALID


FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=600))
def test_arbitrary_bytes(blob):
    _must_refuse(blob)


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_after_the_magic(blob):
    _must_refuse(b"VBE1\x01" + blob)


@FAST
@given(st.lists(st.tuples(st.integers(0, HEADER_LEN + 40), st.integers(0, 255)), max_size=6),
       st.integers(0, len(VALID)))  # fmt: skip
def test_mutated_valid_header(edits, cut):
    blob = bytearray(VALID)
    for offset, value in edits:
        blob[offset] = value
    _must_refuse(bytes(blob[: max(cut, HEADER_LEN + 41)]))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, HEADER_LEN - 1), st.integers(0, 255)), min_size=1, max_size=3)
)
def test_mutated_header_with_an_sm2_key(edits):
    envelope, _ = sealed(b"x", [Recipient(sm2_key().public_key)])
    blob = bytearray(envelope)
    for offset, value in edits:
        blob[offset % len(blob)] = value
    with contextlib.suppress(EnvelopeError):
        opened(bytes(blob), sm2_key())
