"""F10 at the opening desk: a bid that came as a CMS envelope (``openssl cms
-encrypt`` to the platform backup key) decrypts with no opening summary; the host
types its price from the documents, sees it back in 元 and 大写, a supervisor checks
it with their credentials, and the table and the large screen show the price."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.unit.crypto_cms.support import encrypt
from venue_client.services.demo_bids import demo_backup_key
from venue_client.store.models import Bid, Bidder, OpeningSession
from venue_client.ui.opening.bids_model import PRICE, STATE
from venue_client.ui.pages.opening import OpeningPage

from .helpers import DEMO_PASSWORD, TIMEOUT, click, login, type_text
from .test_checkin_desk import demo_opening


def _as_cms(ctx: Any, ref: str, tmp: Path) -> str:
    """Replace the first bid of the opening by a CMS envelope to the backup key; its
    bidder's org code."""
    _, cert = demo_backup_key(ctx.settings)
    plain = tmp / "bid.zip"
    plain.write_bytes(b"PK\x03\x04 documents " * 40_000)
    cms = encrypt(plain, tmp / "bid.p7m", SimpleNamespace(cert_path=cert), padding="oaep-sha256")  # type: ignore[arg-type]
    with ctx.transaction("test") as tx:
        s = tx.session
        opening = s.get(OpeningSession, int(ref[1:]))
        bid, bidder = s.execute(
            select(Bid, Bidder)
            .join(Bidder, Bid.bidder_id == Bidder.id)
            .where(Bidder.section_id == opening.section_id)
            .order_by(Bidder.id)
        ).first()
        bid.local_path, bid.size, bid.format = str(cms), cms.stat().st_size, "CMS"
        bid.receipt_sha256 = hashlib.sha256(cms.read_bytes()).hexdigest()
        bid.state = "downloaded"
        return str(bidder.org_code)


def _credentials(qtbot: Any, dialog: Any) -> None:
    type_text(qtbot, dialog.username, "supervisor")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    type_text(qtbot, dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_price_entered_from_the_documents(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    ctx = window.env.ctx
    ref = demo_opening(window)
    org = _as_cms(ctx, ref, tmp_path)
    login(qtbot, window, "desk")
    window.shell.show_page("opening")
    page = window.shell.pages["opening"]
    assert isinstance(page, OpeningPage)
    desk = page.desk
    qtbot.waitUntil(lambda: desk.ref == ref and desk.status is not None, timeout=TIMEOUT)

    def step(expected: str) -> None:
        click(qtbot, desk.step_button)
        qtbot.waitUntil(lambda: str(desk.status.state) == expected, timeout=TIMEOUT)

    def row() -> int:
        return next(i for i, b in enumerate(desk.model.bids) if b.org_code == org)

    step("checking_in")
    with ctx.reading() as s:
        opening_time = s.get(OpeningSession, int(ref[1:])).section.opening_time
    ctx.clock.set_offset(opening_time + timedelta(minutes=1) - datetime.now(UTC), "platform")
    step("opening")
    step("decrypting")
    qtbot.keyClick(page, Qt.Key.Key_F11)
    big = page.big_screen
    qtbot.waitUntil(lambda: big is not None and big.table.isVisible(), timeout=TIMEOUT)

    desk.table.selectRow(row())
    qtbot.keyClick(desk.table, Qt.Key.Key_F10)  # not decrypted yet: said, nothing opens
    assert desk.dialog is None and "尚未解密" in desk.message.text()
    qtbot.keyClick(desk.table, Qt.Key.Key_F7)  # the backup key, approved
    qtbot.waitUntil(lambda: desk.dialog is not None, timeout=TIMEOUT)
    _credentials(qtbot, desk.dialog)
    qtbot.waitUntil(lambda: desk.model.bids[row()].state == "decrypted", timeout=60_000)
    assert desk.model.text(row(), STATE) == "解密成功" and desk.model.text(row(), PRICE) == "-"

    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    desk.table.selectRow(row())
    qtbot.keyClick(desk.table, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: desk.dialog is not None, timeout=TIMEOUT)
    entry = desk.dialog
    assert entry.objectName() == "entryDialog"
    qtbot.keyClick(entry.price, Qt.Key.Key_Return)  # empty: refused in the dialog
    assert entry.isVisible() and entry.feedback.text() == "请填写投标报价"
    type_text(qtbot, entry.price, "12,345,678.9")
    assert entry.amount.text().split() == [
        "12,345,678.90元",
        "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角",
    ]
    type_text(qtbot, entry.duration, "365日历天")
    type_text(qtbot, entry.quality, "合格")
    qtbot.keyClick(entry.quality, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog is not entry, timeout=TIMEOUT)
    check = desk.dialog
    assert "12,345,678.90元（壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角）" in check.reasons.text()
    _credentials(qtbot, check)
    qtbot.waitUntil(lambda: desk.model.text(row(), PRICE) == "12,345,678.90元", timeout=TIMEOUT)
    assert desk.model.bids[row()].entered and "开标一览表已录入" in desk.message.text()
    big_prices = [big.table.model().index(r, PRICE).data() for r in range(desk.model.rowCount())]
    assert "12,345,678.90元" in big_prices
