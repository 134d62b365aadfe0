"""Frozen entry point of ``venue-admin`` (PyInstaller script; same as the
``venue-admin = venue_client.cli:main`` console script)."""

import multiprocessing
import sys

from venue_client.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
