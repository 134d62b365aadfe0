"""Translations for headless use (``venue-admin``): the same Qt Linguist ``.ts``
catalogue the GUI loads, read without Qt. Chinese is the source language."""

from __future__ import annotations

import functools
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from venue_client.domain.errors import Message, Text, UserFacingError

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
SOURCE_LANG = "zh_CN"


@functools.cache
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    path = TRANSLATIONS / f"venue_{lang.split('_', maxsplit=1)[0]}.ts"
    if lang == SOURCE_LANG or not path.exists():
        return {}
    out: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()  # noqa: S314 - our own shipped file
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            out[(name, source)] = translation.text
    return out


def default_lang() -> str:
    for var in ("VENUE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.startswith("en") else SOURCE_LANG
    return SOURCE_LANG


def translate(text: Text | str, lang: str) -> str:
    context = getattr(text, "context", "")
    return _catalogue(lang).get((context, str(text)), str(text))


def render(item: Message | UserFacingError, lang: str) -> str:
    """The message in ``lang`` with its arguments filled in."""
    message = item.message if isinstance(item, UserFacingError) else item
    return message.render(translate(message.text, lang))
