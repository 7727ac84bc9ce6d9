"""The algorithms that need shapely 2 say so before they read anything, through one check."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)

from programmakamer.processing import algorithm as shared

from .conftest import ensure_provider

NEEDS_SHAPELY = (
    "analyseprogramme",
    "importdelivery",
    "publishprogramme",
    "findcombinechances",
    "findclashes",
    "findsequenceerrors",
    "findmoratoriumbreaches",
    "findambitions",
    "findhotspots",
)


@pytest.mark.parametrize("name", NEEDS_SHAPELY)
def test_without_shapely_2_an_algorithm_names_the_version_it_found(
    qgis_processing, monkeypatch, name
):
    ensure_provider()
    monkeypatch.setattr(shared, "shapely_problem", lambda: "1.8.5")
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("programmakamer:" + name)
    with pytest.raises(QgsProcessingException, match=r"shapely 2\.0 or newer \(found: 1\.8\.5\)"):
        algorithm.processAlgorithm({}, QgsProcessingContext(), QgsProcessingFeedback())
