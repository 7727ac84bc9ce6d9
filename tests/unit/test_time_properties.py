"""Properties of the time semantics: precision, boundaries and open ends."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Point

from programmakamer.core.periods import first_day, last_day
from programmakamer.core.works import build_works, gap_years, overlap_days

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
precisions = st.sampled_from(["day", "month", "quarter", "year"])


@given(days, precisions)
def test_a_period_of_any_precision_contains_its_day(day, precision):
    assert first_day(day, precision) <= day <= last_day(day, precision)


@given(days, precisions)
def test_coarser_precision_never_covers_less(day, precision):
    order = ["day", "month", "quarter", "year"]
    coarser = order[min(order.index(precision) + 1, 3)]
    assert first_day(day, coarser) <= first_day(day, precision)
    assert last_day(day, precision) <= last_day(day, coarser)


def two(start_a, end_a, start_b, end_b):
    return build_works(
        [
            {
                "work_id": "a",
                "planned_start": start_a,
                "planned_end": end_a,
                "geometry": Point(0, 0),
            },
            {
                "work_id": "b",
                "planned_start": start_b,
                "planned_end": end_b,
                "geometry": Point(0, 0),
            },
        ]
    )


@given(days, st.integers(0, 800), days, st.integers(0, 800))
def test_gap_and_overlap_are_symmetric_and_exclusive(start_a, len_a, start_b, len_b):
    works = two(start_a, start_a + timedelta(len_a), start_b, start_b + timedelta(len_b))
    a, b = np.array([0]), np.array([1])
    gap, overlap = gap_years(works, a, b)[0], overlap_days(works, a, b)[0]
    assert gap == gap_years(works, b, a)[0] and overlap == overlap_days(works, b, a)[0]
    assert gap >= 0 and overlap >= 0
    assert (gap > 0) != (overlap > 0)  # periods either share a day or lie apart


@given(days, st.integers(0, 400))
def test_an_open_end_overlaps_everything_after_its_start(start, later):
    works = two(start, None, start + timedelta(later), start + timedelta(later))
    assert works.problems.open_ended == ["a"]
    assert overlap_days(works, np.array([0]), np.array([1]))[0] == 1
