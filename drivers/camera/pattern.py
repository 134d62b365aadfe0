"""The synthetic test pattern: colour bars, a moving bar, a burnt-in wall clock and
frame counter in text, and the same two numbers as a strip of black/white cells
that survives H.264 compression, so tests can read them back (``read_code``)."""

from __future__ import annotations

import functools
import time

import cv2
import numpy as np

from drivers.camera.model import Image

INDEX_BITS = 32
CHECK_BITS = 8
TIME_BITS = 48  # milliseconds since the epoch
_BARS = [
    (192, 192, 192),
    (0, 192, 192),
    (192, 192, 0),
    (0, 192, 0),
    (192, 0, 192),
    (0, 0, 192),
    (192, 0, 0),
]


def cell_size(width: int) -> int:
    return max(6, width // 80)


@functools.lru_cache(maxsize=4)
def _background(width: int, height: int) -> Image:
    img = np.zeros((height, width, 3), np.uint8)
    bars_h = height * 2 // 3
    for i, colour in enumerate(_BARS):
        x0, x1 = i * width // len(_BARS), (i + 1) * width // len(_BARS)
        img[:bars_h, x0:x1] = colour
    ramp = np.linspace(0, 255, width, dtype=np.float32).astype(np.uint8)
    img[bars_h:] = ramp[None, :, None]
    img.setflags(write=False)
    return img


def _check(index: int, ms: int) -> int:
    value = 0xA5  # so that an all-black or all-white strip is not a valid code
    for byte in ((ms << INDEX_BITS) | index).to_bytes(10, "big"):
        value ^= byte
    return value


def _bits(value: int, count: int) -> list[int]:
    return [(value >> (count - 1 - i)) & 1 for i in range(count)]


def _rows(cell: int) -> tuple[int, int, int]:
    """(x0, y of row 0, y of row 1)."""
    return cell // 2, cell // 2, cell // 2 + cell


def _draw_code(img: Image, index: int, at: float) -> None:
    cell = cell_size(img.shape[1])
    ms = int(at * 1000) & ((1 << TIME_BITS) - 1)
    index &= (1 << INDEX_BITS) - 1
    rows = [
        _bits(index, INDEX_BITS) + _bits(_check(index, ms), CHECK_BITS),
        _bits(ms, TIME_BITS),
    ]
    x0, y0, y1 = _rows(cell)
    img[: y1 + cell + cell // 2, : x0 + TIME_BITS * cell + cell // 2] = 0
    for y, bits in ((y0, rows[0]), (y1, rows[1])):
        for i, bit in enumerate(bits):
            if bit:
                img[y : y + cell, x0 + i * cell : x0 + (i + 1) * cell] = 255


def read_code(image: Image) -> tuple[int, float] | None:
    """(frame index, capture time) from a pattern frame; None when unreadable."""
    if image.ndim == 3:
        image = np.asarray(cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_BGR2GRAY))
    cell = cell_size(image.shape[1])
    x0, y0, y1 = _rows(cell)
    if image.shape[0] < y1 + cell or image.shape[1] < x0 + TIME_BITS * cell:
        return None
    q = max(1, cell // 4)

    def read(y: int, count: int) -> int:
        value = 0
        for i in range(count):
            x = x0 + i * cell
            patch = image[y + q : y + cell - q, x + q : x + cell - q]
            value = (value << 1) | int(patch.mean() > 127)
        return value

    row0 = read(y0, INDEX_BITS + CHECK_BITS)
    index, check = row0 >> CHECK_BITS, row0 & 0xFF
    ms = read(y1, TIME_BITS)
    if _check(index, ms) != check:
        return None
    return index, ms / 1000.0


def qr_image(text: str, side: int) -> Image:
    """A QR code for ``text`` with a quiet zone, ``side`` pixels square, grey."""
    encoder = cv2.QRCodeEncoder.create()
    code = encoder.encode(text)
    code = cv2.copyMakeBorder(code, 4, 4, 4, 4, cv2.BORDER_CONSTANT, value=255)
    return np.asarray(cv2.resize(code, (side, side), interpolation=cv2.INTER_NEAREST), np.uint8)


def render(width: int, height: int, index: int, at: float, qr: Image | None = None) -> Image:
    img = _background(width, height).copy()
    bar_w = max(2, width // 40)
    x = (index * max(1, width // 120)) % (width - bar_w)
    cv2.rectangle(img, (x, height // 3), (x + bar_w, height * 2 // 3), (255, 255, 255), -1)
    if qr is not None:
        side = qr.shape[0]
        top, left = (height - side) // 2, width - side - width // 20
        if top >= 0 and left >= 0:
            img[top : top + side, left : left + side] = qr[:, :, None]
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))
    lines = [f"{stamp}.{int(at * 1000) % 1000:03d}", f"#{index:08d}"]
    scale = max(0.4, height / 720 * 1.3)
    thick = max(1, round(scale * 2))
    line_h = int(40 * scale)
    font = cv2.FONT_HERSHEY_SIMPLEX
    for n, text in enumerate(reversed(lines)):
        x, y = width // 40, height - height // 30 - n * line_h
        (w, h), base = cv2.getTextSize(text, font, scale, thick)
        pad = max(2, h // 4)
        cv2.rectangle(img, (x - pad, y - h - pad), (x + w + pad, y + base), (0, 0, 0), -1)
        cv2.putText(img, text, (x, y), font, scale, (255, 255, 255), thick, cv2.LINE_AA)
    _draw_code(img, index, at)
    return img
