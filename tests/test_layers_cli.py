import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "layers", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_index_emploi_2016_prints_13_rows_hauts_de_france_among_most_fragile():
    result = run("index", "--level", "2016", "--domain", "emploi")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "region_code,region_name,index,rank,n_indicators"
    table = pd.read_csv(io.StringIO(result.stdout), dtype={"region_code": str})
    assert len(table) == 13
    assert table.set_index("region_code").loc["32", "rank"] <= 3


@pytest.mark.parametrize("level,n", [("2016", 13), ("pre2016", 22)])
def test_values_ends_with_france_metropolitaine(level, n):
    result = run("values", "--level", level, "--indicator", "taux_pauvrete_2013")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "region_code,region_name,value"
    assert len(lines) == n + 2
    assert lines[-1].startswith("FRM,France métropolitaine,")


def test_axis_and_overall():
    assert run("index", "--level", "pre2016", "--axis", "social").returncode == 0
    result = run("index", "--level", "2016", "--overall")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 14


def test_index_prints_one_decimal_and_integer_ranks():
    result = run("index", "--level", "pre2016", "--domain", "pauvrete")
    table = pd.read_csv(io.StringIO(result.stdout), dtype=str)
    assert len(table) == 22
    assert table["index"].str.fullmatch(r"\d+\.\d").all()
    assert sorted(table["rank"].astype(int)) == sorted(
        table["index"].astype(float).rank(ascending=False, method="min").astype(int)
    )
    assert table.set_index("region_code").loc["31", "rank"] in {"1", "2", "3"}


def test_values_names_a_france_entiere_reference_as_such():
    result = run("values", "--level", "pre2016", "--indicator", "part_sau_bio_2012")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "FR,France entière,3.77"
    assert "France entière" in result.stderr


def test_values_prints_counts_without_decimals_and_blanks_for_non_disponible():
    result = run("values", "--level", "2016", "--indicator", "population_2013")
    assert "\n32,Hauts-de-France,5987883\n" in result.stdout
    result = run(
        "values", "--level", "2016", "--indicator", "taux_chomage_jeunes_1524_2013_eurostat"
    )
    assert "\n94,Corse,\n" in result.stdout and "non disponible" in result.stderr


def test_values_notes_speak_english_with_lang_en_and_the_csv_is_the_same():
    args = ("values", "--level", "2016", "--indicator", "taux_chomage_jeunes_1524_2013_eurostat")
    french, english = run(*args), run(*args, "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert english.stdout == french.stdout  # the CSV is a contract: no language in it
    assert "Note: not available for 94." in english.stderr
    assert "Note : non disponible pour 94." in french.stderr
    assert "non disponible" not in english.stderr


def test_coverage_is_csv():
    result = run("coverage")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "domain,label_fr,level,n_core_indicators,n_regions_covered,n_regions,core_indicators"
    )
    assert len(lines) == 1 + 3 * 16
    one = run("coverage", "--level", "departement").stdout.splitlines()
    assert len(one) == 1 + 16 and all(",departement," in line for line in one[1:])


@pytest.mark.parametrize(
    "args,expected",
    [
        (("index", "--level", "2016", "--domain", "nope"), "expected one of ['emploi'"),
        (("index", "--level", "2016", "--axis", "nope"), "expected one of ['economique'"),
        (("values", "--level", "2016", "--indicator", "nope"), "taux_pauvrete_2013"),
        (("index", "--level", "1789", "--overall"), "invalid choice: '1789'"),
        (("values", "--level", "2015", "--indicator", "x"), "'2016', 'pre2016', 'departement'"),
    ],
)
def test_unknown_ids_exit_2_listing_valid_ones(args, expected):
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr


def test_values_print_the_sources_precision_and_say_which_are_approximate():
    result = run(
        "values", "--level", "pre2016", "--indicator", "soes_part_elec_renouvelable_conso_2013"
    )
    assert result.returncode == 0, result.stderr
    assert "\n43,Franche-Comté,11.4\n" in result.stdout  # stored as 11.402374557557309
    approximate = run("values", "--level", "2016", "--indicator", "allocataires_aah_2011")
    assert "valeurs approchées" in approximate.stderr and "32" in approximate.stderr
    assert "FRM,France métropolitaine,2.5" in approximate.stdout  # published by the source
    cars = run(
        "values", "--level", "2016", "--indicator", "eurostat_voitures_particulieres_1000hab_2016"
    )
    assert "rupture de série" in cars.stderr


def test_numerique_index_no_longer_puts_corsica_least_fragile():
    result = run("index", "--level", "2016", "--domain", "numerique")
    table = pd.read_csv(io.StringIO(result.stdout), dtype={"region_code": str}).set_index(
        "region_code"
    )
    assert table.loc["94", "rank"] <= 3  # Corsica: 70 % of households with broadband (OCDE)
    assert table["rank"].idxmax() != "94"
