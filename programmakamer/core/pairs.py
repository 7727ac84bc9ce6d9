"""The pair search and measuring the rules share: which footprints of different works lie
within reach of each other (one bulk STRtree query, guarded against running out of memory),
and per pair of works what they share (distance, length along each other, overlap zone).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely

from .errors import RuleError
from .works import Works

#: Memory the pair and grid arrays of one run may take: a quarter of an 8 GiB chamber
#: laptop, so that QGIS, its layers and the findings still fit beside them.
MEMORY_BUDGET = 2 * 1024**3
#: Peak bytes per footprint pair, from the query to the explained finding (indexes,
#: buffers, zone, measures, sentences): measured 2.4-2.7 kB for squares and street lines
#: (5 and 2 coordinates) and 6.7-17 kB for circles and wavy lines of 65-257 coordinates.
PAIR_BYTES, PAIR_BYTES_PER_COORDINATE = 2500, 70
#: Pairs of the simplest footprints that fit in the budget; footprints with many
#: coordinates take more memory each, so fewer of their pairs are allowed.
MAX_PAIRS = MEMORY_BUDGET // PAIR_BYTES
LINE_TYPES = (1, 5)  # LineString, MultiLineString
AREA_TYPES = (3, 6)  # Polygon, MultiPolygon
#: The reach works are measured with when the rule's distance is 0 (works that touch or
#: overlap): a zone of 10 cm that a map can draw and lengths along each other that count.
TOUCH_M = 0.1


@dataclass
class Pairs:
    """Candidate footprint pairs (left < right) within `reach` metres.

    `distance` is filled only when a rule needs to narrow the pairs to a smaller reach.

    `zone` and `shared` (see `measure`) are filled once by `measure_pairs` when several
    rules share the pairs, so no rule measures a pair again.
    """

    left: np.ndarray
    right: np.ndarray
    distance: np.ndarray | None
    reach: float
    zone: np.ndarray | None = None
    shared: np.ndarray | None = None

    def subset(self, keep: np.ndarray, reach: float) -> Pairs:
        measured = self.zone is not None and reach == self.reach
        return Pairs(
            self.left[keep],
            self.right[keep],
            None if self.distance is None else self.distance[keep],
            reach,
            self.zone[keep] if measured else None,  # type: ignore[index]  # measured: not None
            self.shared[keep] if measured else None,  # type: ignore[index]
        )

    def both_ways(self) -> Pairs:
        """Each pair twice, (a, b) then (b, a): for rules where the order means something."""
        return Pairs(
            np.r_[self.left, self.right],
            np.r_[self.right, self.left],
            None if self.distance is None else np.r_[self.distance, self.distance],
            self.reach,
            None if self.zone is None else np.r_[self.zone, self.zone],
            None if self.shared is None else np.r_[self.shared, self.shared],
        )


def measure_pairs(works: Works, pairs: Pairs) -> Pairs:
    zone, shared = _zone_and_shared(works, pairs.left, pairs.right, pairs.reach)
    return Pairs(pairs.left, pairs.right, pairs.distance, pairs.reach, zone, shared)


def find_pairs(works: Works, mask: np.ndarray, reach: float) -> Pairs:
    """All footprint pairs of different works within `reach`, in one bulk query."""
    index = np.flatnonzero(mask & ~shapely.is_missing(works.geometry))
    geometry = works.geometry[index]
    tree = shapely.STRtree(geometry)
    _guard_pair_memory(tree, geometry, reach)
    left, right = tree.query(geometry, predicate="dwithin", distance=reach)
    keep = left < right
    left, right = index[left[keep]], index[right[keep]]
    other_work = works.work_index[left] != works.work_index[right]
    left, right = left[other_work], right[other_work]
    # Distances only when a rule asks for fewer metres than the search: measure() has its own.
    return Pairs(left, right, None, reach)


def _guard_pair_memory(tree: shapely.STRtree, geometry: np.ndarray, reach: float) -> None:
    """Refuse, before the query, pairs that would not fit in the memory budget.

    The pairs are estimated from the neighbours of sampled footprints times PAIR_BYTES
    (more for footprints with many coordinates): first of eight, so the sample's own
    query stays small however crowded the layer, then of up to a thousand."""
    count = len(geometry)
    for size in (8, 1000):
        sample = geometry[:: max(1, count // size)]
        if len(sample) == 0:
            return
        neighbours = len(tree.query(sample, predicate="dwithin", distance=reach)[0])
        pairs = max(neighbours - len(sample), 0) / len(sample) * count / 2
        coordinates = float(shapely.get_num_coordinates(sample).mean())
        per_pair = PAIR_BYTES + PAIR_BYTES_PER_COORDINATE * coordinates
        if pairs > MAX_PAIRS * PAIR_BYTES / per_pair:
            budget = MAX_PAIRS * PAIR_BYTES
            raise RuleError("too_many_pairs", int(pairs), reach, pairs * per_pair, budget)
        if len(sample) == count:
            return


def pairs_for(works: Works, pairs: Pairs | None, mask: np.ndarray, reach: float) -> Pairs:
    """A rule's pairs: narrowed from the shared search when there is one, else searched."""
    if pairs is None or pairs.reach < reach:
        return find_pairs(works, mask, reach)
    keep = mask[pairs.left] & mask[pairs.right]
    if reach < pairs.reach:
        if pairs.distance is None:
            pairs.distance = shapely.distance(
                works.geometry[pairs.left], works.geometry[pairs.right]
            )
        keep &= pairs.distance <= reach
    return pairs.subset(keep, reach)


@dataclass
class WorkPairs:
    """Footprint pairs grouped per pair of works: a representative pair and the totals."""

    left: np.ndarray
    right: np.ndarray
    distance: np.ndarray
    shared_length: np.ndarray
    shared_area: np.ndarray
    zone: np.ndarray


THREADED_FROM = 4_000  # below this, starting threads costs more than it gives


def threaded(function, *arrays, **keywords) -> np.ndarray:
    """A shapely array function on slices in threads, one per core.

    GEOS releases the GIL, so on the two cores of a chamber laptop the heavy geometry steps
    (buffers, intersections, distances) take about half the time. Element-wise functions
    only: slices are independent and joined in order.
    """
    count = len(arrays[0])
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or count < THREADED_FROM:
        return function(*arrays, **keywords)
    bounds = np.linspace(0, count, workers + 1).astype(int)

    def part(i):
        return function(*(a[bounds[i] : bounds[i + 1]] for a in arrays), **keywords)

    with ThreadPoolExecutor(workers) as pool:
        return np.concatenate(list(pool.map(part, range(workers))))


def _zone_and_shared(works: Works, left: np.ndarray, right: np.ndarray, reach: float):
    """Per footprint pair: the zone where both, buffered by reach/2, overlap, and the
    length of line work lying within reach of the other (the shorter of the two)."""
    reach = max(reach, TOUCH_M)
    a, b = works.geometry[left], works.geometry[right]
    half = _buffers(works.geometry, np.r_[left, right], reach / 2)
    full = _buffers(works.geometry, np.r_[left, right], reach)
    zone = threaded(shapely.intersection, half[left], half[right])
    length_a = _length_near(a, full[right], reach)
    length_b = _length_near(b, full[left], reach)
    return zone, np.nan_to_num(np.fmin(length_a, length_b), nan=0.0)


def measure(
    works: Works,
    left: np.ndarray,
    right: np.ndarray,
    reach: float,
    zone: np.ndarray | None = None,
    shared: np.ndarray | None = None,
) -> WorkPairs:
    """Group footprint pairs (already oriented) per work pair and add up what they share.

    `zone` and `shared` may come measured already (symmetric, so orientation is free).
    """
    if len(left) == 0:
        empty = np.array([], dtype="float64")
        return WorkPairs(left, right, empty, empty, empty, np.array([], dtype=object))
    a, b = works.geometry[left], works.geometry[right]
    if zone is None or shared is None:
        zone, shared = _zone_and_shared(works, left, right, reach)
    key = works.work_index[left].astype("int64") * (len(works) + 1) + works.work_index[right]
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    first = order[starts]
    distance = np.minimum.reduceat(threaded(shapely.distance, a, b)[order], starts)
    length = np.add.reduceat(shared[order], starts)
    zones = zone[first].copy()
    sizes = np.diff(np.r_[starts, len(order)])
    for group in np.flatnonzero(sizes > 1):
        members = order[starts[group] : starts[group] + sizes[group]]
        zones[group] = shapely.union_all(zone[members])
    return WorkPairs(left[first], right[first], distance, length, shapely.area(zones), zones)


def _buffers(geometry: np.ndarray, used: np.ndarray, distance: float) -> np.ndarray:
    """Buffers of the footprints in `used`, each computed once, indexed like `geometry`.

    Four segments per quarter circle: the zones are for maps and lengths, not surveying.
    """
    result = np.empty(len(geometry), dtype=object)
    unique = np.unique(used)
    result[unique] = threaded(shapely.buffer, geometry[unique], distance=distance, quad_segs=4)
    return result


def _length_near(line: np.ndarray, other_buffer: np.ndarray, reach: float) -> np.ndarray:
    """Length of each line lying inside the other work's buffer (NaN for non-lines).

    Works along one street usually lie wholly inside each other's buffer: a prepared
    containment test settles those, and only the rest are cut (at 20k works that is
    four times faster than cutting them all). The test is not threaded: one buffer can
    serve several pairs, and GEOS's prepared geometries are not thread-safe."""
    result = np.full(len(line), np.nan)
    is_line = np.isin(shapely.get_type_id(line), LINE_TYPES)
    if is_line.any():
        lines, buffers = line[is_line], other_buffer[is_line]
        shapely.prepare(buffers)
        length = shapely.length(lines)
        cut = ~shapely.contains_properly(buffers, lines)
        length[cut] = shapely.length(threaded(shapely.intersection, lines[cut], buffers[cut]))
        result[is_line] = length
    return result


def measured_part(pairs: Pairs, keep: np.ndarray):
    """The zone and shared length of the kept pairs, when the shared search measured them."""
    if pairs.zone is None:
        return None, None
    return pairs.zone[keep], pairs.shared[keep]  # type: ignore[index]  # filled together


def orient_symmetric(works: Works, left: np.ndarray, right: np.ndarray):
    """Each pair with the smaller work id first, so a symmetric finding has one id."""
    swap = works.work_id[left] > works.work_id[right]
    return np.where(swap, right, left), np.where(swap, left, right)
