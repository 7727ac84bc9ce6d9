"""The pair search against a brute-force oracle: plain distance on all pairs.

GEOS's prepared distance-within once missed some line pairs (GEOS #958/#960); the bulk
query must find exactly the pairs that plain distance finds.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, box

from programmakamer.core.pairs import find_pairs
from programmakamer.core.works import build_works


def random_geometries(rng: np.random.Generator, n: int) -> list:
    shapes = []
    for k in range(n):
        x, y = rng.uniform(0, 500, 2)
        kind = k % 6
        if kind == 0:
            shapes.append(LineString(rng.uniform(0, 500, (int(rng.integers(2, 6)), 2))))
        elif kind == 1:
            shapes.append(
                MultiPolygon([box(x, y, x + 20, y + 15), box(x + 300, y, x + 310, y + 5)])
            )
        elif kind == 2:
            shapes.append(Point(x, y))
        elif kind == 3:  # a line inside a polygon of the previous kind
            shapes.append(LineString([(x + 2, y + 2), (x + 8, y + 9)]))
            shapes.append(box(x, y, x + 30, y + 30))
        elif kind == 4:  # far-apart parts in one multipart
            shapes.append(MultiLineString([[(x, y), (x + 5, y)], [(x + 400, y), (x + 405, y + 3)]]))
        else:  # nearly parallel long lines, the shape of the GEOS misses
            shapes.append(LineString([(x, y), (x + 200, y + 0.001)]))
            shapes.append(LineString([(x + 200, y + 4.999), (x, y + 5.0)]))
    return shapes


def oracle(geometries: np.ndarray, reach: float) -> set[tuple[int, int]]:
    left, right = np.triu_indices(len(geometries), k=1)
    near = shapely.distance(geometries[left], geometries[right]) <= reach
    return set(zip(left[near].tolist(), right[near].tolist()))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("reach", [0.5, 5.0, 25.0])
def test_bulk_pair_search_finds_exactly_the_pairs_plain_distance_finds(seed, reach):
    geometries = np.array(random_geometries(np.random.default_rng(seed), 150), dtype=object)
    works = build_works(
        [
            {"work_id": str(i), "geometry": g, "planned_start": None}
            for i, g in enumerate(geometries)
        ]
    )
    found = find_pairs(works, np.ones(len(works), dtype=bool), reach)
    assert set(zip(found.left.tolist(), found.right.tolist())) == oracle(geometries, reach)
    assert found.distance is None  # measured later, only where a rule needs it


def test_an_explosion_of_pairs_is_refused_before_it_is_built(monkeypatch):
    from programmakamer.core import pairs
    from programmakamer.core.errors import RuleError

    monkeypatch.setattr(pairs, "MAX_PAIRS", 100_000)
    rng = np.random.default_rng(7)
    points = shapely.points(rng.uniform(0, 100, (3000, 2)))
    works = build_works(
        [{"work_id": str(i), "geometry": g, "planned_start": None} for i, g in enumerate(points)]
    )
    with pytest.raises(RuleError) as refused:
        find_pairs(works, np.ones(len(works), dtype=bool), 50.0)
    assert refused.value.code == "too_many_pairs"
    assert refused.value.value > 100_000


def test_a_rule_with_a_smaller_distance_narrows_shared_pairs_by_plain_distance():
    from programmakamer.core.rules import RuleSettings, analyse, find_clashes

    geometries = np.array(random_geometries(np.random.default_rng(4), 150), dtype=object)
    works = build_works(
        [
            {
                "work_id": str(i),
                "geometry": g,
                "stakeholder": str(i % 3),
                "opens_ground": True,
                "planned_start": date(2027, 1, 1),
                "planned_end": date(2027, 12, 31),
            }
            for i, g in enumerate(geometries)
        ]
    )
    settings = RuleSettings(combine_distance_m=25.0, clash_distance_m=5.0, sequence_distance_m=5.0)
    shared = analyse(works, settings)
    alone = find_clashes(works, settings)
    assert sorted(shared.finding_id[shared.kind == "clash"]) == sorted(alone.finding_id)
    assert np.all(alone.distance_m <= 5.0 + 1e-9)
