"""How a driver talks to a person without opening a dialog itself: the UI supplies a
Qt implementation, tests and the CLI a headless one (STYLE.md item 5)."""

from __future__ import annotations

from typing import Protocol

from drivers.common.errors import DriverText


class DeviceHandler(Protocol):
    def prompt_secret(self, text: DriverText, **args: object) -> str | None:
        """Ask for a secret (a PIN); None when the person cancels."""

    def message(self, text: DriverText, **args: object) -> None:
        """Tell the person something (e.g. "place the card on the reader")."""

    def error(self, text: DriverText, **args: object) -> None:
        """Tell the person something went wrong."""


class HeadlessHandler:
    """Answers prompts from preset values and records messages (tests, CLI)."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        self.secrets = list(secrets or [])
        self.messages: list[str] = []

    def prompt_secret(self, text: DriverText, **args: object) -> str | None:
        self.messages.append(str(text).format(**args) if args else str(text))
        return self.secrets.pop(0) if self.secrets else None

    def message(self, text: DriverText, **args: object) -> None:
        self.messages.append(str(text).format(**args) if args else str(text))

    def error(self, text: DriverText, **args: object) -> None:
        self.messages.append(str(text).format(**args) if args else str(text))
