"""Pytest fixtures: ``central_server``, a running test central platform per test.

Import them into a conftest (``from tests.central.fixtures import central_server``) or a test
module. The server has one workstation ``TEST_WS`` with ``TEST_TOKEN`` at venue ``TEST_VENUE``;
teardown fails the test if the server hit an internal error (a bug in the server itself).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.central.server import CentralServer

TEST_WS = "WS-TEST-01"
TEST_TOKEN = "test-token-0123456789"
TEST_VENUE = "330100"


@pytest.fixture
def central_server(tmp_path: Path) -> Iterator[CentralServer]:
    server = CentralServer(
        tmp_path / "central", workstations={TEST_WS: (TEST_TOKEN, TEST_VENUE)}
    ).start()
    try:
        yield server
    finally:
        server.stop()
    assert not server.internal_errors, "\n".join(server.internal_errors)
