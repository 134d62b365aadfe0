"""签名确认 with the company's USB key: the key signs the record as it stands; a
certificate of another company or from an untrusted CA, a signature by another key,
a stale challenge and a record that changed after signing are each refused with
their own reason and record nothing; what is kept verifies later on its own."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from tests.integration.test_opening_service import (
    FakeOpener,
    Hall,
    _events,
    _hall,
    _open_decryption,
)
from tests.support.confirm_keys import VENUE, CompanyKeys
from venue_client.crypto.certerrors import (
    ChallengeError,
    PrivateKeyMismatchError,
    UntrustedCertificateError,
    UsccMismatchError,
)
from venue_client.crypto.certproof import verify_possession
from venue_client.domain.opening import OpeningError
from venue_client.services.certsignin import SignedChallenge
from venue_client.services.checkin import CheckInService
from venue_client.services.context import AppContext
from venue_client.services.opening_signed import DIGEST_FIELD, E_RECORD_CHANGED
from venue_client.store.opening_models import OpeningConfirmation


@pytest.fixture
def hall(ctx: AppContext) -> Hall:
    return _hall(ctx)


def _to_confirmation(hall: Hall) -> tuple[dict[int, int], list[str], int]:
    """Decryption done, an objection raised, the record out for confirmation. The
    check-in ids, their companies, and the objection."""
    checkins = _open_decryption(hall)
    opener = FakeOpener()
    for _bidder, bid, _code in hall.bidders[:4]:
        hall.service.decrypt_bid(hall.ref, bid, opener, operator=hall.desk)
    deadline = hall.service.status(hall.ref).deadline
    assert deadline is not None
    hall.clock.at = deadline
    hall.service.close_decryption(hall.ref, operator=hall.desk)
    objection = hall.service.raise_objection(hall.ref, checkins[2], "请核查", operator=hall.desk)
    hall.service.begin_confirmation(hall.ref, operator=hall.desk)
    rows = CheckInService(hall.ctx).roster(hall.ref).rows
    return checkins, [r.person.company_code for r in rows], objection


def test_refusals_then_a_confirmation_that_verifies_later(ctx: AppContext, hall: Hall) -> None:
    checkins, companies, objection = _to_confirmation(hall)
    service, desk, keys = hall.service, hall.desk, CompanyKeys()
    cid, company = checkins[0], companies[0]

    def confirm(signed: SignedChallenge, policy: object = None) -> int:
        return service.confirm_signed(
            hall.ref, cid, signed, policy=policy or keys.policy(), venue=VENUE, operator=desk
        )

    with pytest.raises(UsccMismatchError):  # another company's certificate
        confirm(keys.sign(service, hall.ref, companies[1]))
    with pytest.raises(UntrustedCertificateError):  # a CA the venue does not trust
        confirm(keys.sign(service, hall.ref, company), CompanyKeys().policy())
    good = keys.sign(service, hall.ref, company)
    stranger = ec.generate_private_key(ec.SECP256R1())
    forged = stranger.sign(good.challenge, ec.ECDSA(hashes.SHA256()))
    with pytest.raises(PrivateKeyMismatchError):  # signed by a key not the certificate's
        confirm(SignedChallenge(good.certificate, good.challenge, forged))
    with pytest.raises(ChallengeError):  # signed for another session
        confirm(keys.sign(service, hall.ref, company, subject=f"O999{DIGEST_FIELD}{'0' * 64}"))
    hall.clock.advance(minutes=10)
    with pytest.raises(ChallengeError):  # signed, then left too long
        confirm(good)
    signed = keys.sign(service, hall.ref, company)
    service.answer_objection(hall.ref, objection, "已核查", operator=desk)  # the record changed
    with pytest.raises(OpeningError) as err:
        confirm(signed)
    assert err.value.text == E_RECORD_CHANGED
    assert not [t for t, _p in _events(ctx) if t == "opening.confirmed"]

    confirm(keys.sign(service, hall.ref, company))
    with pytest.raises(OpeningError):  # once per person
        confirm(keys.sign(service, hall.ref, company))
    with ctx.reading() as s:
        row = s.execute(select(OpeningConfirmation)).scalar_one()
        assert row.method == "signature" and row.checkin_id == cid
        statement, signature = row.signed_text.encode(), base64.b64decode(row.signature_b64)
        cert = x509.load_pem_x509_certificate(row.certificate_pem.encode())
    subject = service.confirmation_subject(hall.ref)
    verify_possession(cert, statement, signature, venue=VENUE, session=subject,
                      now=hall.clock.now(), max_age=timedelta(days=3650))  # fmt: skip
    [event] = [p for t, p in _events(ctx) if t == "opening.confirmed"]
    assert event["method"] == "signature" and event["record_sha256"] == subject.split("=")[-1]
    assert len(event["certificate_sha256"]) == 64 and "BEGIN" not in json.dumps(event)
    record = service.record_data(hall.ref)
    assert [c.method for c in record.confirmations] == ["signature"]
