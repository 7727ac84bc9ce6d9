"""A colleague's save shows up: the layers of a shared programme refresh when the database
tells of a change to its works, decisions or findings, and not for another programme's,
through one listening connection per programme (the plugin's), not one per layer."""

from __future__ import annotations

import time

import psycopg2
import pytest
from psycopg2 import sql

from programmakamer.store import copies
from programmakamer.store.layers import TABLE_PROPERTY, open_programme

from ..test_plugin import RecordingIface


@pytest.fixture()
def plugin(demo_programme, pg_location, qgis_new_project, qgis_iface, without_provider):
    """The plugin running in QGIS, with a shared programme open."""
    from qgis.core import QgsProject

    import programmakamer

    copies.copy_programme(demo_programme, pg_location)
    running = programmakamer.classFactory(RecordingIface(qgis_iface))
    running.initGui()
    open_programme(QgsProject.instance(), pg_location)
    yield running
    running.unload()
    QgsProject.instance().clear()


@pytest.fixture()
def loaded(plugin):
    """The shared programme's layers."""
    from qgis.core import QgsProject

    return list(QgsProject.instance().mapLayers().values())


def _listening():
    """The database's connections that wait for a NOTIFY on QGIS's channel."""
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE query ILIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
        )
        found = cursor.fetchone()[0]
    connection.close()
    return found


def _watch(layers):
    """What each layer signalled: a redraw asked for, or its data changed."""
    seen = {layer.id(): [] for layer in layers}
    for layer in layers:
        signals = seen[layer.id()]
        layer.repaintRequested.connect(lambda *_, s=signals: s.append("repaint"))
        layer.dataChanged.connect(lambda *_, s=signals: s.append("data"))
    return seen


def _wait(seconds, done=lambda: False):
    """Let QGIS's listener threads deliver; stop early once `done`."""
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():
        QCoreApplication.processEvents()
        time.sleep(0.05)


def _as_a_colleague(statement, *parameters):
    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute(statement, parameters)


def test_the_layers_of_a_shared_programme_redraw_when_a_colleague_saves_a_work(loaded, schema_name):
    layers = [layer for layer in loaded if layer.customProperty(TABLE_PROPERTY)]
    assert {layer.customProperty(TABLE_PROPERTY) for layer in layers} >= {
        "works_lines",
        "findings",
        "challenges",
    }
    assert len(layers) > 10
    assert _listening() == 1
    seen = _watch(layers)

    _as_a_colleague(  # another programme in the same database: not ours to redraw
        "SELECT pg_notify('qgis', %s)", "Programma van een andere stad"
    )
    _wait(2)
    assert not any(seen.values()), seen

    _as_a_colleague(
        sql.SQL("UPDATE {} SET title = 'Riool en kabel samen' WHERE fid = 1").format(
            sql.Identifier(schema_name, "works_lines")
        )
    )
    _wait(10, lambda: all(seen.values()))
    assert all(seen[layer.id()] for layer in layers), {
        layer.name(): seen[layer.id()] for layer in layers
    }


def test_the_listening_connection_closes_with_the_programmes_last_layer(loaded):
    from qgis.core import QgsProject

    assert _listening() == 1
    QgsProject.instance().removeAllMapLayers()
    _wait(5, lambda: _listening() == 0)
    assert _listening() == 0


def test_the_panel_reloads_the_shared_programme_after_a_colleagues_save(
    plugin, pg_location, schema_name, monkeypatch
):
    plugin.toggle_dock(True)
    panel = plugin.dock
    panel.set_programme(pg_location)
    reloads = []
    monkeypatch.setattr(panel, "reload", lambda: reloads.append(1))
    _as_a_colleague(
        sql.SQL("UPDATE {} SET title = 'Riool en kabel samen' WHERE fid = 1").format(
            sql.Identifier(schema_name, "works_lines")
        )
    )
    _wait(10, lambda: bool(reloads))
    assert reloads == [1]
