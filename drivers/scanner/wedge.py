"""Keyboard-wedge (HID) scanners type the code as keystrokes ending in Enter, far
faster than a person. ``KeyboardWedge`` is the pure logic: the UI feeds it each
character with its timestamp and gets a ``Scan`` back when a fast burst ends in
Enter; slower typing is left to the person."""

from __future__ import annotations

from drivers.camera.model import State
from drivers.scanner.base import Scan, ScanSource

ENTER = ("\r", "\n")


class KeyboardWedge:
    """``max_interval``: the longest gap between keystrokes of one scan (scanners
    type every 2–20 ms; people rarely beat 60 ms). ``min_length``: shorter bursts
    are keystrokes, not codes."""

    def __init__(
        self, *, max_interval: float = 0.05, min_length: int = 4, source: str = "keyboard"
    ) -> None:
        self.max_interval = max_interval
        self.min_length = min_length
        self.source = source
        self._chars: list[str] = []
        self._first = 0.0
        self._last = 0.0

    @property
    def pending(self) -> str:
        return "".join(self._chars)

    def reset(self) -> None:
        self._chars.clear()

    def feed(self, key: str, at: float) -> Scan | None:
        """One key press: a single character, or ``"\\r"``/``"\\n"`` for Enter.
        Anything else (a modifier, an arrow key) breaks the burst."""
        fast = bool(self._chars) and 0 <= at - self._last <= self.max_interval
        if key in ENTER:
            text = "".join(self._chars)
            self._chars.clear()
            if fast and len(text) >= self.min_length:
                return Scan(text, self.source, self._first)
            return None
        if len(key) != 1 or not key.isprintable():
            self._chars.clear()
            return None
        if not fast:
            self._chars.clear()
            self._first = at
        self._chars.append(key)
        self._last = at
        return None


class KeyboardWedgeSource(ScanSource):
    """A ``ScanSource`` over ``KeyboardWedge``: the UI's key filter calls ``feed``."""

    def __init__(self, wedge: KeyboardWedge | None = None) -> None:
        self.wedge = wedge or KeyboardWedge()
        super().__init__(self.wedge.source)

    def open(self) -> None:
        self._set_state(State.LIVE)

    def close(self) -> None:
        self._set_state(State.CLOSED)

    def feed(self, key: str, at: float) -> Scan | None:
        scan = self.wedge.feed(key, at)
        if scan is not None and self.state is State.LIVE:
            self._publish(scan)
        return scan
