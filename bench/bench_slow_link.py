"""A level switch over a slow link: websocket compression off against on, same run, alternating.

A user far from the server (5 Mbit/s down, 2 up, 40 ms: Chromium's network emulation, which
applies to the websocket) switches the map from the 2016 regions to the 96 départements: the
page then receives the départements' summaries and one domain's details, ~1.1 MB of HTML.
Two servers of this checkout run side by side, one with ``server.enableWebsocketCompression``
false and one with it true (.streamlit/config.toml sets it true). Each load uses a new browser
profile whose cache was warmed by a first visit; the servers' caches are warm too, so the
figure is transfer and drawing, not building.

Printed: seconds from the click on "Départements (96)" to the last websocket message of the
switch (medians), the messages' size once decompressed (the same both ways), and the ratio.
Run: ``python -m bench.bench_slow_link [--rounds N]``.
"""

import argparse
import asyncio
import statistics
from contextlib import ExitStack

from playwright.async_api import async_playwright

from bench.bench_browser import INIT_SCRIPT, VIEWPORT, first_paint
from bench.browser import CHROMIUM, CHROMIUM_ARGS, WHOLE_PAGE, streamlit_process

#: Chromium's network emulation (bytes per second, ms).
SLOW_LINK = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": 5_000_000 / 8,
    "uploadThroughput": 2_000_000 / 8,
}
#: A switch is over once the websocket has been quiet this long (ms).
QUIET_MS = 3000


async def switch(browser, url: str) -> tuple[float, float]:
    """(seconds to the switch's last message, KB received) for one page and one switch."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(INIT_SCRIPT)
    try:
        page = await context.new_page()
        await first_paint(browser, url, page=page)
        for widgets in WHOLE_PAGE:
            await page.locator(widgets).first.wait_for(timeout=60_000)
        await page.wait_for_timeout(1500)
        cdp = await context.new_cdp_session(page)
        await cdp.send("Network.enable")
        await cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
        start = await page.evaluate("performance.now()")
        before = await page.evaluate("window.__bench.ws.length")
        await page.get_by_text("Départements (96)").click()
        while True:
            await page.wait_for_timeout(500)
            messages = await page.evaluate("window.__bench.ws")
            now = await page.evaluate("performance.now()")
            if len(messages) > before and now - messages[-1][0] > QUIET_MS:
                break
        received = messages[before:]
        return (received[-1][0] - start) / 1000, sum(size for _, size in received) / 1000
    finally:
        await context.close()


async def run(urls: dict[str, str], rounds: int) -> dict[str, list]:
    figures = {name: [] for name in urls}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for url in urls.values():  # the servers build the départements' profiles once
            await switch(browser, url)
        names = list(urls)
        for i in range(rounds):
            for name in names[i % 2 :] + names[: i % 2]:
                figures[name].append(await switch(browser, urls[name]))
        await browser.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    settings = {"off": "false", "on": "true"}
    with ExitStack() as stack:
        urls = {
            name: stack.enter_context(
                streamlit_process(
                    timeout_s=180, env={"STREAMLIT_SERVER_ENABLE_WEBSOCKET_COMPRESSION": value}
                )
            ).url
            + "/"
            for name, value in settings.items()
        }
        figures = asyncio.run(run(urls, args.rounds))
    medians = {name: statistics.median(s for s, _ in runs) for name, runs in figures.items()}
    for name, runs in figures.items():
        kb = statistics.median(k for _, k in runs)
        print(
            f"compression {name:<3}: switch to départements, last message after "
            f"{medians[name]:.2f} s (median of {len(runs)}; {kb:.0f} KB decompressed)"
        )
    print(f"ratio off / on: x{medians['off'] / medians['on']:.2f}")


if __name__ == "__main__":
    main()
