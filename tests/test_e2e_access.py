"""End-to-end, issue 15 "Done means": a user without a mouse opens Bretagne's profile, an English
reader uses the atlas with ``?lang=en``, and a phone-sized page has no horizontal scroll."""

import itertools
import re

import pytest

from bench.browser import (
    MAP,
    SUMMARY_HEADING,
    current_url,
    hide_catalysers,
    open_map,
    wait_for,
)
from i18n import t

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: The region selector (its label, the input's accessible name, is the level's unit noun:
#: "Région" / "Region").
REGION_SELECT = "[data-testid='stSelectbox']:has(input[aria-label='{label}'])"
#: French instruction texts that must not show in the English page (labels, help, hints).
FRENCH_INSTRUCTIONS = [
    t(key)
    for key in (
        "profile.hint",
        "sidebar.level",
        "sidebar.layer",
        "sidebar.measure",
        "sidebar.basemap",
        "sidebar.show_catalysers",
        "catalysers.query",
        "catalysers.with_c",
        "app.tab.table",
        "app.tab.import",
        "profile.close",
        "profile.domain_select",
        "profile.domains_heading",
    )
]


def _focused_select_label(page) -> str:
    """The label of the Streamlit selectbox whose input holds the keyboard focus ("" if none;
    its help button comes first)."""
    return page.evaluate(
        """() => {
            const input = document.activeElement;
            const box = input && input.tagName === "INPUT" &&
                input.closest("[data-testid='stSelectbox']");
            const label = box && box.querySelector("label");
            return label ? label.innerText.trim() : "";
        }"""
    )


def _summary_name(page) -> str:
    heading = page.locator(SUMMARY_HEADING)
    return heading.first.inner_text() if heading.count() else ""


def test_keyboard_only_opens_bretagnes_profile(app_url, page):
    open_map(page, app_url + "/")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # as loaded
    presses = 0
    while _focused_select_label(page) != "Région":
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 60, "the region selector is not reachable with Tab"
    page.keyboard.type("Bretagne")
    page.keyboard.press("Enter")
    wait_for(lambda: _summary_name(page) == "Bretagne", timeout_s=60, what="Bretagne's summary")
    wait_for(lambda: "region=53" in current_url(page), timeout_s=30, what="region in the URL")
    wait_for(lambda: page.evaluate(f"{MAP}.selected") == "53", what="outline on the map")
    detail = page.locator(".atlas-detail[data-detail='2016/53']")  # drawn in the browser
    detail.get_by_role("button", name="Fermer le profil").wait_for(timeout=60_000)
    assert detail.get_by_role("combobox", name="Indicateurs du domaine").count() == 1
    assert detail.get_by_role("table").first.is_visible()
    # The profile's heading is the region's name, an h2 under the page's h1: no level skipped.
    levels = page.evaluate(
        """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
              .filter(h => h.offsetParent !== null && h.innerText.trim())
              .map(h => Number(h.tagName[1]))"""
    )
    assert 1 in levels and levels[0] <= 2  # the sidebar's h2 comes first in the page
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_keyboard_chooses_another_domain_and_closes_the_profile(app_url, page):
    open_map(page, app_url + "/?region=53&layer=emploi")
    detail = page.locator(".atlas-detail[data-detail='2016/53']")
    domains = detail.get_by_role("combobox", name="Indicateurs du domaine")
    domains.wait_for(timeout=60_000)
    domains.focus()
    # Arrow keys change a closed list at once: the domain is asked for once the keys rest.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = domains.input_value()
    assert chosen != "emploi"
    name = domains.locator(f"option[value='{chosen}']").text_content()
    wait_for(
        lambda: detail.locator("caption").first.text_content() == f"Indicateurs : {name}",
        timeout_s=30,
        what="the chosen domain's indicators",
    )
    assert detail.locator(".atlas-pending").count() == 0
    close = detail.get_by_role("button", name="Fermer le profil")
    close.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Cliquez une région sur la carte").wait_for(timeout=10_000)
    wait_for(lambda: page.evaluate(f"{MAP}.selected") == "", what="outline removed")
    wait_for(lambda: "region=" not in current_url(page), what="no region in the URL")


def test_a_map_click_shows_in_the_selector(app_url, page):
    from bench.browser import click_region

    open_map(page, app_url + "/")
    click_region(page, "53")
    box = page.locator(REGION_SELECT.format(label="Région"))
    wait_for(
        lambda: "Bretagne" in box.inner_text() + box.locator("input").input_value(),
        timeout_s=60,
        what="the selector shows the clicked region",
    )
    wait_for(lambda: "region=53" in current_url(page), timeout_s=30, what="region in the URL")


def test_english_everywhere_we_control(app_url, page):
    open_map(page, app_url + "/?lang=en&region=53")
    wait_for(lambda: _summary_name(page) == "Bretagne", timeout_s=60, what="summary")
    page.get_by_text("Close the profile").wait_for(timeout=60_000)
    body = page.locator("body").inner_text()
    for english in ("Level", "Layer", "Measure", "Overall index (16 domains)", "Base map"):
        assert english in body, english
    summary = page.locator(".atlas-summary").first.inner_text()
    assert "The 16 domains against France" in summary and "INSEE code 53" in summary
    assert "Population" in summary and "inhabitants" in summary
    assert page.locator(REGION_SELECT.format(label="Region")).count() == 1
    french = [text for text in FRENCH_INSTRUCTIONS if text in body]
    assert french == []
    assert "Deploy" not in body
    # The method page: English headings over the French text.
    page.get_by_role("tab", name="Method and sources").click()
    page.get_by_role("heading", name="Where the numbers come from").wait_for(timeout=60_000)
    # The switch goes back to French, and the link forgets lang=en.
    page.get_by_text("FR · Français").click()
    page.get_by_role("tab", name="Méthode et sources").wait_for(timeout=60_000)
    wait_for(lambda: "lang=en" not in current_url(page), timeout_s=30, what="lang out of URL")


def test_the_switch_writes_the_language_into_the_link(app_url, page):
    open_map(page, app_url + "/")
    page.get_by_text("EN · English").click()
    page.get_by_text("Show the territorial catalysers").wait_for(timeout=60_000)
    wait_for(lambda: "lang=en" in current_url(page), timeout_s=30, what="lang=en in the URL")


@pytest.mark.parametrize("query", ["?region=53", "?lang=en&region=53"])
def test_a_phone_sized_page_has_no_horizontal_scroll(app_url, browser, query):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        open_map(page, app_url + "/" + query, timeout_ms=120_000)
        wait_for(lambda: _summary_name(page) == "Bretagne", timeout_s=60, what="summary")
        page.locator("[class*='st-key-atlas_detail_2016_53']").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], widths
        # Map first, then the profile; the sidebar starts collapsed.
        map_top = page.locator(".atlas-map").first.bounding_box()["y"]
        summary_top = page.locator(".atlas-summary").first.bounding_box()["y"]
        assert map_top < summary_top
        sidebar = page.locator("[data-testid='stSidebar']")
        assert sidebar.get_attribute("data-collapsed") == "true"
        # The summary's tables fit the page.
        right = page.evaluate(
            """() => Math.max(...[...document.querySelectorAll('*')]
                .filter(e => e.shadowRoot)
                .flatMap(e => [...e.shadowRoot.querySelectorAll('.atlas-summary table')])
                .map(t => t.getBoundingClientRect().right))"""
        )
        assert right <= 390, right
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 1920])
def test_the_profile_fits_its_column(app_url, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        open_map(page, app_url + "/?region=53")
        wait_for(lambda: _summary_name(page) == "Bretagne", timeout_s=60, what="summary")
        overflow = page.evaluate(
            """() => [...document.querySelectorAll('*')]
                .filter(e => e.shadowRoot)
                .flatMap(e => [...e.shadowRoot.querySelectorAll('.atlas-summary table')]
                    .map(t => t.scrollWidth - e.getBoundingClientRect().width))"""
        )
        assert overflow and max(overflow) <= 1, overflow
        assert re.search(r"\d", page.locator(".atlas-summary").first.inner_text())
    finally:
        context.close()


def _tooltip_box(page) -> dict | None:
    tips = page.locator(".atlas-tooltip")
    return tips.count() and tips.last.bounding_box()


@pytest.mark.parametrize("width", [1280, 1920])
def test_the_tooltip_stays_inside_the_map(app_url, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        open_map(page, app_url + "/?basemap=0")
        hide_catalysers(page)  # their markers have tooltips of their own
        # Near the map's west edge (Finistère), east edge (Corse) and top (Nord).
        for lat, lon in [(48.45, -4.4), (42.2, 9.2), (50.95, 2.4)]:
            point = page.evaluate(f"([lat, lon]) => {MAP}.pagePoint(lat, lon)", [lat, lon])
            page.mouse.move(point["x"], point["y"])
            inner = wait_for(lambda: _tooltip_box(page), what="a tooltip")
            outer = page.locator(".atlas-map").first.bounding_box()
            assert inner["x"] >= outer["x"] - 1, (lat, lon, inner, outer)
            assert inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 1, (lat, lon)
            assert inner["y"] >= outer["y"] - 1, (lat, lon, inner, outer)
            page.mouse.move(1, 1)
    finally:
        context.close()
