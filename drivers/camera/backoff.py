"""Exponential back-off with jitter for reconnecting to devices."""

from __future__ import annotations

import random
from dataclasses import dataclass

_rng = random.Random()


@dataclass(frozen=True)
class Backoff:
    """``delay(n)`` = min(maximum, initial·factorⁿ), minus up to ``jitter`` of it at
    random, so several cameras that dropped together do not reconnect in step."""

    initial: float = 0.5
    factor: float = 2.0
    maximum: float = 30.0
    jitter: float = 0.25

    def __post_init__(self) -> None:
        if self.initial <= 0 or self.factor < 1 or self.maximum < self.initial:
            raise ValueError("back-off needs 0 < initial <= maximum and factor >= 1")
        if not 0 <= self.jitter < 1:
            raise ValueError("jitter is a fraction in [0, 1)")

    def base(self, attempt: int) -> float:
        return min(self.maximum, self.initial * self.factor ** min(max(attempt, 0), 64))

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        return self.base(attempt) * (1.0 - self.jitter * (rng or _rng).random())
