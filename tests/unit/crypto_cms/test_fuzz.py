"""Hypothesis: mutated and arbitrary input to the front-ends (DER, PEM, S/MIME)
and to inspect/decrypt only ever raises EnvelopeError subclasses."""

from __future__ import annotations

import base64
import contextlib
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.crypto_cms.writer import rsa_envelope
from venue_client.crypto import cms
from venue_client.crypto.envelope_errors import EnvelopeError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                HealthCheck.function_scoped_fixture])  # fmt: skip


@pytest.fixture(scope="module")
def samples(bidder):
    body = os.urandom(300)
    der = rsa_envelope(body, bidder.cert)
    ber = rsa_envelope(body, bidder.cert, ber=True, pieces=[50, 200], nested=True)
    b64 = base64.encodebytes(ber)
    pem = b"-----BEGIN CMS-----\n" + b64 + b"-----END CMS-----\n"
    smime = (b"MIME-Version: 1.0\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\n"
             b"Content-Transfer-Encoding: base64\n\n" + b64)  # fmt: skip
    for sample in (der, ber, pem, smime):
        out = io.BytesIO()
        cms.decrypt(io.BytesIO(sample), out, bidder.store())
        assert out.getvalue() == body
    return [der, ber, pem, smime]


def run(data: bytes, store) -> None:
    cms.sniff(data[:64])
    with contextlib.suppress(EnvelopeError):
        cms.inspect(io.BytesIO(data))
    with contextlib.suppress(EnvelopeError):
        cms.decrypt(io.BytesIO(data), io.BytesIO(), store, receipt=b"\x01" * 32)


@FUZZ
@given(data=st.data())
def test_mutated_envelopes(samples, bidder, data):
    store = bidder.store()
    sample = bytearray(data.draw(st.sampled_from(samples)))
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = data.draw(st.integers(0, max(0, len(sample) - 1)))
        if kind == "flip" and sample:
            sample[at] ^= data.draw(st.integers(1, 255))
        elif kind == "cut":
            del sample[at:]
        elif kind == "insert":
            sample[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        elif sample:
            del sample[at : at + data.draw(st.integers(1, 8))]
    run(bytes(sample), store)


@FUZZ
@given(prefix=st.sampled_from([b"", b"0", b"0\x80", b"-----BEGIN CMS-----\n",
                               b"Content-Type: application/pkcs7-mime\n\n"]),
       tail=st.binary(max_size=300))  # fmt: skip
def test_arbitrary_input(bidder, prefix, tail):
    run(prefix + tail, bidder.store())
