"""A street network from a QGIS layer: NWB road segments, BGT road parts, OSM streets or the
programme's own streets, read once in bulk and handed to core/streets.py.

The user chooses which fields hold the name, the place and the house-number ranges;
:func:`suggest_street_fields` proposes them from the names these sources use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsGeometry,
    QgsWkbTypes,
)

from ..core.streets import StreetNetwork
from ..translation import tr
from .columns import read_columns
from .errors import ProgrammeError

# Known field names, most telling first: NWB (wegvakken), the programme's streets table,
# OSM, BAG/BGT's public-space names, and plain Dutch words.
NAME_FIELDS = (
    "STT_NAAM",
    "street_name",
    "name",
    "openbareruimtenaam",
    "openbare_ruimte_naam",
    "straatnaam",
    "straat",
    "naam",
)
PLACE_FIELDS = (
    "WPSNAAM",
    "woonplaats",
    "woonplaatsnaam",
    "addr:city",
    "plaats",
    "GME_NAAM",
    "gemeentenaam",
    "gemeente",
)
# NWB's first and last house number on the left and right of a segment, as seen along the
# direction the segment is drawn in.
NUMBER_FIELDS = (("E_HNR_LNKS", "L_HNR_LNKS"), ("E_HNR_RHTS", "L_HNR_RHTS"))


@dataclass(frozen=True)
class StreetFields:
    """Which fields of a street layer give what core/streets.py needs: `numbers` are
    (first, last) house-number field pairs, one per side of the street."""

    name: str
    place: str | None = None
    numbers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class StreetLayerReport:
    """What the read left out, so it can be said."""

    segments: int
    without_name: int
    without_geometry: int
    not_transformed: int


def suggest_street_fields(field_names: Sequence[str]) -> StreetFields | None:
    """The known fields the layer has (None without a name field): a proposal the user can
    change."""
    by_lower = {name.lower(): name for name in field_names}

    def first(candidates: Sequence[str]) -> str | None:
        return next((by_lower[c.lower()] for c in candidates if c.lower() in by_lower), None)

    name = first(NAME_FIELDS)
    if name is None:
        return None
    numbers = tuple(
        (by_lower[a.lower()], by_lower[b.lower()])
        for a, b in NUMBER_FIELDS
        if a.lower() in by_lower and b.lower() in by_lower
    )
    return StreetFields(name, first(PLACE_FIELDS), numbers)


def read_street_network(
    layer,
    fields: StreetFields,
    crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
) -> tuple[StreetNetwork, StreetLayerReport]:
    """The layer's named segments in `crs` (metres, the programme's CRS), one bulk read."""
    if layer.geometryType() not in (QgsWkbTypes.LineGeometry, QgsWkbTypes.PolygonGeometry):
        raise ProgrammeError(
            tr(
                "The street layer {} holds no lines or areas: choose a layer of road segments "
                "(NWB, OSM) or road parts (BGT)."
            ).format(layer.name())
        )
    wanted = [fields.name] + ([fields.place] if fields.place else [])
    wanted += [name for pair in fields.numbers for name in pair]
    _, columns, geometries = read_columns(layer, list(dict.fromkeys(wanted)), geometry=True)
    not_transformed = 0
    if layer.crs() != crs:
        geometries, not_transformed = _transformed(
            geometries, QgsCoordinateTransform(layer.crs(), crs, transform_context)
        )
    names = [None if v is None else str(v) for v in columns[fields.name]]
    places = (
        [None if v is None else str(v) for v in columns[fields.place]] if fields.place else None
    )
    numbers = _number_ranges(columns, fields.numbers, len(names)) if fields.numbers else None
    network = StreetNetwork.from_segments(names, list(geometries), places, numbers)
    report = StreetLayerReport(
        segments=len(names),
        without_name=sum(1 for n in names if not n or not n.strip()),
        without_geometry=int(sum(g is None for g in geometries)) - not_transformed,
        not_transformed=not_transformed,
    )
    return network, report


def _transformed(geometries: np.ndarray, transform: QgsCoordinateTransform):
    """The geometries in the transform's destination CRS (None where that fails): through
    QGIS, so the project's datum transformations apply as everywhere else."""
    import shapely

    out, failed = [], 0
    for wkb in shapely.to_wkb(geometries, output_dimension=2).tolist():
        if wkb is None:
            out.append(None)
            continue
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        try:
            geometry.transform(transform)
        except QgsCsException:
            failed += 1
            out.append(None)
            continue
        out.append(bytes(geometry.asWkb()))
    shapes = shapely.from_wkb(np.array(out, dtype=object))
    finite = np.isfinite(shapely.bounds(shapes)).all(axis=1) | shapely.is_missing(shapes)
    failed += int((~finite).sum())
    shapes[~finite] = None
    return shapes, failed


def _number_ranges(columns: dict, pairs: tuple[tuple[str, str], ...], count: int):
    """Per segment (first, last) over the sides that have numbers (NWB writes 0 or NULL for
    none), oriented as the numbers run along the segment."""
    ranges: list[tuple[int, int] | None] = []
    for i in range(count):
        firsts, lasts = [], []
        for first_field, last_field in pairs:
            first, last = _number(columns[first_field][i]), _number(columns[last_field][i])
            if first and last:
                firsts.append(first)
                lasts.append(last)
        if not firsts:
            ranges.append(None)
        elif sum(firsts) <= sum(lasts):
            ranges.append((min(firsts), max(lasts)))
        else:
            ranges.append((max(firsts), min(lasts)))
    return ranges


def _number(value) -> int | None:
    try:
        number = int(float(str(value).strip().replace(",", ".")))
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None
