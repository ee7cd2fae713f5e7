"""End-to-end: the offline HTML export opens from disk and draws the map like the screen."""

import pandas as pd
import pytest

from bench.browser import MAP, region_points, wait_for
from geo.shapes import read_layer
from layers.render.basemap import LIGHT_NOTE
from layers.render.choropleth import colour_regions, region_geometry, region_styles
from layers.render.exports import legend_entries
from layers.render.legend import legend_html
from layers.render.map_page import standalone_map_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_exported_page_draws_from_disk_with_the_screen_colours_and_a_light_base_map(page, tmp_path):
    regions = read_layer("2016")
    values = pd.Series(range(len(regions)), index=regions["code"], dtype=float)
    coloured, classes = colour_regions(regions, values, k=4)
    styles = region_styles(coloured)
    html = standalone_map_html(
        region_geometry(coloured),
        styles,
        "Test <export>",
        legend_html("Test", "", legend_entries(coloured, classes)),
        "Source : essai",
    )
    path = tmp_path / "carte.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    page.locator(".atlas-map path.leaflet-interactive").first.wait_for(timeout=30_000)
    fills = wait_for(lambda: page.evaluate(f"{MAP}.fills()"), what="fills")
    assert fills == {code: colour for code, (colour, _) in styles.items()}
    assert page.get_by_role("heading", name="Test <export>").count() == 1
    # The light base map (no PMTiles from disk): land, lines and names, and a note saying so.
    # It is drawn under the regions once they are painted (AtlasMap.apply).
    wait_for(lambda: page.evaluate(f"{MAP}.container.dataset.ready") == "true", what="ready")
    assert page.evaluate(f"{MAP}.container.dataset.basemap") == "light"
    assert page.locator(".atlas-basemap-note").inner_text() == LIGHT_NOTE
    assert page.locator(".atlas-basemap-light-label").count() > 10
    lat, lon = region_points("2016")["32"]
    point = page.evaluate(f"([lat, lon]) => {MAP}.pagePoint(lat, lon)", [lat, lon])
    page.mouse.move(point["x"], point["y"])
    page.locator(".atlas-tooltip").filter(has_text="Hauts-de-France").wait_for(timeout=5_000)
    assert all(url.startswith("file://") for url in page.requests)
