"""End-to-end: the offline base map in Chromium, drawn in the atlas's own map (the ``page``
fixture fails on any request that leaves localhost)."""

from urllib.parse import urlparse

import pytest

from bench.browser import BASEMAP_PAINTED as PAINTED
from bench.browser import BASEMAP_SETTLED as SETTLED
from bench.browser import (
    MAP,
    POLYGONS,
    click_region,
    current_url,
    hide_catalysers,
    map_view,
    open_map,
    wait_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def tile_requests(page) -> list[str]:
    # The sync API delivers request events only inside a Playwright call (not during a
    # wait_for loop's sleep): make one, or the list stays as it was.
    page.evaluate("0")
    return [url for url in page.requests if urlparse(url).path.endswith(".pmtiles")]


def settled_map(page, url: str):
    """The page once the regions are drawn and the base map has loaded its tiles.

    The first page of a fresh server takes long on a busy machine: generous time-outs."""
    open_map(page, url, timeout_ms=120_000)
    wait_for(lambda: page.evaluate(SETTLED), timeout_s=90, what="base map loaded")
    return page


def pane_of_centre(page) -> str | None:
    """Pane of the search centre (the circle marker whose tooltip names the commune)."""
    return page.evaluate(
        f"""() => {{ const dot = {MAP}.searchDot; return dot ? dot.options.pane : null; }}"""
    )


def test_base_map_draws_at_france_view_from_local_tiles(app_url, page):
    settled_map(page, app_url)
    tiles = tile_requests(page)
    assert tiles and all(urlparse(u).hostname in {"127.0.0.1", "localhost"} for u in tiles)
    assert {urlparse(u).path.rsplit("/", 1)[1] for u in tiles} == {
        "basemap_base.pmtiles",
        "basemap_ref.pmtiles",
    }
    assert wait_for(lambda: page.evaluate(PAINTED) > 5_000, what="lines and names painted")
    attribution = page.locator(".atlas-map .leaflet-control-attribution").inner_text()
    assert "GSHHG" in attribution and "GeoNames" in attribution
    # Land and sea under the regions (tile pane), names above them in a pane of their own.
    z = page.evaluate(
        f"""() => {{ const m = {MAP}.map; const z = (n) => Number(getComputedStyle(
                m.getPane(n)).zIndex);
            return [z('tilePane'), z('overlayPane'), z('atlasBasemapRef'), z('atlasSearch'),
                    z('atlasMarkers')]; }}"""
    )
    assert z == sorted(z) and z[2] == 450 and z[3] >= 500


def test_the_regions_do_not_wait_for_the_base_map_s_scripts(app_url, page):
    # First paint: the regions are drawn once Leaflet is loaded; the base map's tile viewer
    # (and the clusters' plugin) follow. Held here until the regions are on the page.
    held = []
    page.route("**/protomaps-leaflet.js*", lambda route: held.append(route))
    page.goto(app_url)
    page.locator(POLYGONS).first.wait_for(timeout=60_000)
    wait_for(lambda: held, what="the tile viewer asked for")
    assert page.locator(POLYGONS).count() == 13
    assert page.evaluate(f"{MAP}.container.dataset.basemap") is None  # not drawn yet
    held[0].continue_()
    wait_for(lambda: page.evaluate(SETTLED), timeout_s=60, what="base map loaded")
    assert page.evaluate(f"{MAP}.container.dataset.basemap") == "tiles"


def test_base_map_draws_around_a_searched_commune_and_writes_it(app_url, page):
    settled_map(page, app_url)
    before = len(tile_requests(page))
    page.get_by_label("Commune ou code postal").fill("Villeurbanne")
    page.keyboard.press("Enter")
    page.get_by_text("de Villeurbanne").first.wait_for(timeout=30_000)
    wait_for(lambda: map_view(page)["zoom"] >= 9, what="zoom on the commune")
    wait_for(lambda: page.evaluate(SETTLED), timeout_s=60, what="base map loaded")
    wait_for(lambda: len(tile_requests(page)) > before, what="new tiles for the new view")
    wait_for(lambda: page.evaluate(SETTLED), timeout_s=60, what="base map loaded")
    assert wait_for(lambda: page.evaluate(PAINTED) > 5_000, what="lines and names painted")
    # The base map writes the searched commune itself (first, so no neighbour takes its
    # place), and the search centre and circle sit above the names.
    assert page.evaluate(f"{MAP}.basemapPlace") == "Villeurbanne"
    assert pane_of_centre(page) == "atlasMarkers"
    # Without the base map, the centre's name stays written as a permanent tooltip.
    page.get_by_test_id("stSidebarUserContent").get_by_text("Fond de carte", exact=True).click()
    wait_for(
        lambda: page.evaluate(f"{MAP}.container.dataset.basemap") == "none", what="no base map"
    )
    tip = page.locator(".atlas-map .leaflet-tooltip").filter(has_text="Villeurbanne")
    wait_for(lambda: tip.count() == 1, what="commune written by its marker")
    assert tip.inner_text() == "Villeurbanne"


def test_clicking_a_region_opens_its_profile_with_the_base_map_on(app_url, page):
    settled_map(page, app_url + "/?layer=emploi")
    hide_catalysers(page)
    assert page.evaluate(f"{MAP}.container.dataset.basemap") == "tiles"
    pointer = page.evaluate(
        f"() => getComputedStyle({MAP}.map.getPane('atlasBasemapRef')).pointerEvents"
    )
    assert pointer == "none"
    click_region(page, "32")
    page.get_by_role("heading", name="Hauts-de-France").first.wait_for(timeout=30_000)
    wait_for(lambda: "region=32" in current_url(page), what="region in the URL")


def test_the_switch_turns_the_base_map_off_in_place_and_the_url_keeps_it(app_url, page):
    settled_map(page, app_url)
    start = map_view(page)["zoom"]  # the first view's zoom depends on the window (5.5 here)
    page.locator(".atlas-map .leaflet-control-zoom-in").click()
    zoomed = wait_for(lambda: (v := map_view(page))["zoom"] > start and v, what="zoomed in")
    page.evaluate(f"{MAP}.container.dataset.mark = 'same map'")
    sidebar = page.get_by_test_id("stSidebarUserContent")
    switch = sidebar.locator("label").filter(has_text="Fond de carte").locator("input")
    assert switch.is_checked()  # on by default
    sidebar.get_by_text("Fond de carte", exact=True).click()
    wait_for(lambda: not switch.is_checked(), what="switch off")
    wait_for(lambda: "basemap=0" in current_url(page), timeout_s=60, what="basemap=0")
    wait_for(
        lambda: page.evaluate(f"{MAP}.container.dataset.basemap") == "none", what="no base map"
    )
    assert page.locator(".atlas-map canvas").count() == 0  # no tiles drawn
    assert page.evaluate(f"{MAP}.container.dataset.mark") == "same map"  # not re-mounted
    assert map_view(page) == zoomed
    assert page.locator(POLYGONS).count() >= 13
    sidebar.get_by_text("Fond de carte", exact=True).click()  # and back on, in place too
    wait_for(lambda: page.evaluate(SETTLED), timeout_s=60, what="base map back")
    assert page.evaluate(f"{MAP}.container.dataset.mark") == "same map"
