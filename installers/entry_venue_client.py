"""Frozen entry point of ``venue-client`` (PyInstaller script; same as the
``venue-client = venue_client.app:main`` console script)."""

import multiprocessing
import sys

from venue_client.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes re-enter the frozen executable
    sys.exit(main())
