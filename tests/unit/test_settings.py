"""The one table of rule settings: the run's values, their defaults and their bounds."""

from __future__ import annotations

import dataclasses
import math

import pytest

from programmakamer.core import rules
from programmakamer.core.errors import SettingError
from programmakamer.core.schema import SURFACE_TYPES
from programmakamer.core.settings import (
    DEFAULT_MORATORIUM_YEARS,
    DEFINITIONS,
    MORATORIUM,
    MORATORIUM_DEFINITIONS,
    RuleSettings,
    rule_setting,
)


def test_the_settings_of_a_run_are_the_fields_of_the_table_with_its_defaults():
    numbers = {f.name: f.default for f in dataclasses.fields(RuleSettings) if f.type == "float"}
    assert numbers == {d.key: d.default for d in DEFINITIONS}
    assert rules.RuleSettings is RuleSettings  # one class, not a twin in the rules


def test_every_setting_has_its_default_inside_its_own_bounds():
    for definition in DEFINITIONS + MORATORIUM_DEFINITIONS + (MORATORIUM,):
        definition.check(definition.default)
        assert math.isfinite(definition.minimum) and math.isfinite(definition.maximum)
        assert definition.en and definition.nl and definition.unit_text("nl")


def test_every_surface_type_has_a_moratorium_with_the_common_bounds():
    assert [d.key for d in MORATORIUM_DEFINITIONS] == [c.value for c in SURFACE_TYPES]
    for definition in MORATORIUM_DEFINITIONS:
        assert definition.default == DEFAULT_MORATORIUM_YEARS[definition.key]
        assert (definition.minimum, definition.maximum) == (MORATORIUM.minimum, MORATORIUM.maximum)
    assert MORATORIUM.default == max(DEFAULT_MORATORIUM_YEARS.values())


def _absurd(definition) -> list:
    values = [math.nan, math.inf, -math.inf, None, definition.maximum * 10 + 1, 1e12]
    values.append(definition.minimum - 1)
    return values


@pytest.mark.parametrize("definition", DEFINITIONS, ids=lambda d: d.key)
def test_nan_infinite_missing_and_out_of_range_values_are_refused_naming_the_setting(definition):
    for value in _absurd(definition):
        settings = RuleSettings(**{definition.key: value})
        with pytest.raises(SettingError) as refused:
            settings.validate()
        assert refused.value.setting == definition
        assert refused.value.value is value


@pytest.mark.parametrize("surface", [c.value for c in SURFACE_TYPES])
@pytest.mark.parametrize("years", [math.nan, 1e12, -1.0, None, math.inf])
def test_absurd_moratorium_years_are_refused_naming_the_surface_type(surface, years):
    settings = RuleSettings.from_values({}, {surface: years})
    with pytest.raises(SettingError) as refused:
        settings.validate()
    assert refused.value.setting.key == surface
    assert refused.value.setting.nl.endswith(
        next(c.nl.lower() for c in SURFACE_TYPES if c.value == surface)
    )


def test_a_programme_with_empty_settings_is_refused_not_a_type_error():
    settings = RuleSettings.from_values({"cost_per_metre_eur": None}, {"asphalt": 5.0})
    with pytest.raises(SettingError) as refused:
        settings.validate()
    assert refused.value.setting == rule_setting("cost_per_metre_eur")
    assert refused.value.value is None


def test_counts_and_switches_must_be_whole_numbers():
    with pytest.raises(SettingError):
        RuleSettings(hotspot_min_works=2.5).validate()
    with pytest.raises(SettingError):
        RuleSettings(hotspot_hexagonal=0.5).validate()
    RuleSettings(hotspot_min_works=2.0, hotspot_hexagonal=1.0).validate()


def test_the_analysis_refuses_bad_settings_before_it_looks_at_a_work():
    from .helpers import street, work, works_of

    works = works_of(work("A", "S", street(0), 2027, 2027, digs=True))
    with pytest.raises(SettingError):
        rules.analyse(works, RuleSettings(combine_window_years=math.nan))
