"""The endpoints of central-api.md as functions of (platform, request) → response.

Authentication comes first on every path (401). A path naming a workstation must name the
authenticated one, and a venue path the workstation's venue (403 ``FORBIDDEN``); unknown paths
are 404 ``NOT_FOUND`` and known paths with another method 405 ``METHOD_NOT_ALLOWED``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message

from tests.central.httpio import ApiError, Response, json_response, parse_json, parse_range
from tests.central.platform import Platform, Workstation
from tests.central.uploads import Upload


@dataclass
class Request:
    method: str
    path: str  # relative to the base URL, without the query
    query: dict[str, list[str]]
    headers: Message
    body: bytes = b""
    body_complete: bool = True


Handler = Callable[[Platform, Request, Workstation, re.Match[str]], Response]


def _time(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    now = platform.now().isoformat(timespec="milliseconds")
    return json_response(200, {"now": now}, [("Cache-Control", "no-store")])


def _health(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    return json_response(200, {"status": platform.health_status}, [("Cache-Control", "no-store")])


def _schedule(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    venue = m["venue"]
    if venue not in platform.venues:
        raise ApiError(404, "UNKNOWN_VENUE", f"no venue {venue}")
    if venue != ws.venue:
        raise ApiError(403, "FORBIDDEN", f"workstation {ws.id} belongs to venue {ws.venue}")
    since = req.query.get("since", [None])
    if len(since) != 1:
        raise ApiError(400, "INVALID_CURSOR", "give at most one since parameter")
    return json_response(200, platform.schedule.snapshot(venue, since[0]))


def _ciphertext(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    data = platform.bid(m["bid"]).data
    etag = f'"{hashlib.sha256(data).hexdigest()}"'
    headers = [
        ("Content-Type", "application/octet-stream"),
        ("Accept-Ranges", "bytes"),
        ("ETag", etag),
    ]
    if_range = req.headers.get("If-Range")
    wanted = (
        None if if_range not in (None, etag) else parse_range(req.headers.get("Range"), len(data))
    )
    if wanted is None:
        return Response(200, data, headers)
    start, end = wanted
    headers.append(("Content-Range", f"bytes {start}-{end}/{len(data)}"))
    return Response(206, data[start : end + 1], headers)


def _events(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    return json_response(200, platform.ledger.submit(ws.id, parse_json(req.body)))


def _checkpoints(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    return json_response(200, platform.witness.submit(ws.id, parse_json(req.body)))


def _upload_headers(upload: Upload) -> list[tuple[str, str]]:
    return [
        ("Upload-Offset", str(upload.offset)),
        ("Upload-Length", str(upload.length)),
        ("Tus-Resumable", "1.0.0"),
        ("Cache-Control", "no-store"),
    ]


def _create_upload(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    upload = platform.uploads.create(
        req.headers.get("Upload-Length"), req.headers.get("Upload-Metadata")
    )
    return Response(201, b"", [("Location", f"/uploads/{upload.id}"), *_upload_headers(upload)])


def _head_upload(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    return Response(200, b"", _upload_headers(platform.uploads.get(m["upload"])))


def _patch_upload(platform: Platform, req: Request, ws: Workstation, m: re.Match[str]) -> Response:
    upload = platform.uploads.append(
        m["upload"],
        req.headers.get("Upload-Offset"),
        req.headers.get("Content-Type"),
        req.body,
    )
    return Response(204, b"", _upload_headers(upload))


ROUTES: list[tuple[re.Pattern[str], dict[str, Handler]]] = [
    (re.compile(r"/time"), {"GET": _time}),
    (re.compile(r"/health"), {"GET": _health}),
    (re.compile(r"/venues/(?P<venue>[^/]+)/schedule"), {"GET": _schedule}),
    (re.compile(r"/bids/(?P<bid>[^/]+)/ciphertext"), {"GET": _ciphertext}),
    (re.compile(r"/workstations/(?P<ws>[^/]+)/events"), {"POST": _events}),
    (re.compile(r"/workstations/(?P<ws>[^/]+)/checkpoints"), {"POST": _checkpoints}),
    (re.compile(r"/uploads"), {"POST": _create_upload}),
    (re.compile(r"/uploads/(?P<upload>[^/]+)"), {"HEAD": _head_upload, "PATCH": _patch_upload}),
]


def match(method: str, path: str) -> tuple[Handler, re.Match[str]]:
    """Find the handler; HEAD falls back to GET (the server then omits the body)."""
    for pattern, handlers in ROUTES:
        m = pattern.fullmatch(path)
        if m is None:
            continue
        handler = handlers.get(method) or (handlers.get("GET") if method == "HEAD" else None)
        if handler is None:
            allow = ", ".join(sorted(handlers))
            raise ApiError(
                405,
                "METHOD_NOT_ALLOWED",
                f"{method} {path}: allowed {allow}",
                headers=[("Allow", allow)],
            )
        return handler, m
    raise ApiError(404, "NOT_FOUND", f"no endpoint {path}")


def handle(platform: Platform, req: Request) -> Response:
    try:
        ws = platform.authenticate(
            req.headers.get("Authorization"), req.headers.get("X-Workstation-Id")
        )
        handler, m = match(req.method, req.path)
        if "ws" in m.groupdict() and m["ws"] != ws.id:
            raise ApiError(403, "FORBIDDEN", f"authenticated as {ws.id}, not {m['ws']}")
        return handler(platform, req, ws, m)
    except ApiError as exc:
        return exc.response()
