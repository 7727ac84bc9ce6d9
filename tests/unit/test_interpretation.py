"""One reading of a delivery's words: statuses, disciplines, surface types, yes/no and
field names in Dutch, English, French and German, and what is not known counted."""

from __future__ import annotations

import pytest

from programmakamer.core import schema
from programmakamer.core.interpretation import (
    CODES,
    SUGGESTED_FIELDS,
    WORDS,
    fold,
    read_choice,
    read_flag,
    suggest_mapping,
    unknown_values,
    value_reader,
)


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Work cancelled", "cancelled"),
        ("Work completed", "done"),
        ("gereed", "done"),
        ("vervallen", "cancelled"),
        ("In uitvoering", "in_execution"),
        ("in_uitvoering", "in_execution"),
        ("en cours", "in_execution"),
        ("Terminé", "done"),
        ("TERMINE", "done"),
        ("annulé", "cancelled"),
        ("à venir", "planned"),
        ("abgeschlossen", "done"),
        ("Im  Bau", "in_execution"),
        ("zurückgezogen", "withdrawn"),
        ("  Vastgesteld ", "committed"),
        ("In preparation", "in_preparation"),
        ("idee", "idea"),
    ],
)
def test_register_status_words_are_read_as_the_schemas_statuses(word, code):
    assert read_choice("status", word) == code


def test_every_schema_code_and_label_reads_as_itself():
    for kind, choices in (
        ("status", schema.STATUSES),
        ("discipline", schema.DISCIPLINES),
        ("surface_type", schema.SURFACE_TYPES),
    ):
        for choice in choices:
            for word in (choice.value, choice.en, choice.nl.upper()):
                assert read_choice(kind, word) == choice.value, (kind, word)


def test_built_in_words_give_only_codes_of_their_kind():
    for kind, words in WORDS.items():
        assert set(words.values()) <= set(CODES[kind]), kind
    assert CODES["status"] == tuple(s.value for s in schema.STATUSES)


def test_a_word_given_for_two_codes_is_refused_when_the_table_is_built():
    from programmakamer.core.interpretation import _words

    with pytest.raises(ValueError):
        _words("status", {"done": ("klaar",), "committed": ("Klaar ",)})


def test_a_french_register_table_is_read_and_its_closed_works_stay_closed():
    column = ["En cours", "Terminé", "Annulé", "Programmé", "en cours", "Clôturé", "A l'étude"]
    codes = [read_choice("status", value) for value in column]
    assert codes == [
        "in_execution",
        "done",
        "cancelled",
        "planned",
        "in_execution",
        "done",
        "in_preparation",
    ]
    closed = [code for code in codes if code in schema.CLOSED_STATUSES]
    assert closed == ["done", "cancelled", "done"]
    assert unknown_values("status", column) == []


@pytest.mark.parametrize(
    ("kind", "word", "code"),
    [
        ("discipline", "Riolering", "sewer"),
        ("discipline", "assainissement", "sewer"),
        ("discipline", "Fernwärme", "district_heating"),
        ("discipline", "Eau potable", "drinking_water"),
        ("discipline", "OVL", "public_lighting"),
        ("discipline", "OV", "public_transport"),
        ("discipline", "électricité", "electricity"),
        ("surface_type", "Klinkers", "paving_elements"),
        ("surface_type", "enrobé", "asphalt"),
        ("surface_type", "Pflaster", "paving_elements"),
        ("surface_type", "BETON", "concrete"),
    ],
)
def test_discipline_and_surface_words_are_read_in_four_languages(kind, word, code):
    assert read_choice(kind, word) == code


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("oui", True),
        ("Non", False),
        ("vrai", True),
        ("faux", False),
        ("Ja", True),
        ("nein", False),
        ("WAHR", True),
        ("falsch", False),
        ("true", True),
        ("False", False),
        ("yes", True),
        ("no", False),
        (1.0, True),
        ("0", False),
        ("peut-être", None),
    ],
)
def test_yes_no_words_of_four_languages_are_read(value, expected):
    assert read_flag(value) is expected


def test_unknown_words_never_become_a_default_and_empty_is_no_value():
    assert read_choice("status", "Rood") is None
    assert read_choice("discipline", "water") is None  # water board or water company?
    assert read_choice("status", "") is None
    assert read_choice("flag", "  ") is None
    assert read_flag("  ") is False  # a blank flag field says nothing happens
    assert read_choice("flag", True) == "true"


def test_unknown_values_are_counted_most_common_first_with_spellings_together():
    column = ["Gepland", "Rood", "rood ", "Groen", None, "", "  ", "ROOD", "Gereed", "Groen"]
    assert unknown_values("status", column) == [("Rood", 3), ("Groen", 2)]
    assert unknown_values("flag", ["ja", "misschien", 2, 1, "peut-être"]) == [
        ("misschien", 1),
        ("2", 1),
        ("peut-être", 1),
    ]


def test_the_users_own_map_wins_over_the_built_in_words():
    own = {"Gereed": "committed", "Rood": "cancelled"}  # this register's 'gereed': ready to go
    assert read_choice("status", "GEREED", own) == "committed"
    assert read_choice("status", "rood", own) == "cancelled"
    assert read_choice("status", "vervallen", own) == "cancelled"
    assert unknown_values("status", ["Rood", "Groen", "gereed"], own) == [("Groen", 1)]
    assert read_flag("J", {"j": "false"}) is False
    assert read_flag("O", {"O": "true"}) is True


def test_a_map_to_a_code_that_is_not_of_the_kind_is_refused_before_reading():
    with pytest.raises(ValueError):
        value_reader("status", {"klaar": "finished"})
    with pytest.raises(ValueError):
        read_choice("discipline", "x", {"x": "done"})


def test_words_are_compared_without_case_accents_or_spacing():
    assert fold("  Terminé\t ") == fold("termine") == "termine"
    assert fold("In_Uitvoering") == fold("in   uitvoering")
    assert fold("Straße") == "strasse"


def test_a_messy_dutch_header_row_is_mapped_by_names_and_synonyms():
    header = [
        "Projectnummer",
        "Straatnaam ",
        "Startjaar",
        "Jaar gereed",
        "Beheerder",
        "Omschrijving werkzaamheden",
        "Status",
        "Raming (€)",
    ]
    assert suggest_mapping(header) == {
        "external_ref": "Projectnummer",
        "location": "Straatnaam ",
        "planned_start": "Startjaar",
        "planned_end": "Jaar gereed",
        "stakeholder_id": "Beheerder",
        "description": "Omschrijving werkzaamheden",
        "status": "Status",
        "cost_estimate": "Raming (€)",
    }


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["nom_voie", "DATE_DEBUT", "date_fin", "maitre_ouvrage", "statut", "libellé"],
            {
                "location": "nom_voie",
                "planned_start": "DATE_DEBUT",
                "planned_end": "date_fin",
                "stakeholder_id": "maitre_ouvrage",
                "status": "statut",
                "title": "libellé",
            },
        ),
        (
            ["ID", "Name", "Street", "Start", "End", "Owner", "Description", "Phase", "Budget"],
            {
                "external_ref": "ID",
                "title": "Name",
                "location": "Street",
                "planned_start": "Start",
                "planned_end": "End",
                "stakeholder_id": "Owner",
                "description": "Description",
                "status": "Phase",
                "cost_estimate": "Budget",
            },
        ),
        (
            ["Kennung", "Straßenname", "Baubeginn", "Bauende", "Betreiber", "Sparte"],
            {
                "external_ref": "Kennung",
                "location": "Straßenname",
                "planned_start": "Baubeginn",
                "planned_end": "Bauende",
                "stakeholder_id": "Betreiber",
                "discipline": "Sparte",
            },
        ),
    ],
)
def test_french_english_and_german_headers_are_mapped(header, expected):
    assert suggest_mapping(header) == expected


def test_a_programmes_own_export_maps_onto_itself_by_field_names_and_labels():
    names = [f.name for f in schema.WORK_FIELDS if f.name in SUGGESTED_FIELDS]
    assert suggest_mapping(names) == {name: name for name in names}
    dutch = [f.nl for f in schema.WORK_FIELDS if f.name in SUGGESTED_FIELDS]
    assert suggest_mapping(dutch) == {
        f.name: f.nl for f in schema.WORK_FIELDS if f.name in SUGGESTED_FIELDS
    }
    assert suggest_mapping(["work_id"]) == {"external_ref": "work_id"}


def test_each_source_field_is_suggested_once_and_the_best_match_wins():
    # "Straatnaam" holds "naam" (title) but is the location; "Jaar" would do for a start,
    # but "Begindatum" says it better; fields that say nothing get no suggestion
    suggested = suggest_mapping(["Jaar", "Straatnaam", "Begindatum", "Kleur", "Postcode"])
    assert suggested == {"location": "Straatnaam", "planned_start": "Begindatum"}
    assert len(set(suggested.values())) == len(suggested)
