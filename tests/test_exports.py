"""Exports: the PNG map, the joined layer (GeoPackage, Shapefile), offline HTML, profile."""

import io
import json
import re
import zipfile

import geopandas as gpd
import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pyogrio
import pytest
from matplotlib.text import Text
from shapely.geometry import box

from geo.shapes import read_layer
from layers.render.basemap import light_geojson
from layers.render.choropleth import colour_regions, region_geometry, region_styles
from layers.render.classify import NO_DATA_COLOUR
from layers.render.exports import (
    layer_geopackage,
    layer_shapefile_zip,
    legend_entries,
    map_figure,
    map_png,
    profile_html,
)
from layers.render.legend import legend_html
from layers.render.map_page import standalone_map_html


@pytest.fixture(scope="module")
def coloured():
    """The 13 regions of 2016 with 12 values and one region without data."""
    regions = read_layer("2016")
    values = pd.Series(np.arange(len(regions), dtype=float) * 1.5 + 10, index=regions["code"]).drop(
        "94"
    )
    return colour_regions(regions, values, k=5, unit="%")


@pytest.fixture(scope="module")
def png(coloured):
    frame, classes = coloured
    return map_png(frame, classes, "Taux test", "% de la population", "Insee", "données 2014")


def test_png_is_wide_enough_and_not_blank(png):
    image = mpimg.imread(io.BytesIO(png))
    assert image.shape[1] == 1800 and image.shape[1] >= 1600
    rgb = (image[..., :3] * 255).round().astype(int)
    colours = {tuple(c) for c in rgb.reshape(-1, 3)[::7]}
    assert len(colours) > 20  # map classes, grey, text anti-aliasing
    assert rgb.std() > 20
    white = (rgb == 255).all(axis=-1).mean()
    assert 0.3 < white < 0.95


@pytest.mark.parametrize("text", ["$5 puis $10", r"$\frac{", "50 $ et 100 $", r"$x^2$ \$", "$$"])
def test_png_draws_dollars_as_typed_and_never_crashes(coloured, text):
    frame, classes = coloured
    fig = map_figure(frame, classes, f"Enquête {text}", text, f"source {text}", "2024")
    texts = [t for t in fig.findobj(Text) if t.get_text()]
    assert any(t.get_text() == f"Enquête {text}" for t in texts)
    assert all(not t.get_parse_math() and not t.get_usetex() for t in texts)
    assert map_png(frame, classes, f"Enquête {text}", text, text, "2024").startswith(b"\x89PNG")
    # As the app calls it: with the light base map, whose town names are texts too.
    with_basemap = map_figure(frame, classes, text, text, text, "2024", basemap=light_geojson())
    assert all(not t.get_parse_math() for t in with_basemap.findobj(Text) if t.get_text())


def test_png_uses_the_map_colours(coloured, png):
    frame, _ = coloured
    rgb = (mpimg.imread(io.BytesIO(png))[..., :3] * 255).round().astype(int).reshape(-1, 3)
    present = {"#{:02x}{:02x}{:02x}".format(*c) for c in np.unique(rgb, axis=0)}
    assert set(frame["colour"]) <= present
    assert NO_DATA_COLOUR in present


def test_png_refuses_a_small_width(coloured):
    frame, classes = coloured
    with pytest.raises(ValueError, match="width_px must be at least 1600, got 800"):
        map_png(frame, classes, "t", "u", "s", "d", width_px=800)


def test_legend_always_has_the_no_data_class(coloured):
    frame, classes = coloured
    entries = legend_entries(frame, classes)
    assert entries[-1] == (NO_DATA_COLOUR, "pas de donnée", 1)
    assert sum(count for _, _, count in entries) == 13
    full = colour_regions(
        frame[["code", "nom", "geometry"]], frame.set_index("code")["value"].fillna(1.0)
    )
    assert legend_entries(*full)[-1] == (NO_DATA_COLOUR, "pas de donnée", 0)


def test_geopackage_has_the_codes_and_values(coloured, tmp_path):
    frame, _ = coloured
    path = tmp_path / "couche.gpkg"
    path.write_bytes(layer_geopackage(frame))
    back = pyogrio.read_dataframe(path)
    assert back["code"].tolist() == frame["code"].tolist()
    pd.testing.assert_series_equal(back["value"], frame["value"], check_names=False)
    assert back["colour"].tolist() == frame["colour"].tolist()
    assert back.crs.to_epsg() == 4326
    assert pyogrio.list_layers(path)[0][0] == "regions"


def test_geopackage_extra_columns(coloured, tmp_path):
    frame, _ = coloured
    frame = frame.assign(rang=range(len(frame)))
    path = tmp_path / "x.gpkg"
    path.write_bytes(layer_geopackage(frame, extra_columns=["rang"]))
    assert pyogrio.read_dataframe(path)["rang"].tolist() == list(range(13))
    with pytest.raises(KeyError, match="Unknown extra_columns"):
        layer_geopackage(frame, extra_columns=["absent"])


def test_shapefile_zip(coloured, tmp_path):
    frame, _ = coloured
    archive = zipfile.ZipFile(io.BytesIO(layer_shapefile_zip(frame)))
    assert {"regions.shp", "regions.dbf", "regions.shx", "regions.prj", "regions.cpg"} <= set(
        archive.namelist()
    )
    archive.extractall(tmp_path)
    back = pyogrio.read_dataframe(tmp_path / "regions.shp")
    assert back["code"].tolist() == frame["code"].tolist()
    assert back["nom"].tolist() == frame["nom"].tolist()  # accents survive (UTF-8 .cpg)
    assert {"libelle", "classe", "couleur"} <= set(back.columns)


def _page(coloured, title: str = "Taux", caption: str = "Insee") -> str:
    frame, classes = coloured
    return standalone_map_html(
        region_geometry(frame),
        region_styles(frame),
        title,
        legend_html(title, "%", legend_entries(frame, classes)),
        caption,
    )


def test_standalone_html_has_no_remote_script_or_stylesheet(coloured):
    page = _page(coloured)
    assert not re.search(r"<script[^>]+src=[\"']?https?:", page)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", page)
    assert "L.map(" in page and "Leaflet" in page  # Leaflet itself is inlined
    assert "window.Atlas" in page  # the screen's drawing code
    assert "Hauts-de-France" in page


def test_standalone_html_carries_the_screen_colours_and_labels(coloured):
    frame, _ = coloured
    page = _page(coloured)
    data = page.split('id="atlas-data">', 1)[1].split("</script>", 1)[0]
    payload = json.loads(data)
    assert payload["regions"] == region_styles(frame)
    assert len(payload["geometry"]["features"]) == 13


def test_standalone_html_escapes_titles_and_data_in_scripts(coloured):
    page = _page(coloured, title="</script><script>alert(1)</script>", caption="<b>x</b>")
    assert "<script>alert(1)" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page  # title, legend
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    data = page.split('id="atlas-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)["value_title"].startswith("</script>")


def test_profile_html_is_escaped_and_printable():
    table = pd.DataFrame(
        {"Indicateur": ["<script>alert(1)</script>", "Taux & co"], "Valeur": [2345.7, np.nan]}
    )
    page = profile_html("Région <Test>", [("Chiffres <clés>", table)], ["Source : « x » & y"])
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<h1>Région &lt;Test&gt;</h1>" in page
    assert "Chiffres &lt;clés&gt;" in page and "Taux &amp; co" in page
    assert "2\u202f346" in page and "pas de donnée" in page
    assert "@media print" in page and "Source : « x » &amp; y" in page


def test_profile_html_with_an_empty_section():
    assert "<p>pas de donnée</p>" in profile_html("t", [("vide", pd.DataFrame())], [])


def test_exports_on_tiny_inline_geometries(tmp_path):
    regions = gpd.GeoDataFrame(
        {"code": ["01", "02"], "nom": ["Est", "Ouest"]},
        geometry=[box(0, 45, 1, 46), box(1, 45, 2, 46)],
        crs="EPSG:4326",
    )
    frame, classes = colour_regions(regions, pd.Series({"01": 1.0, "02": 2.0}), k=2)
    image = mpimg.imread(io.BytesIO(map_png(frame, classes, "t", "u", "s", "d", width_px=1600)))
    assert image.shape[1] == 1600
    path = tmp_path / "t.gpkg"
    path.write_bytes(layer_geopackage(frame))
    assert pyogrio.read_dataframe(path)["value"].tolist() == [1.0, 2.0]


def test_standalone_html_links_no_file_of_the_app(coloured):
    """The offline page inlines every script and stylesheet it needs: a link to the app's static
    folder would leave it blank when opened from disk."""
    page = _page(coloured)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?/app/static""", page)
    assert "<script src=" not in page and "<link rel=" not in page
