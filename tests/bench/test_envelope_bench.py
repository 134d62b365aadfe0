"""Opening one bid file, several ways, on the same plaintext of ``VENUE_BENCH_MIB`` MiB
(default 1024): our VBE1 seal (timed in-process, for reference), our VBE1 decrypt with
the receipt checked in the same pass (``vbe1.decrypt_file``), our CMS import of an
``openssl cms -encrypt -aes-256-gcm -stream`` envelope (``cms.decrypt_file``, receipt
checked), ``openssl cms -decrypt`` on that same CMS file, and ``age -d`` on an age
file (X25519 identity from ``age-keygen``). Each runs in its own child process; wall
time and peak RSS (GNU ``time -f %M``, else ``wait4``'s rusage) are printed.

Durability is compared like for like. Ours fsync the plaintext before it gets its
name (a decrypted bid must survive a power cut); ``age`` and ``openssl`` leave it in
the page cache. So VBE1 is measured both ways (``decrypt_file``, and ``decrypt`` into
a plain file without fsync), and ``age -d`` both ways too (then its output fsynced,
the fsync timed on its own and added). Every tool runs ``VENUE_BENCH_REPS`` times
(default 3), the order rotated each round so no tool always meets a cold page cache
or another's write-back; the median is reported.

Targets:

- VBE1 decrypt+verify (durable) at least 2x faster than ``openssl cms -decrypt``
  (not durable);
- no slower than ``age -d``: page cache against page cache, and durable against
  ``age -d`` + fsync;
- our peak RSS (VBE1 and CMS) under 64 MiB.

Figures only, no timing asserts (shared machines are noisy). Run with ``make bench``
or ``pytest -q -s tests/bench/test_envelope_bench.py``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.unit.crypto_cms.support import encrypt, make_identity, openssl

MIB = 1 << 20
RSS_LIMIT_MIB = 64
VBE1_CHILD = (
    "import sys\n"
    "from drivers.token.softkeys import SoftKeyStore\n"
    "from venue_client.crypto import vbe1\n"
    "from venue_client.crypto.plainout import parse_receipt\n"
    "key = SoftKeyStore.from_pem(sys.argv[2], sys.argv[3])\n"
    "vbe1.decrypt_file(sys.argv[1], sys.argv[4], key, receipt=parse_receipt(sys.argv[5]))\n"
)
VBE1_NULL_CHILD = (  # the same without the output file: what the fsync costs
    "import sys\n"
    "from drivers.token.softkeys import SoftKeyStore\n"
    "from venue_client.crypto import vbe1\n"
    "from venue_client.crypto.plainout import parse_receipt\n"
    "key = SoftKeyStore.from_pem(sys.argv[2], sys.argv[3])\n"
    "with open(sys.argv[1], 'rb') as src, open(sys.argv[4], 'wb') as dst:\n"
    "    vbe1.decrypt(src, dst, key, receipt=parse_receipt(sys.argv[5]))\n"
)
CMS_CHILD = (
    "import sys\n"
    "from drivers.token.softkeys import SoftKeyStore\n"
    "from venue_client.crypto import cms\n"
    "from venue_client.crypto.plainout import parse_receipt\n"
    "key = SoftKeyStore.from_pem(sys.argv[2], sys.argv[3])\n"
    "cms.decrypt_file(sys.argv[1], sys.argv[4], key, receipt=parse_receipt(sys.argv[5]))\n"
)


def measure(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process. GNU time (when there)
    runs it, so the figure is not raised by this process's pages copied at fork."""
    timer = "/usr/bin/time"
    timed = Path(timer).is_file()
    if timed:
        argv = [timer, "-f", "%M", *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert os.waitstatus_to_exitcode(status) == 0, err
    if timed:
        return elapsed, int(err.strip().splitlines()[-1]) / 1024
    return elapsed, usage.ru_maxrss / 1024


def _plaintext(path: Path, mib: int) -> None:
    block = os.urandom(MIB)
    with path.open("wb") as fh:
        for i in range(mib):
            fh.write(block[i % 7 :] + block[: i % 7])  # not all-equal blocks, cheap to make


def _seal_vbe1(plain: Path, out: Path, cert_path: Path) -> str:
    from cryptography import x509

    from venue_client.crypto.vbe1 import Recipient, seal

    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    with plain.open("rb") as src, out.open("wb") as dst:
        return seal(src, dst, [Recipient(cert)]).receipt


def _sha256(path: Path) -> str:
    from venue_client.crypto.bids import file_sha256

    return file_sha256(path)


def _age_files(root: Path, plain: Path) -> tuple[Path, Path] | None:
    if not (shutil.which("age") and shutil.which("age-keygen")):
        return None
    identity = root / "age-identity.txt"
    subprocess.run(["age-keygen", "-o", str(identity)], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(identity)], check=True, capture_output=True, text=True
    ).stdout.strip()
    sealed = root / "bid.age"
    subprocess.run(
        ["age", "-r", recipient, "-o", str(sealed), str(plain)], check=True, capture_output=True
    )
    return identity, sealed


def _fsync_seconds(path: Path) -> float:
    start = time.perf_counter()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - start


VBE1 = "venue VBE1 decrypt+receipt"
VBE1_CACHE = "  same, no fsync (page cache)"
CMS = "venue CMS import+receipt"
OPENSSL = "openssl cms -decrypt"
AGE = "age -d"
AGE_SYNC = "age -d, then fsync"


def test_envelope_open_vs_openssl_and_age() -> None:
    mib = int(os.environ.get("VENUE_BENCH_MIB", "1024"))
    reps = max(1, int(os.environ.get("VENUE_BENCH_REPS", "3")))
    times: dict[str, list[float]] = {}
    peaks: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir=os.environ.get("VENUE_BENCH_TMP")) as tmp:
        root = Path(tmp)
        bidder = make_identity(root, "bench")
        plain = root / "plain.bin"
        _plaintext(plain, mib)
        vbe1_file = root / "bid.vbe1"
        start = time.perf_counter()
        vbe1_receipt = _seal_vbe1(plain, vbe1_file, bidder.cert_path)
        sealed_in = time.perf_counter() - start
        cms_file = encrypt(plain, root / "bid.p7m", bidder, cipher="gcm", stream=True,
                           padding="oaep-sha256")  # fmt: skip
        cms_receipt = _sha256(cms_file)
        age = _age_files(root, plain)
        size = plain.stat().st_size
        plain.unlink()  # not needed any more: leave its page cache to the runs
        out = root / "out.bin"
        keys = [str(bidder.key_path), str(bidder.cert_path), str(out)]
        runs: list[tuple[str, list[str]]] = [
            (VBE1, [sys.executable, "-c", VBE1_CHILD, str(vbe1_file), *keys, vbe1_receipt]),
            (VBE1_CACHE, [sys.executable, "-c", VBE1_NULL_CHILD, str(vbe1_file), *keys,
                          vbe1_receipt]),
            (CMS, [sys.executable, "-c", CMS_CHILD, str(cms_file), *keys, cms_receipt]),
            (OPENSSL, [openssl(), "cms", "-decrypt", "-binary", "-inform", "DER",
                       "-in", str(cms_file), "-inkey", str(bidder.key_path),
                       "-recip", str(bidder.cert_path), "-out", str(out)]),
        ]  # fmt: skip
        if age is not None:
            age_argv = ["age", "-d", "-i", str(age[0]), "-o", str(out), str(age[1])]
            runs += [(AGE, age_argv), (AGE_SYNC, age_argv)]
        for rep in range(reps):
            k = rep % len(runs)
            for name, argv in runs[k:] + runs[:k]:
                elapsed, rss = measure(argv)
                assert out.stat().st_size == size, name
                if name == AGE_SYNC:
                    elapsed += _fsync_seconds(out)
                out.unlink()
                times.setdefault(name, []).append(elapsed)
                peaks[name] = max(peaks.get(name, 0.0), rss)
    _report(mib, reps, times, peaks, sealed_in)


def _report(
    mib: int, reps: int, times: dict[str, list[float]], peaks: dict[str, float], sealed_in: float
) -> None:
    wall = {name: statistics.median(values) for name, values in times.items()}
    print()
    print(f"  {mib} MiB bid file, same plaintext; median of {reps} rotated runs")
    print(f"  {'':<30} {'wall':>8} {'MiB/s':>8} {'peak RSS':>10}  {'durable':<8} runs")
    print(f"  {'venue VBE1 seal (in-process)':<30} {sealed_in:7.2f}s {mib / sealed_in:8.0f}")
    durable = {VBE1, CMS, AGE_SYNC}
    for name, values in times.items():
        spread = " ".join(f"{v:.2f}" for v in values)
        print(
            f"  {name:<30} {wall[name]:7.2f}s {mib / wall[name]:8.0f} {peaks[name]:8.0f} MiB"
            f"  {'fsync' if name in durable else 'no':<8} {spread}"
        )
    ours, ossl = wall[VBE1], wall[OPENSSL]
    peak = max(peaks[VBE1], peaks[CMS])
    checks = [
        (f"VBE1 >= 2x faster than openssl cms -decrypt ({ossl / ours:.2f}x)", ossl / ours >= 2)
    ]
    if AGE in wall:
        cache, synced = wall[VBE1_CACHE], wall[AGE_SYNC]
        checks += [
            (f"VBE1 no slower than age -d, both page cache ({wall[AGE] / cache:.2f}x)",
             cache <= wall[AGE]),
            (f"VBE1 no slower than age -d, both fsynced ({synced / ours:.2f}x)", ours <= synced),
        ]  # fmt: skip
    else:
        checks.append(("VBE1 no slower than age -d (age not installed: not measured)", False))
    checks.append((f"our peak RSS < {RSS_LIMIT_MIB} MiB ({peak:.0f} MiB)", peak < RSS_LIMIT_MIB))
    for text, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {text}")


if __name__ == "__main__":
    test_envelope_open_vs_openssl_and_age()
