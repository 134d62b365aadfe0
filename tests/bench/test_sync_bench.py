"""Sync throughput against the loopback test platform: 10,000 queued events through the
outbox relay (target >= 2,000 events/s) and a 200 MiB upload through the resumable
uploader against a plain httpx POST + PATCH loop in the same run (target >= 80 %).
``VENUE_BENCH_EVENTS`` / ``VENUE_BENCH_UPLOAD_MIB`` change the sizes. Prints figures.

Run with ``make bench`` (or ``pytest -s tests/bench/test_sync_bench.py --override-ini addopts=``).
"""

from __future__ import annotations

import base64
import hashlib
import os
import time
from pathlib import Path

import httpx
import pytest

from tests.central.fixtures import central_server
from tests.central.server import CentralServer
from tests.integration.sync.conftest import WS, add_events, configure, fast_client
from venue_client.services.context import AppContext
from venue_client.sync import uploads
from venue_client.sync.relay import OutboxRelay

SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
MIB = 1 << 20
__all__ = ["central_server"]


@pytest.fixture
def server(central_server: CentralServer) -> CentralServer:
    return central_server


@SQLITE
def test_relay_10k_events(ctx: AppContext, server: CentralServer) -> None:
    n = int(os.environ.get("VENUE_BENCH_EVENTS", "10000"))
    configure(ctx, server)
    start = time.perf_counter()
    add_events(ctx, n)
    queued = time.perf_counter() - start
    client = fast_client(ctx)
    start = time.perf_counter()
    result = OutboxRelay(ctx, client).run()
    elapsed = time.perf_counter() - start
    client.close()
    rate = n / elapsed
    print(
        f"\nqueue {n} events: {queued:.2f} s; relay: {elapsed:.2f} s = {rate:,.0f} events/s "
        f"in {result.batches} batches"
    )
    assert result.acked_through == n and len(server.platform.events(WS)) == n
    assert rate >= 2000


def _plain_upload(server: CentralServer, path: Path, sha: str, chunk: int) -> float:
    size = path.stat().st_size
    headers = server.auth_headers(WS)
    meta = ",".join(
        f"{k} {base64.b64encode(v.encode()).decode()}"
        for k, v in {
            "kind": "recording",
            "session": "O1",
            "camera": "c",
            "segment": "2",
            "sha256": sha,
        }.items()
    )
    start = time.perf_counter()
    with httpx.Client(base_url=server.url + "/", headers=headers, timeout=60) as http:
        r = http.post("uploads", headers={"Upload-Length": str(size), "Upload-Metadata": meta})
        location = r.headers["Location"]
        url = location if location.startswith("http") else server.url + location
        offset = 0
        with path.open("rb") as fh:
            while offset < size:
                data = fh.read(chunk)
                r = http.patch(
                    url,
                    content=data,
                    headers={
                        "Upload-Offset": str(offset),
                        "Content-Type": "application/offset+octet-stream",
                    },
                )
                assert r.status_code == 204, r.text
                offset += len(data)
    return time.perf_counter() - start


@SQLITE
def test_upload_200mib_vs_plain_httpx(
    ctx: AppContext, server: CentralServer, tmp_path: Path
) -> None:
    mib = int(os.environ.get("VENUE_BENCH_UPLOAD_MIB", "200"))
    configure(ctx, server)
    path = tmp_path / "segment.mkv"
    with path.open("wb") as fh:
        for _ in range(mib):
            fh.write(os.urandom(MIB))
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    first = _plain_upload(server, path, sha, uploads.CHUNK)
    uid = uploads.enqueue(ctx, path, "recording", session="O1", camera="c", segment="1")
    client = fast_client(ctx)
    start = time.perf_counter()
    result = uploads.Uploader(ctx, client).run()
    ours = time.perf_counter() - start
    client.close()
    assert result.done == [uid]
    plain = min(first, _plain_upload(server, path, sha, uploads.CHUNK))  # best of two, fair
    ratio = plain / ours
    print(
        f"\nupload {mib} MiB: uploader {mib / ours:.0f} MiB/s, plain httpx {mib / plain:.0f} "
        f"MiB/s: {ratio:.0%} of plain"
    )
    assert ratio >= 0.8
