"""Where the first paint goes: milestones of a page load, in the page, for one or two checkouts.

For each load (Chromium, warm browser cache unless ``--cold``), times in ms from navigation
start (``performance.now()``), medians over ``--loads`` loads, alternating the checkouts:

- ``html``: the page's HTML received (navigation timing ``responseEnd``);
- ``bundle``: Streamlit's front-end scripts received (the last ``/static/js/*.js`` of the
  first wave, resource timing);
- ``ws_open``, ``ws_first``: the websocket opened, its first message received;
- ``title``: the app's title (the script's first element) in the DOM;
- ``atlas_js``: ``window.Atlas`` defined (static/atlas/atlas.js evaluated, i.e. our map
  component mounted and loading its scripts); ``leaflet``: ``window.L`` defined;
- ``geometry``: the contours' JSON received (resource timing of ``regions_*.json``);
- ``polygon``: the first region polygon in the DOM (next animation frame);
- ``ws_idle``: the last websocket message before the polygon (the script's run drawn);
- ``long_tasks``: main-thread tasks over 50 ms before the polygon (count and total ms);
- ``complete``: the whole page drawn: the sidebar's last widget ("Rayon (km)") and the legend
  (with the map drawn first, they follow the polygon).

Run: ``python -m bench.paint_breakdown [--other DIR] [--floor] [--loads N] [--cold]``;
``--other`` is a checkout (e.g. a ``git worktree`` of another commit), repeatable, measured in
the same run; ``--floor`` adds Streamlit alone (bench/floor_app.py: a title and a component
drawing one shape, timed as ``polygon``), whose milestones are the floor under any Streamlit
app's title and any map a component draws.
"""

import argparse
import asyncio
import statistics
from contextlib import ExitStack
from pathlib import Path

from playwright.async_api import async_playwright

from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FLOOR_SCRIPT,
    REPO_DIR,
    ROOTS_JS,
    streamlit_process,
)

INIT = (
    ROOTS_JS
    + """
(() => {
  const b = (window.__paint = { ws: [], wsOpen: null, title: null, atlas: null, leaflet: null,
                                polygon: null, complete: null, long: [] });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => { b.wsOpen = performance.now(); });
      this.addEventListener("message", (e) =>
        b.ws.push([performance.now(), e.data.byteLength ?? e.data.size ?? e.data.length]));
    }
  };
  for (const [name, key] of [["Atlas", "atlas"], ["L", "leaflet"]]) {
    let value;
    Object.defineProperty(window, name, {
      configurable: true,
      get() { return value; },
      set(v) { value = v; if (b[key] === null) b[key] = performance.now(); },
    });
  }
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) =>
      b.long.push([e.startTime, e.duration]))).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const hosts = atlasRoots; // bench/browser.py ROOTS_JS
  const watch = () => {
    const now = performance.now();
    if (b.title === null && document.querySelector("h1")) b.title = now;
    if (b.polygon === null && hosts().some((r) => r.querySelector("path.leaflet-interactive")))
      b.polygon = now;
    if (b.complete === null && document.querySelector("[data-testid='stNumberInput']") &&
        hosts().some((r) => r.querySelector(".atlas-legend"))) b.complete = now;
    if (b.polygon === null || b.complete === null) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();
"""
)

COLLECT = """() => {
  const b = window.__paint;
  const res = performance.getEntriesByType("resource");
  const nav = performance.getEntriesByType("navigation")[0];
  const js = res.filter((r) => /\\/static\\/js\\/.*\\.js/.test(r.name) && r.startTime < 1500);
  const geo = res.find((r) => /regions_.*\\.json/.test(r.name));
  const before = b.ws.filter(([t]) => t <= b.polygon);
  const long = b.long.filter(([t]) => t <= b.polygon);
  return {
    html: nav.responseEnd,
    bundle: js.length ? Math.max(...js.map((r) => r.responseEnd)) : null,
    ws_open: b.wsOpen,
    ws_first: b.ws.length ? b.ws[0][0] : null,
    title: b.title,
    atlas_js: b.atlas,
    leaflet: b.leaflet,
    geometry_start: geo ? geo.startTime : null,
    geometry: geo ? geo.responseEnd : null,
    ws_idle: before.length ? before[before.length - 1][0] : null,
    polygon: b.polygon,
    complete: b.complete,
    ws_kb: before.reduce((s, [, n]) => s + n, 0) / 1000,
    ws_messages: before.length,
    long_tasks: long.length,
    long_ms: long.reduce((s, [, d]) => s + d, 0),
    resources: res.length,
  };
}"""


async def load(browser, url: str, context=None, ready: str = "") -> dict:
    """One load of ``url`` in a new tab, until ``ready`` (JS, not null once it is drawn)."""
    ready = ready or "window.__paint.polygon && window.__paint.complete"
    own = context is None
    if own:
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        await context.add_init_script(INIT)
    page = await context.new_page()
    await page.goto(url, wait_until="domcontentloaded")
    for _ in range(1200):
        if await page.evaluate(ready) is not None:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    out = await page.evaluate(COLLECT)
    await page.close()
    if own:
        await context.close()
    return out


#: The floor app is drawn once its component's shape is.
FLOOR, FLOOR_READY = "floor", "window.__paint.polygon"


async def run(dirs: dict[str, Path], loads: int, cold: bool, query: str, floor: bool) -> dict:
    figures = {name: [] for name in dirs}
    with ExitStack() as stack:
        urls = {
            name: stack.enter_context(streamlit_process(timeout_s=180, app_dir=d)).url + query
            for name, d in dirs.items()
        }
        ready = dict.fromkeys(dirs, "")
        if floor:
            process = streamlit_process(timeout_s=180, script=FLOOR_SCRIPT, app_dir=REPO_DIR)
            urls[FLOOR] = stack.enter_context(process).url
            ready[FLOOR] = FLOOR_READY
            figures[FLOOR] = []
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            contexts = {}
            for name in urls:  # fills the server's caches and the warm browser cache
                contexts[name] = await browser.new_context(viewport={"width": 1400, "height": 1000})
                await contexts[name].add_init_script(INIT)
                await load(browser, urls[name], contexts[name], ready[name])
            names = list(urls)
            for i in range(loads):
                for name in names[i % len(names) :] + names[: i % len(names)]:
                    ctx = None if cold else contexts[name]
                    figures[name].append(await load(browser, urls[name], ctx, ready[name]))
            await browser.close()
    return figures


def report(figures: dict) -> None:
    names = list(figures)
    keys = list(next(iter(figures.values()))[0])
    print(f"{'median (ms from navigation start)':<34}" + "".join(f"{n:>12}" for n in names))
    for key in keys:
        cells = []
        for name in names:
            values = [f[key] for f in figures[name] if f[key] is not None]
            cells.append(f"{statistics.median(values):12.0f}" if values else f"{'-':>12}")
        print(f"{key:<34}" + "".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--other", type=Path, action="append", default=[], help="another checkout (repeatable)"
    )
    parser.add_argument("--loads", type=int, default=8)
    parser.add_argument(
        "--floor", action="store_true", help="also Streamlit alone (bench/floor_app.py)"
    )
    parser.add_argument("--cold", action="store_true", help="a new browser profile per load")
    parser.add_argument("--query", default="", help='e.g. "?region=53"')
    args = parser.parse_args()
    dirs = {path.resolve().name: path.resolve() for path in args.other}
    dirs["this"] = REPO_DIR
    report(asyncio.run(run(dirs, args.loads, args.cold, args.query, args.floor)))


if __name__ == "__main__":
    main()
