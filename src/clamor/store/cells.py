"""Coarse place cells: the indexed column that lets a merge look only at nearby events.

An event's ``place_cell`` numbers the 1 x 1 degree latitude/longitude square its point
lies in. The candidate query of :meth:`clamor.store.Store._candidates` asks for the cells
its search box overlaps (through ``ix_events_family_cell``) and still tests the box
itself, so the cells only narrow which rows are read, never which rows are found.

Migration 0003 fills the column for stored events with the same formula (copied there,
as migrations must not change when this module does); a test keeps the two equal.
"""

from __future__ import annotations

import math

#: Side of a cell in degrees. A candidate box is 3 merge radii (30 km) each side of a
#: point, so at the equator it overlaps at most 2 x 2 cells; smaller cells would mean
#: more cells per query, larger ones more unrelated rows per cell.
CELL_DEGREES = 1.0

#: Cells per row of the numbering (longitude cells -180..180, one spare).
_ROW = 1000

#: A box overlapping more cells than this (near the poles, where a degree of longitude
#: is a few km) is looked up without cells: the family-and-date index then serves.
MAX_CELLS = 64


def place_cell(latitude: float | None, longitude: float | None) -> int | None:
    """The cell number of a point (``None`` without both coordinates)."""
    if latitude is None or longitude is None:
        return None
    lat = math.floor(latitude / CELL_DEGREES) + 90
    lon = math.floor(longitude / CELL_DEGREES) + 180
    return lat * _ROW + lon


def cells_overlapping(lat_min: float, lat_max: float, lon_min: float,
                      lon_max: float) -> list[int] | None:
    """Every cell a box overlaps (``None``: more than :data:`MAX_CELLS`)."""
    lats = range(math.floor(lat_min / CELL_DEGREES), math.floor(lat_max / CELL_DEGREES) + 1)
    lons = range(math.floor(lon_min / CELL_DEGREES), math.floor(lon_max / CELL_DEGREES) + 1)
    if len(lats) * len(lons) > MAX_CELLS:
        return None
    return [(a + 90) * _ROW + (o + 180) for a in lats for o in lons]
