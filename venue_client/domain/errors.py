"""Translatable user-facing messages and the one error family users can act on.

Source strings are Simplified Chinese (the source of truth for terminology); the
English catalogue translates them. ``QT_TRANSLATE_NOOP`` is the marker that
``pyside6-lupdate`` extracts, so messages defined outside ``ui/`` still reach the
translation files without importing Qt.
"""

from __future__ import annotations


class Text(str):
    """A translatable source string that remembers its translation context."""

    context: str

    def __new__(cls, source: str, context: str) -> Text:
        obj = super().__new__(cls, source)
        obj.context = context
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (str(self), self.context)  # pickles whole (errors cross to worker processes)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # noqa: N802 - Qt's name
    """Mark ``source`` for translation in ``context`` (evaluated at display time)."""
    return Text(source, context)


class Message:
    """A translatable text with its arguments, rendered at display time."""

    def __init__(self, text: Text, **args: object) -> None:
        self.text = text
        self.args_map: dict[str, object] = dict(args)

    def render(self, template: str) -> str:
        """Fill ``template`` (the source or a translation) with the arguments."""
        try:
            return template.format(**self.args_map)
        except (KeyError, IndexError, ValueError):
            return template

    def __str__(self) -> str:
        return self.render(str(self.text))

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (
            self.text == other.text
            and getattr(self.text, "context", "") == getattr(other.text, "context", "")
            and self.args_map == other.args_map
        )

    def __hash__(self) -> int:
        return hash((str(self.text), getattr(self.text, "context", "")))


class UserFacingError(Exception):
    """An error whose message is meant for the user, translated at display time.

    ``str(error)`` gives the Chinese text with its arguments filled in; the UI and
    the CLI translate ``error.text`` in ``error.text.context`` and then format it
    with ``error.args_map``.
    """

    def __init__(self, text: Text, **args: object) -> None:
        self.message = Message(text, **args)
        self.text = text
        self.args_map = self.message.args_map
        super().__init__(str(self.message))

    def render(self, template: str) -> str:
        """Fill ``template`` (the source or a translation) with this error's arguments."""
        return self.message.render(template)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as it is (subclasses' own ``__init__`` signatures differ), so an error
        raised in a worker process reaches the desk with its class and arguments."""
        return (restore_error, (type(self), self.args, dict(self.__dict__)))


def restore_error(
    cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]
) -> BaseException:
    """Rebuild a pickled error without calling its ``__init__``."""
    error = cls.__new__(cls)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error
