"""The algorithms through processing.run, as a GIS specialist or a model would call them."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)

from programmakamer.core.schema import WORK_TABLES
from programmakamer.store import programme as store
from programmakamer.store.layers import open_programme


def test_the_provider_lists_its_algorithms_with_help(processing_run):
    provider = QgsApplication.processingRegistry().providerById("programmakamer")
    names = {a.name() for a in provider.algorithms()}
    assert {"createprogramme", "addstakeholder", "assignhorizons"} <= names
    for algorithm in provider.algorithms():
        assert algorithm.shortHelpString().strip()
        assert algorithm.name() == algorithm.name().lower()


def test_createprogramme_makes_a_programme(processing_run, tmp_path):
    target = tmp_path / "nieuw.gpkg"
    result = processing_run(
        "programmakamer:createprogramme",
        {
            "NAME": "Programma 2027",
            "MUNICIPALITY": "Amersfoort",
            "REFERENCE_YEAR": 2027,
            "CRS": "EPSG:28992",
            "OUTPUT": str(target),
        },
    )
    assert result["OUTPUT"] == str(target)
    info = store.read_programme(target)
    assert (info.name, info.municipality, info.reference_year) == (
        "Programma 2027",
        "Amersfoort",
        2027,
    )


def test_createprogramme_refuses_an_existing_file(processing_run, demo_programme):
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing_run(
            "programmakamer:createprogramme",
            {
                "NAME": "X",
                "MUNICIPALITY": "Y",
                "REFERENCE_YEAR": 2027,
                "OUTPUT": str(demo_programme),
            },
        )


def test_assignhorizons_reports_how_many_moved(processing_run, demo_programme):
    layer = store.table_layer(demo_programme, WORK_TABLES[0].name)
    layer.startEditing()
    first = next(layer.getFeatures())
    layer.changeAttributeValue(first.id(), layer.fields().indexOf("horizon"), None)
    assert layer.commitChanges()
    result = processing_run("programmakamer:assignhorizons", {"PROGRAMME": str(demo_programme)})
    assert result["MOVED"] == 1
    assert result["TOTAL"] == 343


def test_addstakeholder_adds_a_layer_to_the_open_programme(processing_run, demo_programme, project):
    open_programme(project, demo_programme)
    before = len(project.mapLayers())
    context = QgsProcessingContext()
    context.setProject(project)
    result = processing_run(
        "programmakamer:addstakeholder",
        {
            "PROGRAMME": str(demo_programme),
            "NAME": "Vervoerbedrijf",
            "DISCIPLINE": 10,
            "COLOUR": "#00aa00",
            "CONTACT": "ov@example.nl",
        },
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    assert result["STAKEHOLDER_ID"] == 13
    assert len(project.mapLayers()) == before + 1
    assert project.mapLayersByName("Vervoerbedrijf")


def test_addstakeholder_refuses_a_file_that_is_not_a_programme(processing_run, tmp_path):
    other = tmp_path / "x.gpkg"
    other.write_bytes(b"")
    with pytest.raises(QgsProcessingException):
        processing_run(
            "programmakamer:addstakeholder",
            {"PROGRAMME": str(other), "NAME": "A", "DISCIPLINE": 0},
        )


# --- Every rule parameter from the one table in core/settings.py (issue 11 item 2) --------

#: Which setting each number of the rule algorithms sets: written out here, so a
#: parameter wired to the wrong setting fails.
RULE_NUMBERS = {
    ("findcombinechances", "DISTANCE"): "combine_distance_m",
    ("findcombinechances", "YEARS"): "combine_window_years",
    ("findcombinechances", "COST_PER_METRE"): "cost_per_metre_eur",
    ("findcombinechances", "COST_PER_SQUARE_METRE"): "cost_per_square_metre_eur",
    ("findclashes", "DISTANCE"): "clash_distance_m",
    ("findsequenceerrors", "DISTANCE"): "sequence_distance_m",
    ("findsequenceerrors", "MORATORIUM_YEARS"): "moratorium",
    ("findmoratoriumbreaches", "DISTANCE"): "sequence_distance_m",
    ("findmoratoriumbreaches", "MORATORIUM_YEARS"): "moratorium",
    ("findhotspots", "CELL_SIZE"): "hotspot_cell_m",
    ("findhotspots", "MIN_WORKS"): "hotspot_min_works",
}
#: Numbers of the rule algorithms that are not rule settings: the hotspot years.
NOT_SETTINGS = {("findhotspots", "FIRST_YEAR"), ("findhotspots", "LAST_YEAR")}


def _definition(key):
    from programmakamer.core.settings import MORATORIUM, rule_setting

    return MORATORIUM if key == "moratorium" else rule_setting(key)


def test_every_rule_parameter_comes_from_the_one_table(processing_run):
    from programmakamer.core.findings import number_text
    from programmakamer.core.settings import DEFINITIONS
    from programmakamer.processing.algorithm import parameter_help
    from programmakamer.translation import language

    provider = QgsApplication.processingRegistry().providerById("programmakamer")
    seen = set()
    for algorithm in provider.algorithms():
        if algorithm.groupId() != "rules":
            continue
        numbers = [
            p
            for p in algorithm.parameterDefinitions()
            if p.type() == "number" and (algorithm.name(), p.name()) not in NOT_SETTINGS
        ]
        for parameter in numbers:
            key = RULE_NUMBERS[(algorithm.name(), parameter.name())]
            definition = _definition(key)
            assert parameter.defaultValue() == definition.default
            assert (parameter.minimum(), parameter.maximum()) == (
                definition.minimum,
                definition.maximum,
            )
            assert parameter.help() == parameter_help(definition)
            assert parameter_help(definition) in algorithm.shortHelpString()
            seen.add(key)
    grid = provider.algorithm("findhotspots").parameterDefinition("GRID")
    assert grid.defaultValue() == _definition("hotspot_hexagonal").default
    assert seen | {"hotspot_hexagonal"} == {d.key for d in DEFINITIONS} | {"moratorium"}
    analyse_help = provider.algorithm("analyseprogramme").shortHelpString()
    for definition in DEFINITIONS:
        assert parameter_help(definition) in analyse_help
        text = parameter_help(definition)
        assert definition.description(language()) in text
        for value in (definition.default, definition.minimum, definition.maximum):
            assert number_text(value, language(), None) in text


def test_the_settings_tab_resets_to_and_bounds_by_the_one_table(
    demo_programme, project, qgis_iface
):
    from qgis.PyQt.QtWidgets import QToolButton

    from programmakamer.core.settings import DEFINITIONS, MORATORIUM_DEFINITIONS
    from programmakamer.ui.dock import ProgrammeDock

    open_programme(project, demo_programme)
    panel = ProgrammeDock(qgis_iface, qgis_iface.mainWindow())
    panel.set_programme(str(demo_programme))
    definitions = {d.key: d for d in DEFINITIONS + MORATORIUM_DEFINITIONS}
    resets = {
        button.property("setting"): button
        for button in panel.findChildren(QToolButton)
        if button.property("setting")
    }
    editors = {**panel.settings_tab.rule_editors, **panel.settings_tab.moratorium_editors}
    assert set(resets) == set(editors) == set(definitions)
    for key, definition in definitions.items():
        editor = editors[key]
        assert (editor.minimum(), editor.maximum()) == (definition.minimum, definition.maximum)
        editor.setValue(definition.maximum)
        resets[key].click()
        assert editor.value() == definition.default
    panel.deleteLater()
