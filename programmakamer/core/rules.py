"""The chamber's rules: where works meet in space and time.

Each rule is one function of plain data. A rule takes candidate pairs from one bulk
spatial query (shapely STRtree, `dwithin`), applies vectorised time, stakeholder and
flag masks, measures what remains and reports one finding per pair of works.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .findings import Findings, concat, euros, make_findings, number_texts, year_text
from .grids import grid_around, guard_cell_years, per_cell_and_year
from .pairs import (
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

LANGS = ("en", "nl")


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


def _periods(works: Works, index: np.ndarray) -> np.ndarray:
    """'2027' or '2027–2029' per work in `index`, formatted once per distinct pair of years."""
    first = works.start[index].astype("datetime64[Y]")
    last = works.end[index].astype("datetime64[Y]")
    if len(index) == 0:
        return np.array([], dtype=object)
    key = np.stack([first.view("int64"), last.view("int64")], axis=1)
    _, where, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    texts = np.array([_period_text(first[k], last[k]) for k in where], dtype=object)
    return texts[inverse.reshape(-1)]


def _period_text(first: np.datetime64, last: np.datetime64) -> str:
    first_year, last_year = year_text(first), year_text(last)
    if first_year == last_year or last_year >= "2200":
        return first_year
    return "{}–{}".format(first_year, last_year)


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
    saving = measured.shared_length * settings.cost_per_metre_eur
    who = list(
        zip(
            works.stakeholder[a],
            works.title[a],
            _periods(works, a),
            works.stakeholder[b],
            works.title[b],
            _periods(works, b),
        )
    )
    en = [
        "{} ({}, {}) and {} ({}, {}) meet over {} m{}: digging once saves about {}.".format(
            *names, length, when, saving_text
        )
        for names, length, when, saving_text in zip(
            who,
            number_texts(measured.shared_length, "en"),
            _when_apart(gap, flexible, "en"),
            euros(saving, "en"),
        )
    ]
    nl = [
        "{} ({}, {}) en {} ({}, {}) liggen {} m samen{}: één keer graven bespaart circa {}.".format(
            *names, length, when, saving_text
        )
        for names, length, when, saving_text in zip(
            who,
            number_texts(measured.shared_length, "nl"),
            _when_apart(gap, flexible, "nl"),
            euros(saving, "nl"),
        )
    ]
    return _pair_findings(
        "combine",
        works,
        measured,
        {
            "distance_m": reach,
            "window_years": settings.combine_window_years,
            "cost_per_metre_eur": settings.cost_per_metre_eur,
        },
        time_gap_years=gap,
        saving_eur=saving,
        severity=measured.shared_length / 100.0,
        explanation_en=en,
        explanation_nl=nl,
    )


def _when_apart(gap: np.ndarray, flexible: np.ndarray, language: str) -> list[str]:
    """', 1.5 years apart[, flexible enough to meet]' per pair; nothing when they meet."""
    apart, close = (
        (", {} jaar na elkaar", ", met genoeg flexibiliteit om samen te gaan")
        if language == "nl"
        else (", {} years apart", ", flexible enough to meet")
    )
    return [
        apart.format(years) + (close if can else "") if far else ""
        for years, can, far in zip(
            number_texts(gap, language, 1), flexible.tolist(), (gap >= 0.05).tolist()
        )
    ]


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
    en = [
        "{} ({}) and {} ({}) work at the same place at the same time for {} days.".format(
            works.stakeholder[i], works.title[i], works.stakeholder[j], works.title[j], d
        )
        for i, j, d in zip(a, b, number_texts(days, "en"))
    ]
    nl = [
        "{} ({}) en {} ({}) werken {} dagen tegelijk op dezelfde plek.".format(
            works.stakeholder[i], works.title[i], works.stakeholder[j], works.title[j], d
        )
        for i, j, d in zip(a, b, number_texts(days, "nl"))
    ]
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


def _renewal_rows(works: Works, r, d, after, remaining) -> list[tuple]:
    """What the renewal rules' sentences say, per pair: the renewal's stakeholder, title and
    period (0-2), the excavation's (3-5), the years between in English and Dutch (6, 7) and
    the moratorium's length in English and Dutch (8, 9)."""
    return list(
        zip(
            works.stakeholder[r],
            works.title[r],
            _periods(works, r),
            works.stakeholder[d],
            works.title[d],
            _periods(works, d),
            number_texts(after, "en", 1),
            number_texts(after, "nl", 1),
            number_texts(after + remaining, "en"),
            number_texts(after + remaining, "nl"),
        )
    )


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
    rows = _renewal_rows(works, r, d, after, remaining)
    en = [
        "{0} renews the surface ({1}, {2}) {6} years before {3} digs there ({4}, {5}): "
        "dig first, pave last.".format(*row)
        for row in rows
    ]
    nl = [
        "{0} vernieuwt de verharding ({1}, {2}) {7} jaar voordat {3} daar graaft ({4}, {5}): "
        "eerst graven, dan bestraten.".format(*row)
        for row in rows
    ]
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
    rows = _renewal_rows(works, r, d, after, remaining)
    en = [
        "{3} digs ({4}, {5}) {6} years after {0} renewed the surface ({1}, {2}), "
        "inside the moratorium of {8} years.".format(*row)
        for row in rows
    ]
    nl = [
        "{3} graaft ({4}, {5}) {7} jaar nadat {0} de verharding vernieuwde ({1}, {2}), "
        "binnen de graafrust van {9} jaar.".format(*row)
        for row in rows
    ]
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
    sizes = {
        lang: [
            "{} m".format(m) if line else "{} m²".format(a)
            for m, a, line in zip(
                number_texts(length, lang), number_texts(area, lang), is_line.tolist()
            )
        ]
        for lang in LANGS
    }
    en = [
        "{} ({}) works inside '{}' over {}: add the ambition's measures while the street "
        "is open.".format(works.stakeholder[i], works.title[i], challenges.title[j], size)
        for i, j, size in zip(w, c, sizes["en"])
    ]
    nl = [
        "{} ({}) werkt over {} binnen '{}': neem de maatregelen van de opgave mee nu de straat "
        "toch open gaat.".format(works.stakeholder[i], works.title[i], size, challenges.title[j])
        for i, j, size in zip(w, c, sizes["nl"])
    ]
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


def _years(works: Works, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Per (work, cell) row its first and last year, and the span of years to count: from
    the earliest start to the last year in which any work starts or ends. An open-ended
    work runs on in every year of the span; after it nothing changes any more."""
    start = works.start[w].astype("datetime64[Y]").astype("int64") + 1970
    end = works.end[w].astype("datetime64[Y]").astype("int64") + 1970
    closed = works.end[w] < OPEN_END
    first = int(start.min())
    last = int(max(start.max(), end[closed].max() if closed.any() else first))
    return start, np.minimum(end, last), first, last


def find_hotspots(
    works: Works, settings: RuleSettings, zones: Challenges | None = None
) -> Findings:
    """Knelpunten: per grid cell (or zone) and year, the works and the excavations under way.
    Hindrance = works + 2 × excavations. Cells where some year has at least the minimum
    number of works are reported; severity = the highest yearly hindrance. The years
    cover every work's period (see `_years`)."""
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
    start, end, first, last = _years(works, w)
    earliest, latest = works.work_id[w[start.argmin()]], works.work_id[w[end.argmax()]]
    guard_cell_years(len(crowded), first, last, earliest, latest)
    years = last - first + 1
    counts = per_cell_and_year(c, start, end, first, len(crowded), years)
    digs_of = works.opens_ground[w]
    digs = per_cell_and_year(c[digs_of], start[digs_of], end[digs_of], first, len(crowded), years)
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
    texts = {lang: np.array(number_texts(at_peak.ravel(), lang)).reshape(-1, 3) for lang in LANGS}
    en = [
        "{}: {} works at once in {}, {} of them digging (hindrance {}).".format(label, n, y, d, h)
        for label, (n, d, h), y in zip(labels_en, texts["en"], span[peak].tolist())
    ]
    nl = [
        "{}: {} werken tegelijk in {}, waarvan {} gravend (hinder {}).".format(label, n, y, d, h)
        for label, (n, d, h), y in zip(labels_nl, texts["nl"], span[peak].tolist())
    ]
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
