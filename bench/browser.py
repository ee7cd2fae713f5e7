"""Drive the atlas in Debian's Chromium: a real Streamlit server on a free port, the map, a click.

Shared by the end-to-end tests (tests/conftest.py, tests/test_e2e_*.py) and the browser
benchmark (bench/bench_browser.py). It lives in bench/ because bench never imports tests/ (tests
may import bench/, as tests/test_load.py runs bench/load_sessions.py).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(timeout_s: float = 60.0, script: str = "streamlit_app.py"):
    """Run ``streamlit run <script>`` on a free local port; yield its base URL."""
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
    proc = subprocess.Popen(cmd, cwd=REPO_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"Streamlit did not start on {url}:\n{out[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def is_local(url: str) -> bool:
    """True for requests that stay on this machine (http(s) to localhost, data:, blob:...)."""
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about", "chrome-extension"}:
        return True
    return parsed.hostname in LOCAL_HOSTS


MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
POLYGONS = "path.leaflet-interactive"
#: True once both archives have fired ``load`` and no tile is pending.
BASEMAP_SETTLED = """async () => {
    const handle = window.atlasBasemap;
    if (!handle) return false;
    await handle.ready;
    return !handle.base.isLoading() && !handle.ref.isLoading();
}"""
#: Painted pixels in the canvases of the names-and-lines pane (above the choropleth).
BASEMAP_PAINTED = """() => {
    let painted = 0;
    document.querySelectorAll('.leaflet-atlasBasemapRef-pane canvas').forEach(canvas => {
        if (!canvas.width) return;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    });
    return painted;
}"""


def open_map(page, url: str):
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(POLYGONS).first.wait_for(timeout=60_000)
    return frame


def region_paths(frame):
    """Fill colours of the region polygons (catalyser markers are circles drawn as paths too,
    but with the fill opacity of markers; regions use 0.85)."""
    return frame.locator(POLYGONS).evaluate_all(
        "els => els.filter(e => e.getAttribute('fill-opacity') === '0.85')"
        ".map(e => e.getAttribute('fill'))"
    )


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
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the Streamlit selectbox labelled ``label``."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(option)
    page.keyboard.press("Enter")


def click_region(page, frame, code: str) -> None:
    """Click inside a region's polygon, at a point Leaflet says is inside it."""
    iframe_box = page.locator(MAP_FRAME).bounding_box()
    point = frame.locator("body").evaluate(
        """(body, code) => {
            const map = window.map;
            let target = null;
            map.eachLayer(l => { if (l.feature && l.feature.properties &&
                                     l.feature.properties.code === code) target = l; });
            const ring = target.getLatLngs().flat(3);
            const c = target.getBounds().getCenter();
            const p = map.latLngToContainerPoint(c);
            const r = map.getContainer().getBoundingClientRect();
            return {x: p.x + r.left, y: p.y + r.top, n: ring.length};
        }""",
        code,
    )
    page.mouse.click(iframe_box["x"] + point["x"], iframe_box["y"] + point["y"])


def hide_catalysers(page) -> None:
    page.get_by_text("Afficher les catalyseurs territoriaux").click()
