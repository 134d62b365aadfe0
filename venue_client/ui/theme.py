"""Look: the palette seen in venue systems (UI.md), the CJK font fallback list and
the application style sheet in ``resources/styles/venue.qss``."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from venue_client.ui.i18n import RESOURCES

log = logging.getLogger(__name__)

NAVY = "#042F79"
NAVY_DARK = "#021E52"
ACTIVE_RED = "#F63667"
DONE_TEAL = "#3FB4AB"
SUCCESS_GREEN = "#2E9D52"
FAILURE_RED = "#D93025"
WARNING_ORANGE = "#DE8F35"
MUTED = "#6B7A90"
SURFACE = "#F4F6FA"

TONES = {
    "navy": NAVY,
    "teal": DONE_TEAL,
    "green": SUCCESS_GREEN,
    "red": FAILURE_RED,
    "orange": WARNING_ORANGE,
    "grey": MUTED,
}

FONT_FAMILIES = ["Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "sans-serif"]
STYLE_SHEET = RESOURCES / "styles" / "venue.qss"


def ui_font(pixel_size: int = 14, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def apply_theme(app: QApplication) -> None:
    """Fusion style, a light palette with navy highlights, the CJK font, the style sheet."""
    app.setStyle("Fusion")
    app.setFont(ui_font())
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#F0F3F8"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(NAVY))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1F2A3D"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1F2A3D"))
    app.setPalette(palette)
    try:
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet %s is missing; using the plain style", STYLE_SHEET.name)
