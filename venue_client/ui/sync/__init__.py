"""Widgets of the 同步 page and the status bar's view of the sync service."""
