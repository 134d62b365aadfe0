"""The HTTP client of the central platform (central-api.md): authentication on every
request, timeouts everywhere, retries with exponential back-off and full jitter for
5xx, 429, 409 ``IN_FLIGHT``, timeouts and dropped connections (honouring
``Retry-After``), and every other answer mapped to a typed error."""

from __future__ import annotations

import json
import logging
import random
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from venue_client.config import CentralSettings
from venue_client.sync.errors import (
    E_NO_TOKEN,
    E_NOT_CONFIGURED,
    E_OFFLINE,
    E_PROTOCOL,
    E_TOKEN_FILE,
    E_TOKEN_FILE_MODE,
    E_UNAUTHORIZED,
    ConfigurationError,
    OfflineError,
    ProtocolError,
    RequestRejectedError,
    ServerError,
    UnauthorizedError,
)

log = logging.getLogger(__name__)
TRANSIENT = (httpx.TimeoutException, httpx.TransportError)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off with full jitter (sleep ~ U(0, min(cap, base * 2^n))),
    never shorter than the server's ``Retry-After``."""

    attempts: int = 6
    base: float = 0.2
    cap: float = 20.0
    retry_after_cap: float = 120.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        jittered = random.uniform(0, min(self.cap, self.base * (2**attempt)))
        if retry_after is not None:
            return max(min(retry_after, self.retry_after_cap), jittered)
        return jittered


def read_token(settings: CentralSettings) -> str:
    """The workstation token: ``token`` itself or the first line of ``token_file``,
    which must not be readable by other accounts."""
    if settings.token:
        return settings.token.strip()
    if not settings.token_file:
        raise ConfigurationError(E_NO_TOKEN)
    path = Path(settings.token_file).expanduser()
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise ConfigurationError(E_TOKEN_FILE_MODE, path=path, mode=f"{mode:04o}")
        token = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigurationError(E_TOKEN_FILE, path=path, detail=exc.strerror or exc) from exc
    if not token:
        raise ConfigurationError(E_NO_TOKEN)
    return token


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def error_body(response: httpx.Response) -> dict[str, Any]:
    """The ``error`` object of an error answer, or an empty dict."""
    try:
        data = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    err = data.get("error") if isinstance(data, dict) else None
    return err if isinstance(err, dict) else {}


def loads(response: httpx.Response) -> Any:
    """JSON of an answer; decimals stay strings (money is never a float)."""
    try:
        return json.loads(response.content, parse_float=str)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(E_PROTOCOL, detail=exc) from exc


class CentralClient:
    """One connection pool to the platform; thread-confined to the sync worker."""

    def __init__(
        self,
        base_url: str,
        workstation_id: str,
        token: str,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not base_url:
            raise ConfigurationError(E_NOT_CONFIGURED)
        self.base_url = base_url.rstrip("/")
        self.workstation_id = workstation_id
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self._base_path = urlsplit(self.base_url).path.rstrip("/")
        self.http = httpx.Client(
            base_url=self.base_url + "/",
            headers={"Authorization": f"Bearer {token}", "X-Workstation-Id": workstation_id},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=transport,
            follow_redirects=False,
        )

    @classmethod
    def from_settings(
        cls, settings: CentralSettings, workstation_id: str, **kwargs: Any
    ) -> CentralClient:
        if not settings.url:
            raise ConfigurationError(E_NOT_CONFIGURED)
        return cls(
            settings.url,
            settings.workstation_id or workstation_id,
            read_token(settings),
            timeout=float(settings.timeout_seconds),
            **kwargs,
        )

    def close(self) -> None:
        self.http.close()

    def path(self, location: str) -> str:
        """A request path for ``location`` (relative to the base URL, or absolute)."""
        if location.startswith(("http://", "https://")):
            return location
        loc = location.lstrip("/")
        base = self._base_path.lstrip("/")
        if base and (loc == base or loc.startswith(base + "/")):
            loc = loc[len(base) :].lstrip("/")
        return loc

    # -- the retry loop -------------------------------------------------------

    def _check(self, response: httpx.Response, attempt: int) -> float | None:
        """None when ``response`` is final; else the delay before the next attempt."""
        status = response.status_code
        if status == 401:
            raise UnauthorizedError(E_UNAUTHORIZED)
        in_flight = status == 409 and error_body(response).get("code") == "IN_FLIGHT"
        if status >= 500 or status == 429 or in_flight:
            if attempt + 1 >= self.retry.attempts:
                detail = str(error_body(response).get("message", response.reason_phrase))
                raise ServerError(status, detail)
            return self.retry.delay(attempt, _retry_after(response))
        if status >= 400:
            body = error_body(response)
            raise RequestRejectedError(
                status, str(body.get("code", "")), str(body.get("message", "")), body
            )
        return None

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        accept: tuple[int, ...] = (),
    ) -> httpx.Response:
        """Send with retries; statuses in ``accept`` are returned instead of raised."""
        for attempt in range(self.retry.attempts):
            try:
                if json_body is not None:
                    content = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
                    headers = {"Content-Type": "application/json", **(headers or {})}
                response = self.http.request(
                    method, self.path(path), content=content, headers=headers
                )
                response.read()
            except TRANSIENT as exc:
                if attempt + 1 >= self.retry.attempts:
                    raise OfflineError(E_OFFLINE, detail=type(exc).__name__) from exc
                log.debug("%s %s: %s, retrying", method, path, type(exc).__name__)
                self.sleep(self.retry.delay(attempt))
                continue
            if response.status_code in accept:
                return response
            delay = self._check(response, attempt)
            if delay is None:
                return response
            log.debug("%s %s: %s, retrying in %.2fs", method, path, response.status_code, delay)
            self.sleep(delay)
        raise OfflineError(E_OFFLINE, detail="retries exhausted")  # pragma: no cover

    def get_json(self, path: str, **params: str) -> Any:
        if params:
            path = str(httpx.URL(path, params=params))
        return loads(self.request("GET", path))

    @contextmanager
    def stream(self, path: str, headers: Mapping[str, str]) -> Iterator[httpx.Response]:
        """A streamed GET whose status is checked (with retries) before the body is read;
        errors while reading the body are the caller's to handle (resume)."""
        for attempt in range(self.retry.attempts):
            delay: float | None
            try:
                request = self.http.build_request("GET", self.path(path), headers=headers)
                response = self.http.send(request, stream=True)
            except TRANSIENT as exc:
                if attempt + 1 >= self.retry.attempts:
                    raise OfflineError(E_OFFLINE, detail=type(exc).__name__) from exc
                self.sleep(self.retry.delay(attempt))
                continue
            if response.status_code < 400 or response.status_code == 416:
                try:
                    yield response
                finally:
                    response.close()
                return
            try:
                response.read()
                delay = self._check(response, attempt)
            except TRANSIENT:
                delay = self.retry.delay(attempt)
            finally:
                response.close()
            if delay is not None:
                self.sleep(delay)
        raise OfflineError(E_OFFLINE, detail="retries exhausted")

    # -- endpoints ------------------------------------------------------------

    def health(self) -> bool:
        """One probe, no retries (the monitor backs off between probes)."""
        try:
            response = self.http.get("health")
        except TRANSIENT:
            return False
        if response.status_code == 401:
            raise UnauthorizedError(E_UNAUTHORIZED)
        if response.status_code != 200:
            return False
        try:
            data = json.loads(response.content)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return False
        return isinstance(data, dict) and data.get("status") == "ok"

    def events_path(self) -> str:
        return f"workstations/{self.workstation_id}/events"

    def checkpoints_path(self) -> str:
        return f"workstations/{self.workstation_id}/checkpoints"
