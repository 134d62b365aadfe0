"""CMS import against ``openssl cms -decrypt`` on the same envelope: wall time and
peak RSS of each, in child processes (rusage from ``wait4``), for a ``-stream``
AES-256-GCM and an AES-256-CBC envelope of ``VENUE_BENCH_N`` MiB (default 256).

Run with ``pytest -q -s tests/bench/bench_cms.py`` (named on the command line: the
file name does not match ``test_*``) or ``python -m tests.bench.bench_cms``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.unit.crypto_cms.support import encrypt, make_identity, openssl

OURS = (
    "import sys\n"
    "from drivers.token.softkeys import SoftKeyStore\n"
    "from venue_client.crypto import cms\n"
    "store = SoftKeyStore.from_pem(sys.argv[2], sys.argv[3])\n"
    "cms.decrypt_file(sys.argv[1], sys.argv[4], store)\n"
)


def _run(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process. GNU time (when there)
    runs it, so the figure is not raised by this process's pages copied at fork."""
    timer = shutil.which("time") or "/usr/bin/time"
    if Path(timer).is_file():
        argv = [timer, "-f", "%M", *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert os.waitstatus_to_exitcode(status) == 0, err
    if argv[1:3] == ["-f", "%M"]:
        return elapsed, int(err.strip().splitlines()[-1]) / 1024
    return elapsed, usage.ru_maxrss / 1024


def test_cms_decrypt_vs_openssl() -> None:
    size_mib = int(os.environ.get("VENUE_BENCH_N", "256"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bidder = make_identity(root, "bench")
        plain = root / "plain.bin"
        with plain.open("wb") as fh:
            for _ in range(size_mib):
                fh.write(os.urandom(1 << 20))
        rows = []
        for cipher, stream in (("gcm", True), ("aes256", True), ("aes256", False)):
            env = encrypt(plain, root / f"env-{cipher}-{stream}", bidder, cipher=cipher,
                          stream=stream)  # fmt: skip
            label = f"{cipher} {'-stream' if stream else 'definite'}"
            for name, argv in (
                ("venue cms", [sys.executable, "-c", OURS, str(env), str(bidder.key_path),
                               str(bidder.cert_path), str(root / "ours.out")]),
                ("openssl cms -decrypt", [openssl(), "cms", "-decrypt", "-binary", "-inform",
                                          "DER", "-in", str(env), "-inkey",
                                          str(bidder.key_path), "-out", str(root / "ossl.out")]),
            ):  # fmt: skip
                elapsed, rss = _run(argv)
                rows.append((f"{label:<16} {name}", elapsed, rss))
            assert (root / "ours.out").stat().st_size == plain.stat().st_size
            (root / "ours.out").unlink()
            (root / "ossl.out").unlink()
    print()
    print(f"  {size_mib} MiB envelope")
    for name, elapsed, rss in rows:
        print(f"  {name:<40} {elapsed:6.2f} s {size_mib / elapsed:7.0f} MiB/s {rss:7.0f} MiB RSS")


if __name__ == "__main__":
    test_cms_decrypt_vs_openssl()
