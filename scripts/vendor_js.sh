#!/usr/bin/env bash
# Fetch pinned JavaScript packages from the npm registry into static/vendor/<package>/
# (git-ignored), after checking each tarball's sha256:
# - protomaps-leaflet, the base map's tile viewer (run time; scripts/app.sh and scripts/test.sh);
# - with --dev, axe-core, the accessibility checker the browser tests inject into the page
#   (bench/a11y.py; scripts/test.sh only: the app never serves it to users).
# Does nothing for a package whose pinned version is already there.
# VENDOR_JS_TARBALL=path (protomaps-leaflet) and VENDOR_AXE_TARBALL=path (axe-core) use a local
# tarball instead of `npm pack` (tests, offline installs).
set -euo pipefail
cd "$(dirname "$0")/.."
# Versions and sha256 of the registry tarballs (the one place they are recorded).
PROTOMAPS_VERSION=5.1.0
PROTOMAPS_SHA256=0b45b08d0e6f7d39816415dbe6821d0556e7997ec716ed0123305cc1fe5a3fd8
AXE_VERSION=4.14.1
AXE_SHA256=e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745

# vendor PACKAGE VERSION SHA256 LOCAL_TARBALL FILE... : FILEs are paths inside the tarball's
# package/ folder, copied flat into static/vendor/PACKAGE/.
vendor() {
  local package=$1 version=$2 sha256=$3 local_tarball=$4
  shift 4
  local dest="static/vendor/$package" file
  local first
  first=$(basename "$1")
  if [ -f "$dest/$first" ] && [ "$(cat "$dest/.version" 2>/dev/null)" = "$version $sha256" ]; then
    return 0
  fi
  local tmp
  tmp=$(mktemp -d)
  if [ -n "$local_tarball" ]; then
    cp "$local_tarball" "$tmp/package.tgz"
  else
    command -v npm >/dev/null 2>&1 || { echo "vendor_js.sh: npm not found" >&2; rm -rf "$tmp"; return 1; }
    (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
    mv "$tmp/$package-$version.tgz" "$tmp/package.tgz"
  fi
  local actual
  actual=$(sha256sum "$tmp/package.tgz" | cut -d' ' -f1)
  if [ "$actual" != "$sha256" ]; then
    echo "vendor_js.sh: $package $version checksum mismatch (got $actual, expected $sha256)" >&2
    rm -rf "$tmp"
    return 1
  fi
  local inside=()
  for file in "$@"; do inside+=("package/$file"); done
  tar -xzf "$tmp/package.tgz" -C "$tmp" "${inside[@]}"
  rm -rf "$dest"
  mkdir -p "$dest"
  for file in "${inside[@]}"; do cp "$tmp/$file" "$dest/"; done
  echo "$version $sha256" > "$dest/.version"
  rm -rf "$tmp"
}

vendor protomaps-leaflet "$PROTOMAPS_VERSION" "$PROTOMAPS_SHA256" "${VENDOR_JS_TARBALL:-}" \
  dist/protomaps-leaflet.js LICENSE
if [ "${1:-}" = "--dev" ]; then
  vendor axe-core "$AXE_VERSION" "$AXE_SHA256" "${VENDOR_AXE_TARBALL:-}" axe.min.js LICENSE
fi
