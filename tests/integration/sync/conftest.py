"""Fixtures of the sync tests: the test central platform (tests/central) on loopback and
an application context configured to talk to it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from tests.central.fixtures import TEST_TOKEN, TEST_VENUE, TEST_WS, central_server
from tests.central.server import CentralServer
from venue_client.config import CentralSettings
from venue_client.services.context import AppContext
from venue_client.sync.client import CentralClient, RetryPolicy

WS, TOKEN, VENUE = TEST_WS, TEST_TOKEN, TEST_VENUE
FAST = RetryPolicy(attempts=8, base=0.01, cap=0.05, retry_after_cap=0.05)


__all__ = ["central_server"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "soak: the fault-injection soak (VENUE_SOAK_EVENTS)")


@pytest.fixture
def central(central_server: CentralServer) -> CentralServer:
    """The shared test platform (tests/central/fixtures.py)."""
    return central_server


def configure(ctx: AppContext, server: CentralServer) -> AppContext:
    central = CentralSettings(
        url=server.url, venue_code=VENUE, workstation_id=WS, token=TOKEN, timeout_seconds=5
    )
    ctx.settings = replace(ctx.settings, central=central)
    return ctx


@pytest.fixture
def sctx(ctx: AppContext, central: CentralServer) -> AppContext:
    return configure(ctx, central)


def fast_client(ctx: AppContext, retry: RetryPolicy = FAST) -> CentralClient:
    return CentralClient.from_settings(
        ctx.settings.central, ctx.workstation_id, retry=retry, sleep=lambda _s: None
    )


@pytest.fixture
def client(sctx: AppContext) -> Iterator[CentralClient]:
    c = fast_client(sctx)
    yield c
    c.close()


def add_events(ctx: AppContext, n: int, type_: str = "checkin.recorded", start: int = 0) -> None:
    with ctx.transaction("test") as tx:
        for i in range(start, start + n):
            tx.record(type_, {"v": 1, "n": i, "fee": "12345678.90"})
