"""The ``sim://`` token simulator: SoftHSM2 tokens when installed, software tokens
otherwise, through the same calls the app makes."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from drivers.common import HeadlessHandler
from drivers.token import (
    Pkcs11Token,
    RsaPadding,
    SimBidder,
    SoftToken,
    TokenRemovedError,
    TokenSimulator,
    certificate_fingerprint,
    certificate_uscc,
    find_recipient,
    verify_signature,
)

BIDDERS = [
    SimBidder("闽江建设工程有限公司", "91350100M000100Y43"),
    SimBidder("乙公司", "91110000600037341L"),
]


@pytest.fixture(params=["softhsm2", "softkeys"])
def simulator(request, lab):  # lab: SoftHSM2 is installed (else skipped)
    sim = TokenSimulator(BIDDERS, backend=request.param)
    yield sim
    sim.close()


def _exercise(token, key):
    """What the opening desk and check-in do with a bidder's token."""
    rsa_fp = certificate_fingerprint(key.rsa_certificate)
    content_key = os.urandom(32)
    wrapped = key.rsa_certificate.public_key().encrypt(
        content_key, RsaPadding.OAEP_SHA1.for_cryptography()
    )
    ephemeral = ec.generate_private_key(ec.SECP256R1())

    def work(session):
        certs = session.certificates()
        rsa_key = find_recipient(certs, [rsa_fp])
        ec_key = find_recipient(certs, [certificate_fingerprint(key.ec_certificate)])
        return (
            session.decrypt(rsa_key, wrapped, RsaPadding.OAEP_SHA1),
            session.derive_ecdh(ec_key, ephemeral.public_key()),
            session.sign(rsa_key, b"challenge"),
        )

    plain, secret, signature = token.run(HeadlessHandler([key.pin]), work).result(timeout=30)
    assert plain == content_key
    assert secret == ephemeral.exchange(ec.ECDH(), key.ec_certificate.public_key())
    assert verify_signature(key.rsa_certificate, b"challenge", signature)


def test_simulated_tokens_work_like_usb_keys(simulator):
    assert [t.label for t in sorted(simulator.tokens(), key=lambda t: t.label)] == [
        "BIDDER-01",
        "BIDDER-02",
    ]
    text, args = simulator.status()
    assert args == {"count": 2}
    if simulator.backend == "softhsm2":
        assert text == "模拟加密锁：SoftHSM2，{count} 个"
    else:
        assert "未安装 SoftHSM2" in text
    for label, key in simulator.keys.items():
        token = simulator.open_token(label)
        kind = Pkcs11Token if simulator.backend == "softhsm2" else SoftToken
        assert isinstance(token, kind)
        try:
            _exercise(token, key)
        finally:
            token.close()


def test_certificates_name_the_bidder_and_chain_to_the_demo_ca(simulator):
    key = simulator.keys["BIDDER-01"]
    for cert in (key.rsa_certificate, key.ec_certificate):
        cert.verify_directly_issued_by(simulator.ca.certificate)
        assert certificate_uscc(cert) == "91350100M000100Y43"
        assert key.bidder.name in cert.subject.rfc4514_string()


def test_software_token_can_be_pulled_out():
    sim = TokenSimulator(BIDDERS[:1], backend="softkeys")
    token = sim.open_token()
    assert isinstance(token, SoftToken)
    try:
        session = token.call(token.open_session, HeadlessHandler(["123456"]))
        (rsa_key, _) = token.call(session.certificates)
        token.remove()
        with pytest.raises(TokenRemovedError):
            token.call(session.sign, rsa_key, b"x")
        assert token.call(token.present) is False
        token.insert()
        assert token.call(session.sign, rsa_key, b"x")
    finally:
        token.close()
        sim.close()
