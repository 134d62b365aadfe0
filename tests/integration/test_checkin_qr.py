"""Check-in with a pass (QR code) issued by the platform, through the check-in
service on both databases: the person it names is recorded with the pass as
evidence; a forged, altered, foreign, expired or unknown pass is refused with its
own reason and the refusal recorded."""

from __future__ import annotations

import base64
import json
import random
from datetime import timedelta

import pytest
from sqlalchemy import select

from venue_client.audit.note import Signer, generate_signer_key
from venue_client.crypto.qrpass import (
    E_EXPIRED,
    E_NO_KEYS,
    E_NOT_PASS,
    E_NOT_YET,
    E_OTHER_SECTION,
    E_SIGNATURE,
    PREFIX,
    PassError,
    issue_pass,
    verifiers_from,
)
from venue_client.domain.checkin import R_UNKNOWN, FaceResult, Outcome
from venue_client.domain.synthetic import make_citizen_id
from venue_client.services.checkin import CheckInService
from venue_client.services.context import AppContext
from venue_client.services.demo import DEMO_PASSWORD, seed_demo
from venue_client.services.users import UserService
from venue_client.store.log_models import AuditEvent
from venue_client.store.models import CheckIn, CheckInRefusal


@pytest.fixture
def platform() -> Signer:
    return Signer.from_key(generate_signer_key("ggzy.hangzhou.example"))


def _setup(ctx: AppContext) -> tuple[CheckInService, str]:
    seed_demo(ctx)
    return CheckInService(ctx), "O1"


def _pass(service: CheckInService, ref: str, signer: Signer, **over: object) -> str:
    roster = service.roster(ref)
    person = roster.rows[0].person
    now = service.ctx.clock.now()
    fields: dict[str, object] = {
        "section": roster.section_code,
        "kind": "opening",
        "id_number": person.id_number,
        "org": person.company_code,
        "valid_from": now - timedelta(hours=1),
        "valid_until": now + timedelta(hours=4),
    }
    fields.update(over)
    return issue_pass(signer, **fields)  # type: ignore[arg-type]


def test_a_valid_pass_checks_the_person_in(ctx: AppContext, platform: Signer) -> None:
    service, ref = _setup(ctx)
    person = service.roster(ref).rows[0].person
    code = _pass(service, ref, platform, pass_id="P-0001")
    proof, verdict, found = service.assess_pass(ref, code, verifiers=[platform.verifier()])
    assert verdict.outcome is Outcome.PASSED and verdict.person == person
    assert found is not None and found.pass_id == "P-0001"
    operator = UserService(ctx).authenticate("desk", DEMO_PASSWORD)
    service.record(
        ref,
        proof,
        verdict,
        operator=operator,
        desk="d",
        face=FaceResult.NOT_REQUIRED,
        evidence=found.evidence(),
    )
    with ctx.reading() as s:
        row = s.execute(select(CheckIn)).scalar_one()
        assert (row.method, row.id_number) == ("qr", person.id_number)
        event = s.execute(
            select(AuditEvent).where(AuditEvent.type == "checkin.recorded")
        ).scalar_one()
    payload = json.loads(event.payload)
    assert payload["evidence"]["pass"] == "P-0001" and payload["method"] == "qr"
    assert person.id_number not in event.payload  # only the masked number and its hash
    # The same pass again: the existing record, never a second one.
    _, again, _ = service.assess_pass(ref, code, verifiers=[platform.verifier()])
    assert again.outcome is Outcome.ALREADY


def test_a_pass_names_the_person_by_a_salted_hash_not_the_number(
    ctx: AppContext, platform: Signer
) -> None:
    service, ref = _setup(ctx)
    person = service.roster(ref).rows[0].person
    code = _pass(service, ref, platform)
    raw = base64.urlsafe_b64decode(code[len(PREFIX) :] + "==")
    assert person.id_number.encode() not in raw
    assert "\n" not in code and code.startswith(PREFIX)  # one line for wedge scanners


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_bad_passes_are_refused_with_their_reason(ctx: AppContext, platform: Signer) -> None:
    service, ref = _setup(ctx)
    now = ctx.clock.now()
    keys = [platform.verifier()]
    forger = Signer.from_key(generate_signer_key("ggzy.hangzhou.example"))
    stranger = make_citizen_id(random.Random(99), region="330199")
    good = _pass(service, ref, platform)
    body = bytearray(base64.urlsafe_b64decode(good[len(PREFIX) :] + "=="))
    body[body.index(b"kind opening") + 5] ^= 0x01  # one bit of the signed text
    altered = PREFIX + base64.urlsafe_b64encode(bytes(body)).decode().rstrip("=")
    cases = [
        (_pass(service, ref, forger), E_SIGNATURE),
        (altered, E_SIGNATURE),
        (_pass(service, ref, platform, section="A3301999999999999001"), E_OTHER_SECTION),
        (_pass(service, ref, platform, kind="evaluation"), E_OTHER_SECTION),
        (_pass(service, ref, platform, valid_until=now - timedelta(minutes=1)), E_EXPIRED),
        (_pass(service, ref, platform, valid_from=now + timedelta(hours=2)), E_NOT_YET),
        ("https://example.com/not-a-pass", E_NOT_PASS),
        (PREFIX + "!!!", None),
    ]
    for code, reason in cases:
        _, verdict, _ = service.assess_pass(ref, code, verifiers=keys)
        assert verdict.outcome is Outcome.REFUSED, code
        if reason is not None:
            assert verdict.reasons[0].text == reason, (code, verdict.reasons)
    _, unknown, _ = service.assess_pass(
        ref, _pass(service, ref, platform, id_number=stranger), verifiers=keys
    )
    assert unknown.reasons[0].text == R_UNKNOWN
    _, no_keys, _ = service.assess_pass(ref, good, verifiers=[])
    assert no_keys.reasons[0].text == E_NO_KEYS
    operator = UserService(ctx).authenticate("desk", DEMO_PASSWORD)
    proof, verdict, _ = service.assess_pass(ref, _pass(service, ref, forger), verifiers=keys)
    service.record(ref, proof, verdict, operator=operator, desk="d", face=FaceResult.NOT_REQUIRED)
    with ctx.reading() as s:
        refusal = s.execute(select(CheckInRefusal)).scalar_one()
    assert refusal.code == "qr" and "签名" in refusal.reason


def test_configured_keys_parse_and_garbage_keys_are_named(platform: Signer) -> None:
    other = Signer.from_key(generate_signer_key("backup.example"))
    keys = verifiers_from(f" {platform.verifier_key()}\n {other.verifier_key()} ")
    assert [k.name for k in keys] == ["ggzy.hangzhou.example", "backup.example"]
    with pytest.raises(PassError) as err:
        verifiers_from("not+a+key")
    assert "qr_keys" in str(err.value)
