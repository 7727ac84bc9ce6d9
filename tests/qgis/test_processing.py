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
