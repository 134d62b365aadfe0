"""The opening record (开标记录表) of an opening session.

A4 landscape: title (marked 未结束 while the session is not closed), the session
block (project, section, opening time in Beijing time, place, host, supervisor,
tenderer, agency), one row per bidder - name, price in 元 with its capital form
(大写), duration, quality, decryption result, representatives, remarks - with the
table header repeated on every page, then the objections (异议) with their
answers, the representatives' confirmations, and lines for the host, the
supervisor and the recorder to sign. The footer carries the page number and the
audit reference: the record's SHA-256 (over its content) and, when known, the
audit log sequence number of the session's last event.

The input is :class:`~venue_client.services.opening_record.OpeningRecordData`
(plain data, no database). ID numbers are never printed: the data carries none,
and anything that looks like one in free text is masked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Sequence
from datetime import datetime
from enum import Enum
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message, Text
from venue_client.domain.identity import mask_id_number
from venue_client.domain.money import capital_yuan, format_yuan, parse_amount
from venue_client.domain.opening import STATE_LABELS, OpeningState
from venue_client.fileutil import atomic_write_bytes
from venue_client.reports.layout import (
    EMPTY,
    HEAD_FILL,
    Styles,
    Translate,
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
    tr,
)

if TYPE_CHECKING:
    from venue_client.services.opening_record import (
        OpeningRecordData,
        RecordBidder,
        RecordConfirmation,
        RecordObjection,
    )

T_TITLE = QT_TRANSLATE_NOOP("reports", "开标记录表")
T_DRAFT = QT_TRANSLATE_NOOP("reports", "（未结束，草稿）")
T_PROJECT_NAME = QT_TRANSLATE_NOOP("reports", "项目名称")
T_PROJECT_CODE = QT_TRANSLATE_NOOP("reports", "项目编号")
T_SECTION_CODE = QT_TRANSLATE_NOOP("reports", "标段（包）编号")
T_SECTION_NAME = QT_TRANSLATE_NOOP("reports", "标段（包）名称")
T_OPENING_TIME = QT_TRANSLATE_NOOP("reports", "开标时间")
T_STARTED = QT_TRANSLATE_NOOP("reports", "实际开始")
T_PLACE = QT_TRANSLATE_NOOP("reports", "开标地点")
T_STATE = QT_TRANSLATE_NOOP("reports", "状态")
T_HOST = QT_TRANSLATE_NOOP("reports", "主持人")
T_SUPERVISOR = QT_TRANSLATE_NOOP("reports", "监标人")
T_TENDERER = QT_TRANSLATE_NOOP("reports", "招标人")
T_AGENCY = QT_TRANSLATE_NOOP("reports", "招标代理机构")
T_DEADLINE = QT_TRANSLATE_NOOP("reports", "解密截止")
T_CLOSED = QT_TRANSLATE_NOOP("reports", "结束时间")
T_PLACE_VALUE = QT_TRANSLATE_NOOP("reports", "{venue} {room}（{code}）")
T_BIDS = QT_TRANSLATE_NOOP("reports", "投标文件解密及开标情况")
T_NO_BIDDERS = QT_TRANSLATE_NOOP("reports", "本标段没有投标人")
T_NO_OPENING = QT_TRANSLATE_NOOP("reports", "投标人少于 3 个，不予开标，依法重新招标。")
T_CAPITAL = QT_TRANSLATE_NOOP("reports", "大写：{words}")
T_OTHER_ITEM = QT_TRANSLATE_NOOP("reports", "{key}：{value}")
T_OBJECTIONS = QT_TRANSLATE_NOOP("reports", "异议及答复")
T_NO_OBJECTIONS = QT_TRANSLATE_NOOP("reports", "开标过程中无投标人提出异议。")
T_UNANSWERED = QT_TRANSLATE_NOOP("reports", "（尚未答复）")
T_CONFIRMATIONS = QT_TRANSLATE_NOOP("reports", "投标人代表确认")
T_NO_CONFIRMATIONS = QT_TRANSLATE_NOOP("reports", "尚无投标人代表确认。")
CONFIRM_METHODS: dict[str, Text] = {
    "screen": QT_TRANSLATE_NOOP("reports", "屏幕确认"),
    "signature": QT_TRANSLATE_NOOP("reports", "电子签名确认"),
}
T_NOTE = QT_TRANSLATE_NOOP(
    "reports",
    "注：时间均为北京时间；投标报价取自投标文件中的开标一览表，大写与小写不一致时以大写为准；"
    "本表由系统根据开标现场记录生成，证件号码不予显示。",
)
T_RECORD_HASH = QT_TRANSLATE_NOOP("reports", "本记录内容 SHA-256：{sha256}")
T_AUDIT_REF = QT_TRANSLATE_NOOP("reports", "审计序号 {seq} · SHA-256 {short}")
T_HASH_REF = QT_TRANSLATE_NOOP("reports", "记录 SHA-256 {short}")
SIGN_OFF = (
    QT_TRANSLATE_NOOP("reports", "主持人（签字）："),
    QT_TRANSLATE_NOOP("reports", "监标人（签字）："),
    QT_TRANSLATE_NOOP("reports", "记录人（签字）："),
)
BIDDER_COLUMNS: tuple[tuple[Text, float], ...] = (  # heading, width in mm (备注 takes the rest)
    (QT_TRANSLATE_NOOP("reports", "序号"), 11),
    (QT_TRANSLATE_NOOP("reports", "投标人"), 58),
    (QT_TRANSLATE_NOOP("reports", "投标报价"), 54),
    (QT_TRANSLATE_NOOP("reports", "工期"), 24),
    (QT_TRANSLATE_NOOP("reports", "质量"), 18),
    (QT_TRANSLATE_NOOP("reports", "解密结果"), 30),
    (QT_TRANSLATE_NOOP("reports", "投标人代表"), 22),
    (QT_TRANSLATE_NOOP("reports", "备注"), 0),
)
OBJECTION_COLUMNS: tuple[tuple[Text, float], ...] = (
    (QT_TRANSLATE_NOOP("reports", "序号"), 11),
    (QT_TRANSLATE_NOOP("reports", "投标人"), 50),
    (QT_TRANSLATE_NOOP("reports", "提出人"), 20),
    (QT_TRANSLATE_NOOP("reports", "提出时间"), 22),
    (QT_TRANSLATE_NOOP("reports", "异议内容"), 68),
    (QT_TRANSLATE_NOOP("reports", "答复"), 0),
    (QT_TRANSLATE_NOOP("reports", "答复人"), 20),
    (QT_TRANSLATE_NOOP("reports", "答复时间"), 22),
)
CONFIRMATION_COLUMNS: tuple[tuple[Text, float], ...] = (
    (QT_TRANSLATE_NOOP("reports", "序号"), 11),
    (QT_TRANSLATE_NOOP("reports", "投标人"), 0),
    (QT_TRANSLATE_NOOP("reports", "确认人"), 30),
    (QT_TRANSLATE_NOOP("reports", "确认方式"), 36),
    (QT_TRANSLATE_NOOP("reports", "确认时间"), 40),
)
PAGE = landscape(A4)
FRAME_WIDTH = frame_width(PAGE)
FAILED_RED = "#B00020"
OK_GREEN = "#1B7F3B"
HEADING_ROOM = 30 * mm  # heading, table header and about two rows
ID_LIKE = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")


def record_sha256(record: OpeningRecordData) -> str:
    """SHA-256 over the record's content (canonical JSON), the same for the same
    record whenever and wherever it is printed."""
    data = json.dumps(_plain(record), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _plain(value: object) -> object:
    """``value`` as JSON data: dataclasses as objects, times in ISO 8601, texts as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        value = value.value
    if value is None or isinstance(value, bool | int):
        return value
    return str(value)  # str, Text, Message, Decimal


def render_opening_record(
    record: OpeningRecordData,
    *,
    generated_at: datetime,
    audit_seq: int | None = None,
    translate: Translate = no_translation,
) -> bytes:
    """The opening record as PDF bytes; ``audit_seq``: the audit log entry of the
    session's latest event, printed in the footer when given."""
    styles = make_styles()
    closed = record.state in (OpeningState.CLOSED, OpeningState.FAILED)
    title = translate(T_TITLE) + ("" if closed else translate(T_DRAFT))
    sha = record_sha256(record)
    story: list[Flowable] = [
        para(title, styles.title),
        Spacer(1, 3 * mm),
        _session_block(record, styles, translate),
        Spacer(1, 4 * mm),
        *_heading(translate(T_BIDS), styles),
    ]
    if record.outcome == "no_opening":
        story.append(para(translate(T_NO_OPENING), _red(styles.cell)))
        story.append(Spacer(1, 2 * mm))
    story.append(_bidder_table(record, styles, translate))
    story += [
        Spacer(1, 4 * mm),
        *_heading(translate(T_OBJECTIONS), styles),
        _objections(record.objections, styles, translate),
        Spacer(1, 4 * mm),
        *_heading(translate(T_CONFIRMATIONS), styles),
        _confirmations(record.confirmations, styles, translate),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                para(translate(T_NOTE), styles.note),
                para(tr(T_RECORD_HASH, translate, sha256=sha), styles.note),
                Spacer(1, 6 * mm),
                sign_off_lines([translate(t) for t in SIGN_OFF], styles, FRAME_WIDTH),
            ]
        ),
    ]
    reference = (
        tr(T_AUDIT_REF, translate, seq=audit_seq, short=sha[:16])
        if audit_seq is not None
        else tr(T_HASH_REF, translate, short=sha[:16])
    )
    return render_section_document(
        story,
        pagesize=PAGE,
        title=title,
        venue=record.venue,
        project_code=record.project_code,
        section_code=record.section_code,
        generated_at=generated_at,
        reference=reference,
        translate=translate,
    )


def write_opening_record(
    record: OpeningRecordData,
    path: str | PathLike[str],
    *,
    generated_at: datetime,
    audit_seq: int | None = None,
    translate: Translate = no_translation,
) -> None:
    """Render the record and write it atomically, readable by the owner only (0600)."""
    data = render_opening_record(
        record, generated_at=generated_at, audit_seq=audit_seq, translate=translate
    )
    atomic_write_bytes(Path(path), data, 0o600)


# -- blocks ---------------------------------------------------------------------------


def _session_block(r: OpeningRecordData, s: Styles, translate: Translate) -> Table:
    place = tr(T_PLACE_VALUE, translate, venue=r.venue, room=r.room_name, code=r.room_code)
    pairs: list[tuple[Text, str]] = [
        (T_PROJECT_NAME, label(r.project_name, translate)),
        (T_PROJECT_CODE, label(r.project_code, translate)),
        (T_SECTION_NAME, label(r.section_name, translate)),
        (T_SECTION_CODE, label(r.section_code, translate)),
        (T_OPENING_TIME, long_time(r.opening_time, translate)),
        (T_PLACE, place.strip()),
        (T_STARTED, table_time(r.started_at)),
        (T_DEADLINE, table_time(r.deadline)),
        (T_HOST, label(r.host, translate)),
        (T_SUPERVISOR, label(r.supervisor, translate)),
        (T_TENDERER, label(r.tenderer, translate)),
        (T_AGENCY, label(r.agency, translate)),
        (T_STATE, translate(STATE_LABELS[OpeningState(r.state)])),
        (T_CLOSED, table_time(r.closed_at)),
    ]
    return info_grid([(translate(k), v) for k, v in pairs], s, FRAME_WIDTH)


def _heading(text: str, s: Styles) -> list[Flowable]:
    """A section heading, on a new page unless its table's first rows fit under it."""
    return [CondPageBreak(HEADING_ROOM), _heading_line(text, s)]


def _heading_line(text: str, s: Styles) -> Paragraph:
    style = ParagraphStyle("section-heading", s.meta_label, fontSize=11, leading=15)
    return para(text, style)


def _widths(columns: Sequence[tuple[Text, float]]) -> list[float]:
    widths = [w * mm for _, w in columns]
    rest = widths.index(0)
    widths[rest] = FRAME_WIDTH - sum(widths)
    return widths


def _table(data: list[list[Flowable]], widths: list[float], s: Styles) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1)
    table.setStyle(
        TableStyle([*grid_style(s.font, padding=3), ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL)])
    )
    return table


def _bidder_table(r: OpeningRecordData, s: Styles, translate: Translate) -> Table:
    head: list[Flowable] = [para(translate(h), s.head) for h, _ in BIDDER_COLUMNS]
    head[2] = para(f"{translate(BIDDER_COLUMNS[2][0])}（{r.price_unit or '元'}）", s.head)
    data: list[list[Flowable]] = [head]
    for n, bidder in enumerate(r.bidders, start=1):
        data.append(
            [
                para(str(n), s.cell_center),
                para(label(bidder.name, translate), s.cell),
                _price(bidder.price, r.price_unit, s, translate),
                para(label(bidder.duration, translate), s.cell_center),
                para(label(bidder.quality, translate), s.cell_center),
                _result(bidder, s, translate),
                para(label("\n".join(bidder.representatives), translate), s.cell_center),
                para(_remarks(bidder, translate), s.cell),
            ]
        )
    if not r.bidders:
        empty: list[Flowable] = [para("", s.cell)] * 7
        data.append([para(translate(T_NO_BIDDERS), s.cell_center), *empty])
    table = _table(data, _widths(BIDDER_COLUMNS), s)
    if not r.bidders:
        table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))
    return table


def _price(price: str | None, unit: str, s: Styles, translate: Translate) -> Flowable:
    """ "1,234,567.50元" and, for an amount in 元 or 万元, its capital form beneath."""
    unit = unit.strip() or "元"
    amount = parse_amount(price)
    if amount is None:
        return para(price or EMPTY, s.cell_center)
    if unit not in ("元", "万元"):  # a rate or another kind of bid: as declared
        return para(f"{price}{unit}", s.cell_center)
    yuan = amount * 10000 if unit == "万元" else amount
    figure = format_yuan(str(yuan))
    words = capital_yuan(str(yuan))
    small = ParagraphStyle("capital", s.cell_center, fontSize=7.5, leading=9.5)
    return _stack([para(figure, s.cell_center), para(tr(T_CAPITAL, translate, words=words), small)])


def _stack(items: list[Flowable]) -> Table:
    table = Table([[i] for i in items])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _result(b: RecordBidder, s: Styles, translate: Translate) -> Paragraph:
    if b.decryption_label is None:
        return para(EMPTY, s.cell_center)
    text = translate(b.decryption_label)
    if b.decryption == "decrypted":
        return para(text, _coloured(s.cell_center, OK_GREEN))
    if b.decryption in ("withdrawn", "retracted", "failed"):
        return para(text, _red(s.cell_center))
    return para(text, s.cell_center)


def _coloured(style: ParagraphStyle, colour: str) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{colour}", style, textColor=colors.HexColor(colour))


def _red(style: ParagraphStyle) -> ParagraphStyle:
    return _coloured(style, FAILED_RED)


def _remarks(b: RecordBidder, translate: Translate) -> str:
    lines = [_message(m, translate) for m in b.remarks]
    for key, value in b.other_items.items():
        lines.append(tr(T_OTHER_ITEM, translate, key=key, value=_value(value)))
    return _mask("\n".join(lines)) if lines else EMPTY


def _value(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _message(m: Message, translate: Translate) -> str:
    """A remark in the report's language, its translatable arguments too."""
    args = {k: translate(v) if isinstance(v, Text) else v for k, v in m.args_map.items()}
    return Message(m.text, **args).render(translate(m.text))


def _mask(text: str) -> str:
    """Free text (objections, answers, remarks) never shows a full ID number."""
    return ID_LIKE.sub(lambda found: mask_id_number(found.group(0)), text)


def _objections(rows: Sequence[RecordObjection], s: Styles, translate: Translate) -> Flowable:
    if not rows:
        return para(translate(T_NO_OBJECTIONS), s.cell)
    data: list[list[Flowable]] = [[para(translate(h), s.head) for h, _ in OBJECTION_COLUMNS]]
    for n, o in enumerate(rows, start=1):
        answer = _mask(o.answer) if o.answer else translate(T_UNANSWERED)
        data.append(
            [
                para(str(n), s.cell_center),
                para(label(o.bidder, translate), s.cell),
                para(label(o.raised_by, translate), s.cell_center),
                para(table_time(o.raised_at).replace(" ", "\n"), s.cell_center),
                para(_mask(o.text), s.cell),
                para(answer, s.cell if o.answer else _red(s.cell)),
                para(label(o.answered_by, translate), s.cell_center),
                para(table_time(o.answered_at).replace(" ", "\n"), s.cell_center),
            ]
        )
    return _table(data, _widths(OBJECTION_COLUMNS), s)


def _confirmations(rows: Sequence[RecordConfirmation], s: Styles, translate: Translate) -> Flowable:
    if not rows:
        return para(translate(T_NO_CONFIRMATIONS), s.cell)
    data: list[list[Flowable]] = [[para(translate(h), s.head) for h, _ in CONFIRMATION_COLUMNS]]
    for n, c in enumerate(rows, start=1):
        method = CONFIRM_METHODS.get(c.method)
        data.append(
            [
                para(str(n), s.cell_center),
                para(label(c.bidder, translate), s.cell),
                para(label(c.person, translate), s.cell_center),
                para(translate(method) if method else label(c.method, translate), s.cell_center),
                para(table_time(c.confirmed_at), s.cell_center),
            ]
        )
    return _table(data, _widths(CONFIRMATION_COLUMNS), s)
