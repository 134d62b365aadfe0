"""HTTP plumbing of the test central platform: errors, responses, request bodies and ranges.

Nothing here knows the API's endpoints; ``routes`` and ``server`` build on it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from typing import Any, Protocol

HARD_DRAIN_LIMIT = 64 * 1024 * 1024
"""Past this many bytes of an oversized body the server stops reading and drops the connection."""

_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})")
_RANGE = re.compile(r"(\d*)-(\d*)")


class Reader(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...
    def readline(self, limit: int = -1, /) -> bytes: ...


class ApiError(Exception):
    """An error answered as ``{"error": {"code": ..., "message": ..., **extra}}``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        extra: Mapping[str, Any] | None = None,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.extra = dict(extra or {})
        self.headers = list(headers)

    def response(self) -> Response:
        error = {"code": self.code, "message": self.message, **self.extra}
        return json_response(self.status, {"error": error}, self.headers)


@dataclass
class Response:
    """A complete response; the server adds Date, Server, Content-Length and Connection."""

    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def json_response(status: int, value: Any, headers: Iterable[tuple[str, str]] = ()) -> Response:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(status, body, [("Content-Type", "application/json; charset=utf-8"), *headers])


def error_response(
    status: int, code: str, message: str, headers: Iterable[tuple[str, str]] = ()
) -> Response:
    return ApiError(status, code, message, headers=headers).response()


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate JSON key {key!r}")
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(body: bytes) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity; 400 ``BAD_JSON`` otherwise."""
    try:
        return json.loads(
            body.decode("utf-8"),
            object_pairs_hook=_refuse_duplicates,
            parse_constant=_refuse_constant,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "BAD_JSON", f"request body is not valid JSON: {exc}") from None


def is_rfc3339(value: object) -> bool:
    """An RFC 3339 date-time with an explicit offset (``Z`` or ``±hh:mm``)."""
    if not isinstance(value, str) or not _RFC3339.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass
class Body:
    data: bytes
    complete: bool  # False: the peer closed or timed out before the end of the body
    too_large: bool = False
    drained: bool = True  # False: an oversized body was not read to its end


def _read_exact(rfile: Reader, n: int, sink: bytearray | None) -> bool:
    """Read ``n`` bytes into ``sink`` (or discard them); False on EOF or timeout."""
    while n > 0:
        try:
            chunk = rfile.read(min(n, 65536))
        except (OSError, ValueError):
            return False
        if not chunk:
            return False
        if sink is not None:
            sink.extend(chunk)
        n -= len(chunk)
    return True


def _read_line(rfile: Reader) -> bytes | None:
    try:
        line = rfile.readline(1024)
    except (OSError, ValueError):
        return None
    return line if line.endswith(b"\n") else None


def read_body(rfile: Reader, headers: Message, limit: int) -> Body:
    """Read a request body framed by Content-Length or chunked transfer coding.

    Bodies over ``limit`` are read and discarded (up to ``HARD_DRAIN_LIMIT``) so that the 413
    answer reaches a client that writes the whole request before it reads.
    """
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        return _read_chunked(rfile, limit)
    length_header = headers.get("Content-Length")
    if length_header is None:
        return Body(b"", True)
    if not length_header.strip().isdigit():
        raise ApiError(400, "BAD_REQUEST", "Content-Length is not a decimal number")
    length = int(length_header)
    if length > limit:
        drained = length <= HARD_DRAIN_LIMIT and _read_exact(rfile, length, None)
        return Body(b"", drained, too_large=True, drained=drained)
    data = bytearray()
    complete = _read_exact(rfile, length, data)
    return Body(bytes(data), complete)


def _read_chunked(rfile: Reader, limit: int) -> Body:
    data = bytearray()
    total = 0
    while True:
        line = _read_line(rfile)
        if line is None:
            return Body(bytes(data), False)
        size_text = line.split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise ApiError(400, "BAD_REQUEST", "malformed chunk size") from None
        if size == 0:
            while (trailer := _read_line(rfile)) not in (b"\r\n", b"\n"):
                if trailer is None:
                    return Body(bytes(data), False)
            break
        total += size
        if total > HARD_DRAIN_LIMIT:
            return Body(b"", False, too_large=True, drained=False)
        sink = data if total <= limit else None
        if not _read_exact(rfile, size, sink) or _read_line(rfile) is None:
            return Body(bytes(data), False)
    if total > limit:
        return Body(b"", True, too_large=True)
    return Body(bytes(data), True)


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """Return the inclusive byte range asked for, ``None`` to send the whole entity.

    One ``bytes=`` range is served (``a-b``, ``a-``, ``-n``). Other units are ignored
    (RFC 9110 §14.2). Malformed, multiple or unsatisfiable byte ranges answer 416.
    """
    if header is None:
        return None
    unit, _, spec = header.strip().partition("=")
    if unit.strip().lower() != "bytes":
        return None
    unsatisfiable = ApiError(
        416,
        "RANGE_NOT_SATISFIABLE",
        f"cannot serve range {header!r} of a {size}-byte entity (one byte range only)",
        headers=[("Content-Range", f"bytes */{size}")],
    )
    match = _RANGE.fullmatch(spec.strip())
    if match is None or match.group(0) == "-":
        raise unsatisfiable
    first, last = match.group(1), match.group(2)
    if not first:  # suffix range: the last n bytes
        n = int(last)
        if n == 0 or size == 0:
            raise unsatisfiable
        return max(0, size - n), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if start >= size or end < start:
        raise unsatisfiable
    return start, min(end, size - 1)
