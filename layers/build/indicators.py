"""Build data/indicators/ from the curated reference figures (../shared/reference).

Usage: ``python -m layers.build.indicators``. The curation rules live here, reviewable:
which indicators enter the indices (``CORE``), which are derived ratios (``DERIVED``), the
French domain labels. Outputs are committed, so the app never needs ../shared at run time.
Nothing is estimated: every value is copied from a reference row with its source URL.
"""

import argparse
import re
from pathlib import Path

import pandas as pd

from layers.build import departements
from layers.build.method_page import (
    METHOD_PAGE,
    render_method_sections,
    shorten,
    update_method_page,
)
from layers.indicators.bundle import INDICATORS_DIR, load_indicator_data
from layers.upload.formats import ACTORS

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "shared" / "reference"
#: Level as written in the reference files -> level of data/indicators/ (ids of geo.levels, and
#: "france" for national rows).
REFERENCE_LEVELS = {"old22": "pre2016", "new13": "2016", "france": "france"}
#: Flags that open some reference notes: they say how complete the row is, not where it is from.
FLAGS = ("PARTIEL", "INCOMPLET", "ATTENTION")

#: The 16 domains: id, axis, French label (the PHARE reports' wording), English label.
DOMAINS = [
    ("emploi", "economique", "Emploi / chômage / insertion", "Employment"),
    ("developpement_economique", "economique", "Développement économique",
     "Economic development"),
    ("niveau_de_vie", "economique", "Niveau de vie / pouvoir d'achat", "Standard of living"),
    ("pauvrete", "social", "Pauvreté / lutte contre l'exclusion", "Poverty and exclusion"),
    ("logement", "social", "Mal logement", "Poor housing"),
    ("diversite_handicap", "social", "Diversité / handicap", "Diversity and disability"),
    ("vieillissement", "social", "Vieillissement / intergénérationnel", "Ageing"),
    ("isolement", "social", "Isolement / lien social", "Isolation and social ties"),
    ("education", "societal", "Éducation", "Education"),
    ("sante", "societal", "Santé", "Health"),
    ("securite", "societal", "Sécurité / délinquance", "Safety"),
    ("mobilite", "societal", "Mobilité / transports", "Mobility"),
    ("numerique", "societal", "Accès au numérique", "Digital access"),
    ("culture_loisirs", "societal", "Culture / loisirs", "Culture and leisure"),
    ("environnement", "environnemental", "Environnement / pollution / biodiversité",
     "Environment"),
    ("transition_energetique", "environnemental", "Transition énergétique", "Energy transition"),
]  # fmt: skip
AXES = {
    "economique": ("Critères économiques", "Economic"),
    "social": ("Critères sociaux", "Social"),
    "societal": ("Critères sociétaux", "Societal"),
    "environnemental": ("Critères environnementaux", "Environmental"),
}

#: Indicators that enter the domain indices, with the reason each was chosen (one per concept,
#: complete for the 22 former regions, years as close to 2013-2016 as the data allow).
CORE = {
    "taux_chomage_2014": "taux de chômage annuel Insee, année la plus proche de 2013-2016",
    "taux_emploi_2564_2016_eurostat": "taux d'emploi des 25-64 ans (concept distinct du chômage)",
    "pib_hab_spa_2014_eurostat": "richesse produite par habitant (en SPA, comparable)",
    "dird_par_hab_2013_eurostat": "innovation, R&D (dépense, comme dans les rapports PHARE) ; "
    "personnel de R&D et brevets 2012 mesurent la même notion",
    "creations_entreprises_1000hab_2014": "création d'activité : créations d'entreprises pour "
    "1 000 habitants (rubrique des rapports PHARE ; rapport de deux sommes)",
    "revenu_median_uc_2013": "niveau de vie médian Filosofi (publié pour les deux niveaux)",
    "rapport_interdecile_2013": "inégalités de revenus (publié pour les deux niveaux)",
    "part_menages_imposes_2013": "part des ménages imposés (Filosofi)",
    "taux_pauvrete_2013": "taux de pauvreté monétaire à 60 % (Filosofi)",
    "taux_pauvrete_moins30_2013": "pauvreté des moins de 30 ans (public distinct)",
    "oecd_pieces_par_personne_2013": "surpeuplement : pièces par personne (OCDE)",
    "taux_pauvrete_locataires_2013": "pauvreté des locataires (approximation du mal-logement)",
    "allocataires_aah_2011": "allocataires de l'AAH",
    "beneficiaires_pch_actp_2011": "bénéficiaires de la PCH ou de l'ACTP",
    "part_65plus_2016_eurostat": "vieillissement démographique (part des 65 ans et plus)",
    "beneficiaires_apa_75plus_2011": "perte d'autonomie (APA)",
    "taux_pauvrete_75plus_2013": "pauvreté des 75 ans et plus",
    "oecd_soutien_reseau_social_2014": "soutien du réseau social (OCDE)",
    "oecd_participation_electorale_2012": "participation électorale (lien civique)",
    "eurostat_part_25_64_peu_diplomes_2015": "part des 25-64 ans peu diplômés",
    "eurostat_formation_adultes_25_64_2015": "formation des adultes",
    "eurostat_esperance_vie_ensemble_2015": "espérance de vie à la naissance",
    "oecd_homicides_2014": "homicides (OCDE ; Corse : petits effectifs)",
    "euspi_securite_personnelle_2016": "score de sécurité personnelle (EU-SPI 2016)",
    "eurostat_voitures_particulieres_1000hab_2016": "dépendance à la voiture (lecture discutable)",
    "eurostat_densite_autoroutes_2016": "accessibilité autoroutière (pénalise la Bretagne)",
    "eurostat_menages_internet_haut_debit_2015": "ménages avec accès haut débit",
    "nuitees_par_habitant_2023": "offre touristique : nuitées par habitant (seul indicateur "
    "complet)",
    "oecd_pm25_2014": "pollution de l'air (PM2,5)",
    "eurostat_part_sols_artificialises_2015": "artificialisation des sols",
    "soes_part_elec_renouvelable_conso_2013": "part de l'électricité renouvelable (seul "
    "indicateur complet)",
}

#: Indicators computed as a ratio of two summed counts: scale * sum(num) / sum(den).
DERIVED = [
    {
        "indicator_id": "creations_entreprises_1000hab_2014",
        "domain": "developpement_economique",
        "label_fr": "Créations d'entreprises pour 1 000 habitants",
        "unit": "créations pour 1 000 habitants",
        "year": "2014",
        "direction": -1,
        "numerator": "creations_entreprises_2014",
        "denominator": "population_1janv_2014",
        "scale": 1000,
    },
    {
        "indicator_id": "nuitees_par_habitant_2023",
        "domain": "culture_loisirs",
        "label_fr": "Nuitées touristiques par habitant",
        "unit": "nuitées par habitant",
        "year": "2023",
        "direction": -1,
        "numerator": "eurostat_nuitees_touristiques_2023",
        "denominator": "eurostat_population_1janv_2023",
        "scale": 1,
    },
    {
        "indicator_id": "part_nuitees_non_residents_2023",
        "domain": "culture_loisirs",
        "label_fr": "Part des nuitées de non-résidents",
        "unit": "% des nuitées",
        "year": "2023",
        "direction": -1,
        "numerator": "eurostat_nuitees_non_residents_2023",
        "denominator": "eurostat_nuitees_touristiques_2023",
        "scale": 100,
    },
]
#: Reference profile metrics carried to profiles.csv (French label, unit shown).
PROFILE_METRICS = {
    "gdp": ("PIB", "Md€"),
    "companies": ("Entreprises", "entreprises"),
    "associations": ("Associations", "associations"),
    "employer_associations": ("Associations employeuses", "associations"),
    "establishments": ("Établissements", "établissements"),
    "area": ("Superficie (officielle)", "km²"),
}


def read_reference(name: str) -> pd.DataFrame:
    path = REFERENCE_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: ../shared/reference must sit beside the repo")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def build_domains() -> pd.DataFrame:
    rows = [
        {
            "domain": d,
            "axis": axis,
            "axis_label_fr": AXES[axis][0],
            "label_fr": fr,
            "label_en": en,
            "order": i + 1,
        }
        for i, (d, axis, fr, en) in enumerate(DOMAINS)
    ]
    return pd.DataFrame(rows)


def _source_name(note: str) -> str:
    """The named source: the note's first clause once a completeness flag is skipped."""
    rest = note.strip()
    if rest.startswith(FLAGS):
        # "PARTIEL (4/22 : ... ; ...) ; données Agence Bio ..." or "PARTIEL : ... ; source ..."
        rest = re.sub(r"^\w+\s*(\([^()]*\)\s*[.;:]?|[^;]*;)\s*", "", rest, count=1)
    return shorten(_first_clause(rest), 200)


def _first_clause(text: str) -> str:
    """``text`` up to its first " ; " outside parentheses."""
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth <= 0 and text.startswith(" ; ", i):
            return text[:i].strip()
    return text.strip()


def build_catalogue(ref: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator of the reference plus the derived ratios."""
    rows = []
    sources: dict[str, str] = {}  # source URL -> named source, for notes saying "Même article"
    for indicator_id, group in ref.groupby("indicator_id", sort=False):
        first = group.iloc[0]
        urls = group["source_url"].value_counts()
        source = _source_name(first["note"])
        if source.lower().startswith("même") and urls.index[0] in sources:
            source = sources[urls.index[0]]
        sources.setdefault(urls.index[0], source)
        partial = group["note"].str.contains("PARTIEL").any()
        complete = (group["level"] == "old22").sum() == 22
        rows.append(
            {
                "indicator_id": indicator_id,
                "domain": first["domain"],
                "label_fr": first["label_fr"],
                "unit": first["unit"],
                "year": first["year"],
                "direction": int(first["direction"]),
                "aggregation": first["aggregation"] or "none",
                "weight_indicator": first["weight_indicator"],
                "numerator": "",
                "denominator": "",
                "scale": "",
                "source": source,
                "source_url": urls.index[0],
                "note": first["note"],
                "partial": partial,
                "complete_pre2016": complete,
                "core": indicator_id in CORE,
                "core_reason": CORE.get(indicator_id, ""),
            }
        )
    for spec in DERIVED:
        num = next(r for r in rows if r["indicator_id"] == spec["numerator"])
        den = next(r for r in rows if r["indicator_id"] == spec["denominator"])
        rows.append(
            {
                **spec,
                "aggregation": "ratio",
                "weight_indicator": "",
                "source": shorten(
                    f"Calculé : {spec['numerator']} / {spec['denominator']} — sources : "
                    f"{num['source']} ; {den['source']}",
                    300,
                ),
                "source_url": num["source_url"],
                "note": f"Rapport de deux sommes : {spec['scale']} × {spec['numerator']} / "
                f"{spec['denominator']}, calculé à chaque niveau (jamais saisi).",
                "partial": False,
                "complete_pre2016": num["complete_pre2016"] and den["complete_pre2016"],
                "core": spec["indicator_id"] in CORE,
                "core_reason": CORE.get(spec["indicator_id"], ""),
            }
        )
    catalogue = pd.DataFrame(rows)
    _check_core(catalogue)
    return catalogue


def _check_core(catalogue: pd.DataFrame) -> None:
    core = catalogue[catalogue["core"]]
    missing = set(CORE) - set(catalogue["indicator_id"])
    bad = core[
        ~core["complete_pre2016"]
        | core["partial"]
        | (core["direction"] == 0)
        | (core["aggregation"] == "sum")
    ]
    if missing or not bad.empty:
        raise ValueError(
            f"Core indicators unknown {sorted(missing)} or unfit {bad['indicator_id'].tolist()}"
        )


def build_values(ref: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    main_url = catalogue.set_index("indicator_id")["source_url"]
    values = pd.DataFrame(
        {
            "indicator_id": ref["indicator_id"],
            "level": ref["level"].map(REFERENCE_LEVELS),
            "region_code": ref["region_code"],
            "value": pd.to_numeric(ref["value"]),
            "source_url": ref["source_url"].where(
                ref["source_url"] != ref["indicator_id"].map(main_url), ""
            ),
            "note": ref["note"].where(ref["level"] == "france", ""),
        }
    )
    if values["level"].isna().any():
        raise ValueError(f"Unknown levels: {sorted(set(ref['level']) - set(REFERENCE_LEVELS))}")
    key = ["indicator_id", "level", "region_code"]
    if values.duplicated(key).any():
        raise ValueError(f"Duplicate values: {values[values.duplicated(key)][key].values[:5]}")
    return values.sort_values(key, ignore_index=True)


def build_perception(ref: pd.DataFrame) -> pd.DataFrame:
    """Region and national scores of the three actors; zones and mayors are left out."""
    kept = ref[
        ref["actor"].isin(ACTORS) & ref["level"].isin(["new13", "france"]) & (ref["score_10"] != "")
    ]
    out = pd.DataFrame(
        {
            "survey": kept["survey"],
            "year": kept["year"],
            "actor": kept["actor"],
            "level": kept["level"].map(REFERENCE_LEVELS),
            "region_code": kept["region_code"],
            "domain": kept["domain"],
            "score_10": pd.to_numeric(kept["score_10"]),
            "source_url": kept["source_url"],
            "note": kept["note"],
        }
    )
    key = ["survey", "year", "actor", "level", "region_code", "domain"]
    # Citizens' sécurité 2015 national: two sources disagree (6.6 vs 7.0); the first row, from
    # the PHARE publication that seed 001 also prints, is kept (see the README).
    return out.drop_duplicates(key, keep="first").sort_values(key, ignore_index=True)


def build_profiles(ref: pd.DataFrame) -> pd.DataFrame:
    kept = ref[ref["metric"].isin(PROFILE_METRICS)].copy()
    kept["label_fr"] = kept["metric"].map(lambda m: PROFILE_METRICS[m][0])
    # The reference writes count units in English ("companies"): show the French unit.
    kept["unit"] = kept["unit"].where(
        kept["unit"].isin(["Md€", "km²", "%"]), kept["metric"].map(lambda m: PROFILE_METRICS[m][1])
    )
    kept["value"] = pd.to_numeric(kept["value"])
    return kept[
        [
            "region_code",
            "region_name",
            "metric",
            "label_fr",
            "value",
            "unit",
            "year",
            "source_url",
            "note",
        ]
    ].reset_index(drop=True)


def build(out_dir: Path = INDICATORS_DIR, method_page: Path | None = METHOD_PAGE) -> dict[str, int]:
    """Write the five CSVs and refresh the generated sections of the method page.

    Returns
    -------
    dict
        Row count per file written.
    """
    ref = read_reference("indicators.csv")
    catalogue = build_catalogue(ref)
    domains = build_domains()
    catalogue, values = departements.extend(
        REFERENCE_DIR, domains, catalogue, build_values(ref, catalogue)
    )
    outputs = {
        "domains.csv": domains,
        "catalogue.csv": catalogue,
        "values.csv": values,
        "perception.csv": build_perception(read_reference("perception.csv")),
        "profiles.csv": build_profiles(read_reference("region_profiles.csv")),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in outputs.items():
        frame.to_csv(out_dir / name, index=False, lineterminator="\n")
    if method_page is not None:
        sections = render_method_sections(load_indicator_data(out_dir))
        method_page.write_text(update_method_page(method_page.read_text(), sections))
    return {name: len(frame) for name, frame in outputs.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=INDICATORS_DIR)
    parser.add_argument(
        "--no-method-page", action="store_true", help="leave docs/method.md untouched"
    )
    args = parser.parse_args(argv)
    counts = build(args.out_dir, None if args.no_method_page else METHOD_PAGE)
    print(", ".join(f"{name}: {n} rows" for name, n in counts.items()))


if __name__ == "__main__":
    main()
