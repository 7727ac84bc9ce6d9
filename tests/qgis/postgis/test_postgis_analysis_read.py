"""The analysis reads a PostGIS programme through the same store function as a GeoPackage,
and gets the same works, challenges and settings."""

from __future__ import annotations

import numpy as np

from programmakamer.core.schema import CHALLENGES, WORK_TABLES
from programmakamer.store import copies
from programmakamer.store.analysis import read_challenges, read_settings, read_works
from programmakamer.store.columns import read_stored

from .test_postgis_access import logins  # noqa: F401  (a fixture)


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


def _findings(location):
    from programmakamer.core.schema import FINDINGS

    kept = ("finding_id", "kind", "state", "work_a", "work_b", "challenge_id", "explanation_en")
    return sorted(
        tuple(row[k] for k in kept) + (round(row["saving_eur"] or 0, 2),)
        for row in copies.read_rows(location, FINDINGS)
    )


def test_the_analysis_of_a_postgis_programme_writes_the_same_findings_as_on_the_geopackage(
    demo_programme, pg_location
):
    from programmakamer.store.analysis import analyse_programme

    copies.copy_programme(demo_programme, pg_location)

    on_postgis = analyse_programme(pg_location)
    on_geopackage = analyse_programme(demo_programme)

    assert on_postgis.counts == on_geopackage.counts
    assert _findings(pg_location) == _findings(demo_programme)
    assert len(_findings(pg_location)) > 50
    assert on_postgis.written.new == len(_findings(pg_location))
    again = analyse_programme(pg_location)
    assert (again.written.new, again.written.unchanged) == (0, on_postgis.written.new)
    assert _findings(pg_location) == _findings(demo_programme)


def test_the_chamber_runs_the_analysis_and_a_viewer_is_told_it_may_not(
    demo_programme,
    pg_location,
    logins,  # noqa: F811
):
    import pytest

    from programmakamer.store import access
    from programmakamer.store.analysis import analyse_programme
    from programmakamer.store.errors import ProgrammeError

    from .test_postgis_history import _location_as

    copies.copy_programme(demo_programme, pg_location)
    chamber, viewer = logins("analyst"), logins("alderman")
    access.grant_login(pg_location, chamber, "chamber")
    access.grant_login(pg_location, viewer, "viewer")

    assert analyse_programme(_location_as(pg_location, chamber)).written.new > 50
    with pytest.raises(ProgrammeError, match="does not let you change") as refusal:
        analyse_programme(_location_as(pg_location, viewer))
    assert "geheim" not in str(refusal.value)
