"""The check-in desk (签到台) driven as staff use it: the ID reader simulator on a real
pseudo-terminal behind a real ``DeviceRegistry``; a card placed is checked in with no
click; supervisors confirm with their own credentials; F-keys for everything else."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from drivers.idcard import IdCard
from drivers.idcard.deck import make_card
from drivers.idcard.simulator import IdCardSimulator
from venue_client.config import DeviceSettings, load_settings
from venue_client.domain.checkin import ExpectedPerson, FaceResult, Method, Proof
from venue_client.services.checkin import CheckInService
from venue_client.services.context import open_context
from venue_client.services.devices import DeviceRegistry, DeviceStatus
from venue_client.services.users import UserService
from venue_client.store.models import CheckIn, CheckInRefusal, CreditRestriction, OpeningSession
from venue_client.ui.checkin.roster_model import METHOD, NOTE, STATUS
from venue_client.ui.formatting import beijing
from venue_client.ui.main_window import MainWindow
from venue_client.ui.pages.checkin import CheckInPage

from .helpers import DEMO_PASSWORD, TIMEOUT, login, type_text

DESK_CAMERA = "sim://pattern?width=320&height=180&fps=10"
PHOTO = bytes(cv2.imencode(".bmp", np.full((126, 102, 3), 200, np.uint8))[1])


class PhotoDecoder:
    """Stands in for the vendor's WLT library: every card has a decodable photo."""

    def decode(self, wlt: bytes) -> bytes | None:
        return PHOTO


class FakeVerifier:
    """A face backend answering one verdict (the real ones are tested in drivers/)."""

    name = "fake"

    def __init__(self, verdict: str, score: float) -> None:
        self.verdict, self.score = verdict, score
        self.calls = 0

    def verify(self, photo: Any, frames: list[Any]) -> Any:
        assert photo.shape == (126, 102, 3) and frames
        self.calls += 1
        return SimpleNamespace(
            verdict=SimpleNamespace(value=self.verdict), score=self.score, backend=self.name
        )


class FakeFaceDevice:
    key = kind = "face"

    def __init__(self, verifier: FakeVerifier) -> None:
        self.verifier = verifier

    def check(self) -> DeviceStatus:
        return DeviceStatus(self.key, self.kind, "ok")

    def close(self) -> None:
        pass


@dataclass
class Desk:
    window: MainWindow
    page: CheckInPage
    sim: IdCardSimulator
    registry: DeviceRegistry
    ref: str
    people: list[ExpectedPerson]

    @property
    def ctx(self) -> Any:
        return self.window.env.ctx

    def with_face(self, verdict: str, score: float = 0.93) -> FakeVerifier:
        verifier = FakeVerifier(verdict, score)
        self.registry.devices["face"] = FakeFaceDevice(verifier)  # type: ignore[assignment]
        self.registry.devices["idcard"].reader.wlt_decoder = PhotoDecoder()  # type: ignore[attr-defined]
        return verifier

    def person(self, index: int = 0) -> ExpectedPerson:
        return self.people[index]

    def row(self, person: ExpectedPerson) -> int:
        return self.page.model.row_of(person.id_number)

    def status(self, person: ExpectedPerson) -> str:
        return self.page.model.column_texts(STATUS)[self.row(person)]

    def checkins(self) -> list[CheckIn]:
        with self.ctx.reading() as s:
            return list(s.execute(select(CheckIn)).scalars())

    def refusals(self) -> int:
        with self.ctx.reading() as s:
            return len(s.execute(select(CheckInRefusal)).scalars().all())


def card_for(person: ExpectedPerson, seed: int = 1) -> IdCard:
    return replace(make_card(random.Random(seed)), id_number=person.id_number, name=person.name)


def demo_opening(window: Any) -> str:
    """The demo opening due in ten minutes. Seeded just before midnight (Beijing time)
    it falls on the next day: the desk then works on that day, as staff would."""
    session = next(
        s
        for s in window.env.schedule.sessions(None)
        if s.kind == "opening" and s.section_code.endswith("001001")
    )
    day = beijing(session.scheduled_at).date()
    if day != window.env.today():
        window.env.today = lambda: day
    return session.id


@pytest.fixture
def desk(qtbot, make_window) -> Any:
    sim = IdCardSimulator(speed=20).start()
    window = make_window()
    ctx = window.env.ctx
    settings = replace(ctx.settings, devices=DeviceSettings(idcard=sim.port))
    registry = DeviceRegistry(settings, ctx.bus, [("KB-01 开标台", DESK_CAMERA)])
    registry.start()
    window.env.devices = registry
    page = window.shell.pages["checkin"]
    assert isinstance(page, CheckInPage)
    ref = demo_opening(window)
    login(qtbot, window, "desk")
    qtbot.waitUntil(lambda: page.picker.count() > 0, timeout=TIMEOUT)
    page.picker.choose(ref)
    qtbot.waitUntil(lambda: page.roster is not None and page.roster.session == ref, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.watcher.polls > 0, timeout=TIMEOUT)
    people = [r.person for r in page.roster.rows]
    yield Desk(window, page, sim, registry, ref, people)
    page.watcher.shutdown()
    page.camera.detach()
    registry.stop()
    sim.stop()


def place(qtbot, desk: Desk, card: IdCard) -> None:
    """Lift whatever lies on the reader, let the reader notice, and place ``card``."""
    desk.sim.lift()
    polls = desk.page.watcher.polls
    qtbot.waitUntil(lambda: desk.page.watcher.polls >= polls + 2, timeout=TIMEOUT)
    desk.sim.place(card)


def wait_result(qtbot, desk: Desk, state: str) -> None:
    qtbot.waitUntil(lambda: desk.page.result.state == state, timeout=TIMEOUT)


def supervisor_confirms(qtbot, desk: Desk, password: str = DEMO_PASSWORD) -> None:
    """F4, then the supervisor types their username, Enter, password, Enter."""
    qtbot.waitUntil(desk.window.isActiveWindow, timeout=TIMEOUT)  # a dialog just closed
    qtbot.keyClick(desk.page, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: desk.page.dialog is not None, timeout=TIMEOUT)
    dialog = desk.page.dialog
    qtbot.waitUntil(dialog.username.hasFocus, timeout=TIMEOUT)
    type_text(qtbot, dialog.username, "supervisor")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.password.hasFocus()
    type_text(qtbot, dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_expected_person_passes_with_no_click_and_a_second_read_shows_the_record(qtbot, desk):
    verifier = desk.with_face("pass", 0.9312)
    person = desk.person(0)
    place(qtbot, desk, card_for(person))
    wait_result(qtbot, desk, "passed")
    panel = desk.page.result
    assert panel.word.text() == "通过"
    assert panel.name.text() == person.name
    assert panel.id_number.text() == person.id_number[:6] + "********" + person.id_number[-4:]
    assert "人脸比对：通过，相似度 0.9312（fake）" in panel.info.text()
    assert verifier.calls == 1
    qtbot.waitUntil(lambda: desk.status(person).startswith("已签到 "), timeout=TIMEOUT)
    assert desk.page.model.column_texts(METHOD)[desk.row(person)] == "身份证"
    assert desk.page.roster_card.checked_count.text() == "1"
    [row] = desk.checkins()
    assert row.face_decision == "pass" and row.face_score == pytest.approx(0.9312)
    assert row.snapshot_id is not None  # the camera's frame, encrypted at rest

    place(qtbot, desk, card_for(person))  # the same card again
    wait_result(qtbot, desk, "already")
    assert panel.word.text() == "已签到"
    shown = desk.status(person).removeprefix("已签到 ")
    assert any(shown in reason for reason in panel.reason_texts())
    assert "不重复记录" in panel.reason_texts()[0]
    assert len(desk.checkins()) == 1


def test_stranger_is_refused_and_the_refusal_counted(qtbot, desk):
    place(qtbot, desk, desk.sim.deck[0])  # a valid card, not on this session's list
    wait_result(qtbot, desk, "refused")
    assert desk.page.result.word.text() == "不通过"
    assert desk.page.result.reason_texts() == ["不在本场次名单中，请核对场次"]
    qtbot.waitUntil(lambda: desk.page.roster_card.refused_count.text() == "1", timeout=TIMEOUT)
    assert desk.refusals() == 1 and desk.checkins() == []


def test_expired_card_is_refused(qtbot, desk):
    desk.sim.lift()
    polls = desk.page.watcher.polls
    qtbot.waitUntil(lambda: desk.page.watcher.polls >= polls + 2, timeout=TIMEOUT)
    card = desk.sim.place_expired()
    wait_result(qtbot, desk, "refused")
    [reason] = desk.page.result.reason_texts()
    assert reason == f"身份证已过有效期（{card.valid_to.isoformat()}）"
    assert desk.refusals() == 1


def test_banned_company_is_refused(qtbot, desk):
    with desk.ctx.reading() as s:
        banned = s.execute(
            select(CreditRestriction.subject_code).where(CreditRestriction.kind == "MARKET_BAN")
        ).scalar_one()
    person = next(p for p in desk.people if p.company_code == banned)
    desk.with_face("pass")
    place(qtbot, desk, card_for(person))
    wait_result(qtbot, desk, "refused")
    assert desk.page.result.name.text() == person.name
    assert desk.page.result.reason_texts() == [
        "所在单位被列入失信惩戒名单（严重违法失信），不得签到"
    ]
    assert desk.status(person) == "未签到" and desk.checkins() == []


def test_credit_warning_is_acknowledged_by_a_supervisor(qtbot, desk):
    person = desk.person(1)
    with desk.ctx.db.session() as s:
        s.add(
            CreditRestriction(
                subject_code=person.company_code, kind="WARNING", reason="测试警示", until=None
            )
        )
    desk.with_face("pass")
    place(qtbot, desk, card_for(person))
    wait_result(qtbot, desk, "review")
    panel = desk.page.result
    assert panel.word.text() == "需人工复核" and panel.confirm_button.isVisible()
    assert panel.reason_texts() == ["所在单位有信用警示（测试警示），需监标人确认"]
    assert desk.checkins() == []  # nothing recorded before the supervisor confirms

    supervisor_confirms(qtbot, desk, password="not-the-password-1")
    dialog = desk.page.dialog
    qtbot.waitUntil(dialog.error.isVisible, timeout=TIMEOUT)
    assert dialog.error.text() == "用户名或密码错误，还可尝试 4 次"
    assert dialog.password.hasFocus() and dialog.password.text() == ""
    type_text(qtbot, dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_result(qtbot, desk, "passed")
    assert desk.page.dialog is None
    assert panel.reason_texts()[0] == "监标人 李监标 已当场核验并确认："
    qtbot.waitUntil(lambda: desk.status(person).startswith("已签到"), timeout=TIMEOUT)
    [row] = desk.checkins()
    assert row.approvals == ["credit_warning"] and row.approved_by is not None


def test_manual_entry_validates_as_typed_and_needs_a_supervisor(qtbot, desk):
    person = desk.person(2)
    page = desk.page
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=TIMEOUT)
    qtbot.keyClick(page.dialog.id_number, Qt.Key.Key_Escape)  # Esc cancels
    qtbot.waitUntil(lambda: page.dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(desk.window.isActiveWindow, timeout=TIMEOUT)

    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=TIMEOUT)
    dialog = page.dialog
    qtbot.waitUntil(dialog.id_number.hasFocus, timeout=TIMEOUT)
    type_text(qtbot, dialog.id_number, person.id_number[:8])
    assert dialog.feedback.text() == "身份证号码应为 18 位，实为 8 位"
    assert not dialog.ok_button.isEnabled()
    wrong = "0" if person.id_number[-1] != "0" else "1"
    type_text(qtbot, dialog.id_number, person.id_number[8:17] + wrong)
    assert dialog.feedback.text().startswith("身份证号码校验位错误")
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)  # refused: stays open
    assert page.dialog is dialog
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Backspace)
    type_text(qtbot, dialog.id_number, person.id_number[-1].lower())
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)
    wait_result(qtbot, desk, "review")
    assert "手工录入证件号码，需监标人核验" in page.result.reason_texts()

    supervisor_confirms(qtbot, desk)
    wait_result(qtbot, desk, "passed")
    qtbot.waitUntil(lambda: desk.status(person).startswith("已签到"), timeout=TIMEOUT)
    assert page.model.column_texts(METHOD)[desk.row(person)] == "手工录入"
    [row] = desk.checkins()
    assert row.method == "manual" and "manual_entry" in row.approvals


def test_face_unavailable_is_routed_to_a_supervisor_and_says_why(qtbot, desk):
    person = desk.person(3)
    place(qtbot, desk, card_for(person))  # no face verifier on this desk
    wait_result(qtbot, desk, "review")
    assert desk.page.result.reason_texts() == ["无法进行人脸比对，需人工核对证件照片"]
    assert "人脸比对：本机未启用" in desk.page.result.info.text()
    qtbot.keyClick(desk.page, Qt.Key.Key_Escape)  # cancelled: nothing recorded
    assert desk.page.result.state == "idle" and desk.checkins() == []

    desk.with_face("pass")  # a verifier now, but this card's photo cannot be decoded
    desk.registry.devices["idcard"].reader.wlt_decoder = None  # type: ignore[attr-defined]
    place(qtbot, desk, card_for(person))
    wait_result(qtbot, desk, "review")
    assert "身份证照片无法解码" in desk.page.result.info.text()
    supervisor_confirms(qtbot, desk)
    wait_result(qtbot, desk, "passed")
    [row] = desk.checkins()
    assert row.face_decision == "unavailable" and row.approvals == ["face"]


def test_face_mismatch_is_routed_to_a_supervisor(qtbot, desk):
    desk.with_face("fail", 0.31)
    place(qtbot, desk, card_for(desk.person(0)))
    wait_result(qtbot, desk, "review")
    assert desk.page.result.reason_texts() == ["人脸比对不通过（0.3100），需监标人当场核验"]
    assert desk.checkins() == []


def test_late_arrival_is_recorded_as_late(qtbot, desk):
    with desk.ctx.db.session() as s:
        opening = s.get(OpeningSession, int(desk.ref[1:]))
        opening.section.opening_time = desk.ctx.clock.now() - timedelta(minutes=5)
    person = desk.person(0)
    desk.with_face("pass")
    place(qtbot, desk, card_for(person))
    wait_result(qtbot, desk, "review")
    assert desk.page.result.reason_texts() == ["开标时间已过，迟到签到需监标人确认"]
    supervisor_confirms(qtbot, desk)
    wait_result(qtbot, desk, "passed")
    assert "迟到" in desk.page.result.info.text()
    qtbot.waitUntil(
        lambda: desk.page.model.column_texts(NOTE)[desk.row(person)] == "迟到", timeout=TIMEOUT
    )
    [row] = desk.checkins()
    assert row.late and row.approvals == ["late"]


def test_another_desk_shows_within_two_seconds(qtbot, desk):
    person = desk.person(5)
    other = open_context(load_settings(data_dir=desk.ctx.settings.data_dir))  # its own bus
    try:
        service = CheckInService(other)
        operator = UserService(other).authenticate("manager", DEMO_PASSWORD)
        proof = Proof(Method.CARD, id_number=person.id_number)
        verdict = service.assess(desk.ref, proof, face=FaceResult.PASS, face_score="0.9")
        service.record(
            desk.ref, proof, verdict, operator=operator, desk="KB-01-2", face=FaceResult.PASS
        )
    finally:
        other.close()
    qtbot.waitUntil(lambda: desk.status(person).startswith("已签到"), timeout=2000)
    assert desk.page.roster_card.checked_count.text() == "1"


def test_the_desk_speaks_english(qtbot, make_window):
    window = make_window(lang="en")
    login(qtbot, window, "desk")
    page = window.shell.pages["checkin"]
    assert isinstance(page, CheckInPage)
    qtbot.waitUntil(lambda: page.roster is not None, timeout=TIMEOUT)
    assert page.result.prompt.text() == "Place the ID card on the reader"
    assert page.model.headers()[4] == "Status"
    assert set(page.model.column_texts(STATUS)) == {"Not checked in"}
    # No reader is watched here: the desk says so, and typing the number in still works.
    assert "No ID card reader connected" in page.devices.reader_state.text()
    page.manual_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=TIMEOUT)
    dialog = page.dialog
    type_text(qtbot, dialog.id_number, "1234")
    assert dialog.feedback.text() == "An ID number has 18 characters; this one has 4"
    person = page.roster.rows[0].person
    dialog.id_number.setText(person.id_number)
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.result.state == "review", timeout=TIMEOUT)
    assert page.result.word.text() == "Review needed"
    assert "ID number typed in by hand; a supervisor must verify" in page.result.reason_texts()
    assert page.result.confirm_button.text() == "Supervisor confirms (F4)"


def test_the_desk_remembers_its_session_and_shows_reader_faults(qtbot, desk, make_window):
    desk.sim.set_faults("sam-failure")  # the reader answers every command with 0x60
    qtbot.waitUntil(lambda: "读卡器故障" in desk.page.result.hint.text(), timeout=TIMEOUT)
    assert "读卡器故障" in desk.page.devices.reader_state.text()
    desk.sim.clear_faults()
    qtbot.waitUntil(lambda: "读卡器就绪" in desk.page.devices.reader_state.text(), timeout=TIMEOUT)
    assert "读卡器故障" not in desk.page.result.hint.text()

    again = make_window(data_dir=desk.ctx.settings.data_dir)  # the desk PC the next morning
    login(qtbot, again, "desk")
    page = again.shell.pages["checkin"]
    qtbot.waitUntil(lambda: page.roster is not None, timeout=TIMEOUT)
    assert page.picker.ref == desk.ref


def test_demo_button_lays_a_listed_persons_card_on_the_simulated_reader(qtbot, make_window):
    """`make run`: with the simulated reader, F9 puts the next listed person's card on it."""
    window = make_window()
    ctx = window.env.ctx
    registry = DeviceRegistry(
        replace(ctx.settings, devices=DeviceSettings(idcard="sim://")), ctx.bus
    )
    registry.start()
    window.env.devices = registry
    page = window.shell.pages["checkin"]
    try:
        ref = demo_opening(window)
        login(qtbot, window, "desk")
        qtbot.waitUntil(lambda: page.picker.count() > 0, timeout=TIMEOUT)
        page.picker.choose(ref)
        qtbot.waitUntil(
            lambda: page.roster is not None and page.roster.session == ref, timeout=TIMEOUT
        )
        qtbot.waitUntil(page.demo_button.isVisible, timeout=TIMEOUT)
        first = page.roster.rows[0].person
        qtbot.keyClick(page, Qt.Key.Key_F9)
        # No face backend here: the result asks for the supervisor, naming the person.
        qtbot.waitUntil(lambda: page.result.state == "review", timeout=TIMEOUT)
        assert page.last is not None and page.last.verdict.person == first
    finally:
        page.watcher.shutdown()
        registry.stop()
