"""Driver errors carry the device's own status code and a translatable message.

Drivers may not import ``venue_client``, so they mark their (Simplified Chinese)
messages with their own ``QT_TRANSLATE_NOOP``: ``pyside6-lupdate`` extracts it by
name, and the application translates any error that has ``.text`` (a ``str``
with a ``.context``) and ``.render(template)`` the same way.
"""

from __future__ import annotations


class DriverText(str):
    """A translatable source string that remembers its translation context."""

    context: str

    def __new__(cls, source: str, context: str) -> DriverText:
        obj = super().__new__(cls, source)
        obj.context = context
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (str(self), self.context)


def QT_TRANSLATE_NOOP(context: str, source: str) -> DriverText:  # noqa: N802 - Qt's name
    return DriverText(source, context)


class DeviceError(Exception):
    """A device failed; ``code`` is the device's own status (e.g. SW3 ``0x80``)."""

    def __init__(self, text: DriverText, *, code: int | str | None = None, **args: object) -> None:
        self.text = text
        self.code = code
        self.args_map: dict[str, object] = {"code": _format_code(code), **args}
        super().__init__(self.render(str(text)))

    def render(self, template: str) -> str:
        try:
            return template.format(**self.args_map)
        except (KeyError, IndexError, ValueError):
            return template

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as it is (subclasses' ``__init__`` signatures differ): a device error
        raised in a worker process arrives whole."""
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(
    cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]
) -> BaseException:
    error = cls.__new__(cls)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error


def _format_code(code: int | str | None) -> str:
    if code is None:
        return ""
    return f"0x{code:02X}" if isinstance(code, int) else code
