import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_map_draws_the_13_regions_offline(app_url, page):
    page.goto(app_url)
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    assert frame.locator("path.leaflet-interactive").count() == 13
