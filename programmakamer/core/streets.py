"""Geometry from street names: a delivery's "Kerkstr. 12-40, Utrecht" found on a street network.

The network (NWB road segments, OSM streets, the programme's own streets) is built once from
plain data: one name, optionally a place and a house-number range per segment, and a shapely
line. Segments that share a normalised name and place form one street, merged into lines in
one bulk call. Each query then gets a match level:

- ``exact``: the name as given (trimmed) is the found street's name, in the row's place;
- ``normalised``: equal after :func:`normalise_street_name` (case, diacritics, spacing,
  punctuation, Dutch abbreviations such as Burg., Kon., v.d., -str.);
- ``fuzzy``: the most similar normalised name, scored 0-100 (difflib's ratio, the share of
  matching characters); accepted automatically only at :data:`ACCEPT_SCORE` or above;
- ``ambiguous``: the name exists in several places and the place does not tell which, or two
  different names score the same;
- ``none``: nothing close enough.

Rows that are not exact carry the best candidates, so the specialist can choose.

Fuzzy scores come from the standard library's difflib on a short list of names that share
the most character trigrams with the query, so no extra package has to be installed in the
user's QGIS; on 1,000 rows against 5,000 segments the whole check takes well under a second
(benchmarks/streets.py).

Coordinates are assumed to be in metres (the adapter brings the network into the
programme's CRS): :data:`SNAP_M` is the gap between a street and a cross street still taken
as their crossing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

ACCEPT_SCORE = 90.0
"""Lowest fuzzy score (0-100) taken without the specialist's word. One wrong or missing
letter in a name of ten letters scores 90-95; two letters wrong in a short name, or another
suffix ("Kerkstraat" against "Kerklaan", 67), stay below. Names whose numbers differ
("1e" against "2e Helmersstraat") never score above :data:`DIFFERENT_NUMBERS_SCORE`."""

CANDIDATE_SCORE = 60.0
"""Lowest score for a name to be offered as a candidate at all."""

MATCH_CHUNK = 200
"""Queries matched between two progress calls: well under a second, so Cancel is heard."""

DIFFERENT_NUMBERS_SCORE = 80.0
"""Highest score of two names that differ in their digits: a typo never turns one numbered
street into another."""

CANDIDATES = 5
"""How many candidates a row that is not exact carries, best first."""

SNAP_M = 2.0
"""Largest gap (metres) between a street and a cross street still taken as their crossing."""

METRES_PER_HOUSE_NUMBER = 5.0
"""Where the network has no house-number ranges, numbers are taken to run evenly from 1 at
the start of the street, one number per 5 m of street (odd and even on both sides of plots
about 10 m wide). Where the network has them (NWB's E_HNR/L_HNR fields), each segment's
range is interpolated along that segment instead."""

LEVELS = ("exact", "normalised", "fuzzy", "ambiguous", "none")

PROBLEMS = (
    "place_unknown",  # the row's place is none of the network's: it did not narrow
    "from_street_not_found",  # the cross street is not found (accepted) in the street's place
    "to_street_not_found",
    "one_cross_street",  # only one cross street given: no stretch between two
    "cross_street_not_crossing",  # a cross street does not meet the street (within SNAP_M)
    "cross_streets_meet",  # both cross streets meet the street at one crossing
    "cut_needs_lines",  # the street is made of areas (road parts): not cut
    "numbers_outside_street",  # the network's house-number ranges do not hold the numbers
    "numbers_approximate",  # placed proportionally (METRES_PER_HOUSE_NUMBER), not by ranges
)
"""What a match could not do, as codes; the street's whole geometry is kept where a cut
failed."""

# Whole words written out or abbreviated: both normalise to the short form, because the
# short form is the one that stands for several words (Pr. is Prins or Prinses).
_WORDS = {
    "burgemeester": "burg",
    "burgem": "burg",
    "prins": "pr",
    "prinses": "pr",
    "koning": "kon",
    "koningin": "kon",
    "sint": "st",
    "sinte": "st",
    "meester": "mr",
    "doctor": "dr",
    "dokter": "dr",
    "professor": "prof",
    "generaal": "gen",
    "jonkheer": "jhr",
    "dominee": "ds",
    "pastoor": "past",
    "monseigneur": "mgr",
    "gebroeders": "gebr",
    "kardinaal": "kard",
    "wethouder": "weth",
    "luitenant": "luit",
    "admiraal": "adm",
    "kolonel": "kol",
    "eerste": "1e",
    "tweede": "2e",
    "derde": "3e",
    "vierde": "4e",
    "vijfde": "5e",
    "van": "v",
}

# Word endings written short: the long form wins, because "Kerkstr." and "Kerk str" mean
# the one "Kerkstraat". Longest first, so "pln" is not read as "-p" + "ln".
_ENDINGS = (
    ("straat", "straat"),
    ("plein", "plein"),
    ("str", "straat"),
    ("pln", "plein"),
    ("ln", "laan"),
    ("wg", "weg"),
    ("kd", "kade"),
    ("sngl", "singel"),
)

# "van der", "van den", "van de", "v.d.", "v/d" and "vd" are one particle.
_VD_SECOND = {"der", "den", "de", "d"}

_SEPARATORS = re.compile(r"[^0-9a-z]+")


def normalise_street_name(text: str | None) -> str:
    """The key two spellings of one street share: lower case, no diacritics, no spacing or
    punctuation, Dutch abbreviations in one form, 'ij' as 'y'."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    tokens = [t for t in _SEPARATORS.split(plain) if t]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token in ("van", "v") and following in _VD_SECOND:
            out.append("vd")
            i += 2
            continue
        out.append(_short_word(token))
        i += 1
    return "".join(out).replace("ij", "y")


def _short_word(token: str) -> str:
    if token in _WORDS:
        return _WORDS[token]
    for short, full in _ENDINGS:
        if token.endswith(short):
            return token[: len(token) - len(short)] + full
    return token


_HOUSE_NUMBERS = re.compile(
    r"^(?P<street>.*?[^\d\s])\s*,?\s+(?P<first>\d{1,5})\s*[a-zA-Z]{0,2}"
    r"(?:\s*(?:-|–|/|t/m|tm|tot en met|tot|en)\s*(?P<last>\d{1,5})\s*[a-zA-Z]{0,2})?\s*$"
)


def split_house_numbers(text: str | None) -> tuple[str, tuple[int, int] | None]:
    """A street with its house numbers in one field ("Kerkstraat 12-40", "Kerkstr. 3a t/m
    9") as the street and the number range; the text unchanged and None otherwise."""
    found = _HOUSE_NUMBERS.match((text or "").strip())
    if found is None:
        return (text or "").strip(), None
    first = int(found["first"])
    last = int(found["last"]) if found["last"] else first
    return found["street"].strip(), (min(first, last), max(first, last))


def similarity(a: str, b: str) -> float:
    """Score 0-100 of two normalised names; names whose digits differ are capped."""
    score = 100.0 * SequenceMatcher(None, a, b, autojunk=False).ratio()
    if _digits(a) != _digits(b):
        score = min(score, DIFFERENT_NUMBERS_SCORE)
    return score


def _digits(key: str) -> str:
    return "".join(c for c in key if c.isdigit())


def _trigrams(key: str) -> set[str]:
    padded = "  {} ".format(key)
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@dataclass(frozen=True)
class StreetQuery:
    """One row of a delivery: where its work lies, in words."""

    row: int
    street: str
    place: str | None = None
    from_street: str | None = None
    to_street: str | None = None
    numbers: tuple[int, int] | None = None


@dataclass(frozen=True)
class StreetMatch:
    """What a row's words were found as.

    `geometry` is set only when the match is accepted (exact, normalised, or fuzzy at
    ACCEPT_SCORE or above); `candidates` are (name, place, score), best first, for every
    row that is not exact. `cut` says what the geometry is: "street" (the whole street),
    "cross_streets" or "numbers"; `problems` are codes from PROBLEMS of what could not be
    done, so the wizard can say them.
    """

    row: int
    level: str
    score: float
    geometry: BaseGeometry | None
    candidates: list[tuple[str, str | None, float]]
    street: str | None = None
    place: str | None = None
    cut: str | None = None
    problems: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.geometry is not None


@dataclass
class _Street:
    name: str
    place: str | None
    key: str
    place_key: str
    names: set[str]
    segments: np.ndarray
    geometry: BaseGeometry


@dataclass
class StreetNetwork:
    """Streets made of named segments, built once; `streets` are merged per (name, place).

    `numbers` per segment is (first, last) house number at the segment's start and end
    point, or None; segments without a name are left out.
    """

    streets: list[_Street] = field(default_factory=list)
    segment_geometries: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    segment_numbers: list[tuple[int, int] | None] = field(default_factory=list)
    _by_key: dict[str, list[int]] = field(default_factory=dict)
    _place_keys: set[str] = field(default_factory=set)
    _trigram_index: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_segments(
        cls,
        names: Sequence[str | None],
        geometries: Sequence[BaseGeometry | None],
        places: Sequence[str | None] | None = None,
        numbers: Sequence[tuple[int, int] | None] | None = None,
    ) -> StreetNetwork:
        count = len(names)
        places = places if places is not None else [None] * count
        numbers = numbers if numbers is not None else [None] * count
        if not (len(geometries) == len(places) == len(numbers) == count):
            raise ValueError("names, geometries, places and numbers differ in length")
        geoms = np.asarray(geometries, dtype=object)
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
        place_spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
        keys: dict[str | None, str] = {}  # a street has many segments: normalise each name once
        for i, (name, place, geometry) in enumerate(zip(names, places, geoms)):
            if geometry is None or geometry.is_empty or not name or not str(name).strip():
                continue
            key = keys.get(name)
            if key is None:
                key = keys[name] = normalise_street_name(name)
            if not key:
                continue
            place_text = str(place).strip() if place is not None and str(place).strip() else None
            place_key = keys.get(place_text)
            if place_key is None:
                place_key = keys[place_text] = normalise_street_name(place_text)
            group = (key, place_key)
            groups[group].append(i)
            spellings[group][str(name).strip()] += 1
            if place_text:
                place_spellings[group][place_text] += 1
        network = cls(segment_geometries=geoms, segment_numbers=list(numbers))
        order = sorted(groups)
        merged = _merged_lines(geoms, [groups[g] for g in order])
        for group, geometry in zip(order, merged):
            if geometry is None:
                continue
            key, place_key = group
            places_seen = place_spellings[group]
            street = _Street(
                name=spellings[group].most_common(1)[0][0],
                place=places_seen.most_common(1)[0][0] if places_seen else None,
                key=key,
                place_key=place_key,
                names=set(spellings[group]),
                segments=np.asarray(groups[group], dtype=np.int64),
                geometry=geometry,
            )
            index = len(network.streets)
            network.streets.append(street)
            network._by_key.setdefault(key, []).append(index)
            if place_key:
                network._place_keys.add(place_key)
        for key in network._by_key:
            for gram in _trigrams(key):
                network._trigram_index.setdefault(gram, []).append(key)
        return network

    def __len__(self) -> int:
        return len(self.streets)

    def shortlist(self, key: str, size: int = 25) -> list[str]:
        """Names sharing the most trigrams with `key`: the few worth a full comparison."""
        shared: Counter = Counter()
        for gram in _trigrams(key):
            shared.update(self._trigram_index.get(gram, ()))
        return [k for k, _ in shared.most_common(size)]


def _merged_lines(geometries: np.ndarray, groups: list[list[int]]) -> list[BaseGeometry | None]:
    """Each group's segments as one (Multi)LineString, merged where they meet, in bulk;
    areas (road parts) are unioned instead; None for a group of points only."""
    if not groups:
        return []
    members = np.concatenate([np.asarray(g, dtype=np.int64) for g in groups])
    owners = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    parts, source = shapely.get_parts(geometries[members], return_index=True)
    owners = owners[source]
    kinds = shapely.get_type_id(parts)
    lines, areas = kinds == 1, kinds == 3
    result: list[BaseGeometry | None] = [None] * len(groups)
    if lines.any():
        # shapely wants the indices of the collections it builds without gaps
        owned, dense = np.unique(owners[lines], return_inverse=True)
        merged = shapely.line_merge(shapely.multilinestrings(parts[lines], indices=dense))
        for owner, geometry in zip(owned, merged):
            result[int(owner)] = geometry
    if areas.any():
        for owner in np.unique(owners[areas]):
            shapes = list(parts[areas][owners[areas] == owner])
            if result[int(owner)] is not None:
                shapes.append(result[int(owner)])
            result[int(owner)] = shapely.union_all(shapes)
    return result


def match_streets(
    queries: Sequence[StreetQuery],
    network: StreetNetwork,
    accept_score: float = ACCEPT_SCORE,
    progress: Callable[[float], object] | None = None,
) -> list[StreetMatch]:
    """One match per query, in the queries' order; fuzzy matches below `accept_score` are
    offered, never taken. `progress(fraction done)` is called every MATCH_CHUNK queries (a
    caller stops the matching by raising from it)."""
    run = _Run(accept_score)
    if progress is None:
        return [_match(query, network, run) for query in queries]
    matches = []
    for start in range(0, len(queries), MATCH_CHUNK):
        matches += [_match(q, network, run) for q in queries[start : start + MATCH_CHUNK]]
        progress(len(matches) / len(queries))
    return matches


@dataclass
class _Run:
    """One matching: its accept score, and each (name, place) found once."""

    accept_score: float
    found: dict[tuple[str, str], _Found] = field(default_factory=dict)


def match_chosen(
    query: StreetQuery, network: StreetNetwork, name: str, place: str | None
) -> StreetMatch:
    """The match the specialist chose among a row's candidates: its geometry, cut as the
    row asks; level "exact", because the specialist named the street."""
    place_key = normalise_street_name(place)
    key = normalise_street_name(name)
    indexes = [i for i in network._by_key.get(key, []) if network.streets[i].place_key == place_key]
    if not indexes:
        raise ValueError("no street {!r} in {!r}".format(name, place))
    found = _Found("exact", 100.0, indexes, [])
    return _finish(query, network, found, _Run(ACCEPT_SCORE))


@dataclass
class _Found:
    level: str
    score: float
    streets: list[int]
    candidates: list[tuple[str, str | None, float]]
    problems: tuple[str, ...] = ()


def _match(query: StreetQuery, network: StreetNetwork, run: _Run) -> StreetMatch:
    if query.numbers is None and normalise_street_name(query.street) not in network._by_key:
        street, numbers = split_house_numbers(query.street)  # never splits "Plein 1944"
        if numbers is not None:
            query = replace(query, street=street, numbers=numbers)
    found = _find(query.street, query.place, network, run)
    return _finish(query, network, found, run)


def _find(street: str | None, place: str | None, network: StreetNetwork, run: _Run) -> _Found:
    """The street (as indexes into network.streets) a name and place stand for."""
    text = (street or "").strip()
    place_key = normalise_street_name(place)
    memo = (text, place_key)
    if memo in run.found:
        return run.found[memo]
    problems: tuple[str, ...] = ()
    if place_key and network._place_keys and place_key not in network._place_keys:
        problems = ("place_unknown",)
        place_key = ""
    if not network._place_keys:
        place_key = ""
    key = normalise_street_name(text)
    keys = [(key, 100.0)] if key in network._by_key else _scored(key, network)
    found = _choose(text, key in network._by_key, keys, place_key, network, run.accept_score)
    found.problems = problems + found.problems
    run.found[memo] = found
    return found


def _scored(key: str, network: StreetNetwork) -> list[tuple[str, float]]:
    if not key:
        return []
    scores = [(other, similarity(key, other)) for other in network.shortlist(key)]
    scores = [s for s in scores if s[1] >= CANDIDATE_SCORE]
    return sorted(scores, key=lambda s: (-s[1], s[0]))


def _choose(
    text: str,
    known: bool,
    keys: list[tuple[str, float]],
    place_key: str,
    network: StreetNetwork,
    accept_score: float,
) -> _Found:
    """Narrow the scored names by place, and decide the level: exact when the street found
    has the name as written, normalised when only its normalised name is known."""
    streets = network.streets
    ranked: list[tuple[int, float]] = []
    elsewhere: list[tuple[int, float]] = []
    for k, s in keys:
        for i in network._by_key[k]:
            here = not place_key or streets[i].place_key == place_key
            (ranked if here else elsewhere).append((i, s))
    candidates = [(streets[i].name, streets[i].place, round(s, 1)) for i, s in ranked + elsewhere]
    candidates = candidates[:CANDIDATES]
    if not ranked:
        return _Found("none", keys[0][1] if keys else 0.0, [], candidates)
    best = ranked[0][1]
    top = [i for i, s in ranked if s == best]
    if len(top) > 1:
        # one name in several places (or two names scored alike) and nothing to tell them apart
        return _Found("ambiguous", best, [], candidates)
    if not known:
        return _Found("fuzzy", best, top if best >= accept_score else [], candidates)
    if text in streets[top[0]].names:
        return _Found("exact", best, top, [])
    return _Found("normalised", best, top, candidates)


def _finish(query: StreetQuery, network: StreetNetwork, found: _Found, run: _Run) -> StreetMatch:
    if not found.streets:
        return StreetMatch(
            query.row, found.level, found.score, None, found.candidates, problems=found.problems
        )
    street = network.streets[found.streets[0]]
    geometry, cut, problems = _cut(query, street, network, run)
    return StreetMatch(
        query.row,
        found.level,
        found.score,
        geometry,
        found.candidates,
        street.name,
        street.place,
        cut,
        found.problems + problems,
    )


def _cut(query: StreetQuery, street: _Street, network: StreetNetwork, run: _Run):
    """The part of the street the row asks for: between cross streets, or a number range."""
    wanted = [s for s in (query.from_street, query.to_street) if s and s.strip()]
    if (wanted or query.numbers is not None) and shapely.get_dimensions(street.geometry) != 1:
        return street.geometry, "street", ("cut_needs_lines",)  # road parts (areas)
    if len(wanted) == 2:
        return _between_cross_streets(query, street, network, run)
    problems: tuple[str, ...] = ("one_cross_street",) if wanted else ()
    if query.numbers is not None:
        geometry, more = _numbers(street, network, query.numbers)
        if geometry is not None:
            return geometry, "numbers", problems + more
        problems += more
    return street.geometry, "street", problems


def _between_cross_streets(query: StreetQuery, street: _Street, network: StreetNetwork, run):
    problems: list[str] = []
    crossings = []
    for text, code in ((query.from_street, "from_street"), (query.to_street, "to_street")):
        found = _find(text, street.place, network, run)
        if not found.streets:
            problems.append(code + "_not_found")
            continue
        crossings.append(network.streets[found.streets[0]].geometry)
    if problems:
        return street.geometry, "street", tuple(problems)
    return _part_between(street.geometry, crossings[0], crossings[1])


def _part_between(line: BaseGeometry, first: BaseGeometry, second: BaseGeometry):
    """The shortest stretch of one of the street's lines from a crossing with `first` to a
    crossing with `second`; the whole street and why when no line of the street meets both
    apart."""
    best = None
    problem = "cross_street_not_crossing"
    for part in shapely.get_parts(line):
        if shapely.get_type_id(part) != 1:
            continue
        for a in _crossings(part, first):
            for b in _crossings(part, second):
                if abs(a - b) < 1e-9:
                    problem = "cross_streets_meet"  # both at one crossing: no stretch between
                elif best is None or abs(a - b) < best[0]:
                    best = (abs(a - b), part, min(a, b), max(a, b))
    if best is None:
        return line, "street", (problem,)
    return substring(best[1], best[2], best[3]), "cross_streets", ()


def _crossings(line: BaseGeometry, other: BaseGeometry) -> list[float]:
    """Distances along `line` where `other` crosses or comes within SNAP_M of it."""
    meet = shapely.intersection(line, other)
    points = list(shapely.get_parts(shapely.extract_unique_points(meet)))
    if not points and shapely.distance(line, other) <= SNAP_M:
        points = [shapely.shortest_line(line, other).boundary.geoms[0]]
    return sorted({round(float(line.project(p)), 6) for p in points})


def _numbers(street: _Street, network: StreetNetwork, numbers: tuple[int, int]):
    """The stretch holding house numbers lo..hi: per segment where the network has ranges,
    else proportional along the street (METRES_PER_HOUSE_NUMBER)."""
    lo, hi = sorted(numbers)
    ranged = [i for i in street.segments.tolist() if network.segment_numbers[i] is not None]
    if ranged:
        pieces = []
        for i in ranged:
            first, last = network.segment_numbers[i]
            piece = _segment_stretch(network.segment_geometries[i], first, last, lo, hi)
            if piece is not None:
                pieces.append(piece)
        if not pieces:
            return None, ("numbers_outside_street",)
        return shapely.line_merge(shapely.union_all(pieces)), ()
    lines = list(shapely.get_parts(street.geometry))
    length = sum(p.length for p in lines)
    last = max(hi, round(length / METRES_PER_HOUSE_NUMBER))
    span = max(last - 1, 1)
    start, end = (lo - 1) / span * length, (hi - 1) / span * length
    if end - start < METRES_PER_HOUSE_NUMBER:  # one number (or a few): its own plot
        middle = min(
            max((start + end) / 2, METRES_PER_HOUSE_NUMBER / 2),
            length - METRES_PER_HOUSE_NUMBER / 2,
        )
        start = max(middle - METRES_PER_HOUSE_NUMBER / 2, 0.0)
        end = min(middle + METRES_PER_HOUSE_NUMBER / 2, length)
    return _stretch_of_parts(lines, start, end), ("numbers_approximate",)


def _segment_stretch(segment, first: int, last: int, lo: int, hi: int):
    """The part of one segment numbered first..last (at its start..end) that holds lo..hi."""
    low, high = min(first, last), max(first, last)
    if hi < low or lo > high:
        return None
    if high == low:
        return segment
    a = (max(lo, low) - first) / (last - first)
    b = (min(hi, high) - first) / (last - first)
    a, b = sorted((a, b))
    return substring(segment, a, b, normalized=True)


def _stretch_of_parts(lines: list, start: float, end: float):
    """The stretch from `start` to `end` metres along the lines taken one after another."""
    pieces, offset = [], 0.0
    for line in lines:
        a, b = max(start - offset, 0.0), min(end - offset, line.length)
        if b > a:
            pieces.append(substring(line, a, b))
        offset += line.length
    return shapely.line_merge(shapely.union_all(pieces)) if len(pieces) > 1 else pieces[0]
