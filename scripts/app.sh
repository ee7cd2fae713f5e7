#!/usr/bin/env bash
# Run the atlas on http://localhost:8501 with Python 3.11: creates .venv, installs the pinned
# run-time dependencies, then starts Streamlit. Works offline once installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
# The base map's tile viewer (protomaps-leaflet) comes from npm; without it the atlas still runs,
# without a base map, and says so under the map.
bash scripts/vendor_js.sh || echo "Fond de carte non installé (npm indisponible ?) : l'atlas démarre sans." >&2
exec .venv/bin/python -m streamlit run streamlit_app.py "$@"
