"""IdCardReader against IdCardSimulator over a real pty and over socket://, through
the public API: reading, lift detection, polling, cancellation, threads, discovery."""

from __future__ import annotations

import itertools
import os
import threading
import time
import tty
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

import pytest

from drivers.common import WrongThreadError
from drivers.idcard import (
    CardNotLiftedError,
    CardState,
    IdCard,
    IdCardReader,
    NoCardError,
    PortError,
    discover_ports,
)
from drivers.idcard.errors import ReadCancelledError, ReaderNotOpenError
from drivers.idcard.protocol import Command
from drivers.idcard.simulator import IdCardSimulator
from drivers.idcard.wlt import WltDecoder
from tests.integration.drivers.idcard.conftest import FAST
from tests.unit.drivers.idcard.wlt_stub import build_stub


def as_read(card: IdCard) -> IdCard:
    """What a 30 01 read of ``card`` gives back (no fingerprint, no decoded photo)."""
    return replace(card, fingerprint=None, photo=None)


def test_reads_the_placed_card(sim: IdCardSimulator, reader: IdCardReader) -> None:
    placed = sim.place()
    card = reader.read_card(timeout=2)
    assert card == as_read(placed)
    assert not card.photo_available
    assert sim.commands(Command.READ_TEXT_PHOTO)
    assert reader.baudrate == 115200


def test_every_card_of_the_deck(sim: IdCardSimulator, reader: IdCardReader) -> None:
    for _ in sim.deck:
        placed = sim.place()
        assert reader.read_card(timeout=2) == as_read(placed)
        sim.lift()
        assert reader.poll().state is CardState.LIFTED


def test_a_card_is_read_once_until_lifted(sim: IdCardSimulator, reader: IdCardReader) -> None:
    first = sim.place()
    assert reader.read_card(timeout=2).id_number == first.id_number
    reads = len(sim.commands(Command.READ_TEXT_PHOTO))
    with pytest.raises(CardNotLiftedError) as caught:
        reader.read_card(timeout=0.4)
    assert caught.value.code == "lift"
    assert reader.poll().state is CardState.PRESENT
    assert len(sim.commands(Command.READ_TEXT_PHOTO)) == reads  # never read again
    sim.lift()
    assert reader.poll().state is CardState.LIFTED
    assert reader.poll().state is CardState.ABSENT
    second = sim.place()
    assert reader.read_card(timeout=2).id_number == second.id_number


def test_the_same_card_replaced_is_read_again(sim: IdCardSimulator, reader: IdCardReader) -> None:
    card = sim.place()
    reader.read_card(timeout=2)
    sim.lift()
    assert reader.poll().state is CardState.LIFTED
    sim.place(card)
    assert reader.read_card(timeout=2).id_number == card.id_number


def test_poll_reads_a_new_card_without_waiting(sim: IdCardSimulator, reader: IdCardReader) -> None:
    started = time.monotonic()
    assert reader.poll().state is CardState.ABSENT
    assert time.monotonic() - started < 0.5
    placed = sim.place()
    result = reader.poll()
    assert result.state is CardState.NEW
    assert result.card == as_read(placed)


def test_wait_for_card_polls_find_until_one_is_placed(
    sim: IdCardSimulator, reader: IdCardReader
) -> None:
    timer = threading.Timer(0.5, sim.place)
    timer.start()
    started = time.monotonic()
    try:
        assert reader.wait_for_card(timeout=3)
    finally:
        timer.join()
    assert time.monotonic() - started >= 0.5
    finds = [t for t in sim.commands(Command.FIND_CARD) if t >= started]
    gaps = [b - a for a, b in itertools.pairwise(finds)]
    assert len(finds) >= 3
    assert all(0.1 <= gap <= 0.35 for gap in gaps), gaps
    assert reader.read_card(timeout=0).id_number == sim.card.id_number  # type: ignore[union-attr]
    assert not reader.wait_for_card(timeout=0.3)


def test_no_card_within_one_second_at_real_timings() -> None:
    with IdCardSimulator(speed=1.0) as sim, IdCardReader(sim.port) as reader:
        started = time.monotonic()
        with pytest.raises(NoCardError) as caught:
            reader.read_card(timeout=0)
        assert time.monotonic() - started < 1.0
        assert caught.value.code == 0x80
        sim.place()
        reader.read_card(timeout=3)
        sim.lift()
        started = time.monotonic()
        assert reader.poll().state is CardState.LIFTED
        assert time.monotonic() - started < 1.0


def test_cancel_interrupts_a_wait(reader: IdCardReader) -> None:
    future: Future[object] = reader.owner.submit(reader.read_card, 30)
    time.sleep(0.3)
    started = time.monotonic()
    reader.cancel()
    with pytest.raises(ReadCancelledError):
        future.result(timeout=2)
    assert time.monotonic() - started < 0.5


def test_close_while_waiting_cancels_and_closes(url: str) -> None:
    reader = IdCardReader(url)
    reader.open()
    errors: list[BaseException] = []

    def wait() -> None:
        try:
            reader.read_card(timeout=30)
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    thread = threading.Thread(target=wait)
    thread.start()
    time.sleep(0.3)
    reader.close()
    thread.join(2)
    assert not thread.is_alive()
    assert isinstance(errors[0], ReadCancelledError)
    assert not reader.owner.thread.is_alive()


def test_wrong_thread_fails_loudly(sim: IdCardSimulator, reader: IdCardReader) -> None:
    with pytest.raises(WrongThreadError, match="must run on device:idcard:"):
        reader.link.find()
    with pytest.raises(WrongThreadError):
        reader.link.transact(Command.SAM_STATUS)
    assert reader.owner.call(reader.link.find) is False
    sim.place()
    assert reader.owner.submit(reader.read_card, 2).result(timeout=5).name


def test_sam_commands_and_reopen(reader: IdCardReader) -> None:
    reader.sam_status()
    reader.sam_reset()
    assert reader.sam_id() == "05.01-20200101-0000012345-1234567890"
    reader.close()
    assert not reader.is_open
    with pytest.raises(ReaderNotOpenError):
        reader.sam_status()  # fails at once: the stopped owner thread would never run it
    reader.open()
    reader.sam_status()


def test_read_with_fingerprint(sim: IdCardSimulator, url: str) -> None:
    placed = sim.place()
    with IdCardReader(url, fingerprint=True) as reader:
        card = reader.read_card(timeout=2)
    assert card.fingerprint == placed.fingerprint
    assert sim.commands(Command.READ_TEXT_PHOTO_FINGERPRINT)


def test_wlt_photo_decoded_through_the_vendor_library(
    sim: IdCardSimulator, url: str, tmp_path: Path
) -> None:
    library = build_stub(tmp_path)
    sim.place()
    with IdCardReader(url, wlt_decoder=WltDecoder(library, mode=0)) as reader:
        card = reader.read_card(timeout=2)
    assert card.photo_available
    assert card.photo is not None
    assert card.photo.startswith(b"BM")
    sim.lift()
    sim.place()
    broken = WltDecoder(library, function="WltBroken")
    with IdCardReader(url, wlt_decoder=broken) as reader:
        card = reader.read_card(timeout=2)
    assert not card.photo_available
    assert card.to_json()["photo"] is False


def test_not_open_and_missing_port(tmp_path: Path) -> None:
    reader = IdCardReader(str(tmp_path / "ttyNOPE"))
    try:
        with pytest.raises(ReaderNotOpenError):
            reader.read_card(timeout=0)
        with pytest.raises(PortError) as caught:
            reader.open()
        assert caught.value.code == "port"
    finally:
        reader.close()


def test_baud_rate_fallback_and_discovery(sim: IdCardSimulator, tmp_path: Path) -> None:
    master, slave = os.openpty()  # a serial port where nothing answers
    tty.setraw(slave)
    try:
        with IdCardSimulator(speed=FAST, baudrate=9600) as slow:
            with IdCardReader(slow.port, timeout=0.3) as reader:
                assert reader.baudrate == 9600
                reader.sam_status()
            found = discover_ports(
                [sim.port, sim.url, slow.port, os.ttyname(slave), str(tmp_path / "none")],
                timeout=0.2,
            )
    finally:
        os.close(master)
        os.close(slave)
    assert [(p.url, p.baudrate, p.sam_ok) for p in found] == [
        (sim.port, 115200, True),
        (sim.url, 115200, True),
        (slow.port, 9600, True),
    ]
