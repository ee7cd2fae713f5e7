"""Browser timings in Debian's Chromium (Playwright): first map paint, click -> profile.

- first paint: from navigation start to the first region polygon drawn (fresh page each time);
- click -> profile: from the mouse click inside a region to its name shown as the profile
  heading (catalyser markers hidden so that the click lands on the region).
Run: ``python -m bench.bench_browser``.
"""

import statistics
import time

from playwright.sync_api import sync_playwright

from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MAP_FRAME,
    POLYGONS,
    click_region,
    hide_catalysers,
    streamlit_server,
)

REGIONS = {
    "32": "Hauts-de-France",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "44": "Grand Est",
    "53": "Bretagne",
}
PAGE_LOADS = 5
CLICK_ROUNDS = 2


def first_paint(browser, url: str) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    start = time.perf_counter()
    page.goto(url)
    page.frame_locator(MAP_FRAME).locator(POLYGONS).first.wait_for(timeout=60_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def click_times(browser, url: str) -> list[float]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(POLYGONS).first.wait_for(timeout=60_000)
    hide_catalysers(page)
    time.sleep(1.5)
    times = []
    for _ in range(CLICK_ROUNDS):
        for code, name in REGIONS.items():
            start = time.perf_counter()
            click_region(page, frame, code)
            page.get_by_role("heading", name=name).wait_for(timeout=30_000)
            times.append(time.perf_counter() - start)
    page.close()
    return times


def main() -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit_server() as url:
            first_paint(browser, url)  # warm the server's caches
            paints = [first_paint(browser, url) for _ in range(PAGE_LOADS)]
            clicks = click_times(browser, url)
        browser.close()
    # No naive baseline here: the obvious folium app loads Leaflet and its plugins from CDNs
    # and never draws on this offline machine (see docs/benchmarks.md).
    print(
        f"first map paint after page load   median {statistics.median(paints):.2f} s "
        f"(min {min(paints):.2f}, max {max(paints):.2f}, n={len(paints)})  goal: <= 2 s"
    )
    print(
        f"click -> profile visible          median {statistics.median(clicks):.2f} s "
        f"(min {min(clicks):.2f}, max {max(clicks):.2f}, n={len(clicks)})  goal: <= 0.5 s"
    )


if __name__ == "__main__":
    main()
