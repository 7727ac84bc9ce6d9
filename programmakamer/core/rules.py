"""The chamber's rules: where works meet in space and time.

Each rule is one function of plain data and reads as its definition: it takes candidate
pairs from one bulk spatial query, applies vectorised time, stakeholder and flag masks,
measures what remains and reports one finding per pair of works (hotspots: per cell).
How pairs are found and measured lives in `pairs`, the hotspot cells in `grids`, the
sentences that explain a finding in `explanations`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from . import explanations
from .findings import Findings, concat, make_findings
from .grids import grid_around, guard_cell_years, per_cell_and_year
from .pairs import (
    AREA_TYPES,
    LINE_TYPES,
    Pairs,
    WorkPairs,
    find_pairs,
    measure,
    measure_pairs,
    measured_part,
    orient_symmetric,
    pairs_for,
)
from .schema import STARTED_STATUSES
from .settings import RuleSettings
from .works import DAYS_PER_YEAR, OPEN_END, Works, gap_years, overlap_days


def _pair_findings(kind: str, works: Works, measured: WorkPairs, parameters: dict, **columns):
    """Findings for measured work pairs: the columns every pair rule shares, plus its own."""
    a, b = measured.left, measured.right
    return make_findings(
        kind,
        len(a),
        parameters,
        work_a=works.work_id[a],
        work_b=works.work_id[b],
        stakeholder_a=works.stakeholder[a],
        stakeholder_b=works.stakeholder[b],
        distance_m=measured.distance,
        shared_length_m=measured.shared_length,
        shared_area_m2=measured.shared_area,
        geometry=measured.zone,
        **columns,
    )


# --- the rules ---------------------------------------------------------------------------


def find_combine_chances(
    works: Works, settings: RuleSettings, pairs: Pairs | None = None
) -> Findings:
    """Dig once: different stakeholders, both digging (or one digging and one repaving),
    within the combine distance, periods at most the window apart."""
    digs, paves = works.opens_ground, works.renews_surface
    mask = works.active(settings.include_closed) & (digs | paves)
    reach = settings.combine_distance_m
    found = pairs_for(works, pairs, mask, reach)
    left, right = orient_symmetric(works, found.left, found.right)
    gap = gap_years(works, left, right)
    keep = (
        (works.stakeholder[left] != works.stakeholder[right])
        & ((digs[left] & digs[right]) | (digs[left] & paves[right]) | (paves[left] & digs[right]))
        & (gap <= settings.combine_window_years)
    )
    measured = measure(works, left[keep], right[keep], reach, *measured_part(found, keep))
    a, b = measured.left, measured.right
    gap = gap_years(works, a, b)
    flexible = np.maximum(works.flexibility[a], works.flexibility[b]) >= gap
    along = measured.shared_length > 0
    by_area = ~along & _both_areas(works, a, b)
    # what the saving is counted over: metres along each other, else the area of two
    # areas; works that share neither (points) get none
    saving = np.select(
        [along, by_area],
        [
            measured.shared_length * settings.cost_per_metre_eur,
            measured.shared_area * settings.cost_per_square_metre_eur,
        ],
        np.nan,
    )
    en, nl = explanations.combine(works, a, b, gap, flexible, measured, by_area, saving)
    return _pair_findings(
        "combine",
        works,
        measured,
        {
            "distance_m": reach,
            "window_years": settings.combine_window_years,
            "cost_per_metre_eur": settings.cost_per_metre_eur,
            "cost_per_square_metre_eur": settings.cost_per_square_metre_eur,
        },
        time_gap_years=gap,
        saving_eur=saving,
        severity=np.where(by_area, measured.shared_area / 10000.0, measured.shared_length / 100.0),
        explanation_en=en,
        explanation_nl=nl,
    )


def _both_areas(works: Works, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairs of two works that are areas (their whole footprint, not one of several)."""
    area = np.isin(shapely.get_type_id(works.geometry), AREA_TYPES)
    footprints = np.bincount(works.work_index)
    all_areas = np.bincount(works.work_index, weights=area) == footprints
    return all_areas[works.work_index[a]] & all_areas[works.work_index[b]]


def find_clashes(
    works: Works,
    settings: RuleSettings,
    accepted: set[tuple[str, str]] | None = None,
    pairs: Pairs | None = None,
) -> Findings:
    """Works within the clash distance whose periods overlap, unless the chamber accepted
    them as one combined work. Severity = overlap in months × (1 + shared length / 100 m)."""
    accepted = {tuple(sorted(p)) for p in (accepted or set())}  # type: ignore[misc]  # pairs
    mask = works.active(settings.include_closed)
    reach = settings.clash_distance_m
    found = pairs_for(works, pairs, mask, reach)
    left, right = orient_symmetric(works, found.left, found.right)
    days = overlap_days(works, left, right)
    keep = days > 0
    if accepted:
        keep &= np.array(
            [(a, b) not in accepted for a, b in zip(works.work_id[left], works.work_id[right])],
            dtype=bool,
        )
    measured = measure(works, left[keep], right[keep], reach, *measured_part(found, keep))
    a, b = measured.left, measured.right
    days = overlap_days(works, a, b)
    severity = days / 30.0 * (1.0 + measured.shared_length / 100.0)
    en, nl = explanations.clash(works, a, b, days)
    return _pair_findings(
        "clash",
        works,
        measured,
        {"distance_m": reach},
        time_gap_years=np.zeros(len(a)),
        severity=severity,
        explanation_en=en,
        explanation_nl=nl,
    )


def _renewal_then_dig(
    works: Works, settings: RuleSettings, pairs: Pairs | None, renewal_mask: np.ndarray
):
    """Renewal/excavation pairs with the excavation inside the renewal's moratorium."""
    dig_mask = works.active(settings.include_closed) & works.opens_ground
    mask = renewal_mask | dig_mask
    reach = settings.sequence_distance_m
    found = pairs_for(works, pairs, mask, reach)
    doubled = found.both_ways()
    renewal, dig = doubled.left, doubled.right
    years = settings.moratorium_for(works.surface_type[renewal])
    after = (works.start[dig] - works.end[renewal]).astype("float64") / DAYS_PER_YEAR
    keep = renewal_mask[renewal] & dig_mask[dig] & (after >= 0) & (after < years)
    measured = measure(works, renewal[keep], dig[keep], reach, *measured_part(doubled, keep))
    r, d = measured.left, measured.right
    after = (works.start[d] - works.end[r]).astype("float64") / DAYS_PER_YEAR
    remaining = settings.moratorium_for(works.surface_type[r]) - after
    return measured, r, d, after, remaining


def _renewal_findings(kind, works, settings, measured, after, remaining, en, nl) -> Findings:
    """Findings of the two renewal rules: the gap after the renewal, the moratorium left."""
    return _pair_findings(
        kind,
        works,
        measured,
        {"distance_m": settings.sequence_distance_m, "moratorium_years": settings.moratorium_years},
        time_gap_years=after,
        severity=remaining,
        explanation_en=en,
        explanation_nl=nl,
    )


def find_sequence_errors(
    works: Works, settings: RuleSettings, pairs: Pairs | None = None
) -> Findings:
    """Pave before dig: a planned surface renewal before an excavation within the sequence
    distance and within the moratorium after it. Severity = moratorium years left."""
    status = works.status
    renewal_mask = (
        works.active(settings.include_closed)
        & works.renews_surface
        & ~np.isin(status, STARTED_STATUSES)
    )
    measured, r, d, after, remaining = _renewal_then_dig(works, settings, pairs, renewal_mask)
    en, nl = explanations.sequence(works, r, d, after, remaining)
    return _renewal_findings("sequence", works, settings, measured, after, remaining, en, nl)


def find_moratorium_breaches(
    works: Works, settings: RuleSettings, pairs: Pairs | None = None
) -> Findings:
    """Graafrust: an excavation inside the moratorium after a renewal that is done or under
    way (planned renewals are the sequence rule's). Done renewals always count here."""
    renewal_mask = (
        works.active(include_closed=True)
        & works.renews_surface
        & np.isin(works.status, STARTED_STATUSES)
    )
    measured, r, d, after, remaining = _renewal_then_dig(works, settings, pairs, renewal_mask)
    en, nl = explanations.moratorium(works, r, d, after, remaining)
    return _renewal_findings("moratorium", works, settings, measured, after, remaining, en, nl)


@dataclass
class Challenges:
    challenge_id: np.ndarray
    title: np.ndarray
    geometry: np.ndarray


def find_ambitions(works: Works, challenges: Challenges, settings: RuleSettings) -> Findings:
    """A work that digs or repaves inside a challenge area: the ambition can ride along.
    Severity = shared length / 100 m, or shared area / 1 ha for areas."""
    mask = works.active(settings.include_closed) & (works.opens_ground | works.renews_surface)
    index = np.flatnonzero(mask & ~shapely.is_missing(works.geometry))
    if len(index) == 0 or len(challenges.geometry) == 0:
        return make_findings("ambition", 0, {})
    tree = shapely.STRtree(challenges.geometry)
    w, c = tree.query(works.geometry[index], predicate="intersects")
    w = index[w]
    key = works.work_index[w].astype("int64") * (len(challenges.geometry) + 1) + c
    _, first = np.unique(key, return_index=True)
    w, c = w[first], c[first]
    inside = shapely.intersection(works.geometry[w], challenges.geometry[c])
    is_line = np.isin(shapely.get_type_id(works.geometry[w]), LINE_TYPES)
    length = np.where(is_line, shapely.length(inside), 0.0)
    area = shapely.area(inside)
    zone = shapely.intersection(
        shapely.buffer(works.geometry[w], settings.combine_distance_m / 2), challenges.geometry[c]
    )
    severity = np.where(is_line, length / 100.0, area / 10000.0)
    en, nl = explanations.ambition(works, w, challenges.title[c], is_line, length, area)
    return make_findings(
        "ambition",
        len(w),
        {"buffer_m": settings.combine_distance_m / 2},
        work_a=works.work_id[w],
        challenge_id=challenges.challenge_id[c],
        stakeholder_a=works.stakeholder[w],
        distance_m=np.zeros(len(w)),
        shared_length_m=length,
        shared_area_m2=area,
        severity=severity,
        geometry=zone,
        explanation_en=en,
        explanation_nl=nl,
    )


def _years(works: Works, w: np.ndarray, years: tuple[int | None, int | None] | None):
    """Per (work, cell) row its first and last year, and the span of years to count: the
    chosen first and last year, else from the earliest start to the last year in which
    any work starts or ends. An open-ended work runs on in every year of the span; after
    it nothing changes any more. Rows are cut to the span (outside it: first > last)."""
    start = works.start[w].astype("datetime64[Y]").astype("int64") + 1970
    end = works.end[w].astype("datetime64[Y]").astype("int64") + 1970
    chosen_first, chosen_last = years or (None, None)
    closed = works.end[w] < OPEN_END
    first = int(start.min()) if chosen_first is None else chosen_first
    if chosen_last is None:
        last = int(max(start.max(), end[closed].max() if closed.any() else first, first))
    else:
        last = chosen_last
    return np.maximum(start, first), np.minimum(end, last), first, last


def find_hotspots(
    works: Works,
    settings: RuleSettings,
    zones: Challenges | None = None,
    years: tuple[int | None, int | None] | None = None,
) -> Findings:
    """Knelpunten: per grid cell (or zone) and year, the works and the excavations under way.
    Hindrance = works + 2 × excavations. Cells where some year has at least the minimum
    number of works are reported; severity = the highest yearly hindrance. The years
    are the chosen (first, last), either may be None, or cover every work's period (see
    `_years`)."""
    mask = works.active(settings.include_closed) & ~shapely.is_missing(works.geometry)
    index = np.flatnonzero(mask)
    if len(index) == 0:
        return make_findings("hotspot", 0, {})
    geometry = works.geometry[index]
    if zones is None:
        grid = grid_around(geometry, settings.hotspot_cell_m, bool(settings.hotspot_hexagonal))
        cells = grid.cells
    else:
        cells = zones.geometry
    w, c = shapely.STRtree(cells).query(geometry, predicate="intersects")
    w = index[w]
    pair_key = works.work_index[w].astype("int64") * (len(cells) + 1) + c
    _, first_row = np.unique(pair_key, return_index=True)
    w, c = w[first_row], c[first_row]
    # only cells with enough works in all years together can reach the minimum in one
    crowded = np.flatnonzero(np.bincount(c, minlength=len(cells)) >= settings.hotspot_min_works)
    keep = np.isin(c, crowded)
    w, c = w[keep], np.searchsorted(crowded, c[keep])
    if len(w) == 0:
        return make_findings("hotspot", 0, {})
    start, end, first, last = _years(works, w, years)
    inside = start <= end
    w, c, start, end = w[inside], c[inside], start[inside], end[inside]
    if len(w) == 0:
        return make_findings("hotspot", 0, {})
    earliest, latest = works.work_id[w[start.argmin()]], works.work_id[w[end.argmax()]]
    guard_cell_years(len(crowded), first, last, earliest, latest)
    span_years = last - first + 1
    counts = per_cell_and_year(c, start, end, first, len(crowded), span_years)
    digs_of = works.opens_ground[w]
    digs = per_cell_and_year(
        c[digs_of], start[digs_of], end[digs_of], first, len(crowded), span_years
    )
    hindrance = counts + 2 * digs
    hot_rows = np.flatnonzero(counts.max(axis=1) >= settings.hotspot_min_works)
    hot = crowded[hot_rows]
    counts, digs, hindrance = counts[hot_rows], digs[hot_rows], hindrance[hot_rows]
    peak = hindrance.argmax(axis=1)
    if zones is None:
        keys = grid.keys(hot)
        labels_en, labels_nl = grid.labels(hot)
    else:
        keys, labels_en, labels_nl = zones.challenge_id[hot], zones.title[hot], zones.title[hot]
    span = np.arange(first, last + 1)
    extra = [
        {"years": {y: [n, d, h] for y, n, d, h in zip(span.tolist(), ns, ds, hs) if n}}
        for ns, ds, hs in zip(counts.tolist(), digs.tolist(), hindrance.tolist())
    ]
    rows = np.arange(len(hot))
    at_peak = np.column_stack([counts[rows, peak], digs[rows, peak], hindrance[rows, peak]])
    en, nl = explanations.hotspot(labels_en, labels_nl, at_peak, span[peak].tolist())
    return make_findings(
        "hotspot",
        len(hot),
        {
            "cell_m": None if zones is not None else settings.hotspot_cell_m,
            "hexagonal": bool(settings.hotspot_hexagonal) and zones is None,
            "min_works": settings.hotspot_min_works,
            "years": [first, last],
        },
        challenge_id=keys,
        shared_area_m2=shapely.area(cells[hot]),
        severity=hindrance.max(axis=1).astype("float64"),
        geometry=cells[hot],
        explanation_en=en,
        explanation_nl=nl,
        extra=extra,
    )


def analyse(
    works: Works,
    settings: RuleSettings,
    challenges: Challenges | None = None,
    accepted: set[tuple[str, str]] | None = None,
    zones: Challenges | None = None,
) -> Findings:
    """All rules on one programme, sharing one pair search at the largest distance."""
    settings.validate()
    reach = max(
        settings.combine_distance_m, settings.clash_distance_m, settings.sequence_distance_m
    )
    dated = ~np.isnat(works.start) & ~np.isnat(works.end) & (works.status != "cancelled")
    pairs = measure_pairs(works, find_pairs(works, dated, reach))
    parts = [
        find_combine_chances(works, settings, pairs),
        find_clashes(works, settings, accepted, pairs),
        find_sequence_errors(works, settings, pairs),
        find_moratorium_breaches(works, settings, pairs),
    ]
    if challenges is not None:
        parts.append(find_ambitions(works, challenges, settings))
    parts.append(find_hotspots(works, settings, zones))
    return concat(parts)
