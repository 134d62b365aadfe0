"""Venue client: the desktop application of a public-resource trading centre's branch venue."""

__version__ = "0.1.0"
