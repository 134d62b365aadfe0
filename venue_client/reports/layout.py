"""What every printed report shares: the page (A4, running header, footer with
"第 X 页 共 Y 页", generation time in Beijing time and a document number), the
paragraph styles in the CJK font, and how times and empty values are printed.

Text is Simplified Chinese; a ``translate`` callable (``Text -> str``, e.g.
``lambda t: catalog.translate(t, "en")``) renders the same report in another language.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image, ImageOps
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus import Image as PdfImage

from venue_client.domain.beijing import BEIJING
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text
from venue_client.reports.fonts import cjk_font

EMPTY = "-"
MARGIN = 12 * mm
THUMBNAIL_PIXELS = 320
log = logging.getLogger(__name__)

Translate = Callable[[Text], str]

T_PAGE = QT_TRANSLATE_NOOP("reports", "第 {page} 页 共 {pages} 页")
T_GENERATED = QT_TRANSLATE_NOOP("reports", "生成时间：{time}（北京时间）")
T_DOCUMENT_ID = QT_TRANSLATE_NOOP("reports", "文档编号：{id}")
T_LONG_TIME = QT_TRANSLATE_NOOP("reports", "{y}年{m:02d}月{d:02d}日 {hh:02d}:{mm:02d}")

NAVY = colors.HexColor("#042F79")
RULE = colors.HexColor("#7A7A7A")
HEAD_FILL = colors.HexColor("#E4E9F2")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def no_translation(text: Text) -> str:
    """The default ``translate``: the Chinese source."""
    return str(text)


def tr(text: Text, translate: Translate, **args: object) -> str:
    """``text`` translated, with its ``{placeholders}`` filled in."""
    template = translate(text)
    try:
        return template.format(**args) if args else template
    except (KeyError, IndexError, ValueError):
        return template


def label(value: str | None, translate: Translate) -> str:
    """A value as printed: translated when it is a marked ``Text``, ``-`` when empty."""
    if value is None or not str(value).strip():
        return EMPTY
    return translate(value) if isinstance(value, Text) else str(value)


def beijing(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("report times must be timezone-aware")
    return moment.astimezone(BEIJING)


def table_time(moment: datetime | None) -> str:
    """A table time, YYYY-MM-DD HH:mm:ss in Beijing time; ``-`` when unknown."""
    return EMPTY if moment is None else beijing(moment).strftime("%Y-%m-%d %H:%M:%S")


def long_time(moment: datetime, translate: Translate) -> str:
    """A heading time, YYYY年MM月DD日 HH:mm in Beijing time (translated)."""
    t = beijing(moment)
    return tr(T_LONG_TIME, translate, y=t.year, m=t.month, d=t.day, hh=t.hour, mm=t.minute)


def document_id(prefix: str, *parts: object) -> str:
    """A short reference printed on every page, stable for the same content."""
    digest = hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:10].upper()
    return f"{prefix}-{digest}"


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    meta_label: ParagraphStyle
    meta_value: ParagraphStyle
    head: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    note: ParagraphStyle


def make_styles() -> Styles:
    font = cjk_font().name
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5, wordWrap="CJK")
    center = ParagraphStyle("center", base, alignment=TA_CENTER)
    return Styles(
        font=font,
        title=ParagraphStyle("title", center, fontSize=20, leading=26, textColor=NAVY),
        meta_label=ParagraphStyle("meta_label", base, fontSize=9.5, leading=12.5),
        meta_value=ParagraphStyle("meta_value", base, fontSize=9.5, leading=12.5),
        head=ParagraphStyle("head", center, fontSize=9, leading=11),
        cell=base,
        cell_center=center,
        note=ParagraphStyle("note", base, fontSize=8.5, leading=11),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A cell or line of plain text (escaped; ``\\n`` breaks the line).

    Chinese text wraps between any two characters; text without CJK characters
    wraps between words (long words are still split rather than overflow).
    """
    markup = "<br/>".join(escape(line) for line in text.split("\n"))
    return Paragraph(markup, wrap_style(text, style))


def wrap_style(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for ``text``: CJK line breaking only where there is CJK text."""
    if _CJK.search(text):
        return style
    return ParagraphStyle(f"{style.name}-latin", style, wordWrap=None)


def frame_width(pagesize: tuple[float, float]) -> float:
    """The width between the page margins."""
    return float(pagesize[0] - 2 * MARGIN)


def grid_style(font: str, *, padding: float = 3.5) -> list[Any]:
    """Table commands of a ruled form: thin black grid, cells centred vertically."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),  # else the table sets Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]


def info_grid(
    pairs: Sequence[tuple[str, str]], s: Styles, width: float, *, label_width: float = 30 * mm
) -> Table:
    """A header block: label / value pairs, two pairs a line, labels shaded."""
    cells = [
        para(text, s.meta_label if i % 2 == 0 else s.meta_value)
        for pair in pairs
        for i, text in enumerate(pair)
    ]
    cells += [para("", s.meta_value)] * (-len(cells) % 4)
    data = [cells[i : i + 4] for i in range(0, len(cells), 4)]
    table = Table(data, colWidths=[label_width, width / 2 - label_width] * 2)
    style = grid_style(s.font)
    style += [("BACKGROUND", (c, 0), (c, -1), HEAD_FILL) for c in (0, 2)]
    table.setStyle(TableStyle(style))
    return table


def sign_off_lines(labels: Sequence[str], s: Styles, width: float) -> Table:
    """Labels such as 经办人（签字）： side by side, each followed by a line to sign on."""
    label_w = max(stringWidth(t, s.font, s.meta_label.fontSize) for t in labels) + 2 * mm
    gap = 10 * mm
    line_w = (width + gap) / len(labels) - label_w - gap
    cells: list[Paragraph | str] = []
    for text in labels:
        cells += [para(text, s.meta_label), "", ""]
    widths = [label_w, line_w, gap] * len(labels)
    table = Table([cells[:-1]], colWidths=widths[:-1], rowHeights=[10 * mm], hAlign="LEFT")
    style: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), s.font),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    style += [("LINEBELOW", (c, 0), (c, 0), 0.6, colors.black) for c in range(1, len(cells), 3)]
    table.setStyle(TableStyle(style))
    return table


def thumbnail(data: bytes, max_w: float, max_h: float) -> Flowable | None:
    """A photo scaled into ``max_w`` x ``max_h`` points and re-encoded as a small JPEG
    (the long side at most THUMBNAIL_PIXELS: ~18 mm at 300 dpi); None if undecodable."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.draft("RGB", (THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
            small = ImageOps.exif_transpose(img).convert("RGB")
        small.thumbnail((THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
        out = io.BytesIO()
        small.save(out, "JPEG", quality=85)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        log.warning("report photo not shown (%s)", type(exc).__name__)
        return None
    w, h = small.size
    scale = min(max_w / w, max_h / h)
    return PdfImage(io.BytesIO(out.getvalue()), width=w * scale, height=h * scale)


@dataclass(frozen=True)
class PageDecor:
    """The running header and footer drawn on every page."""

    header_left: str
    header_right: str
    footer_left: str
    footer_right: str
    page_template: str  # translated "第 {page} 页 共 {pages} 页"


class _NumberedCanvas(Canvas):
    """Defers the page furniture until the page count is known."""

    def __init__(self, *args: Any, decor: PageDecor, font: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._font = font
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_furniture(number, total)
            super().showPage()
        super().save()

    def _draw_furniture(self, page: int, pages: int) -> None:
        width, height = self._pagesize  # type: ignore[attr-defined]
        d = self._decor
        left, right = MARGIN, width - MARGIN
        self.saveState()
        self.setFont(self._font, 8.5)
        self.setFillColor(RULE)
        self.drawString(left, height - 10 * mm, d.header_left)
        self.drawRightString(right, height - 10 * mm, d.header_right)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(left, height - 11.5 * mm, right, height - 11.5 * mm)
        self.line(left, 11.5 * mm, right, 11.5 * mm)
        self.setFillColor(colors.black)
        self.drawString(left, 7.5 * mm, d.footer_left)
        self.drawRightString(right, 7.5 * mm, d.footer_right)
        self.setFont(self._font, 9.5)
        try:
            text = d.page_template.format(page=page, pages=pages)
        except (KeyError, IndexError, ValueError):  # a broken translation
            text = f"{page} / {pages}"
        self.drawCentredString(width / 2, 7.5 * mm, text)
        self.restoreState()


def render_document(
    story: Sequence[Flowable],
    *,
    pagesize: tuple[float, float],
    decor: PageDecor,
    title: str,
    author: str,
    subject: str,
) -> bytes:
    """Lay out ``story`` on pages with the shared header and footer; the PDF bytes."""
    buffer = io.BytesIO()
    font = cjk_font().name
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=17 * mm,
        bottomMargin=16 * mm,
        title=title,
        author=author,
        subject=subject,
        creator="venue-client",
        initialFontName=font,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def canvasmaker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, decor=decor, font=font, **kwargs)

    doc.build(list(story), canvasmaker=canvasmaker)
    return buffer.getvalue()


def render_section_document(
    story: Sequence[Flowable],
    *,
    pagesize: tuple[float, float],
    title: str,
    venue: str,
    project_code: str,
    section_code: str,
    generated_at: datetime,
    reference: str,
    translate: Translate,
) -> bytes:
    """A record of one section: the venue and the codes in the header, when it was
    generated and ``reference`` (a document id or the audit reference) in the footer."""
    codes = " · ".join(c for c in (project_code, section_code) if c.strip())
    decor = PageDecor(
        header_left=label(venue, translate),
        header_right=f"{codes}  {title}" if codes else title,
        footer_left=tr(T_GENERATED, translate, time=table_time(generated_at)),
        footer_right=reference,
        page_template=translate(T_PAGE),
    )
    return render_document(
        story,
        pagesize=pagesize,
        decor=decor,
        title=title,
        author=venue,
        subject=f"{project_code} {section_code}".strip(),
    )
