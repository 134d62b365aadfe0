"""The software key store (PEM / PKCS#12) behind the token interface."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from drivers.common import HeadlessHandler
from drivers.token import (
    DecryptionFailedError,
    KeyFileError,
    KeyFilePasswordError,
    MechanismUnsupportedError,
    NoCertificateError,
    NoPrivateKeyError,
    PinCancelledError,
    RsaPadding,
    SoftKeyStore,
    verify_signature,
)
from drivers.token.softkeys import key_id_for
from tests.support.softhsm import self_signed


@pytest.fixture(scope="module")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def ec_key():
    return ec.generate_private_key(ec.SECP256R1())


def _pem(key, password: bytes | None = None) -> bytes:
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("padding", list(RsaPadding))
def test_rsa_round_trip_every_padding_including_oaep_sha256(rsa_key, padding):
    store = SoftKeyStore([(rsa_key, self_signed(rsa_key, "backup"))])
    (key,) = store.certificates()
    content_key = os.urandom(32)
    wrapped = key.certificate.public_key().encrypt(content_key, padding.for_cryptography())
    assert store.decrypt(key, wrapped, padding) == content_key


def test_ecdh_sign_and_key_ids(rsa_key, ec_key):
    store = SoftKeyStore(
        [(rsa_key, self_signed(rsa_key, "r")), (ec_key, self_signed(ec_key, "e"))], label="x"
    )
    keys = {k.kind: k for k in store.certificates()}
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    assert store.derive_ecdh(keys["ec"], ephemeral.public_key()) == ephemeral.exchange(
        ec.ECDH(), ec_key.public_key()
    )
    for key in keys.values():
        assert verify_signature(key.certificate, b"challenge", store.sign(key, b"challenge"))
    assert keys["rsa"].key_id == key_id_for(rsa_key.public_key())
    assert len(keys["ec"].key_id) == 20


def test_refusals(rsa_key, ec_key):
    store = SoftKeyStore([(rsa_key, self_signed(rsa_key, "r")), (ec_key, self_signed(ec_key, "e"))])
    keys = {k.kind: k for k in store.certificates()}
    with pytest.raises(DecryptionFailedError):
        store.decrypt(keys["rsa"], b"\x00" * 256, RsaPadding.OAEP_SHA256)
    with pytest.raises(MechanismUnsupportedError):
        store.decrypt(keys["ec"], b"x", RsaPadding.PKCS1_V15)
    with pytest.raises(MechanismUnsupportedError):
        store.derive_ecdh(keys["rsa"], ec_key.public_key())
    other = ec.generate_private_key(ec.SECP256R1())
    stranger = SoftKeyStore([(other, self_signed(other, "o"))]).certificates()[0]
    with pytest.raises(NoPrivateKeyError):
        store.sign(stranger, b"x")
    with pytest.raises(NoPrivateKeyError):
        SoftKeyStore([(rsa_key, self_signed(ec_key, "mismatch"))])
    store.close()
    with pytest.raises(NoCertificateError):
        store.certificates()


def test_pem_files_plain_and_with_a_chain(tmp_path, rsa_key, ec_key):
    cert = self_signed(rsa_key, "bidder")
    other = self_signed(ec_key, "ca")
    chain = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (other, cert))
    store = SoftKeyStore.from_pem(
        _write(tmp_path, "k.pem", _pem(rsa_key)), _write(tmp_path, "chain.pem", chain)
    )
    assert [k.certificate for k in store.certificates()] == [cert]
    with pytest.raises(NoCertificateError):
        SoftKeyStore.from_pem(
            _write(tmp_path, "k2.pem", _pem(rsa_key)),
            _write(tmp_path, "o.pem", other.public_bytes(serialization.Encoding.PEM)),
        )


def test_encrypted_pem_asks_the_handler(tmp_path, ec_key):
    key_path = _write(tmp_path, "k.pem", _pem(ec_key, b"s3cret-pw"))
    cert_path = _write(
        tmp_path, "c.der", self_signed(ec_key, "e").public_bytes(serialization.Encoding.DER)
    )
    handler = HeadlessHandler(["s3cret-pw"])
    store = SoftKeyStore.from_pem(key_path, cert_path, handler=handler)
    assert store.certificates()[0].kind == "ec"
    assert handler.messages == ["请输入密钥文件“k.pem”的密码"]
    with pytest.raises(KeyFilePasswordError) as caught:
        SoftKeyStore.from_pem(key_path, cert_path, handler=HeadlessHandler(["nope"]))
    assert str(caught.value) == f"密钥文件密码错误：{key_path}"
    with pytest.raises(PinCancelledError):
        SoftKeyStore.from_pem(key_path, cert_path, handler=HeadlessHandler([]))
    with pytest.raises(KeyFilePasswordError):
        SoftKeyStore.from_pem(key_path, cert_path)  # no handler, no password


def test_pkcs12_with_password(tmp_path, rsa_key):
    cert = self_signed(rsa_key, "backup")
    data = pkcs12.serialize_key_and_certificates(
        b"backup", rsa_key, cert, None, serialization.BestAvailableEncryption(b"pw-12345")
    )
    path = _write(tmp_path, "backup.p12", data)
    store = SoftKeyStore.from_pkcs12(path, password=b"pw-12345")
    (key,) = store.certificates()
    wrapped = cert.public_key().encrypt(b"k" * 32, RsaPadding.OAEP_SHA256.for_cryptography())
    assert store.decrypt(key, wrapped, RsaPadding.OAEP_SHA256) == b"k" * 32
    with pytest.raises(KeyFilePasswordError):
        SoftKeyStore.from_pkcs12(path, password=b"wrong")


def test_missing_or_garbage_files(tmp_path, rsa_key):
    with pytest.raises(KeyFileError) as caught:
        SoftKeyStore.from_pkcs12(tmp_path / "none.p12", password=b"x")
    assert str(caught.value).startswith("无法读取密钥文件：")
    with pytest.raises(KeyFileError):
        SoftKeyStore.from_pem(
            _write(tmp_path, "k.pem", _pem(rsa_key)), _write(tmp_path, "c.pem", b"garbage")
        )
