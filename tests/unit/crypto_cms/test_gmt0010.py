"""GM/T 0010-2012 (SM2) enveloped data. This machine's OpenSSL 3.0 cannot write
SM2 envelopes (``openssl cms -encrypt`` fails on an SM2 certificate), so the test
envelopes come from ``writer.gmt_envelope``, built from the standard's structure
with the SM2 helper's encryption and ``cryptography``'s SM4."""

from __future__ import annotations

import io
import os

import pytest
from asn1crypto import x509 as asn1_x509

from tests.unit.crypto_cms.writer import gmt_envelope
from venue_client.crypto import cms
from venue_client.crypto.envelope_errors import TamperedError, WrongKeyError
from venue_client.crypto.sm2 import Sm2PrivateKey

ISSUER = asn1_x509.Name.build({"common_name": "GM CA", "country_name": "CN"}).dump()


@pytest.fixture(scope="module")
def sm2_key() -> Sm2PrivateKey:
    return Sm2PrivateKey.generate()


@pytest.mark.parametrize("ber", [False, True])
def test_gmt_envelope_decrypts(sm2_key, ber):
    plain = os.urandom(5000)
    data = gmt_envelope(
        plain, sm2_key.public_key, issuer_der=ISSUER, serial=77, ber=ber, pieces=[100, 4000]
    )
    info = cms.inspect(io.BytesIO(data))
    assert (info.format, info.content_type, info.content_cipher) == (
        "GMT0010",
        "Enveloped",
        "SM4-CBC",
    )
    assert info.indefinite is ber
    (recipient,) = info.recipients
    assert recipient.algorithm == "SM2" and recipient.serial == 77
    assert "GM CA" in (recipient.issuer or "")
    out = io.BytesIO()
    result = cms.decrypt(io.BytesIO(data), out, sm2_key)
    assert out.getvalue() == plain
    assert result.key_fingerprint is None and result.plaintext_size == len(plain)


def test_gmt_wrong_key(sm2_key):
    data = gmt_envelope(b"bid", sm2_key.public_key, issuer_der=ISSUER, serial=1)
    with pytest.raises(WrongKeyError):
        cms.decrypt(io.BytesIO(data), io.BytesIO(), Sm2PrivateKey.generate())


def test_gmt_bad_padding_is_tampered(sm2_key):
    data = bytearray(gmt_envelope(b"x" * 64, sm2_key.public_key, issuer_der=ISSUER, serial=1))
    data[-20] ^= 1  # second-to-last block: garbles the padding of the last
    out = io.BytesIO()
    with pytest.raises(TamperedError):
        cms.decrypt(io.BytesIO(bytes(data)), out, sm2_key)
    assert len(out.getvalue()) < 64  # the unchecked last block was never released
