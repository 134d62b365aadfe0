"""The optional WLT photo decoder, called through ctypes on a compiled stub."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from drivers.idcard.wlt import BMP_BYTES, WltDecodeError, WltDecoder, bmp_header, load_wlt_decoder
from tests.unit.drivers.idcard.wlt_stub import build_stub

WLT = b"WLf" + bytes(range(256)) * 3 + bytes(253)


@pytest.fixture(scope="module")
def stub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_stub(tmp_path_factory.mktemp("wlt"))


def bmp_size(bmp: bytes) -> tuple[int, int, int]:
    width, height = struct.unpack_from("<ii", bmp, 18)
    bits = struct.unpack_from("<H", bmp, 28)[0]
    return width, height, bits


def test_raw_pixel_output_is_wrapped_into_a_bmp(stub: Path) -> None:
    bmp = WltDecoder(stub, function="Wlt2Bmp", mode=0x5A).decode(WLT)
    assert bmp is not None
    assert bmp.startswith(b"BM")
    assert len(bmp) == BMP_BYTES == struct.unpack_from("<I", bmp, 2)[0]
    assert bmp_size(bmp) == (102, 126, 24)
    assert bmp[54] == (WLT[3] ^ 0x5A) | 1


def test_complete_bmp_output_is_returned_as_is(stub: Path) -> None:
    bmp = WltDecoder(stub, function="WltToBmpFile").decode(WLT)
    assert bmp is not None
    assert len(bmp) == BMP_BYTES
    assert bmp[:54] == bmp_header()
    assert set(bmp[54:]) == {0x7F}


def test_failures_give_no_photo(stub: Path) -> None:
    assert WltDecoder(stub, function="WltBroken").decode(WLT) is None
    assert WltDecoder(stub, function="Wlt2Bmp", mode=0).decode(b"garbage" * 200) is None
    assert WltDecoder(stub, function="Wlt2Bmp", mode=0).decode(b"") is None


def test_missing_library_or_function(stub: Path, tmp_path: Path) -> None:
    with pytest.raises(WltDecodeError):
        WltDecoder(tmp_path / "nope.so")
    with pytest.raises(WltDecodeError):
        WltDecoder(stub, function="NoSuchFunction")
    assert load_wlt_decoder(tmp_path / "nope.so") is None
    assert load_wlt_decoder(None) is None
    assert load_wlt_decoder(stub, function="Wlt2Bmp", mode=1) is not None
