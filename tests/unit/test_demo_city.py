import numpy as np
import shapely

from programmakamer.core.demo import generate_demo_city
from programmakamer.core.schema import WORK_TABLES


def test_the_demo_city_is_the_same_every_time():
    first, second = generate_demo_city(), generate_demo_city()
    assert [w["work_id"] for w in first.works] == [w["work_id"] for w in second.works]
    assert all(a["geometry"].equals(b["geometry"]) for a, b in zip(first.works, second.works))


def test_the_demo_city_has_the_size_the_chamber_expects():
    city = generate_demo_city()
    assert 300 <= len(city.works) <= 600
    assert len(city.stakeholders) >= 10
    assert len(city.neighbourhoods) >= 5
    assert len({s["street_name"] for s in city.streets}) >= 50
    kinds = {w["geometry"].geom_type for w in city.works}
    assert kinds == {"LineString", "Polygon", "Point"}
    years = {w["planned_start"].year for w in city.works}
    assert max(years) - min(years) >= 9


def test_only_planted_works_come_within_five_metres_of_each_other():
    city = generate_demo_city()
    geometries = np.array([w["geometry"] for w in city.works])
    ids = np.array([w["work_id"] for w in city.works])
    left, right = shapely.STRtree(geometries).query(geometries, "dwithin", distance=5.0)
    near = {tuple(sorted((ids[a], ids[b]))) for a, b in zip(left, right) if ids[a] != ids[b]}
    planted = set()
    for group in city.planted["combine"] + city.planted["sequence"] + city.planted["moratorium"]:
        planted |= {tuple(sorted((a, b))) for a in group for b in group if a < b}
    assert near == planted


def test_a_work_with_two_footprints_keeps_one_id():
    city = generate_demo_city()
    ids = [w["work_id"] for w in city.works]
    repeated = {i for i in ids if ids.count(i) > 1}
    assert len(repeated) == 4


def test_demo_works_fill_every_required_field():
    city = generate_demo_city()
    required = [f.name for f in WORK_TABLES[0].fields if f.required]
    for work in city.works:
        assert all(work.get(name) not in (None, "") for name in required), work["work_id"]
        assert work["planned_start"] <= work["planned_end"]
