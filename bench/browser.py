"""Drive the atlas in Debian's Chromium: a real Streamlit server on a free port, the map, a click.

Shared by the end-to-end tests (tests/conftest.py, tests/test_e2e_*.py) and the browser
benchmark (bench/bench_browser.py). It lives in bench/ because bench never imports tests/ (tests
may import bench/, as tests/test_load.py runs bench/load_sessions.py).
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

REPO_DIR = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


#: JavaScript: ``atlasRoots()`` returns the page's document, our components' shadow roots and
#: any iframe's document (the folium map of old commits): the places a benchmark looks for
#: polygons. Only those: scanning every element at each frame slowed the very page it measured
#: (~7 % of the main thread on a first paint).
ROOTS_JS = """
function atlasRoots() {
  const out = [document];
  document.querySelectorAll("[data-testid^='stBidiComponent'], iframe").forEach((el) => {
    try {
      if (el.shadowRoot) out.push(el.shadowRoot);
      if (el.contentDocument) out.push(el.contentDocument);
    } catch (e) {}
  });
  return out;
}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Server:
    """A running Streamlit server: its base URL and process id."""

    url: str
    pid: int

    def rss_mb(self) -> float:
        """Resident memory of the server process, MB (Linux /proc)."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")


@contextmanager
def streamlit_process(
    timeout_s: float = 60.0,
    script: str = "streamlit_app.py",
    app_dir: Path = REPO_DIR,
    env: dict[str, str] | None = None,
):
    """Run ``streamlit run <script>`` from ``app_dir`` on a free local port; yield a Server.

    ``env`` adds environment variables (e.g. ``STREAMLIT_RUNNER_POST_SCRIPT_GC``).
    """
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    # The server's output goes to a file: a pipe nobody reads would block a long-running server.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            cwd=app_dir,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(proc, url, timeout_s, log)
            yield Server(url, proc.pid)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextmanager
def streamlit_server(
    timeout_s: float = 60.0, script: str = "streamlit_app.py", app_dir: Path = REPO_DIR
):
    """Run ``streamlit run <script>`` from ``app_dir`` on a free local port; yield its base URL."""
    with streamlit_process(timeout_s, script, app_dir) as server:
        yield server.url


def _wait_until_healthy(proc: subprocess.Popen, url: str, timeout_s: float, log) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            out = log.read().decode(errors="replace")
            raise RuntimeError(f"Streamlit did not start on {url}:\n{out[-3000:]}")
        time.sleep(0.3)


def is_local(url: str) -> bool:
    """True for requests that stay on this machine (http(s) to localhost, data:, blob:...)."""
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about", "chrome-extension", "file"}:
        return True
    return parsed.hostname in LOCAL_HOSTS


#: The atlas's map and profile summary (components of our own, drawn in the page: no iframe).
POLYGONS = ".atlas-map path.leaflet-interactive"
SUMMARY_HEADING = ".atlas-summary-host h2"
#: JavaScript expression: the page's map object (static/atlas/atlas.js keeps them in Atlas.maps).
MAP = "[...window.Atlas.maps][0]"
#: True once both base-map archives have fired ``load`` and no tile is pending.
BASEMAP_SETTLED = f"""async () => {{
    const map = window.Atlas && {MAP};
    const handle = map && map.basemapHandle;
    if (!handle || !handle.base) return false;
    await handle.ready;
    return !handle.base.isLoading() && !handle.ref.isLoading();
}}"""
#: Painted pixels in the canvases of the names-and-lines pane (above the choropleth); the map
#: sits in a shadow root, so the pane is found through the map, not the document.
BASEMAP_PAINTED = f"""() => {{
    const pane = {MAP}.map.getPane('atlasBasemapRef');
    let painted = 0;
    if (!pane) return 0;
    pane.querySelectorAll('canvas').forEach(canvas => {{
        if (!canvas.width) return;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    }});
    return painted;
}}"""


@cache
def region_points(level: str) -> dict[str, tuple[float, float]]:
    """A point inside each region of ``level`` (lat, lon), where a click surely lands on it."""
    from geo.shapes import read_layer  # only the helpers that click need the contours

    return {
        row.code: (row.geometry.representative_point().y, row.geometry.representative_point().x)
        for row in read_layer(level).itertuples()
    }


#: Streamlit alone: a page with one title, the floor under any Streamlit app's first paint
#: (bench_browser and paint_breakdown serve it beside the atlas).
FLOOR_SCRIPT = "bench/floor_app.py"

#: The sidebar's widget kinds, the number input (its last widget) among them. A session's first
#: run draws the map alone; the whole page follows once the map is drawn (streamlit_app.py).
#: Each kind is waited for, not only the last widget: Streamlit loads each widget kind's code on
#: first use, so on a loaded machine the radios may still be missing after the number input has
#: appeared (a CI run read the sidebar without "Level").
WHOLE_PAGE = tuple(
    f"[data-testid='stSidebar'] [data-testid='{kind}']"
    for kind in ("stRadio", "stSelectbox", "stCheckbox", "stTextInput", "stNumberInput")
)


def open_map(page, url: str, timeout_ms: float = 60_000):
    """Open ``url`` and wait until the map has drawn its regions and is ready for clicks, and
    the rest of the page (sidebar, legend, profile) has followed."""
    page.goto(url)
    page.locator(POLYGONS).first.wait_for(timeout=timeout_ms)
    wait_for(
        lambda: page.evaluate(f"{MAP}.container.dataset.ready") == "true",
        timeout_s=timeout_ms / 1000,
        what="map ready",
    )
    for widgets in WHOLE_PAGE:
        page.locator(widgets).first.wait_for(timeout=timeout_ms)
    return page


def region_paths(page) -> list[str]:
    """Fill colours of the region polygons, in code order."""
    fills = page.evaluate(f"{MAP}.fills()")
    return [fills[code] for code in sorted(fills)]


def map_view(page) -> dict:
    """The map's centre and zoom."""
    return page.evaluate(f"{MAP}.view()")


def current_url(page) -> str:
    """The address bar as the page sees it now. ``page.url`` is updated from Playwright's
    events, which the sync API only processes inside Playwright calls (not during
    ``time.sleep``), so a ``wait_for`` loop on it can miss a history change."""
    return page.evaluate("() => location.href")


def wait_for(predicate, timeout_s: float = 30.0, what: str = "condition"):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the Streamlit selectbox labelled ``label``."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(option)
    page.keyboard.press("Enter")


def click_region(page, code: str, level: str = "2016") -> None:
    """Click a point inside a region (a representative point of its polygon)."""
    point = page.evaluate(
        f"([lat, lon]) => {MAP}.pagePoint(lat, lon)", list(region_points(level)[code])
    )
    page.mouse.click(point["x"], point["y"])


def hide_catalysers(page) -> None:
    page.get_by_text("Afficher les catalyseurs territoriaux").click()
    wait_for(lambda: page.evaluate(f"{MAP}.markerTips().length") == 0, what="no markers")
