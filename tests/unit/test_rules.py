"""The rules on hand-made works: exact pairs and numbers."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, box

from programmakamer.core import grids, pairs, rules
from programmakamer.core.errors import RuleError
from programmakamer.core.findings import stable_id

from .helpers import street, work, works_of

SETTINGS = rules.RuleSettings()


def pairs_of(findings):
    return sorted(zip(findings.work_a, findings.work_b))


def test_two_digging_works_of_different_stakeholders_in_one_street_combine():
    works = works_of(
        work("E1", "Netbeheerder", street(0), 2027, 2027, digs=True),
        work("R1", "Riolering", street(2), 2028, 2028, digs=True),
    )
    found = rules.find_combine_chances(works, SETTINGS)
    assert pairs_of(found) == [("E1", "R1")]
    assert found.shared_length_m[0] == pytest.approx(100.0, abs=0.5)
    assert found.saving_eur[0] == pytest.approx(100.0 * 300.0, rel=0.01)
    assert found.distance_m[0] == pytest.approx(2.0)
    assert found.time_gap_years[0] == pytest.approx(0.0, abs=0.01)  # whole years touch
    assert "€\u00a030.000" in found.explanation_nl[0]  # a space that does not break


def test_works_that_overlap_part_of_a_street_share_only_that_part():
    # A runs 0-100, B runs 50-250 two metres beside it: A lies within 5 m of B from
    # x = 50 - sqrt(5² - 2²) to 100, B within 5 m of A from 50 to 100 + sqrt(5² - 2²):
    # 50 + 4.58 m each
    works = works_of(
        work("A", "Netbeheerder", street(0, 0, 100), 2027, 2027, digs=True),
        work("B", "Riolering", street(2, 50, 250), 2027, 2027, digs=True),
        work("C", "Telecom", street(-1, 20, 80), 2027, 2027, digs=True),  # wholly beside A
    )
    found = rules.find_combine_chances(works, SETTINGS)
    shared = dict(zip(zip(found.work_a, found.work_b), found.shared_length_m))
    assert shared[("A", "B")] == pytest.approx(50.0 + 21**0.5, abs=0.2)
    assert shared[("A", "C")] == pytest.approx(60.0)  # C lies inside A's reach: all of it
    assert shared[("B", "C")] == pytest.approx(30.0 + 4.0, abs=0.2)  # 3 m apart: 46-80


def test_works_of_one_stakeholder_never_combine_with_themselves():
    works = works_of(
        work("A", "Riolering", street(0), 2027, 2027, digs=True),
        work("B", "Riolering", street(1), 2027, 2027, digs=True),
    )
    assert len(rules.find_combine_chances(works, SETTINGS)) == 0


def test_footprints_of_one_work_never_pair_with_each_other():
    works = works_of(
        work("A", "Riolering", street(0), 2027, 2027, digs=True),
        work("A", "Riolering", street(1, 100, 200), 2027, 2027, digs=True),
        work("B", "Telecom", street(1, 0, 200), 2027, 2027, digs=True),
    )
    found = rules.find_combine_chances(works, SETTINGS)
    assert pairs_of(found) == [("A", "B")]
    # both footprints of A lie along B: their shared lengths add up
    assert found.shared_length_m[0] == pytest.approx(200.0, abs=1.0)


def test_a_renewal_and_an_excavation_combine_but_two_renewals_do_not():
    works = works_of(
        work("P1", "Wegen", street(0), 2027, 2027, paves=True),
        work("P2", "Groen", street(1), 2027, 2027, paves=True),
        work("D1", "Water", street(3), 2028, 2028, digs=True),
    )
    assert pairs_of(rules.find_combine_chances(works, SETTINGS)) == [("D1", "P1"), ("D1", "P2")]


@pytest.mark.parametrize(("second_start", "expected"), [(2029, 1), (2030, 0)])
def test_the_combine_window_is_measured_between_the_periods(second_start, expected):
    # 2027 ends 31-12-2027; 2029 starts 1-1-2029: one year apart; 2030: two years and a day
    works = works_of(
        work("A", "Netbeheerder", street(0), 2027, 2027, digs=True),
        work("B", "Riolering", street(1), second_start, second_start, digs=True),
    )
    settings = rules.RuleSettings(combine_window_years=1.5)
    assert len(rules.find_combine_chances(works, settings)) == expected


def test_flexibility_says_whether_the_gap_can_be_closed():
    works = works_of(
        work("A", "Netbeheerder", street(0), 2027, 2027, digs=True, flex=2.0),
        work("B", "Riolering", street(1), 2029, 2029, digs=True),
    )
    found = rules.find_combine_chances(works, SETTINGS)
    assert "flexible enough" in found.explanation_en[0]


def test_done_and_cancelled_works_are_left_out_unless_asked():
    works = works_of(
        work("A", "Netbeheerder", street(0), 2027, 2027, digs=True, status="done"),
        work("B", "Riolering", street(1), 2027, 2027, digs=True),
        work("C", "Telecom", street(2), 2027, 2027, digs=True, status="cancelled"),
    )
    assert len(rules.find_combine_chances(works, SETTINGS)) == 0
    settings = rules.RuleSettings(include_closed=True)
    assert len(rules.find_combine_chances(works, settings)) == 3


def test_clashes_need_overlapping_periods_and_skip_accepted_combinations():
    works = works_of(
        work("A", "Netbeheerder", street(0), date(2027, 3, 1), date(2027, 6, 30), digs=True),
        work("B", "Riolering", street(1), date(2027, 6, 1), date(2027, 9, 30), digs=True),
        work("C", "Telecom", street(2), date(2027, 7, 1), date(2027, 8, 31)),
    )
    found = rules.find_clashes(works, SETTINGS)
    assert pairs_of(found) == [("A", "B"), ("B", "C")]
    a_b = found.severity[0]
    assert a_b == pytest.approx(30 / 30.0 * (1 + found.shared_length_m[0] / 100), rel=0.01)
    assert pairs_of(rules.find_clashes(works, SETTINGS, accepted={("B", "A")})) == [("B", "C")]


def test_a_planned_renewal_before_an_excavation_is_a_sequence_error():
    works = works_of(
        work("P", "Wegen", street(0), 2027, 2027, paves=True, surface="asphalt"),
        work("D", "Water", street(1), 2030, 2030, digs=True),
        work("D2", "Gas", street(2), 2034, 2034, digs=True),  # after the 5 years
    )
    found = rules.find_sequence_errors(works, SETTINGS)
    assert pairs_of(found) == [("P", "D")]
    assert found.time_gap_years[0] == pytest.approx(2.0, abs=0.01)
    assert found.severity[0] == pytest.approx(3.0, abs=0.01)
    assert len(rules.find_moratorium_breaches(works, SETTINGS)) == 0


def test_digging_in_the_moratorium_after_a_done_renewal_is_a_breach():
    works = works_of(
        work(
            "P",
            "Wegen",
            street(0),
            2025,
            2025,
            paves=True,
            surface="paving_elements",
            status="done",
        ),
        work("D", "Telecom", street(1), 2027, 2027, digs=True),
        work("D2", "Gas", street(2), 2029, 2029, digs=True),  # 3 years later: moratorium over
    )
    found = rules.find_moratorium_breaches(works, SETTINGS)
    assert pairs_of(found) == [("P", "D")]
    assert len(rules.find_sequence_errors(works, SETTINGS)) == 0


def test_an_unknown_surface_type_gets_the_longest_moratorium():
    settings = rules.RuleSettings(moratorium_years={"asphalt": 5.0, "unpaved": 0.0})
    assert list(settings.moratorium_for(np.array(["", "unpaved"], dtype=object))) == [5.0, 0.0]


def test_a_digging_work_inside_a_challenge_area_is_an_ambition():
    works = works_of(
        work("A", "Riolering", street(0, 0, 300), 2027, 2027, digs=True),
        work("B", "Verkeer", street(0, 0, 300), 2027, 2027),  # neither digs nor paves
    )
    challenges = rules.Challenges(
        np.array(["C1"], dtype=object),
        np.array(["Hittestress"], dtype=object),
        np.array([box(100, -50, 200, 50)]),
    )
    found = rules.find_ambitions(works, challenges, SETTINGS)
    assert list(found.work_a) == ["A"] and list(found.challenge_id) == ["C1"]
    assert found.shared_length_m[0] == pytest.approx(100.0)


def test_hotspots_count_works_per_cell_and_year():
    works = works_of(
        *[
            work("W{}".format(i), "S{}".format(i), Point(10 + i, 10), 2028, 2028, digs=i < 2)
            for i in range(4)
        ],
        work("X", "S9", Point(700, 700), 2028, 2028, digs=True),
    )
    settings = rules.RuleSettings(hotspot_cell_m=100, hotspot_min_works=4)
    found = rules.find_hotspots(works, settings)
    assert list(found.challenge_id) == ["cell:0_0"]
    assert found.extra[0]["years"] == {2028: [4, 2, 8]}
    assert found.severity[0] == 8
    assert found.explanation_en[0] == (
        "Cell at 0, 0: 4 works at once in 2028, 2 of them digging (hindrance 8)."
    )
    assert found.explanation_nl[0] == (
        "Cel bij 0, 0: 4 werken tegelijk in 2028, waarvan 2 gravend (hinder 8)."
    )


def test_finding_ids_are_stable_and_depend_on_kind_and_works():
    assert stable_id("combine", "A", "B", "") == stable_id("combine", "A", "B", "")
    assert stable_id("combine", "A", "B", "") != stable_id("clash", "A", "B", "")
    works = works_of(
        work("E1", "Netbeheerder", street(0), 2027, 2027, digs=True),
        work("R1", "Riolering", street(2), 2028, 2028, digs=True),
    )
    first = rules.find_combine_chances(works, SETTINGS).finding_id
    again = rules.find_combine_chances(
        works_of(
            *reversed(
                [
                    work("E1", "Netbeheerder", street(0), 2027, 2027, digs=True),
                    work("R1", "Riolering", street(2), 2028, 2028, digs=True),
                ]
            )
        ),
        SETTINGS,
    ).finding_id
    assert list(first) == list(again)


@pytest.mark.parametrize("distance", [-5.0, float("nan"), 10_000.0])
def test_bad_distances_are_refused(distance):
    with pytest.raises(RuleError):
        rules.RuleSettings(combine_distance_m=distance).validate()


def test_an_empty_programme_and_a_single_work_give_no_findings():
    assert len(rules.analyse(works_of(), SETTINGS)) == 0
    one = works_of(work("A", "S", street(0), 2027, 2027, digs=True))
    assert rules.analyse(one, rules.RuleSettings(hotspot_min_works=2)).counts() == {}


def test_periods_with_problems_are_reported_not_dropped_silently():
    works = works_of(
        work("A", "S", street(0), None, 2027, digs=True),
        work("B", "T", street(1), 2027, None, digs=True),
        work("C", "U", street(2), 2028, date(2027, 1, 1), digs=True),
    )
    assert works.problems.no_start == ["A"]
    assert works.problems.open_ended == ["B"]
    assert works.problems.end_before_start == ["C"]
    assert list(works.active()) == [False, True, False]


def test_an_invalid_bowtie_is_repaired_and_listed():
    from programmakamer.core.works import valid_geometries

    bowtie = shapely.from_wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
    repaired, listed = valid_geometries(np.array([bowtie, box(0, 0, 1, 1)]))
    assert listed == [0]
    assert shapely.is_valid(repaired).all()
    assert repaired[0].area == pytest.approx(50.0)


def test_the_shared_pair_search_gives_what_each_rule_finds_alone():
    from programmakamer.core.demo import generate_demo_city
    from programmakamer.core.works import build_works

    city = generate_demo_city()
    works = build_works([{**w, "stakeholder": str(w["stakeholder_id"])} for w in city.works])
    together = rules.analyse(works, SETTINGS)
    for kind, alone in (
        ("combine", rules.find_combine_chances(works, SETTINGS)),
        ("clash", rules.find_clashes(works, SETTINGS)),
        ("sequence", rules.find_sequence_errors(works, SETTINGS)),
        ("moratorium", rules.find_moratorium_breaches(works, SETTINGS)),
    ):
        mask = together.kind == kind
        assert sorted(together.finding_id[mask]) == sorted(alone.finding_id), kind
        assert sorted(together.shared_length_m[mask]) == pytest.approx(
            sorted(alone.shared_length_m)
        )


def test_hexagonal_cells_tile_the_plane_with_the_area_of_the_squares():
    grid = grids.hexagonal_grid((0.0, 0.0, 1000.0, 1000.0), 100.0)
    cells, keys = grid.cells, grid.keys(np.arange(len(grid.cells)))
    assert np.allclose(shapely.area(cells), 100.0 * 100.0)
    assert len(set(keys)) == len(keys)
    covered = shapely.intersection(shapely.union_all(cells), box(0, 0, 1000, 1000))
    assert covered.area == pytest.approx(1000.0 * 1000.0, rel=1e-9)  # no gaps
    # neighbours share edges, never overlap
    overlap = shapely.area(shapely.intersection(cells[:-1], cells[1:]))
    assert overlap.max() < 1e-6


def test_hotspots_on_a_hexagonal_grid():
    works = works_of(
        *[work("W{}".format(i), "S", Point(10 + i, 10), 2028, 2028) for i in range(4)],
    )
    settings = rules.RuleSettings(hotspot_cell_m=100, hotspot_min_works=4, hotspot_hexagonal=1)
    found = rules.find_hotspots(works, settings)
    assert len(found) == 1 and found.challenge_id[0].startswith("hex:")
    assert found.explanation_en[0].startswith("Cell around ")
    assert found.explanation_nl[0].startswith("Cel rond ")
    assert found.shared_area_m2[0] == pytest.approx(10000.0)


def test_geometry_steps_in_threads_give_the_same_findings(monkeypatch):
    from programmakamer.core.demo import generate_demo_city
    from programmakamer.core.works import build_works

    city = generate_demo_city()
    works = build_works([{**w, "stakeholder": str(w["stakeholder_id"])} for w in city.works])
    alone = rules.analyse(works, SETTINGS)
    calls = []
    original = pairs.ThreadPoolExecutor

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(pairs, "THREADED_FROM", 2)  # thread even the demo's few hundred
    monkeypatch.setattr(pairs.os, "cpu_count", lambda: 3)  # uneven slices
    monkeypatch.setattr(pairs, "ThreadPoolExecutor", counting)
    threaded = rules.analyse(works, SETTINGS)
    assert calls  # the threaded path really ran
    assert list(threaded.finding_id) == list(alone.finding_id)
    assert threaded.shared_length_m == pytest.approx(alone.shared_length_m, nan_ok=True)
    assert threaded.distance_m == pytest.approx(alone.distance_m, nan_ok=True)
    assert shapely.equals(threaded.geometry, alone.geometry).all()


# --- hotspot years, memory guards, numbers in the user's language (issue 10: 7, 12, 13) ---


@pytest.fixture(scope="module")
def demo_records():
    from programmakamer.core.demo import generate_demo_city

    city = generate_demo_city()
    return [{**w, "stakeholder": str(w["stakeholder_id"])} for w in city.works]


FAR_AWAY = Point(135000, 463000)  # 20 km west of Demostad


@pytest.mark.parametrize(
    "far_away",
    [
        work("OLD", "Archief", FAR_AWAY, 2005, 2005, digs=True),
        work("LONG", "Netbeheer", FAR_AWAY, 2010, 2031, digs=True, status="in_execution"),
    ],
    ids=["done-in-2005", "in-execution-2010-2031"],
)
def test_one_old_work_far_away_keeps_every_later_hotspot(demo_records, far_away):
    from programmakamer.core.works import build_works

    alone = rules.find_hotspots(build_works(demo_records), SETTINGS)
    together = rules.find_hotspots(build_works(demo_records + [far_away]), SETTINGS)
    assert len(alone) == 7
    assert sorted(together.finding_id) == sorted(alone.finding_id)
    assert dict(zip(together.finding_id, together.extra)) == dict(
        zip(alone.finding_id, alone.extra)
    )


def test_hotspot_years_reach_the_last_year_any_work_runs_and_open_ends_count_in_it():
    works = works_of(
        work("O", "S0", Point(10, 10), 2020, None),  # open-ended from 2020
        *[work("W{}".format(i), "S{}".format(i), Point(12, 10), 2040, 2040) for i in (1, 2, 3)],
    )
    found = rules.find_hotspots(works, rules.RuleSettings(hotspot_cell_m=100, hotspot_min_works=4))
    assert list(found.challenge_id) == ["cell:0_0"]
    years = found.extra[0]["years"]
    assert min(years) == 2020 and max(years) == 2040
    assert years[2040] == [4, 0, 4] and years[2030] == [1, 0, 1]


def test_a_sparse_grid_covers_the_same_cells_as_the_full_grid():
    """Cells are made only where works lie; each footprint meets the same cells as in a
    grid over the whole area (built here cell by cell, far beyond the works)."""
    rng = np.random.default_rng(7)
    xy = rng.uniform(0, 3000, (60, 2))
    geometry = np.array(
        [shapely.Point(x, y) for x, y in xy[:20]]
        + [shapely.LineString([(x, y), (x + 400, y + 90)]) for x, y in xy[20:40]]
        + [shapely.box(x, y, x + 300, y + 250) for x, y in xy[40:]]
        + [shapely.Point(500, 500), shapely.Point(0, 0)],  # on the corners of four cells
        dtype=object,
    )
    for size, hexagonal in ((250.0, False), (100.0, True)):
        numbers = np.arange(-3, 3500 / (size / 2))
        columns, rows = (a.ravel() for a in np.meshgrid(numbers, numbers))
        full = grids.cells_at(columns, rows, size, hexagonal)
        sparse = grids.grid_around(geometry, size, hexagonal)
        met = []
        for grid in (full, sparse):
            w, c = shapely.STRtree(grid.cells).query(geometry, predicate="intersects")
            met.append(sorted(zip(w.tolist(), grid.keys(c).tolist())))
        assert met[0] == met[1]
        assert len(sparse.cells) < len(full.cells) / 2


def overlapping_squares(n):
    """n squares of 100 m inside a 150 m block, in one year: every pair overlaps."""
    xy = np.random.default_rng(1).uniform(0, 50, (n, 2))
    return works_of(
        *[
            work(str(i), "S{}".format(i % 7), box(x, y, x + 100, y + 100), 2027, 2027, digs=True)
            for i, (x, y) in enumerate(xy)
        ]
    )


def test_five_thousand_overlapping_polygons_are_refused_in_seconds_not_after_minutes():
    import time

    works = overlapping_squares(5000)
    began = time.monotonic()
    with pytest.raises(RuleError) as refused:
        rules.find_clashes(works, SETTINGS)
    assert time.monotonic() - began < 5
    assert refused.value.code == "too_many_pairs"
    count, _, needed, budget = refused.value.values
    assert count > 10_000_000 and needed > pairs.MEMORY_BUDGET >= budget


def test_a_grid_that_would_exhaust_memory_is_refused_with_the_cell_size_that_fits():
    import time

    region = work("R", "Gemeente", box(140000, 450000, 180000, 490000), 2027, 2027)
    works = works_of(
        region, *[work(str(i), "S", Point(150000, 460000), 2027, 2027) for i in range(4)]
    )
    began = time.monotonic()
    with pytest.raises(RuleError) as refused:
        rules.find_hotspots(works, rules.RuleSettings(hotspot_cell_m=10))
    assert time.monotonic() - began < 5
    assert refused.value.code == "too_many_cells"
    cells, needed, budget, cell_that_fits = refused.value.values
    assert cells >= 16_000_000 and needed > budget
    fitting = rules.find_hotspots(works, rules.RuleSettings(hotspot_cell_m=cell_that_fits))
    assert len(fitting) >= 1


def test_a_span_of_years_too_long_for_memory_is_refused_naming_the_works_that_stretch_it(
    monkeypatch,
):
    works = works_of(
        work("ROMEINS", "S0", Point(10, 10), 1000, 1000),  # a typing error, kept as given
        *[work("W{}".format(i), "S{}".format(i), Point(12, 10), 2027, 2027) for i in (1, 2, 3)],
        work("LAAT", "S4", Point(14, 10), 2027, 2090),
    )
    # one crowded cell of 100 m: 700 bytes; its 1,091 years: 35 kB
    monkeypatch.setattr(grids, "MEMORY_BUDGET", 10_000)
    with pytest.raises(RuleError) as refused:
        rules.find_hotspots(works, rules.RuleSettings(hotspot_cell_m=100))
    assert refused.value.code == "too_many_years"
    first, last, needed, budget, earliest, latest = refused.value.values
    assert (first, last, earliest, latest) == (1000, 2090, "ROMEINS", "LAAT")
    assert needed > budget == 10_000


def test_one_feature_far_away_with_a_small_cell_costs_no_more_than_its_own_cells(demo_records):
    import time

    from programmakamer.core.works import build_works

    settings = rules.RuleSettings(hotspot_cell_m=10, hotspot_min_works=2)
    alone = rules.find_hotspots(build_works(demo_records), settings)
    origin = work("NUL", "Onbekend", Point(0, 0), 2027, 2027, digs=True)
    began = time.monotonic()
    together = rules.find_hotspots(build_works(demo_records + [origin]), settings)
    assert time.monotonic() - began < 10
    assert len(alone) > 0 and sorted(together.finding_id) == sorted(alone.finding_id)


def test_a_large_programme_of_twenty_thousand_works_passes_the_guards(demo_records):
    from programmakamer.core.works import build_works

    tiles = 20_000 // len(demo_records) + 1
    records = [
        {
            **r,
            "work_id": "T{}-{}".format(t, r["work_id"]),
            "geometry": shapely.transform(r["geometry"], lambda xy, d=t * 2600.0: xy + (d, 0)),
        }
        for t in range(tiles)
        for r in demo_records
    ]
    one = rules.analyse(build_works(demo_records), SETTINGS).counts()
    many = rules.analyse(build_works(records), SETTINGS).counts()
    assert len(records) >= 20_000
    for kind in ("combine", "clash", "sequence", "moratorium"):
        assert many[kind] == tiles * one[kind], kind
    assert many["hotspot"] >= tiles * one["hotspot"] // 2


def test_numbers_follow_the_language():
    from programmakamer.core.findings import number_text

    assert number_text(1_000_000_000.0, "nl") == "1.000.000.000"
    assert number_text(1_000_000_000.0, "en") == "1,000,000,000"
    assert number_text(1234.56, "nl", 1) == "1.234,6"
    assert number_text(1234.56, "en", 1) == "1,234.6"
    assert number_text(2.5, "nl", None) == "2,5" and number_text(5.0, "en", None) == "5"
    assert number_text(float("nan"), "nl") == "nan"


def test_explanations_write_lengths_areas_and_money_in_the_users_language():
    long_street = street(0, 0, 1500)
    works = works_of(
        work("E1", "Netbeheerder", long_street, 2027, 2027, digs=True),
        work("R1", "Riolering", street(2, 0, 1500), 2029, 2029, digs=True),
    )
    found = rules.find_combine_chances(works, SETTINGS)
    assert "meet over 1,500 m, 1.0 years apart" in found.explanation_en[0]
    assert "liggen 1.500 m samen, 1,0 jaar na elkaar" in found.explanation_nl[0]
    assert found.explanation_nl[0].endswith("€\u00a0450.000.")
    area = works_of(work("P", "Groen", box(0, 0, 100, 125), 2027, 2027, digs=True))
    challenges = rules.Challenges(
        np.array(["C"], dtype=object),
        np.array(["Hitte"], dtype=object),
        np.array([box(0, 0, 200, 200)]),
    )
    ambition = rules.find_ambitions(area, challenges, SETTINGS)
    assert "over 12,500 m²" in ambition.explanation_en[0]
    assert "over 12.500 m²" in ambition.explanation_nl[0]


def test_distance_zero_means_touching_or_overlapping():
    works = works_of(
        work("A", "Netbeheerder", street(0, 0, 100), 2027, 2027, digs=True),
        work("B", "Riolering", street(0, 100, 200), 2027, 2027, digs=True),  # touches A
        work("C", "Telecom", street(0, 40, 70), 2027, 2027, digs=True),  # lies on A
        work("D", "Water", street(0.5, 0, 100), 2027, 2027, digs=True),  # half a metre off
    )
    settings = rules.RuleSettings(combine_distance_m=0.0, clash_distance_m=0.0)
    settings.validate()
    found = rules.find_combine_chances(works, settings)
    assert pairs_of(found) == [("A", "B"), ("A", "C")]
    shared = dict(zip(zip(found.work_a, found.work_b), found.shared_length_m))
    assert shared[("A", "C")] == pytest.approx(30.0, abs=0.1)
    assert shared[("A", "B")] == pytest.approx(0.0, abs=0.1)
    assert all(not shapely.is_empty(g) for g in found.geometry)
    assert pairs_of(rules.find_clashes(works, settings)) == [("A", "B"), ("A", "C")]


def test_dig_once_between_areas_saves_per_square_metre_and_says_so():
    works = works_of(
        work("A", "Riolering", box(0, 0, 20, 20), 2027, 2027, digs=True),
        work("B", "Water", box(10, 0, 30, 20), 2027, 2027, digs=True),
    )
    settings = rules.RuleSettings(cost_per_square_metre_eur=40.0)
    [found] = [rules.find_combine_chances(works, settings)]
    area = found.shared_area_m2[0]
    assert area > 200.0  # the overlap of 10 × 20 m and the reach around it
    assert found.saving_eur[0] == pytest.approx(40.0 * area)
    assert "m²" in found.explanation_en[0] and "m²" in found.explanation_nl[0]
    assert "over 0 m" not in found.explanation_en[0]


def test_dig_once_along_a_street_still_saves_per_metre():
    works = works_of(
        work("A", "Riolering", street(0), 2027, 2027, digs=True),
        work("B", "Water", box(-5, -3, 105, 3), 2027, 2027, digs=True),  # the street's area
    )
    found = rules.find_combine_chances(works, SETTINGS)
    assert found.shared_length_m[0] == pytest.approx(100.0, abs=0.5)
    assert found.saving_eur[0] == pytest.approx(100.0 * SETTINGS.cost_per_metre_eur, rel=0.01)
    assert "over 100 m" in found.explanation_en[0]


def test_the_cost_per_square_metre_is_a_setting_documented_as_indicative():
    from programmakamer.core.settings import rule_setting

    definition = rule_setting("cost_per_square_metre_eur")
    assert "ndicative" in definition.en and "ndicatie" in definition.nl
    assert definition.unit == "EUR/m²"


def test_hotspot_years_can_be_chosen():
    works = works_of(*(work(str(n), "S{}".format(n), street(n), 2027, 2030) for n in range(4)))
    settings = rules.RuleSettings(hotspot_min_works=4)
    every = rules.find_hotspots(works, settings)
    assert sorted(every.extra[0]["years"]) == [2027, 2028, 2029, 2030]
    chosen = rules.find_hotspots(works, settings, years=(2028, 2029))
    assert sorted(chosen.extra[0]["years"]) == [2028, 2029]
    assert rules.find_hotspots(works, settings, years=(2031, 2040)).extra == []


def test_dig_once_between_points_tells_the_distance_and_estimates_no_saving():
    works = works_of(
        work("A", "Riolering", Point(0, 0), 2027, 2027, digs=True),
        work("B", "Water", Point(3, 4), 2027, 2027, digs=True),
    )
    found = rules.find_combine_chances(works, SETTINGS)
    assert np.isnan(found.saving_eur[0])
    assert "lie 5.0 m apart" in found.explanation_en[0] and "EUR" not in found.explanation_en[0]
    assert "5,0 m uit elkaar" in found.explanation_nl[0]
