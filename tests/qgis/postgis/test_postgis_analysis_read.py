"""The analysis reads a PostGIS programme through the same store function as a GeoPackage,
and gets the same works, challenges and settings."""

from __future__ import annotations

import numpy as np

from programmakamer.core.schema import CHALLENGES, WORK_TABLES
from programmakamer.store import copies
from programmakamer.store.analysis import read_challenges, read_settings, read_works
from programmakamer.store.columns import read_stored


def _same(a, b):
    if isinstance(a, np.ndarray) and a.dtype.kind == "M":
        return np.array_equal(a, b, equal_nan=True)
    return list(a) == list(b)


def test_the_analysis_reads_the_same_works_from_postgis_as_from_the_geopackage(
    demo_programme, pg_location
):
    import shapely

    copies.copy_programme(demo_programme, pg_location)

    on_postgis, report_postgis = read_works(pg_location)
    on_geopackage, report_geopackage = read_works(demo_programme)

    assert report_postgis == report_geopackage
    assert len(on_postgis.work_id) == len(on_geopackage.work_id) > 100
    for name in ("work_id", "stakeholder", "status", "opens_ground", "start", "end"):
        assert _same(getattr(on_postgis, name), getattr(on_geopackage, name)), name
    assert shapely.equals_exact(on_postgis.geometry, on_geopackage.geometry, 1e-9).all()
    assert read_settings(pg_location) == read_settings(demo_programme)
    assert list(read_challenges(pg_location).challenge_id) == list(
        read_challenges(demo_programme).challenge_id
    )


def test_a_stored_table_reads_alike_from_both_databases(demo_programme, pg_location):
    copies.copy_programme(demo_programme, pg_location)
    for table in (*WORK_TABLES, CHALLENGES):
        fids_pg, columns_pg, shapes_pg = read_stored(pg_location, table, geometry=True)
        fids_gpkg, columns_gpkg, shapes_gpkg = read_stored(demo_programme, table, geometry=True)
        assert fids_pg == fids_gpkg
        for name in columns_gpkg:
            assert _same(columns_pg[name], columns_gpkg[name]), (table.name, name)
        assert len(shapes_pg) == len(shapes_gpkg)
