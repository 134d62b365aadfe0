"""Render the check-in desk (签到台) in each state, in each language, to
``OUTDIR/checkin-desk-<state>-<lang>.png``: idle, 需人工复核 (review), 通过 (passed,
after the supervisor confirmed), 不通过 (refused) and 已签到 (already).

It drives the desk as staff do: the ID reader simulator on a pseudo-terminal
behind a real device registry (with the demo room's synthetic desk camera), a
card placed, the supervisor's credentials typed. The demo cards' photos cannot be
decoded (no vendor WLT library), so a card read goes to 需人工复核 first.

    python scripts/desk_screenshots.py docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from drivers.idcard import IdCard
from drivers.idcard.deck import make_card
from drivers.idcard.simulator import IdCardSimulator
from venue_client.config import DeviceSettings, load_settings
from venue_client.domain.checkin import FaceResult, Method, Proof
from venue_client.services.checkin import CheckInService
from venue_client.services.context import AppContext, open_context
from venue_client.services.demo import DEMO_PASSWORD, seed_demo
from venue_client.services.devices import DeviceRegistry
from venue_client.services.users import UserInfo, UserService
from venue_client.ui.bridge import EventBridge
from venue_client.ui.checkin.supervisor_dialog import SupervisorDialog
from venue_client.ui.env import UiEnv
from venue_client.ui.i18n import install_translators
from venue_client.ui.main_window import MainWindow
from venue_client.ui.pages.checkin import CheckInPage
from venue_client.ui.screenshot import SIZE
from venue_client.ui.theme import apply_theme
from venue_client.ui.worker import Tasks

LANGS = ("zh_CN", "en")
ROOM = "KB-01"
TIMEOUT_S = 20.0


def wait(app: QApplication, condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"desk screenshots: timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def earlier_checkins(ctx: AppContext, ref: str) -> None:
    """Two people checked in at another desk before (face unavailable, so confirmed
    by the supervisor), and one refusal, so the roster looks like a morning's work."""
    service = CheckInService(ctx)
    operator = open_user(ctx, "manager")
    supervisor = open_user(ctx, "supervisor")
    for person in [r.person for r in service.roster(ref).rows][2:4]:
        proof = Proof(Method.CARD, id_number=person.id_number, name=person.name)
        verdict = service.assess(ref, proof, face=FaceResult.UNAVAILABLE)
        service.record(
            ref,
            proof,
            verdict,
            operator=operator,
            desk="KB-01-2",
            face=FaceResult.UNAVAILABLE,
            approver=supervisor,
        )


def open_user(ctx: AppContext, username: str) -> UserInfo:
    return UserService(ctx).authenticate(username, DEMO_PASSWORD)


def render(app: QApplication, lang: str, outdir: Path, data_dir: Path) -> list[Path]:
    """Set up a demo desk in ``lang``, capture its states, tear everything down."""
    install_translators(app, lang)
    ctx = open_context(load_settings(data_dir=data_dir))
    seed_demo(ctx)
    sim = IdCardSimulator(speed=5).start()
    settings = replace(ctx.settings, devices=DeviceSettings(idcard=sim.port))
    tasks, bridge = Tasks(), EventBridge(ctx.bus)
    env = UiEnv(ctx, tasks, bridge, demo=True)
    registry = DeviceRegistry(settings, ctx.bus, env.schedule.cameras(ROOM))
    registry.start()
    env.devices = registry
    window = MainWindow(env, idle_lock_minutes=60)
    window.resize(SIZE)
    window.show()
    window.start()
    page = window.shell.pages["checkin"]
    assert isinstance(page, CheckInPage)
    try:
        wait(app, lambda: window.started, "start-up")
        window.enter(open_user(ctx, "desk"))
        sessions = env.schedule.sessions(env.today())
        ref = next(s.id for s in sessions if s.kind == "opening" and s.state == "scheduled")
        earlier_checkins(ctx, ref)
        return capture(app, window, page, sim, ref, outdir / f"checkin-desk-{{}}-{lang}.png")
    finally:
        page.watcher.shutdown()
        page.camera.detach()
        window.idle.stop()
        window.clock_timer.stop()
        tasks.wait()
        registry.stop()
        sim.stop()
        bridge.close()
        window.close()
        window.deleteLater()
        app.processEvents()
        ctx.close()


def capture(
    app: QApplication,
    window: MainWindow,
    page: CheckInPage,
    sim: IdCardSimulator,
    ref: str,
    pattern: Path,
) -> list[Path]:
    """Drive the desk through its states, saving ``pattern`` with each state's name."""
    written: list[Path] = []
    wait(app, lambda: page.picker.count() > 0, "the sessions")
    page.picker.choose(ref)
    wait(app, lambda: page.roster is not None and page.roster.session == ref, "the roster")
    wait(app, lambda: page.camera.frames() and page.watcher.polls > 0, "the devices")
    assert page.roster is not None
    person = page.roster.rows[0].person

    def shot(state: str) -> None:
        settle(app)
        window.tick()
        path = Path(str(pattern).format(state))
        if not window.grab().save(str(path), "PNG"):
            raise SystemExit(f"desk screenshots: cannot write {path}")
        written.append(path)

    def place(card: IdCard) -> None:
        sim.lift()
        polls = page.watcher.polls
        wait(app, lambda: page.watcher.polls >= polls + 2, "the reader to see no card")
        sim.place(card)

    shot("idle")
    card = replace(make_card(random.Random(7)), id_number=person.id_number, name=person.name)
    place(card)
    wait(app, lambda: page.result.state == "review", "需人工复核")
    shot("review")
    page.confirm()  # F4; the supervisor types their credentials
    dialog = page.dialog
    assert isinstance(dialog, SupervisorDialog)
    dialog.username.setText("supervisor")
    dialog.password.setText(DEMO_PASSWORD)
    dialog.submit()
    wait(app, lambda: page.result.state == "passed", "通过")
    wait(app, lambda: page.roster_card.checked_count.text() == "3", "the roster")
    shot("passed")
    place(sim.deck[0])  # someone not on the list
    wait(app, lambda: page.result.state == "refused", "不通过")
    shot("refused")
    place(card)  # the first card again
    wait(app, lambda: page.result.state == "already", "已签到")
    shot("already")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("outdir", type=Path, help="where the PNG files go")
    parser.add_argument("--langs", nargs="*", choices=LANGS, default=list(LANGS))
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app)
    with tempfile.TemporaryDirectory(prefix="venue-desk-") as tmp:
        for lang in args.langs:
            for path in render(app, lang, args.outdir, Path(tmp) / lang):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
