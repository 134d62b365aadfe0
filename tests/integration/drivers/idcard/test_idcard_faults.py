"""Every fault mode of the simulator, over a pty and over socket://, seen through
the reader's public API."""

from __future__ import annotations

import time
from datetime import date

import pytest

from drivers.idcard import IdCardReader, NoCardError
from drivers.idcard.errors import (
    BadCommandError,
    CommandChecksumError,
    FrameChecksumError,
    ReaderTimeoutError,
    ReadFailedError,
    SamSelfTestError,
    UnknownCardTypeError,
)
from drivers.idcard.protocol import Command, encode_command, encode_frame
from drivers.idcard.simulator import Fault, IdCardSimulator


def test_no_card(reader: IdCardReader) -> None:
    with pytest.raises(NoCardError) as caught:
        reader.read_card(timeout=0.2)
    assert caught.value.code == 0x80


def test_checksum_errors_in_responses(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.place()
    sim.set_faults(Fault.CHECKSUM)
    started = time.monotonic()
    with pytest.raises(FrameChecksumError) as caught:
        reader.read_card(timeout=2)
    assert caught.value.code == "checksum"
    assert time.monotonic() - started < 1.0  # does not wait for the whole timeout
    sim.clear_faults()
    assert reader.read_card(timeout=2).id_number == sim.card.id_number  # type: ignore[union-attr]


def test_checksum_errors_at_open(sim: IdCardSimulator, url: str) -> None:
    sim.set_faults("checksum")
    reader = IdCardReader(url, timeout=0.5)
    try:
        with pytest.raises(FrameChecksumError):
            reader.open()
        assert not reader.is_open
    finally:
        reader.close()


@pytest.mark.parametrize("fault", [Fault.TORN, Fault.GARBAGE])
def test_torn_frames_and_garbage_are_resynchronised(
    sim: IdCardSimulator, reader: IdCardReader, fault: Fault
) -> None:
    sim.set_faults(fault)
    reader.sam_status()
    for _ in range(3):
        placed = sim.place()
        assert reader.read_card(timeout=2).id_number == placed.id_number
        sim.lift()
        reader.poll()
    assert reader.link.transport.decoder.discarded > 0
    sim.clear_faults()
    reader.sam_status()


def test_torn_and_garbage_together(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.set_faults(Fault.TORN, Fault.GARBAGE)
    placed = sim.place()
    assert reader.read_card(timeout=2).name == placed.name


def test_sam_failure(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.place()
    sim.set_faults(Fault.SAM_FAILURE)
    for call in (reader.sam_status, reader.sam_reset, lambda: reader.read_card(timeout=1)):
        with pytest.raises(SamSelfTestError) as caught:
            call()
        assert caught.value.code == 0x60
    sim.clear_faults()
    reader.sam_status()


def test_expired_card_reads_and_is_flagged(sim: IdCardSimulator, reader: IdCardReader) -> None:
    placed = sim.place_expired()
    card = reader.read_card(timeout=2)
    assert card.id_number == placed.id_number
    assert card.valid_to is not None
    assert card.is_expired(date.today())


def test_unknown_card_type(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.place()
    sim.set_faults(Fault.UNKNOWN_CARD)
    with pytest.raises(UnknownCardTypeError) as caught:
        reader.read_card(timeout=1)
    assert caught.value.code == 0x40


def test_read_failure_leaves_the_card_unread(sim: IdCardSimulator, reader: IdCardReader) -> None:
    placed = sim.place()
    sim.set_faults(Fault.READ_FAILURE)
    with pytest.raises(ReadFailedError) as caught:
        reader.read_card(timeout=1)
    assert caught.value.code == 0x41
    sim.clear_faults()
    assert reader.read_card(timeout=1).id_number == placed.id_number  # no lift needed


def test_silent_reader_times_out(sim: IdCardSimulator, reader: IdCardReader, url: str) -> None:
    sim.place()
    sim.set_faults(Fault.SILENT)
    started = time.monotonic()
    with pytest.raises(ReaderTimeoutError) as caught:
        reader.read_card(timeout=1)
    assert caught.value.code == "timeout"
    assert 0.4 < time.monotonic() - started < 1.5
    silent = IdCardReader(url, timeout=0.2, fallback_baudrates=())
    try:
        with pytest.raises(ReaderTimeoutError):
            silent.open()
    finally:
        silent.close()


def test_reader_rejects_bad_commands(reader: IdCardReader) -> None:
    exchange = reader.link.transport.exchange
    unknown = reader.owner.call(exchange, encode_frame(b"\x99\x01"), 1.0)
    with pytest.raises(BadCommandError):
        unknown.expect()
    bad = bytearray(encode_command(Command.FIND_CARD))
    bad[-1] ^= 0x01
    answer = reader.owner.call(exchange, bytes(bad), 1.0)
    with pytest.raises(CommandChecksumError) as caught:
        answer.expect()
    assert caught.value.code == 0x10
