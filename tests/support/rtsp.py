"""A real RTSP server on loopback for camera tests: GStreamer's RTSP server
(Debian ``gir1.2-gst-rtsp-server-1.0``, ``python3-gi``, ``gstreamer1.0-plugins-base``,
``-good`` and ``-bad``) driven by the system Python, since PyGObject is not in the venv.

It serves a live H.264 test pattern (``openh264enc``) or an MP4 file, over RTSP
with TCP (interleaved) and UDP transport, optionally behind basic authentication.
Tests kill, pause (SIGSTOP: the stream stalls but no socket closes) and restart it
on the same port. Run as a script, this file is the server (stdlib imports only
at module level, so the system Python can run it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

SYSTEM_PYTHON = os.environ.get("RTSP_TEST_PYTHON", "/usr/bin/python3")
DEBIAN_PACKAGES = (
    "gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base "
    "gstreamer1.0-plugins-good gstreamer1.0-plugins-bad"
)
_PROBE = """
import gi
gi.require_version("Gst", "1.0"); gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer
Gst.init(None)
missing = [e for e in ("videotestsrc", "openh264enc", "h264parse", "rtph264pay", "qtdemux")
           if Gst.ElementFactory.find(e) is None]
print(" ".join(missing))
"""


def unavailable_reason() -> str | None:
    """Why the server cannot run here, or None when it can."""
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} not found (install Debian packages: {DEBIAN_PACKAGES})"
    try:
        out = subprocess.run(
            [SYSTEM_PYTHON, "-c", _PROBE], capture_output=True, text=True, timeout=30
        )
    except subprocess.TimeoutExpired:
        return "GStreamer probe timed out"
    if out.returncode != 0:
        return f"GStreamer RTSP server missing (install Debian packages: {DEBIAN_PACKAGES})"
    if out.stdout.strip():
        return f"GStreamer elements missing: {out.stdout.strip()} ({DEBIAN_PACKAGES})"
    return None


def require_server() -> None:
    """Skip the calling test when the server cannot run here; fail in CI, where the
    set-up script must have installed it."""
    import pytest

    reason = _cached_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"RTSP test server required in CI: {reason}")
    pytest.skip(reason)


_reason_cache: list[str | None] = []


def _cached_reason() -> str | None:
    if not _reason_cache:
        _reason_cache.append(unavailable_reason())
    return _reason_cache[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RtspTestServer:
    def __init__(
        self,
        *,
        path: str = "/cam",
        media: Path | None = None,
        size: tuple[int, int] = (640, 360),
        fps: int = 25,
        user: str | None = None,
        password: str | None = None,
        port: int | None = None,
    ) -> None:
        self.path, self.media, self.size, self.fps = path, media, size, fps
        self.user, self.password = user, password
        self.port = port or free_port()
        self.proc: subprocess.Popen[str] | None = None

    def url(
        self,
        transport: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        path: str | None = None,
    ) -> str:
        user = self.user if user is None else user
        password = self.password if password is None else password
        auth = f"{quote(user, safe='')}:{quote(password or '', safe='')}@" if user else ""
        query = f"?transport={transport}" if transport else ""
        return f"rtsp://{auth}127.0.0.1:{self.port}{path or self.path}{query}"

    def start(self, timeout: float = 15.0) -> RtspTestServer:
        args = [SYSTEM_PYTHON, __file__, "--port", str(self.port), "--path", self.path]
        args += ["--size", f"{self.size[0]}x{self.size[1]}", "--fps", str(self.fps)]
        if self.media is not None:
            args += ["--media", str(self.media)]
        if self.user:
            args += ["--user", self.user, "--password", self.password or ""]
        deadline = time.monotonic() + timeout
        while True:  # the port may linger for a moment after a kill
            self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
            assert self.proc.stdout is not None
            line = self.proc.stdout.readline()
            if line.startswith("READY"):
                return self
            self.proc.wait()
            if time.monotonic() > deadline:
                raise RuntimeError(f"RTSP test server did not start: {line!r}")
            time.sleep(0.2)

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def pause(self) -> None:
        """Freeze the server: no more packets, but no socket is closed either."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.proc is not None:
            self.resume()
        self.kill()

    def __enter__(self) -> RtspTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _serve(argv: list[str]) -> None:  # runs under the system Python
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtspServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", required=True)
    parser.add_argument("--path", default="/cam")
    parser.add_argument("--media")
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--user")
    parser.add_argument("--password", default="")
    args = parser.parse_args(argv)
    Gst.init(None)
    width, height = args.size.split("x")
    pay = "h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 config-interval=-1"
    factory = GstRtspServer.RTSPMediaFactory()
    if args.media:
        factory.set_launch(f"( filesrc location={args.media} ! qtdemux ! {pay} )")
        factory.set_shared(False)  # each client plays the file from the start
    else:
        caps = f"video/x-raw,width={width},height={height},framerate={args.fps}/1"
        source = f"videotestsrc is-live=true pattern=ball ! {caps}"
        factory.set_launch(f"( {source} ! openh264enc gop-size={args.fps} ! {pay} )")
        factory.set_shared(True)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(args.port)
    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "viewer")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
        server.set_auth(auth)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_role("viewer")
        permissions.add_permission_for_role("viewer", "media.factory.access", True)
        permissions.add_permission_for_role("viewer", "media.factory.construct", True)
        factory.set_permissions(permissions)
    server.get_mount_points().add_factory(args.path, factory)
    if server.attach(None) == 0:
        print("FAILED bind", flush=True)
        sys.exit(1)
    print("READY", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    GLib.MainLoop().run()


def which_ffmpeg() -> str | None:
    return shutil.which("ffmpeg")


if __name__ == "__main__":
    _serve(sys.argv[1:])
