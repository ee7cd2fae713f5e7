"""Files the browser map loads from the app's static folder, and their URLs.

Two kinds, both served by Streamlit's static serving (``static/``, at ``app/static/``):

- the atlas's own script and stylesheet (``static/atlas/``, committed), with a content hash in
  the URL so that a browser never runs a stale copy after an update;
- data that is the same for every user (region contours of a level, the catalyser directory),
  written once per content under ``static/generated/`` (ignored by git) with the content hash
  in the file name. The browser fetches each once per page and keeps it; a click or a layer
  switch never re-sends it over the websocket.

Nothing user-specific goes there (an imported data bundle stays in its session).
"""

import hashlib
import json
import os
import re
from functools import cache
from pathlib import Path

from layers.render.offline import STATIC_DIR

ATLAS_DIR = "atlas"
GENERATED_DIR = "generated"
DEFAULT_BASE_URL = "/app/static"
_NAME = re.compile(r"[a-z0-9_]+")


@cache
def _digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def atlas_file(name: str, static_dir: Path = STATIC_DIR) -> Path:
    """Path of one of the atlas's own files (``static/atlas/<name>``)."""
    return static_dir / ATLAS_DIR / name


def versioned_url(
    relative: str, base_url: str = DEFAULT_BASE_URL, static_dir: Path = STATIC_DIR
) -> str:
    """URL of ``static/<relative>`` with ``?v=<content hash>`` (a new URL when the file changes).

    Raises ``FileNotFoundError`` naming the file when it is missing.
    """
    path = static_dir / relative
    if not path.is_file():
        raise FileNotFoundError(f"Missing static file {path}")
    version = _digest(path, path.stat().st_mtime_ns)
    return f"{base_url.rstrip('/')}/{relative}?v={version}"


def publish_json(
    payload: object, name: str, base_url: str = DEFAULT_BASE_URL, static_dir: Path = STATIC_DIR
) -> str:
    """Write ``payload`` as ``static/generated/<name>.<hash>.json`` (once); return its URL.

    The file is written atomically, and older files of the same ``name`` are removed.
    ``name`` is a short lower-case identifier (``regions_2016``).
    """
    if not _NAME.fullmatch(name):
        raise ValueError(f"name must match {_NAME.pattern}, got {name!r}")
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = static_dir / GENERATED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.{digest}.json"
    if not target.is_file():
        temporary = folder / f".{target.name}.{os.getpid()}.tmp"
        temporary.write_bytes(data)
        os.replace(temporary, target)
        for old in folder.glob(f"{name}.*.json"):
            if old != target and re.fullmatch(rf"{name}\.[0-9a-f]{{16}}\.json", old.name):
                old.unlink(missing_ok=True)
    return f"{base_url.rstrip('/')}/{GENERATED_DIR}/{target.name}"
