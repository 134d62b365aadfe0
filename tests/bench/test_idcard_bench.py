"""ID card reader benchmarks (run with ``pytest tests/bench``; not in the default suite).

1. Card-read latency through the simulator at realistic timings (find ~100 ms,
   select ~50 ms, read 400-800 ms), p50/p95 over N reads, next to a raw pyserial
   reference: the same three command frames written to the same simulator and
   the known number of answer bytes read back, with no decoding at all.
2. Protocol CPU per read (encode the three commands, cut the answers out of the
   byte stream, check them, decode the card), next to the CPU of raw pyserial
   reads of the same bytes from a pty. Target: < 5 ms per read.

``IDCARD_BENCH_READS`` sets N (default 20; each read takes ~0.75 s).
"""

from __future__ import annotations

import os
import statistics
import time
import tty
from collections.abc import Callable

import pytest
import serial

from drivers.idcard.card import decode_read_reply, encode_read_reply
from drivers.idcard.protocol import (
    SW3_CARD_FOUND,
    SW3_OK,
    Command,
    FrameDecoder,
    encode_command,
    encode_response,
    parse_response,
)
from drivers.idcard.reader import IdCardReader
from drivers.idcard.simulator import IdCardSimulator

READS = int(os.environ.get("IDCARD_BENCH_READS", "20"))
CPU_ROUNDS = 500
SEQUENCE = (Command.FIND_CARD, Command.SELECT_CARD, Command.READ_TEXT_PHOTO)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def report(capsys: pytest.CaptureFixture[str], lines: list[str]) -> None:
    with capsys.disabled():
        print()
        for line in lines:
            print(line)


def test_card_read_latency_at_realistic_timings(capsys: pytest.CaptureFixture[str]) -> None:
    # Each series gets a fresh simulator with the same seed: the same cards and
    # the same sequence of random read times, so the two series compare fairly.
    ours: list[float] = []
    with IdCardSimulator(speed=1.0) as sim, IdCardReader(sim.port) as reader:
        for _ in range(READS):
            sim.place()
            started = time.perf_counter()
            reader.read_card(timeout=5)
            ours.append(time.perf_counter() - started)
            sim.lift()
            reader.poll()
    raw: list[float] = []
    with IdCardSimulator(speed=1.0) as sim:
        sizes = [11, 18, 7 + 3 + len(encode_read_reply(sim.deck[0])) + 1]
        with serial.serial_for_url(sim.port, baudrate=115200, timeout=3) as port:
            port.reset_input_buffer()
            for _ in range(READS):
                sim.place()
                started = time.perf_counter()
                for command, size in zip(SEQUENCE, sizes, strict=True):
                    port.write(encode_command(command))
                    assert len(port.read(size)) == size
                raw.append(time.perf_counter() - started)
                sim.lift()
    (p50, p95), (r50, r95) = percentiles(ours), percentiles(raw)
    extra = statistics.median(a - b for a, b in zip(ours, raw, strict=True))
    report(
        capsys,
        [
            f"card read latency over a pty, realistic timings, {READS} reads:",
            f"  IdCardReader.read_card   p50 {p50 * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms",
            f"  raw pyserial reference   p50 {r50 * 1000:7.1f} ms   p95 {r95 * 1000:7.1f} ms",
            f"  ours - raw, per read     median {extra * 1000:+6.1f} ms",
        ],
    )
    assert p95 < 1.5


def cpu_per_call(fn: Callable[[], object], rounds: int = CPU_ROUNDS) -> float:
    fn()
    started = time.process_time()
    for _ in range(rounds):
        fn()
    return (time.process_time() - started) / rounds


def test_protocol_cpu_per_read(capsys: pytest.CaptureFixture[str]) -> None:
    with IdCardSimulator(pty=False) as sim:
        card = sim.deck[0]
    answers = [
        encode_response(SW3_CARD_FOUND, bytes(4)),
        encode_response(SW3_OK, bytes(8)),
        encode_response(SW3_OK, encode_read_reply(card)),
    ]
    master, slave = os.openpty()  # a serial line in this process: the master plays the reader
    tty.setraw(slave)
    port = serial.Serial(os.ttyname(slave), timeout=1)

    def raw_exchange() -> None:
        for command, answer in zip(SEQUENCE, answers, strict=True):
            encode_command(command)
            os.write(master, answer)
            port.read(len(answer))

    decoder = FrameDecoder()

    def protocol_exchange() -> None:
        for command, answer in zip(SEQUENCE, answers, strict=True):
            encode_command(command)
            os.write(master, answer)
            payload = None
            while payload is None:
                decoder.feed(port.read(decoder.bytes_needed()))
                payload = decoder.next_frame()
            response = parse_response(payload).expect(SW3_OK, SW3_CARD_FOUND)
        decode_read_reply(response.data)

    decoder_only = FrameDecoder()

    def parse_only() -> None:
        for command, answer in zip(SEQUENCE, answers, strict=True):
            encode_command(command)
            for i in range(0, len(answer), 64):  # as a serial port delivers it
                decoder_only.feed(answer[i : i + 64])
            payload = decoder_only.next_frame()
            assert payload is not None
            response = parse_response(payload).expect(SW3_OK, SW3_CARD_FOUND)
        decode_read_reply(response.data)

    raw, ours, parsing = (
        cpu_per_call(raw_exchange),
        cpu_per_call(protocol_exchange),
        cpu_per_call(parse_only),
    )
    report(
        capsys,
        [
            "protocol CPU per card read (find + select + read, 1.3 KB reply):",
            f"  pyserial + our framing/parsing {ours * 1e6:8.1f} us",
            f"  raw pyserial reference         {raw * 1e6:8.1f} us  (same bytes, no parsing)",
            f"  encode + decode + parse only   {parsing * 1e6:8.1f} us  (target < 5000 us)",
        ],
    )
    assert parsing < 0.005
    assert ours - raw < 0.005
