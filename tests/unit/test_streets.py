"""Street names to geometry: normalisation, match levels, places, cuts."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, Point, box

from programmakamer.core.streets import (
    ACCEPT_SCORE,
    LEVELS,
    PROBLEMS,
    StreetNetwork,
    StreetQuery,
    match_chosen,
    match_streets,
    normalise_street_name,
    split_house_numbers,
)


def _segments(name, place, points, numbers=None):
    """One segment per pair of consecutive points."""
    lines = [LineString([a, b]) for a, b in zip(points[:-1], points[1:])]
    ranges = numbers or [None] * len(lines)
    return [(name, place, line, r) for line, r in zip(lines, ranges)]


def _network(*groups):
    rows = [row for group in groups for row in group]
    names, places, lines, numbers = zip(*rows)
    return StreetNetwork.from_segments(names, lines, places, numbers)


KERKSTRAAT = [(0, 0), (100, 0), (200, 0), (300, 0)]


@pytest.fixture
def town():
    """Kerkstraat in Utrecht and in Zeist; two cross streets of the Utrecht one."""
    return _network(
        _segments("Kerkstraat", "Utrecht", KERKSTRAAT, [(1, 19), (21, 39), (41, 59)]),
        _segments("Burgemeester de Vlugtlaan", "Utrecht", [(100, -50), (100, 0), (100, 50)]),
        _segments("Prinses Irenestraat", "Utrecht", [(200, -50), (200, 0), (200, 50)]),
        _segments("Van der Helststraat", "Utrecht", [(0, 500), (150, 500)]),
        _segments("1e Helmersstraat", "Utrecht", [(0, 700), (150, 700)]),
        _segments("Kerkstraat", "Zeist", [(0, 5000), (100, 5000), (250, 5000)]),
        _segments("Dorpsweg", "Zeist", [(0, 6000), (100, 6000)]),
    )


def one(network, street, place=None, **kwargs):
    match = match_streets([StreetQuery(7, street, place, **kwargs)], network)[0]
    assert match.level in LEVELS and set(match.problems) <= set(PROBLEMS)
    return match


@pytest.mark.parametrize(
    "spellings",
    [
        (
            "Burgemeester de Vlugtlaan",
            "Burg. de Vlugtlaan",
            "BURG.DE VLUGTLN.",
            "burg de  vlugt laan",
        ),
        ("Kerkstraat", "Kerkstr.", "Kerk str", "KERKSTRAAT ", "kerk-straat"),
        ("Van der Helststraat", "v.d. Helststraat", "vd Helststr.", "V/D Helststraat"),
        ("Prinses Irenestraat", "Pr. Irenestr.", "Prins Irenestraat"),
        ("Koningin Julianalaan", "Kon. Julianaln.", "Koning Julianalaan"),
        ("Sint Jansplein", "St. Janspln.", "St.-Jansplein"),
        ("Van Goghweg", "v. Goghwg.", "Van Gogh weg"),
        ("Havenkade", "Havenkd."),
        ("Eerste Jan Steenstraat", "1e Jan Steenstr."),
        ("Rue Émile Zola", "rue emile zola"),
        ("Rijnstraat", "Rynstraat", "RIJNSTRAAT"),
        ("'s-Gravendijkwal", "s Gravendijkwal", "’s Gravendykwal"),
    ],
)
def test_spellings_of_one_street_normalise_alike(spellings):
    keys = {normalise_street_name(s) for s in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kerkstraat", "Kerklaan"),
        ("1e Helmersstraat", "2e Helmersstraat"),
        ("Dorpsweg", "Dorpsstraat"),
    ],
)
def test_different_streets_stay_different(a, b):
    assert normalise_street_name(a) != normalise_street_name(b)


def test_the_name_as_given_matches_exactly_and_needs_no_candidates(town):
    match = one(town, "Prinses Irenestraat", "Utrecht")
    assert (match.level, match.score, match.candidates) == ("exact", 100.0, [])
    assert match.row == 7 and match.accepted and match.cut == "street"
    assert match.geometry.equals(LineString([(200, -50), (200, 50)]))


def test_a_name_written_as_another_places_street_is_normalised_in_its_own_place():
    network = _network(
        _segments("Kerkstraat", "Utrecht", KERKSTRAAT),
        _segments("KERKSTRAAT", "Zeist", [(0, 5000), (100, 5000)]),
    )
    match = one(network, "Kerkstraat", "Zeist")
    assert (match.level, match.street, match.place) == ("normalised", "KERKSTRAAT", "Zeist")


def test_an_abbreviated_name_matches_at_the_normalised_level(town):
    match = one(town, "burg. de vlugtln", "Utrecht")
    assert match.level == "normalised" and match.accepted
    assert match.street == "Burgemeester de Vlugtlaan"
    assert match.candidates[0] == ("Burgemeester de Vlugtlaan", "Utrecht", 100.0)


def test_a_name_in_two_places_is_told_apart_by_the_place(town):
    utrecht = one(town, "Kerkstraat", "utrecht")
    zeist = one(town, "Kerkstr.", "ZEIST")
    assert (utrecht.place, zeist.place) == ("Utrecht", "Zeist")
    assert utrecht.geometry.equals(LineString(KERKSTRAAT))  # three segments merged into one line
    assert zeist.geometry.equals(LineString([(0, 5000), (250, 5000)]))


def test_a_name_in_two_places_without_a_place_is_ambiguous_with_both_as_candidates(town):
    match = one(town, "Kerkstraat")
    assert match.level == "ambiguous" and match.geometry is None
    assert sorted(match.candidates) == [
        ("Kerkstraat", "Utrecht", 100.0),
        ("Kerkstraat", "Zeist", 100.0),
    ]


def test_an_unknown_place_is_said_and_does_not_narrow(town):
    assert one(town, "Kerkstraat", "Amersfoort").problems == ("place_unknown",)
    match = one(town, "Dorpsweg", "Amersfoort")
    assert match.accepted and match.place == "Zeist" and match.problems == ("place_unknown",)


def test_a_name_that_exists_only_in_another_place_is_not_taken(town):
    match = one(town, "Dorpsweg", "Utrecht")
    assert match.level == "none" and match.geometry is None
    assert match.candidates == [("Dorpsweg", "Zeist", 100.0)]


def test_a_name_that_exists_nowhere_gets_no_geometry(town):
    match = one(town, "Stationsplein", "Utrecht")
    assert (match.level, match.geometry, match.candidates) == ("none", None, [])


def test_a_typo_is_a_fuzzy_match_with_its_score(town):
    match = one(town, "Kerkstaat", "Utrecht")
    assert match.level == "fuzzy" and match.accepted
    assert match.score == pytest.approx(100 * 2 * 9 / 19)  # 9 of 10 letters in place
    assert match.score >= ACCEPT_SCORE
    assert match.candidates[0] == ("Kerkstraat", "Utrecht", 94.7)


def test_a_stricter_accept_score_offers_the_typo_instead_of_taking_it(town):
    [match] = match_streets([StreetQuery(0, "Kerkstaat", "Utrecht")], town, accept_score=95)
    assert (match.level, match.geometry) == ("fuzzy", None)
    assert match.candidates[0] == ("Kerkstraat", "Utrecht", 94.7)


def test_a_fuzzy_match_below_the_accept_score_is_offered_never_taken(town):
    match = one(town, "Kerklaan", "Utrecht")
    assert match.level == "fuzzy" and match.score < ACCEPT_SCORE
    assert match.geometry is None
    assert match.candidates[0][:2] == ("Kerkstraat", "Utrecht")


def test_a_typo_never_turns_one_numbered_street_into_another(town):
    match = one(town, "2e Helmersstraat", "Utrecht")
    assert not match.accepted
    assert match.candidates[0][:2] == ("1e Helmersstraat", "Utrecht")


def test_two_names_scored_alike_are_ambiguous():
    network = _network(
        _segments("Bakkerstraat", None, [(0, 0), (100, 0)]),
        _segments("Backerstraat", None, [(0, 100), (100, 100)]),
    )
    match = one(network, "Bakerstraat")
    assert match.level == "ambiguous" and match.geometry is None
    assert {c[0] for c in match.candidates} == {"Bakkerstraat", "Backerstraat"}


def test_cross_streets_cut_the_street_to_the_part_between_them(town):
    match = one(
        town, "Kerkstr.", "Utrecht", from_street="Pr. Irenestraat", to_street="Burg de Vlugtlaan"
    )
    assert match.cut == "cross_streets" and match.problems == ()
    assert shapely.normalize(match.geometry).equals(
        shapely.normalize(LineString([(100, 0), (200, 0)]))
    )


def test_a_cross_street_that_does_not_exist_is_said_and_the_whole_street_kept(town):
    match = one(
        town, "Kerkstraat", "Utrecht", from_street="Nergensweg", to_street="Pr. Irenestraat"
    )
    assert match.cut == "street" and match.problems == ("from_street_not_found",)
    assert match.geometry.length == pytest.approx(300)


def test_a_cross_street_that_does_not_cross_is_said(town):
    match = one(
        town, "Kerkstraat", "Utrecht", from_street="Dorpsweg", to_street="Van der Helststraat"
    )
    assert match.cut == "street"
    assert match.problems == ("from_street_not_found",)  # Dorpsweg lies in Zeist
    match = one(
        town, "Kerkstraat", "Utrecht", from_street="1e Helmersstraat", to_street="Pr. Irenestraat"
    )
    assert match.problems == ("cross_street_not_crossing",)


def test_cross_streets_that_meet_the_street_at_one_crossing_give_no_stretch():
    network = _network(
        _segments("Kerkstraat", None, KERKSTRAAT),
        _segments("Noordweg", None, [(100, 0), (100, 80)]),
        _segments("Zuidweg", None, [(100, 0), (100, -80)]),
    )
    match = one(network, "Kerkstraat", from_street="Noordweg", to_street="Zuidweg")
    assert (match.cut, match.problems) == ("street", ("cross_streets_meet",))


def test_house_numbers_follow_the_networks_ranges_where_it_has_them(town):
    match = one(town, "Kerkstraat", "Utrecht", numbers=(21, 39))
    assert match.cut == "numbers" and match.problems == ()
    assert shapely.normalize(match.geometry).equals(
        shapely.normalize(LineString([(100, 0), (200, 0)]))
    )
    half = one(town, "Kerkstraat", "Utrecht", numbers=(30, 39))  # the second half of a segment
    assert half.geometry.length == pytest.approx(100 * 9 / 18)


def test_house_numbers_without_ranges_are_placed_proportionally_and_said_so(town):
    match = one(town, "Kerkstraat", "Zeist", numbers=(1, 30))
    assert match.cut == "numbers" and match.problems == ("numbers_approximate",)
    # 250 m of street holds numbers 1..50 (5 m a number): 1..30 is the first 29/49 of it
    assert match.geometry.length == pytest.approx(250 * 29 / 49)
    assert match.geometry.coords[0] == (0, 5000)


@pytest.mark.parametrize(
    "text, street, numbers",
    [
        ("Kerkstraat 21-39", "Kerkstraat", (21, 39)),
        ("Kerkstr. 39 - 21", "Kerkstr.", (21, 39)),
        ("Kerkstraat, 21a t/m 39", "Kerkstraat", (21, 39)),
        ("Kerkstraat 25", "Kerkstraat", (25, 25)),
        ("Laan 1940-1945", "Laan", (1940, 1945)),
        ("1e Helmersstraat", "1e Helmersstraat", None),
        ("Kerkstraat", "Kerkstraat", None),
    ],
)
def test_house_numbers_written_after_the_street_are_split_off(text, street, numbers):
    assert split_house_numbers(text) == (street, numbers)


def test_a_row_with_numbers_in_its_street_field_is_cut_to_them(town):
    match = one(town, "Kerkstr. 21-39", "Utrecht")
    assert (match.street, match.cut) == ("Kerkstraat", "numbers")
    assert match.geometry.length == pytest.approx(100)


def test_a_street_whose_name_ends_in_a_number_is_not_split():
    network = _network(_segments("Plein 1944", None, [(0, 0), (80, 0)]))
    match = one(network, "plein 1944")
    assert (match.level, match.street, match.cut) == ("normalised", "Plein 1944", "street")


@pytest.mark.parametrize(
    "number, start", [(1, 0.0), (26, 25 / 49 * 250 - 2.5), (50, 245.0), (80, 245.0)]
)
def test_one_house_number_without_ranges_is_its_own_plot_along_the_street(town, number, start):
    match = one(town, "Kerkstraat", "Zeist", numbers=(number, number))
    assert match.geometry.length == pytest.approx(5.0)
    assert match.geometry.coords[0][0] == pytest.approx(start)


def test_numbers_outside_the_networks_ranges_keep_the_street_and_say_so(town):
    match = one(town, "Kerkstraat", "Utrecht", numbers=(101, 120))
    assert match.cut == "street" and match.problems == ("numbers_outside_street",)


def test_road_parts_become_one_area_per_street_and_a_cut_on_them_is_said():
    network = StreetNetwork.from_segments(
        ["Kerkstraat", "Kerkstraat", "Dorpsweg"],
        [box(0, -5, 100, 5), box(100, -5, 200, 5), box(95, -50, 105, 50)],
    )
    match = one(network, "Kerkstraat", numbers=(1, 10))
    assert match.accepted and match.geometry.area == pytest.approx(2000)
    assert (match.cut, match.problems) == ("street", ("cut_needs_lines",))


def test_a_network_of_lines_areas_and_points_keeps_each_street_its_own_geometry():
    network = StreetNetwork.from_segments(
        ["Bakkerstraat", "Kerkstraat", "Molenweg", "Zuidweg", "Zuidweg"],
        [
            LineString([(0, 0), (10, 0)]),
            box(0, 10, 100, 20),
            Point(5, 5),
            LineString([(0, 30), (40, 30)]),
            MultiLineString([[(40, 30), (60, 30)]]),
        ],
    )
    assert len(network) == 3  # a street of points only is no street
    lengths = [
        m.geometry.length
        for m in match_streets([StreetQuery(0, "Bakkerstraat"), StreetQuery(1, "Zuidweg")], network)
    ]
    assert lengths == [10, 60]
    assert one(network, "Kerkstraat").geometry.area == 1000
    assert one(network, "Molenweg").level == "none"


def test_the_specialists_choice_among_candidates_gives_its_geometry(town):
    query = StreetQuery(3, "Kerkstraat", None, numbers=(21, 39))
    chosen = match_chosen(query, town, "Kerkstraat", "Utrecht")
    assert chosen.row == 3 and chosen.cut == "numbers"
    assert chosen.geometry.length == pytest.approx(100)


def test_every_query_gets_a_match_in_order_and_unnamed_segments_are_left_out():
    network = StreetNetwork.from_segments(
        ["Kerkstraat", None, "  "],
        [LineString([(0, 0), (1, 0)]), LineString([(0, 1), (1, 1)]), LineString([(0, 2), (1, 2)])],
    )
    assert len(network) == 1
    matches = match_streets([StreetQuery(5, "kerkstraat"), StreetQuery(2, "")], network)
    assert [(m.row, m.level) for m in matches] == [(5, "normalised"), (2, "none")]


def test_matching_tells_its_progress_and_stops_when_the_caller_raises(town):
    """Progress after every MATCH_CHUNK queries, so a long match shows it and hears Cancel."""
    from programmakamer.core.streets import MATCH_CHUNK

    queries = [StreetQuery(row, "Kerkstaat", "Utrecht") for row in range(2 * MATCH_CHUNK + 1)]
    told = []
    matches = match_streets(queries, town, progress=told.append)
    assert [m.row for m in matches] == list(range(len(queries)))
    assert told == [MATCH_CHUNK / len(queries), 2 * MATCH_CHUNK / len(queries), 1.0]
    assert matches == match_streets(queries, town)

    class StopError(Exception):
        pass

    def cancel(fraction):
        raise StopError

    with pytest.raises(StopError):
        match_streets(queries, town, progress=cancel)
