"""End-to-end: the atlas in Debian's Chromium, driven by Playwright, against a real server.

Every test uses the ``page`` fixture, which fails the test if any request leaves localhost.
"""

from urllib.parse import quote

import pytest

from bench.browser import (
    choose,
    click_region,
    current_url,
    hide_catalysers,
    open_map,
    region_paths,
    wait_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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
    assert "region=32" in current_url(page)


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


def test_markdown_in_the_url_and_the_commune_box_sends_no_request_out(app_url, page):
    # The page fixture fails the test if the browser fetches http://evil.invalid/...
    payload = "![x](http://evil.invalid/p.png)"
    page.goto(app_url + "/?layer=" + quote(payload) + "&breaks=" + quote(payload))
    box = page.get_by_label("Commune ou code postal")
    box.wait_for(timeout=90_000)  # the URL's warnings (toasts) are drawn by then
    box.fill(payload)
    page.keyboard.press("Enter")
    page.get_by_text("evil.invalid", exact=False).first.wait_for(timeout=30_000)
    page.wait_for_timeout(2_000)  # time for an image the page would fetch
    assert page.locator("img[src*='evil']").count() == 0
