"""Render every page of the venue client in both languages to ``OUTDIR/<page>-<lang>.png``
(for the README and for reviewers). Uses a throw-away demo data directory unless
``--data-dir`` is given. Needs no display: ``--screenshot`` renders offscreen.
With the check-in page, ``desk_screenshots.py`` also renders the desk in each state
(``checkin-desk-<state>-<lang>.png``), driven through the ID reader simulator; with
the opening page, ``opening_screenshots.py`` renders the opening desk and the large
screen during a demo opening.

    python scripts/screenshots.py docs/screenshots
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from venue_client.ui.navigation import PAGE_NAMES as PAGES

LANGS = ("zh_CN", "en")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("outdir", type=Path, help="where the PNG files go")
    parser.add_argument("--data-dir", type=Path, help="demo data directory (default: temporary)")
    parser.add_argument("--pages", nargs="*", choices=PAGES, default=list(PAGES))
    parser.add_argument("--langs", nargs="*", choices=LANGS, default=list(LANGS))
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="venue-shots-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "demo"
        failures = 0
        for page in args.pages:
            for lang in args.langs:
                out = args.outdir / f"{page}-{lang}.png"
                command = [sys.executable, "-m", "venue_client.app", "--demo"]
                command += ["--data-dir", str(data_dir), "--screenshot", str(out)]
                command += ["--page", page, "--lang", lang]
                result = subprocess.run(command, capture_output=True, text=True, check=False)
                if result.returncode == 0:
                    print(out)
                else:
                    failures += 1
                    print(f"{out}: failed ({result.returncode})\n{result.stderr}", file=sys.stderr)
        if "checkin" in args.pages:
            desk = Path(__file__).with_name("desk_screenshots.py")
            command = [sys.executable, str(desk), str(args.outdir), "--langs", *args.langs]
            if subprocess.run(command, check=False).returncode != 0:
                failures += 1
        if "opening" in args.pages:
            opening = Path(__file__).with_name("opening_screenshots.py")
            command = [sys.executable, str(opening), str(args.outdir)]
            if subprocess.run(command, check=False).returncode != 0:
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
