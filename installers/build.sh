#!/usr/bin/env bash
# Build the one-folder bundle dist/venue-client/ (venue-client + venue-admin) with the
# pinned PyInstaller, then smoke-test the frozen executables. Fails loudly on any
# error. Usage: installers/build.sh
#
# Environment:
#   BUILD_VENV              build virtual environment (default: .venv when it already
#                           has PyInstaller, else build/venv, created on demand)
#   PYTHON                  interpreter for a new build venv (default: python3; needs a
#                           shared libpython, as Debian's and pyenv's --enable-shared)
#   VENUE_BUNDLE_OPTIONAL   auto (default): bundle av, cv2, dlib, numpy and the dlib
#                           models when installed in the build venv; none: never
#   SKIP_SMOKE=1            build only
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)

say() { printf 'build: %s\n' "$*"; }
die() { printf 'build: FAILED: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- build venv
reqs=installers/requirements-build.txt
pyinstaller_pin=$(sed -n 's/^pyinstaller==//p' "$reqs")
if [ -n "${BUILD_VENV:-}" ]; then venv=$BUILD_VENV
elif [ -x .venv/bin/pyinstaller ]; then venv=.venv
else venv=build/venv
fi
if [ ! -x "$venv/bin/python" ]; then
  say "creating build venv $venv"
  "${PYTHON:-python3}" -m venv "$venv"
fi
py=$venv/bin/python
"$py" -c 'import sys, sysconfig
sys.exit(sys.version_info < (3, 11) or not sysconfig.get_config_var("Py_ENABLE_SHARED"))' \
  || die "$py must be Python >= 3.11 built with a shared libpython (PyInstaller needs it)"
stamp=$venv/.installed-bundle
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$reqs" -nt "$stamp" ]; then
  say "installing the application and $reqs into $venv"
  "$py" -m pip install -q --upgrade pip
  "$py" -m pip install -q -e . -r "$reqs"
  touch "$stamp"
fi
have=$("$py" -c 'import PyInstaller; print(PyInstaller.__version__)')
[ "$have" = "$pyinstaller_pin" ] || die "PyInstaller $have in $venv, $reqs pins $pyinstaller_pin"

# ---------------------------------------------------------------------- build
"$py" scripts/build_translations.py  # the .qm catalogues are build products (.gitignore)
say "PyInstaller $have, $("$py" --version), optional libraries: ${VENUE_BUNDLE_OPTIONAL:-auto}"
rm -rf dist/venue-client
t0=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installers/venue-client.spec \
  || die "pyinstaller"
build_seconds=$(( $(date +%s) - t0 ))
bundle=dist/venue-client
[ -x "$bundle/venue-client" ] && [ -x "$bundle/venue-admin" ] || die "executables missing in $bundle"

# ----------------------------------------------------------------- smoke test
if [ "${SKIP_SMOKE:-0}" != 1 ]; then
  # Without the optional libraries the demo's face device cannot load (a fault, shown).
  [ "${VENUE_BUNDLE_OPTIONAL:-auto}" = none ] && export SMOKE_ALLOW_DEVICE_FAULTS=1
  installers/smoke-test.sh "$root/$bundle" || die "smoke test of $bundle"
fi

size=$(du -sh "$bundle" | cut -f1)
say "PyInstaller build: ${build_seconds} s; whole script: $(( $(date +%s) - started )) s"
say "bundle: $bundle ($size; $(find "$bundle" -type f | wc -l) files)"
