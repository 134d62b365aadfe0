"""Bad envelopes: each failure is an EnvelopeError, and ``decrypt_file`` leaves no
output behind. Envelopes are made by ``openssl cms -encrypt``."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from tests.unit.crypto_cms.support import encrypt
from tests.unit.crypto_cms.writer import rsa_envelope
from venue_client.crypto import cms
from venue_client.crypto.envelope_errors import (
    MalformedEnvelopeError,
    NotAnEnvelopeError,
    ReceiptMismatchError,
    TamperedError,
    TrailingDataError,
    TruncatedError,
    UnsupportedAlgorithmError,
    WrongKeyError,
)


@pytest.fixture(scope="module")
def plain(cms_dir):
    path = cms_dir / "errors-plain.bin"
    path.write_bytes(os.urandom(100_000))
    return path


def make(cms_dir, plain, bidder, name, **options):
    return encrypt(plain, cms_dir / name, bidder, **options)


def fails(src, out, session, error, receipt=None):
    with pytest.raises(error):
        cms.decrypt_file(src, out, session, receipt)
    assert not out.exists()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]


@pytest.mark.parametrize("stream", [False, True])
def test_gcm_flipped_byte_is_tampered(cms_dir, plain, bidder, tmp_path, stream):
    src = make(cms_dir, plain, bidder, f"gcm-{stream}.der", cipher="gcm", stream=stream)
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 0x40
    bad = tmp_path / "bad.der"
    bad.write_bytes(bytes(data))
    fails(bad, tmp_path / "out", bidder.store(), TamperedError)


def test_cbc_flip_in_middle_caught_by_receipt_only(cms_dir, plain, bidder, tmp_path):
    src = make(cms_dir, plain, bidder, "cbc-flip.der", cipher="aes256")
    receipt = hashlib.sha256(src.read_bytes()).digest()
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 0x40
    bad = tmp_path / "bad.der"
    bad.write_bytes(bytes(data))
    # CBC has no integrity: without the receipt this "decrypts" (to garbage) ...
    out = tmp_path / "garbage"
    cms.decrypt_file(bad, out, bidder.store())
    assert out.read_bytes() != plain.read_bytes()
    # ... with the receipt it is refused and nothing is written.
    fails(bad, tmp_path / "out", bidder.store(), ReceiptMismatchError, receipt)


def test_cbc_flip_in_last_blocks_is_tampered(cms_dir, plain, bidder, tmp_path):
    src = make(cms_dir, plain, bidder, "cbc-last.der", cipher="aes128")
    data = bytearray(src.read_bytes())
    data[-20] ^= 0x01  # second-to-last block: the last block's padding breaks
    bad = tmp_path / "bad.der"
    bad.write_bytes(bytes(data))
    fails(bad, tmp_path / "out", bidder.store(), TamperedError)


@pytest.mark.parametrize(
    "form,stream", [("DER", False), ("DER", True), ("PEM", True), ("SMIME", False)]
)
@pytest.mark.parametrize("cut", [0.01, 0.5, 0.999])
def test_truncated(cms_dir, plain, bidder, tmp_path, form, stream, cut):
    src = make(cms_dir, plain, bidder, f"trunc-{form}-{stream}", form=form, stream=stream)
    data = src.read_bytes()
    bad = tmp_path / "bad"
    bad.write_bytes(data[: max(1, int(len(data) * cut))])
    with pytest.raises((TruncatedError, MalformedEnvelopeError)) as caught:
        cms.decrypt_file(bad, tmp_path / "out", bidder.store())
    if form == "DER":
        assert isinstance(caught.value, TruncatedError)
    assert not (tmp_path / "out").exists()


def test_wrong_key(cms_dir, plain, bidder, stranger, tmp_path):
    for keyid in (False, True):
        src = make(cms_dir, plain, bidder, f"wrong-{keyid}.der", keyid=keyid)
        fails(src, tmp_path / "out", stranger.store(), WrongKeyError)


def test_wrong_receipt(cms_dir, plain, bidder, tmp_path):
    src = make(cms_dir, plain, bidder, "receipt.der", cipher="gcm")
    fails(src, tmp_path / "out", bidder.store(), ReceiptMismatchError, b"\x00" * 32)
    good = hashlib.sha256(src.read_bytes()).digest()
    info = cms.decrypt_file(src, tmp_path / "ok", bidder.store(), good)
    assert info.sha256 == good and (tmp_path / "ok").read_bytes() == plain.read_bytes()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello world",
        b"\x30\x03\x02\x01\x00",
        os.urandom(2000),
        b"%PDF-1.7\n",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    ],
)
def test_garbage_is_not_an_envelope(tmp_path, bidder, data):
    bad = tmp_path / "bad"
    bad.write_bytes(data)
    with pytest.raises((NotAnEnvelopeError, MalformedEnvelopeError, TruncatedError)):
        cms.decrypt_file(bad, tmp_path / "out", bidder.store())
    assert not (tmp_path / "out").exists()


def test_trailing_data(cms_dir, plain, bidder, tmp_path):
    for form in ("DER", "PEM"):
        src = make(cms_dir, plain, bidder, f"trail.{form}", form=form, stream=True)
        bad = tmp_path / "bad"
        bad.write_bytes(src.read_bytes() + b"appended")
        fails(bad, tmp_path / "out", bidder.store(), TrailingDataError)


def test_unsupported_cipher(cms_dir, plain, bidder, tmp_path):
    src = cms_dir / "des3.der"
    import subprocess

    from tests.unit.crypto_cms.support import openssl

    subprocess.run([openssl(), "cms", "-encrypt", "-binary", "-des3", "-in", str(plain), "-outform",
                    "DER", "-out", str(src), str(bidder.cert_path)], check=True)  # fmt: skip
    assert cms.inspect(src.open("rb")).content_cipher == "DES-EDE3-CBC"
    fails(src, tmp_path / "out", bidder.store(), UnsupportedAlgorithmError)


@pytest.mark.parametrize("nested", [False, True])
def test_ber_layouts_from_own_writer(bidder, nested):
    body = os.urandom(3000)
    data = rsa_envelope(body, bidder.cert, ber=True, pieces=[1, 17, 2999], nested=nested)
    out = io.BytesIO()
    cms.decrypt(io.BytesIO(data), out, bidder.store())
    assert out.getvalue() == body


def test_sniff(cms_dir, plain, bidder):
    for form in ("DER", "PEM", "SMIME"):
        for stream in (False, True):
            src = make(cms_dir, plain, bidder, f"sniff-{form}-{stream}", form=form, stream=stream)
            assert cms.sniff(src.read_bytes()[:512])
    assert not cms.sniff(b"%PDF-1.7")
    assert not cms.sniff(b"\x30\x03\x02\x01\x00")
    assert not cms.sniff(b"PK\x03\x04")
