import re

from programmakamer.core import schema
from programmakamer.core.settings import DEFAULT_MORATORIUM_YEARS, DEFINITIONS


def test_every_field_is_snake_case_and_has_both_aliases():
    for table in schema.TABLES:
        assert len(set(table.field_names)) == len(table.field_names), table.name
        for field in table.fields:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", field.name), field.name
            assert field.en.strip() and field.nl.strip(), field.name
            assert field.kind in {"text", "integer", "real", "boolean", "date", "datetime"}


def test_value_lists_have_unique_values_and_labels_in_both_languages():
    for table in schema.TABLES:
        for field in table.fields:
            values = field.allowed_values()
            assert len(set(values)) == len(values)
            for choice in field.choices:
                assert choice.en and choice.nl


def test_works_carry_every_attribute_the_chamber_needs():
    names = set(schema.WORK_FIELDS and schema.WORK_TABLES[0].field_names)
    assert {
        "work_id",
        "stakeholder_id",
        "discipline",
        "title",
        "description",
        "location",
        "planned_start",
        "start_precision",
        "planned_end",
        "end_precision",
        "status",
        "opens_ground",
        "renews_surface",
        "flexibility_years",
        "cost_estimate",
        "horizon",
        "horizon_override",
        "horizon_reason",
        "external_ref",
        "source_delivery",
        "last_changed",
    } <= names
    assert len(schema.table("works_lines").field("discipline").choices) == 15
    assert schema.table("works_lines").field("status").allowed_values() == (
        "idea",
        "planned",
        "in_preparation",
        "committed",
        "in_execution",
        "done",
        "cancelled",
        "withdrawn",
    )


def test_choice_label_follows_the_language_and_keeps_unknown_values():
    assert schema.choice_label(schema.HORIZONS, "short", "nl").startswith("Korte termijn")
    assert schema.choice_label(schema.HORIZONS, "short", "en").startswith("Short term")
    assert schema.choice_label(schema.HORIZONS, "someday", "nl") == "someday"


def test_rule_settings_have_documented_defaults_within_their_bounds():
    for setting in DEFINITIONS:
        assert setting.minimum <= setting.default <= setting.maximum
        assert setting.en and setting.nl and setting.unit
    assert set(DEFAULT_MORATORIUM_YEARS) == set(
        schema.MORATORIUM_PERIODS.field("surface_type").allowed_values()
    )
