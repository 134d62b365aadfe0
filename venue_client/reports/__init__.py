"""Printed reports (reportlab): sign-in sheet, later the opening record and the
evaluation report. Plain data in, PDF bytes out; no Qt, no database."""

from venue_client.reports.fonts import PdfFont, cjk_font
from venue_client.reports.signin import (
    SigninRow,
    SigninSheet,
    render_signin_sheet,
    write_signin_sheet,
)

__all__ = [
    "PdfFont",
    "SigninRow",
    "SigninSheet",
    "cjk_font",
    "render_signin_sheet",
    "write_signin_sheet",
]
