"""A colleague's save shows up: a shared programme tells QGIS when its data changed.

After every statement that changes works, decisions or findings, the database sends a
NOTIFY on the channel QGIS's postgres provider listens on (`qgis`), with the programme's
schema as payload; PostgreSQL delivers it at commit, once per transaction. The programme's
layers refresh on that payload only, so a change to another programme in the same database
leaves them alone. Each listening layer holds a connection of its own (QGIS's listener).
"""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from ..core.schema import DECISIONS, FINDINGS, WORK_TABLES
from .location import is_postgis, postgis_schema
from .postgis import sql

#: The channel QGIS's postgres provider LISTENs on (QgsPostgresListener).
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


def refresh_on_notify(layer: QgsVectorLayer, location: str) -> None:
    """A layer of a shared programme redraws when its programme announces a change."""
    if not is_postgis(location):
        return
    layer.setRefreshOnNotifyEnabled(True)
    layer.setRefreshOnNofifyMessage(postgis_schema(location))  # sic, in QGIS 3.22 to 3.40
