"""The sign-in sheet PDF (签到表), checked the way a reader sees it: poppler's
pdftotext / pdfimages / pdffonts / pdftoppm on the real file.

People are synthetic, with ID numbers in the fictional district 330199."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.support.require import unavailable
from venue_client.domain.errors import Text
from venue_client.domain.identity import mask_id_number
from venue_client.domain.synthetic import make_citizen_id, make_company_name, make_person_name
from venue_client.reports import (
    SigninRow,
    SigninSheet,
    cjk_font,
    render_signin_sheet,
    write_signin_sheet,
)
from venue_client.reports.fonts import FONT_ENV
from venue_client.reports.layout import BEIJING

POPPLER = ("pdftotext", "pdfinfo", "pdfimages", "pdffonts", "pdftoppm")
if any(shutil.which(tool) is None for tool in POPPLER):
    if os.environ.get("CI"):
        pytest.fail("poppler-utils is required in CI", pytrace=False)
    pytest.skip("poppler-utils not installed", allow_module_level=True)

REGION = "330199"  # not a real district: synthetic ID numbers belong to nobody
OPENING = datetime(2026, 11, 27, 9, 30, tzinfo=BEIJING)
GENERATED = datetime(2026, 11, 27, 1, 41, 5, tzinfo=UTC)  # 09:41:05 Beijing time
LONG_COMPANY = (
    "浙江宏达建设有限公司与杭州瑞景市政工程有限公司联合体（牵头人：浙江宏达建设有限公司）"
)
METHODS = ("身份证", "CA证书", "二维码", "人工录入")
ROLES = ("授权委托人", "法定代表人")


def _snapshot(rng: random.Random) -> bytes:
    """A camera-like portrait snapshot: background, face-coloured oval, eyes."""
    img = np.full((640, 480, 3), (rng.randrange(150, 220), 200, 190), np.uint8)
    cv2.ellipse(img, (240, 300), (130, 170), 0, 0, 360, (150, 180, 225), -1)
    for x in (190, 290):
        cv2.circle(img, (x, 260), 14, (60, 50, 40), -1)
    cv2.ellipse(img, (240, 380), (50, 18), 0, 0, 180, (80, 80, 160), 4)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return buf.tobytes()


def _people(count: int, seed: int = 7) -> tuple[list[SigninRow], list[str]]:
    rng = random.Random(seed)
    rows, ids = [], []
    for seq in range(1, count + 1):
        number = make_citizen_id(rng, region=REGION)
        ids.append(number)
        present = seq % 9 != 0
        late = present and seq % 7 == 0
        at = OPENING - timedelta(minutes=40) + timedelta(seconds=37 * seq)
        if late:
            at = OPENING + timedelta(minutes=3, seconds=seq)
        rows.append(
            SigninRow(
                seq=seq,
                person_name=make_person_name(rng),
                company=LONG_COMPANY if seq == 2 else make_company_name(rng, "construction"),
                role_label=ROLES[seq % 2],
                id_number_masked=mask_id_number(number),
                checked_in_at=at if present else None,
                method_label=METHODS[seq % 4] if present else "",
                face_score=f"{rng.uniform(0.2, 0.45):.2f}" if present and seq % 4 == 1 else "-",
                late=late,
                status_label="已签到" if present else "未签到",
                snapshot_jpeg=_snapshot(rng) if present else None,
            )
        )
    return rows, ids


def _sheet(rows: list[SigninRow], **changes: object) -> SigninSheet:
    values: dict[str, object] = {
        "title": "开标签到表",
        "session_kind": "opening",
        "project_code": "A3301992026000123",
        "project_name": "杭州市某某区城市道路提升改造工程（一期）施工",
        "section_code": "A3301992026000123001",
        "section_name": "第一标段",
        "room": "第三开标室",
        "scheduled_at": OPENING,
        "venue_name": "杭州市公共资源交易中心",
        "generated_at": GENERATED,
        "rows": rows,
    }
    values.update(changes)
    return SigninSheet(**values)  # type: ignore[arg-type]


def _tool(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _pages(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _tool("pdfinfo", pdf)).group(1))


@pytest.fixture(scope="module")
def one_row(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    rows, ids = _people(1)
    path = tmp_path_factory.mktemp("signin") / "one.pdf"
    write_signin_sheet(_sheet(rows), path)
    return path, ids


@pytest.fixture(scope="module")
def eighty_rows(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[SigninRow], list[str]]:
    rows, ids = _people(80)
    path = tmp_path_factory.mktemp("signin") / "eighty.pdf"
    write_signin_sheet(_sheet(rows), path)
    return path, rows, ids


@pytest.fixture
def font_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.delenv(FONT_ENV, raising=False)
    yield monkeypatch


def test_one_row_sheet_reads_in_chinese(one_row: tuple[Path, list[str]]) -> None:
    pdf, ids = one_row
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = _tool("pdftotext", "-layout", pdf, "-")
    assert "开标签到表" in text
    assert re.search(r"第\s*1\s*页\s*共\s*1\s*页", text)
    for heading in (
        "序号",
        "单位",
        "姓名",
        "身份",
        "证件号（脱敏）",
        "签到时间",
        "人脸比对",
        "签名",
    ):
        assert heading in text
    assert "2026年11月27日 09:30" in text
    assert "生成时间：2026-11-27 09:41:05（北京时间）" in text
    assert "应到 1 人，已签到 1 人，其中迟到 0 人" in text
    rows, _ = _people(1)
    assert rows[0].person_name in text
    assert mask_id_number(ids[0]) in text
    assert ids[0] not in text


def test_one_row_sheet_renders_to_an_image(one_row: tuple[Path, list[str]], tmp_path: Path) -> None:
    pdf, _ = one_row
    _tool("pdftoppm", "-png", "-r", "80", pdf, tmp_path / "page")
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 1
    assert cv2.imread(str(pngs[0])).shape[1] > cv2.imread(str(pngs[0])).shape[0]  # landscape


def test_truetype_font_is_embedded(one_row: tuple[Path, list[str]]) -> None:
    pdf, _ = one_row
    font = cjk_font()
    fonts = _tool("pdffonts", pdf).splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    if font.kind != "truetype":
        unavailable(f"no TrueType CJK font on this machine ({font.describe()})")
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    assert all("TrueType" in line for line in fonts), fonts


def test_eighty_rows_run_over_several_pages(
    eighty_rows: tuple[Path, list[SigninRow], list[str]],
) -> None:
    pdf, rows, ids = eighty_rows
    pages = _pages(pdf)
    assert pages >= 2
    text = _tool("pdftotext", "-layout", pdf, "-")
    for page in range(1, pages + 1):
        assert re.search(rf"第\s*{page}\s*页\s*共\s*{pages}\s*页", text)
    assert text.count("证件号（脱敏）") == pages  # the table header repeats
    assert "应到 80 人" in text
    for row, number in zip(rows, ids, strict=True):
        assert row.person_name in text
        assert row.id_number_masked in text
        assert number not in text
    assert "迟到" in text
    assert "经办人（签字）" in text  # the sign-off after the last row


def test_snapshots_are_embedded_as_small_jpegs(
    eighty_rows: tuple[Path, list[SigninRow], list[str]],
) -> None:
    pdf, rows, _ = eighty_rows
    listing = _tool("pdfimages", "-list", pdf).splitlines()[2:]
    images = [line.split() for line in listing]
    assert len(images) == sum(1 for r in rows if r.snapshot_jpeg)
    assert {fields[8] for fields in images} == {"jpeg"}
    assert max(max(int(f[3]), int(f[4])) for f in images) <= 320  # thumbnails, not frames
    assert pdf.stat().st_size < 2_000_000


def test_long_company_name_wraps_inside_its_cell(
    eighty_rows: tuple[Path, list[SigninRow], list[str]],
) -> None:
    pdf, _, _ = eighty_rows
    text = _tool("pdftotext", "-f", "1", "-l", "1", "-raw", pdf, "-")
    flat = re.sub(r"\s+", "", text)
    assert LONG_COMPANY in flat
    assert LONG_COMPANY not in text  # it is broken over lines


def test_write_is_atomic_and_private(tmp_path: Path) -> None:
    rows, _ = _people(2)
    target = tmp_path / "reports" / "signin.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    write_signin_sheet(_sheet(rows), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["signin.pdf"]


def test_unmasked_id_numbers_are_masked_anyway(tmp_path: Path) -> None:
    rows, ids = _people(3)
    leaky = [
        SigninRow(**{**r.__dict__, "id_number_masked": n}) for r, n in zip(rows, ids, strict=True)
    ]
    pdf = tmp_path / "leaky.pdf"
    write_signin_sheet(_sheet(leaky), pdf)
    text = _tool("pdftotext", "-layout", pdf, "-")
    for number in ids:
        assert number not in text
        assert mask_id_number(number) in text


def test_empty_values_and_no_people(tmp_path: Path) -> None:
    row = SigninRow(
        1,
        "王伟",
        "",
        "",
        "",
        None,
        "",
        "",
        late=False,
        status_label="",
        snapshot_jpeg=b"not a jpeg",
    )
    pdf = tmp_path / "sparse.pdf"
    write_signin_sheet(_sheet([row], title="", section_code="", section_name="", room=""), pdf)
    text = _tool("pdftotext", "-layout", pdf, "-")
    assert "开标签到表" in text  # the default title for an opening
    assert re.search(r"1\s+-\s+王伟(\s+-){7}", text), text
    empty = tmp_path / "empty.pdf"
    write_signin_sheet(_sheet([], session_kind="evaluation", title=""), empty)
    text = _tool("pdftotext", "-layout", empty, "-")
    assert "评标专家签到表" in text
    assert "评标室" in text
    assert "应到 0 人" in text


def test_naive_times_are_refused() -> None:
    rows, _ = _people(1)
    with pytest.raises(ValueError, match="timezone-aware"):
        render_signin_sheet(_sheet(rows, scheduled_at=datetime(2026, 11, 27, 9, 30)))


EN = {
    "开标签到表": "Opening sign-in sheet",
    "评标专家签到表": "Expert sign-in sheet",
    "项目编号": "Project no.",
    "项目名称": "Project",
    "标段（包）编号": "Section no.",
    "标段（包）名称": "Section",
    "开标时间": "Opening time",
    "评标时间": "Evaluation time",
    "开标室": "Opening room",
    "评标室": "Evaluation room",
    "交易场所": "Venue",
    "签到情况": "Attendance",
    "应到 {expected} 人，已签到 {present} 人，其中迟到 {late} 人": "Expected {expected}, checked in {present}, late {late}",
    "迟到": "Late",
    "序号": "No.",
    "单位": "Company",
    "姓名": "Name",
    "身份": "Role",
    "证件号（脱敏）": "ID number (masked)",
    "签到时间": "Checked in",
    "方式": "Method",
    "人脸比对": "Face match",
    "备注": "Remarks",
    "照片": "Photo",
    "签名": "Signature",
    "第 {page} 页 共 {pages} 页": "Page {page} of {pages}",
    "生成时间：{time}（北京时间）": "Generated {time} (Beijing time)",
    "文档编号：{id}": "Document {id}",
    "{y}年{m:02d}月{d:02d}日 {hh:02d}:{mm:02d}": "{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}",
    "注：证件号码已作脱敏处理；签到时间为北京时间；本表由系统根据现场签到记录生成。": "Note: ID numbers are masked; times are Beijing time; this sheet is generated from the check-in records.",
    "经办人（签字）：": "Staff (signature):",
    "监督人（签字）：": "Supervisor (signature):",
    "日期：": "Date:",
    "已签到": "Checked in",
    "未签到": "Absent",
}


def english(text: Text) -> str:
    assert text.context == "reports"
    return EN[str(text)]


def test_english_variant(tmp_path: Path) -> None:
    rows, _ = _people(12)
    labelled = [
        SigninRow(**{**r.__dict__, "status_label": Text(r.status_label, "reports")}) for r in rows
    ]
    pdf = tmp_path / "en.pdf"
    write_signin_sheet(_sheet(labelled, title=""), pdf, translate=english)
    text = _tool("pdftotext", "-layout", pdf, "-")
    assert "Opening sign-in sheet" in text
    assert re.search(r"Page 1 of [12]\b", text)
    assert "2026-11-27 09:30" in text
    assert "Generated 2026-11-27 09:41:05 (Beijing time)" in text
    assert "Signature" in text and "Late" in text and "Absent" in text
    assert "签名" not in text and "开标时间" not in text
    assert rows[0].person_name in text  # data stays as it is


def test_cid_font_fallback(font_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    font_env.setenv(FONT_ENV, "STSong-Light")
    assert cjk_font().kind == "cid"
    rows, _ = _people(2)
    pdf = tmp_path / "cid.pdf"
    write_signin_sheet(_sheet(rows), pdf)
    fonts = _tool("pdffonts", pdf)
    assert "STSong-Light" in fonts
    assert "开标签到表" in _tool("pdftotext", "-layout", pdf, "-")  # needs poppler-data


def test_font_override_and_bad_override(font_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    default = cjk_font()
    if default.kind != "truetype" or default.path is None:
        unavailable("no TrueType CJK font on this machine")
    font_env.setenv(FONT_ENV, f"{default.path}#2")
    chosen = cjk_font()
    assert (chosen.path, chosen.subfont_index) == (default.path, 2)
    bad = tmp_path / "NotoSansCJK-Regular.otf"
    bad.write_bytes(b"OTTO")
    font_env.setenv(FONT_ENV, str(bad))
    assert cjk_font().path == default.path  # skipped, next candidate
