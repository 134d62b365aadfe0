"""Optional vendor decoder for the card's WLT photo, loaded through ctypes by path.

The photo on the card is in the proprietary WLT format; only the reader vendor's
native library decodes it (a ``Wlt2Bmp``-style function giving a 102x126 24-bit
image). The venue configures the library's path; without it, or when it fails,
the card still reads and its photo is marked unavailable.

Supported function shape (the common one; name and calling convention are
configurable)::

    int fn(const unsigned char *wlt, unsigned char *out [, int mode]);

returning ``success`` (default 1). ``out`` receives either a complete BMP file
(starting with ``BM``) or the bare BMP pixel array (bottom-up BGR rows padded to
4 bytes); either way ``decode`` returns a complete BMP file.
"""

from __future__ import annotations

import ctypes
import logging
import struct
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

WIDTH = 102
HEIGHT = 126
ROW_BYTES = (WIDTH * 3 + 3) & ~3  # 308
PIXEL_BYTES = ROW_BYTES * HEIGHT  # 38808
BMP_HEADER_BYTES = 54
BMP_BYTES = BMP_HEADER_BYTES + PIXEL_BYTES  # 38862
OUTPUT_BUFFER = BMP_BYTES + 1024  # slack for libraries that write a little more

Convention = Literal["cdecl", "stdcall"]


class WltDecodeError(Exception):
    """The vendor library is missing or unusable (logged; the photo is then unavailable)."""


class WltDecoder:
    """Calls the vendor's WLT → BMP function. Use it from one thread (vendor
    libraries are rarely thread-safe; the reader calls it on its owner thread)."""

    def __init__(
        self,
        library: str | Path,
        *,
        function: str = "Wlt2Bmp",
        convention: Convention = "cdecl",
        mode: int | None = None,
        success: int = 1,
    ) -> None:
        self.library = Path(library)
        self.mode = mode
        self.success = success
        loader: Any = ctypes.CDLL
        if convention == "stdcall":
            loader = getattr(ctypes, "WinDLL", None)
            if loader is None:
                raise WltDecodeError("stdcall libraries exist only on Windows")
        try:
            lib = loader(str(self.library))
            self._fn = getattr(lib, function)
        except (OSError, AttributeError) as exc:
            raise WltDecodeError(f"cannot load {function} from {self.library}: {exc}") from exc
        argtypes: list[Any] = [ctypes.c_char_p, ctypes.c_char_p]
        if mode is not None:
            argtypes.append(ctypes.c_int)
        self._fn.argtypes = argtypes
        self._fn.restype = ctypes.c_int

    def decode(self, wlt: bytes) -> bytes | None:
        """The photo as a BMP file, or ``None`` when the library fails on it."""
        if not wlt:
            return None
        out = ctypes.create_string_buffer(OUTPUT_BUFFER)
        args: list[Any] = [wlt, out]
        if self.mode is not None:
            args.append(self.mode)
        try:
            result = self._fn(*args)
        except OSError:  # an access violation inside the library (Windows)
            log.warning("WLT decoder %s crashed", self.library.name, exc_info=True)
            return None
        if result != self.success:
            log.warning("WLT decoder %s returned %s", self.library.name, result)
            return None
        return _as_bmp(out.raw)


def load_wlt_decoder(library: str | Path | None, **options: Any) -> WltDecoder | None:
    """A decoder for ``library``, or ``None`` (logged) when none is configured or it
    cannot be loaded."""
    if not library:
        return None
    try:
        return WltDecoder(library, **options)
    except WltDecodeError as exc:
        log.warning("WLT photo decoding unavailable: %s", exc)
        return None


def bmp_header(width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A BITMAPFILEHEADER + BITMAPINFOHEADER for a bottom-up 24-bit image."""
    row = (width * 3 + 3) & ~3
    size = BMP_HEADER_BYTES + row * height
    file_header = b"BM" + struct.pack("<IHHI", size, 0, 0, BMP_HEADER_BYTES)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, row * height, 2835, 2835, 0, 0)
    return file_header + info


def _as_bmp(raw: bytes) -> bytes | None:
    if raw.startswith(b"BM"):
        size = struct.unpack_from("<I", raw, 2)[0]
        if BMP_HEADER_BYTES < size <= len(raw):
            return raw[:size]
        log.warning("WLT decoder gave a BMP of impossible size %d", size)
        return None
    if not any(raw[:PIXEL_BYTES]):
        log.warning("WLT decoder reported success but wrote nothing")
        return None
    return bmp_header() + raw[:PIXEL_BYTES]
