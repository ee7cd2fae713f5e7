"""End-to-end: the département level in Debian's Chromium, against a real server.

A new user picks "Départements (96)", "Pauvreté", clicks the Nord, and reads its profile.
Every test uses the ``page`` fixture, which fails the test if any request leaves localhost.
"""

import pytest

from bench.browser import (
    click_region,
    current_url,
    hide_catalysers,
    open_map,
    region_paths,
    wait_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_level_switch_draws_the_96_departements(app_url, page):
    frame = open_map(page, app_url + "/?layer=pauvrete")
    wait_for(lambda: len(region_paths(frame)) == 13, what="13 regions")
    page.get_by_text("Départements (96)", exact=True).click()
    wait_for(lambda: len(region_paths(frame)) == 96, what="96 départements")
    wait_for(lambda: "level=departement" in current_url(page), what="level in the URL")


def test_clicking_the_nord_opens_its_profile(app_url, page):
    frame = open_map(page, app_url + "/?level=departement&layer=pauvrete")
    hide_catalysers(page)
    wait_for(lambda: frame.locator("path.leaflet-interactive").count() == 96, what="no markers")
    click_region(page, frame, "59")
    page.get_by_role("heading", name="Nord").wait_for(timeout=30_000)
    page.get_by_text("Département de la région").wait_for(timeout=10_000)
    wait_for(lambda: "region=59" in current_url(page), what="region in the URL")
    # The indicator table is drawn on a canvas: its caption says what it holds.
    page.get_by_text("Rang parmi les départements").wait_for(timeout=30_000)
