"""End-to-end: the atlas in Debian's Chromium, driven by Playwright, against a real server.

Every test uses the ``page`` fixture, which fails the test if any request leaves localhost.
"""

import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
POLYGONS = "path.leaflet-interactive"


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


def test_13_regions_then_22_after_switching_level(app_url, page):
    frame = open_map(page, app_url)
    wait_for(lambda: len(region_paths(frame)) == 13, what="13 regions")
    page.get_by_text("Anciennes régions (22)").click()
    wait_for(lambda: len(region_paths(frame)) == 22, what="22 regions")


def test_clicking_a_region_shows_its_profile(app_url, page):
    frame = open_map(page, app_url + "/?layer=emploi")
    hide_catalysers(page)
    wait_for(lambda: frame.locator("path.leaflet-interactive").count() == 13, what="no markers")
    click_region(page, frame, "32")
    heading = page.get_by_role("heading", name="Hauts-de-France")
    heading.wait_for(timeout=30_000)
    page.get_by_text("Région de 2016 formée des anciennes régions").wait_for(timeout=10_000)
    assert "region=32" in page.url


def test_switching_domain_changes_legend_and_colours(app_url, page):
    frame = open_map(page, app_url + "/?layer=emploi")
    page.get_by_text("Emploi / chômage / insertion — indice objectif").first.wait_for()
    before = wait_for(lambda: region_paths(frame), what="colours")
    choose(page, "Couche", "Santé")
    page.get_by_text("Santé — indice objectif").first.wait_for(timeout=30_000)
    after = wait_for(
        lambda: (c := region_paths(frame)) != before and len(c) == 13 and c, what="new colours"
    )
    assert after != before


def test_roubaix_finds_fondation_de_lille_in_the_table_and_on_the_map(app_url, page):
    frame = open_map(page, app_url)
    page.get_by_label("Commune ou code postal").fill("Roubaix")
    page.keyboard.press("Enter")
    page.get_by_text("catalyseur(s) à moins de 30 km de Roubaix").wait_for(timeout=30_000)
    table = page.locator("[data-testid='stDataFrame']").filter(has_text="Distance")
    table.wait_for()
    assert (
        "Fondation de Lille" in table.inner_text() or page.get_by_text("Fondation de Lille").count()
    )
    names = wait_for(
        lambda: frame.locator("body").evaluate(
            """() => {
            const names = [];
            window.map.eachLayer(l => {
                if (l.getLayers && l._featureGroup) {
                    l.getLayers().forEach(m => {
                        const t = m.getTooltip && m.getTooltip();
                        if (t) names.push(String(t.getContent()));
                    });
                }
            });
            return names.filter(n => n.includes('Fondation de Lille'));
        }"""
        ),
        what="marker on the map",
    )
    assert names
