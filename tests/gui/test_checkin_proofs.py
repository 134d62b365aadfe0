"""The desk's alternative proofs driven as staff use them: CA 证书签到 (F6) with real
SoftHSM2 tokens and a test CA (valid, expired, another company, wrong key, wrong
PIN), and 二维码签到 (F7) with a platform-signed pass typed in by a keyboard-wedge
scanner; in demo mode F10 issues and scans a pass."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from PySide6.QtCore import Qt
from sqlalchemy import select

from drivers.token import DemoCa
from tests.support.softhsm import PIN, SoftHsmLab, softhsm_lab
from venue_client.audit.note import Signer, generate_signer_key
from venue_client.config import CheckinSettings, DeviceSettings
from venue_client.crypto.qrpass import issue_pass
from venue_client.domain.synthetic import make_uscc
from venue_client.services.devices import DeviceRegistry
from venue_client.store.log_models import AuditEvent
from venue_client.store.models import CheckIn, CheckInRefusal
from venue_client.ui.pages.checkin import CheckInPage

from .helpers import TIMEOUT, login, type_text
from .test_checkin_desk import demo_opening


@dataclass
class ProofDesk:
    window: Any
    page: CheckInPage
    ref: str

    @property
    def ctx(self) -> Any:
        return self.window.env.ctx

    def checkins(self) -> list[CheckIn]:
        with self.ctx.reading() as s:
            return list(s.execute(select(CheckIn)).scalars())

    def refusals(self) -> list[CheckInRefusal]:
        with self.ctx.reading() as s:
            return list(s.execute(select(CheckInRefusal)).scalars())


def _open_desk(qtbot: Any, window: Any, registry: DeviceRegistry | None) -> ProofDesk:
    window.env.devices = registry
    page = window.shell.pages["checkin"]
    assert isinstance(page, CheckInPage)
    ref = demo_opening(window)
    login(qtbot, window, "desk")
    qtbot.waitUntil(lambda: page.picker.count() > 0, timeout=TIMEOUT)
    page.picker.choose(ref)
    qtbot.waitUntil(lambda: page.roster is not None and page.roster.session == ref, timeout=TIMEOUT)
    return ProofDesk(window, page, ref)


@pytest.fixture
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoftHsmLab]:
    with softhsm_lab(tmp_path_factory.mktemp("desk-hsm")) as lab:
        yield lab


@pytest.fixture
def cert_desk(qtbot: Any, make_window: Any, lab: SoftHsmLab) -> Iterator[tuple[ProofDesk, dict]]:
    window = make_window()
    ctx = window.env.ctx
    ref = demo_opening(window)
    bidder = _roster(window, ref)[0].person
    ca = DemoCa("浙江省数字证书认证中心")
    now = datetime.now(UTC)
    good, other = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    company, uscc = bidder.company_name, bidder.company_code
    stranger_uscc = make_uscc(random.Random(7))
    tokens = {
        "VALID": (good, ca.issue(good.public_key(), name=company, uscc=uscc, usage="signature")),
        "EXPIRED": (
            good,
            ca.issue(
                good.public_key(),
                name=company,
                uscc=uscc,
                usage="signature",
                not_before=now - timedelta(days=400),
                not_after=now - timedelta(days=2),
            ),
        ),
        "OTHERCO": (
            good,
            ca.issue(good.public_key(), name="某某无关公司", uscc=stranger_uscc, usage="signature"),
        ),
        "WRONGKEY": (
            other,
            ca.issue(good.public_key(), name=company, uscc=uscc, usage="signature"),
        ),
    }
    for label, (key, cert) in tokens.items():
        lab.init_token(label)
        lab.import_key(label, key, b"\x01")
        lab.import_cert(label, cert, b"\x01")
    module = lab.activate()
    ca_dir = ctx.settings.data_dir / "ca"
    ca_dir.mkdir(exist_ok=True)
    (ca_dir / "root.pem").write_bytes(ca.certificate.public_bytes(serialization.Encoding.PEM))
    settings = replace(ctx.settings, devices=DeviceSettings(token_module=str(lab.module_path)))
    registry = DeviceRegistry(settings, ctx.bus)
    registry.start()
    registry.devices["token"].module = module  # type: ignore[attr-defined]
    desk = _open_desk(qtbot, window, registry)
    yield desk, {"bidder": bidder, "uscc": uscc}
    registry.stop()


def _roster(window: Any, ref: str) -> list[Any]:
    from venue_client.services.checkin import CheckInService

    return CheckInService(window.env.ctx).roster(ref).rows


def _present(qtbot: Any, desk: ProofDesk, label: str, pin: str = PIN) -> Any:
    """F6, click the key in the list, wait for its certificate, type the PIN, Enter."""
    qtbot.waitUntil(desk.window.isActiveWindow, timeout=TIMEOUT)
    qtbot.keyClick(desk.page, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: desk.page.dialog is not None, timeout=TIMEOUT)
    dialog = desk.page.dialog
    qtbot.waitUntil(lambda: dialog.tokens.count() == 4, timeout=TIMEOUT)
    item = next(
        dialog.tokens.item(i)
        for i in range(dialog.tokens.count())
        if dialog.tokens.item(i).text().startswith(label + "（")
    )
    dialog.tokens.scrollToItem(item)  # as a user scrolls the list
    rect = dialog.tokens.visualItemRect(item)
    qtbot.mouseClick(dialog.tokens.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dialog.key is not None, timeout=TIMEOUT)
    assert dialog.key.label == label, dialog.feedback.text()
    qtbot.waitUntil(dialog.pin.hasFocus, timeout=TIMEOUT)
    type_text(qtbot, dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    return dialog


def _wait(qtbot: Any, desk: ProofDesk, state: str) -> None:
    qtbot.waitUntil(lambda: desk.page.result.state == state, timeout=TIMEOUT)


def test_certificate_checkin_on_a_usb_key(qtbot: Any, cert_desk: Any) -> None:
    desk, facts = cert_desk
    bidder = facts["bidder"]
    # A wrong PIN is said in the dialog, which stays open for another try.
    dialog = _present(qtbot, desk, "VALID", pin="000000")
    qtbot.waitUntil(lambda: "PIN" in dialog.feedback.text(), timeout=TIMEOUT)
    assert desk.page.dialog is dialog and dialog.pin.text() == ""
    assert facts["uscc"] in dialog.cert_info.text()
    type_text(qtbot, dialog.pin, PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    _wait(qtbot, desk, "passed")
    assert desk.page.result.name.text() == bidder.name
    assert "CA 证书" in desk.page.result.info.text()
    [row] = desk.checkins()
    assert (row.method, row.id_number) == ("certificate", bidder.id_number)
    with desk.ctx.reading() as s:
        event = s.execute(
            select(AuditEvent).where(AuditEvent.type == "checkin.recorded")
        ).scalar_one()
    evidence = json.loads(event.payload)["evidence"]
    assert evidence["uscc"] == facts["uscc"] and evidence["trust_anchor"]


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("EXPIRED", "过期"),
        ("OTHERCO", "证书单位与名单中的投标人不符"),
        ("WRONGKEY", "私钥与证书不匹配"),
    ],
)
def test_bad_certificates_are_refused_and_recorded(
    qtbot: Any, cert_desk: Any, label: str, reason: str
) -> None:
    desk, _ = cert_desk
    _present(qtbot, desk, label)
    _wait(qtbot, desk, "refused")
    assert reason in desk.page.result.reasons.text()
    assert desk.checkins() == []
    [refusal] = desk.refusals()
    assert reason in refusal.reason


def test_qr_pass_scanned_by_a_wedge_scanner(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    platform = Signer.from_key(generate_signer_key("ggzy.hangzhou.example"))
    ctx = window.env.ctx
    ctx.settings = replace(ctx.settings, checkin=CheckinSettings(qr_keys=platform.verifier_key()))
    desk = _open_desk(qtbot, window, None)
    roster = desk.page.roster
    person = roster.rows[1].person
    now = ctx.clock.now()
    code = issue_pass(
        platform,
        section=roster.section_code,
        kind="opening",
        id_number=person.id_number,
        org=person.company_code,
        valid_from=now - timedelta(hours=1),
        valid_until=now + timedelta(hours=3),
    )
    qtbot.keyClick(desk.page, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: desk.page.dialog is not None, timeout=TIMEOUT)
    dialog = desk.page.dialog
    qtbot.waitUntil(dialog.code.hasFocus, timeout=TIMEOUT)
    type_text(qtbot, dialog.code, code)  # the scanner types, then presses Enter
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    _wait(qtbot, desk, "passed")
    assert desk.page.result.name.text() == person.name
    assert "二维码" in desk.page.result.info.text()
    [row] = desk.checkins()
    assert (row.method, row.id_number) == ("qr", person.id_number)
    # The same code again shows the record; a forged one is refused.
    forger = Signer.from_key(generate_signer_key("ggzy.hangzhou.example"))
    forged = issue_pass(
        forger,
        section=roster.section_code,
        kind="opening",
        id_number=person.id_number,
        org=person.company_code,
        valid_from=now - timedelta(hours=1),
        valid_until=now + timedelta(hours=3),
    )
    desk.page.proofs.scanned(code)
    _wait(qtbot, desk, "already")
    desk.page.proofs.scanned(forged)
    _wait(qtbot, desk, "refused")
    assert "签名无效" in desk.page.result.reasons.text()
    assert len(desk.checkins()) == 1


def test_demo_pass_button_checks_the_next_person_in(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    desk = _open_desk(qtbot, window, None)
    assert desk.page.demo_qr_button.isVisible()
    first = desk.page.roster.rows[0].person
    qtbot.keyClick(desk.page, Qt.Key.Key_F10)
    _wait(qtbot, desk, "passed")
    assert desk.page.result.name.text() == first.name
    assert [c.method for c in desk.checkins()] == ["qr"]
