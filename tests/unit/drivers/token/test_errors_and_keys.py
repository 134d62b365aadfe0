"""Error mapping (CKR codes, PIN flags, translatable texts), shared key helpers and
the demo CA."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from drivers.common import DriverText
from drivers.token import (
    DecryptionFailedError,
    DemoCa,
    KeyMismatchError,
    MechanismUnsupportedError,
    NoCertificateError,
    PinIncorrectError,
    PinLockedError,
    SoftKeyStore,
    TokenOperationError,
    TokenRemovedError,
    certificate_uscc,
    find_recipient,
    require_recipient,
)
from drivers.token import errors as e
from drivers.token.keys import raw_ecdsa_to_der
from tests.support.softhsm import self_signed


def test_pin_messages_follow_the_token_flags():
    assert str(PinIncorrectError(flags=0)) == "PIN 错误"
    assert str(PinIncorrectError(flags=e.CKF_USER_PIN_COUNT_LOW)) == "PIN 错误，剩余尝试次数已不多"
    final = PinIncorrectError(flags=e.CKF_USER_PIN_COUNT_LOW | e.CKF_USER_PIN_FINAL_TRY)
    assert final.attempts_left == 1 and str(final) == "PIN 错误，还可尝试 1 次"
    counted = PinIncorrectError(flags=0, attempts_left=4)
    assert str(counted) == "PIN 错误，还可尝试 4 次"
    assert counted.code == 0xA0 and counted.args_map["code"] == "0xA0"
    assert isinstance(counted.text, DriverText) and counted.text.context == "drivers.token"
    assert counted.render("Wrong PIN; {attempts} attempts left") == "Wrong PIN; 4 attempts left"


def test_ckr_codes_from_python_pkcs11_exceptions():
    p11 = pytest.importorskip("pkcs11")
    from drivers.token import ckr

    assert ckr.code_of(p11.PinIncorrect()) == 0xA0
    assert ckr.code_of(p11.PinLocked()) == 0xA4
    assert ckr.code_of(p11.DeviceRemoved()) == 0x32
    assert ckr.code_of(p11.PKCS11Error("Unmapped error code 0x68")) == 0x68
    assert ckr.code_of(p11.PKCS11Error("Initialisation error (not initialized).")) == 0x190
    assert ckr.code_of(p11.PKCS11Error("something else")) is None
    for name in ckr.CODES:  # every name in the table is a python-pkcs11 class
        assert issubclass(getattr(p11.exceptions, name), p11.PKCS11Error), name


@pytest.mark.parametrize(
    ("code", "operation", "present", "expected"),
    [
        (0xA4, "login", True, PinLockedError),
        (0x32, "decrypt", True, TokenRemovedError),
        (0xE0, "sign", True, TokenRemovedError),
        (0xB3, "sign", True, TokenRemovedError),
        (0x82, "decrypt", False, TokenRemovedError),
        (0x05, "derive", False, TokenRemovedError),
        (0x05, "decrypt", True, DecryptionFailedError),
        (0x40, "decrypt", True, DecryptionFailedError),
        (0x70, "sign", True, MechanismUnsupportedError),
        (0x68, "decrypt", True, MechanismUnsupportedError),
        (0x82, "sign", True, TokenOperationError),
        (0x05, "sign", True, TokenOperationError),
    ],
)
def test_translation_of_return_values(code, operation, present, expected):
    p11 = pytest.importorskip("pkcs11")
    from drivers.token import ckr

    error = ckr.translate(
        p11.PKCS11Error(f"Unmapped error code {code:#x}"), operation, present=present
    )
    assert type(error) is expected
    if expected is not PinLockedError:
        assert error.code == code


def test_arguments_bad_with_a_mechanism_means_unsupported():
    p11 = pytest.importorskip("pkcs11")
    from drivers.token import ckr

    error = ckr.translate(p11.ArgumentsBad(), "decrypt", mechanism="RSA-OAEP-SHA256")
    assert isinstance(error, MechanismUnsupportedError)
    assert str(error) == "此加密锁不支持所需的算法（RSA-OAEP-SHA256）"
    assert str(ckr.translate(p11.ArgumentsBad(), "x")) == "加密锁操作失败（错误码 0x07）"


def test_find_recipient_by_fingerprint():
    keys = []
    for name in ("a", "b"):
        k = ec.generate_private_key(ec.SECP256R1())
        keys.extend(SoftKeyStore([(k, self_signed(k, name))]).certificates())
    assert find_recipient(keys, [b"\x00" * 32, keys[1].fingerprint]) is keys[1]
    require_recipient(keys[0], [keys[0].fingerprint])
    with pytest.raises(KeyMismatchError) as caught:
        require_recipient(keys[0], [keys[1].fingerprint])
    assert str(caught.value) == "非本投标人的加密锁"
    assert caught.value.offered == keys[0].fingerprint_hex
    with pytest.raises(NoCertificateError):
        find_recipient([], [keys[0].fingerprint])


def test_raw_ecdsa_signature_becomes_der():
    key = ec.generate_private_key(ec.SECP256R1())
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    der = key.sign(b"m", ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    raw = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    assert raw_ecdsa_to_der(raw) == der


def test_demo_ca_issues_bidder_certificates():
    ca = DemoCa()
    key = ec.generate_private_key(ec.SECP256R1())
    past = datetime.now(UTC) - timedelta(days=10)
    cert = ca.issue(
        key.public_key(),
        name="甲公司",
        uscc="91350100M000100Y43",
        usage="agreement",
        not_before=past,
        not_after=past + timedelta(days=1),
    )
    cert.verify_directly_issued_by(ca.certificate)
    assert cert.not_valid_after_utc < datetime.now(UTC)  # an expired one, on request
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_agreement and usage.digital_signature and not usage.key_encipherment
    assert certificate_uscc(cert) == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("oid", "value", "expected"),
    [
        (NameOID.ORGANIZATION_IDENTIFIER, "NTRCN-91110000600037341L", "91110000600037341L"),
        (NameOID.COMMON_NAME, "乙公司@91110000600037341L", "91110000600037341L"),
        (NameOID.ORGANIZATIONAL_UNIT_NAME, "乙公司(91110000600037341L)", "91110000600037341L"),
        (NameOID.COMMON_NAME, "乙公司", None),
    ],
)
def test_uscc_found_where_cas_put_it(oid, value, expected):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(oid, value)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    assert certificate_uscc(cert) == expected


def test_drivers_token_does_not_import_the_application():
    code = (
        "import sys, drivers.token; print(any(m.startswith('venue_client') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
