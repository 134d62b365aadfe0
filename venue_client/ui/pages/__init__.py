"""The pages of the main window, one module each, by their stable names."""

from __future__ import annotations

from venue_client.ui.pages.admin import AdminPage
from venue_client.ui.pages.base import Page
from venue_client.ui.pages.checkin import CheckInPage
from venue_client.ui.pages.hall import HallPage
from venue_client.ui.pages.opening import OpeningPage
from venue_client.ui.pages.recordings import RecordingsPage
from venue_client.ui.pages.rooms import RoomsPage
from venue_client.ui.pages.sync import SyncPage

PAGE_CLASSES: dict[str, type[Page]] = {
    cls.name: cls
    for cls in (CheckInPage, OpeningPage, HallPage, RoomsPage, RecordingsPage, SyncPage, AdminPage)
}

__all__ = ["PAGE_CLASSES", "Page"]
