"""End-to-end: the offline base map in Chromium (the ``page`` fixture fails on any request that
leaves localhost)."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError

from bench.browser import BASEMAP_PAINTED as PAINTED
from bench.browser import BASEMAP_SETTLED as SETTLED
from bench.browser import MAP_FRAME, click_region, current_url, hide_catalysers, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def tile_requests(page) -> list[str]:
    return [url for url in page.requests if urlparse(url).path.endswith(".pmtiles")]


def settled_map(page, url: str):
    """The map frame once the regions are drawn and the base map has loaded its tiles.

    The first page of a fresh server takes long on a busy machine: generous time-outs."""
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=120_000)
    body = frame.locator("body")
    wait_for(lambda: body.evaluate(SETTLED), timeout_s=90, what="base map loaded")
    return frame, body


def test_base_map_draws_at_france_view_from_local_tiles(app_url, page):
    _frame, body = settled_map(page, app_url)
    tiles = tile_requests(page)
    assert tiles and all(urlparse(u).hostname in {"127.0.0.1", "localhost"} for u in tiles)
    assert {urlparse(u).path.rsplit("/", 1)[1] for u in tiles} == {
        "basemap_base.pmtiles",
        "basemap_ref.pmtiles",
    }
    assert wait_for(lambda: body.evaluate(PAINTED) > 5_000, what="lines and names painted")
    attribution = body.locator(".leaflet-control-attribution").inner_text()
    assert "GSHHG" in attribution and "GeoNames" in attribution


def test_base_map_draws_around_a_searched_commune(app_url, page):
    _frame, body = settled_map(page, app_url)
    before = len(tile_requests(page))
    page.get_by_label("Commune ou code postal").fill("Villeurbanne")
    page.keyboard.press("Enter")
    page.get_by_text("de Villeurbanne").first.wait_for(timeout=30_000)
    wait_for(lambda: body.evaluate("() => window.map.getZoom()") >= 9, what="zoom on the commune")
    wait_for(lambda: body.evaluate(SETTLED), timeout_s=60, what="base map loaded")
    assert len(tile_requests(page)) > before  # new tiles for the new view
    assert wait_for(lambda: body.evaluate(PAINTED) > 5_000, what="lines and names painted")
    # The searched commune is written by the base map itself (see _PlaceLabel), and the
    # search centre sits in the marker pane, above the names.
    centre_pane = body.evaluate(
        """() => { let pane = null; window.map.eachLayer(l => {
               if (l.getTooltip && l.getTooltip() &&
                   String(l.getTooltip().getContent()).startsWith('Villeurbanne'))
                   pane = l.options.pane; });
           return pane; }"""
    )
    assert centre_pane == "markerPane"


def test_clicking_a_region_opens_its_profile_with_the_base_map_on(app_url, page):
    frame, body = settled_map(page, app_url + "/?layer=emploi")
    hide_catalysers(page)
    wait_for(lambda: frame.locator("path.leaflet-interactive").count() == 13, what="no markers")
    assert body.evaluate("() => !!window.atlasBasemap")
    pointer = body.evaluate(
        "() => getComputedStyle(document.querySelector('.leaflet-atlasBasemapRef-pane'))"
        ".pointerEvents"
    )
    assert pointer == "none"
    click_region(page, frame, "32")
    page.get_by_role("heading", name="Hauts-de-France").wait_for(timeout=30_000)
    assert "region=32" in current_url(page)


def test_the_switch_turns_the_base_map_off_and_the_url_keeps_it(app_url, page):
    settled_map(page, app_url)
    sidebar = page.get_by_test_id("stSidebarUserContent")
    switch = sidebar.locator("label").filter(has_text="Fond de carte").locator("input")
    assert switch.is_checked()  # on by default
    sidebar.get_by_text("Fond de carte", exact=True).click()
    wait_for(lambda: not switch.is_checked(), what="switch off")
    wait_for(lambda: "basemap=0" in current_url(page), timeout_s=60, what="basemap=0 in the URL")
    # The map is re-mounted: the old iframe lingers until the new one has rendered, and the
    # count may pass through 1 before the new frame is attached; wait for one frame that
    # holds the map.
    frame = page.frame_locator(MAP_FRAME)

    def one_drawn_map() -> bool:
        try:
            if page.locator(MAP_FRAME).count() != 1:
                return False
            return frame.locator("path.leaflet-interactive").count() > 0
        except PlaywrightError:  # a second frame appeared between the two reads
            return False

    wait_for(one_drawn_map, timeout_s=60, what="one map frame with its regions drawn")
    body = frame.locator("body")
    wait_for(lambda: body.evaluate("() => !!window.map"), what="map re-mounted")
    assert body.evaluate("() => window.atlasBasemap === undefined || window.atlasBasemap === null")
    assert body.locator("canvas").count() == 0  # no tiles drawn
