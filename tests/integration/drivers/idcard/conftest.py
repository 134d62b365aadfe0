"""Shared fixtures of the reader tests: one simulator per module, one open reader per
transport (pyserial sleeps 0.3 s closing a socket), a clean reader per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.idcard import IdCardReader
from drivers.idcard.simulator import IdCardSimulator

FAST = 20.0  # find 5 ms, read 20-40 ms


@pytest.fixture(scope="module")
def sim() -> Iterator[IdCardSimulator]:
    with IdCardSimulator(speed=FAST, tcp=True) as simulator:
        yield simulator


@pytest.fixture(scope="module")
def readers(sim: IdCardSimulator) -> Iterator[dict[str, IdCardReader]]:
    """One reader per transport for the module (pyserial sleeps 0.3 s closing a socket)."""
    opened = {
        "pty": IdCardReader(sim.port, timeout=1.0),
        "socket": IdCardReader(sim.url, timeout=1.0),
    }
    yield opened
    for r in opened.values():
        r.close()


@pytest.fixture(params=["pty", "socket"])
def url(request: pytest.FixtureRequest, sim: IdCardSimulator) -> str:
    return sim.port if request.param == "pty" else sim.url


@pytest.fixture
def reader(sim: IdCardSimulator, readers: dict[str, IdCardReader], url: str) -> IdCardReader:
    """The module's reader for this transport, open, with no card and no fault."""
    sim.lift()
    sim.clear_faults()
    r = readers["pty" if url == sim.port else "socket"]
    if not r.is_open:
        r.open()
    r.poll()  # forget the last card
    return r


@pytest.fixture(autouse=True)
def clean(sim: IdCardSimulator) -> None:
    sim.lift()
    sim.clear_faults()
