"""Rotating, private log files in the data directory, for the app and ``venue-admin``.

Only technical facts are logged: no names, ID numbers, passwords, PINs or bid
contents (ARCHITECTURE rule 5).
"""

from __future__ import annotations

import io
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

log = logging.getLogger(__name__)


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created readable by this user only (0600)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        mode = self.mode.replace("w", "a")
        stream = os.fdopen(fd, mode, encoding=self.encoding, errors=self.errors)
        assert isinstance(stream, io.TextIOWrapper)
        return stream


def setup_logging(log_dir: Path, level: str, file_name: str) -> Path | None:
    """Log to ``log_dir/file_name`` (5 × 2 MB); return its path, or None when the
    directory cannot be written (then stderr only, with a warning)."""
    root = logging.getLogger()
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    path = log_dir / file_name
    try:
        log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = PrivateRotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        logging.basicConfig()
        log.warning("cannot write the log file in %s: %s", log_dir, exc.strerror)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
