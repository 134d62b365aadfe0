"""The PKCS#11 driver against SoftHSM2 as a real token: listing, login, RSA key
transport, ECDH, signatures, key lookup. Wrong PIN, removal and threading are in
``test_token_faults.py``."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from drivers.common import HeadlessHandler
from drivers.token import (
    DecryptionFailedError,
    KeyMismatchError,
    MechanismUnsupportedError,
    NoCertificateError,
    NoTokenError,
    PinCancelledError,
    Pkcs11Module,
    RsaPadding,
    TokenModuleError,
    certificate_fingerprint,
    find_recipient,
    verify_signature,
)
from drivers.token.errors import CKR_ARGUMENTS_BAD
from tests.support.softhsm import PIN

CKM_ECDSA_SHA256 = 0x1044


def test_lists_tokens_with_label_serial_manufacturer(module):
    tokens = {t.label: t for t in module.tokens()}
    assert {"bidder", "pins", "loose-ids", "unwrap-only", "no-cert"} <= set(tokens)
    bidder = tokens["bidder"]
    assert bidder.present and bidder.initialized
    assert bidder.manufacturer == "SoftHSM project"
    assert len(bidder.serial) == 16
    assert not bidder.pin_locked
    # SoftHSM2 always keeps one free (uninitialised) slot: listed only on request.
    everything = module.tokens(include_empty=True)
    assert any(not t.initialized for t in everything)
    assert "SoftHSM" in module.description


def test_a_module_that_is_not_pkcs11_is_refused(tmp_path):
    fake = tmp_path / "libfake.so"
    fake.write_bytes(b"not a library")
    for path in (fake, tmp_path / "missing.so"):
        with pytest.raises(TokenModuleError) as caught:
            Pkcs11Module(path)
        assert str(caught.value) == f"无法加载加密锁驱动：{path}"


def test_open_token_by_serial_and_missing_label(module, open_token):
    serial = open_token("bidder").info.serial
    assert module.open_token(serial=serial).info.label == "bidder"
    with pytest.raises(NoTokenError) as caught:
        module.open_token(label="no such token")
    assert str(caught.value) == "未检测到加密锁，请插入加密锁后重试"


def test_certificates_without_pin_linked_by_cka_id(open_token, lab):
    token = open_token("bidder")
    handler = HeadlessHandler([])  # no PIN available: reading certificates needs none

    def read(session):
        return [(k.kind, k.key_id, k.fingerprint) for k in session.certificates()]

    found = sorted(token.run(handler, read).result())
    assert found == sorted(
        [
            ("rsa", b"\x01", certificate_fingerprint(lab.keys["rsa"].certificate)),
            ("ec", b"\x02", certificate_fingerprint(lab.keys["ec"].certificate)),
        ]
    )
    assert handler.messages == []


def test_login_prompts_once_through_the_handler(open_token, lab):
    token = open_token("bidder")
    handler = HeadlessHandler([PIN])

    def work(session):
        keys = session.certificates()
        session.login()
        session.login()
        assert session.logged_in
        return [session.sign(k, b"x") for k in keys]

    assert len(token.run(handler, work).result()) == 2
    assert handler.messages == ["请输入加密锁“bidder”的 PIN"]


def test_cancelled_pin(open_token):
    token = open_token("bidder")
    with pytest.raises(PinCancelledError):
        token.run(HeadlessHandler([]), lambda s: s.login()).result()


@pytest.mark.parametrize("padding", [RsaPadding.PKCS1_V15, RsaPadding.OAEP_SHA1])
def test_rsa_unwrap_round_trip(open_token, lab, padding):
    public = lab.keys["rsa"].certificate.public_key()
    content_keys = [os.urandom(32) for _ in range(3)]
    wrapped = [public.encrypt(k, padding.for_cryptography()) for k in content_keys]

    def work(session):
        wanted = [certificate_fingerprint(lab.keys["rsa"].certificate)]
        key = find_recipient(session.certificates(), wanted)
        return [session.decrypt(key, w, padding) for w in wrapped]

    assert open_token("bidder").run(HeadlessHandler([PIN]), work).result() == content_keys


def test_oaep_sha256_is_refused_by_softhsm_as_unsupported(open_token, lab):
    """SoftHSM2 2.6 answers CKR_ARGUMENTS_BAD to OAEP with SHA-256: the driver sends
    the SHA-256 parameters and reports the refusal as an unsupported mechanism.
    (A token that supports it returns the key; the soft store tests cover that.)"""
    public = lab.keys["rsa"].certificate.public_key()
    wrapped = public.encrypt(b"k" * 32, RsaPadding.OAEP_SHA256.for_cryptography())

    def work(session):
        key = next(k for k in session.certificates() if k.kind == "rsa")
        return session.decrypt(key, wrapped, RsaPadding.OAEP_SHA256)

    try:
        result = open_token("bidder").run(HeadlessHandler([PIN]), work).result()
    except MechanismUnsupportedError as exc:
        assert exc.code == CKR_ARGUMENTS_BAD
        assert exc.mechanism == "RSA-OAEP-SHA256"
        assert "RSA-OAEP-SHA256" in str(exc)
    else:
        assert result == b"k" * 32


def test_supports_probes_what_the_token_really_opens(open_token):
    def work(session):
        keys = {k.kind: k for k in session.certificates()}
        return {p: session.supports(keys["rsa"], p) for p in RsaPadding}, session.supports(
            keys["ec"], RsaPadding.PKCS1_V15
        )

    by_padding, ec_key = open_token("bidder").run(HeadlessHandler([PIN]), work).result()
    assert by_padding[RsaPadding.PKCS1_V15] and by_padding[RsaPadding.OAEP_SHA1]
    assert by_padding[RsaPadding.OAEP_SHA256] is False  # SoftHSM2 2.6
    assert ec_key is False


def test_unwrap_only_key_goes_through_c_unwrapkey(open_token, lab):
    public = lab.keys["unwrap"].certificate.public_key()
    content_key = os.urandom(32)
    wrapped = public.encrypt(content_key, RsaPadding.OAEP_SHA1.for_cryptography())

    def work(session):
        (key,) = session.certificates()
        return session.decrypt(key, wrapped, RsaPadding.OAEP_SHA1)

    assert open_token("unwrap-only").run(HeadlessHandler([PIN]), work).result() == content_key


def test_ciphertext_for_another_key_fails_to_decrypt(open_token, lab):
    other = lab.keys["pins"].certificate.public_key()
    wrapped = other.encrypt(b"k" * 32, RsaPadding.OAEP_SHA1.for_cryptography())

    def work(session):
        key = next(k for k in session.certificates() if k.kind == "rsa")
        return session.decrypt(key, wrapped, RsaPadding.OAEP_SHA1)

    with pytest.raises(DecryptionFailedError) as caught:
        open_token("bidder").run(HeadlessHandler([PIN]), work).result()
    assert caught.value.code is not None


def test_ecdh_equals_cryptography_with_an_ephemeral_key(open_token, lab):
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    expected = ephemeral.exchange(ec.ECDH(), lab.keys["ec"].certificate.public_key())
    point = ephemeral.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)

    def work(session):
        key = next(k for k in session.certificates() if k.kind == "ec")
        return session.derive_ecdh(key, ephemeral.public_key()), session.derive_ecdh(key, point)

    as_key, as_bytes = open_token("bidder").run(HeadlessHandler([PIN]), work).result()
    assert as_key == as_bytes == expected
    assert len(expected) == 32


def test_ecdh_refuses_another_curve_and_rsa_keys(open_token):
    wrong_curve = ec.generate_private_key(ec.SECP384R1()).public_key()

    def work(session):
        keys = {k.kind: k for k in session.certificates()}
        with pytest.raises(MechanismUnsupportedError):
            session.derive_ecdh(keys["ec"], wrong_curve)
        with pytest.raises(MechanismUnsupportedError):
            session.derive_ecdh(keys["rsa"], wrong_curve)
        with pytest.raises(MechanismUnsupportedError):
            session.decrypt(keys["ec"], b"x" * 32, RsaPadding.PKCS1_V15)

    open_token("bidder").run(HeadlessHandler([PIN]), work).result()


def test_signatures_verify_with_the_certificate(open_token):
    token = open_token("bidder")
    challenge = os.urandom(32)

    def work(session):
        return [(k, session.sign(k, challenge)) for k in session.certificates()]

    signed = token.run(HeadlessHandler([PIN]), work).result()
    assert {k.kind for k, _ in signed} == {"rsa", "ec"}
    for key, signature in signed:
        assert verify_signature(key.certificate, challenge, signature)
        assert not verify_signature(key.certificate, challenge + b"!", signature)
    # Debian's SoftHSM2 2.6 has raw CKM_ECDSA only: the driver hashed in software.
    assert CKM_ECDSA_SHA256 not in token.call(token.mechanisms)


def test_keys_found_by_public_key_when_cka_ids_differ(open_token, lab):
    ephemeral = ec.generate_private_key(ec.SECP256R1())

    def work(session):
        keys = {k.kind: k for k in session.certificates()}
        assert keys["rsa"].key_id == b"\x0a" and keys["ec"].key_id == b"\x0b"
        wrapped = (
            keys["rsa"]
            .certificate.public_key()
            .encrypt(b"s" * 16, RsaPadding.PKCS1_V15.for_cryptography())
        )
        return (
            session.decrypt(keys["rsa"], wrapped, RsaPadding.PKCS1_V15),
            session.derive_ecdh(keys["ec"], ephemeral.public_key()),
        )

    plain, secret = open_token("loose-ids").run(HeadlessHandler([PIN]), work).result()
    assert plain == b"s" * 16
    assert secret == ephemeral.exchange(ec.ECDH(), lab.keys["loose-02"].certificate.public_key())


def test_token_without_certificate(open_token):
    with pytest.raises(NoCertificateError) as caught:
        open_token("no-cert").run(HeadlessHandler([PIN]), lambda s: s.certificates()).result()
    assert str(caught.value) == "未检测到证书"


def test_key_of_another_bidder_is_named_as_such(open_token, lab):
    expected = [certificate_fingerprint(lab.keys["pins"].certificate)]
    with pytest.raises(KeyMismatchError) as caught:
        open_token("bidder").run(
            HeadlessHandler([]), lambda s: find_recipient(s.certificates(), expected)
        ).result()
    assert str(caught.value) == "非本投标人的加密锁"
    assert caught.value.expected == (expected[0].hex(),)
