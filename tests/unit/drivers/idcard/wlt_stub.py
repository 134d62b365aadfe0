"""A stand-in for a vendor WLT decoder: a tiny C library built with the system
compiler, so the ctypes path is exercised for real (the real library is
proprietary). Its functions mimic the usual shapes:

- ``Wlt2Bmp(wlt, out, mode)``: bare BMP pixel array (102x126x3, rows padded), 1 = ok
- ``WltToBmpFile(wlt, out)``: a complete BMP file, 1 = ok
- ``WltBroken(wlt, out)``: always fails (returns -2)

Each refuses input that does not start with ``WLf`` (returns -1).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.support.require import unavailable

SOURCE = r"""
#include <string.h>
#define ROW 308
#define PIXELS (ROW * 126)

int Wlt2Bmp(const unsigned char *wlt, unsigned char *out, int mode) {
    if (wlt[0] != 'W' || wlt[1] != 'L' || wlt[2] != 'f') return -1;
    for (int i = 0; i < PIXELS; i++) out[i] = (unsigned char)(wlt[3 + i % 1021] ^ mode) | 1;
    return 1;
}

int WltToBmpFile(const unsigned char *wlt, unsigned char *out) {
    if (wlt[0] != 'W' || wlt[1] != 'L' || wlt[2] != 'f') return -1;
    static const unsigned char header[54] = {
        'B','M', 0xCE,0x97,0,0, 0,0,0,0, 54,0,0,0,
        40,0,0,0, 102,0,0,0, 126,0,0,0, 1,0, 24,0, 0,0,0,0,
        0x98,0x97,0,0, 0x13,0x0B,0,0, 0x13,0x0B,0,0, 0,0,0,0, 0,0,0,0};
    memcpy(out, header, 54);
    memset(out + 54, 0x7F, PIXELS);
    return 1;
}

int WltBroken(const unsigned char *wlt, unsigned char *out) {
    (void)wlt; (void)out;
    return -2;
}
"""


def build_stub(directory: Path) -> Path:
    """Compile the stub into ``directory``; skip the test when no C compiler exists
    (fail in CI, where the set-up script installs gcc)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        unavailable("no C compiler to build the WLT decoder stub")
    source = directory / "wltstub.c"
    library = directory / "libwltstub.so"
    source.write_text(SOURCE, encoding="utf-8")
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-O1", "-o", str(library), str(source)],
        check=True,
        capture_output=True,
    )
    return library
