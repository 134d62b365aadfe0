"""Tests that need something from the machine: skipped where it is missing on a
developer's machine, failed in CI (``CI`` set), where the set-up script installs it."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"required in CI: {reason}", pytrace=False)
    pytest.skip(reason)
