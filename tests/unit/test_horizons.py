from datetime import date

import pytest

from programmakamer.core.horizons import compute_horizon, compute_horizons, effective_horizon

REF = 2027


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2027, "short"),  # year 1
        (2028, "short"),  # year 2
        (2029, "medium"),  # year 3: the 2 -> 3 boundary
        (2030, "medium"),  # year 4
        (2031, "long"),  # year 5: the 4 -> 5 boundary
        (2040, "long"),
        (2025, "short"),  # started before the reference year: running or overdue
    ],
)
def test_horizon_counts_years_from_the_reference_year(year, expected):
    assert compute_horizon(date(year, 6, 1), "planned", REF) == expected


def test_a_work_in_execution_is_short_whatever_its_planned_start():
    assert compute_horizon(date(2031, 1, 1), "in_execution", REF) == "short"


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_done_and_cancelled_works_have_no_horizon(status):
    assert compute_horizon(date(2028, 1, 1), status, REF) is None


def test_a_work_without_a_planned_start_has_no_horizon():
    assert compute_horizon(None, "planned", REF) is None


def test_bulk_and_single_computation_agree():
    years = [2026, 2027, 2028, 2029, 2030, 2031, float("nan")]
    statuses = ["planned", None, "idea", "committed", "done", "in_execution", "planned"]
    bulk = compute_horizons(years, statuses, REF)
    assert bulk == ["short", "short", "short", "medium", None, "short", None]


def test_an_override_by_the_chamber_wins_over_the_computed_horizon():
    assert effective_horizon("short", "long") == "long"
    assert effective_horizon("medium", None) == "medium"
