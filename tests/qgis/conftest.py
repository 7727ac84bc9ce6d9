"""Fixtures that build real programmes on disk with the plugin's own store."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject

from programmakamer.core.demo import generate_demo_city
from programmakamer.core.schema import CHALLENGES, NEIGHBOURHOODS, STREETS
from programmakamer.store import programme as store


@pytest.fixture(scope="session")
def demo_city():
    return generate_demo_city()


@pytest.fixture()
def demo_programme(tmp_path, demo_city):
    """The demo city as a programme GeoPackage, horizons assigned."""
    path = tmp_path / "demo.gpkg"
    store.create_programme(
        path,
        demo_city.name,
        demo_city.municipality,
        demo_city.reference_year,
        stakeholders=demo_city.stakeholders,
    )
    store.write_records(path, STREETS, demo_city.streets)
    store.write_records(path, NEIGHBOURHOODS, demo_city.neighbourhoods)
    store.write_records(path, CHALLENGES, demo_city.challenges)
    store.write_works(path, demo_city.works)
    store.assign_horizons(path)
    return path


@pytest.fixture()
def project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()
