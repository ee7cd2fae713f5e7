"""The département level in the Streamlit app, run headless with AppTest (no browser).

What a user of issue 12 reads: the level switch, a département's profile (key figures, the 16
domains, indicators with value, year, source and rank among the 96, its region at both levels),
"non disponible" where a département has no value (never its region's), the URL state, the
exports and an import at that level.
"""

import re

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from layers.indicators.bundle import IndicatorData, load_indicator_data
from layers.indicators.consolidate import level_table
from layers.render.formatting import NO_DATA_LABEL, format_value
from layers.upload.apply import apply_import
from layers.upload.read import read_table
from layers.upload.validate import validate
from tests.helpers import (
    app_test,
    component_data,
    detail_of,
    indicator_table,
    run_app,
    summary_of,
    texts,
)
from ui.import_panel import LABELS_KEY, SESSION_KEY


@pytest.fixture(scope="module")
def data() -> IndicatorData:
    return load_indicator_data()


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first dataframe shown with ``column``."""
    return next(df.value for df in at.dataframe if column in df.value)


def legend_counts(at: AppTest) -> dict[str, int]:
    """Class label -> number of départements in the class, read from the legend's HTML."""
    legend = next(h.proto.body for h in at.html if "atlas-legend" in h.proto.body)
    assert "<th>Nombre</th>" in legend
    rows = re.findall(r"<tr><td>.*?</td><td>(.*?)</td><td[^>]*>(\d+)</td></tr>", legend)
    return {label: int(count) for label, count in rows}


def run_with_data(bundle: IndicatorData, **params) -> AppTest:
    """The app run once on ``bundle`` as this session's imported data (what the import tab's
    "Utiliser les lignes valides" button stores)."""
    at = app_test(**params)
    at.session_state[SESSION_KEY] = bundle
    at.session_state[LABELS_KEY] = ["essai.csv"]
    return at.run()


def test_the_level_switch_offers_the_96_departements_and_maps_them():
    at = run_app(layer="pauvrete")
    assert "Départements (96)" in at.radio(key="view_level").options
    at.radio(key="view_level").set_value("departement").run()
    assert not at.exception
    assert sum(legend_counts(at).values()) == 96
    assert at.query_params["level"] == "departement"
    assert len(component_data(at, "atlas_map")["regions"]) == 96
    assert component_data(at, "atlas_summary")["hint"].startswith("Cliquez un département")


def test_a_departement_profile_reads_like_the_issue():
    """Seine-Saint-Denis, pauvreté: key figures from the département files, the 16 domains,
    indicators with value, year, France, rank among the 96, how the value was got and its
    source, and its region at both levels."""
    at = run_app(level="departement", layer="pauvrete", region="93")
    assert not at.exception
    summary = summary_of(at, "93")
    assert "<h2>Seine-Saint-Denis</h2>" in summary
    assert "Département de la région <strong>Île-de-France</strong> (11)" in summary
    assert "ancienne région <strong>Île-de-France</strong> (11)" in summary
    population = re.search(r'<th scope="row">Population</th>(.*?)</tr>', summary).group(1)
    assert "1\u202f552\u202f482 habitants" in population
    assert "fr-dpt-pop-2013" in population  # the département file
    assert '<th scope="row">Départements</th>' not in summary
    assert "Les 16 domaines face à la France" in summary
    assert "/96</td>" in summary  # domain ranks among the 96
    table = indicator_table(at)
    row = table[table["Indicateur"].str.startswith("Taux de pauvreté monétaire")].iloc[0]
    assert row["Indicateur"].endswith("★")  # core at this level
    assert (row["Valeur"], row["France"]) == ("27,8", "14,5")
    assert row["Indicateur ·small"].startswith("2013 · ")  # year · unit · origin
    assert row["Rang"] == "1/96"  # the poorest département of metropolitan France
    assert " · lu dans la source · " in row["Indicateur ·small"]
    assert row["Source"].startswith("https://") and "fr-dpt-pauvrete-2013" in row["Source"]
    assert all(str(r) == "—" or str(r).endswith("/96") for r in table["Rang"])
    assert all(str(s).startswith("https://") for s in table["Source"])
    assert "Rang parmi les départements" in detail_of(at)


def test_a_missing_value_is_non_disponible_never_the_regions(data):
    """Paris has no organic farming share in the ITDD file: its row says so, with no rank,
    and shows neither Île-de-France's value nor any other."""
    indicator = "itdd_part_sau_bio_2013"
    assert np.isnan(level_table(data, "departement").loc["75", indicator])
    regional = level_table(data, "2016").loc["11", indicator]
    assert pd.notna(regional)
    at = run_app(level="departement", layer="environnement", region="75")
    assert not at.exception
    table = indicator_table(at)
    row = table[table["Indicateur"].str.contains("bio", case=False)].iloc[0]
    assert row["Valeur"] == NO_DATA_LABEL and row["Rang"] == "—"
    assert format_value(regional, 1, False) not in set(table["Valeur"])


def test_a_departement_without_core_values_gets_no_domain_index_not_its_regions(data):
    """Drop the Nord's two core pauvreté values: its pauvreté index is non disponible (grey on
    the map), although Hauts-de-France and Nord-Pas-de-Calais have one."""
    core = data.catalogue.loc[
        data.core("departement") & (data.catalogue["domain"] == "pauvrete"), "indicator_id"
    ]
    values = data.values
    dropped = (
        (values["level"] == "departement")
        & (values["region_code"] == "59")
        & values["indicator_id"].isin(core)
    )
    assert dropped.sum() == len(core) >= 2
    without = IndicatorData(
        domains=data.domains,
        catalogue=data.catalogue,
        values=values[~dropped].reset_index(drop=True),
        perception=data.perception,
        profiles=data.profiles,
        mapping=data.mapping,
        units=data.units,
        key="test:no-core-poverty-values-for-59",  # the caches key a bundle by its content
    )
    at = run_with_data(without, level="departement", layer="pauvrete", region="59")
    assert not at.exception
    assert legend_counts(at).get(NO_DATA_LABEL) == 1
    assert "données importées" in texts(at)
    table = indicator_table(at)
    core_rows = table[table["Indicateur"].str.endswith("★")]
    assert len(core_rows) == len(core)
    assert set(core_rows["Valeur"]) == {NO_DATA_LABEL} and set(core_rows["Rang"]) == {"—"}


def test_a_departement_link_reopens_it_and_a_bad_code_falls_back():
    at = run_app(level="departement", layer="vieillissement", region="2A")
    assert not at.exception
    assert component_data(at, "atlas_map")["selected"] == "2A"
    assert "<h2>Corse-du-Sud</h2>" in summary_of(at, "2A")
    assert at.query_params["region"] == "2A" and at.query_params["level"] == "departement"
    at = run_app(level="departement", layer="vieillissement", region="20")
    assert not at.exception
    assert at.session_state["view_region"] == ""
    assert component_data(at, "atlas_map")["selected"] == ""


def test_the_exports_work_at_the_departement_level():
    at = run_app(level="departement", layer="emploi", region="13")
    assert not at.exception
    assert "Profil imprimable (HTML)" in [b.label for b in at.get("download_button")]
    at.session_state["tab"] = "Données de la couche"  # tabs compute only when open
    at.run()
    assert "Télécharger la couche (CSV)" in [b.label for b in at.get("download_button")]
    at.button(key="export_gpkg_prepare").click().run()
    assert not at.exception
    assert "Télécharger : GeoPackage (QGIS)" in [b.label for b in at.get("download_button")]
    layer = frame_with(at, "n_indicateurs")
    assert len(layer) == 96 and {"2A", "2B", "13"} <= set(layer["code"])


def test_an_import_at_the_departement_level_is_mapped(data):
    """A user's file of département values, validated and applied as the import tab does,
    is what the map and the profile show at that level."""
    content = (
        "indicateur;niveau;région;valeur\n"
        "taux_pauvrete_2013;departement;59;99,5\n"
        "taux_pauvrete_2013;departement;2B;1,5\n"
    ).encode()
    report = validate(read_table(content, "essai.csv"), data)
    assert report.is_valid, report.to_text()
    at = run_with_data(
        apply_import(data, report),
        level="departement",
        measure="indicateur",
        indicator="taux_pauvrete_2013",
        layer="pauvrete",
        region="59",
    )
    assert not at.exception
    table = indicator_table(at)
    row = table[table["Indicateur"].str.startswith("Taux de pauvreté monétaire")].iloc[0]
    assert row["Valeur"] == "99,5" and row["Rang"] == "1/96"
    assert "données importées" in texts(at)
    at.session_state["tab"] = "Données de la couche"  # tabs compute only when open
    at.run()
    assert not at.exception
    layer = frame_with(at, "valeur")
    shown = layer.set_index("code")["valeur"]
    assert shown["59"] == pytest.approx(99.5) and shown["2B"] == pytest.approx(1.5)
    assert load_indicator_data().values.equals(data.values)  # the shipped files are untouched
