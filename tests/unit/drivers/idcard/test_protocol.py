"""Framing, checksum, the streaming decoder and every SW3 status."""

from __future__ import annotations

import pytest

from drivers.common import DeviceError, DriverText
from drivers.idcard import errors
from drivers.idcard.protocol import (
    MAX_LENGTH,
    PREAMBLE,
    Command,
    FrameDecoder,
    Response,
    checksum,
    encode_command,
    encode_frame,
    encode_response,
    parse_command,
    parse_response,
)

# Command frames as published for GA 467 readers (LEN 00 03, CHK = 00^03^CMD^PARA).
KNOWN_COMMANDS = {
    Command.SAM_RESET: "AAAAAA9669 0003 10FF EC",
    Command.SAM_STATUS: "AAAAAA9669 0003 11FF ED",
    Command.SAM_ID: "AAAAAA9669 0003 12FF EE",
    Command.FIND_CARD: "AAAAAA9669 0003 2001 22",
    Command.SELECT_CARD: "AAAAAA9669 0003 2002 21",
    Command.READ_TEXT_PHOTO: "AAAAAA9669 0003 3001 32",
    Command.READ_TEXT_PHOTO_FINGERPRINT: "AAAAAA9669 0003 3010 23",
}

# SW3 -> (error class, or None for a success status)
SW3_TABLE: dict[int, type[errors.StatusError] | None] = {
    0x90: None,
    0x9F: None,
    0x80: errors.NoCardError,
    0x81: errors.SelectFailedError,
    0x41: errors.ReadFailedError,
    0x10: errors.CommandChecksumError,
    0x11: errors.CommandLengthError,
    0x21: errors.BadCommandError,
    0x23: errors.UnauthorisedOperationError,
    0x31: errors.CardAuthenticationError,
    0x32: errors.ReaderAuthenticationError,
    0x33: errors.InformationVerificationError,
    0x40: errors.UnknownCardTypeError,
    0x60: errors.SamSelfTestError,
    0x66: errors.SamNotAuthorisedError,
}


def frames(decoder: FrameDecoder) -> list[bytes | type[Exception]]:
    """Everything the decoder yields now: payloads, or the class of each error."""
    out: list[bytes | type[Exception]] = []
    while True:
        try:
            payload = decoder.next_frame()
        except errors.FramingError as exc:
            out.append(type(exc))
            continue
        if payload is None:
            return out
        out.append(payload)


@pytest.mark.parametrize(("command", "wire"), KNOWN_COMMANDS.items())
def test_command_frames_match_published_bytes(command: Command, wire: str) -> None:
    assert encode_command(command) == bytes.fromhex(wire)
    assert Command.lookup(command.cmd, command.para) is command


def test_find_success_response_matches_published_bytes() -> None:
    assert encode_response(0x9F, bytes(4)) == bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")


def test_len_counts_every_byte_after_itself_and_chk_covers_len() -> None:
    frame = encode_frame(b"\x01\x02\x03\x04")
    assert frame[:5] == PREAMBLE
    assert int.from_bytes(frame[5:7], "big") == len(frame) - 7 == 5
    assert frame[-1] == checksum(frame[5:-1]) == 0x00 ^ 0x05 ^ 1 ^ 2 ^ 3 ^ 4


def test_long_frame_uses_big_endian_length() -> None:
    frame = encode_response(0x90, bytes(1300))
    assert frame[5:7] == (1304).to_bytes(2, "big") == b"\x05\x18"


def test_parse_response_and_command() -> None:
    response = parse_response(bytes((0x00, 0x00, 0x90, 7, 8)))
    assert response == Response(0, 0, 0x90, b"\x07\x08")
    assert parse_command(b"\x20\x01").command is Command.FIND_CARD
    assert parse_command(b"\x99\x01").command is None


@pytest.mark.parametrize(("sw3", "error"), SW3_TABLE.items())
def test_every_sw3_maps_to_its_typed_error(
    sw3: int, error: type[errors.StatusError] | None
) -> None:
    response = Response(0, 0, sw3)
    if error is None:
        assert response.error() is None
        assert response.expect(sw3) is response
        return
    with pytest.raises(error) as caught:
        response.expect()
    exc = caught.value
    assert isinstance(exc, DeviceError)
    assert exc.code == sw3 == exc.sw3
    assert exc.args_map["code"] == f"0x{sw3:02X}"
    assert isinstance(exc.text, DriverText)
    assert exc.text.context == "idcard"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))  # a Chinese message
    assert isinstance(response.error(), error)


def test_statuses_are_all_covered() -> None:
    failures = {sw3 for sw3, error in SW3_TABLE.items() if error is not None}
    assert set(errors.STATUS_ERRORS) == failures
    assert len({cls.message for cls in errors.STATUS_ERRORS.values()}) == len(failures)


def test_unknown_sw3_keeps_its_code() -> None:
    exc = errors.status_error(0x24)
    assert isinstance(exc, errors.UnknownStatusError)
    assert exc.code == 0x24
    assert "0x24" in str(exc)


def test_decoder_one_frame_fed_byte_by_byte() -> None:
    frame = encode_response(0x90, b"hello")
    decoder = FrameDecoder()
    for i, byte in enumerate(frame):
        decoder.feed(bytes((byte,)))
        got = decoder.next_frame()
        assert (got is None) == (i < len(frame) - 1)
    assert got == b"\x00\x00\x90hello"
    assert decoder.buffered == 0


def test_decoder_several_frames_in_one_chunk() -> None:
    decoder = FrameDecoder()
    decoder.feed(encode_response(0x9F, bytes(4)) + encode_response(0x90) + encode_response(0x80))
    assert [p[2] for p in frames(decoder)] == [0x9F, 0x90, 0x80]  # type: ignore[index]


def test_decoder_skips_garbage_and_keeps_a_split_preamble() -> None:
    decoder = FrameDecoder()
    frame = encode_response(0x90)
    decoder.feed(b"\x00\xff\x13" + frame[:3])  # garbage, then "AA AA AA"
    assert decoder.next_frame() is None
    assert decoder.buffered == 3
    assert decoder.discarded == 3
    decoder.feed(frame[3:])
    assert decoder.next_frame() == b"\x00\x00\x90"


def test_decoder_bad_checksum_is_dropped_and_next_frame_decodes() -> None:
    bad = bytearray(encode_response(0x90, b"x"))
    bad[-1] ^= 0xFF
    decoder = FrameDecoder()
    decoder.feed(bytes(bad) + encode_response(0x9F))
    assert frames(decoder) == [errors.FrameChecksumError, b"\x00\x00\x9f"]


@pytest.mark.parametrize("length", [0, 1, 3, MAX_LENGTH + 1, 0xFFFF])
def test_decoder_rejects_impossible_lengths(length: int) -> None:
    decoder = FrameDecoder()
    decoder.feed(PREAMBLE + length.to_bytes(2, "big") + encode_response(0x90))
    assert frames(decoder) == [errors.FrameLengthError, b"\x00\x00\x90"]


def test_decoder_torn_frame_followed_by_a_shorter_frame() -> None:
    long = encode_response(0x90, bytes(1000))
    decoder = FrameDecoder()
    decoder.feed(long[:40] + encode_response(0x80))  # the rest of `long` never comes
    assert frames(decoder) == [errors.FrameTruncatedError, b"\x00\x00\x80"]


def test_decoder_torn_frame_followed_by_a_longer_frame() -> None:
    frame = encode_response(0x90, bytes(range(200)))
    decoder = FrameDecoder()
    decoder.feed(frame[:60] + frame)
    assert frames(decoder) == [errors.FrameChecksumError, frame[7:-1]]


def test_bytes_needed_tracks_the_frame_in_progress() -> None:
    frame = encode_response(0x90, bytes(100))
    decoder = FrameDecoder()
    assert decoder.bytes_needed() == 7
    decoder.feed(frame[:10])
    assert decoder.bytes_needed() == len(frame) - 10
    decoder.clear()
    assert decoder.buffered == 0


def test_command_decoder_accepts_the_shortest_command() -> None:
    decoder = FrameDecoder(min_length=3)
    decoder.feed(encode_command(Command.FIND_CARD))
    assert decoder.next_frame() == b"\x20\x01"
    response_decoder = FrameDecoder()
    response_decoder.feed(encode_command(Command.FIND_CARD))
    assert frames(response_decoder) == [errors.FrameLengthError]


def test_host_errors_carry_word_codes_and_chinese_messages() -> None:
    for cls in (
        errors.FrameChecksumError,
        errors.FrameLengthError,
        errors.FrameTruncatedError,
        errors.ReaderNotOpenError,
        errors.CardNotLiftedError,
        errors.ReadCancelledError,
    ):
        exc = cls()
        assert isinstance(exc, errors.IdCardError)
        assert exc.code == cls.code_word
        assert exc.text.context == "idcard"
    assert "/dev/ttyUSB0" in str(errors.ReaderTimeoutError(port="/dev/ttyUSB0"))
    assert "busy" in str(errors.PortError(port="COM3", reason="busy"))
