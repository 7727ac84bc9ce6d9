"""A programme created in PostGIS: the same tables, defaults, styles and layer tree as the
GeoPackage, from the same schema definition."""

from __future__ import annotations

import psycopg2
import pytest

from programmakamer.core.schema import MORATORIUM_PERIODS, RULE_SETTINGS, TABLES, WORK_TABLES
from programmakamer.store import postgis
from programmakamer.store import programme as store
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.history import KEPT_TABLES
from programmakamer.store.layers import open_programme

from .conftest import SERVICE


def _create(location, demo_city):
    return postgis.create_programme(
        location,
        demo_city.name,
        demo_city.municipality,
        demo_city.reference_year,
        stakeholders=demo_city.stakeholders,
    )


def _columns(cursor, schema, table):
    cursor.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
        (schema, table),
    )
    return [row[0] for row in cursor.fetchall()]


def test_a_programme_in_postgis_has_every_table_of_the_schema_with_its_indexes(
    pg_location, schema_name, demo_city
):
    info = _create(pg_location, demo_city)

    assert (info.name, info.reference_year, info.path) == (
        demo_city.name,
        demo_city.reference_year,
        pg_location,
    )
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        for table in TABLES:
            geometry = ["geom"] if table.geometry != "none" else []
            kept = ["version", "based_on_version", "saved_in"]
            version = kept if table.name in dict(KEPT_TABLES) else []
            assert _columns(cursor, schema_name, table.name) == [
                "fid",
                *table.field_names,
                *geometry,
                *version,
            ]
        cursor.execute(
            "SELECT tablename FROM pg_indexes WHERE schemaname = %s AND indexdef LIKE %s",
            (schema_name, "%USING gist%"),
        )
        spatial = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT f_table_name, stylename, useasdefault FROM public.layer_styles "
            "WHERE f_table_schema = %s ORDER BY 1, 2",
            (schema_name,),
        )
        styles = cursor.fetchall()
    assert spatial == {t.name for t in TABLES if t.geometry != "none"}
    assert styles == [
        (t.name, name, default)
        for t in sorted(WORK_TABLES, key=lambda t: t.name)
        for name, default in (("By horizon", True), ("By stakeholder", False))
    ]


def test_a_programme_in_postgis_starts_with_the_geopackages_settings_and_stakeholders(
    pg_location, demo_city, tmp_path
):
    gpkg = tmp_path / "same.gpkg"
    store.create_programme(
        gpkg,
        demo_city.name,
        demo_city.municipality,
        demo_city.reference_year,
        stakeholders=demo_city.stakeholders,
    )
    _create(pg_location, demo_city)

    for table in (RULE_SETTINGS, MORATORIUM_PERIODS):
        assert store.read_table(pg_location, table) == store.read_table(gpkg, table)
    assert store.read_stakeholders(pg_location) == store.read_stakeholders(gpkg)


def test_opening_a_postgis_programme_loads_the_same_layer_tree(
    pg_location, demo_city, demo_programme, project
):
    _create(pg_location, demo_city)

    def tree(location):
        project.clear()
        open_programme(project, location)
        group = project.layerTreeRoot().children()[0]
        return [
            (layer.name(), layer.layer().providerType(), layer.layer().isValid())
            for layer in group.findLayers()
        ]

    on_postgis = tree(pg_location)
    on_geopackage = tree(demo_programme)

    assert all(provider == "postgres" and valid for _, provider, valid in on_postgis)
    # the demo GeoPackage holds works, so it has area and point layers the new one lacks
    names = {name for name, _, _ in on_postgis}
    assert names <= {name for name, _, _ in on_geopackage}
    assert [n for n, _, _ in on_geopackage if n in names] == [n for n, _, _ in on_postgis]


def test_a_schema_that_exists_is_refused_and_left_alone(pg_location, demo_city):
    _create(pg_location, demo_city)

    with pytest.raises(ProgrammeError, match="already has a schema"):
        _create(pg_location, demo_city)
    assert store.read_programme(pg_location).name == demo_city.name


def test_a_qgis_connection_name_and_a_service_reach_the_same_database(qgis_connection, schema_name):
    by_name = postgis.location_of(schema_name, connection=qgis_connection)
    by_service = postgis.location_of(schema_name, service=SERVICE)

    with postgis.transaction(by_name) as a, postgis.transaction(by_service) as b:
        a.execute("SELECT current_database()")
        b.execute("SELECT current_database()")
        assert a.fetchone() == b.fetchone()
    with pytest.raises(ProgrammeError, match="no PostgreSQL connection named"):
        postgis.location_of(schema_name, connection="nonexistent")


def test_createprogramme_makes_the_programme_in_postgis_given_a_connection_and_schema(
    processing_run, qgis_connection, schema_name
):
    result = processing_run(
        "programmakamer:createprogramme",
        {
            "NAME": "Gedeeld programma",
            "MUNICIPALITY": "Zwolle",
            "REFERENCE_YEAR": 2028,
            "DATABASE": qgis_connection,
            "SCHEMA": schema_name,
        },
    )
    location = postgis.location_of(schema_name, connection=qgis_connection)
    try:
        assert result["OUTPUT"] == location
        info = store.read_programme(location)
        assert (info.name, info.municipality, info.reference_year) == (
            "Gedeeld programma",
            "Zwolle",
            2028,
        )
    finally:
        postgis.drop_programme(location)


def test_a_schema_name_is_refused_before_anything_is_made_when_it_cannot_be_a_schema():
    with pytest.raises(ProgrammeError, match="% sign"):
        postgis.location_of("100% programma", service=SERVICE)
    with pytest.raises(ProgrammeError, match="too long"):
        postgis.location_of("p" * 41, service=SERVICE)
