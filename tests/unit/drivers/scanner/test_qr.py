from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from drivers.scanner import QrDecoder, ScanError

TEXT = "VENUE|CHECKIN|0001-2026-A|签到"


def rotated_qr_frame(
    text: str, angle: float, module: int = 4, size: tuple[int, int] = (1280, 720)
) -> tuple[np.ndarray, tuple[int, int]]:
    """A 720p BGR frame with ``text`` as a QR code rotated by ``angle`` degrees;
    returns the frame and the code's centre."""
    code = cv2.QRCodeEncoder.create().encode(text)
    code = cv2.resize(code, None, fx=module, fy=module, interpolation=cv2.INTER_NEAREST)
    code = cv2.copyMakeBorder(
        code, 4 * module, 4 * module, 4 * module, 4 * module, cv2.BORDER_CONSTANT, value=255
    )
    side = code.shape[0]
    rotation = cv2.getRotationMatrix2D((side / 2, side / 2), angle, 1.0)
    tile = cv2.warpAffine(code, rotation, (side, side), borderValue=255)
    frame = np.full((size[1], size[0], 3), (60, 90, 120), np.uint8)
    top, left = (200, 700) if size[0] >= 1280 else (20, 20)
    frame[top : top + side, left : left + side] = tile[:, :, None]
    return frame, (left + side // 2, top + side // 2)


def test_aruco_decodes_a_rotated_code_in_a_720p_frame_with_corners() -> None:
    frame, (cx, cy) = rotated_qr_frame(TEXT, 12)
    decoder = QrDecoder()
    assert decoder.backend == "aruco"
    codes = decoder.decode(frame)
    assert [c.text for c in codes] == [TEXT]
    points = np.array(codes[0].points)
    assert points.shape == (4, 2)
    assert np.allclose(points.mean(axis=0), (cx, cy), atol=10)


@pytest.mark.parametrize("backend", ["aruco", "classic"])
def test_both_backends_decode_an_upright_code_grey_or_bgra(backend: str) -> None:
    frame, _ = rotated_qr_frame("ABC-123", 0, module=6)
    decoder = QrDecoder(backend)
    assert [c.text for c in decoder.decode(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))] == ["ABC-123"]
    assert [c.text for c in decoder.decode(cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA))] == ["ABC-123"]


def test_frames_without_codes_give_nothing() -> None:
    decoder = QrDecoder()
    assert decoder.decode(np.zeros((720, 1280, 3), np.uint8)) == []
    assert decoder.decode(np.zeros((10, 10), np.uint8)) == []


@pytest.mark.parametrize(
    "bad",
    [
        None,
        "frame",
        np.zeros((0, 10, 3), np.uint8),
        np.zeros((10, 10, 2), np.uint8),
        np.zeros((4, 4, 4, 4), np.uint8),
        np.zeros((100, 100), np.float32),
        np.zeros(100, np.uint8),
    ],
)
def test_unusable_input_is_a_typed_error(bad: object) -> None:
    with pytest.raises(ScanError) as info:
        QrDecoder().decode(bad)
    assert info.value.code == ScanError.BAD_FRAME
    assert "无法识别的图像格式" in str(info.value)


_decoder = QrDecoder()

shapes = st.one_of(
    hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=160),
    st.tuples(st.integers(0, 160), st.integers(0, 160), st.sampled_from([1, 2, 3, 4, 5])),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hnp.arrays(st.sampled_from([np.uint8, np.uint16, np.float32, np.bool_]), shapes))
def test_garbage_frames_never_crash_the_decoder(array: np.ndarray) -> None:
    try:
        codes = _decoder.decode(array)
    except ScanError as exc:
        assert exc.code in (ScanError.BAD_FRAME, ScanError.DECODE_FAILED)
    else:
        assert isinstance(codes, list)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 1.0))
def test_noise_over_a_code_never_crashes(seed: int, amount: float) -> None:
    frame, _ = rotated_qr_frame("NOISE", 7, size=(480, 360))
    rng = np.random.default_rng(seed)
    noise = rng.integers(0, 256, frame.shape, dtype=np.uint8)
    mask = rng.random(frame.shape[:2]) < amount
    frame[mask] = noise[mask]
    for code in _decoder.decode(frame):
        assert isinstance(code.text, str) and len(code.points) == 4
