"""The sign-in sheet (签到表) of an opening session or an evaluation room.

A4 landscape: title, the session block (project, section, time, room, venue,
counts), then one row per expected person - company, name, role, masked ID
number, check-in time, method, face comparison, remarks, a snapshot thumbnail
and a blank column to sign in - with the table header repeated on every page,
and lines for the staff and the supervisor to sign at the end.

The input is plain data (no database): the check-in service fills it in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from os import PathLike
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text
from venue_client.domain.identity import mask_id_number
from venue_client.fileutil import atomic_write_bytes
from venue_client.reports.layout import (
    EMPTY,
    HEAD_FILL,
    T_DOCUMENT_ID,
    Styles,
    Translate,
    document_id,
    frame_width,
    grid_style,
    info_grid,
    label,
    long_time,
    make_styles,
    no_translation,
    para,
    render_section_document,
    sign_off_lines,
    table_time,
    thumbnail,
    tr,
    wrap_style,
)

SessionKind = Literal["opening", "evaluation"]

T_TITLE = {
    "opening": QT_TRANSLATE_NOOP("reports", "开标签到表"),
    "evaluation": QT_TRANSLATE_NOOP("reports", "评标专家签到表"),
}
T_PROJECT_CODE = QT_TRANSLATE_NOOP("reports", "项目编号")
T_PROJECT_NAME = QT_TRANSLATE_NOOP("reports", "项目名称")
T_SECTION_CODE = QT_TRANSLATE_NOOP("reports", "标段（包）编号")
T_SECTION_NAME = QT_TRANSLATE_NOOP("reports", "标段（包）名称")
T_TIME = {
    "opening": QT_TRANSLATE_NOOP("reports", "开标时间"),
    "evaluation": QT_TRANSLATE_NOOP("reports", "评标时间"),
}
T_ROOM = {
    "opening": QT_TRANSLATE_NOOP("reports", "开标室"),
    "evaluation": QT_TRANSLATE_NOOP("reports", "评标室"),
}
T_VENUE = QT_TRANSLATE_NOOP("reports", "交易场所")
T_ATTENDANCE = QT_TRANSLATE_NOOP("reports", "签到情况")
T_COUNTS = QT_TRANSLATE_NOOP(
    "reports", "应到 {expected} 人，已签到 {present} 人，其中迟到 {late} 人"
)
T_LATE = QT_TRANSLATE_NOOP("reports", "迟到")
T_NOTE = QT_TRANSLATE_NOOP(
    "reports", "注：证件号码已作脱敏处理；签到时间为北京时间；本表由系统根据现场签到记录生成。"
)
SIGN_OFF = (
    QT_TRANSLATE_NOOP("reports", "经办人（签字）："),
    QT_TRANSLATE_NOOP("reports", "监督人（签字）："),
    QT_TRANSLATE_NOOP("reports", "日期："),
)
COLUMNS: tuple[tuple[Text, float], ...] = (  # heading, width in mm (签名 takes the rest)
    (QT_TRANSLATE_NOOP("reports", "序号"), 12),
    (QT_TRANSLATE_NOOP("reports", "单位"), 48),
    (QT_TRANSLATE_NOOP("reports", "姓名"), 19),
    (QT_TRANSLATE_NOOP("reports", "身份"), 21),
    (QT_TRANSLATE_NOOP("reports", "证件号（脱敏）"), 39),
    (QT_TRANSLATE_NOOP("reports", "签到时间"), 21),
    (QT_TRANSLATE_NOOP("reports", "方式"), 17),
    (QT_TRANSLATE_NOOP("reports", "人脸比对"), 17),
    (QT_TRANSLATE_NOOP("reports", "备注"), 17),
    (QT_TRANSLATE_NOOP("reports", "照片"), 20),
    (QT_TRANSLATE_NOOP("reports", "签名"), 0),
)
PAGE = landscape(A4)
FRAME_WIDTH = frame_width(PAGE)
PHOTO_COLUMN = 9
PHOTO_HEIGHT = 18 * mm
PHOTO_PADDING = 1.5  # points, around the thumbnail
LATE_RED = "#B00020"


@dataclass(frozen=True)
class SigninRow:
    """One expected person. Labels are printed as given; pass ``Text`` to have them
    translated with the sheet. ``id_number_masked`` is masked again if it is not."""

    seq: int
    person_name: str
    company: str  # bidder's company, or the expert's employer / category
    role_label: str  # 授权委托人, 法定代表人, 评标专家 ...
    id_number_masked: str
    checked_in_at: datetime | None
    method_label: str  # 身份证, CA证书, 二维码, 人工录入 ...
    face_score: str  # "0.31", or "-" when not compared
    late: bool
    status_label: str  # 已签到, 未签到, 不通过 ...
    snapshot_jpeg: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class SigninSheet:
    """The session and its people; times are timezone-aware, printed in Beijing time."""

    title: str  # empty: 开标签到表 / 评标专家签到表 by session kind
    session_kind: SessionKind
    project_code: str
    project_name: str
    section_code: str
    section_name: str
    room: str
    scheduled_at: datetime
    venue_name: str
    generated_at: datetime
    rows: Sequence[SigninRow]
    document_id: str | None = None  # None: derived from the content


def render_signin_sheet(sheet: SigninSheet, *, translate: Translate = no_translation) -> bytes:
    """The sign-in sheet as PDF bytes."""
    if sheet.session_kind not in T_TITLE:
        raise ValueError(f"unknown session kind {sheet.session_kind!r}")
    styles = make_styles()
    title = (
        label(sheet.title, translate)
        if sheet.title.strip()
        else translate(T_TITLE[sheet.session_kind])
    )
    doc_id = sheet.document_id or _document_id(sheet)
    story: list[Flowable] = [
        para(title, styles.title),
        Spacer(1, 3 * mm),
        _session_block(sheet, styles, translate),
        Spacer(1, 4 * mm),
        _people_table(sheet.rows, styles, translate),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                para(translate(T_NOTE), styles.note),
                Spacer(1, 6 * mm),
                sign_off_lines([translate(t) for t in SIGN_OFF], styles, FRAME_WIDTH),
            ]
        ),
    ]
    return render_section_document(
        story,
        pagesize=PAGE,
        title=title,
        venue=sheet.venue_name,
        project_code=sheet.project_code,
        section_code=sheet.section_code,
        generated_at=sheet.generated_at,
        reference=tr(T_DOCUMENT_ID, translate, id=doc_id),
        translate=translate,
    )


def write_signin_sheet(
    sheet: SigninSheet, path: str | PathLike[str], *, translate: Translate = no_translation
) -> None:
    """Render the sheet and write it atomically, readable by the owner only (0600)."""
    atomic_write_bytes(Path(path), render_signin_sheet(sheet, translate=translate), 0o600)


def _session_block(sheet: SigninSheet, s: Styles, translate: Translate) -> Table:
    kind = sheet.session_kind
    present = sum(1 for r in sheet.rows if r.checked_in_at is not None)
    late = sum(1 for r in sheet.rows if r.late)
    counts = tr(T_COUNTS, translate, expected=len(sheet.rows), present=present, late=late)
    pairs = (
        (T_PROJECT_CODE, label(sheet.project_code, translate)),
        (T_PROJECT_NAME, label(sheet.project_name, translate)),
        (T_SECTION_CODE, label(sheet.section_code, translate)),
        (T_SECTION_NAME, label(sheet.section_name, translate)),
        (T_TIME[kind], long_time(sheet.scheduled_at, translate)),
        (T_ROOM[kind], label(sheet.room, translate)),
        (T_VENUE, label(sheet.venue_name, translate)),
        (T_ATTENDANCE, counts),
    )
    return info_grid([(translate(k), v) for k, v in pairs], s, FRAME_WIDTH)


def _people_table(rows: Sequence[SigninRow], s: Styles, translate: Translate) -> Table:
    widths = [w * mm for _, w in COLUMNS]
    widths[-1] = FRAME_WIDTH - sum(widths)
    photo_w = widths[PHOTO_COLUMN] - 2 * PHOTO_PADDING
    any_photo = any(r.snapshot_jpeg for r in rows)
    min_height = PHOTO_HEIGHT if any_photo else 11 * mm  # room to sign by hand
    data: list[list[Flowable]] = [[para(translate(h), s.head) for h, _ in COLUMNS]]
    for row in rows:
        photo = thumbnail(row.snapshot_jpeg, photo_w, PHOTO_HEIGHT) if row.snapshot_jpeg else None
        data.append(
            [
                para(str(row.seq), s.cell_center),
                para(label(row.company, translate), s.cell),
                para(label(row.person_name, translate), s.cell_center),
                para(label(row.role_label, translate), s.cell_center),
                para(_masked(row.id_number_masked), s.cell_center),
                para(table_time(row.checked_in_at).replace(" ", "\n"), s.cell_center),
                para(label(row.method_label, translate), s.cell_center),
                para(label(row.face_score, translate), s.cell_center),
                _remarks(row, s, translate),
                photo or para(EMPTY, s.cell_center),
                Spacer(1, min_height),
            ]
        )
    style = [
        *grid_style(s.font, padding=3),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("ALIGN", (PHOTO_COLUMN, 1), (PHOTO_COLUMN, -1), "CENTER"),
        ("LEFTPADDING", (PHOTO_COLUMN, 1), (PHOTO_COLUMN, -1), PHOTO_PADDING),
        ("RIGHTPADDING", (PHOTO_COLUMN, 1), (PHOTO_COLUMN, -1), PHOTO_PADDING),
        ("TOPPADDING", (PHOTO_COLUMN, 1), (-1, -1), PHOTO_PADDING),
        ("BOTTOMPADDING", (PHOTO_COLUMN, 1), (-1, -1), PHOTO_PADDING),
    ]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _remarks(row: SigninRow, s: Styles, translate: Translate) -> Paragraph:
    """The status, and 迟到 in red under it for a late arrival."""
    lines = [label(row.status_label, translate)] if row.status_label.strip() else []
    markup = [escape(line) for line in lines]
    if row.late:
        lines.append(translate(T_LATE))
        markup.append(f'<font color="{LATE_RED}">{escape(lines[-1])}</font>')
    if not lines:
        return para(EMPTY, s.cell_center)
    return Paragraph("<br/>".join(markup), wrap_style(" ".join(lines), s.cell_center))


def _masked(number: str) -> str:
    """Never print a full ID number, whatever the caller passed."""
    number = number.strip()
    if not number:
        return EMPTY
    return number if "*" in number else mask_id_number(number)


def _document_id(sheet: SigninSheet) -> str:
    people = [(r.seq, r.person_name, r.checked_in_at, r.status_label) for r in sheet.rows]
    return document_id(
        "QD",
        sheet.project_code,
        sheet.section_code,
        sheet.session_kind,
        sheet.scheduled_at,
        sheet.generated_at,
        people,
    )
