"""End-to-end: the département level in Debian's Chromium, against a real server.

A new user picks "Départements (96)", "Pauvreté", clicks the Nord, and reads its profile.
Every test uses the ``page`` fixture, which fails the test if any request leaves localhost.
"""

import pytest

from bench.browser import (
    SUMMARY_HEADING,
    click_region,
    current_url,
    hide_catalysers,
    open_map,
    region_paths,
    wait_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_level_switch_draws_the_96_departements(app_url, page):
    open_map(page, app_url + "/?layer=pauvrete")
    wait_for(lambda: len(region_paths(page)) == 13, what="13 regions")
    page.get_by_text("Départements (96)", exact=True).click()
    wait_for(lambda: len(region_paths(page)) == 96, what="96 départements")
    wait_for(lambda: "level=departement" in current_url(page), what="level in the URL")
    # The hint comes with the 96 summaries, built once per level after the map (15-30 s cold
    # on a loaded machine).
    page.get_by_text("Cliquez un département sur la carte").wait_for(timeout=120_000)


def test_clicking_the_nord_opens_its_profile(app_url, page):
    open_map(page, app_url + "/?level=departement&layer=pauvrete")
    wait_for(lambda: len(region_paths(page)) == 96, what="96 départements")
    hide_catalysers(page)
    click_region(page, "59", level="departement")
    page.locator(SUMMARY_HEADING).filter(has_text="Nord").wait_for(timeout=10_000)
    page.get_by_text("Département de la région").wait_for(timeout=10_000)
    wait_for(lambda: "region=59" in current_url(page), what="region in the URL")
    page.locator(".st-key-atlas_detail_departement_59").wait_for(timeout=60_000)  # the server's
    # The indicator table is drawn on a canvas: its caption says what it holds.
    page.get_by_text("Rang parmi les départements").wait_for(timeout=30_000)
