"""A colleague's save shows up: a shared programme tells QGIS when its data changed.

After every statement that changes works, decisions or findings, the database sends a
NOTIFY on the channel `qgis` with the programme's schema as payload; PostgreSQL delivers it
at commit, once per transaction. One listening connection per programme in a QGIS
(ProgrammeListeners, run by the plugin for its project) redraws that programme's layers.
QGIS's own refresh-on-notify would do it too, but with a connection of its own per layer:
21 for the demo programme, so a dozen users would pass PostgreSQL's default of 100.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsMapLayer, QgsProject
from qgis.PyQt.QtCore import QObject, QSocketNotifier, pyqtSignal

from ..core.schema import DECISIONS, FINDINGS, WORK_TABLES
from ..log import logger
from .errors import ProgrammeError
from .location import PATH_PROPERTY, is_postgis, postgis_schema, shown
from .postgis import connect, sql

#: The channel QGIS's postgres provider listens on for its refresh-on-notify, so a user's
#: own layers of the programme can refresh that way too.
CHANNEL = "qgis"
ANNOUNCED_TABLES = (*(t.name for t in WORK_TABLES), DECISIONS.name, FINDINGS.name)

_ANNOUNCE = """
BEGIN
  PERFORM pg_catalog.pg_notify({channel}, TG_TABLE_SCHEMA);
  RETURN NULL;
END
"""


def announce_changes(cursor, schema: str) -> None:
    """The statement-level triggers that send the NOTIFY (inside a programme's creation)."""
    composition = sql()
    ident = composition.Identifier
    function = ident(schema, "announce_change")
    body = _ANNOUNCE.format(channel=composition.Literal(CHANNEL).as_string(cursor))
    cursor.execute(
        composition.SQL(
            "CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql "
            "SET search_path = pg_catalog, pg_temp AS {}"
        ).format(function, composition.Literal(body))
    )
    for table_name in ANNOUNCED_TABLES:
        cursor.execute(
            composition.SQL(
                "CREATE TRIGGER announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                "ON {} FOR EACH STATEMENT EXECUTE FUNCTION {}()"
            ).format(ident(schema, table_name), function)
        )


class ProgrammeListener(QObject):
    """One LISTEN connection to a shared programme's database; `changed` when it announces
    a change. The socket is watched by Qt's event loop: no thread, no polling."""

    changed = pyqtSignal()

    def __init__(self, location: str, parent: QObject | None = None):
        super().__init__(parent)
        self.schema = postgis_schema(location)
        self.connection = connect(location)
        self.connection.autocommit = True
        with self.connection.cursor() as cursor:
            cursor.execute("LISTEN {}".format(CHANNEL))
        self.notifier = QSocketNotifier(self.connection.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._heard)

    def _heard(self) -> None:
        import psycopg2

        try:
            self.connection.poll()
        except psycopg2.Error as error:
            logger("store").warning("Listening to %s stopped: %s", self.schema, error)
            self.close()
            return
        heard = {notice.payload for notice in self.connection.notifies}
        self.connection.notifies.clear()
        if self.schema in heard:
            self.changed.emit()

    def close(self) -> None:
        self.notifier.setEnabled(False)
        self.connection.close()


class ProgrammeListeners:
    """A listener for every shared programme that has layers in the project, also the
    layers of a saved project opened again; closed when its last layer goes. Each of
    `changed` is called with the programme whose layers were redrawn (the panel reloads)."""

    def __init__(self, project: QgsProject):
        self.project = project
        self.listeners: dict[str, ProgrammeListener] = {}
        self.changed: list[Callable[[str], None]] = []
        project.layersAdded.connect(self._added)
        project.layersRemoved.connect(self._removed)

    def _added(self, layers) -> None:
        for layer in layers:
            location = layer.customProperty(PATH_PROPERTY)
            if not location or not is_postgis(location) or location in self.listeners:
                continue
            try:
                listener = ProgrammeListener(location)
            except ProgrammeError as error:  # the layers tell the user themselves
                logger("store").warning("Not listening to %s: %s", shown(location), error)
                continue
            listener.changed.connect(lambda location=location: self._redraw(location))
            self.listeners[location] = listener

    def _layers(self, location: str) -> list[QgsMapLayer]:
        return [
            layer
            for layer in self.project.mapLayers().values()
            if layer.customProperty(PATH_PROPERTY) == location
        ]

    def _redraw(self, location: str) -> None:
        for layer in self._layers(location):
            layer.triggerRepaint()
            layer.dataChanged.emit()  # what QGIS's own refresh-on-notify signals
        for told in self.changed:
            told(location)

    def _removed(self, _ids) -> None:
        for location in [loc for loc in self.listeners if not self._layers(loc)]:
            self.listeners.pop(location).close()

    def close(self) -> None:
        self.project.layersAdded.disconnect(self._added)
        self.project.layersRemoved.disconnect(self._removed)
        for listener in self.listeners.values():
            listener.close()
        self.listeners.clear()
