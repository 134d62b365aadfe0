#!/usr/bin/env bash
# Wrap the one-folder bundle (installers/build.sh -> dist/venue-client/) into a .deb:
#   /opt/venue-client/                      the bundle, as built
#   /usr/bin/venue-client, venue-admin      wrappers that exec the bundle
#   /usr/share/applications/venue-client.desktop
#   /usr/share/doc/venue-client/copyright
# Usage: installers/debian/build-deb.sh [--check] [BUNDLE_DIR]
#   --check   afterwards unpack the .deb into a temporary root (dpkg -x) and run the
#             bundle smoke test from there
# Environment: DEB_REVISION (default 1), DEB_COMPRESS (dpkg-deb -Z; default zstd: the
# package needs glibc >= 2.36 anyway, i.e. Debian 12+, whose dpkg reads zstd; xz is
# ~20% smaller but took 280 s instead of 6 s here)
set -euo pipefail
cd "$(dirname "$0")/../.."
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
bundle=${1:-dist/venue-client}
here=installers/debian
die() { printf 'build-deb: FAILED: %s\n' "$*" >&2; exit 1; }
[ -x "$bundle/venue-client" ] && [ -x "$bundle/venue-admin" ] \
  || die "no bundle in $bundle (run installers/build.sh first)"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found (Debian's dpkg package)"

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' venue_client/__init__.py)
[ -n "$version" ] || die "no __version__ in venue_client/__init__.py"
arch=$(dpkg --print-architecture)
debver="$version-${DEB_REVISION:-1}"
# The newest glibc symbol version any bundled binary needs (the build machine's).
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -name 'venue-*' \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
[ -n "$glibc" ] || die "cannot read the glibc version the bundle needs (objdump: binutils)"

stage=build/deb/venue-client_${debver}_$arch
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/doc/venue-client"
cp -a "$bundle" "$stage/opt/venue-client"
install -m 0755 "$here/bin/venue-client" "$here/bin/venue-admin" "$stage/usr/bin/"
install -m 0644 "$here/venue-client.desktop" "$stage/usr/share/applications/"
install -m 0644 "$here/copyright" "$stage/usr/share/doc/venue-client/"
icon=resources/icons/venue-client.png
if [ -f "$icon" ]; then
  install -D -m 0644 "$icon" "$stage/usr/share/icons/hicolor/256x256/apps/venue-client.png"
else
  echo "build-deb: note: $icon missing; the menu entry shows a generic icon" >&2
fi
# Files 0644, directories and executables 0755, owned by root (--root-owner-group).
find "$stage" -type d -exec chmod 0755 {} +
find "$stage/opt" -type f ! -perm -u+x -exec chmod 0644 {} +
find "$stage/opt" -type f -perm -u+x -exec chmod 0755 {} +
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$debver/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" \
  -e "s/@GLIBC@/$glibc/" "$here/control.in" >"$stage/DEBIAN/control"
install -m 0755 "$here/postinst" "$stage/DEBIAN/postinst"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$here/venue-client.desktop" || die "desktop file"
fi

out=dist/venue-client_${debver}_$arch.deb
t0=$(date +%s)
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-zstd}" --build "$stage" "$out" >/dev/null
echo "build-deb: $out ($(du -h "$out" | cut -f1), installed $((size / 1024)) MB," \
  "dpkg-deb $(( $(date +%s) - t0 )) s)"
dpkg-deb --info "$out"
echo "build-deb: $(dpkg-deb --contents "$out" | wc -l) entries; outside /opt:"
dpkg-deb --contents "$out" | grep -v ' \./opt/venue-client/.' | awk '{print "    " $1, $6}'
rm -rf "$stage"

if [ "$check" = 1 ]; then
  root=$(mktemp -d /tmp/venue-deb.XXXXXX)
  trap 'rm -rf "$root"' EXIT
  dpkg -x "$out" "$root"
  for cmd in venue-client venue-admin; do  # the wrappers, pointed at the unpacked tree
    sed "s#/opt/venue-client#$root/opt/venue-client#" "$root/usr/bin/$cmd" >"$root/$cmd"
    chmod 0755 "$root/$cmd"
  done
  echo "build-deb: smoke test of the unpacked package ($root)"
  VENUE_CLIENT=$root/venue-client VENUE_ADMIN=$root/venue-admin installers/smoke-test.sh \
    || die "smoke test of the unpacked .deb"
fi
