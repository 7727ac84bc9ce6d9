"""A programme copied GeoPackage -> PostGIS -> GeoPackage arrives whole and equal."""

from __future__ import annotations

from datetime import datetime

import pytest

from programmakamer.core.schema import DECISIONS, TABLES
from programmakamer.store import copies
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.errors import ProgrammeError


@pytest.fixture()
def analysed_programme(demo_programme):
    """The demo programme with its findings and a decision, as a chamber has it."""
    analyse_programme(demo_programme)
    finding = store.read_table(demo_programme, store.FINDINGS)[0]
    store.write_records(
        demo_programme,
        DECISIONS,
        [
            {
                "finding_id": finding["finding_id"],
                "verdict": "accepted",
                "decision_text": "Samen graven; O'Brien; DROP TABLE works",
                "decided_by": "Kamer",
                "decided_at": datetime(2027, 3, 1, 14, 30),
            }
        ],
    )
    return demo_programme


def _everything(location):
    tables = {table.name: copies.read_rows(location, table) for table in TABLES}
    return tables, copies.read_styles(location)


def test_a_programme_copied_to_postgis_and_back_is_equal_row_for_row(
    analysed_programme, pg_location, tmp_path
):
    original_tables, original_styles = _everything(analysed_programme)
    assert all(original_tables[t] for t in ("findings", "decisions", "works_lines", "streets"))

    copies.copy_programme(analysed_programme, pg_location)
    back = copies.copy_programme(pg_location, tmp_path / "back.gpkg")

    for location in (pg_location, back):
        tables, styles = _everything(location)
        for table in TABLES:
            assert tables[table.name] == original_tables[table.name], (location, table.name)
        assert styles == original_styles
    assert len(original_styles) == 6
    assert store.read_programme(back).name == store.read_programme(analysed_programme).name


def test_a_copy_into_a_schema_that_exists_changes_nothing(demo_programme, pg_location):
    copies.copy_programme(demo_programme, pg_location)
    before = _everything(pg_location)

    with pytest.raises(ProgrammeError, match="already has a schema"):
        copies.copy_programme(demo_programme, pg_location)
    assert _everything(pg_location) == before


def test_a_new_work_in_postgis_after_the_copy_gets_a_new_key(demo_programme, pg_location):
    copies.copy_programme(demo_programme, pg_location)
    layer = store.table_layer(pg_location, "works_lines")
    keys = {f.id() for f in layer.getFeatures()}
    work = dict(store.read_table(demo_programme, store.WORK_TABLES[0])[0])
    work["work_id"] = "W-NEW"
    from programmakamer.store.features import make_features

    added, _ = layer.dataProvider().addFeatures(
        make_features(store.WORK_TABLES[0], [work], layer.fields())
    )
    assert added, layer.dataProvider().lastError()
    assert {f.id() for f in layer.getFeatures()} - keys == {max(keys) + 1}


def test_copyprogramme_copies_there_and_back_through_processing(
    processing_run, demo_programme, qgis_connection, schema_name, tmp_path
):
    from programmakamer.store import postgis

    common = {"DATABASE": qgis_connection, "SCHEMA": schema_name}
    there = processing_run(
        "programmakamer:copyprogramme",
        {**common, "DIRECTION": 0, "GEOPACKAGE": str(demo_programme)},
    )
    try:
        back = processing_run(
            "programmakamer:copyprogramme",
            {**common, "DIRECTION": 1, "GEOPACKAGE": str(tmp_path / "snapshot.gpkg")},
        )
        assert _everything(back["OUTPUT"]) == _everything(demo_programme)
        assert _everything(there["OUTPUT"]) == _everything(demo_programme)
    finally:
        postgis.drop_programme(there["OUTPUT"])


def _audit(location):
    """The audit table of a PostGIS programme, row for row, read as its administrator."""
    import psycopg2
    from psycopg2 import sql

    from programmakamer.store.location import postgis_schema

    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "SELECT id, table_name, fid, action, changed_by, changed_at, old_values, "
                "new_values FROM {} ORDER BY id"
            ).format(sql.Identifier(postgis_schema(location), "audit"))
        )
        return cursor.fetchall()


def _edit_as_a_colleague(location):
    """Two edits of a work and a decision deleted: three rows of history."""
    import psycopg2
    from psycopg2 import sql

    from programmakamer.store.location import postgis_schema

    schema = postgis_schema(location)
    works = sql.Identifier(schema, "works_lines")
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(sql.SQL("SELECT min(fid) FROM {}").format(works))
        fid = cursor.fetchone()[0]
        cursor.execute(
            sql.SQL("UPDATE {} SET title = %s WHERE fid = %s").format(works),
            ("Riool én kabel; O'Brien", fid),
        )
        connection.commit()  # two saves: the statements of one transaction are one
        cursor.execute(
            sql.SQL("UPDATE {} SET horizon_override = 'long' WHERE fid = %s").format(works), (fid,)
        )
        cursor.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(schema, "decisions")))
    return fid


def test_the_history_of_a_shared_programme_goes_to_a_snapshot_and_back_row_for_row(
    analysed_programme, pg_location, tmp_path
):
    from programmakamer.store import postgis
    from programmakamer.store.audit import read_audit
    from programmakamer.store.history import history_of_work
    from programmakamer.store.location import postgis_schema

    from .conftest import SERVICE

    copies.copy_programme(analysed_programme, pg_location)
    fid = _edit_as_a_colleague(pg_location)
    history = _audit(pg_location)
    assert [row[3] for row in history] == ["UPDATE", "UPDATE", "DELETE"]
    work_id = copies.read_rows(pg_location, store.WORK_TABLES[0])[0]["work_id"]
    assert history[0][2] == fid

    snapshot = copies.copy_programme(pg_location, tmp_path / "snapshot.gpkg")
    assert read_audit(snapshot) == read_audit(pg_location)
    assert len(read_audit(snapshot)) == 3
    again = postgis.location_of(postgis_schema(pg_location) + " terug", service=SERVICE)
    try:
        copies.copy_programme(snapshot, again)

        assert _audit(again) == history
        assert history_of_work(again, work_id) == history_of_work(pg_location, work_id)
        _edit_as_a_colleague(again)  # two edits (no decision is left): the history goes on
        assert _audit(again)[: len(history)] == history
        assert [row[0] for row in _audit(again)[len(history) :]] == [
            history[-1][0] + 1,
            history[-1][0] + 2,
        ]
    finally:
        postgis.drop_programme(again)
