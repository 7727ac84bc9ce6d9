"""Editing a shared programme in a QGIS transaction group (project option "automatically
create transaction groups"): each edit goes to the database at once, in one transaction
that lasts the editing session. A work a colleague saved after the session began is
refused at the edit, with who and when; the session's other edits are kept and saved."""

from __future__ import annotations

import psycopg2
import pytest
from psycopg2 import sql
from qgis.core import QgsProject

from programmakamer.store import access
from programmakamer.store.history import history_of_work
from programmakamer.store.layers import TABLE_PROPERTY, open_programme

from ..test_plugin import RecordingIface
from .test_postgis_access import PASSWORD, logins  # noqa: F401  (a fixture)
from .test_postgis_history import _location_as, _row, shared  # noqa: F401  (a fixture)


@pytest.fixture()
def session(shared, logins):  # noqa: F811
    """The grid operator's planner with the programme open in a transaction-group project,
    and a colleague (engineer) of the same stakeholder who saves from another client."""
    planner, engineer = logins("grid planner"), logins("grid engineer")
    for login in (planner, engineer):
        access.grant_login(shared, login, "stakeholder", 1)
    project = QgsProject()
    project.setAutoTransaction(True)
    open_programme(project, _location_as(shared, planner))
    layer = next(
        layer
        for layer in project.mapLayers().values()
        if layer.customProperty(TABLE_PROPERTY) == "works_lines"
        and layer.subsetString() == '"stakeholder_id" = 1'
    )
    errors: list[str] = []
    layer.raiseError.connect(errors.append)
    first, second = sorted(f.id() for f in layer.getFeatures())[:2]
    yield project, layer, errors, planner, engineer, first, second
    for each in project.mapLayers().values():
        if each.isEditable():
            each.rollBack()
    project.clear()


def _save_as(login, schema, fid, title):
    """A colleague's save from another client (psql, or QGIS without a transaction group)."""
    with psycopg2.connect(user=login, password=PASSWORD) as connection:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("UPDATE {} SET title = %s WHERE fid = %s").format(
                    sql.Identifier(schema, "works_lines")
                ),
                (title, fid),
            )
    connection.close()


def _work_id(schema, fid):
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT work_id FROM {} WHERE fid = %s").format(
                sql.Identifier(schema, "works_lines")
            ),
            (fid,),
        )
        found = cursor.fetchone()[0]
    connection.close()
    return found


def test_a_work_a_colleague_saved_since_editing_began_is_refused_and_the_rest_is_saved(
    session,
    schema_name,
    shared,  # noqa: F811
):
    project, layer, errors, planner, engineer, work, other = session
    title = layer.fields().indexOf("title")
    assert layer.startEditing()
    assert layer.dataProvider().transaction() is not None  # really a transaction group

    _save_as(engineer, schema_name, work, "Kabel verzwaren (engineer)")

    assert not layer.changeAttributeValue(work, title, "Kabel verzwaren (planner)")
    assert any("was changed by {} at".format(engineer) in e for e in errors), errors
    assert layer.getFeature(work)["title"] == "Kabel verzwaren (engineer)"
    # The session goes on: an edit of another work is made and saved.
    assert layer.changeAttributeValue(other, title, "Tweede werk (planner)")
    assert layer.commitChanges(), layer.commitErrors()

    assert _row(schema_name, work) == ("Kabel verzwaren (engineer)", 2)
    assert _row(schema_name, other) == ("Tweede werk (planner)", 2)
    history = history_of_work(shared, _work_id(schema_name, work))
    assert [(h.action, h.changed_by) for h in history] == [("UPDATE", engineer)]


def test_a_deletion_of_a_work_a_colleague_saved_since_editing_began_is_refused(
    session, schema_name
):
    project, layer, errors, planner, engineer, work, other = session
    assert layer.startEditing()
    _save_as(engineer, schema_name, work, "Kabel verzwaren (engineer)")

    assert not layer.deleteFeature(work)
    assert any("was changed by {} at".format(engineer) in e for e in errors), errors
    assert layer.commitChanges(), layer.commitErrors()
    assert _row(schema_name, work) == ("Kabel verzwaren (engineer)", 2)


def test_saves_from_before_the_session_and_the_sessions_own_edits_go_through_as_one_save(
    session,
    schema_name,
    shared,  # noqa: F811
):
    """No false refusals: what a colleague saved before editing began is what the planner
    sees and edits; the planner's own edits of one work in the session (a field, its time,
    the geometry, another field) are one save: one version on, one entry in the history."""
    project, layer, errors, planner, engineer, work, other = session
    _save_as(engineer, schema_name, work, "Kabel verzwaren (engineer)")
    title, description = layer.fields().indexOf("title"), layer.fields().indexOf("description")
    assert layer.startEditing()
    geometry = layer.getFeature(work).geometry()
    geometry.translate(1.0, 0.0)

    assert layer.changeAttributeValue(work, title, "Kabel verzwaren (planner)")
    assert layer.changeGeometry(work, geometry)
    assert layer.changeAttributeValue(work, description, "Met de gemeente afgestemd")
    assert layer.commitChanges(), layer.commitErrors()

    assert errors == []
    assert _row(schema_name, work) == ("Kabel verzwaren (planner)", 3)
    history = history_of_work(shared, _work_id(schema_name, work))
    assert [(h.action, h.changed_by) for h in history] == [
        ("UPDATE", engineer),
        ("UPDATE", planner),
    ]
    changed = {name: (old, new) for name, old, new in history[1].changes}
    assert changed["title"] == ("Kabel verzwaren (engineer)", "Kabel verzwaren (planner)")
    assert changed["description"][1] == "Met de gemeente afgestemd"
    assert "geom" in changed


def test_a_saved_project_opened_again_with_the_plugin_is_guarded_too(
    session,
    schema_name,
    tmp_path,
    qgis_iface,
    without_provider,
):
    """The layers of a saved project come back without the plugin having made them."""
    import programmakamer

    project, layer, errors, planner, engineer, work, other = session
    saved = tmp_path / "kamer.qgz"
    assert project.write(str(saved))
    plugin = programmakamer.classFactory(RecordingIface(qgis_iface))
    plugin.initGui()
    again = QgsProject.instance()
    try:
        again.setAutoTransaction(True)
        assert again.read(str(saved))
        [reopened] = [
            each
            for each in again.mapLayers().values()
            if each.name() == layer.name() and each.subsetString() == layer.subsetString()
        ]
        refused: list[str] = []
        reopened.raiseError.connect(refused.append)
        assert reopened.startEditing()
        _save_as(engineer, schema_name, work, "Kabel verzwaren (engineer)")
        assert not reopened.changeAttributeValue(
            work, reopened.fields().indexOf("title"), "Kabel verzwaren (planner)"
        )
        assert any("was changed by {} at".format(engineer) in e for e in refused), refused
    finally:
        for each in again.mapLayers().values():
            if each.isEditable():
                each.rollBack()  # an open transaction would hold its row locks
        plugin.unload()
        again.clear()
