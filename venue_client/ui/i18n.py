"""Translations: the Qt Linguist catalogue for the chosen language, Qt's own strings
for standard buttons, and the one helper that shows a ``UserFacingError``.

Source strings are Simplified Chinese, so ``zh_CN`` needs no catalogue of ours;
English comes from ``resources/translations/venue_en.qm``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from venue_client.domain.errors import Message, UserFacingError

log = logging.getLogger(__name__)

LANGS = ("zh_CN", "en")
DEFAULT_LANG = "zh_CN"
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS_DIR = RESOURCES / "translations"

_installed: list[QTranslator] = []


def normalise_lang(lang: str | None) -> str:
    """A supported language code; anything else falls back to Simplified Chinese."""
    if lang in LANGS:
        return str(lang)
    if lang:
        log.warning("unsupported UI language %r; using %s", lang, DEFAULT_LANG)
    return DEFAULT_LANG


def install_translators(app: QCoreApplication, lang: str) -> str:
    """Replace the installed catalogues with those for ``lang``; returns the language used."""
    lang = normalise_lang(lang)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    if lang != DEFAULT_LANG:
        ours = QTranslator(app)
        qm = TRANSLATIONS_DIR / f"venue_{lang}.qm"
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("translation catalogue %s is missing; run `make translations`", qm.name)
    return lang


def tr_text(text: str) -> str:
    """Translate a ``Text`` (a message defined outside ``ui/``, or a driver's
    ``DriverText``: any ``str`` with a ``context``) in its own context."""
    context = getattr(text, "context", None)
    if isinstance(context, str):
        return QCoreApplication.translate(context, text)
    return text


def message_text(message: Message | UserFacingError) -> str:
    """A ``Message`` (or a ``UserFacingError``) in the current language: the template
    translated in its context, then filled with its arguments (themselves translated
    when they are ``Text`` or ``Message``)."""
    args = {key: _translated_arg(value) for key, value in message.args_map.items()}
    template = QCoreApplication.translate(message.text.context, message.text)
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template


def error_message(err: UserFacingError) -> str:
    """The user-facing message of ``err`` in the current language, arguments filled in."""
    return message_text(err)


def _translated_arg(value: object) -> object:
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, str):
        return tr_text(value)
    return value
