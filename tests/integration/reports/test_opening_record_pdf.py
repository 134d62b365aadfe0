"""The opening record PDF (开标记录表), from a demo opening driven through
``OpeningService`` on a controllable clock with a fake opener, read back the way a
reader sees it (poppler's pdftotext / pdfinfo / pdftoppm); and
``venue-admin report opening-record``."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.integration.test_opening_service import FakeOpener, Hall, _check_in, _hall
from tests.support.confirm_keys import CompanyKeys
from venue_client.cli import main
from venue_client.crypto.envelope_errors import TamperedError, WrongKeyError
from venue_client.domain.beijing import BEIJING
from venue_client.domain.money import capital_yuan, format_yuan
from venue_client.domain.opening_summary import OpeningSummary
from venue_client.reports.opening import record_sha256, write_opening_record
from venue_client.services.checkin import CheckInService
from venue_client.services.context import AppContext
from venue_client.services.demo import DEMO_PASSWORD
from venue_client.services.opening_causes import OpenedBid
from venue_client.services.opening_record import OpeningRecordData, RecordBidder
from venue_client.store.models import Bid

POPPLER = ("pdftotext", "pdfinfo", "pdftoppm")
if any(shutil.which(tool) is None for tool in POPPLER):
    if os.environ.get("CI"):
        pytest.fail("poppler-utils is required in CI", pytrace=False)
    pytest.skip("poppler-utils not installed", allow_module_level=True)

GENERATED = datetime(2026, 11, 27, 2, 41, 5, tzinfo=UTC)  # 10:41:05 Beijing time
LONG_NAME = "浙江宏达建设有限公司与杭州瑞景市政工程有限公司联合体（牵头人：浙江宏达建设有限公司）"


def _tool(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _pages(pdf: Path) -> int:
    found = re.search(r"Pages:\s+(\d+)", _tool("pdfinfo", pdf))
    assert found
    return int(found.group(1))


def _flat(text: str) -> str:
    """pdftotext output without blanks: a cell's wrapped lines read as one."""
    return re.sub(r"\s+", "", text)


def _without_summary(opener: FakeOpener) -> Callable[[Bid], OpenedBid]:
    return lambda bid: dataclasses.replace(opener(bid), summary={})


def _closed_opening(hall: Hall) -> tuple[OpeningRecordData, list[str]]:
    """The demo section opened end to end: some bids decrypted (one with the backup
    key), one withdrawn, one retracted, an objection answered, two confirmations."""
    service, desk = hall.service, hall.desk
    [b0, b1, b2, b3, _b4, b5] = [bid for _bidder, bid, _code in hall.bidders]
    service.begin_checkin(hall.ref, operator=desk)
    checkins = {i: _check_in(hall, i) for i in (0, 1, 2, 3)}
    hall.clock.at = hall.opening_time + timedelta(minutes=2)
    checkins[5] = _check_in(hall, 5)
    status = service.start(hall.ref, operator=desk, supervisor=hall.supervisor)
    service.begin_decryption(hall.ref, operator=desk)
    opener = FakeOpener()
    opener.script = {b1: [WrongKeyError()], b3: [WrongKeyError()], b5: [TamperedError(3)]}
    approver = service.approver("supervisor", DEMO_PASSWORD, operator=desk)
    # b0 came as CMS (no opening summary): its summary is entered from the documents.
    service.decrypt_bid(hall.ref, b0, _without_summary(opener), operator=desk)
    entry = OpeningSummary("1001111.50", "310日历天", "合格")
    service.enter_summary(hall.ref, b0, entry, operator=desk, approver=approver)
    service.decrypt_bid(hall.ref, b1, opener, operator=desk)
    service.decrypt_bid(hall.ref, b1, opener, operator=desk)
    service.decrypt_bid(hall.ref, b2, opener, operator=desk, method="backup", approver=approver)
    service.decrypt_bid(hall.ref, b3, opener, operator=desk)
    service.decrypt_bid(hall.ref, b5, opener, operator=desk)
    assert status.deadline is not None
    hall.clock.at = status.deadline
    service.close_decryption(hall.ref, operator=desk)
    objection = service.raise_objection(
        hall.ref, checkins[3], "我方加密锁在开标前正常，请核查", operator=desk
    )
    service.begin_confirmation(hall.ref, operator=desk)
    service.confirm(hall.ref, checkins[0], operator=desk)
    company = CheckInService(hall.ctx).roster(hall.ref).rows[1].person.company_code
    CompanyKeys().confirm(service, hall.ref, checkins[1], company, desk)
    service.answer_objection(
        hall.ref, objection, "解密失败原因为密钥错误，已记录在案", operator=desk
    )
    service.close(hall.ref, operator=desk)
    numbers = [r.person.id_number for r in CheckInService(hall.ctx).roster(hall.ref).rows]
    return service.record_data(hall.ref), numbers


def test_the_record_of_a_closed_opening(ctx: AppContext, tmp_path: Path) -> None:
    hall = _hall(ctx)
    record, id_numbers = _closed_opening(hall)
    pdf = tmp_path / "opening-record.pdf"
    generated = hall.clock.now() + timedelta(minutes=3)
    write_opening_record(record, pdf, generated_at=generated, audit_seq=42)
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_mode & 0o777 == 0o600
    text = _tool("pdftotext", "-layout", pdf, "-")
    flat = _flat(text)
    assert "开标记录表" in text and "未结束" not in text
    for heading in ("序号", "投标人", "投标报价（元）", "工期", "质量", "解密结果", "投标人代表",
                    "备注", "异议及答复", "投标人代表确认", "主持人（签字）", "监标人（签字）",
                    "记录人（签字）"):  # fmt: skip
        assert heading in flat, heading
    for value in (record.project_name, record.section_code, record.section_name, record.tenderer,
                  record.agency, record.venue, "王开标", "李监标", "北京时间"):  # fmt: skip
        assert _flat(value) in flat, value
    opening = record.opening_time.astimezone(BEIJING)
    assert f"{opening:%Y}年{opening:%m}月{opening:%d}日{opening:%H}:{opening:%M}" in flat
    decrypted = [b for b in record.bidders if b.price is not None]
    assert len(decrypted) == 3
    for bidder in decrypted:
        assert format_yuan(bidder.price) in flat  # "1,001,111.50元"
        assert re.fullmatch(r"[\d,]+\.\d{2}元", format_yuan(bidder.price))
        assert capital_yuan(bidder.price) in flat
        assert _flat(bidder.name) in flat and _flat(bidder.duration) in flat
    for label in ("解密成功", "视为撤销投标文件", "视为撤回投标文件", "投标人代表未到场",
                  "使用平台备用密钥解密", "开标一览表据投标文件录入",
                  "项目经理：某某", "我方加密锁在开标前正常，请核查",
                  "解密失败原因为密钥错误，已记录在案", "屏幕确认", "电子签名确认"):  # fmt: skip
        assert label in flat, label
    assert f"审计序号42·SHA-256{record_sha256(record)[:16]}" in flat
    assert record_sha256(record) in flat
    assert re.search(r"第\s*1\s*页\s*共\s*\d+\s*页", text)
    assert f"生成时间：{generated.astimezone(BEIJING):%Y-%m-%d%H:%M:%S}（北京时间）" in flat
    assert not any(n in text for n in id_numbers)  # never a full ID number

    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == _pages(pdf) and all(p.stat().st_size > 10_000 for p in pngs)
    if os.environ.get("VENUE_DOCS_SCREENSHOT"):  # regenerate docs/screenshots/opening-record.png
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", "1", str(pdf),
                        os.environ["VENUE_DOCS_SCREENSHOT"]], check=True)  # fmt: skip


def test_long_names_wrap_and_rows_split_across_pages(ctx: AppContext, tmp_path: Path) -> None:
    hall = _hall(ctx)
    record = hall.service.record_data(hall.ref)  # scheduled: a draft
    template = record.bidders[0]
    bidders: list[RecordBidder] = [
        dataclasses.replace(
            template,
            name=LONG_NAME if n % 5 == 0 else f"{template.name}{n:02d}",
            price=f"{12_000_000 + n * 3_456}.{n % 100:02d}",
            duration="540日历天",
            quality="合格",
            decryption="decrypted",
        )
        for n in range(40)
    ]
    big = dataclasses.replace(record, bidders=bidders)
    pdf = tmp_path / "long.pdf"
    write_opening_record(big, pdf, generated_at=GENERATED)
    pages = _pages(pdf)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = _tool("pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-")
        assert "开标记录表（未结束，草稿）" in text, page
        assert re.search(rf"第\s*{page}\s*页\s*共\s*{pages}\s*页", text)
        if page < pages:  # the bidder table runs on: its header on every page
            assert "投标报价（元）" in _flat(text), page
    flat = _flat(_tool("pdftotext", pdf, "-"))  # reading order: a wrapped cell reads on
    assert flat.count(_flat(LONG_NAME)) == 8  # wrapped inside its cell, never cut
    assert "12,000,000.00元" in flat and "12,134,784.39元" in flat
    assert f"记录SHA-256{record_sha256(big)[:16]}" in flat


def _seeded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, list[dict[str, str]]]:
    data = tmp_path / "data"
    assert main(["demo", "seed", "--data-dir", str(data)]) == 0
    assert main(["sessions", "list", "--all", "--json", "--data-dir", str(data)]) == 0
    sessions = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    return data, [s for s in sessions if s["kind"] == "opening"]


def test_report_opening_record_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, openings = _seeded(tmp_path, capsys)
    session = next(s for s in openings if s["state"] == "scheduled")
    by_ref = tmp_path / "by-ref.pdf"
    code = main(["report", "opening-record", session["id"], "--out", str(by_ref),
                 "--data-dir", str(data)])  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    assert str(by_ref) in out.out
    text = _tool("pdftotext", "-layout", by_ref, "-")
    assert "开标记录表（未结束，草稿）" in text and "未开始" in text
    assert _flat(session["section_name"]) in _flat(text)
    by_code = tmp_path / "by-code.pdf"
    code = main(["--lang", "en", "report", "opening-record", session["section_code"], "--out",
                 str(by_code), "--data-dir", str(data)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert session["section_code"] in _tool("pdftotext", by_code, "-")

    closed = next(s for s in openings if s["state"] == "closed")  # the demo's past opening
    code = main(["report", "opening-record", closed["id"].lower(), "--out",
                 str(tmp_path / "closed.pdf"), "--data-dir", str(data)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    text = _tool("pdftotext", "-layout", tmp_path / "closed.pdf", "-")
    assert "开标记录表" in text and "未结束" not in text and "已结束" in text

    for wrong in ("O999", "A0000000000000000000", "E1"):
        code = main(["report", "opening-record", wrong, "--out", str(tmp_path / "no.pdf"),
                     "--data-dir", str(data)])  # fmt: skip
        err = capsys.readouterr().err
        assert code == 1 and f"找不到开标场次或标段：{wrong}" in err
        assert not (tmp_path / "no.pdf").exists()
