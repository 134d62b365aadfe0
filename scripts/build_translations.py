"""Compile the Qt Linguist catalogues (.ts -> .qm); with --update, first refresh the
.ts files from the source code with pyside6-lupdate.

Source strings are Simplified Chinese; each ``resources/translations/venue_<lang>.ts``
translates them into another language (English first).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGS = ("en",)


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        sys.exit(f"build_translations: {name} not found (install PySide6-Essentials)")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="run pyside6-lupdate first")
    args = parser.parse_args()
    if args.update:
        packages = ("venue_client", "drivers")
        sources = sorted(str(p) for d in packages for p in (ROOT / d).rglob("*.py"))
        for lang in LANGS:
            ts = TS_DIR / f"venue_{lang}.ts"
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    "-no-obsolete",
                    "-source-language",
                    "zh_CN",
                    "-target-language",
                    lang,
                    *sources,
                    "-ts",
                    str(ts),
                ],
                check=True,
            )
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
