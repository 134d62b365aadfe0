"""Fault injection: what a real network and a real platform may do to a request.

``server.faults.add(path_regex, kind, times=1, method=None, skip=0, **params)`` arms a fault for
requests whose method matches and whose path (relative to the base URL, without the query)
matches ``path_regex`` (``re.search``). The first ``skip`` matching requests pass untouched, the
next ``times`` get the fault (``times=None``: every one). ``server.faults.random(seed, rates)``
gives each matching request a seeded chance of each kind. ``injected`` records every fault used.

Kinds and their exact HTTP behaviour (the server's docstring repeats them):

=====================  ====================================================================
``drop_before``        read the request, close the connection without processing or answering
                       (``reset=True``: close with a TCP RST instead of a FIN)
``drop_after``         process the request (state changes), then close without answering
``error_500``          answer 500 ``INTERNAL`` without processing
``unavailable``        answer 503 ``UNAVAILABLE`` + ``Retry-After: <retry_after=1>``, unprocessed
``rate_limited``       answer 429 ``RATE_LIMITED`` + ``Retry-After: <retry_after=1>``, unprocessed
``delay``              sleep ``seconds`` (default 2) ``phase="after"`` processing (default: the
                       client may time out after the change happened) or ``"before"``
``duplicate_response`` process once, write the identical response twice back to back on the
                       connection, then close it (the second copy is stray bytes after a
                       complete response; a client must not read it as the next answer)
``replay_previous``    do not process; answer with the last response sent for the same method
                       and path, byte for byte (a stale answer to a new request); with no
                       earlier response the request is served normally
``process_twice``      process the request twice (as an at-least-once proxy would) and send the
                       second answer (events come back ``duplicate``)
``corrupt_body``       process, then flip one body byte (``offset``, default the middle): same
                       status, headers and length, wrong content (download checksum mismatch)
``truncate``           process, send status and headers with the full Content-Length, then
                       ``keep`` body bytes (default half) and close the connection
=====================  ====================================================================
"""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = frozenset(
    {
        "drop_before",
        "drop_after",
        "error_500",
        "unavailable",
        "rate_limited",
        "delay",
        "duplicate_response",
        "replay_previous",
        "process_twice",
        "corrupt_body",
        "truncate",
    }
)


@dataclass
class Fault:
    kind: str
    path: re.Pattern[str]
    method: str | None = None
    times: int | None = 1
    skip: int = 0
    params: dict[str, Any] = field(default_factory=dict)
    seen: int = 0
    used: int = 0

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and bool(self.path.search(path))

    @property
    def spent(self) -> bool:
        return self.times is not None and self.used >= self.times


@dataclass
class _RandomMode:
    rng: random.Random
    rates: dict[str, float]
    path: re.Pattern[str]
    method: str | None
    params: dict[str, Any]


class FaultPlan:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._random: _RandomMode | None = None
        self.injected: list[tuple[str, str, str]] = []  # (kind, method, path)

    def add(
        self,
        path: str,
        kind: str,
        *,
        times: int | None = 1,
        method: str | None = None,
        skip: int = 0,
        **params: Any,
    ) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {sorted(KINDS)}")
        fault = Fault(kind, re.compile(path), method and method.upper(), times, skip, params)
        with self._lock:
            self._faults.append(fault)
        return fault

    def random(
        self,
        seed: int,
        rates: Mapping[str, float],
        *,
        path: str = ".*",
        method: str | None = None,
        **params: Any,
    ) -> None:
        """Give each matching request a chance ``rates[kind]`` of each kind (seeded)."""
        unknown = set(rates) - KINDS
        if unknown or sum(rates.values()) > 1:
            raise ValueError(f"bad rates {dict(rates)}: kinds from {sorted(KINDS)}, sum <= 1")
        with self._lock:
            self._random = _RandomMode(
                random.Random(seed), dict(rates), re.compile(path), method, dict(params)
            )

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self._random = None

    def pick(self, method: str, path: str) -> Fault | None:
        """The fault for this request, if any (armed faults first, in the order added)."""
        with self._lock:
            for fault in self._faults:
                if fault.spent or not fault.matches(method, path):
                    continue
                fault.seen += 1
                if fault.seen <= fault.skip:
                    continue
                fault.used += 1
                self.injected.append((fault.kind, method, path))
                return fault
            mode = self._random
            if mode is None or not mode.path.search(path):
                return None
            if mode.method is not None and mode.method != method:
                return None
            draw, total = mode.rng.random(), 0.0
            for kind, rate in sorted(mode.rates.items()):
                total += rate
                if draw < total:
                    self.injected.append((kind, method, path))
                    return Fault(kind, mode.path, params=dict(mode.params))
            return None
