"""Byte links of the simulator: a pseudo-terminal and a TCP listener on loopback.

Each connection is served by ``handler(link)`` in its own thread, one command at
a time, like a real reader.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import termios
import threading
import tty
from collections.abc import Callable
from typing import Protocol

WRITE_TIMEOUT = 1.0  # a peer that reads nothing for this long loses the bytes


class Link(Protocol):
    def recv(self, timeout: float) -> bytes | None:
        """Bytes received (``b""`` after ``timeout``); ``None`` when the peer is gone."""

    def send(self, data: bytes) -> None: ...

    def baudrate(self) -> int | None:
        """The baud rate the client set (a pty knows it), ``None`` when unknown."""


Handler = Callable[[Link], None]


_SPEEDS = {
    getattr(termios, f"B{rate}"): rate
    for rate in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)
    if hasattr(termios, f"B{rate}")
}


class _FdLink:
    def __init__(self, fd: int, slave: int) -> None:
        self.fd = fd
        self.slave = slave

    def baudrate(self) -> int | None:
        try:
            return _SPEEDS.get(termios.tcgetattr(self.slave)[4])
        except termios.error:
            return None

    def recv(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 4096)
        except BlockingIOError:
            return b""
        except OSError:  # EIO: no slave side open; the server keeps one, so rare
            return b""

    def send(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            _, ready, _ = select.select([], [self.fd], [], WRITE_TIMEOUT)
            if not ready:
                return
            try:
                view = view[os.write(self.fd, view) :]
            except BlockingIOError:
                continue
            except OSError:
                return


class PtyServer:
    """A pty in raw mode; ``path`` is the slave side that clients open."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.path: str | None = None
        self._fds: tuple[int, int] | None = None
        self._thread: threading.Thread | None = None

    def start(self, stop: threading.Event) -> None:
        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        self._fds = (master, slave)  # the slave stays open so the master never sees EIO
        self.path = os.ttyname(slave)
        self._thread = threading.Thread(
            target=self._run, args=(stop, master, slave), name="idcard-sim-pty", daemon=True
        )
        self._thread.start()

    def _run(self, stop: threading.Event, master: int, slave: int) -> None:
        link = _FdLink(master, slave)
        while not stop.is_set():
            self.handler(link)

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.join(5)
        if self._fds is not None:
            for fd in self._fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._fds = None


class _SocketLink:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        sock.settimeout(WRITE_TIMEOUT)

    def recv(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            return b""
        try:
            data = self.sock.recv(4096)
        except OSError:
            return None
        return data or None

    def send(self, data: bytes) -> None:
        with contextlib.suppress(OSError):
            self.sock.sendall(data)

    def baudrate(self) -> int | None:
        return None


class TcpServer:
    """Listens on 127.0.0.1 (``port`` 0 picks a free one); one thread per client."""

    def __init__(self, handler: Handler, port: int = 0) -> None:
        self.handler = handler
        self.port: int | None = None
        self._wanted = port
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []

    def start(self, stop: threading.Event) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self._wanted))
        listener.listen()
        self._listener = listener
        self.port = listener.getsockname()[1]
        thread = threading.Thread(
            target=self._accept, args=(stop, listener), name="idcard-sim-tcp", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _accept(self, stop: threading.Event, listener: socket.socket) -> None:
        while not stop.is_set():
            ready, _, _ = select.select([listener], [], [], 0.1)
            if not ready:
                continue
            try:
                sock, _ = listener.accept()
            except OSError:
                return
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            thread = threading.Thread(
                target=self._client, args=(sock,), name="idcard-sim-client", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    def _client(self, sock: socket.socket) -> None:
        with sock:
            self.handler(_SocketLink(sock))

    def stop(self) -> None:
        for thread in list(self._threads):
            thread.join(5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
