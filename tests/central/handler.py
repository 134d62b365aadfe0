"""One HTTP/1.1 connection of the test central platform: framing, keep-alive and faults.

Responses always carry ``Content-Length`` (none on 204), so connections stay open between
requests unless the client asks ``Connection: close`` or a fault closes them. Request bodies
may use Content-Length or chunked transfer coding; ``Expect: 100-continue`` is answered by
``BaseHTTPRequestHandler``. See ``faults`` for the exact behaviour of each fault kind.
"""

from __future__ import annotations

import socket
import struct
import time
import traceback
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from tests.central import routes
from tests.central.faults import Fault
from tests.central.httpio import ApiError, Response, error_response, read_body
from tests.central.ledger import MAX_BATCH_BYTES

if TYPE_CHECKING:
    from tests.central.server import CentralServer

MAX_CHUNK_BYTES = 32 * 1024 * 1024
MAX_OTHER_BYTES = 1024 * 1024
_REASONS = {460: "Checksum Mismatch"}


def body_limit(method: str, path: str) -> tuple[int, str]:
    if method == "POST" and path.startswith("/workstations/") and path.endswith("/events"):
        return MAX_BATCH_BYTES, "BATCH_TOO_LARGE"
    if method == "PATCH" and path.startswith("/uploads/"):
        return MAX_CHUNK_BYTES, "CHUNK_TOO_LARGE"
    return MAX_OTHER_BYTES, "TOO_LARGE"


def _canned(kind: str, params: dict[str, Any]) -> Response | None:
    retry = [("Retry-After", str(params.get("retry_after", 1)))]
    if kind == "error_500":
        return error_response(500, "INTERNAL", "injected internal error")
    if kind == "unavailable":
        return error_response(503, "UNAVAILABLE", "injected: platform unavailable", retry)
    if kind == "rate_limited":
        return error_response(429, "RATE_LIMITED", "injected: too many requests", retry)
    return None


class CentralHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "central-test/1"
    timeout = 60  # an idle keep-alive connection is closed after this many seconds
    disable_nagle_algorithm = True
    central: CentralServer  # set on the subclass made by CentralServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _relative(self, path: str) -> str | None:
        base = self.central.base_path
        if not base:
            return path
        if path.startswith(base + "/"):
            return path[len(base) :]
        return None

    def _serve(self) -> None:
        url = urlsplit(self.path)
        method, rel = self.command, self._relative(url.path)
        fault = self.central.faults.pick(method, rel or url.path)
        kind, params = (fault.kind, fault.params) if fault else ("", {})
        limit, too_large_code = body_limit(method, rel or "")
        try:
            body = read_body(self.rfile, self.headers, limit)
        except ApiError as exc:
            self._send(exc.response(), close=True)
            return
        if kind == "drop_before":
            self._drop(fault)
            return
        if not body.complete and method != "PATCH":
            self._drop(None)  # the client went away mid-body: nothing to process
            return
        canned = _canned(kind, params)
        if canned is not None:
            self._send(canned, close=not body.drained)
            return
        previous = self.central.previous_responses.get((method, rel or url.path))
        if kind == "replay_previous" and previous is not None:
            self._write(previous)
            return
        if kind == "delay" and params.get("phase", "after") == "before":
            time.sleep(float(params.get("seconds", 2)))
        if rel is None:
            response = error_response(404, "NOT_FOUND", f"no endpoint {url.path}")
        elif body.too_large:
            response = error_response(413, too_large_code, f"request body is over {limit} bytes")
        else:
            request = routes.Request(
                method, rel, parse_qs(url.query), self.headers, body.data, body.complete
            )
            response = self._process(request)
            if kind == "process_twice":
                response = self._process(request)
        if not body.complete:
            self._drop(None)  # a partial PATCH was kept; nobody is left to answer
            return
        self._respond(response, fault, (method, rel or url.path), close=not body.drained)

    def _process(self, request: routes.Request) -> Response:
        try:
            return routes.handle(self.central.platform, request)
        except Exception:
            self.central.internal_errors.append(traceback.format_exc())
            return error_response(500, "INTERNAL", "unexpected server error (a bug in the server)")

    def _respond(
        self, response: Response, fault: Fault | None, key: tuple[str, str], close: bool
    ) -> None:
        kind, params = (fault.kind, fault.params) if fault else ("", {})
        close = close or kind in ("duplicate_response", "truncate")
        head, body = self._render(response, close)
        self.central.previous_responses[key] = head + body
        if kind == "drop_after":
            self._drop(fault)
            return
        if kind == "delay" and params.get("phase", "after") == "after":
            time.sleep(float(params.get("seconds", 2)))
        if kind == "corrupt_body" and body:
            flipped = bytearray(body)
            flipped[int(params.get("offset", len(body) // 2))] ^= 0xFF
            body = bytes(flipped)
        if kind == "truncate":
            self._write(head + body[: int(params.get("keep", len(body) // 2))])
            self._drop(None)
            return
        self._write(head + body)
        if kind == "duplicate_response":
            self._write(head + body)
        if close:
            self.close_connection = True

    def _render(self, response: Response, close: bool) -> tuple[bytes, bytes]:
        status = response.status
        reason = _REASONS.get(status) or HTTPStatus(status).phrase
        lines = [
            f"HTTP/1.1 {status} {reason}",
            f"Date: {formatdate(usegmt=True)}",
            f"Server: {self.server_version}",
            *(f"{k}: {v}" for k, v in response.headers),
        ]
        if status != 204:
            lines.append(f"Content-Length: {len(response.body)}")
        if close or self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        body = b"" if self.command == "HEAD" or status == 204 else response.body
        return head, body

    def _send(self, response: Response, close: bool = False) -> None:
        head, body = self._render(response, close)
        self._write(head + body)
        if close:
            self.close_connection = True

    def _write(self, data: bytes) -> None:
        try:
            self.wfile.write(data)
        except OSError:
            self.close_connection = True

    def _drop(self, fault: Fault | None) -> None:
        """Close the connection now: FIN, or RST when the fault says ``reset=True``."""
        self.close_connection = True
        try:
            if fault is not None and fault.params.get("reset"):
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                socket.close(self.connection.detach())
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
