"""Every user-visible string reaches the English catalogue, translated, with the same
placeholders: extraction is re-run here with pyside6-lupdate and compared."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "venue_en.ts"
PACKAGES = ("venue_client", "drivers")
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _sources() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
                "vanished",
            )
            text = translation.text if done and translation is not None else None
            out[(name, message.findtext("source", ""))] = text or None
    return out


def test_translation_markers_use_literal_contexts() -> None:
    """lupdate only extracts QT_TRANSLATE_NOOP("context", "text") with literals."""
    bad = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
                and node.args
                and not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args
                )
            ):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == [], "QT_TRANSLATE_NOOP needs literal arguments at: " + ", ".join(bad)


def test_every_extracted_message_is_translated(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    lupdate = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate is missing (PySide6-Essentials provides it)"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            lupdate,
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            *map(str, _sources()),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    extracted = _messages(fresh)
    shipped = _messages(TS)
    assert len(extracted) > 100
    missing = [f"{c} | {s}" for (c, s) in extracted if not shipped.get((c, s))]
    assert missing == [], "untranslated (run `make translations` and translate):\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("kind", ["placeholders"])
def test_translations_keep_placeholders(kind: str) -> None:
    wrong = []
    for (context, source), translation in _messages(TS).items():
        if translation is None:
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            wrong.append(f"{context} | {source} -> {translation}")
    assert wrong == [], f"{kind} differ:\n" + "\n".join(wrong)
