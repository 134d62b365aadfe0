"""VBE1 throughput: seal, and decrypt with the receipt checked in the same pass, of
a 256 MiB file (``VENUE_BENCH_N`` MiB), with peak RSS. Prints figures.

Run with ``pytest -s tests/bench/bench_vbe1.py`` (or ``python`` it directly).
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

from venue_client.crypto.vbe1 import Recipient, decrypt, decrypt_file, seal

MIB = 1 << 20


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(tmp: Path, mib: int = 256) -> list[tuple[str, float]]:
    plain = tmp / "bid.bin"
    with plain.open("wb") as fh:
        for _ in range(mib):
            fh.write(os.urandom(MIB))
    key = os.urandom(32)
    rows: list[tuple[str, float]] = []
    for suite, chunk in (("AES-256-GCM", 64 * 1024), ("AES-256-GCM", MIB)):
        sealed = tmp / f"bid-{chunk}.vbe1"
        start = time.perf_counter()
        with plain.open("rb") as src, sealed.open("wb") as dst:
            info = seal(src, dst, [Recipient(key)], suite=suite, chunk_size=chunk)
        rows.append(
            (f"seal {suite} {chunk // 1024} KiB chunks MB/s", mib / (time.perf_counter() - start))
        )
        start = time.perf_counter()
        with sealed.open("rb") as src, Path(os.devnull).open("wb") as dst:
            decrypt(src, dst, key, receipt=info.sha256)
        rows.append(
            (
                f"decrypt+receipt {chunk // 1024} KiB -> /dev/null MB/s",
                mib / (time.perf_counter() - start),
            )
        )
        out = tmp / f"out-{chunk}"
        start = time.perf_counter()
        decrypt_file(sealed, out, key, receipt=info.sha256)
        rows.append(
            (
                f"decrypt_file+receipt {chunk // 1024} KiB (fsync) MB/s",
                mib / (time.perf_counter() - start),
            )
        )
        out.unlink()
    rows.append(("peak RSS MB", _rss_mb()))
    return rows


def test_vbe1_throughput(tmp_path):
    mib = int(os.environ.get("VENUE_BENCH_N", "256"))
    for label, value in run(tmp_path, mib):
        print(f"{label:48s} {value:10.1f}")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        test_vbe1_throughput(Path(tmp))
