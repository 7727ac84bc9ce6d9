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
