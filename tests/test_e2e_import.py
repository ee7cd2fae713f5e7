"""End-to-end: a user uploads a perception file; the perception layer colours its regions."""

import pytest

from bench.browser import choose, open_map, region_paths, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A test fixture, not data: a made-up survey name so that it cannot be mistaken for a result.
SAMPLE = (
    "enquête;année;acteur;niveau;région;domaine;note\n"
    "ESSAI;2024;citoyens;france;France;emploi;6,0\n"
    "ESSAI;2024;citoyens;2016;Bretagne;emploi;5,4\n"
    "ESSAI;2024;citoyens;2016;occitanie;Emploi;7,2\n"
).encode("cp1252")


def test_uploaded_perception_colours_the_covered_regions(app_url, page, tmp_path):
    sample = tmp_path / "perception.csv"
    sample.write_bytes(SAMPLE)
    open_map(page, app_url + "/?layer=emploi")
    page.get_by_role("tab", name="Importer des données").click()
    page.locator("input[type='file']").set_input_files(str(sample))
    page.get_by_role("button", name="Utiliser les 3 ligne(s) valides").click()
    page.get_by_text("Données importées en cours d'usage").wait_for(timeout=30_000)
    page.get_by_role("tab", name="Atlas").click()
    page.get_by_text("Fragilité perçue (enquêtes)").click()
    choose(page, "Enquête et acteur", "ESSAI 2024")
    page.get_by_text("fragilité perçue (citoyens, ESSAI 2024)").first.wait_for(timeout=30_000)
    colours = wait_for(
        lambda: (c := region_paths(page)) and c.count("#bdbdbd") == 11 and c,
        what="2 coloured regions",
    )
    assert len(colours) == 13 and len(set(colours) - {"#bdbdbd"}) >= 1
