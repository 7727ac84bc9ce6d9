"""Two people editing one work: the second save is refused with who and when, its edit stays
in the buffer, and the audit table keeps every state."""

from __future__ import annotations

import psycopg2
import pytest
from psycopg2 import sql
from qgis.core import QgsGeometry

from programmakamer.core.schema import WORK_TABLES
from programmakamer.store import access, copies
from programmakamer.store.history import work_history
from programmakamer.store.layers import _work_layer
from programmakamer.store.location import postgis_location, postgis_uri
from programmakamer.store.programme import read_stakeholders

from .test_postgis_access import PASSWORD, logins  # noqa: F401  (a fixture)


@pytest.fixture()
def shared(demo_programme, pg_location):
    copies.copy_programme(demo_programme, pg_location)
    return pg_location


def _location_as(location, login):
    uri = postgis_uri(location)
    uri.setUsername(login)
    uri.setPassword(PASSWORD)
    return postgis_location(uri, uri.schema())


def _stakeholder_layer(location, stakeholder_id):
    """The layer of a stakeholder's line works as the plugin loads it."""
    everyone = read_stakeholders(location)
    stakeholder = next(s for s in everyone if s["stakeholder_id"] == stakeholder_id)
    return _work_layer(location, WORK_TABLES[0], stakeholder, "en", everyone)


def _row(schema, fid):
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT title, version FROM {} WHERE fid = %s").format(
                sql.Identifier(schema, "works_lines")
            ),
            (fid,),
        )
        return cursor.fetchone()


def test_the_second_of_two_saves_of_one_work_is_refused_with_who_and_when(
    shared,
    schema_name,
    logins,  # noqa: F811
):
    first, second = logins("grid planner"), logins("grid engineer")
    for login in (first, second):
        access.grant_login(shared, login, "stakeholder", 1)
    mine = _stakeholder_layer(_location_as(shared, first), 1)
    theirs = _stakeholder_layer(_location_as(shared, second), 1)
    fid = next(mine.getFeatures())
    fid = fid.id()
    title = mine.fields().indexOf("title")
    theirs.startEditing()
    theirs.changeAttributeValue(fid, title, "Kabel verzwaren (engineer)")

    mine.startEditing()
    mine.changeAttributeValue(fid, title, "Kabel verzwaren (planner)")
    assert mine.commitChanges(), mine.commitErrors()
    assert not theirs.commitChanges()

    errors = " ".join(theirs.commitErrors())
    assert "was changed by {} at".format(first) in errors
    assert theirs.isEditable()
    assert theirs.editBuffer().changedAttributeValues()[fid][title] == "Kabel verzwaren (engineer)"
    assert _row(schema_name, fid) == ("Kabel verzwaren (planner)", 2)
    history = work_history(shared, "works_lines", fid)
    assert [(h["action"], h["changed_by"]) for h in history] == [("UPDATE", first)]
    assert history[0]["old_values"]["version"] == 1
    assert history[0]["new_values"]["title"] == "Kabel verzwaren (planner)"
    theirs.rollBack()


def test_a_stakeholder_moves_its_own_work_on_the_map(
    shared,
    schema_name,
    logins,  # noqa: F811
):
    planner = logins("grid planner")
    access.grant_login(shared, planner, "stakeholder", 1)
    layer = _stakeholder_layer(_location_as(shared, planner), 1)
    work = next(layer.getFeatures())
    moved = work.geometry()
    moved.translate(2.5, 0.0)
    layer.startEditing()
    assert layer.changeGeometry(work.id(), moved)
    assert layer.commitChanges(), layer.commitErrors()
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT ST_AsBinary(geom), version FROM {} WHERE fid = %s").format(
                sql.Identifier(schema_name, "works_lines")
            ),
            (work.id(),),
        )
        stored, version = cursor.fetchone()
    saved = QgsGeometry()
    saved.fromWkb(bytes(stored))
    assert saved.equals(moved) and not saved.equals(work.geometry())
    assert version == 2
    connection.close()


def test_the_version_fields_are_hidden_from_the_form(shared):
    layer = _stakeholder_layer(shared, 1)
    for name in ("version", "based_on_version", "saved_in"):
        assert layer.editorWidgetSetup(layer.fields().indexOf(name)).type() == "Hidden"


def test_a_plain_update_moves_the_version_on_and_a_stale_one_is_refused(
    shared,
    schema_name,
    logins,  # noqa: F811
):
    login = logins("sewer planner")
    access.grant_login(shared, login, "stakeholder", 2)
    works = sql.Identifier(schema_name, "works_lines")
    fid = next(_stakeholder_layer(shared, 2).getFeatures()).id()

    with psycopg2.connect(user=login, password=PASSWORD) as connection:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("UPDATE {} SET title = 'Riool vervangen' WHERE fid = %s").format(works),
                (fid,),
            )
    assert _row(schema_name, fid) == ("Riool vervangen", 2)
    with psycopg2.connect(user=login, password=PASSWORD) as connection:
        with (
            connection.cursor() as cursor,
            pytest.raises(
                psycopg2.errors.SerializationFailure, match="was changed by {}".format(login)
            ),
        ):
            cursor.execute(
                sql.SQL("UPDATE {} SET title = 'Oud', based_on_version = 1 WHERE fid = %s").format(
                    works
                ),
                (fid,),
            )
    assert _row(schema_name, fid) == ("Riool vervangen", 2)


def test_the_audit_keeps_inserts_updates_and_deletes_of_works_and_decisions(
    shared,
    schema_name,
    logins,  # noqa: F811
):
    chamber = logins("secretary")
    access.grant_login(shared, chamber, "chamber")
    decisions = sql.Identifier(schema_name, "decisions")
    # Three saves, each its own transaction (statements of one transaction are one save;
    # psycopg2's `with connection` would make one transaction even in autocommit).
    connection = psycopg2.connect(user=chamber, password=PASSWORD)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL(
                    "INSERT INTO {} (verdict, decision_text, decided_at) "
                    "VALUES ('deferred', 'Later', now()) RETURNING fid"
                ).format(decisions)
            )
            fid = cursor.fetchone()[0]
            cursor.execute(
                sql.SQL("UPDATE {} SET verdict = 'accepted' WHERE fid = %s").format(decisions),
                (fid,),
            )
            cursor.execute(sql.SQL("DELETE FROM {} WHERE fid = %s").format(decisions), (fid,))
    finally:
        connection.close()

    history = work_history(shared, "decisions", fid)
    assert [(h["action"], h["changed_by"]) for h in history] == [
        ("INSERT", chamber),
        ("UPDATE", chamber),
        ("DELETE", chamber),
    ]
    assert history[1]["old_values"]["verdict"] == "deferred"
    assert history[1]["new_values"]["verdict"] == "accepted"
    assert history[2]["new_values"] is None


def test_a_work_is_put_back_as_it_was_at_a_chosen_moment_even_after_a_delete(
    shared,
    schema_name,
    logins,  # noqa: F811
):
    from programmakamer.store.history import restore_row

    login = logins("green planner")
    access.grant_login(shared, login, "stakeholder", 2)
    works = sql.Identifier(schema_name, "works_lines")
    fid = next(_stakeholder_layer(shared, 2).getFeatures()).id()
    original = _row(schema_name, fid)
    with psycopg2.connect(user=login, password=PASSWORD) as connection:
        with connection.cursor() as cursor:
            for title in ("Bomen planten", "Bomen planten en wadi"):
                cursor.execute(
                    sql.SQL("UPDATE {} SET title = %s WHERE fid = %s").format(works),
                    (title, fid),
                )
                connection.commit()
    moment = work_history(shared, "works_lines", fid)[0]["changed_at"]

    restore_row(_location_as(shared, login), "works_lines", fid, moment)
    assert _row(schema_name, fid) == ("Bomen planten", original[1] + 3)

    with psycopg2.connect(user=login, password=PASSWORD) as connection:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DELETE FROM {} WHERE fid = %s").format(works), (fid,))
    assert _row(schema_name, fid) is None
    restore_row(_location_as(shared, login), "works_lines", fid, moment)

    assert _row(schema_name, fid)[0] == "Bomen planten"
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT count(*) FROM {} WHERE fid = %s AND geom IS NOT NULL").format(works),
            (fid,),
        )
        assert cursor.fetchone()[0] == 1
    actions = [h["action"] for h in work_history(shared, "works_lines", fid)]
    assert actions == ["UPDATE", "UPDATE", "UPDATE", "DELETE", "INSERT"]
