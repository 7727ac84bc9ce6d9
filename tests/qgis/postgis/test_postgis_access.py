"""Who may do what in a shared programme: the database refuses, from psql and from QGIS."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import psycopg2
import pytest
from psycopg2 import sql

from programmakamer.core.schema import STAKEHOLDERS
from programmakamer.store import access, copies, postgis
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.location import postgis_location, postgis_uri

PASSWORD = "geheim"


@pytest.fixture()
def logins(postgres_cluster):
    """Makes database logins as a DBA does; drops them afterwards."""
    made = []

    def make(label: str) -> str:
        name = "{} {}".format(label, uuid.uuid4().hex[:6])
        with psycopg2.connect("") as connection, connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(PASSWORD)
                )
            )
        made.append(name)
        return name

    yield make
    connection = psycopg2.connect("")
    connection.autocommit = True
    with connection.cursor() as cursor:
        for name in made:
            cursor.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
    connection.close()


@pytest.fixture()
def shared(demo_programme, pg_location):
    copies.copy_programme(demo_programme, pg_location)
    return pg_location


def _as(login):
    return psycopg2.connect(user=login, password=PASSWORD)


def _work(schema, stakeholder_id):
    """fid and title of a line work of a stakeholder, read as the administrator."""
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "SELECT fid, title FROM {} WHERE stakeholder_id = %s ORDER BY fid LIMIT 1"
            ).format(sql.Identifier(schema, "works_lines")),
            (stakeholder_id,),
        )
        return cursor.fetchone()


def _refused(login, statement, *parameters, error=psycopg2.errors.InsufficientPrivilege):
    with _as(login) as connection, connection.cursor() as cursor:
        with pytest.raises(error):
            cursor.execute(statement, parameters)


def test_a_stakeholder_login_changes_its_own_works_and_no_others_from_psql(
    shared, schema_name, logins
):
    grid = logins("grid operator")
    access.grant_login(shared, grid, "stakeholder", 1)
    works = sql.Identifier(schema_name, "works_lines")
    own, other = _work(schema_name, 1), _work(schema_name, 2)

    with _as(grid) as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("UPDATE {} SET title = 'Eigen werk' WHERE fid = %s").format(works), (own[0],)
        )
        assert cursor.rowcount == 1
        cursor.execute(
            sql.SQL(
                "INSERT INTO {} (work_id, stakeholder_id, discipline, title, status) "
                "VALUES ('W-GRID', 1, 'electricity', 'Nieuw', 'planned') RETURNING fid"
            ).format(works)
        )
        assert cursor.fetchone()[0] > 0
    for statement, parameters in (
        ("UPDATE {} SET title = 'Gekaapt' WHERE fid = %s", (other[0],)),
        ("DELETE FROM {} WHERE fid = %s", (other[0],)),
        (
            "INSERT INTO {} (work_id, stakeholder_id, discipline, title, status) "
            "VALUES ('W-X', 2, 'sewer', 'Namens een ander', 'planned')",
            (),
        ),
        ("UPDATE {} SET stakeholder_id = 1 WHERE fid = %s", (other[0],)),
        ("UPDATE {} SET horizon_override = 'long' WHERE fid = %s", (own[0],)),
    ):
        _refused(grid, sql.SQL(statement).format(works), *parameters)
    assert _work(schema_name, 2) == other
    assert _work(schema_name, 1)[1] == "Eigen werk"


def test_the_chamber_sets_a_horizon_but_cannot_move_a_work_in_place_or_time(
    shared, schema_name, logins
):
    chamber = logins("secretary")
    access.grant_login(shared, chamber, "chamber")
    works = sql.Identifier(schema_name, "works_lines")
    fid = _work(schema_name, 2)[0]

    with _as(chamber) as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "UPDATE {} SET horizon_override = 'long', horizon_reason = 'Kamer' WHERE fid = %s"
            ).format(works),
            (fid,),
        )
        assert cursor.rowcount == 1
        cursor.execute(
            sql.SQL(
                "INSERT INTO {} (verdict, decision_text, decided_at) "
                "VALUES ('accepted', 'Samen graven', now())"
            ).format(sql.Identifier(schema_name, "decisions"))
        )
    for statement in (
        "UPDATE {} SET planned_start = '2031-01-01' WHERE fid = %s",
        "UPDATE {} SET geom = ST_Translate(geom, 10, 0) WHERE fid = %s",
        "UPDATE {} SET title = 'Anders' WHERE fid = %s",
        "DELETE FROM {} WHERE fid = %s",
    ):
        _refused(chamber, sql.SQL(statement).format(works), fid)


def _psql(login, schema, script):
    """The real psql as a stakeholder runs it: the login's name and password in PGUSER and
    PGPASSWORD, the script on stdin (psql fills in :"schema" there, quoted), stopping at
    the first error."""
    assert shutil.which("psql"), "psql (postgresql-client) is part of scripts/apt-packages.txt"
    return subprocess.run(
        ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-v", "schema={}".format(schema), "-f", "-"],
        input=script,
        env={**os.environ, "PGUSER": login, "PGPASSWORD": PASSWORD},
        capture_output=True,
        text=True,
        timeout=60,
    )


def _refused_in_psql(login, schema, script, reason):
    """psql ends with its code for an error in a script (3), the database's own words."""
    done = _psql(login, schema, script)
    assert done.returncode == 3, (script, done.stdout, done.stderr)
    assert "ERROR:" in done.stderr and reason in done.stderr, (script, done.stderr)


def _row_as_stored(schema, fid):
    """A work as stored, less the bookkeeping of its saves (version, saving transaction)."""
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT to_jsonb(t) - 'version' - 'saved_in' FROM {} t WHERE fid = %s").format(
                sql.Identifier(schema, "works_lines")
            ),
            (fid,),
        )
        return cursor.fetchone()[0]


def test_in_psql_a_stakeholder_login_cannot_insert_update_or_delete_anothers_work(
    shared, schema_name, logins
):
    grid = logins("grid in psql")
    access.grant_login(shared, grid, "stakeholder", 1)
    other = _work(schema_name, 2)[0]
    before = _row_as_stored(schema_name, other)
    count = _work_count(schema_name)

    for script, reason in (
        (
            "UPDATE :\"schema\".works_lines SET title = 'Gekaapt' WHERE fid = {};",
            "violates row-level security policy",
        ),
        (
            'DELETE FROM :"schema".works_lines WHERE fid = {};',
            "belongs to another stakeholder",
        ),
        (
            'INSERT INTO :"schema".works_lines (work_id, stakeholder_id, discipline, title, '
            "status) VALUES ('W-PSQL', 2, 'sewer', 'Namens een ander', 'planned'); -- {}",
            "violates row-level security policy",
        ),
    ):
        _refused_in_psql(grid, schema_name, script.format(other), reason)

    assert _row_as_stored(schema_name, other) == before
    assert _work_count(schema_name) == count
    own = _work(schema_name, 1)[0]
    done = _psql(
        grid,
        schema_name,
        "UPDATE :\"schema\".works_lines SET title = 'Eigen werk' WHERE fid = {};".format(own),
    )
    assert (done.returncode, done.stdout.strip()) == (0, "UPDATE 1"), done.stderr
    assert _work(schema_name, 1)[1] == "Eigen werk"


def _work_count(schema):
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema, "works_lines"))
        )
        return cursor.fetchone()[0]


def test_in_psql_the_chamber_login_sets_a_horizon_but_not_a_place_or_dates(
    shared, schema_name, logins
):
    chamber = logins("secretary in psql")
    access.grant_login(shared, chamber, "chamber")
    fid = _work(schema_name, 2)[0]
    before = _row_as_stored(schema_name, fid)

    done = _psql(
        chamber,
        schema_name,
        "UPDATE :\"schema\".works_lines SET horizon_override = 'long', "
        "horizon_reason = 'Kamer besluit' WHERE fid = {};".format(fid),
    )
    assert (done.returncode, done.stdout.strip()) == (0, "UPDATE 1"), done.stderr
    for change in (
        "geom = ST_Translate(geom, 10, 0)",
        "planned_start = '2031-01-01'",
        "planned_end = '2032-12-31'",
    ):
        _refused_in_psql(
            chamber,
            schema_name,
            'UPDATE :"schema".works_lines SET {} WHERE fid = {};'.format(change, fid),
            "permission denied",
        )

    after = _row_as_stored(schema_name, fid)
    assert (after["horizon_override"], after["horizon_reason"]) == ("long", "Kamer besluit")
    unchanged = {k: v for k, v in after.items() if not k.startswith("horizon")}
    assert unchanged == {k: v for k, v in before.items() if not k.startswith("horizon")}


def test_a_viewer_reads_every_table_and_writes_none(shared, schema_name, logins):
    viewer = logins("council")
    access.grant_login(shared, viewer, "viewer")

    with _as(viewer) as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema_name, "works_lines"))
        )
        assert cursor.fetchone()[0] > 0
    _refused(
        viewer,
        sql.SQL("UPDATE {} SET state = 'obsolete'").format(sql.Identifier(schema_name, "findings")),
    )


def _layer_as(location, login):
    from qgis.core import QgsVectorLayer

    uri = postgis_uri(location)
    uri.setUsername(login)
    uri.setPassword(PASSWORD)
    uri.setDataSource(uri.schema(), "works_lines", "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "works", "postgres")
    assert layer.isValid()
    return layer


def test_through_qgis_a_stakeholder_cannot_save_a_change_to_anothers_work(
    shared, schema_name, logins
):
    from qgis.core import QgsVectorLayerUtils

    grid = logins("grid in qgis")
    access.grant_login(shared, grid, "stakeholder", 1)
    layer = _layer_as(shared, grid)
    title = layer.fields().indexOf("title")
    other = _work(schema_name, 2)

    layer.startEditing()
    layer.changeAttributeValue(other[0], title, "Gekaapt in QGIS")
    assert not layer.commitChanges()
    assert "row-level security" in " ".join(layer.commitErrors())
    layer.rollBack()
    assert _work(schema_name, 2) == other

    own = next(f for f in layer.getFeatures() if f["stakeholder_id"] == 1)
    attributes = {i: own[i] for i in range(layer.fields().count()) if i != 0}
    attributes[layer.fields().indexOf("work_id")] = "W-QGIS"
    new = QgsVectorLayerUtils.createFeature(layer, own.geometry(), attributes)
    layer.startEditing()
    layer.changeAttributeValue(own.id(), title, "Eigen werk in QGIS")
    assert layer.addFeature(new)
    assert layer.commitChanges(), layer.commitErrors()
    assert _work(schema_name, 1)[1] == "Eigen werk in QGIS"
    assert any(f["work_id"] == "W-QGIS" for f in layer.getFeatures())


def test_any_name_is_just_a_name(pg_location, schema_name, logins, demo_city):
    strange = "O'Brien; DROP TABLE works"
    postgis.create_programme(
        pg_location,
        "Programma",
        "Gemeente",
        2027,
        stakeholders=[
            {"stakeholder_id": 1, "name": strange, "discipline": "sewer", "colour": "#ff0000"}
        ],
    )
    login = logins(strange)
    role = access.grant_login(pg_location, login, "stakeholder", 1)

    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = %s", (role,)
        )
        assert cursor.fetchone()[0] == strange
        cursor.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (login, role))
        assert cursor.fetchone()[0]
    assert role == "{}_stakeholder_1".format(schema_name)
    assert [s["name"] for s in copies.read_rows(pg_location, STAKEHOLDERS)] == [strange]


def test_a_login_that_does_not_exist_is_refused(shared):
    with pytest.raises(ProgrammeError, match="no login named"):
        access.grant_login(shared, "nobody at all", "viewer")


def test_grantlogin_makes_a_login_a_stakeholder_and_refuses_an_unknown_stakeholder(
    processing_run, shared, schema_name, qgis_connection, logins
):
    from qgis.core import QgsProcessingException

    login = logins("sewer department")
    common = {"DATABASE": qgis_connection, "SCHEMA": schema_name, "LOGIN": login, "ROLE": 0}

    result = processing_run("programmakamer:grantlogin", {**common, "STAKEHOLDER_ID": 2})
    with pytest.raises(QgsProcessingException, match="no stakeholder with id 99"):
        processing_run("programmakamer:grantlogin", {**common, "STAKEHOLDER_ID": 99})

    assert result["ROLE_NAME"] == "{}_stakeholder_2".format(schema_name)
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (login, result["ROLE_NAME"]))
        assert cursor.fetchone()[0]


def test_a_stakeholder_added_to_a_shared_programme_gets_its_role_and_edits_its_works(
    processing_run, shared, schema_name, qgis_connection, logins
):
    strange = "O'Brien; DROP TABLE works"
    common = {"DATABASE": qgis_connection, "SCHEMA": schema_name}
    added = processing_run(
        "programmakamer:addstakeholder",
        {**common, "NAME": strange, "DISCIPLINE": 5, "COLOUR": "#123456"},
    )
    new_id = added["STAKEHOLDER_ID"]
    login = logins("telecom")
    role = access.grant_login(shared, login, "stakeholder", new_id)

    assert role == access.stakeholder_role(schema_name, new_id)
    assert copies.read_rows(shared, STAKEHOLDERS)[-1]["name"] == strange
    with _as(login) as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "INSERT INTO {} (work_id, stakeholder_id, discipline, title, status) "
                "VALUES ('W-TEL', %s, 'telecom', 'Glasvezel', 'planned')"
            ).format(sql.Identifier(schema_name, "works_lines")),
            (new_id,),
        )
    _refused(
        login,
        sql.SQL("UPDATE {} SET title = 'x' WHERE stakeholder_id = 1").format(
            sql.Identifier(schema_name, "works_lines")
        ),
    )


def test_an_administrator_without_superuser_rights_sets_up_and_loads_a_programme(
    postgres_cluster, schema_name, logins, demo_programme
):
    """The tables' owner is bound by row-level security too (FORCE): its own policy is what
    lets it load the programme. A DBA gives it CREATEROLE, CREATE on the database and the
    use of QGIS's style table, as the README says."""
    admin = logins("gis administrator")
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(postgis.LAYER_STYLES_DDL)
        cursor.execute(
            sql.SQL(
                "ALTER ROLE {0} CREATEROLE; GRANT CREATE ON DATABASE {1} TO {0}; "
                "GRANT SELECT, INSERT, DELETE ON public.layer_styles TO {0}; "
                "GRANT USAGE ON SEQUENCE public.layer_styles_id_seq TO {0}"
            ).format(sql.Identifier(admin), sql.Identifier(connection.info.dbname))
        )
    uri = postgis_uri(postgis.location_of(schema_name, service="programmakamer_tests"))
    uri.setUsername(admin)
    uri.setPassword(PASSWORD)
    location = postgis_location(uri, schema_name)
    try:
        copies.copy_programme(demo_programme, location)
        with postgis.transaction(location) as cursor:
            cursor.execute(
                "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user"
            )
            assert cursor.fetchone() == (admin, False)
            cursor.execute(
                sql.SQL("UPDATE {} SET title = 'Door de beheerder'").format(
                    sql.Identifier(schema_name, "works_lines")
                )
            )
            assert cursor.rowcount > 0
    finally:
        postgis.drop_programme(location)
        with psycopg2.connect("") as connection, connection.cursor() as cursor:
            cursor.execute(
                sql.SQL(
                    "REVOKE ALL ON DATABASE {1} FROM {0}; "
                    "REVOKE ALL ON public.layer_styles FROM {0}; "
                    "REVOKE ALL ON SEQUENCE public.layer_styles_id_seq FROM {0}"
                ).format(sql.Identifier(admin), sql.Identifier(connection.info.dbname))
            )
