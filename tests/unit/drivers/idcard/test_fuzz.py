"""Property tests: whatever bytes arrive, the decoder yields frames or typed errors."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.idcard.errors import FramingError
from drivers.idcard.protocol import PREAMBLE, FrameDecoder, encode_frame, encode_response

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

payloads = st.binary(min_size=3, max_size=1400)
valid_frames = payloads.map(encode_frame)
# Bytes with the preamble's bytes over-represented, so headers turn up often.
noisy = st.lists(
    st.one_of(
        st.binary(max_size=16),
        st.just(PREAMBLE),
        st.sampled_from([b"\xaa", b"\xaa\xaa", b"\x96\x69", b"\x00\x04", b"\xff\xff"]),
    ),
    max_size=40,
).map(b"".join)


def drain(decoder: FrameDecoder, data: bytes, chunks: list[int]) -> list[bytes]:
    """Feed ``data`` in chunks, collecting payloads; only FramingError may escape
    ``next_frame`` (anything else fails the test)."""
    out: list[bytes] = []
    pos = 0
    for size in [*chunks, len(data)]:
        decoder.feed(data[pos : pos + size])
        pos += size
        while True:
            try:
                payload = decoder.next_frame()
            except FramingError:
                continue
            if payload is None:
                break
            out.append(payload)
        assert decoder.bytes_needed() >= 1
    return out


@FUZZ
@given(st.one_of(st.binary(max_size=3000), noisy), st.lists(st.integers(1, 64), max_size=30))
def test_random_bytes_give_only_typed_errors(data: bytes, chunks: list[int]) -> None:
    for payload in drain(FrameDecoder(), data, chunks):
        assert len(payload) >= 3


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    frame = bytearray(draw(valid_frames))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "length"]))
        pos = draw(st.integers(0, max(0, len(frame) - 1)))
        if kind == "flip" and frame:
            frame[pos] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            frame[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del frame[pos : pos + draw(st.integers(1, 8))]
        elif kind == "truncate":
            del frame[pos:]
        elif len(frame) >= 7:
            frame[5:7] = draw(st.integers(0, 0xFFFF)).to_bytes(2, "big")
    return bytes(frame)


@FUZZ
@given(
    st.lists(st.one_of(mutated(), valid_frames, noisy), max_size=6), st.lists(st.integers(1, 300))
)
def test_mutated_frames_give_only_typed_errors(parts: list[bytes], chunks: list[int]) -> None:
    drain(FrameDecoder(), b"".join(parts), chunks)
    drain(FrameDecoder(min_length=3), b"".join(parts), chunks)


@FUZZ
@given(noisy, st.binary(min_size=0, max_size=1300), st.lists(st.integers(1, 200), max_size=20))
def test_a_good_frame_after_noise_is_recovered(
    noise: bytes, data: bytes, chunks: list[int]
) -> None:
    # Without 0x69 the noise holds no complete preamble (partial ones and fake
    # lengths stay), so the decoder must resynchronise exactly on the frame.
    noise = noise.replace(b"\x69", b"\x68")
    frame = encode_response(0x90, data)
    assert drain(FrameDecoder(), noise + frame + frame, chunks) == [frame[7:-1]] * 2
