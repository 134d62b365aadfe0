"""A whole bid opening at the desk with the demo day, driven as the host does it:
bids sealed in VBE1 to simulated USB keys (SoftHSM2), the opening time reached on
the trusted clock, bidders decrypting at the desk — one with the wrong key first,
one who arrived late, one by the platform backup key with a supervisor's approval,
one never (withdrawn at the deadline) — the table filling in, an objection
answered on the spot, confirmations, the session closed; the large screen follows."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from venue_client.config import DeviceSettings
from venue_client.domain.checkin import FaceResult, Method, Outcome, Proof
from venue_client.services.checkin import CheckInService
from venue_client.services.devices import DeviceRegistry
from venue_client.services.users import UserService
from venue_client.store.log_models import AuditEvent
from venue_client.store.models import Bid, CreditRestriction
from venue_client.ui.opening.bids_model import PRICE, STATE
from venue_client.ui.pages.opening import OpeningPage

from .helpers import DEMO_PASSWORD, TIMEOUT, click, login, type_text
from .test_checkin_desk import demo_opening

PIN = "123456"  # the simulator's PIN
SLOW = 60_000  # ms: key generation and sealing for six simulated keys


@dataclass
class Hall:
    window: Any
    page: OpeningPage
    registry: DeviceRegistry
    ref: str

    @property
    def ctx(self) -> Any:
        return self.window.env.ctx

    @property
    def desk(self) -> Any:
        return self.page.desk

    def state(self) -> str:
        return str(self.desk.status.state) if self.desk.status else ""

    def row(self, org_code: str) -> int:
        return next(i for i, b in enumerate(self.desk.model.bids) if b.org_code == org_code)

    def bid(self, org_code: str) -> Any:
        return self.desk.model.bids[self.row(org_code)]

    def label_of(self, org_code: str) -> str:
        simulator = self.registry.devices["token"].module  # type: ignore[attr-defined]
        return next(k.label for k in simulator.keys.values() if k.bidder.uscc == org_code)


def _jump_to(ctx: Any, moment: datetime) -> None:
    """Move the trusted clock (as a platform time sync would)."""
    ctx.clock.set_offset(moment - datetime.now(UTC), "platform")


def _check_in(hall: Hall, index: int) -> str:
    service = CheckInService(hall.ctx)
    users = UserService(hall.ctx)
    desk_user = users.authenticate("desk", DEMO_PASSWORD)
    row = service.roster(hall.ref).rows[index]
    proof = Proof(Method.CARD, id_number=row.person.id_number, valid_to=date(2035, 1, 1))
    verdict = service.assess(hall.ref, proof, face=FaceResult.PASS, face_score="0.3")
    approver = None
    if verdict.outcome is Outcome.NEEDS_SUPERVISOR:
        approver = service.approver("supervisor", DEMO_PASSWORD, operator=desk_user)
    service.record(
        hall.ref,
        proof,
        verdict,
        operator=desk_user,
        desk="KB-01-1",
        face=FaceResult.PASS,
        approver=approver,
    )
    return row.person.company_code


def _step(qtbot: Any, hall: Hall, expected: str) -> None:
    click(qtbot, hall.desk.step_button)
    qtbot.waitUntil(lambda: hall.state() == expected, timeout=TIMEOUT)


def _select(qtbot: Any, hall: Hall, org_code: str) -> None:
    row = hall.row(org_code)
    rect = hall.desk.table.visualRect(hall.desk.model.index(row, 0))
    qtbot.mouseClick(hall.desk.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert hall.desk.selected_bid() == hall.desk.model.bids[row].bid_id


def _decrypt_with_key(qtbot: Any, hall: Hall, org_code: str, key_of: str) -> None:
    """Select the bidder's row, F6, choose the key of ``key_of``, PIN, Enter."""
    qtbot.waitUntil(hall.window.isActiveWindow, timeout=TIMEOUT)  # a dialog may just have closed
    _select(qtbot, hall, org_code)
    qtbot.keyClick(hall.desk.table, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: hall.desk.dialog is not None, timeout=TIMEOUT)
    _use_key(qtbot, hall, hall.desk.dialog, hall.label_of(key_of))


def _use_key(qtbot: Any, hall: Hall, dialog: Any, label: str) -> None:
    """In the USB key dialog: choose the key ``label``, type the PIN, Enter."""
    qtbot.waitUntil(lambda: dialog.tokens.count() >= 5, timeout=SLOW)
    item = next(
        dialog.tokens.item(i)
        for i in range(dialog.tokens.count())
        if dialog.tokens.item(i).text().startswith(label + "（")
    )
    dialog.tokens.scrollToItem(item)
    qtbot.mouseClick(
        dialog.tokens.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.tokens.visualItemRect(item).center(),
    )
    qtbot.waitUntil(lambda: dialog.key is not None and dialog.key.label == label, timeout=TIMEOUT)
    type_text(qtbot, dialog.pin, PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hall.desk.dialog is None, timeout=TIMEOUT)


def _settled(qtbot: Any, hall: Hall, org_code: str, state: str) -> None:
    try:
        qtbot.waitUntil(lambda: hall.bid(org_code).state == state, timeout=SLOW)
    except Exception:
        raise AssertionError((hall.bid(org_code), hall.desk.message.text())) from None


@pytest.fixture
def hall(qtbot: Any, make_window: Any) -> Any:
    window = make_window()
    ctx = window.env.ctx
    settings = replace(ctx.settings, devices=DeviceSettings(token_module="sim://"))
    registry = DeviceRegistry(settings, ctx.bus)
    registry.start()
    window.env.devices = registry
    ref = demo_opening(window)
    login(qtbot, window, "desk")
    window.shell.show_page("opening")
    page = window.shell.pages["opening"]
    assert isinstance(page, OpeningPage)
    qtbot.waitUntil(lambda: page.desk.ref == ref, timeout=TIMEOUT)

    # Demo mode seals the day's bids to this run's simulated keys.
    def sealed() -> bool:
        with ctx.reading() as s:
            return all(
                b.local_path for b in s.execute(select(Bid)).scalars() if "001-" in b.platform_id
            )

    qtbot.waitUntil(sealed, timeout=SLOW)
    yield Hall(window, page, registry, ref)
    if page.big_screen is not None:
        page.big_screen.close()
    registry.stop()


def test_a_whole_opening_at_the_desk(qtbot: Any, hall: Hall) -> None:
    ctx = hall.ctx
    _step(qtbot, hall, "checking_in")
    rows = CheckInService(ctx).roster(hall.ref).rows
    with ctx.reading() as s:
        banned = {r.subject_code for r in s.execute(select(CreditRestriction)).scalars()}
    firsts = [  # one representative per bidder; the banned bidder never gets in
        i
        for i, r in enumerate(rows)
        if r.person.company_code not in {x.person.company_code for x in rows[:i]} | banned
    ]
    present = [_check_in(hall, index) for index in firsts[:4]]
    with ctx.reading() as s:
        from venue_client.store.models import OpeningSession

        opening_time = s.get(OpeningSession, int(hall.ref[1:])).section.opening_time
    _jump_to(ctx, opening_time + timedelta(minutes=1))
    late = _check_in(hall, firsts[4])  # after the opening time: late, approved by the supervisor
    qtbot.keyClick(hall.page, Qt.Key.Key_F11)  # the hall's large screen
    big = hall.page.big_screen
    qtbot.waitUntil(lambda: big is not None and big.isVisible(), timeout=TIMEOUT)
    _step(qtbot, hall, "opening")
    _step(qtbot, hall, "decrypting")
    assert big.table.isVisible() and "距离解密截止还剩" in big.caption.text()

    first, second, backup, fourth = present
    [never] = [b.org_code for b in hall.desk.model.bids if b.org_code not in (*present, late)]
    # The right key: decrypted, the opening summary fills the row (and the big screen).
    _decrypt_with_key(qtbot, hall, first, first)
    _settled(qtbot, hall, first, "decrypted")
    assert hall.desk.model.text(hall.row(first), STATE) == "解密成功"
    assert hall.desk.model.text(hall.row(first), PRICE).endswith("元")
    qtbot.waitUntil(lambda: "已解密 1" in big.counts.text(), timeout=TIMEOUT)
    # Another bidder's key: 解密失败 with the cause, then a retry with the right one.
    _decrypt_with_key(qtbot, hall, second, first)
    _settled(qtbot, hall, second, "failed")
    assert hall.desk.model.text(hall.row(second), STATE) == "解密失败：密钥错误"
    _decrypt_with_key(qtbot, hall, second, second)
    _settled(qtbot, hall, second, "decrypted")
    # The late representative may still decrypt (this session's policy).
    _decrypt_with_key(qtbot, hall, late, late)
    _settled(qtbot, hall, late, "decrypted")
    _decrypt_with_key(qtbot, hall, fourth, fourth)
    _settled(qtbot, hall, fourth, "decrypted")
    # The platform backup key, approved by the supervisor on the spot.
    _select(qtbot, hall, backup)
    qtbot.keyClick(hall.desk.table, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: hall.desk.dialog is not None, timeout=TIMEOUT)
    dialog = hall.desk.dialog
    type_text(qtbot, dialog.username, "supervisor")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    type_text(qtbot, dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    _settled(qtbot, hall, backup, "decrypted")
    assert hall.bid(backup).method == "backup"
    # The deadline passes; the one never decrypted is withdrawn (撤销).
    _jump_to(ctx, hall.desk.status.deadline + timedelta(seconds=5))
    _step(qtbot, hall, "record")
    assert hall.desk.model.text(hall.row(never), STATE) == "视为撤销投标文件"
    # An objection with the answer given on the spot.
    qtbot.keyClick(hall.desk.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: hall.desk.dialog is not None, timeout=TIMEOUT)
    dialog = hall.desk.dialog
    dialog.objection.setPlainText("对第二家投标人的解密过程有疑问")
    dialog.answer.setPlainText("第一次使用了其他投标人的加密锁，已当场重新解密，过程有记录")
    click(qtbot, dialog.ok_button)
    _step(qtbot, hall, "confirmation")
    for _ in range(2):
        qtbot.waitUntil(lambda: hall.desk.dialog is None, timeout=TIMEOUT)
        qtbot.waitUntil(hall.window.isActiveWindow, timeout=TIMEOUT)  # a dialog just closed
        qtbot.keyClick(hall.desk.table, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: hall.desk.dialog is not None, timeout=TIMEOUT)
        dialog = hall.desk.dialog
        count = len(_events(ctx, "opening.confirmed"))
        dialog.person.setCurrentIndex(count)
        if count == 0:  # on screen
            click(qtbot, dialog.ok_button)
        else:  # with the company's USB key, which signs the record as it stands
            bidder_id = next(
                p.bidder_id for p in dialog.people if p.checkin_id == dialog.person.currentData()
            )
            org = next(b.org_code for b in hall.desk.model.bids if b.bidder_id == bidder_id)
            qtbot.keyClick(dialog.person, Qt.Key.Key_F6)
            qtbot.waitUntil(
                lambda d=dialog: hall.desk.dialog is not None and hall.desk.dialog is not d,
                timeout=TIMEOUT,
            )
            _use_key(qtbot, hall, hall.desk.dialog, hall.label_of(org))
        qtbot.waitUntil(
            lambda c=count: len(_events(ctx, "opening.confirmed")) == c + 1, timeout=TIMEOUT
        )
    confirmed = _events(ctx, "opening.confirmed")
    assert [p["method"] for p in confirmed] == ["screen", "signature"]
    assert len(confirmed[1]["record_sha256"]) == 64
    qtbot.waitUntil(lambda: "已签名确认开标记录" in hall.desk.message.text(), timeout=TIMEOUT)
    _step(qtbot, hall, "closed")
    qtbot.waitUntil(lambda: "开标记录表已生成" in hall.desk.message.text(), timeout=TIMEOUT)
    pdf = ctx.settings.data_dir / "records"
    [record] = list(pdf.glob("*.pdf"))
    assert record.read_bytes().startswith(b"%PDF") and record.name in hall.desk.message.text()
    types = [t for t, _ in _all_events(ctx) if t.startswith("opening.")]
    for expected in (
        "opening.checkin_started",
        "opening.started",
        "opening.decrypt_failed",
        "opening.bid_decrypted",
        "opening.bid_classified",
        "opening.objection_raised",
        "opening.objection_answered",
        "opening.confirmed",
        "opening.record_published",
        "opening.closed",
    ):
        assert any(t.startswith(expected) for t in types), (expected, types)
    backup_event = next(
        p for t, p in _all_events(ctx) if t == "opening.decrypt_started" and p["method"] == "backup"
    )
    assert backup_event["approved_by"] == "supervisor"


def _all_events(ctx: Any) -> list[tuple[str, dict[str, Any]]]:
    with ctx.reading() as s:
        rows = s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
        return [(r.type, json.loads(r.payload)) for r in rows]


def _events(ctx: Any, name: str) -> list[dict[str, Any]]:
    return [p for t, p in _all_events(ctx) if t == name]
