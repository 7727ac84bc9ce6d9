"""A colleague's save shows up: the layers of a shared programme refresh when the database
tells of a change to its works, decisions or findings, and not for another programme's."""

from __future__ import annotations

import time

import psycopg2
import pytest
from psycopg2 import sql

from programmakamer.store import copies
from programmakamer.store.layers import TABLE_PROPERTY, open_programme


@pytest.fixture()
def loaded(demo_programme, pg_location, qgis_new_project):
    """A shared programme as the plugin loads it into a project."""
    from qgis.core import QgsProject

    copies.copy_programme(demo_programme, pg_location)
    open_programme(QgsProject.instance(), pg_location)
    return QgsProject.instance().mapLayers().values()


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
    assert all(layer.isRefreshOnNotifyEnabled() for layer in layers)
    _wait(1)  # the listeners connect in their own threads
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
