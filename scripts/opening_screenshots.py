"""Render the opening desk (开标台) during decryption and the hall's large screen
(大屏), in each language, to ``OUTDIR/opening-desk-<lang>.png`` and
``OUTDIR/opening-big-screen-<lang>.png``.

It runs a demo opening as the host does: bids sealed to the simulated USB keys,
representatives checked in, the trusted clock at the opening time, two bids
decrypted with their keys, one with another bidder's key (解密失败：密钥错误), one
with the backup key on the supervisor's approval.

    python scripts/opening_screenshots.py docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desk_screenshots import open_user, settle, wait
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from venue_client.config import DeviceSettings, load_settings
from venue_client.domain.checkin import FaceResult, Method, Outcome, Proof
from venue_client.services.checkin import CheckInService
from venue_client.services.context import AppContext, open_context
from venue_client.services.demo import seed_demo
from venue_client.services.devices import DeviceRegistry
from venue_client.store.models import Bid, CreditRestriction, OpeningSession
from venue_client.ui.bridge import EventBridge
from venue_client.ui.env import UiEnv
from venue_client.ui.i18n import install_translators
from venue_client.ui.main_window import MainWindow
from venue_client.ui.pages.opening import OpeningPage
from venue_client.ui.screenshot import SIZE
from venue_client.ui.theme import apply_theme
from venue_client.ui.worker import Tasks

LANGS = ("zh_CN", "en")
PIN = "123456"


def check_in_bidders(ctx: AppContext, ref: str) -> list[str]:
    """One representative of each bidder not under a market ban; returns their USCCs."""
    service = CheckInService(ctx)
    desk, supervisor = open_user(ctx, "desk"), open_user(ctx, "supervisor")
    with ctx.reading() as s:
        banned = {r.subject_code for r in s.execute(select(CreditRestriction)).scalars()}
    done: list[str] = []
    for row in service.roster(ref).rows:
        code = row.person.company_code
        if code in banned or code in done:
            continue
        proof = Proof(Method.CARD, id_number=row.person.id_number, valid_to=date(2035, 1, 1))
        verdict = service.assess(ref, proof, face=FaceResult.PASS, face_score="0.31")
        approver = supervisor if verdict.outcome is Outcome.NEEDS_SUPERVISOR else None
        service.record(
            ref,
            proof,
            verdict,
            operator=desk,
            desk="KB-01-1",
            face=FaceResult.PASS,
            approver=approver,
        )
        done.append(code)
    return done


def render(app: QApplication, lang: str, outdir: Path, data_dir: Path) -> list[Path]:  # noqa: PLR0915 - one scripted run
    install_translators(app, lang)
    ctx = open_context(load_settings(data_dir=data_dir))
    seed_demo(ctx)
    simulated = DeviceSettings(token_module="sim://")  # noqa: S106 - a URL, not a secret
    settings = replace(ctx.settings, devices=simulated)
    tasks, bridge = Tasks(), EventBridge(ctx.bus)
    env = UiEnv(ctx, tasks, bridge, demo=True)
    registry = DeviceRegistry(settings, ctx.bus)
    registry.start()
    env.devices = registry
    window = MainWindow(env, idle_lock_minutes=60)
    window.resize(SIZE)
    window.show()
    window.start()
    page = window.shell.pages["opening"]
    assert isinstance(page, OpeningPage)
    written: list[Path] = []
    try:
        wait(app, lambda: window.started, "start-up")
        window.enter(open_user(ctx, "desk"))
        window.shell.show_page("opening")
        wait(app, lambda: page.desk.ref != "", "the session")
        ref, desk = page.desk.ref, page.desk

        def sealed() -> bool:
            with ctx.reading() as s:
                opening = s.get(OpeningSession, int(ref[1:]))
                assert opening is not None
                return all(
                    b.local_path
                    for b in s.execute(select(Bid)).scalars()
                    if b.bidder.section_id == opening.section_id
                )

        wait(app, sealed, "the demo bids")
        flow, operator = desk.flow, open_user(ctx, "desk")
        flow.run(ref, lambda service: service.begin_checkin(ref, operator=operator))
        wait(
            app, lambda: desk.status is not None and str(desk.status.state) == "checking_in", "签到"
        )
        present = check_in_bidders(ctx, ref)
        with ctx.reading() as s:
            opening = s.get(OpeningSession, int(ref[1:]))
            assert opening is not None
            at = opening.section.opening_time + timedelta(minutes=1)
        ctx.clock.set_offset(at - datetime.now(UTC), "platform")
        for state in ("opening", "decrypting"):
            desk.next_step()
            wait(app, lambda s=state: str(desk.status.state) == s, state)  # type: ignore[union-attr]
        simulator = registry.devices["token"].module  # type: ignore[attr-defined]
        label = {k.bidder.uscc: k.label for k in simulator.keys.values()}
        bid = {b.org_code: b.bid_id for b in desk.status.bids}  # type: ignore[union-attr]
        flow.decrypt_with_token(ref, bid[present[0]], label[present[0]], PIN)
        flow.decrypt_with_token(ref, bid[present[1]], label[present[1]], PIN)
        flow.decrypt_with_token(ref, bid[present[2]], label[present[0]], PIN)  # wrong key
        flow.decrypt_with_backup(ref, bid[present[3]], open_user(ctx, "supervisor"))
        wait(
            app,
            lambda: sum(b.state in ("decrypted", "failed") for b in desk.status.bids) >= 4,
            "the decryptions",
        )  # type: ignore[union-attr]
        desk.table.selectRow(2)
        page.toggle_big_screen()
        big = page.big_screen
        assert big is not None
        big.showNormal()
        big.resize(1920, 1080)
        settle(app, 0.8)
        window.tick()
        for name, widget in (("opening-desk", window), ("opening-big-screen", big)):
            path = outdir / f"{name}-{lang}.png"
            if not widget.grab().save(str(path), "PNG"):
                raise SystemExit(f"opening screenshots: cannot write {path}")
            written.append(path)
        big.close()
        return written
    finally:
        window.idle.stop()
        window.clock_timer.stop()
        tasks.wait()
        desk_tasks = page.desk.flow.decrypts
        desk_tasks.wait()
        registry.stop()
        bridge.close()
        window.close()
        window.deleteLater()
        app.processEvents()
        ctx.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app)
    for lang in LANGS:
        with tempfile.TemporaryDirectory(prefix="venue-opening-shots-") as tmp:
            for path in render(app, lang, args.outdir, Path(tmp)):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
