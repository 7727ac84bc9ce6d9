"""Horizons: when, counted from the programme's reference year, a work takes place.

Year 1 is the reference year itself. Short = years 1-2, medium = years 3-4, long =
year 5 and later. A work that has started (its start lies in the past, or its status
says it is being carried out) counts as short. Done and cancelled works, and works
without a planned start, get no horizon. The chamber may override the computed
horizon; the effective horizon is then the override.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from .schema import CLOSED_STATUSES, RUNNING_STATUSES

SHORT, MEDIUM, LONG = "short", "medium", "long"
HORIZON_ORDER = (SHORT, MEDIUM, LONG)


def compute_horizons(
    start_years: Sequence[float] | np.ndarray,
    statuses: Sequence[str | None],
    reference_year: int,
) -> list[str | None]:
    """The computed horizon of each work, in bulk.

    `start_years` holds the calendar year of each planned start (NaN when unknown);
    the end does not matter: a work belongs to the horizon in which it starts.
    """
    years = np.asarray(start_years, dtype="float64")
    status = np.asarray([s or "" for s in statuses], dtype=object)
    year_number = years - reference_year + 1
    result = np.full(years.shape, None, dtype=object)
    known = ~np.isnan(years)
    result[known & (year_number >= 5)] = LONG
    result[known & (year_number <= 4)] = MEDIUM
    result[known & (year_number <= 2)] = SHORT
    result[np.isin(status, list(RUNNING_STATUSES))] = SHORT
    result[np.isin(status, list(CLOSED_STATUSES))] = None
    return result.tolist()


def compute_horizon(start: date | None, status: str | None, reference_year: int) -> str | None:
    year = float("nan") if start is None else float(start.year)
    return compute_horizons([year], [status], reference_year)[0]


def effective_horizon(computed: str | None, override: str | None) -> str | None:
    return override or computed
