"""Works as columns: one row per footprint (feature), built once, read by every rule.

Several footprints with one work id are one work: rules pair footprints, then drop pairs
within one work and report per pair of works. Periods are numpy datetime64[D]: the first
and the last day covered, so a year-precise work covers its whole year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import shapely

from .schema import CLOSED_STATUSES

NAT = np.datetime64("NaT", "D")
OPEN_END = np.datetime64("2200-12-31", "D")
DAYS_PER_YEAR = 365.25


@dataclass
class PeriodProblems:
    """Works whose period could not be used as given: reported, never dropped silently."""

    no_start: list[str] = field(default_factory=list)
    open_ended: list[str] = field(default_factory=list)
    end_before_start: list[str] = field(default_factory=list)

    def count(self) -> int:
        return len(self.no_start) + len(self.open_ended) + len(self.end_before_start)


@dataclass
class Works:
    work_id: np.ndarray  # str, one per footprint
    stakeholder: np.ndarray  # str (name or code), used to tell stakeholders apart
    title: np.ndarray
    location: np.ndarray
    start: np.ndarray  # datetime64[D], NaT when unknown
    end: np.ndarray  # datetime64[D]; open-ended works run to OPEN_END
    status: np.ndarray
    opens_ground: np.ndarray  # bool
    renews_surface: np.ndarray  # bool
    surface_type: np.ndarray  # str, "" when unknown
    flexibility: np.ndarray  # years, 0 when unknown
    geometry: np.ndarray  # shapely geometries in a projected CRS (metres)
    problems: PeriodProblems = field(default_factory=PeriodProblems)
    work_index: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        _, self.work_index = np.unique(self.work_id, return_inverse=True)

    def __len__(self) -> int:
        return len(self.work_id)

    def subset(self, mask: np.ndarray) -> Works:
        picked = Works(
            **{name: getattr(self, name)[mask] for name in _COLUMNS}, problems=self.problems
        )
        return picked

    def active(self, include_closed: bool = False) -> np.ndarray:
        """Footprints the rules look at: dated, and not done or cancelled unless asked."""
        mask = ~np.isnat(self.start) & ~np.isnat(self.end) & (self.end >= self.start)
        if not include_closed:
            mask &= ~np.isin(self.status, CLOSED_STATUSES)
        return mask


_COLUMNS = (
    "work_id",
    "stakeholder",
    "title",
    "location",
    "start",
    "end",
    "status",
    "opens_ground",
    "renews_surface",
    "surface_type",
    "flexibility",
    "geometry",
)


def _dates(values: Sequence[date | None] | np.ndarray) -> np.ndarray:
    if isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
        return values.astype("datetime64[D]")
    return np.array(
        [np.datetime64(v.isoformat(), "D") if v is not None else NAT for v in values],
        dtype="datetime64[D]",
    )


def _text(values: Sequence) -> np.ndarray:
    return np.array(["" if v is None else str(v) for v in values], dtype=object)


def _flags(values: Sequence) -> np.ndarray:
    return np.array([bool(v) if v is not None else False for v in values], dtype=bool)


COLUMNS = (
    "work_id",
    "stakeholder",
    "title",
    "location",
    "planned_start",
    "planned_end",
    "status",
    "opens_ground",
    "renews_surface",
    "surface_type",
    "flexibility_years",
    "geometry",
)


def build_works(records: Sequence[dict]) -> Works:
    """Works from plain records (the keys of the works schema plus `geometry`); a record
    without `stakeholder` is told apart by its `stakeholder_id`."""
    columns = {name: [r.get(name) for r in records] for name in COLUMNS}
    columns["stakeholder"] = [r.get("stakeholder") or r.get("stakeholder_id") for r in records]
    return works_from_columns(columns)


def works_from_columns(columns: Mapping[str, Sequence]) -> Works:
    """Works from columns named as in `COLUMNS`; dates may be datetime64 arrays already.

    Missing ends become open-ended, and every adjustment is listed in `problems`.
    """
    problems = PeriodProblems()
    ids = _text(columns["work_id"])
    start = _dates(columns["planned_start"])
    end = _dates(columns["planned_end"])
    no_start = np.isnat(start)
    open_ended = ~no_start & np.isnat(end)
    reversed_ = ~no_start & ~open_ended & (end < start)
    end[open_ended] = OPEN_END
    problems.no_start = sorted(set(ids[no_start]))
    problems.open_ended = sorted(set(ids[open_ended]))
    problems.end_before_start = sorted(set(ids[reversed_]))
    flexibility = np.array([float(v or 0.0) for v in columns["flexibility_years"]], dtype="float64")
    return Works(
        work_id=ids,
        stakeholder=_text(columns["stakeholder"]),
        title=_text(columns["title"]),
        location=_text(columns["location"]),
        start=start,
        end=end,
        status=_text(columns["status"]),
        opens_ground=_flags(columns["opens_ground"]),
        renews_surface=_flags(columns["renews_surface"]),
        surface_type=_text(columns["surface_type"]),
        flexibility=flexibility,
        geometry=np.asarray(columns["geometry"], dtype=object),
        problems=problems,
    )


def gap_years(works: Works, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Years between two periods; 0 when they overlap or touch."""
    first_end = np.minimum(works.end[left], works.end[right])
    last_start = np.maximum(works.start[left], works.start[right])
    days = (last_start - first_end).astype("float64")
    return np.maximum(days, 0.0) / DAYS_PER_YEAR


def overlap_days(works: Works, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Days both works run at once (0 when their periods do not overlap)."""
    last_start = np.maximum(works.start[left], works.start[right])
    first_end = np.minimum(works.end[left], works.end[right])
    return np.maximum((first_end - last_start).astype("float64") + 1.0, 0.0)


MULTI_TYPES = (4, 5, 6, 7)  # MultiPoint, MultiLineString, MultiPolygon, GeometryCollection
COLLECTION = 7


def valid_geometries(geometry: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """Repair invalid geometries (make_valid, structure method where GEOS has it).

    A repaired footprint keeps the kind of its input where any of it is left (the
    slivers a polygon's repair leaves as lines are dropped); a polygon without area
    becomes its outline traced once, so it is measured as the line it is, not as an
    area. `dimension_changes` tells which footprints changed kind."""
    invalid = ~shapely.is_valid(geometry) & ~shapely.is_missing(geometry)
    repaired = geometry.copy()
    for index in np.flatnonzero(invalid):
        repaired[index] = _repaired(geometry[index])
    return repaired, np.flatnonzero(invalid).tolist()


def _repaired(geometry):
    try:
        fixed = shapely.make_valid(geometry, method="structure")
    except (TypeError, ValueError):
        fixed = shapely.make_valid(geometry)
    parts = _single_parts(np.array([fixed], dtype=object))[0]
    parts = parts[~shapely.is_empty(parts)]
    if len(parts) == 0:
        return fixed
    dimensions = shapely.get_dimensions(parts)
    wanted = shapely.get_dimensions(geometry)
    kept = wanted if (dimensions == wanted).any() else dimensions.max()
    return _collect(parts[dimensions == kept], kept)


def _single_parts(geometry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every single point, line and polygon in `geometry`, nested collections opened,
    with the index of the geometry each came from."""
    parts, owner = shapely.get_parts(geometry, return_index=True)
    while True:
        nested = np.isin(shapely.get_type_id(parts), MULTI_TYPES)
        if not nested.any():
            return parts, owner
        inner, inner_owner = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        owner = np.concatenate([owner[~nested], owner[nested][inner_owner]])


def _collect(parts: np.ndarray, dimension: int):
    """One geometry of one kind from its single parts; lines are merged and traced once."""
    if dimension == 2:
        return shapely.multipolygons(parts) if len(parts) > 1 else parts[0]
    if dimension == 1:
        return shapely.line_merge(shapely.union_all(parts))
    return shapely.multipoints(parts) if len(parts) > 1 else parts[0]


def dimension_changes(before: np.ndarray, after: np.ndarray) -> list[tuple[int, int, int]]:
    """(index, dimension before, dimension after) of footprints that changed kind
    (2 area, 1 line, 0 point): a repaired polygon without area became a line."""
    old, new = shapely.get_dimensions(before), shapely.get_dimensions(after)
    changed = np.flatnonzero((old != new) & ~shapely.is_missing(before))
    return [(int(i), int(old[i]), int(new[i])) for i in changed]


def split_collections(geometry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A GeometryCollection becomes one footprint per kind of part it holds (its areas,
    its lines, its points), so each is measured as what it is; other geometries pass.
    Returns the footprints and, for each, the index of the geometry it came from."""
    is_collection = shapely.get_type_id(geometry) == COLLECTION
    if not is_collection.any():
        return geometry, np.arange(len(geometry))
    collections = np.flatnonzero(is_collection)
    parts, owner = _single_parts(geometry[collections])
    keep = ~shapely.is_empty(parts)
    parts, owner = parts[keep], collections[owner[keep]]
    dimensions = shapely.get_dimensions(parts)
    footprints, origin = list(geometry[~is_collection]), list(np.flatnonzero(~is_collection))
    for index in collections:
        kinds = [d for d in (2, 1, 0) if ((owner == index) & (dimensions == d)).any()]
        for dimension in kinds:
            footprints.append(
                _collect(parts[(owner == index) & (dimensions == dimension)], dimension)
            )
            origin.append(index)
        if not kinds:  # an empty collection stays, for the caller to skip and count
            footprints.append(geometry[index])
            origin.append(index)
    order = np.argsort(np.array(origin), kind="stable")
    return np.array(footprints, dtype=object)[order], np.array(origin)[order]
