"""Company CA certificate check-in with real tokens: SoftHSM2 holds each bidder's key
and certificate (written with OpenSC, as a CA's issuing station would), the
driver reads the certificate and signs the desk's challenge on the token's owner
thread, and the check decides. Keys, CAs, certificates and CRLs are made here.

Tokens (one per bidder situation):

- ``acme``: RSA-2048 (CKA_ID 01) and EC P-256 (CKA_ID 02), certificates from the
  trusted CA for USCC A
- ``expired``: an EC key whose certificate expired last month
- ``other-company``: a certificate for USCC B
- ``wrong-key``: a certificate for USCC A filed with a key that is not its key
- ``rogue``: a certificate for USCC A from a CA the venue does not trust
- ``revoked``: an RSA certificate for USCC A on the trusted CA's CRL
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.common import HeadlessHandler
from drivers.token import DemoCa, KeyCertificate, Pkcs11Module, Pkcs11Token
from tests.support.softhsm import PIN, SoftHsmLab, softhsm_lab
from tests.unit.crypto.pki import USCC_A, USCC_B, now
from venue_client.crypto.certcheck import (
    CertificateCheck,
    CertificateExpiredError,
    CertificatePolicy,
    CertificateRevokedError,
    PrivateKeyMismatchError,
    RevocationUnknownError,
    UntrustedCertificateError,
    UsccMismatchError,
    make_challenge,
    prove_with_token,
    verify_company_certificate,
    verify_possession,
)

VENUE, SESSION = "hz-branch-3", "opening-2025-0042"
COMPANY = "杭州某某建设工程有限公司"


@dataclass
class Pki:
    hsm: SoftHsmLab
    trusted: DemoCa
    revoked: x509.Certificate
    policy: CertificatePolicy


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pki]:
    with softhsm_lab(tmp_path_factory.mktemp("certcheck-hsm")) as hsm:
        trusted, rogue = DemoCa("浙江省数字证书认证中心"), DemoCa("浙江省数字证书认证中心")
        rsa_keys = [
            rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2)
        ]

        def ec_key() -> ec.EllipticCurvePrivateKey:
            return ec.generate_private_key(ec.SECP256R1())

        def put(label: str, key, cert: x509.Certificate, key_id: bytes = b"\x01") -> None:
            hsm.import_key(label, key, key_id)
            hsm.import_cert(label, cert, key_id)

        def issue(ca: DemoCa, public, uscc: str = USCC_A, **kw) -> x509.Certificate:
            return ca.issue(public, name=COMPANY, uscc=uscc, usage="signature", **kw)

        for label in ("acme", "expired", "other-company", "wrong-key", "rogue", "revoked"):
            hsm.init_token(label)
        put("acme", rsa_keys[0], issue(trusted, rsa_keys[0].public_key()))
        acme_ec = ec_key()
        put("acme", acme_ec, issue(trusted, acme_ec.public_key()), b"\x02")
        old = ec_key()
        start = now() - timedelta(days=400)
        expired = issue(
            trusted, old.public_key(), not_before=start, not_after=now() - timedelta(days=30)
        )
        put("expired", old, expired)
        other = ec_key()
        put("other-company", other, issue(trusted, other.public_key(), uscc=USCC_B))
        # The certificate of one key, filed on the token with another key.
        put("wrong-key", ec_key(), issue(trusted, ec_key().public_key()))
        stranger = ec_key()
        put("rogue", stranger, issue(rogue, stranger.public_key()))
        revoked = issue(trusted, rsa_keys[1].public_key())
        put("revoked", rsa_keys[1], revoked)
        policy = CertificatePolicy([trusted.certificate], crls=[_crl(trusted, [revoked])])
        hsm.activate()
        yield Pki(hsm, trusted, revoked, policy)
    if "SOFTHSM2_CONF" in os.environ:  # hand the process's SoftHSM back to whoever had it
        Pkcs11Module(hsm.module_path).reload()


@pytest.fixture
def open_token(pki: Pki) -> Iterator[Callable[[str], Pkcs11Token]]:
    module = (
        pki.hsm.activate()
        if os.environ.get("SOFTHSM2_CONF") != str(pki.hsm.conf)
        else Pkcs11Module(pki.hsm.module_path)
    )
    opened: list[Pkcs11Token] = []

    def open_(label: str) -> Pkcs11Token:
        token = module.open_token(label=label)
        opened.append(token)
        return token

    yield open_
    for token in opened:
        token.close()


def certificate_on(token: Pkcs11Token, kind: str = "ec") -> x509.Certificate:
    keys: list[KeyCertificate] = token.run(HeadlessHandler([]), lambda s: s.certificates()).result()
    return next(k.certificate for k in keys if k.kind == kind)


def check_in(
    token: Pkcs11Token, policy: CertificatePolicy, *, kind: str = "ec", uscc: str = USCC_A
) -> CertificateCheck:
    """What the desk does: read the certificate (no PIN), check it, have the token
    sign a fresh challenge (PIN), verify the signature."""
    cert = certificate_on(token, kind)
    result = verify_company_certificate(cert, expected_uscc=uscc, policy=policy, now=now())
    challenge = make_challenge(venue=VENUE, session=SESSION, now=now())
    signature = sign(token, cert, challenge)
    verify_possession(cert, challenge, signature, venue=VENUE, session=SESSION, now=now())
    return result


def sign(token: Pkcs11Token, cert: x509.Certificate, challenge: bytes) -> bytes:
    handler = HeadlessHandler([PIN])
    return token.run(handler, lambda s: prove_with_token(s, cert, challenge)).result()


@pytest.mark.parametrize("kind", ["rsa", "ec"])
def test_bidder_with_a_valid_certificate_checks_in(open_token, pki, kind):
    result = check_in(open_token("acme"), pki.policy, kind=kind)
    assert result.uscc == USCC_A
    assert result.company_name == COMPANY
    assert result.key_algorithm == ("RSA-2048" if kind == "rsa" else "EC-P-256")
    assert result.revocation_checked is True  # the CA's CRL is current and complete
    assert result.trust_anchor == pki.trusted.certificate.subject.rfc4514_string()


def test_expired_certificate_is_refused(open_token, pki):
    with pytest.raises(CertificateExpiredError) as info:
        check_in(open_token("expired"), pki.policy)
    assert "过期" in str(info.value)


def test_certificate_of_another_company_is_refused(open_token, pki):
    with pytest.raises(UsccMismatchError) as info:
        check_in(open_token("other-company"), pki.policy)
    assert str(info.value) == f"证书中的统一社会信用代码 {USCC_B} 与投标人 {USCC_A} 不符"


def test_token_whose_key_is_not_the_certificates_is_refused(open_token, pki):
    token = open_token("wrong-key")
    cert = certificate_on(token)
    # The certificate alone is fine: only the signature shows the key is not its key.
    verify_company_certificate(cert, expected_uscc=USCC_A, policy=pki.policy, now=now())
    challenge = make_challenge(venue=VENUE, session=SESSION, now=now())
    signature = sign(token, cert, challenge)  # the token signs, with the key filed there
    with pytest.raises(PrivateKeyMismatchError) as info:
        verify_possession(cert, challenge, signature, venue=VENUE, session=SESSION, now=now())
    assert str(info.value) == "私钥与证书不匹配"


def test_certificate_presented_without_its_token_is_refused(open_token, pki):
    """A copy of the bidder's certificate (public) with somebody else's USB key."""
    bidder_cert = certificate_on(open_token("acme"), "ec")
    challenge = make_challenge(venue=VENUE, session=SESSION, now=now())
    with pytest.raises(PrivateKeyMismatchError):
        sign(open_token("other-company"), bidder_cert, challenge)


def test_certificate_from_an_untrusted_ca_is_refused(open_token, pki):
    with pytest.raises(UntrustedCertificateError) as info:
        check_in(open_token("rogue"), pki.policy)
    assert str(info.value) == "证书不是由受信任的 CA 签发"


def test_revoked_certificate_is_refused(open_token, pki):
    with pytest.raises(CertificateRevokedError) as info:
        check_in(open_token("revoked"), pki.policy, kind="rsa")
    assert info.value.serial == format(pki.revoked.serial_number, "X")
    assert "被吊销" in str(info.value)


def test_without_revocation_data_the_result_says_so(open_token, pki):
    lax = CertificatePolicy([pki.trusted.certificate])
    assert check_in(open_token("acme"), lax).revocation_checked is False
    strict = CertificatePolicy([pki.trusted.certificate], require_revocation_data=True)
    with pytest.raises(RevocationUnknownError):
        check_in(open_token("acme"), strict)


@pytest.mark.parametrize("kind", ["rsa", "ec"])
def test_tampered_challenge_or_signature_is_refused(open_token, pki, kind):
    token = open_token("acme")
    cert = certificate_on(token, kind)
    challenge = make_challenge(venue=VENUE, session=SESSION, now=now())
    signature = sign(token, cert, challenge)
    args = {"venue": VENUE, "session": SESSION, "now": now()}
    verify_possession(cert, challenge, signature, **args)
    other = make_challenge(venue=VENUE, session=SESSION, now=now())  # another nonce
    with pytest.raises(PrivateKeyMismatchError):
        verify_possession(cert, other, signature, **args)
    damaged = bytearray(signature)
    damaged[-1] ^= 0x01
    with pytest.raises(PrivateKeyMismatchError):
        verify_possession(cert, challenge, bytes(damaged), **args)


def _crl(ca: DemoCa, revoked: list[x509.Certificate]) -> x509.CertificateRevocationList:
    issued = now() - timedelta(hours=1)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.certificate.subject)
        .last_update(issued)
        .next_update(issued + timedelta(days=7))
    )
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(issued - timedelta(days=1))
            .build()
        )
    return builder.sign(ca.key, hashes.SHA256())
