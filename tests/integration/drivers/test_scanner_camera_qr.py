"""Check-in QR codes read from a camera source (the synthetic camera showing a code)."""

from __future__ import annotations

import time

from drivers.camera import State, camera_source
from drivers.scanner import QrScanSource

CODE = "CHECKIN|0001-2026-A|91350100M0001XU43R"


def test_qr_from_camera_frames_is_reported_once_while_held_up() -> None:
    camera = camera_source(f"sim://pattern?width=1280&height=720&fps=10&qr={CODE}")
    camera.open()
    scanner = QrScanSource(camera, max_fps=5, repeat_after=5)
    scanner.open()
    try:
        scans = scanner.scans()
        scan = scans.get(5)
        assert scan is not None
        assert scan.text == CODE
        assert (
            scan.source
            == "camera sim://pattern?width=1280&height=720&fps=10&qr=" + CODE.replace("|", "%7C")
        )
        assert scan.points is not None and len(scan.points) == 4
        xs = [p[0] for p in scan.points]
        assert min(xs) > 640  # the code is on the right of the picture
        assert abs(scan.at - time.time()) < 5
        assert scans.get(1.0) is None  # still in view: not reported again
    finally:
        scanner.close()
        camera.close()
    assert scanner.state is State.CLOSED and scanner.errors == 0
