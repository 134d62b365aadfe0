"""``CentralServer``: the test central platform on a loopback port, in a background thread.

It uses the standard library's ``ThreadingHTTPServer`` (one thread per connection, HTTP/1.1
keep-alive), so a test process needs no extra dependency and the server sees every byte it
sends, which the fault kinds need (see ``faults``).

    with CentralServer(tmp_path, workstations={"WS-01": ("token", "330100")}) as server:
        httpx.get(server.url + "/health", headers=server.auth_headers("WS-01"))
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Mapping
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.central.faults import FaultPlan
from tests.central.handler import CentralHandler
from tests.central.ledger import EventRules
from tests.central.platform import Platform


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[CentralHandler]) -> None:
        super().__init__(address, handler)
        self.connections: set[socket.socket] = set()
        self.accepted = 0
        self._conn_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conn_lock:
            self.connections.add(request)
            self.accepted += 1
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._conn_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._conn_lock:
            connections = list(self.connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class CentralServer:
    def __init__(
        self,
        storage_dir: Path,
        *,
        workstations: Mapping[str, tuple[str, str]] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        base_path: str = "/venue-api/v1",
        rules: EventRules | None = None,
        witness_seed: bytes | None = None,
    ) -> None:
        """``workstations`` maps a workstation id to its (token, venue code)."""
        self.platform = Platform(storage_dir, rules=rules, witness_seed=witness_seed)
        for ws, (token, venue) in (workstations or {}).items():
            self.platform.add_workstation(ws, token, venue)
        self.faults = FaultPlan()
        self.base_path = base_path.rstrip("/")
        self.previous_responses: dict[tuple[str, str], bytes] = {}
        self.internal_errors: list[str] = []
        handler = type("BoundCentralHandler", (CentralHandler,), {"central": self})
        self._http = _HTTPServer((host, port), handler)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._http.server_address[1])

    @property
    def url(self) -> str:
        """The base URL the client is configured with (``VENUE_CENTRAL_URL``)."""
        return f"http://127.0.0.1:{self.port}{self.base_path}"

    @property
    def connections_accepted(self) -> int:
        return self._http.accepted

    def auth_headers(self, ws: str) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.platform.workstation(ws).token}",
            "X-Workstation-Id": ws,
        }

    def start(self) -> CentralServer:
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._http.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._http.close_connections()
        self._http.server_close()

    def serve_forever(self) -> None:
        """Run in the calling thread (the standalone process) until interrupted."""
        try:
            self._http.serve_forever(poll_interval=0.2)
        finally:
            self._http.close_connections()
            self._http.server_close()

    def __enter__(self) -> CentralServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
