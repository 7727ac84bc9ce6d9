"""Where a programme lives: a GeoPackage file or a schema in a PostGIS database.

A programme is named by one string everywhere (the layer tree, the dock, the algorithms):
a file path, or `postgres:` followed by QGIS's own data source URI of the connection with
the programme's schema in it. The data source of a table is the one thing that differs
between the two, and it is made here.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsDataSourceUri

from ..core.schema import table

POSTGIS_PREFIX = "postgres:"

#: The geometry column and primary key of every spatial table, as GDAL names them in a
#: GeoPackage and the PostGIS programme copies.
GEOMETRY_COLUMN = "geom"
KEY_COLUMN = "fid"


#: The custom property that names the programme a layer belongs to.
PATH_PROPERTY = "programmakamer/path"


def is_postgis(location) -> bool:
    return str(location).startswith(POSTGIS_PREFIX)


def normalised(location) -> str:
    """The one spelling of a programme's location: an absolute path, or the PostGIS URI."""
    return str(location) if is_postgis(location) else str(Path(location).absolute())


def postgis_location(uri: QgsDataSourceUri, schema: str) -> str:
    """A PostGIS programme's location: the connection (no table) and the schema."""
    connection = QgsDataSourceUri(uri.uri(False))
    connection.setDataSource("", "", "")
    connection.setSchema(schema)
    return POSTGIS_PREFIX + connection.uri(False)


def shown(location) -> str:
    """A location as messages and logs may show it: without a password."""
    if not is_postgis(location):
        return str(location)
    uri = postgis_uri(location)
    uri.setPassword("")
    return POSTGIS_PREFIX + uri.uri(False)


def short_name(location) -> str:
    """A programme's short name in messages: its file's name, or its schema."""
    return postgis_schema(location) if is_postgis(location) else Path(location).name


def watched_paths(location) -> tuple[str | None, list[str]]:
    """The folder and the files whose change means another program wrote the programme: a
    GeoPackage and its write-ahead log (in WAL mode a commit only touches the log). A
    database tells no file of its changes: none."""
    if is_postgis(location):
        return None, []
    path = Path(location)
    return str(path.parent), [str(path), str(path) + "-wal"]


def postgis_uri(location: str) -> QgsDataSourceUri:
    return QgsDataSourceUri(str(location)[len(POSTGIS_PREFIX) :])


def postgis_schema(location: str) -> str:
    return postgis_uri(location).schema()


def quoted_table(source: str) -> str:
    """The schema-qualified, quoted name of a PostGIS layer's table, for a statement QGIS's
    transaction runs (QgsDataSourceUri.quotedTablename escapes a quote with a backslash)."""
    uri = QgsDataSourceUri(source)
    return ".".join('"{}"'.format(n.replace('"', '""')) for n in (uri.schema(), uri.table()))


def layer_source(location, table_name: str) -> tuple[str, str]:
    """The data source and provider key of one table of a programme."""
    if not is_postgis(location):
        return "{}|layername={}".format(location, table_name), "ogr"
    uri = postgis_uri(location)
    geometry = GEOMETRY_COLUMN if table(table_name).geometry != "none" else None
    uri.setDataSource(uri.schema(), table_name, geometry, "", KEY_COLUMN)
    return uri.uri(False), "postgres"
