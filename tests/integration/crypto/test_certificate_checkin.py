"""Check-in with a company CA certificate on a USB key (SoftHSM2), through the
check-in service: the bidder's representative is recorded, a wrong certificate
or key is refused and the refusal recorded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from drivers.common import HeadlessHandler
from drivers.token import DemoCa, Pkcs11Module
from tests.support.softhsm import PIN, SoftHsmLab, softhsm_lab
from venue_client.crypto.certcheck import CertificatePolicy, make_challenge, prove_with_token
from venue_client.domain.checkin import FaceResult, Outcome
from venue_client.services.checkin import CheckInService
from venue_client.services.context import AppContext
from venue_client.services.demo import DEMO_PASSWORD, seed_demo
from venue_client.services.users import UserService
from venue_client.store.models import CheckIn, CheckInRefusal

VENUE = "330100-DEMO"


@pytest.fixture
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoftHsmLab]:
    with softhsm_lab(tmp_path_factory.mktemp("cert-checkin-hsm")) as lab:
        yield lab


def _present(module: Pkcs11Module, label: str, ref: str) -> tuple[object, bytes, bytes]:
    """What the desk does: read the certificate, have the token sign a fresh challenge."""
    token = module.open_token(label=label)
    try:
        certs = token.run(HeadlessHandler([]), lambda s: s.certificates()).result()
        cert = certs[0].certificate
        challenge = make_challenge(venue=VENUE, session=ref, now=datetime.now(UTC))
        signature = token.run(
            HeadlessHandler([PIN]), lambda s: prove_with_token(s, cert, challenge)
        ).result()
    finally:
        token.close()
    return cert, challenge, signature


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_certificate_checkin_records_the_representative(ctx: AppContext, lab: SoftHsmLab) -> None:
    seed_demo(ctx)
    service = CheckInService(ctx)
    operator = UserService(ctx).authenticate("desk", DEMO_PASSWORD)
    ref = "O1"
    bidder = service.roster(ref).rows[0].person
    ca, rogue = DemoCa("浙江省数字证书认证中心"), DemoCa("某不受信任的CA")
    good, stranger = (
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP256R1()),
    )
    for label, key, cert in (
        (
            "bidder",
            good,
            ca.issue(
                good.public_key(),
                name=bidder.company_name,
                uscc=bidder.company_code,
                usage="signature",
            ),
        ),
        (
            "rogue",
            stranger,
            rogue.issue(
                stranger.public_key(),
                name=bidder.company_name,
                uscc=bidder.company_code,
                usage="signature",
            ),
        ),
        (
            "wrong-key",
            stranger,
            ca.issue(
                good.public_key(),
                name=bidder.company_name,
                uscc=bidder.company_code,
                usage="signature",
            ),
        ),
    ):
        lab.init_token(label)
        lab.import_key(label, key, b"\x01")
        lab.import_cert(label, cert, b"\x01")
    module = lab.activate()
    policy = CertificatePolicy([ca.certificate])

    cert, challenge, signature = _present(module, "bidder", ref)
    proof, verdict, check = service.assess_certificate(
        ref, cert, challenge, signature, policy=policy, venue=VENUE
    )
    assert verdict.outcome is Outcome.PASSED and verdict.person == bidder
    assert check is not None and check.uscc == bidder.company_code
    service.record(ref, proof, verdict, operator=operator, desk="d", face=FaceResult.NOT_REQUIRED)
    with ctx.reading() as s:
        row = s.execute(select(CheckIn)).scalar_one()
        assert row.method == "certificate" and row.id_number == bidder.id_number

    for label in ("rogue", "wrong-key"):
        cert, challenge, signature = _present(module, label, ref)
        proof, verdict, check = service.assess_certificate(
            ref, cert, challenge, signature, policy=policy, venue=VENUE
        )
        assert verdict.outcome is Outcome.REFUSED and check is None, label
        assert verdict.refusal_code == "certificate"
        service.record(
            ref, proof, verdict, operator=operator, desk="d", face=FaceResult.NOT_REQUIRED
        )
    with ctx.reading() as s:
        reasons = [r.reason for r in s.execute(select(CheckInRefusal)).scalars()]
    assert any("受信任" in r for r in reasons) and any("私钥与证书不匹配" in r for r in reasons)
