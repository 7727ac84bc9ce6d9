"""A status's meaning lives on the schema's value list; horizons and rules read it there."""

import pytest

from programmakamer.core import horizons, rules, schema, works
from programmakamer.core.horizons import compute_horizons

from .helpers import street, work, works_of


def test_each_status_says_whether_the_work_has_started_and_whether_it_is_closed():
    flags = {s.value: (s.started, s.closed) for s in schema.STATUSES}
    assert flags == {
        "idea": (False, False),
        "planned": (False, False),
        "in_preparation": (False, False),
        "committed": (False, False),
        "in_execution": (True, False),
        "done": (True, True),
        "cancelled": (False, True),
        "withdrawn": (False, True),
    }
    assert schema.CLOSED_STATUSES == ("done", "cancelled", "withdrawn")
    assert schema.RUNNING_STATUSES == ("in_execution",)
    assert schema.STARTED_STATUSES == ("in_execution", "done")


def test_horizons_works_and_rules_use_the_statuses_derived_from_the_flags():
    assert horizons.CLOSED_STATUSES is schema.CLOSED_STATUSES
    assert horizons.RUNNING_STATUSES is schema.RUNNING_STATUSES
    assert not hasattr(works, "CLOSED") and not hasattr(rules, "DONE_OR_RUNNING")


def test_every_status_gets_the_horizon_its_flags_mean():
    values = [s.value for s in schema.STATUSES]
    computed = compute_horizons([2031.0] * len(values), values, 2027)
    for status, horizon in zip(schema.STATUSES, computed):
        if status.closed:
            assert horizon is None, status.value
        elif status.started:
            assert horizon == "short", status.value
        else:
            assert horizon == "long", status.value


def test_the_rules_leave_out_exactly_the_closed_statuses():
    programme = works_of(
        *(work(s.value, "Wegen", street(0), 2027, 2027, status=s.value) for s in schema.STATUSES)
    )
    active = programme.work_id[programme.active()]
    assert list(active) == [s.value for s in schema.STATUSES if not s.closed]
    assert programme.active(include_closed=True).all()


@pytest.mark.parametrize("status", schema.STATUSES, ids=lambda s: s.value)
def test_a_started_renewal_counts_for_the_moratorium_and_any_other_for_the_sequence(status):
    programme = works_of(
        work(
            "P", "Wegen", street(0), 2026, 2026, paves=True, surface="asphalt", status=status.value
        ),
        work("D", "Water", street(1), 2028, 2028, digs=True),
    )
    settings = rules.RuleSettings(include_closed=True)
    breaches = len(rules.find_moratorium_breaches(programme, settings))
    sequence = len(rules.find_sequence_errors(programme, settings))
    assert (breaches, sequence) == ((1, 0) if status.started else (0, 1))
