"""The certificate check with software keys: chains, validity, CRLs, USCC in the
subject, key usage, algorithms, and the trust directory. The same check against
keys on SoftHSM2 tokens is in ``tests/integration/crypto``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from drivers.token import DemoCa
from tests.unit.crypto.pki import USCC_A, USCC_B, Ca, key_usage, name, now
from venue_client.crypto import certerrors
from venue_client.crypto.certcheck import (
    CaCertificateNotValidError,
    CertificateCheckError,
    CertificateExpiredError,
    CertificateNotYetValidError,
    CertificatePolicy,
    CertificatePolicyError,
    CertificateRevokedError,
    CertificateUsageError,
    InvalidCertificateUsccError,
    NoUsccError,
    RevocationUnknownError,
    UnsupportedCertificateAlgorithmError,
    UntrustedCertificateError,
    UsccMismatchError,
    certificate_uscc,
    verify_company_certificate,
)
from venue_client.domain.identity import InvalidUscc


@pytest.fixture(scope="module")
def root() -> Ca:
    return Ca("浙江省数字证书认证中心 根CA")


@pytest.fixture(scope="module")
def inter(root: Ca) -> Ca:
    return Ca("浙江省数字证书认证中心 企业证书CA", parent=root)


@pytest.fixture(scope="module")
def ec_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def check(cert, policy, *, uscc=USCC_A, at=None, **kwargs):
    return verify_company_certificate(
        cert, expected_uscc=uscc, policy=policy, now=at or now(), **kwargs
    )


# -- a good certificate ------------------------------------------------------------


def test_valid_certificate_through_an_intermediate(root, inter, ec_key):
    leaf = inter.issue(ec_key.public_key())
    policy = CertificatePolicy([root.certificate], [inter.certificate])
    result = check(leaf, policy)
    assert result.uscc == USCC_A
    assert result.company_name == "杭州某某建设工程有限公司"
    assert int(result.serial, 16) == leaf.serial_number and len(result.serial) % 2 == 0
    assert result.issuer == inter.certificate.subject.rfc4514_string()
    assert result.trust_anchor == root.certificate.subject.rfc4514_string()
    assert len(result.chain_sha256) == 3
    assert result.key_algorithm == "EC-P-256"
    assert result.not_after == leaf.not_valid_after_utc
    assert result.revocation_checked is False  # no CRL configured: said, not hidden
    record = result.to_record()
    assert all(isinstance(v, str | bool | list) for v in record.values())  # no floats
    assert record["fingerprint_sha256"] == result.fingerprint_sha256


def test_intermediate_presented_with_the_certificate(root, inter, ec_key):
    leaf = inter.issue(ec_key.public_key())
    policy = CertificatePolicy([root.certificate])
    with pytest.raises(UntrustedCertificateError):
        check(leaf, policy)
    result = check(leaf, policy, presented_intermediates=[inter.certificate])
    assert len(result.chain_sha256) == 3


def test_rsa_certificate_from_the_demo_ca():
    ca = DemoCa()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = ca.issue(key.public_key(), name="某某公司", uscc=USCC_A, usage="signature")
    result = check(cert, CertificatePolicy([ca.certificate]))
    assert result.key_algorithm == "RSA-2048"
    assert len(result.chain_sha256) == 2


def test_expected_uscc_is_normalised_and_validated(root, ec_key):
    cert = root.issue(ec_key.public_key())
    policy = CertificatePolicy([root.certificate])
    assert check(cert, policy, uscc=f" {USCC_A.lower()} ").uscc == USCC_A
    with pytest.raises(InvalidUscc):
        check(cert, policy, uscc=USCC_A[:-1] + "0")


# -- trust ----------------------------------------------------------------------------


def test_another_ca_and_an_impostor_with_the_same_name(root, ec_key):
    policy = CertificatePolicy([root.certificate])
    with pytest.raises(UntrustedCertificateError) as info:
        check(Ca("另一个CA").issue(ec_key.public_key()), policy)
    assert str(info.value) == "证书不是由受信任的 CA 签发"
    assert info.value.detail  # the verifier's reason, for the log
    impostor = Ca("浙江省数字证书认证中心 根CA")  # same name, other key
    with pytest.raises(UntrustedCertificateError):
        check(impostor.issue(ec_key.public_key()), policy)


def test_issuer_that_is_not_a_ca_is_refused(root, ec_key):
    not_ca_key = ec.generate_private_key(ec.SECP256R1())
    fake = Ca("假冒中级CA")
    fake.certificate = root.issue(
        not_ca_key.public_key(), subject=fake.name, usage=key_usage(cert_sign=True)
    )
    fake.key = not_ca_key
    with pytest.raises(UntrustedCertificateError):
        check(fake.issue(ec_key.public_key()), CertificatePolicy([root.certificate]))


@pytest.mark.parametrize(
    ("constraints_critical", "usage", "accepted"),
    [
        (False, key_usage(cert_sign=True), True),  # older CAs: basicConstraints non-critical
        (True, None, True),  # no keyUsage at all
        (True, key_usage(sign=True), False),  # keyUsage without keyCertSign
    ],
    ids=["bc-non-critical", "no-key-usage", "no-keyCertSign"],
)
def test_intermediate_ca_extensions(root, ec_key, constraints_critical, usage, accepted):
    sub = Ca("中级CA")
    builder = (
        x509.CertificateBuilder()
        .subject_name(sub.name)
        .issuer_name(root.name)
        .public_key(sub.key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now() - timedelta(days=1))
        .not_valid_after(now() + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=constraints_critical)
    )
    if usage is not None:
        builder = builder.add_extension(usage, critical=True)
    sub.certificate = builder.sign(root.key, hashes.SHA256())
    policy = CertificatePolicy([root.certificate], [sub.certificate])
    leaf = sub.issue(ec_key.public_key())
    if accepted:
        assert len(check(leaf, policy).chain_sha256) == 3
    else:
        with pytest.raises(UntrustedCertificateError):
            check(leaf, policy)


def test_expired_intermediate_is_named(root, ec_key):
    old = Ca(
        "过期的中级CA",
        parent=root,
        not_before=now() - timedelta(days=400),
        not_after=now() - timedelta(days=2),
    )
    leaf = old.issue(ec_key.public_key(), not_before=now() - timedelta(days=3))
    with pytest.raises(CaCertificateNotValidError) as info:
        check(leaf, CertificatePolicy([root.certificate], [old.certificate]))
    assert "过期的中级CA" in str(info.value)
    assert isinstance(info.value, UntrustedCertificateError)


def test_certificate_of_a_ca_is_not_a_bidder_certificate(root):
    sub_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = root.issue(sub_key.public_key(), is_ca=True)
    with pytest.raises(CertificateUsageError) as info:
        check(ca_cert, CertificatePolicy([root.certificate]))
    assert info.value.is_ca
    with pytest.raises(CertificateUsageError):
        check(root.certificate, CertificatePolicy([root.certificate]))


def test_encryption_certificate_of_a_dual_pair_is_refused(root):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = root.issue(key.public_key(), usage=key_usage(sign=False, encipher=True))
    with pytest.raises(CertificateUsageError) as info:
        check(cert, CertificatePolicy([root.certificate]))
    assert "签名证书" in str(info.value)


# -- validity -------------------------------------------------------------------------


def test_expired_certificate_names_its_dates(root, ec_key):
    start = now() - timedelta(days=400)
    cert = root.issue(ec_key.public_key(), not_before=start, not_after=start + timedelta(days=365))
    with pytest.raises(CertificateExpiredError) as info:
        check(cert, CertificatePolicy([root.certificate]))
    assert info.value.not_after == cert.not_valid_after_utc
    assert certerrors.shown_time(cert.not_valid_after_utc) in str(info.value)
    assert str(info.value).startswith("证书已于 ")


def test_not_yet_valid_but_clock_skew_is_tolerated(root, ec_key):
    policy = CertificatePolicy([root.certificate])
    soon = root.issue(ec_key.public_key(), not_before=now() + timedelta(minutes=3))
    assert check(soon, policy).uscc == USCC_A
    later = root.issue(ec_key.public_key(), not_before=now() + timedelta(hours=2))
    with pytest.raises(CertificateNotYetValidError):
        check(later, policy)
    strict = CertificatePolicy([root.certificate], clock_skew=timedelta(0))
    with pytest.raises(CertificateNotYetValidError):
        check(soon, strict)


def test_untrusted_and_expired_is_called_untrusted(ec_key):
    start = now() - timedelta(days=400)
    rogue = Ca("另一个CA", not_before=start - timedelta(days=1))
    cert = rogue.issue(ec_key.public_key(), not_before=start, not_after=start + timedelta(days=1))
    with pytest.raises(UntrustedCertificateError):
        check(cert, CertificatePolicy([Ca("受信任CA").certificate]))


def test_naive_time_is_a_programming_error(root, ec_key):
    with pytest.raises(ValueError, match="timezone"):
        check(root.issue(ec_key.public_key()), CertificatePolicy([root.certificate]),
              at=now().replace(tzinfo=None))  # fmt: skip


# -- revocation -----------------------------------------------------------------------


def test_revoked_certificate_is_refused_with_its_date(root, inter, ec_key):
    leaf = inter.issue(ec_key.public_key())
    revoked_at = now() - timedelta(hours=5)
    crl = inter.crl([leaf], at=revoked_at, reason=x509.ReasonFlags.key_compromise)
    policy = CertificatePolicy([root.certificate], [inter.certificate], [crl])
    with pytest.raises(CertificateRevokedError) as info:
        check(leaf, policy)
    assert info.value.revoked_at == revoked_at
    assert info.value.reason == "keyCompromise"
    assert str(info.value) == f"证书已于 {certerrors.shown_time(revoked_at)} 被吊销"


def test_current_crls_for_every_link_mean_revocation_checked(root, inter, ec_key):
    leaf = inter.issue(ec_key.public_key())
    other = inter.issue(ec_key.public_key())
    crls = [inter.crl([other]), root.crl()]
    policy = CertificatePolicy([root.certificate], [inter.certificate], crls)
    assert check(leaf, policy).revocation_checked is True
    only_leaf_link = CertificatePolicy([root.certificate], [inter.certificate], crls[:1])
    assert check(leaf, only_leaf_link).revocation_checked is False


def test_stale_crl_does_not_count_but_still_revokes(root, ec_key):
    leaf, other = root.issue(ec_key.public_key()), root.issue(ec_key.public_key())
    stale = root.crl(
        [other], this_update=now() - timedelta(days=10), next_update=now() - timedelta(days=3)
    )
    policy = CertificatePolicy([root.certificate], crls=[stale])
    assert check(leaf, policy).revocation_checked is False
    with pytest.raises(CertificateRevokedError):
        check(other, policy)


def test_required_revocation_data(root, ec_key):
    leaf = root.issue(ec_key.public_key())
    policy = CertificatePolicy([root.certificate], require_revocation_data=True)
    with pytest.raises(RevocationUnknownError) as info:
        check(leaf, policy)
    assert "浙江省数字证书认证中心 根CA" in str(info.value)
    good = CertificatePolicy([root.certificate], crls=[root.crl()], require_revocation_data=True)
    assert check(leaf, good).revocation_checked


def test_crl_not_signed_by_the_issuer_is_ignored(root, ec_key):
    leaf = root.issue(ec_key.public_key())
    forged = root.crl([leaf], signer=ec.generate_private_key(ec.SECP256R1()))
    result = check(leaf, CertificatePolicy([root.certificate], crls=[forged]))
    assert result.revocation_checked is False


def test_revoked_intermediate_breaks_the_chain(root, inter, ec_key):
    leaf = inter.issue(ec_key.public_key())
    policy = CertificatePolicy(
        [root.certificate], [inter.certificate], [root.crl([inter.certificate]), inter.crl()]
    )
    with pytest.raises(UntrustedCertificateError) as info:
        check(leaf, policy)
    assert "revoked" in info.value.detail


def test_remove_from_crl_entry_is_not_a_revocation(root, ec_key):
    leaf = root.issue(ec_key.public_key())
    crl = root.crl([leaf], reason=x509.ReasonFlags.remove_from_crl)
    assert check(leaf, CertificatePolicy([root.certificate], crls=[crl])).uscc == USCC_A


def test_crl_scope_from_its_issuing_distribution_point(root, ec_key):
    url = "http://crl.example.cn/ca1.crl"
    leaf = root.issue(ec_key.public_key(), crl_url=url)

    def scope(**kw):
        base = dict(
            full_name=None,
            relative_name=None,
            only_contains_user_certs=False,
            only_contains_ca_certs=False,
            only_some_reasons=None,
            indirect_crl=False,
            only_contains_attribute_certs=False,
        )
        return x509.IssuingDistributionPoint(**{**base, **kw})

    def checked(idp):
        policy = CertificatePolicy([root.certificate], crls=[root.crl(scope=idp)])
        return check(leaf, policy).revocation_checked

    assert checked(scope(only_contains_user_certs=True))
    assert not checked(scope(only_contains_ca_certs=True))
    assert checked(scope(full_name=[x509.UniformResourceIdentifier(url)]))
    assert not checked(scope(full_name=[x509.UniformResourceIdentifier(url + "?part=2")]))


# -- the company's USCC in the subject -----------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        [(NameOID.SERIAL_NUMBER, USCC_A)],
        [(NameOID.ORGANIZATION_IDENTIFIER, f"NTRCN-{USCC_A}")],
        [(NameOID.ORGANIZATIONAL_UNIT_NAME, f"统一社会信用代码:{USCC_A}")],
        [(NameOID.USER_ID, USCC_A.lower())],
        [(NameOID.SERIAL_NUMBER, "110105199001011232")],  # citizen ID: skipped ...
    ],
    ids=["serialNumber", "organizationIdentifier", "OU", "UID", "citizen-id-then-CN"],
)
def test_uscc_found_where_chinese_cas_put_it(extra):
    if extra[0][1].startswith("1101"):
        extra = [*extra, (NameOID.COMMON_NAME, f"某某公司({USCC_A})")]  # ... CN has it
    cert = _bare_cert(name("某某公司", *extra))
    assert certificate_uscc(cert) == USCC_A


def test_uscc_priority_serial_number_before_cn():
    cert = _bare_cert(
        name("某某公司", (NameOID.SERIAL_NUMBER, USCC_B), (NameOID.COMMON_NAME, USCC_A))
    )
    assert certificate_uscc(cert) == USCC_B


def test_no_uscc_and_bad_check_character():
    with pytest.raises(NoUsccError) as info:
        certificate_uscc(_bare_cert(name("张三", (NameOID.SERIAL_NUMBER, "110105199001011232"))))
    assert str(info.value) == "证书中没有统一社会信用代码"
    bad = USCC_A[:-1] + ("0" if USCC_A[-1] != "0" else "1")
    with pytest.raises(InvalidCertificateUsccError):
        certificate_uscc(_bare_cert(name("某某公司", (NameOID.SERIAL_NUMBER, bad))))


def test_wrong_company_message(root, ec_key):
    cert = root.issue(ec_key.public_key(), uscc=USCC_B)
    with pytest.raises(UsccMismatchError) as info:
        check(cert, CertificatePolicy([root.certificate]))
    assert str(info.value) == f"证书中的统一社会信用代码 {USCC_B} 与投标人 {USCC_A} 不符"
    assert (info.value.actual, info.value.expected) == (USCC_B, USCC_A)


# -- algorithms -----------------------------------------------------------------------

_ECDSA_SHA256 = bytes.fromhex("06082a8648ce3d040302")
_SM2_WITH_SM3 = bytes.fromhex("06082a811ccf55018375")
_P256 = bytes.fromhex("06082a8648ce3d030107")
_SM2_CURVE = bytes.fromhex("06082a811ccf5501822d")


def test_sm2_certificate_is_named_unsupported(root, ec_key):
    der = root.issue(ec_key.public_key()).public_bytes(serialization.Encoding.DER)
    # Same-length OIDs: the certificate now says SM2 key, SM2-with-SM3 signature.
    sm2 = x509.load_der_x509_certificate(
        der.replace(_ECDSA_SHA256, _SM2_WITH_SM3).replace(_P256, _SM2_CURVE)
    )
    with pytest.raises(UnsupportedCertificateAlgorithmError) as info:
        check(sm2, CertificatePolicy([root.certificate]))
    assert "SM2" in str(info.value)


def test_short_rsa_key_is_unsupported(root):
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(UnsupportedCertificateAlgorithmError) as info:
        check(root.issue(weak.public_key()), CertificatePolicy([root.certificate]))
    assert "RSA-1024" in str(info.value)


# -- trust directory ------------------------------------------------------------------


def test_policy_from_a_directory(tmp_path, root, inter, ec_key):
    pem = serialization.Encoding.PEM
    bundle = root.certificate.public_bytes(pem) + inter.certificate.public_bytes(pem)
    (tmp_path / "ca").mkdir()
    (tmp_path / "ca" / "zjca-chain.pem").write_bytes(bundle)
    (tmp_path / "inter.cer").write_bytes(inter.certificate.public_bytes(serialization.Encoding.DER))
    leaf = inter.issue(ec_key.public_key())
    (tmp_path / "zjca.crl").write_bytes(inter.crl([leaf]).public_bytes(serialization.Encoding.DER))
    (tmp_path / "root.crl").write_bytes(root.crl().public_bytes(pem))
    (tmp_path / "README.txt").write_text("not a certificate", encoding="utf-8")
    policy = CertificatePolicy.from_dir(tmp_path, require_revocation_data=True)
    assert list(policy.trust_roots) == [root.certificate]
    assert list(policy.intermediates) == [inter.certificate]  # duplicates merged
    assert len(policy.crls) == 2 and policy.require_revocation_data
    with pytest.raises(CertificateRevokedError):
        check(leaf, policy)
    assert check(inter.issue(ec_key.public_key()), policy).revocation_checked


def test_policy_directory_errors(tmp_path, inter):
    with pytest.raises(CertificatePolicyError) as info:
        CertificatePolicy.from_dir(tmp_path)
    assert str(info.value) == f"未配置受信任的根证书：{tmp_path}"
    (tmp_path / "inter.pem").write_bytes(inter.certificate.public_bytes(serialization.Encoding.PEM))
    with pytest.raises(CertificatePolicyError):  # an intermediate alone is no root
        CertificatePolicy.from_dir(tmp_path)
    (tmp_path / "broken.crt").write_bytes(b"\x30\x03garbage")
    with pytest.raises(CertificatePolicyError) as info:
        CertificatePolicy.from_dir(tmp_path)
    assert "broken.crt" in str(info.value)
    with pytest.raises(ValueError):
        CertificatePolicy([])


def test_every_error_is_user_facing_in_the_certcheck_context():
    texts = [v for k, v in vars(certerrors).items() if k.startswith("E_")]
    assert len(texts) >= 15
    assert all(t.context == "certcheck" for t in texts)
    assert issubclass(CertificateCheckError, certerrors.UserFacingError)


_ANY_CA: list[Ca] = []


def _bare_cert(subject: x509.Name) -> x509.Certificate:
    if not _ANY_CA:
        _ANY_CA.append(Ca("任意CA"))
    return _ANY_CA[0].issue(ec.generate_private_key(ec.SECP256R1()).public_key(), subject=subject)
