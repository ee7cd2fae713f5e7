"""The offline base map's cost in Debian's Chromium: bytes fetched and paint times.

Page loads alternate with and without the base map (``/`` and ``/?basemap=0``) in the same run,
each in a fresh browser context (cold cache); figures are medians.

- first paint: navigation start -> first region polygon in the page (next animation frame,
  measured in the page as ``bench.bench_browser`` does); it includes the Streamlit script run,
  so on a busy machine the server's noise dominates;
- map script to paint: from the moment the map component starts loading its scripts (Leaflet,
  protomaps-leaflet and basemap.js with the base map) to the first region polygon: the
  browser-side cost of the base map, without the server's noise;
- base map drawn: navigation start -> both archives loaded, no tile pending;
- bytes: response bodies of the ``.pmtiles`` range requests, for the app's first view (its
  zoom depends on the window: 5.5 at 1400 x 1000), that view zoomed to 6 (total since the
  page opened), the view after a commune search ("Villeurbanne", zoom 9), then zoom 10;
- archive and viewer sizes on disk.
Run: ``python -m bench.bench_basemap [--rounds N]``.
"""

import argparse
import statistics
import time

from playwright.sync_api import sync_playwright

from bench.browser import BASEMAP_SETTLED as SETTLED
from bench.browser import CHROMIUM, CHROMIUM_ARGS, MAP, POLYGONS, streamlit_server
from layers.render.basemap import ARCHIVES, BASEMAP, LIGHT_FILE
from layers.render.offline import STATIC_DIR, static_path

VIEWPORT = {"width": 1400, "height": 1000}
#: Installed before the page's scripts: when the map component asked for its first script
#: (atlas.js) and when the first region polygon was in the page (ms since navigation start).
WATCH = """
(() => {
  const t = (window.__paint = { scripts: null, polygon: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (t.scripts === null && e.name.includes("/atlas/atlas.js")) t.scripts = e.startTime;
    }
  }).observe({ type: "resource", buffered: true });
  const roots = () => [document, ...[...document.querySelectorAll("*")]
    .filter((el) => el.shadowRoot).map((el) => el.shadowRoot)];
  const watch = () => {
    if (roots().some((r) => r.querySelector("path.leaflet-interactive"))) {
      t.polygon = performance.now();
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();
"""


def _wait(predicate, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("base map did not settle")
        time.sleep(0.05)


def _tile_bytes(requests) -> int:
    return sum(r.sizes()["responseBodySize"] for r in requests if ".pmtiles" in r.url)


def load(browser, url: str, with_basemap: bool) -> dict[str, float]:
    """One cold page load (and, with the base map, a commune search); timings and bytes."""
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    context.add_init_script(WATCH)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url if with_basemap else f"{url}/?basemap=0")
    page.locator(POLYGONS).first.wait_for(timeout=120_000)
    _wait(lambda: page.evaluate("window.__paint.polygon") is not None)
    paint = page.evaluate("window.__paint")
    out = {
        "paint": paint["polygon"] / 1000,
        "script_paint": (paint["polygon"] - paint["scripts"]) / 1000,
    }
    zoom = f"() => {MAP}.map.getZoom()"
    if with_basemap:
        _wait(lambda: page.evaluate(SETTLED))
        out["drawn"] = page.evaluate("performance.now()") / 1000
        out["zoom"] = page.evaluate(zoom)
        time.sleep(0.3)
        out["first_bytes"] = _tile_bytes(finished)
        page.evaluate(f"() => {MAP}.map.setZoom(6, {{animate: false}})")
        _wait(lambda: page.evaluate(SETTLED))
        time.sleep(0.3)
        out["z6_bytes"] = _tile_bytes(finished)
        seen = len(finished)
        page.get_by_label("Commune ou code postal").fill("Villeurbanne")
        page.keyboard.press("Enter")
        _wait(lambda: page.evaluate(zoom) >= 9)
        _wait(lambda: page.evaluate(SETTLED))
        time.sleep(0.3)
        out["search_bytes"] = _tile_bytes(finished[seen:])
        seen = len(finished)
        page.evaluate(f"() => {MAP}.map.setZoom(10, {{animate: false}})")
        _wait(lambda: page.evaluate(SETTLED))
        time.sleep(0.3)
        out["z10_bytes"] = _tile_bytes(finished[seen:])
    context.close()
    return out


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="page loads per variant")
    rounds = parser.parse_args(argv).rounds
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit_server(timeout_s=120) as url:
            load(browser, url, True)  # warm the server's caches
            with_runs, without_runs = [], []
            for _ in range(rounds):
                with_runs.append(load(browser, url, True))
                without_runs.append(load(browser, url, False))
        browser.close()
    kb = 1000
    paint_with, paint_without = _median(with_runs, "paint"), _median(without_runs, "paint")
    print(f"rounds: {rounds} per variant, alternating, cold cache")
    print(
        f"first paint (regions drawn)       with {paint_with:.2f} s | without "
        f"{paint_without:.2f} s | difference {paint_with - paint_without:+.2f} s"
    )
    script_with, script_without = (
        _median(with_runs, "script_paint"),
        _median(without_runs, "script_paint"),
    )
    print(
        f"map scripts -> regions painted    with {script_with:.2f} s | without "
        f"{script_without:.2f} s | difference {script_with - script_without:+.2f} s  "
        "goal: <= +0.3 s"
    )
    print(f"base map drawn (both archives)    median {_median(with_runs, 'drawn'):.2f} s")
    print(
        f"tiles, first view (zoom {_median(with_runs, 'zoom'):g})      median "
        f"{_median(with_runs, 'first_bytes') / kb:.0f} KB  goal: <= 400 KB"
    )
    for label, key in (
        ("first view zoomed to 6 (total)", "z6_bytes"),
        ("after 'Villeurbanne' (z9)", "search_bytes"),
        ("then zoom 10", "z10_bytes"),
    ):
        print(f"tiles, {label:<26} median {_median(with_runs, key) / kb:.0f} KB")
    files = [f"{BASEMAP}/{name}" for name in (*ARCHIVES, LIGHT_FILE)]
    files += [static_path("protomaps_leaflet"), static_path("atlas_basemap")]
    for rel in files:
        print(f"static/{rel:<48} {(STATIC_DIR / rel).stat().st_size / kb:8.0f} KB")


if __name__ == "__main__":
    main()
