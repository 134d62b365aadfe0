"""Camera benchmarks (not in the default suite: ``make bench``).

1. CPU for reading packets of a 1080p H.264 stream (the stream-copy path of a
   recorder) through our sources, against ``ffmpeg -c copy -f null -`` on the same
   input in the same run: from a local file (as fast as possible: CPU seconds per
   second of video) and from the loopback RTSP server (real time: % of one core).
2. QR decoding time per 720p frame, both OpenCV detectors.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from drivers.camera import State, camera_source
from drivers.camera.pattern import render
from drivers.scanner import QrDecoder
from tests.support.rtsp import RtspTestServer, require_server
from tests.unit.drivers.scanner.test_qr import rotated_qr_frame

FPS = 25
SECONDS = 12
BITRATE = "4000"  # kbit/s, a typical 1080p IP camera main stream


@pytest.fixture(scope="module")
def clip_1080p(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "1080p.mp4"
    rng = np.random.default_rng(1)
    grain = rng.integers(0, 24, (1080, 1920, 3), dtype=np.uint8)  # texture, like a real scene
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
        stream.codec_context.gop_size = 2 * FPS
        stream.codec_context.options = {
            "preset": "ultrafast",
            "x264-params": f"bitrate={BITRATE}:vbv-maxrate={BITRATE}:vbv-bufsize={BITRATE}",
        }
        for i in range(FPS * SECONDS):
            image = render(1920, 1080, i, 1_790_000_000 + i / FPS)
            image = image + np.roll(grain, i * 7, axis=1)  # moving texture
            frame = av.VideoFrame.from_ndarray(image, format="bgr24")
            frame.pts, frame.time_base = i, Fraction(1, FPS)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def _ffmpeg_cpu(args: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ffmpeg run."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg not installed (Debian package ffmpeg)")
    started = time.monotonic()
    proc = subprocess.Popen([ffmpeg, "-v", "fatal", "-nostdin", *args])
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0
    return usage.ru_utime + usage.ru_stime, time.monotonic() - started


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _read_packets(url: str, seconds: float | None) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, packets) for reading packets until closed or timed."""
    source = camera_source(url)
    cpu0, wall0 = _own_cpu(), time.monotonic()
    packets = source.packets(maxsize=10_000)
    source.open()
    count = 0
    while True:
        item = packets.get(5)
        if item is None:
            break
        count += 1
        if seconds is not None and time.monotonic() - wall0 >= seconds:
            break
    source.close()
    assert source.state is State.CLOSED
    return _own_cpu() - cpu0, time.monotonic() - wall0, count


def test_stream_copy_cpu_file_and_rtsp(clip_1080p: Path) -> None:
    size_mb = clip_1080p.stat().st_size / 1e6
    ours_cpu, ours_wall, n = _read_packets(clip_1080p.as_uri(), None)
    assert n == FPS * SECONDS
    ff_cpu, ff_wall = _ffmpeg_cpu(["-i", str(clip_1080p), "-c", "copy", "-f", "null", "-"])
    ff_start, _ = _ffmpeg_cpu(["-i", str(clip_1080p), "-t", "0", "-c", "copy", "-f", "null", "-"])
    print(f"\n1080p H.264 file, {SECONDS} s, {size_mb * 8 / SECONDS:.1f} Mbit/s, {n} packets")
    print(
        f"  ours   (FileSource.packets): {ours_cpu * 1000:6.1f} ms CPU in {ours_wall:.2f} s "
        f"= {ours_cpu / SECONDS * 100:.2f}% of a core at real time"
    )
    print(
        f"  ffmpeg -c copy -f null -   : {ff_cpu * 1000:6.1f} ms CPU in {ff_wall:.2f} s "
        f"= {ff_cpu / SECONDS * 100:.2f}% of a core at real time"
    )
    print(
        f"  ffmpeg minus its start-up ({ff_start * 1000:.1f} ms): "
        f"{(ff_cpu - ff_start) / SECONDS * 100:.2f}% of a core at real time"
    )

    require_server()
    measure = SECONDS - 4
    with RtspTestServer(media=clip_1080p) as server:
        url = server.url("tcp")
        ours_cpu, ours_wall, n = _read_packets(url, measure)
        ff_cpu, ff_wall = _ffmpeg_cpu(
            [
                "-rtsp_transport",
                "tcp",
                "-i",
                url,
                "-t",
                str(measure),
                "-c",
                "copy",
                "-f",
                "null",
                "-",
            ]
        )
    print(f"1080p H.264 over RTSP/TCP (loopback, real time), ~{measure} s")
    print(
        f"  ours   (RtspSource.packets): {ours_cpu / ours_wall * 100:5.2f}% of a core "
        f"({n} packets in {ours_wall:.1f} s, open included)"
    )
    print(
        f"  ffmpeg -c copy -f null -   : {ff_cpu / ff_wall * 100:5.2f}% of a core "
        f"({ff_wall:.1f} s, open included)"
    )


def test_qr_decode_time_per_720p_frame() -> None:
    frame, _ = rotated_qr_frame("CHECKIN|0001-2026-A|签到", 12)
    empty = np.full((720, 1280, 3), 90, np.uint8)
    print()
    for backend in ("aruco", "classic"):
        decoder = QrDecoder(backend)
        for label, image in (("rotated 12° code", frame), ("no code", empty)):
            decoder.decode(image)
            times = []
            found = 0
            for _ in range(15):
                t0 = time.perf_counter()
                found += len(decoder.decode(image))
                times.append((time.perf_counter() - t0) * 1000)
            print(
                f"QR {backend:7s} 720p {label:17s}: median {statistics.median(times):5.1f} ms, "
                f"decoded {found}/15"
            )
