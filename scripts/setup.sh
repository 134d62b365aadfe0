#!/usr/bin/env bash
# Bootstrap a machine for the venue client: system packages, virtual environment,
# Python dependencies, compiled translations. Idempotent; called by `make run`
# and `make test`. Usage: scripts/setup.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-run}

# Debian packages. Runtime: a CJK font (Qt and PDFs), the libraries Qt's xcb and
# offscreen platforms load. Tests add: PostgreSQL server binaries (throwaway
# cluster), Xvfb (real X screen), poppler (look at PDFs), sqlite3 (tamper tests),
# SoftHSM2 as a real PKCS#11 token (with opensc's pkcs11-tool), a C compiler for
# the stand-in WLT photo decoder, and GStreamer's RTSP server (run by the system
# python3 through PyGObject) as a real camera on loopback; ffmpeg and age for benchmarks.
runtime_pkgs=(fonts-wqy-zenhei libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-image0 libxcb-render-util0)
test_pkgs=(postgresql xvfb poppler-utils poppler-data sqlite3 softhsm2 opensc gcc ffmpeg age python3-gi
  gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad)
pkgs=("${runtime_pkgs[@]}")
[ "$purpose" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
else
  echo "setup: not a Debian system; install the equivalents of: ${pkgs[*]}" >&2
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=""
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"
  else
    echo "setup: these Debian packages are missing and this user may not install them:" >&2
    echo "    sudo apt-get install -y ${missing[*]}" >&2
    echo "setup: run that once as an administrator, then repeat this command." >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || true
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is required (found: $("$python" --version 2>&1))" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
stamp=.venv/.installed-$purpose
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install -q --upgrade pip
  if [ "$purpose" = test ]; then .venv/bin/python -m pip install -q -e '.[dev]'
  else .venv/bin/python -m pip install -q -e .; fi
  touch "$stamp"
fi
.venv/bin/python scripts/build_translations.py
