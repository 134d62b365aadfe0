"""SM2 helpers: key loading in OpenSSL's formats, C1‖C3‖C2 round trips, and interop
with the ``openssl`` CLI both ways (DER SM2Cipher)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from drivers.token.errors import KeyFileError, KeyFilePasswordError
from tests.support.require import unavailable
from venue_client.crypto.envelope_errors import KeyUnwrapError, MalformedEnvelopeError
from venue_client.crypto.sm2 import (
    Sm2PrivateKey,
    c1c3c2_to_der,
    der_to_c1c3c2,
    load_sm2_private_key,
    load_sm2_public_key,
    sm2_decrypt,
    sm2_encrypt,
    sm2_public_key_from_certificate,
)


def _openssl(*args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> Path:
    if not shutil.which("openssl"):
        unavailable("openssl CLI")
    d = tmp_path_factory.mktemp("sm2")
    try:
        _openssl("genpkey", "-algorithm", "SM2", "-out", str(d / "k.pem"))
    except subprocess.CalledProcessError:
        unavailable("this OpenSSL has no SM2")
    _openssl("pkey", "-in", str(d / "k.pem"), "-pubout", "-out", str(d / "p.pem"))
    _openssl(
        "pkey",
        "-in",
        str(d / "k.pem"),
        "-aes256",
        "-passout",
        "pass:secret",
        "-out",
        str(d / "ke.pem"),
    )
    _openssl("ec", "-in", str(d / "k.pem"), "-out", str(d / "sec1.pem"))
    _openssl(
        "req",
        "-new",
        "-x509",
        "-key",
        str(d / "k.pem"),
        "-subj",
        "/CN=sm2",
        "-days",
        "2",
        "-out",
        str(d / "c.pem"),
    )
    _openssl("x509", "-in", str(d / "c.pem"), "-outform", "DER", "-out", str(d / "c.der"))
    return d


def test_loads_every_openssl_form(keys):
    private = load_sm2_private_key((keys / "k.pem").read_bytes())
    public = load_sm2_public_key((keys / "p.pem").read_bytes())
    assert private.public_key == public
    assert load_sm2_private_key((keys / "sec1.pem").read_bytes()).public_key == public
    assert load_sm2_private_key((keys / "ke.pem").read_bytes(), b"secret").public_key == public
    assert load_sm2_public_key((keys / "c.pem").read_bytes()) == public
    assert sm2_public_key_from_certificate((keys / "c.der").read_bytes()) == public
    assert load_sm2_public_key(public.point()) == public
    assert "d=" not in repr(private)


def test_bad_keys(keys):
    with pytest.raises(KeyFilePasswordError):
        load_sm2_private_key((keys / "ke.pem").read_bytes(), b"wrong")
    with pytest.raises(KeyFilePasswordError):
        load_sm2_private_key((keys / "ke.pem").read_bytes())
    for junk in (b"", b"junk", (keys / "p.pem").read_bytes()):
        with pytest.raises(KeyFileError):
            load_sm2_private_key(junk)
    with pytest.raises(KeyFileError):
        load_sm2_public_key(b"\x04" + bytes(64))  # not on the curve


def test_round_trip_and_wrong_key():
    key = Sm2PrivateKey.generate()
    message = bytes(range(32))
    ciphertext = sm2_encrypt(key.public_key, message)
    assert len(ciphertext) == 65 + 32 + 32 and ciphertext[0] == 4
    assert sm2_decrypt(key, ciphertext) == message
    with pytest.raises(KeyUnwrapError):
        sm2_decrypt(Sm2PrivateKey.generate(), ciphertext)
    damaged = bytearray(ciphertext)
    damaged[-1] ^= 1
    with pytest.raises(KeyUnwrapError):
        sm2_decrypt(key, bytes(damaged))
    damaged = bytearray(ciphertext)
    damaged[5] ^= 1
    with pytest.raises(MalformedEnvelopeError):
        sm2_decrypt(key, bytes(damaged))
    assert der_to_c1c3c2(c1c3c2_to_der(ciphertext)) == ciphertext


def test_openssl_decrypts_ours_and_we_decrypt_openssls(keys, tmp_path):
    private = load_sm2_private_key((keys / "k.pem").read_bytes())
    message = b"file key \x00\xff" * 3
    (tmp_path / "ours.der").write_bytes(c1c3c2_to_der(sm2_encrypt(private.public_key, message)))
    assert (
        _openssl(
            "pkeyutl", "-decrypt", "-inkey", str(keys / "k.pem"), "-in", str(tmp_path / "ours.der")
        )
        == message
    )
    theirs = _openssl("pkeyutl", "-encrypt", "-pubin", "-inkey", str(keys / "p.pem"), data=message)
    assert sm2_decrypt(private, der_to_c1c3c2(theirs)) == message


def test_bad_der():
    for junk in (b"", b"\x30\x00", b"\x30\x03\x02\x01\x01"):
        with pytest.raises(MalformedEnvelopeError):
            der_to_c1c3c2(junk)
