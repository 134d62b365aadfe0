"""Frames of the second-generation ID card reader (GA 467 family), both directions.

Command:  ``AA AA AA 96 69 | LEN(2, big-endian) | CMD PARA | data | CHK``
Response: ``AA AA AA 96 69 | LEN(2, big-endian) | SW1 SW2 SW3 | data | CHK``

LEN counts every byte after itself, CHK included; CHK is the XOR of every byte
after the preamble (LEN included) up to, not including, CHK.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import reduce
from operator import xor

from drivers.idcard.errors import (
    FrameChecksumError,
    FrameLengthError,
    FrameTruncatedError,
    StatusError,
    status_error,
)

PREAMBLE = bytes.fromhex("AAAAAA9669")
HEADER_LENGTH = len(PREAMBLE) + 2  # preamble + LEN
MIN_COMMAND_LENGTH = 3  # CMD PARA CHK
MIN_RESPONSE_LENGTH = 4  # SW1 SW2 SW3 CHK
# Largest frame accepted: a text+photo+fingerprint reply is 3 + 6 + 256 + 1024 +
# 1024 + 1 = 2314 bytes; anything far above is a corrupted LEN, not a frame.
MAX_LENGTH = 4096

SW3_OK = 0x90
SW3_CARD_FOUND = 0x9F


class Command(enum.Enum):
    """CMD and PARA bytes of the reader's commands."""

    SAM_RESET = (0x10, 0xFF)
    SAM_STATUS = (0x11, 0xFF)
    SAM_ID = (0x12, 0xFF)
    FIND_CARD = (0x20, 0x01)
    SELECT_CARD = (0x20, 0x02)
    READ_TEXT_PHOTO = (0x30, 0x01)
    READ_TEXT_PHOTO_FINGERPRINT = (0x30, 0x10)

    @property
    def cmd(self) -> int:
        return self.value[0]

    @property
    def para(self) -> int:
        return self.value[1]

    @classmethod
    def lookup(cls, cmd: int, para: int) -> Command | None:
        return _COMMANDS.get((cmd, para))


_COMMANDS = {command.value: command for command in Command}


def checksum(data: bytes | bytearray | memoryview) -> int:
    """XOR of all bytes of ``data``."""
    return reduce(xor, data, 0)


def encode_frame(payload: bytes) -> bytes:
    """Wrap ``payload`` (CMD PARA data, or SW1 SW2 SW3 data) into a frame."""
    length = len(payload) + 1
    if length > 0xFFFF:
        raise ValueError(f"payload of {len(payload)} bytes does not fit a frame")
    body = length.to_bytes(2, "big") + payload
    return PREAMBLE + body + bytes((checksum(body),))


def encode_command(command: Command, data: bytes = b"") -> bytes:
    return encode_frame(bytes(command.value) + data)


def encode_response(sw3: int, data: bytes = b"", *, sw1: int = 0x00, sw2: int = 0x00) -> bytes:
    return encode_frame(bytes((sw1, sw2, sw3)) + data)


@dataclass(frozen=True)
class Response:
    """A reader's answer: the three status words and the data."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    def expect(self, *ok: int) -> Response:
        """Return self when SW3 is one of ``ok`` (default ``90``), else raise its error."""
        if self.sw3 not in (ok or (SW3_OK,)):
            raise status_error(self.sw3)
        return self

    def error(self) -> StatusError | None:
        return None if self.sw3 in (SW3_OK, SW3_CARD_FOUND) else status_error(self.sw3)


def parse_response(payload: bytes) -> Response:
    """A response payload (as given by a response ``FrameDecoder``, at least 3 bytes)."""
    if len(payload) < MIN_RESPONSE_LENGTH - 1:
        raise ValueError("a response payload has at least SW1 SW2 SW3")
    return Response(payload[0], payload[1], payload[2], bytes(payload[3:]))


@dataclass(frozen=True)
class CommandFrame:
    """A decoded command (the simulator's side): CMD, PARA and data."""

    cmd: int
    para: int
    data: bytes = b""

    @property
    def command(self) -> Command | None:
        return Command.lookup(self.cmd, self.para)


def parse_command(payload: bytes) -> CommandFrame:
    if len(payload) < MIN_COMMAND_LENGTH - 1:
        raise ValueError("a command payload has at least CMD PARA")
    return CommandFrame(payload[0], payload[1], bytes(payload[2:]))


class FrameDecoder:
    """Cuts a byte stream into frame payloads, resynchronising on the preamble.

    ``feed`` bytes as they arrive, then call ``next_frame`` until it returns
    ``None``. A frame with a bad checksum or an impossible length, or a frame
    cut short by the start of a complete later frame (a torn frame), is dropped
    and reported by raising ``FrameChecksumError``, ``FrameLengthError`` or
    ``FrameTruncatedError``; the next call carries on after it. Bytes outside
    any frame are skipped silently and counted in ``discarded``. Nothing else is
    ever raised.
    """

    def __init__(
        self, *, min_length: int = MIN_RESPONSE_LENGTH, max_length: int = MAX_LENGTH
    ) -> None:
        self.min_length = min_length
        self.max_length = max_length
        self.discarded = 0
        self._buffer = bytearray()

    def feed(self, data: bytes) -> None:
        self._buffer += data

    def clear(self) -> None:
        self._buffer.clear()

    @property
    def buffered(self) -> int:
        return len(self._buffer)

    def bytes_needed(self) -> int:
        """How many more bytes complete the frame in progress (at least 1)."""
        buf = self._buffer
        if not buf.startswith(PREAMBLE) or len(buf) < HEADER_LENGTH:
            return max(1, HEADER_LENGTH - len(buf))
        length = int.from_bytes(buf[5:7], "big")
        if not self.min_length <= length <= self.max_length:
            return 1
        return max(1, HEADER_LENGTH + length - len(buf))

    def next_frame(self) -> bytes | None:
        """The payload of the next complete frame, or ``None`` until more bytes come."""
        buf = self._buffer
        start = buf.find(PREAMBLE)
        if start < 0:
            self._drop(len(buf) - _preamble_prefix_length(buf))
            return None
        self._drop(start)
        if len(buf) < HEADER_LENGTH:
            return None
        length = int.from_bytes(buf[5:7], "big")
        if not self.min_length <= length <= self.max_length:
            self._drop(1)
            raise FrameLengthError(length=length)
        end = HEADER_LENGTH + length
        if len(buf) < end:
            later = self._complete_frame_after_start()
            if later is not None:
                self._drop(later)
                raise FrameTruncatedError(length=length)
            return None
        expected, actual = checksum(memoryview(buf)[5 : end - 1]), buf[end - 1]
        if expected != actual:
            self._drop(1)  # rescan from the next byte: a torn frame may hide a good one
            raise FrameChecksumError(expected=f"0x{expected:02X}", actual=f"0x{actual:02X}")
        payload = bytes(buf[HEADER_LENGTH : end - 1])
        del buf[:end]
        return payload

    def _complete_frame_after_start(self) -> int | None:
        """Offset of a complete, valid frame starting after offset 0, if any."""
        buf = self._buffer
        offset = buf.find(PREAMBLE, 1)
        while offset > 0:
            if len(buf) - offset >= HEADER_LENGTH:
                length = int.from_bytes(buf[offset + 5 : offset + 7], "big")
                end = offset + HEADER_LENGTH + length
                if (
                    self.min_length <= length <= self.max_length
                    and end <= len(buf)
                    and checksum(memoryview(buf)[offset + 5 : end - 1]) == buf[end - 1]
                ):
                    return offset
            offset = buf.find(PREAMBLE, offset + 1)
        return None

    def _drop(self, count: int) -> None:
        if count > 0:
            del self._buffer[:count]
            self.discarded += count


def _preamble_prefix_length(buf: bytearray) -> int:
    """Length of the longest tail of ``buf`` that could begin a preamble."""
    for size in range(min(len(PREAMBLE) - 1, len(buf)), 0, -1):
        if buf.endswith(PREAMBLE[:size]):
            return size
    return 0
