#!/usr/bin/env bash
# Fetch the pinned protomaps-leaflet (the base map's tile viewer) from the npm registry into
# static/vendor/protomaps-leaflet/ (git-ignored), after checking the tarball's sha256.
# Called by scripts/app.sh and scripts/test.sh; does nothing when the pinned version is there.
# VENDOR_JS_TARBALL=path uses a local tarball instead of `npm pack` (tests, offline installs).
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGE=protomaps-leaflet
VERSION=5.1.0
# sha256 of the registry tarball protomaps-leaflet-5.1.0.tgz (the one place it is recorded).
SHA256=0b45b08d0e6f7d39816415dbe6821d0556e7997ec716ed0123305cc1fe5a3fd8
DEST=static/vendor/protomaps-leaflet
STAMP="$DEST/.version"

if [ -f "$DEST/protomaps-leaflet.js" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$VERSION $SHA256" ]; then
  exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ -n "${VENDOR_JS_TARBALL:-}" ]; then
  cp "$VENDOR_JS_TARBALL" "$TMP/package.tgz"
else
  command -v npm >/dev/null 2>&1 || { echo "vendor_js.sh: npm not found" >&2; exit 1; }
  (cd "$TMP" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
  mv "$TMP/$PACKAGE-$VERSION.tgz" "$TMP/package.tgz"
fi
ACTUAL=$(sha256sum "$TMP/package.tgz" | cut -d' ' -f1)
if [ "$ACTUAL" != "$SHA256" ]; then
  echo "vendor_js.sh: $PACKAGE $VERSION checksum mismatch (got $ACTUAL, expected $SHA256)" >&2
  exit 1
fi
tar -xzf "$TMP/package.tgz" -C "$TMP" package/dist/protomaps-leaflet.js package/LICENSE
rm -rf "$DEST"
mkdir -p "$DEST"
cp "$TMP/package/dist/protomaps-leaflet.js" "$TMP/package/LICENSE" "$DEST/"
echo "$VERSION $SHA256" > "$STAMP"
