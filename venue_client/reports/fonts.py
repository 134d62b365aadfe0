"""The CJK font of printed reports.

reportlab reads TrueType outlines only: the Noto CJK fonts (CFF outlines, ``.otf``
or ``.ttc``) fail with "postscript outlines are not supported". So the search
takes the first usable TrueType CJK font - ``VENUE_PDF_FONT`` if set, then the
fonts Windows and Debian ship - and embeds a subset of it. Without one, it falls
back to the ``STSong-Light`` CID font, which is not embedded: the viewer supplies
the glyphs (Acrobat does; poppler needs ``poppler-data``).

``VENUE_PDF_FONT`` is a font file path, optionally ``#N`` for the N-th face of a
``.ttc`` collection (``C:\\Fonts\\simsun.ttc#1``), or ``STSong-Light`` to force the
CID font.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

FONT_ENV = "VENUE_PDF_FONT"
CID_FONT = "STSong-Light"
REGISTERED_NAME = "VenueCJK"
# A font that lacks these cannot print a report header.
_PROBE_TEXT = "签到表项目编号第页共"

_LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian fonts-wqy-zenhei
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian fonts-wqy-microhei
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",  # Arch
    "/usr/share/fonts/truetype/arphic/uming.ttc",  # Debian fonts-arphic-uming
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
_WINDOWS_FONTS = ("msyh.ttc", "simsun.ttc", "simhei.ttf", "msyh.ttf")  # YaHei, SimSun, SimHei
_MAC_FONTS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


@dataclass(frozen=True)
class PdfFont:
    """The font reports are set in, and how it got there."""

    name: str  # the reportlab font name to use in styles
    kind: Literal["truetype", "cid"]
    path: Path | None
    subfont_index: int
    embedded: bool

    def describe(self) -> str:
        """For logs and ``venue-admin``: which font, from where, embedded or not."""
        if self.kind == "cid":
            return f"{CID_FONT} (CID font, not embedded)"
        index = f"#{self.subfont_index}" if self.path and self.path.suffix == ".ttc" else ""
        return f"{self.path}{index} (TrueType, embedded subset)"


def candidate_paths() -> list[tuple[Path, int]]:
    """Font files to try, in order, with the face index inside a ``.ttc``."""
    out: list[tuple[Path, int]] = []
    override = os.environ.get(FONT_ENV, "").strip()
    if override and override != CID_FONT:
        out.append(_parse_override(override))
    for base in _windows_font_dirs():
        out.extend((base / name, 0) for name in _WINDOWS_FONTS)
    out.extend((Path(p), 0) for p in (*_LINUX_FONTS, *_MAC_FONTS))
    return out


_lock = threading.Lock()
_cache: dict[str, PdfFont] = {}


def cjk_font() -> PdfFont:
    """Register (once per ``VENUE_PDF_FONT`` value) and return the report font."""
    key = os.environ.get(FONT_ENV, "").strip()
    with _lock:
        found = _cache.get(key)
        if found is None:
            found = _cache[key] = _find_font(key)
            log.info("PDF font: %s", found.describe())
        return found


def _find_font(override: str) -> PdfFont:
    if override != CID_FONT:
        for position, (path, index) in enumerate(candidate_paths()):
            font = _try_truetype(path, index, name=f"{REGISTERED_NAME}-{len(_cache)}")
            if font is not None:
                return font
            if position == 0 and override:
                log.warning("%s=%s is not a usable TrueType CJK font", FONT_ENV, override)
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return PdfFont(CID_FONT, "cid", None, 0, embedded=False)


def _try_truetype(path: Path, index: int, *, name: str) -> PdfFont | None:
    if not path.is_file():
        return None
    lowered = path.name.lower()
    if lowered.endswith(".otf") or "notosanscjk" in lowered or "notoserifcjk" in lowered:
        return None  # CFF outlines: reportlab cannot read them
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except Exception as exc:  # TTFError, struct errors on a damaged file, IndexError
        log.debug("PDF font %s#%d unusable: %s", path, index, exc)
        return None
    if not all(ord(ch) in font.face.charToGlyph for ch in _PROBE_TEXT):
        log.debug("PDF font %s#%d lacks Chinese glyphs", path, index)
        return None
    pdfmetrics.registerFont(font)
    return PdfFont(name, "truetype", path, index, embedded=True)


def _parse_override(value: str) -> tuple[Path, int]:
    head, sep, tail = value.rpartition("#")
    if sep and tail.isdigit():
        return Path(head), int(tail)
    return Path(value), 0


def _windows_font_dirs() -> list[Path]:
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs
