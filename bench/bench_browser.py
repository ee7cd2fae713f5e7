"""Browser benchmark: the old map path against the new one, same run, alternating (Chromium).

Two Streamlit servers run side by side: OLD is ``main`` at :data:`bench.baseline.BASELINE_COMMIT`
(folium in streamlit-folium's iframe, the whole script rerun per click, the same base map and
data), extracted from git by ``bench/baseline.py``; NEW is this checkout (the map and summary
components, a fragment per click); ``--baseline COMMIT`` puts another commit on the OLD side
(e.g. ``340039b``, the first map component, driven like NEW). Every figure is measured on
both, alternating which goes first, and reported as medians with the ratio OLD / NEW. Times
are taken in the page (``performance.now()``), from the pointer event of the click, not from
Python, so Playwright's own overhead is left out.

- first paint: navigation start -> the first region polygon in the DOM (next animation
  frame), warm (the same browser profile, its HTTP cache filled: a new tab each time, and
  the same tab reloaded), warm in a profile kept on disk (a new tab each time: a returning
  user's browser, whose compiled-code cache Playwright's in-memory profiles lack) and cold (a
  new in-memory profile each time); the servers' caches are warm in all (a first load is made
  before measuring); each load is left to settle (its whole page drawn, the websocket quiet
  for 1 s) before the next starts: closed at its polygon, the page's full run went on in the
  server and the browser during the next load, which made cold loads ~2 s slower (5.06 s
  against 3.20 s, same machine and hour: docs/benchmarks.md);
- Streamlit's floor: the same three loads of ``bench/floor_app.py`` (a title and a custom
  component that draws one shape, served by the same Streamlit with the same configuration),
  navigation start -> its shape in the DOM: no map a component draws can appear sooner
  (``--no-floor`` leaves it out);
- click -> name: the clicked region's name in the profile heading (h2/h3, next frame);
- click -> full profile: name shown and the profile's last content element drawn: the
  indicator table of the detail (drawn in the browser since layers/render/profile_detail.py);
  for apps whose detail the server draws, its printable-page button with no element of the
  page still stale;
- click -> server's run drawn: the printable-page button of the clicked region drawn and no
  element of the page still stale (the server's run for the click is drawn);
- click -> the click sent on the websocket, and -> the server's first and last messages
  before the full profile: what comes after the last one is the browser drawing;
- bytes per click: websocket messages received from the click to 0.5 s after the full profile;
- load: N concurrent sessions (one browser, a context each) clicking regions for S seconds:
  click -> name and -> full, p50 and p90, and errors (a click not answered in 15 s, a page
  error, a Streamlit exception shown).

Catalyser markers are hidden in both apps before clicking (so that a click lands on a region).
Run: ``python -m bench.bench_browser`` (about 15 minutes; ``--help`` for shorter runs). Raw
figures go to ``bench/out/bench_browser.json``.
"""

import argparse
import asyncio
import json
import statistics
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from playwright.async_api import async_playwright

from bench.baseline import BASELINE_COMMIT, baseline_dir
from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FLOOR_SCRIPT,
    REPO_DIR,
    ROOTS_JS,
    is_local,
    streamlit_process,
)
from geo.shapes import read_layer

REGIONS = {
    "32": "Hauts-de-France",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "44": "Grand Est",
    "53": "Bretagne",
}
VIEWPORT = {"width": 1400, "height": 1000}
CLICK_TIMEOUT_MS = 15_000
OUT = REPO_DIR / "bench" / "out" / "bench_browser.json"

# Installed in every page before its own scripts: websocket byte counts, the first region
# polygon, and a per-click recorder polled at each animation frame.
INIT_SCRIPT = (
    ROOTS_JS
    + """
(() => {
  const bench = (window.__bench = { ws: [], sent: [], firstPolygon: null, errors: [] });
  const size = (d) => (d == null ? 0 : d.byteLength ?? d.size ?? d.length ?? 0);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => bench.ws.push([performance.now(), size(e.data)]));
    }
    send(data) {
      bench.sent.push(performance.now());
      return super.send(data);
    }
  };
  window.addEventListener("error", (e) => bench.errors.push(String(e.message)));
  const roots = atlasRoots; // bench/browser.py ROOTS_JS
  bench.roots = roots;
  const polygon = () => roots().some((r) => r.querySelector("path.leaflet-interactive"));
  const watch = () => {
    if (polygon()) { bench.firstPolygon = performance.now(); return; }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  // full: the profile's last content element for the clicked region (readySel) drawn, and,
  // when the server draws it (readySel === settledSel), no element of the page still stale;
  // settled: settledSel drawn and nothing stale (the server's run for the click is drawn).
  bench.arm = (name, headingSel, readySel, settledSel) => {
    const rec = { click: null, name: null, full: null, settled: null };
    const down = () => { if (rec.click === null) rec.click = performance.now(); };
    const windows = [window];
    document.querySelectorAll("iframe").forEach((f) => {
      try { if (f.contentWindow.document) windows.push(f.contentWindow); } catch (e) {}
    });
    windows.forEach((w) => w.addEventListener("pointerdown", down, true));
    let scope = roots();
    let frames = 0;
    bench.pending = new Promise((resolve) => {
      const started = performance.now();
      const poll = () => {
        const now = performance.now();
        if (++frames % 10 === 0) scope = roots();
        if (rec.click !== null && rec.name === null) {
          const shown = scope.some((r) =>
            Array.from(r.querySelectorAll(headingSel)).some((h) => h.textContent.trim() === name));
          if (shown) rec.name = now;
        }
        const stale = document.querySelector('[data-stale="true"]');
        if (rec.name !== null && rec.full === null) {
          const ready = scope.some((r) => r.querySelector(readySel));
          if (ready && (readySel !== settledSel || !stale)) rec.full = now;
        }
        if (rec.name !== null && rec.settled === null) {
          const ready = scope.some((r) => r.querySelector(settledSel));
          if (ready && !stale) rec.settled = now;
        }
        if ((rec.full !== null && rec.settled !== null) || now - started > __TIMEOUT__) {
          windows.forEach((w) => w.removeEventListener("pointerdown", down, true));
          resolve(rec);
          return;
        }
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
  };
})();
""".replace("__TIMEOUT__", str(CLICK_TIMEOUT_MS))
)


@dataclass(frozen=True)
class Variant:
    """How to drive one app: where it runs from, its heading, its map API, its last element."""

    name: str
    app_dir: Path
    heading: str  # the profile heading's tag
    point_js: str  # (lat, lon) -> page point of that place on the map
    ready: str  # selector of the profile's last content element, "{level}" and "{code}" filled in
    settled: str = ""  # selector of what the server's run draws last ("": ``ready``)
    env: tuple[tuple[str, str], ...] = ()  # extra environment of the server
    script: str = "streamlit_app.py"  # the app's entry, in ``app_dir``


OLD = Variant(
    name="old",
    app_dir=Path(),  # set in main() (extracted from git)
    heading="h3",
    point_js="""([lat, lon]) => {
        const frame = document.querySelector("iframe[title='streamlit_folium.st_folium']");
        const map = frame.contentWindow.map;
        const p = map.latLngToContainerPoint([lat, lon]);
        const box = map.getContainer().getBoundingClientRect();
        const outer = frame.getBoundingClientRect();
        return {x: outer.left + box.left + p.x, y: outer.top + box.top + p.y};
    }""",
    ready='[data-testid="stDownloadButton"]',
)
NEW = Variant(
    name="new",
    app_dir=REPO_DIR,
    heading="h2",
    point_js="([lat, lon]) => [...window.Atlas.maps][0].pagePoint(lat, lon)",
    ready='.atlas-detail[data-detail="{level}/{code}"] .atlas-detail-table',
    settled='.st-key-atlas_detail_{level}_{code} [data-testid="stDownloadButton"]',
)
#: Streamlit alone (bench/floor_app.py), driven only for the first paint.
FLOOR = "floor"
#: The new app with Streamlit's garbage collection after every run (its default), to weigh
#: ``runner.postScriptGC = false`` (.streamlit/config.toml).
NEW_GC = Variant(
    **{**NEW.__dict__, "name": "new_gc", "env": (("STREAMLIT_RUNNER_POST_SCRIPT_GC", "true"),)}
)


def region_points(level: str = "2016") -> dict[str, tuple[float, float]]:
    """A point inside each region (lat, lon), where a click surely lands on it."""
    return {
        row.code: (row.geometry.representative_point().y, row.geometry.representative_point().x)
        for row in read_layer(level).itertuples()
    }


POINTS = region_points()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p90(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=10)[-1]


#: What a first paint waits for: the atlas's first region polygon (the floor app's shape).
POLYGON = "firstPolygon"


async def open_page(context, url: str, timeout_s: float = 90, page=None):
    """Load ``url`` in a new tab of ``context`` (or in ``page``, reloaded) until the first
    polygon (the floor app's shape)."""
    page = page or await context.new_page()
    await page.goto(url, timeout=timeout_s * 1000, wait_until="domcontentloaded")
    deadline = time.monotonic() + timeout_s
    while await page.evaluate(f"window.__bench.{POLYGON}") is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {POLYGON} at {url}")
        await asyncio.sleep(0.05)
    return page


#: The page has settled: its websocket quiet for a second, no element drawn stale.
SETTLED = """(() => { const ws = window.__bench.ws;
  const last = ws.length ? ws[ws.length - 1][0] : 0;
  return performance.now() - last > 1000 && !document.querySelector('[data-stale="true"]'); })()"""


async def settled(page, timeout_s: float = 90) -> None:
    """Wait until ``page`` has drawn what follows its first paint (the whole page's run), so
    that the next timed load does not share the server and the two cores with it, as no user's
    first load does."""
    deadline = time.monotonic() + timeout_s
    while not await page.evaluate(SETTLED) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)


async def first_paint(browser, url: str, context=None, timeout_s: float = 90, page=None) -> float:
    """Seconds from navigation start to the first polygon: in a new tab of ``context`` (a new
    context if None), or in ``page`` (the same tab, loaded again; it stays open)."""
    own = context is None and page is None
    if own:
        context = await new_context(browser, watch_requests=False)
    shown = await open_page(context, url, timeout_s, page)
    seconds = await shown.evaluate(f"window.__bench.{POLYGON}") / 1000
    await settled(shown, timeout_s)
    if page is None:
        await shown.close()
    if own:
        await context.close()
    return seconds


async def profile_context(pw, directory: str):
    """A browser of its own whose profile lives in ``directory`` (caches kept on disk)."""
    context = await pw.chromium.launch_persistent_context(
        directory,
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        viewport=VIEWPORT,
        locale="fr-FR",
    )
    await context.add_init_script(INIT_SCRIPT)
    return context


async def new_context(browser, watch_requests: bool = True):
    """A new in-memory profile; ``watch_requests`` lists in ``context.outside`` the requests that
    leave the machine. First paints are timed without it: Playwright then reports every request
    to Python, which made a cold load ~0.2 s slower (6 loads alternated), a cost no user pays."""
    context = await browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    await context.add_init_script(INIT_SCRIPT)
    context.outside = []
    if watch_requests:
        context.on("request", lambda r: None if is_local(r.url) else context.outside.append(r.url))
    return context


async def hide_catalysers(page) -> None:
    await page.get_by_text("Afficher les catalyseurs territoriaux").click()
    await asyncio.sleep(2.0)


async def click(page, variant: Variant, code: str, name: str) -> dict:
    """One click on a region: times (s) from the click to the name and to the full profile,
    and websocket bytes received; ``error`` when it did not complete."""
    ready = variant.ready.format(level="2016", code=code)
    settled = (variant.settled or variant.ready).format(level="2016", code=code)
    await page.evaluate(
        "([n, h, r, s]) => window.__bench.arm(n, h, r, s)",
        [name, variant.heading, ready, settled],
    )
    point = await page.evaluate(variant.point_js, list(POINTS[code]))
    await page.mouse.click(point["x"], point["y"])
    rec = await page.evaluate("window.__bench.pending")
    if rec["full"] is None or rec["settled"] is None or rec["click"] is None:
        return {"error": f"click on {code}: not complete in {CLICK_TIMEOUT_MS} ms ({rec})"}
    await asyncio.sleep(0.5)
    received = await page.evaluate(
        "([a, b]) => window.__bench.ws.filter(([t]) => t >= a && t <= b)"
        ".reduce((s, [, n]) => s + n, 0)",
        [rec["click"], max(rec["full"], rec["settled"]) + 500],
    )
    # The server's part: its first and last websocket messages between the click and the
    # settled page (what follows the last one is the browser drawing).
    first, last = await page.evaluate(
        "([a, b]) => { const t = window.__bench.ws.map(([t]) => t).filter((t) => t >= a && t <= b);"
        " return t.length ? [t[0], t[t.length - 1]] : [null, null]; }",
        [rec["click"], rec["settled"]],
    )
    sent = await page.evaluate(
        "([a, b]) => window.__bench.sent.find((t) => t >= a && t <= b) ?? null",
        [rec["click"], rec["settled"]],
    )
    shown = await page.locator("[data-testid='stException']").count()
    out = {
        "sent_s": (sent - rec["click"]) / 1000 if sent is not None else float("nan"),
        "name_s": (rec["name"] - rec["click"]) / 1000,
        "full_s": (rec["full"] - rec["click"]) / 1000,
        "settled_s": (rec["settled"] - rec["click"]) / 1000,
        "first_ws_s": (first - rec["click"]) / 1000 if first is not None else float("nan"),
        "last_ws_s": (last - rec["click"]) / 1000 if last is not None else float("nan"),
        "bytes": received,
    }
    if shown:
        out["error"] = "Streamlit exception shown"
    return out


async def click_series(browser, url: str, variant: Variant, rounds: int) -> list[dict]:
    context = await new_context(browser)
    page = await open_page(context, url)
    await hide_catalysers(page)
    results = []
    for _ in range(rounds):
        for code, name in REGIONS.items():
            results.append(await click(page, variant, code, name))
            await asyncio.sleep(0.3)
    await context.close()
    if context.outside:
        raise AssertionError(f"requests left the machine: {context.outside[:3]}")
    return results


async def load_session(
    browser, url: str, variant: Variant, seconds: float, seed: int, ready: asyncio.Barrier
) -> list:
    """One user: open the page (one user after the other), then click regions in a loop for
    ``seconds``, from the moment every user is ready (``ready``), as fast as answers come."""
    results = []
    context = await new_context(browser)
    page = None
    try:
        async with OPENING:  # pages open one at a time: the load is on clicks, not on start-up
            page = await open_page(context, url, timeout_s=300)
            await hide_catalysers(page)
    except Exception as exc:  # a session that cannot even start counts as an error
        results.append({"error": f"session did not start: {exc!r}"})
    await ready.wait()
    try:
        if page is not None:
            codes = list(REGIONS)
            codes = codes[seed % len(codes) :] + codes[: seed % len(codes)]
            deadline = time.monotonic() + seconds
            i = 0
            while time.monotonic() < deadline:
                code = codes[i % len(codes)]
                results.append(await click(page, variant, code, REGIONS[code]))
                i += 1
                await asyncio.sleep(0.2)
            errors = await page.evaluate("window.__bench.errors")
            results += [{"error": f"page error: {e}"} for e in errors]
    except Exception as exc:
        results.append({"error": repr(exc)})
    finally:
        await context.close()
    return results


OPENING = asyncio.Lock()


async def load_run(browser, url: str, variant: Variant, users: int, seconds: float) -> list:
    ready = asyncio.Barrier(users)
    sessions = await asyncio.gather(
        *(load_session(browser, url, variant, seconds, seed, ready) for seed in range(users))
    )
    return [result for session in sessions for result in session]


def summary(results: list[dict]) -> dict:
    ok = [r for r in results if "error" not in r]
    return {
        "n": len(ok),
        "errors": len(results) - len(ok),
        "name_p50": median([r["name_s"] for r in ok]),
        "name_p90": p90([r["name_s"] for r in ok]),
        "full_p50": median([r["full_s"] for r in ok]),
        "full_p90": p90([r["full_s"] for r in ok]),
        "settled_p50": median([r["settled_s"] for r in ok if "settled_s" in r]),
        "settled_p90": p90([r["settled_s"] for r in ok if "settled_s" in r]),
        "bytes_p50": median([r["bytes"] for r in ok]),
        "sent_p50": median([r["sent_s"] for r in ok if "sent_s" in r]),
        "first_ws_p50": median([r["first_ws_s"] for r in ok if "first_ws_s" in r]),
        "last_ws_p50": median([r["last_ws_s"] for r in ok if "last_ws_s" in r]),
        "first_errors": [r["error"] for r in results if "error" in r][:3],
    }


def line(label: str, a: float, b: float, unit: str, goal: str = "", names=("old", "new")) -> str:
    """One figure for two variants, and the ratio a / b (above 1: b is better)."""
    if unit == "KB":
        a, b = a / 1000, b / 1000
    ratio = a / b if b else float("inf")
    return (
        f"{label:<38} {names[0]} {a:9.3f} {unit:<2} | {names[1]} {b:9.3f} {unit:<2} | "
        f"x{ratio:5.1f}" + (f"  goal: {goal}" if goal else "")
    )


def alternate(items: list, i: int) -> list:
    """``items`` rotated by ``i``: each variant goes first in turn."""
    k = i % len(items)
    return items[k:] + items[:k]


def old_variant(commit: str) -> Variant:
    """The app at ``commit``, driven as the folium app or, if it has it, as the map component
    (with the detail drawn by the server, before layers/render/profile_detail.py)."""
    app_dir = baseline_dir(commit)
    if (app_dir / "layers" / "render" / "profile_detail.py").is_file():
        return Variant(**{**NEW.__dict__, "name": "old", "app_dir": app_dir})
    if (app_dir / "ui" / "atlas_component.py").is_file():
        return Variant(**{**NEW.__dict__, "name": "old", "app_dir": app_dir, "ready": NEW.settled})
    return Variant(**{**OLD.__dict__, "app_dir": app_dir})


async def run(args) -> dict:
    variants = [old_variant(args.baseline), NEW]
    if args.with_gc:
        variants.append(NEW_GC)
    figures: dict = {
        v.name: {
            "warm": [],
            "profile": [],
            "reload": [],
            "cold": [],
            "clicks": [],
            "load": [],
            "rss_mb": {},
        }
        for v in variants
    }
    kinds = {v.name: v for v in variants}  # the apps whose first paint is timed
    if args.floor:
        kinds[FLOOR] = Variant(**{**NEW.__dict__, "name": FLOOR, "script": FLOOR_SCRIPT})
        figures[FLOOR] = {"warm": [], "profile": [], "reload": [], "cold": []}
    with ExitStack() as stack:
        servers = {
            name: stack.enter_context(
                streamlit_process(
                    timeout_s=180, script=v.script, app_dir=v.app_dir, env=dict(v.env)
                )
            )
            for name, v in kinds.items()
        }
        urls = {name: server.url for name, server in servers.items()}
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name in kinds:  # a first load fills the servers' caches
                figures[name]["server_cold"] = await first_paint(browser, urls[name], timeout_s=300)
            warm_contexts = {
                name: await new_context(browser, watch_requests=False) for name in kinds
            }
            tabs = {name: await context.new_page() for name, context in warm_contexts.items()}
            # A returning user's browser keeps its caches on disk, compiled code included
            # (Chromium's code cache); Playwright's contexts keep theirs in memory only.
            profiles = {
                name: await profile_context(pw, stack.enter_context(TemporaryDirectory()))
                for name in kinds
            }
            for name in kinds:
                await first_paint(browser, urls[name], warm_contexts[name])
                await first_paint(browser, urls[name], page=tabs[name])
                for _ in range(2):
                    await first_paint(browser, urls[name], profiles[name])
            for i in range(args.loads):
                for name in alternate(list(kinds), i):
                    url = urls[name]
                    figures[name]["warm"].append(
                        await first_paint(browser, url, warm_contexts[name])
                    )
                    figures[name]["profile"].append(await first_paint(browser, url, profiles[name]))
                    figures[name]["reload"].append(await first_paint(browser, url, page=tabs[name]))
                    figures[name]["cold"].append(await first_paint(browser, url))
            for context in [*warm_contexts.values(), *profiles.values()]:
                await context.close()
            for i in range(args.click_rounds):
                for v in alternate(variants, i):
                    figures[v.name]["clicks"] += await click_series(
                        browser, urls[v.name], v, rounds=2
                    )
            for v in variants:
                figures[v.name]["rss_mb"]["before_load"] = servers[v.name].rss_mb()
            for i in range(args.load_rounds):
                for v in alternate(variants, i):
                    figures[v.name]["load"] += await load_run(
                        browser, urls[v.name], v, args.users, args.load_seconds
                    )
                    figures[v.name]["rss_mb"][f"after_load_{i + 1}"] = servers[v.name].rss_mb()
            await browser.close()
    return figures


#: (label, figure kind, statistic, unit, goal) of the report, in order.
ROWS = [
    ("first paint, warm, a new tab (median)", "warm", "median", "s", "<= 1.5 s"),
    ("first paint, warm, a new tab, profile on disk", "profile", "median", "s", "<= 1.5 s"),
    ("first paint, warm, the same tab again (median)", "reload", "median", "s", "<= 1.5 s"),
    ("first paint, cold browser (median)", "cold", "median", "s", "<= 2 s"),
    ("first paint, server's first load", "server_cold", "value", "s", ""),
    ("click -> name shown (median)", "clicks", "name_p50", "s", "<= 0.1 s"),
    ("click -> name shown (p90)", "clicks", "name_p90", "s", ""),
    ("click -> full profile (median)", "clicks", "full_p50", "s", "<= 0.3 s"),
    ("click -> full profile (p90)", "clicks", "full_p90", "s", ""),
    ("click -> server's run drawn (median)", "clicks", "settled_p50", "s", ""),
    ("click -> server's run drawn (p90)", "clicks", "settled_p90", "s", ""),
    ("click -> the click sent to the server (median)", "clicks", "sent_p50", "s", ""),
    ("click -> server's first message (median)", "clicks", "first_ws_p50", "s", ""),
    ("click -> server's last message (median)", "clicks", "last_ws_p50", "s", ""),
    ("websocket bytes per click (median)", "clicks", "bytes_p50", "KB", ""),
    ("{users} users: click -> name (p50)", "load", "name_p50", "s", ""),
    ("{users} users: click -> name (p90)", "load", "name_p90", "s", "<= 1.5 s"),
    ("{users} users: click -> full (p50)", "load", "full_p50", "s", ""),
    ("{users} users: click -> full (p90)", "load", "full_p90", "s", ""),
    ("{users} users: click -> server's run drawn (p90)", "load", "settled_p90", "s", ""),
]


def figure(figures: dict, name: str, kind: str, statistic: str) -> float:
    data = figures[name][kind]
    if statistic == "value":
        return data
    if statistic == "median":
        return median(data)
    return summary(data)[statistic]


def compare(figures: dict, a: str, b: str, args) -> None:
    """Print every figure for variants ``a`` and ``b``, then their errors and memory."""
    for label, kind, statistic, unit, goal in ROWS:
        if kind == "load" and not args.load_rounds:
            continue
        print(
            line(
                label.format(users=args.users),
                figure(figures, a, kind, statistic),
                figure(figures, b, kind, statistic),
                unit,
                goal,
                names=(a, b),
            )
        )
    for kind in ("clicks", "load"):
        for name in (a, b):
            s = summary(figures[name][kind])
            if s["n"] or s["errors"]:
                print(f"{kind} {name}: {s['n']} measured, {s['errors']} errors")
            for error in s["first_errors"]:
                print(f"  {name} error: {error}")
    for name in (a, b):
        rss = ", ".join(f"{k} {v:.0f} MB" for k, v in figures[name]["rss_mb"].items())
        print(f"server RSS, {name}: {rss}")


def report(figures: dict, args) -> None:
    if args.baseline == BASELINE_COMMIT:
        print(f"old = main at {BASELINE_COMMIT} (folium + streamlit-folium), new = this checkout")
    else:
        print(f"old = commit {args.baseline}, new = this checkout")
    compare(figures, "old", "new", args)
    if FLOOR in figures:
        print(
            "\nStreamlit alone (bench/floor_app.py: a title and a component's shape, timed to the"
            " shape; the atlas: its first polygon):"
        )
        for label, kind, statistic, unit, goal in ROWS[:5]:
            print(
                line(
                    label,
                    figure(figures, FLOOR, kind, statistic),
                    figure(figures, "new", kind, statistic),
                    unit,
                    goal,
                    names=(FLOOR, "new"),
                )
            )
    if "new_gc" in figures:
        print("\nrunner.postScriptGC = true (new_gc, Streamlit's default) vs false (new):")
        compare(figures, "new_gc", "new", args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=8, help="page loads per variant and kind")
    parser.add_argument("--click-rounds", type=int, default=4, help="pages x 12 clicks each")
    parser.add_argument("--load-rounds", type=int, default=1)
    parser.add_argument("--users", type=int, default=6)
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument(
        "--baseline",
        default=BASELINE_COMMIT,
        help="commit of the OLD app (default: the folium app); e.g. 340039b, the first map "
        "component",
    )
    parser.add_argument(
        "--with-gc", action="store_true", help="also run the new app with postScriptGC = true"
    )
    parser.add_argument(
        "--no-floor",
        dest="floor",
        action="store_false",
        help="leave out Streamlit alone (bench/floor_app.py)",
    )
    args = parser.parse_args()
    figures = asyncio.run(run(args))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=1))
    report(figures, args)


if __name__ == "__main__":
    main()
