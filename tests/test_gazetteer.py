import pandas as pd
import pytest

from geo.build.communes import full_name
from geo.gazetteer import Gazetteer, GazetteerQueryError, NoMatchError, load_gazetteer


def tiny() -> Gazetteer:
    return Gazetteer.from_table(
        pd.DataFrame(
            {
                "insee_code": ["93066", "97411", "11339", "42218", "76351", "59512"],
                "name": [
                    "Saint-Denis",
                    "Saint-Denis",
                    "Saint-Denis",
                    "Saint-Étienne",
                    "Le Havre",
                    "Roubaix",
                ],
                "departement": ["93", "974", "11", "42", "76", "59"],
                "population": pd.array([141441, 147931, 512, 172565, 170147, 96990], dtype="Int64"),
                "lat": [48.9, -20.9, 43.2, 45.4, 49.5, 50.7],
                "lon": [2.4, 55.4, 2.2, 4.4, 0.1, 3.2],
                "postcodes": ["93200;93210", "97400", "11310", "42000;42100", "76600", "59100"],
            }
        )
    )


def test_homonyms_are_all_returned_most_populous_first():
    found = tiny().search("saint denis")
    assert found["departement"].tolist() == ["974", "93", "11"]
    assert set(found["match"]) == {"exact"}


def test_exact_name_comes_before_longer_names():
    table = tiny().communes
    extra = pd.DataFrame(
        {
            "insee_code": ["76575"],
            "name": ["Saint-Étienne-du-Rouvray"],
            "departement": ["76"],
            "population": pd.array([900000], dtype="Int64"),
            "lat": [49.4],
            "lon": [1.1],
            "postcodes": ["76800"],
        }
    )
    found = Gazetteer.from_table(pd.concat([table, extra])).search("St Etienne")
    assert found["name"].tolist() == ["Saint-Étienne", "Saint-Étienne-du-Rouvray"]
    assert found["match"].tolist() == ["exact", "prefix"]


def test_article_may_be_omitted():
    assert tiny().search("havre")["name"].tolist() == ["Le Havre"]


def test_postcode_finds_its_commune():
    found = tiny().search("93210")
    assert found["name"].tolist() == ["Saint-Denis"] and found["match"].iloc[0] == "postcode"


def test_misspelling_suggests_the_right_commune():
    found = tiny().search("Roubais")
    assert found["name"].iloc[0] == "Roubaix" and found["match"].iloc[0] == "approx"


def test_limit_is_respected():
    assert len(tiny().search("saint", limit=2)) == 2


@pytest.mark.parametrize("query", ["", "   ", "'-.", "x" * 101])
def test_unsearchable_queries_raise_a_clear_error(query):
    with pytest.raises(GazetteerQueryError):
        tiny().search(query)


def test_unknown_place_raises_no_match():
    with pytest.raises(NoMatchError, match="Aucune commune ne correspond"):
        tiny().search("Qwxzzy")


@pytest.mark.parametrize(
    ("name", "tncc", "expected"),
    [
        ("Havre", "2", "Le Havre"),
        ("Haÿ-les-Roses", "5", "L'Haÿ-les-Roses"),
        ("Rochelle", "3", "La Rochelle"),
        ("Lille", "0", "Lille"),
        ("Abymes", "4", "Les Abymes"),
    ],
)
def test_full_name_restores_the_article(name, tncc, expected):
    assert full_name(name, tncc) == expected


def test_full_name_rejects_unknown_tncc():
    with pytest.raises(ValueError, match="TNCC"):
        full_name("X", "9")


# The shipped gazetteer is the subject below.


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("query", ["Saint Etienne", "st-etienne", "SAINT-ÉTIENNE", "st etienne"])
def test_saint_etienne_is_found_first(gazetteer, query):
    first = gazetteer.search(query).iloc[0]
    assert (first["name"], first["departement"], first["insee_code"]) == (
        "Saint-Étienne",
        "42",
        "42218",
    )


def test_shipped_homonyms_carry_their_departement(gazetteer):
    found = gazetteer.search("Saint-Denis")
    exact = found[found["match"] == "exact"]
    assert {"93", "974"} <= set(exact["departement"])
    assert exact["population"].is_monotonic_decreasing


def test_shipped_postcode_59100_is_roubaix(gazetteer):
    assert gazetteer.search("59100")["name"].tolist() == ["Roubaix"]


def test_shipped_misspelling_roubais(gazetteer):
    assert gazetteer.search("Roubais")["name"].iloc[0] == "Roubaix"


def test_shipped_table_covers_all_communes(gazetteer):
    table = gazetteer.communes
    assert len(table[table["kind"] == "COM"]) > 34_000
    assert table["insee_code"].is_unique
    assert {"971", "974", "976", "2A", "2B"} <= set(table["departement"])
    placed = table.dropna(subset=["lat"])
    assert len(table) - len(placed) < 10  # communes restored in 2024 have no point in the source
    assert placed["lat"].between(-22, 52).all() and placed["lon"].between(-62, 56).all()
