"""A simulated ID card reader that speaks the real frames over a pseudo-terminal
and, optionally, over TCP (``socket://127.0.0.1:PORT``).

Tests and demo mode open ``sim.port`` (the pty's slave path) or ``sim.url`` with
the real ``IdCardReader``. Cards are placed and lifted through ``place``/``lift``;
faults are switched with ``set_faults``. Timings are realistic (find ~100 ms,
read 400-800 ms) divided by ``speed``.

``python -m drivers.idcard.simulator`` serves one until Ctrl-C (see ``simcli``).
"""

from __future__ import annotations

import collections
import enum
import random
import struct
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from drivers.idcard.card import IdCard, encode_read_reply
from drivers.idcard.deck import DEFAULT_SEED, card_from_dict, default_deck, make_expired_card
from drivers.idcard.errors import FrameChecksumError, FramingError
from drivers.idcard.protocol import (
    HEADER_LENGTH,
    MIN_COMMAND_LENGTH,
    PREAMBLE,
    SW3_CARD_FOUND,
    SW3_OK,
    Command,
    CommandFrame,
    FrameDecoder,
    encode_response,
    parse_command,
)
from drivers.idcard.simlinks import Link, PtyServer, TcpServer


class Fault(enum.Enum):
    CHECKSUM = "checksum"  # every answer has a wrong CHK
    TORN = "torn"  # a torn copy of each answer comes before the answer
    GARBAGE = "garbage"  # garbage bytes (with a fake header) before each answer
    SAM_FAILURE = "sam-failure"  # every command answers SW3 0x60
    UNKNOWN_CARD = "unknown-card"  # the card placed is no ID card: select answers 0x40
    READ_FAILURE = "read-failure"  # read answers 0x41
    SILENT = "silent"  # no answer at all


@dataclass(frozen=True)
class Timings:
    """Seconds a real reader takes to answer (before dividing by ``speed``)."""

    sam: float = 0.02
    find: float = 0.1
    select: float = 0.05
    read: tuple[float, float] = (0.4, 0.8)


SAM_ID = struct.pack("<HHIII", 5, 1, 20200101, 12345, 1234567890)
_SAM_ANSWERS = {Command.SAM_RESET: b"", Command.SAM_STATUS: b"", Command.SAM_ID: SAM_ID}
_NO_CARD_ANSWERS = {Command.FIND_CARD: 0x80, Command.SELECT_CARD: 0x81}


class IdCardSimulator:
    """The simulated reader. Start it (or use ``with``), then open ``port``/``url``."""

    def __init__(
        self,
        deck: Sequence[IdCard | Mapping[str, Any]] | None = None,
        *,
        seed: int = DEFAULT_SEED,
        speed: float = 1.0,
        timings: Timings = Timings(),
        pty: bool = True,
        tcp: bool | int = False,
        baudrate: int | None = None,
    ) -> None:
        cards = default_deck(seed) if deck is None else deck
        self.deck = [c if isinstance(c, IdCard) else card_from_dict(c) for c in cards]
        self.speed = speed
        self.baudrate = baudrate  # if set, a pty client at another rate gets line noise
        self.timings = timings
        self.history: collections.deque[tuple[float, Command | None]] = collections.deque(
            maxlen=10_000
        )
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._card: IdCard | None = None
        self._next = 0
        self._faults: set[Fault] = set()
        self._pty = PtyServer(self._serve) if pty else None
        self._tcp = TcpServer(self._serve, 0 if tcp is True else int(tcp)) if tcp else None

    # --- lifecycle ----------------------------------------------------------------

    def start(self) -> IdCardSimulator:
        for server in (self._pty, self._tcp):
            if server is not None:
                server.start(self._stop)
        return self

    def stop(self) -> None:
        self._stop.set()
        for server in (self._pty, self._tcp):
            if server is not None:
                server.stop()

    def __enter__(self) -> IdCardSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> str:
        """The pty's slave path, e.g. ``/dev/pts/3``."""
        if self._pty is None or self._pty.path is None:
            raise RuntimeError("the simulator serves no pty (or is not started)")
        return self._pty.path

    @property
    def url(self) -> str:
        """``socket://127.0.0.1:PORT`` when serving TCP."""
        if self._tcp is None or self._tcp.port is None:
            raise RuntimeError("the simulator serves no TCP port (or is not started)")
        return f"socket://127.0.0.1:{self._tcp.port}"

    # --- the card and the faults --------------------------------------------------

    def place(self, card: IdCard | Mapping[str, Any] | None = None) -> IdCard:
        """Put ``card`` (default: the next card of the deck) on the reader."""
        with self._lock:
            if card is None:
                card = self.deck[self._next % len(self.deck)]
                self._next += 1
            elif not isinstance(card, IdCard):
                card = card_from_dict(card)
            self._card = card
            return card

    def place_expired(self) -> IdCard:
        with self._lock:
            card = make_expired_card(self._rng)
        return self.place(card)

    def lift(self) -> None:
        with self._lock:
            self._card = None

    @property
    def card(self) -> IdCard | None:
        return self._card

    def set_faults(self, *faults: Fault | str) -> None:
        """Replace the active faults (names or ``Fault`` members)."""
        with self._lock:
            self._faults = {Fault(f) for f in faults}

    def add_fault(self, fault: Fault | str) -> None:
        with self._lock:
            self._faults.add(Fault(fault))

    def clear_faults(self) -> None:
        self.set_faults()

    @property
    def faults(self) -> frozenset[Fault]:
        return frozenset(self._faults)

    def commands(self, command: Command | None = None) -> list[float]:
        """Times (monotonic) at which ``command`` (default: any) was received."""
        return [t for t, c in list(self.history) if command is None or c is command]

    # --- serving ------------------------------------------------------------------

    def _serve(self, link: Link) -> None:
        decoder = FrameDecoder(min_length=MIN_COMMAND_LENGTH)
        while not self._stop.is_set():
            data = link.recv(0.1)
            if data is None:
                return
            decoder.feed(data)
            while True:
                try:
                    payload = decoder.next_frame()
                except FramingError as exc:  # answered as a real reader does
                    sw3 = 0x10 if isinstance(exc, FrameChecksumError) else 0x11
                    self._send(link, encode_response(sw3))
                    continue
                if payload is None:
                    break
                self._handle(link, parse_command(payload))

    def _handle(self, link: Link, frame: CommandFrame) -> None:
        command = frame.command
        self.history.append((time.monotonic(), command))
        faults = self.faults
        if Fault.SILENT in faults:
            return
        if self.baudrate is not None and link.baudrate() not in (None, self.baudrate):
            link.send(bytes((0xFF, 0x00, 0xE0, 0x1C)))  # what a baud mismatch looks like
            return
        if command is None:
            self._send(link, encode_response(0x21))
            return
        if self._stop.wait(self._delay(command)):
            return
        sw3, data = self._answer(command, faults)
        self._send(link, encode_response(sw3, data))

    def _delay(self, command: Command) -> float:
        t = self.timings
        if command in (Command.READ_TEXT_PHOTO, Command.READ_TEXT_PHOTO_FINGERPRINT):
            with self._lock:
                seconds = self._rng.uniform(*t.read)
        elif command is Command.FIND_CARD:
            seconds = t.find
        elif command is Command.SELECT_CARD:
            seconds = t.select
        else:
            seconds = t.sam
        return seconds / self.speed

    def _answer(self, command: Command, faults: frozenset[Fault]) -> tuple[int, bytes]:
        card = self._card  # the card on the reader when the answer is ready
        if Fault.SAM_FAILURE in faults:
            return 0x60, b""
        if command in _SAM_ANSWERS:
            return SW3_OK, _SAM_ANSWERS[command]
        if card is None:
            return _NO_CARD_ANSWERS.get(command, 0x41), b""
        if command is Command.FIND_CARD:
            return SW3_CARD_FOUND, bytes(4)
        return self._card_answer(command, card, faults)

    @staticmethod
    def _card_answer(command: Command, card: IdCard, faults: frozenset[Fault]) -> tuple[int, bytes]:
        if Fault.UNKNOWN_CARD in faults:
            return 0x40, b""
        if command is Command.SELECT_CARD:
            return SW3_OK, bytes(8)
        if Fault.READ_FAILURE in faults:
            return 0x41, b""
        fingerprint = command is Command.READ_TEXT_PHOTO_FINGERPRINT
        return SW3_OK, encode_read_reply(card, fingerprint=fingerprint)

    def _send(self, link: Link, frame: bytes) -> None:
        faults = self.faults
        if Fault.CHECKSUM in faults:
            frame = frame[:-1] + bytes((frame[-1] ^ 0x5A,))
        prefix = b""
        if Fault.GARBAGE in faults:
            with self._lock:
                noise = self._rng.randbytes(self._rng.randrange(3, 24))
            # a fake header with an impossible length, then random bytes
            prefix = noise[:2] + PREAMBLE + b"\x00\x01" + noise[2:]
        if Fault.TORN in faults:
            torn = self._torn(frame)
            if torn:
                link.send(prefix + torn)
                prefix = b""
                time.sleep(0.002)
        link.send(prefix + frame)

    def _torn(self, frame: bytes) -> bytes:
        """A cut copy of ``frame`` after which a decoder still finds ``frame`` itself."""
        if Fault.CHECKSUM in self._faults:
            return frame[: HEADER_LENGTH + 1]
        for _ in range(8):
            with self._lock:
                cut = self._rng.randrange(HEADER_LENGTH + 1, len(frame))
            decoder = FrameDecoder()
            decoder.feed(frame[:cut] + frame)
            if _first_good(decoder) == frame[HEADER_LENGTH:-1]:
                return frame[:cut]
        return b""


def _first_good(decoder: FrameDecoder) -> bytes | None:
    while True:
        try:
            return decoder.next_frame()
        except FramingError:
            continue


if __name__ == "__main__":
    from drivers.idcard.simcli import main

    sys.exit(main())
