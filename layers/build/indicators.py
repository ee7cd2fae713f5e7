"""Build data/indicators/ from the curated reference figures (../shared/reference).

Usage: ``python -m layers.build.indicators``. The curation rules live here, reviewable:
which indicators enter the indices (``CORE``), which are derived ratios (``DERIVED``), which
consolidation weights are only approximations (``APPROXIMATE_WEIGHTS``), which domains rest on
proxies (``PROXY_DOMAINS``). Domain and axis names and proxy notes are the i18n catalogue's.
Outputs are committed, so the app never needs ../shared at run time. Nothing is estimated:
every value is copied from a reference row with its source URL
(../shared/reference/indicators.csv, plus data/indicators/reference_additions.csv: figures the
shared reference lacks, read from a named source and written in the same format).
"""

import argparse
import re
from pathlib import Path

import pandas as pd

from i18n import t
from layers.build import departements
from layers.build.departements_rules import PROXY_DOMAINS_DEPARTEMENT
from layers.build.method_page import (
    METHOD_PAGE,
    render_method_sections,
    shorten,
    update_method_page,
)
from layers.indicators.bundle import INDICATORS_DIR, load_indicator_data
from layers.render.links import is_http_url
from layers.upload.formats import ACTORS

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "shared" / "reference"
#: Level as written in the reference files -> level of data/indicators/ (ids of geo.levels, and
#: "france" for national rows).
REFERENCE_LEVELS = {"old22": "pre2016", "new13": "2016", "france": "france"}
#: Reference-format rows the shared reference lacks (e.g. the published 2016-region values of
#: Filosofi 2013), each with its source URL: an input of the build, not an output.
ADDITIONS_CSV = INDICATORS_DIR / "reference_additions.csv"
#: Flags that open some reference notes: they say how complete the row is, not where it is from.
FLAGS = ("PARTIEL", "INCOMPLET", "ATTENTION")

#: The 16 domains (id, axis), in display order. Their names in French (the PHARE reports'
#: wording) and English, and the axes' names, are the i18n catalogue's ``domain.<id>`` and
#: ``axis.<axis>`` texts: stated once, for the app and for domains.csv.
DOMAINS = [
    ("emploi", "economique"),
    ("developpement_economique", "economique"),
    ("niveau_de_vie", "economique"),
    ("pauvrete", "social"),
    ("logement", "social"),
    ("diversite_handicap", "social"),
    ("vieillissement", "social"),
    ("isolement", "social"),
    ("education", "societal"),
    ("sante", "societal"),
    ("securite", "societal"),
    ("mobilite", "societal"),
    ("numerique", "societal"),
    ("culture_loisirs", "societal"),
    ("environnement", "environnemental"),
    ("transition_energetique", "environnemental"),
]

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
    "oecd_menages_haut_debit_2015": "part de TOUS les ménages ayant le haut débit (OCDE) : "
    "mesure l'exclusion numérique ; la série Eurostat ne compte que les ménages déjà connectés "
    "(la Corse, la moins connectée, y paraissait la mieux équipée)",
    "nuitees_par_habitant_2023": "offre touristique : nuitées par habitant (seul indicateur "
    "complet)",
    "oecd_pm25_2014": "pollution de l'air (PM2,5)",
    "eurostat_part_sols_artificialises_2015": "artificialisation des sols",
    "soes_part_elec_renouvelable_conso_2013": "part de l'électricité renouvelable (seul "
    "indicateur complet)",
}

#: Reference series left out of the atlas, with the reason (one series per concept and year).
SUPERSEDED = {
    "population_2016_eurostat": "population au 1er janvier 2016 d'une extraction Eurostat de "
    "2017, antérieure à la révision (jusqu'à 0,5 % d'écart) : l'atlas n'a qu'une population 2016, "
    "la série révisée eurostat_population_1janv_2016 (estimations de population de l'Insee)",
}
#: Consolidation weights replaced, with the reason: the revised population 2016 everywhere, and
#: the 25-64 population for rates of the 25-64 year-olds.
WEIGHT_OVERRIDES = {
    "part_65plus_2016_eurostat": "eurostat_population_1janv_2016",
    "part_moins25_2016_eurostat": "eurostat_population_1janv_2016",
    "pib_hab_eur_2018": "eurostat_population_1janv_2016",
    "eurostat_part_25_64_peu_diplomes_2013": "pop_2564_lfs_2016_eurostat",
    "eurostat_part_25_64_peu_diplomes_2015": "pop_2564_lfs_2016_eurostat",
    "eurostat_formation_adultes_25_64_2015": "pop_2564_lfs_2016_eurostat",
}
_SUBPOPULATION = (
    "taux d'une sous-population pondéré par toutes les personnes des ménages fiscaux : "
    "l'effectif de la sous-population ({}) n'est pas publié"
)
_POPULATION_FOR = "taux rapporté {} mais pondéré par la population totale ({} non collectés)"
_OECD_POPULATION = "pondéré par la population totale, faute {} par ancienne région"
#: Weighted means whose weight is not the rate's own denominator: the consolidated value is an
#: approximation. A published value (2016 region, or France métropolitaine from the same source)
#: is then used instead where there is one; elsewhere the value is shown as approximate ("≈").
APPROXIMATE_WEIGHTS = {
    **dict.fromkeys(
        ("taux_chomage_2014", "taux_chomage_t4_2014", "taux_chomage_t3_2014"),
        "taux Insee pondérés par la population active Eurostat 2016 (enquête Forces de travail),"
        " pas par les actifs de l'année retenus par l'Insee",
    ),
    "taux_chomage_t4_2012": "taux Insee 2012 pondérés par la population active Eurostat 2016",
    "taux_pauvrete_moins30_2013": _SUBPOPULATION.format(
        "personnes des ménages dont le référent fiscal a moins de 30 ans"
    ),
    "taux_pauvrete_60_74_2013": _SUBPOPULATION.format("référent fiscal de 60 à 74 ans"),
    "taux_pauvrete_75plus_2013": _SUBPOPULATION.format("référent fiscal de 75 ans ou plus"),
    "taux_pauvrete_locataires_2013": _SUBPOPULATION.format("personnes des ménages locataires"),
    "taux_pauvrete_proprietaires_2013": _SUBPOPULATION.format(
        "personnes des ménages propriétaires"
    ),
    "allocataires_aah_2011": _POPULATION_FOR.format("aux 20-64 ans", "les 20-64 ans 2011"),
    "beneficiaires_apa_75plus_2011": _POPULATION_FOR.format(
        "aux 75 ans ou plus", "les 75 ans ou plus par ancienne région"
    ),
    "beneficiaires_apa_domicile_75plus_2011": _POPULATION_FOR.format(
        "aux 75 ans ou plus", "les 75 ans ou plus par ancienne région"
    ),
    **dict.fromkeys(
        (
            "eurostat_part_25_64_peu_diplomes_2013",
            "eurostat_part_25_64_peu_diplomes_2015",
            "eurostat_formation_adultes_25_64_2015",
        ),
        "pondéré par la population de 25-64 ans de 2016 (enquête Forces de travail), "
        "celle de l'année du taux n'étant pas collectée",
    ),
    "oecd_actifs_diplome_secondaire_2014": _OECD_POPULATION.format("de population active"),
    "oecd_menages_haut_debit_2015": _OECD_POPULATION.format("du nombre de ménages"),
    "eurostat_menages_internet_haut_debit_2015": _OECD_POPULATION.format(
        "du nombre de ménages connectés"
    ),
    "eurostat_menages_internet_haut_debit_2016": _OECD_POPULATION.format(
        "du nombre de ménages connectés"
    ),
    "oecd_participation_electorale_2012": _OECD_POPULATION.format("du nombre d'inscrits"),
    "soes_part_elec_renouvelable_conso_2013": "pondérée par la population au lieu de la "
    "consommation finale brute d'électricité de chaque ancienne région (non collectée)",
    **dict.fromkeys(
        (
            "oecd_esperance_vie_2013",
            "eurostat_esperance_vie_hommes_2013",
            "eurostat_esperance_vie_femmes_2013",
            "eurostat_esperance_vie_ensemble_2013",
            "eurostat_esperance_vie_hommes_2015",
            "eurostat_esperance_vie_femmes_2015",
            "eurostat_esperance_vie_ensemble_2015",
        ),
        "une espérance de vie ne se consolide pas exactement : moyenne pondérée par la "
        "population, approximation usuelle",
    ),
    **dict.fromkeys(
        ("oecd_mortalite_standardisee_2013", "eurostat_deces_accidents_transport_2006_2008"),
        "taux standardisés : ils ne s'additionnent pas, moyenne pondérée par la population",
    ),
    "euspi_securite_personnelle_2016": "score composite non additif : moyenne pondérée par la "
    "population, par convention",
}
#: Display and reading labels that correct the reference's wording: id -> (label, unit).
LABEL_OVERRIDES = {
    "oecd_menages_haut_debit_2015": (
        "Ménages ayant un accès internet haut débit (tous les ménages, OCDE)",
        "% de l'ensemble des ménages",
    ),
    "eurostat_menages_internet_haut_debit_2015": (
        "Haut débit parmi les ménages connectés à internet 2015 (Eurostat)",
        "% des ménages ayant accès à internet",
    ),
    "eurostat_menages_internet_haut_debit_2016": (
        "Haut débit parmi les ménages connectés à internet 2016 (Eurostat)",
        "% des ménages ayant accès à internet",
    ),
    "eurostat_population_1janv_2016": (
        "Population au 1er janvier 2016 (série révisée : estimations Insee publiées par "
        "Eurostat) — la population 2016 de l'atlas",
        "habitants",
    ),
    "euspi_securite_personnelle_2016": (
        "Sécurité personnelle : composante « Personal Safety » de l'indice européen de progrès "
        "social régional (EU-SPI, édition 2016)",
        "score 0-100 (100 = meilleure situation)",
    ),
    "taux_pauvrete_locataires_2013": (
        "Taux de pauvreté des personnes des ménages locataires 2013 (Filosofi) - proxy "
        "mal-logement",
        "% des personnes des ménages locataires",
    ),
    "taux_pauvrete_proprietaires_2013": (
        "Taux de pauvreté des personnes des ménages propriétaires 2013 (Filosofi)",
        "% des personnes des ménages propriétaires",
    ),
}
#: Year labels that are not data years.
YEAR_OVERRIDES = {"euspi_securite_personnelle_2016": "édition 2016"}
#: Warnings shown next to an indicator wherever it is displayed (series breaks, edition years,
#: denominators that change the meaning).
CAVEATS = {
    "eurostat_voitures_particulieres_1000hab_2016": "rupture de série entre 2015 et 2016 (parc "
    "de Haute-Normandie +12,6 % en un an) : comparer les régions entre elles, jamais avec les "
    "années antérieures",
    "euspi_securite_personnelle_2016": "2016 est l'année d'édition de l'indice composite ; les "
    "années des données sources, antérieures, ne sont pas documentées",
    "eurostat_menages_internet_haut_debit_2015": "dénominateur : les ménages déjà connectés à "
    "internet ; ne mesure pas l'exclusion numérique (voir l'indicateur OCDE, sur tous les "
    "ménages)",
    "eurostat_menages_internet_haut_debit_2016": "dénominateur : les ménages déjà connectés à "
    "internet ; ne mesure pas l'exclusion numérique (voir l'indicateur OCDE, sur tous les "
    "ménages)",
    "taux_chomage_t4_2012": "ancienne série Insee (avant la révision de 2014) : ne pas comparer "
    "avec les taux 2014",
    "eurostat_formation_adultes_25_64_2015": "rupture de série Eurostat en 2013 ; Corse de "
    "faible fiabilité",
}
#: Domains whose core indicators stand in for the notion (proxies). What they measure instead
#: is the i18n catalogue's ``proxy.<id>`` text, shown in the profile, the map legend and the
#: method page.
PROXY_DOMAINS = {
    domain: t(f"proxy.{domain}")
    for domain in ("logement", "isolement", "mobilite", "culture_loisirs", "transition_energetique")
}
#: Decimals beyond which a reference value is float noise (a ratio stored at full precision):
#: such series are shown with :data:`NOISE_DISPLAY_DECIMALS` (the published precision of rates).
NOISE_DECIMALS = 3
NOISE_DISPLAY_DECIMALS = 1

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
        "decimals": 1,
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
        "decimals": 1,
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
        "decimals": 1,
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


def with_additions(ref: pd.DataFrame, additions: pd.DataFrame) -> pd.DataFrame:
    """The reference rows followed by the additions, after checking the additions only add
    values (same columns, known indicators, a source each, no key the reference already has),
    then without the :data:`SUPERSEDED` series."""
    key = ["indicator_id", "level", "region_code"]
    problems = []
    if list(additions.columns) != list(ref.columns):
        problems.append(f"columns {list(additions.columns)}, expected {list(ref.columns)}")
    else:
        unknown = sorted(set(additions["indicator_id"]) - set(ref["indicator_id"]))
        if unknown:
            problems.append(f"indicators unknown to the reference: {unknown}")
        if not additions["source_url"].map(is_http_url).all():
            problems.append("every addition needs a source_url")
        both = additions.merge(ref[key], on=key)
        if not both.empty:
            problems.append(f"values the reference already has: {both[key].values[:3].tolist()}")
    if problems:
        raise ValueError(f"{ADDITIONS_CSV}: " + "; ".join(problems))
    out = pd.concat([ref, additions], ignore_index=True)
    return out[~out["indicator_id"].isin(SUPERSEDED)].reset_index(drop=True)


def read_indicator_reference() -> pd.DataFrame:
    """The shared indicators.csv plus :data:`ADDITIONS_CSV` (see :func:`with_additions`)."""
    additions = pd.read_csv(ADDITIONS_CSV, dtype=str, keep_default_na=False)
    return with_additions(read_reference("indicators.csv"), additions)


def build_domains() -> pd.DataFrame:
    rows = [
        {
            "domain": d,
            "axis": axis,
            "axis_label_fr": t(f"axis.{axis}"),
            "label_fr": t(f"domain.{d}"),
            "label_en": t(f"domain.{d}", "en"),
            "order": i + 1,
            "proxy_note": PROXY_DOMAINS.get(d, ""),
            "proxy_note_departement": PROXY_DOMAINS_DEPARTEMENT.get(d, ""),
        }
        for i, (d, axis) in enumerate(DOMAINS)
    ]
    return pd.DataFrame(rows)


def display_decimals(values: pd.Series) -> int:
    """Decimals to show for a series: those its source prints (the most among its value
    strings), or :data:`NOISE_DISPLAY_DECIMALS` when that is float noise."""
    decimals = values.str.extract(r"\.(\d+)$", expand=False).str.len().fillna(0)
    most = int(decimals.max()) if len(decimals) else 0
    return NOISE_DISPLAY_DECIMALS if most > NOISE_DECIMALS else most


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
        label, unit = LABEL_OVERRIDES.get(indicator_id, (first["label_fr"], first["unit"]))
        rows.append(
            {
                "indicator_id": indicator_id,
                "domain": first["domain"],
                "label_fr": label,
                "unit": unit,
                "year": YEAR_OVERRIDES.get(indicator_id, first["year"]),
                "direction": int(first["direction"]),
                "aggregation": first["aggregation"] or "none",
                "weight_indicator": WEIGHT_OVERRIDES.get(indicator_id, first["weight_indicator"]),
                "weight_note": APPROXIMATE_WEIGHTS.get(indicator_id, ""),
                "numerator": "",
                "denominator": "",
                "scale": "",
                "decimals": display_decimals(group["value"]),
                "source": source,
                "source_url": urls.index[0],
                "note": first["note"],
                "caveat": CAVEATS.get(indicator_id, ""),
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
                "weight_note": "",
                "caveat": "",
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
    catalogue = pd.DataFrame(rows)[CATALOGUE_COLUMNS]
    _check_core(catalogue)
    _check_curation(catalogue)
    return catalogue


CATALOGUE_COLUMNS = [
    "indicator_id", "domain", "label_fr", "unit", "year", "direction", "aggregation",
    "weight_indicator", "weight_note", "numerator", "denominator", "scale", "decimals", "source",
    "source_url", "note", "caveat", "partial", "complete_pre2016", "core", "core_reason",
]  # fmt: skip


def _check_curation(catalogue: pd.DataFrame) -> None:
    """Every curation rule names an indicator of the catalogue, with a rule that fits it."""
    ids = set(catalogue["indicator_id"])
    rules = {
        "APPROXIMATE_WEIGHTS": APPROXIMATE_WEIGHTS, "WEIGHT_OVERRIDES": WEIGHT_OVERRIDES,
        "LABEL_OVERRIDES": LABEL_OVERRIDES, "YEAR_OVERRIDES": YEAR_OVERRIDES, "CAVEATS": CAVEATS,
    }  # fmt: skip
    unknown = {name: sorted(set(rule) - ids) for name, rule in rules.items() if set(rule) - ids}
    weighted = set(catalogue.loc[catalogue["aggregation"] == "weighted_mean", "indicator_id"])
    not_weighted = sorted((set(APPROXIMATE_WEIGHTS) | set(WEIGHT_OVERRIDES)) - weighted)
    weights = set(catalogue["weight_indicator"]) - {""}
    missing_weights = sorted(weights - ids)
    proxies = set(PROXY_DOMAINS) | set(PROXY_DOMAINS_DEPARTEMENT)
    if unknown or not_weighted or missing_weights or proxies - {d[0] for d in DOMAINS}:
        raise ValueError(
            f"Curation rules out of date: unknown ids {unknown}, not weighted means "
            f"{not_weighted}, weights not in the catalogue {missing_weights}"
        )


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
    ref = read_indicator_reference()
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
