"""A programme in a PostGIS database: a schema per programme, made from core/schema.py.

The tables are generated from the one schema definition, so a field added there appears
here as it does in the GeoPackage. Every name reaches the database through psycopg2's
`sql.Identifier`, every value as a parameter: a programme or stakeholder may be called
anything. The program's writes go through one psycopg2 transaction; what a user edits goes
through QGIS's postgres provider, on layers made by `location.layer_source`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsProviderConnectionException,
    QgsProviderRegistry,
)

from ..core.schema import (
    DEFAULT_CRS,
    PROGRAMME,
    SCHEMA_VERSION,
    STAKEHOLDERS,
    TABLES,
    Field,
    Table,
)
from ..log import logger
from ..translation import tr
from .errors import ProgrammeError
from .location import (
    GEOMETRY_COLUMN,
    KEY_COLUMN,
    postgis_location,
    postgis_schema,
    postgis_uri,
    shown,
)

#: Role names are the schema's name with a suffix, and PostgreSQL cuts names at 63 bytes.
MAX_SCHEMA_BYTES = 40

_TYPES = {
    "integer": "integer",
    "real": "double precision",
    "boolean": "boolean",
    "date": "date",
    "datetime": "timestamp",
    "moment": "timestamptz",
    "json": "jsonb",
}
_GEOMETRY_TYPES = {"line": "MultiLineString", "polygon": "MultiPolygon", "point": "MultiPoint"}

#: QGIS's own table of layer styles, as its postgres provider creates it (QGIS 3.22): in
#: `public`, for every schema of the database.
LAYER_STYLES_DDL = """CREATE TABLE IF NOT EXISTS public.layer_styles (
    id SERIAL PRIMARY KEY,
    f_table_catalog varchar,
    f_table_schema varchar,
    f_table_name varchar,
    f_geometry_column varchar,
    styleName text,
    styleQML xml,
    styleSLD xml,
    useAsDefault boolean,
    description text,
    owner varchar(63) DEFAULT CURRENT_USER,
    ui xml,
    update_time timestamp DEFAULT CURRENT_TIMESTAMP,
    type varchar
)"""


def _psycopg2():
    """psycopg2, or a sentence saying how to get it (QGIS's own DB Manager needs it too)."""
    try:
        import psycopg2
    except ImportError:
        raise ProgrammeError(
            tr(
                "A programme in PostGIS needs the Python package psycopg2 "
                "(Debian/Ubuntu: python3-psycopg2; OSGeo4W: python3-psycopg2)."
            )
        ) from None
    return psycopg2


def sql():
    """psycopg2's composition of statements: identifiers quoted, values as parameters."""
    _psycopg2()
    from psycopg2 import sql as composition

    return composition


def connection_uri(connection: str = "", service: str = "") -> QgsDataSourceUri:
    """The connection of a QGIS PostgreSQL connection name, or of a pg_service.conf service."""
    if connection:
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        try:
            found = metadata.findConnection(connection)
        except QgsProviderConnectionException:
            found = None
        if found is None:
            raise ProgrammeError(
                tr("QGIS has no PostgreSQL connection named {}.").format(connection)
            )
        return QgsDataSourceUri(found.uri())
    if service:
        uri = QgsDataSourceUri()
        uri.setConnection(service, "", "", "")
        return uri
    raise ProgrammeError(tr("Choose a PostgreSQL connection or a service."))


def connection_of(location: str) -> tuple[str, str]:
    """The service, or else the name of the QGIS connection, through which a location
    reaches its database: what names it again in a form (a password is never shown)."""
    uri = postgis_uri(location)
    if uri.service():
        return uri.service(), ""
    wanted = uri.connectionInfo(False)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    for name, connection in metadata.connections(False).items():
        if QgsDataSourceUri(connection.uri()).connectionInfo(False) == wanted:
            return "", name
    raise ProgrammeError(
        tr("QGIS has no PostgreSQL connection to {}; add one, or use a service.").format(
            uri.database()
        )
    )


def location_of(schema: str, connection: str = "", service: str = "") -> str:
    """The location string of a programme in `schema`, after checking the schema's name."""
    if not schema.strip():
        raise ProgrammeError(tr("A programme in PostGIS needs the name of its schema."))
    if "%" in schema:  # psycopg2 would read it as a parameter inside a quoted name
        raise ProgrammeError(tr("A schema name cannot hold a % sign."))
    if len(schema.encode("utf-8")) > MAX_SCHEMA_BYTES:
        raise ProgrammeError(
            tr("The schema name {} is too long: at most {} bytes.").format(schema, MAX_SCHEMA_BYTES)
        )
    return postgis_location(connection_uri(connection, service), schema)


def connect(location: str):
    """A psycopg2 connection to a programme's database; a refusal told in one sentence."""
    psycopg2 = _psycopg2()
    uri = postgis_uri(location)
    try:
        return psycopg2.connect(uri.connectionInfo(True))
    except psycopg2.OperationalError as error:
        logger("store").warning("Connecting to %s failed: %s", uri.connectionInfo(False), error)
        raise ProgrammeError(
            tr("Cannot connect to the database {}: {}").format(
                uri.database() or uri.service(), first_line(error)
            )
        ) from None


def first_line(error) -> str:
    return (str(error).strip().splitlines() or [""])[0]


@contextmanager
def transaction(location: str):
    """A cursor inside one transaction: committed at the end, rolled back on any error, and a
    database refusal told as a ProgrammeError with the database's own first line."""
    psycopg2 = _psycopg2()
    connection = connect(location)
    try:
        with connection:  # commits, or rolls back on an exception
            with connection.cursor() as cursor:
                yield cursor
    except psycopg2.Error as error:
        logger("store").warning("PostGIS refused a write to %s: %s", shown(location), error)
        raise ProgrammeError(
            tr("The database refused the change: {}").format(first_line(error))
        ) from None
    finally:
        connection.close()


def value_type(field: Field) -> str:
    """The SQL type of a field's values, without the length its column may have (a text too
    long for the column is refused when it is stored)."""
    return "text" if field.kind == "text" else _TYPES[field.kind]


def text_literal(text: str) -> str:
    """A text as an SQL literal, for a statement that cannot take parameters (QGIS's
    transaction runs plain SQL). An escape string: only a backslash and a quote are special
    in it, whatever the server's standard_conforming_strings says. libpq ends a statement at
    a NUL character: the text must hold none (a JSON text escapes it)."""
    return "E'{}'".format(text.replace("\\", "\\\\").replace("'", "''"))


def _column(field: Field):
    composition = sql()
    if field.kind == "text" and field.length:
        kind = "varchar({})".format(field.length)
    else:
        kind = value_type(field)
    return composition.SQL("{} {}{}").format(
        composition.Identifier(field.name),
        composition.SQL(kind),
        composition.SQL(" NOT NULL" if field.required else ""),
    )


def table_ddl(schema: str, table: Table, srid: int) -> list:
    """CREATE TABLE and its indexes for one table of the schema definition."""
    from .programme import UNIQUE_COLUMNS  # programme imports this module lazily

    composition = sql()
    name = composition.Identifier(schema, table.name)
    columns = [composition.SQL("{} serial PRIMARY KEY").format(composition.Identifier(table.key))]
    columns += [_column(f) for f in table.fields]
    if table.geometry != "none":
        columns.append(
            composition.SQL("{} geometry({}, {})").format(
                composition.Identifier(GEOMETRY_COLUMN),
                composition.SQL(_GEOMETRY_TYPES[table.geometry]),
                composition.Literal(int(srid)),
            )
        )
    statements = [
        composition.SQL("CREATE TABLE {} ({})").format(name, composition.SQL(", ").join(columns))
    ]
    if table.geometry != "none":
        statements.append(
            composition.SQL("CREATE INDEX {} ON {} USING gist ({})").format(
                composition.Identifier("{}_geom_idx".format(table.name)),
                name,
                composition.Identifier(GEOMETRY_COLUMN),
            )
        )
    for table_name, column in UNIQUE_COLUMNS:
        if table_name == table.name:
            statements.append(
                composition.SQL("CREATE UNIQUE INDEX {} ON {} ({})").format(
                    composition.Identifier("{}_{}_unique".format(table_name, column)),
                    name,
                    composition.Identifier(column),
                )
            )
    return statements


def srid_of(crs: str) -> tuple[QgsCoordinateReferenceSystem, int]:
    from .programme import check_crs

    qcrs = check_crs(crs)
    return qcrs, qcrs.postgisSrid()


def create_tables(cursor, schema: str, srid: int) -> None:
    """The programme's schema and every table of the definition, empty."""
    composition = sql()
    cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,))
    if cursor.fetchone():
        raise ProgrammeError(
            tr("The database already has a schema {}; choose another name.").format(schema)
        )
    cursor.execute("SELECT 1 FROM spatial_ref_sys WHERE srid = %s", (srid,))
    if not cursor.fetchone():
        raise ProgrammeError(tr("PostGIS does not know SRID {}.").format(srid))
    cursor.execute(composition.SQL("CREATE SCHEMA {}").format(composition.Identifier(schema)))
    for table in TABLES:
        for statement in table_ddl(schema, table, srid):
            cursor.execute(statement)
    # IF NOT EXISTS alone still needs CREATE on public, which PostgreSQL 15 gives nobody
    cursor.execute("SELECT to_regclass('public.layer_styles') IS NULL")
    if cursor.fetchone()[0]:
        cursor.execute(LAYER_STYLES_DDL)


def insert_rows(
    cursor, schema: str, table: Table, rows: Sequence[dict], srid: int, keep_keys: bool = False
) -> None:
    """Rows of plain values in one statement; `geometry` is WKB, `fid` kept with keep_keys."""
    if not rows:
        return
    from psycopg2.extras import execute_values

    composition = sql()
    binary = _psycopg2().Binary
    names = ([KEY_COLUMN] if keep_keys else []) + list(table.field_names)
    values = [[row.get(n) for n in names] for row in rows]
    placeholders = ["%s"] * len(names)
    if table.geometry != "none":
        for row, value in zip(rows, values):
            value.append(None if row.get("geometry") is None else binary(row["geometry"]))
        names.append(GEOMETRY_COLUMN)
        placeholders.append("ST_Multi(ST_GeomFromWKB(%s, {}))".format(int(srid)))
    target = composition.SQL("INSERT INTO {} ({}) VALUES ").format(
        composition.Identifier(schema, table.name),
        composition.SQL(", ").join(composition.Identifier(n) for n in names),
    )
    execute_values(
        cursor,
        without_placeholders(target, cursor) + "%s",
        values,
        template="({})".format(", ".join(placeholders)),
        page_size=1000,
    )
    if keep_keys:
        name = composition.Identifier(schema, table.name)
        cursor.execute(
            composition.SQL(
                "SELECT setval(pg_get_serial_sequence({}, {}), "
                "coalesce((SELECT max({}) FROM {}), 0) + 1, false)"
            ).format(
                composition.Literal(name.as_string(cursor)),
                composition.Literal(KEY_COLUMN),
                composition.Identifier(KEY_COLUMN),
                name,
            )
        )


def without_placeholders(statement, cursor) -> str:
    """A composed statement as text in which a % of a quoted name is not a placeholder."""
    return statement.as_string(cursor).replace("%", "%%")


def read_rows(cursor, schema: str, table: Table) -> list[dict]:
    """Every row of a table as plain values, by key; `geometry` as WKB."""
    composition = sql()
    names = [KEY_COLUMN, *table.field_names]
    columns = [composition.Identifier(n) for n in names]
    if table.geometry != "none":
        columns.append(
            composition.SQL("ST_AsBinary({})").format(composition.Identifier(GEOMETRY_COLUMN))
        )
        names.append("geometry")
    cursor.execute(
        composition.SQL("SELECT {} FROM {} ORDER BY {}").format(
            composition.SQL(", ").join(columns),
            composition.Identifier(schema, table.name),
            composition.Identifier(KEY_COLUMN),
        )
    )
    rows = [dict(zip(names, values)) for values in cursor.fetchall()]
    for row in rows:
        if row.get("geometry") is not None:
            row["geometry"] = bytes(row["geometry"])
    return rows


def create_programme(
    location: str,
    name: str,
    municipality: str,
    reference_year: int,
    crs: str = DEFAULT_CRS,
    stakeholders: Sequence[dict] = (),
):
    """A programme in its own schema with its starting rows and styles, or nothing at all."""
    from .access import secure  # access and history build on this module
    from .history import keep_history
    from .programme import initial_records
    from .styles import save_default_styles

    schema = postgis_schema(location)
    qcrs, srid = srid_of(crs)
    records = initial_records(name, municipality, reference_year, qcrs.authid(), stakeholders)
    with transaction(location) as cursor:
        create_tables(cursor, schema, srid)
        for table, rows in records:
            insert_rows(cursor, schema, table, rows, srid)
        keep_history(cursor, schema)
        secure(cursor, schema)
    try:
        save_default_styles(location, list(stakeholders))
    except Exception:
        drop_programme(location)
        raise
    return read_programme(location)


def drop_programme(location: str) -> None:
    """Remove a programme's schema, its styles and roles (a failed creation, a test)."""
    from .access import drop_roles  # access builds on this module

    composition = sql()
    schema = postgis_schema(location)
    with transaction(location) as cursor:
        cursor.execute(
            composition.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                composition.Identifier(schema)
            )
        )
        cursor.execute("SELECT to_regclass('public.layer_styles') IS NOT NULL")
        if cursor.fetchone()[0]:
            cursor.execute(
                "DELETE FROM public.layer_styles "
                "WHERE f_table_catalog = current_database() AND f_table_schema = %s",
                (schema,),
            )
        drop_roles(cursor, schema)


def missing_tables(cursor, schema: str, tables: Iterable[Table] = TABLES) -> list[str]:
    cursor.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,)
    )
    present = {row[0] for row in cursor.fetchall()}
    return sorted(t.name for t in tables if t.name not in present)


def has_table(location: str, table: Table) -> bool:
    with transaction(location) as cursor:
        return not missing_tables(cursor, postgis_schema(location), [table])


def check_complete(location: str) -> None:
    """Refuse a programme schema that lacks columns of this version: the plugin upgrades a
    GeoPackage itself, but a shared database is changed by its administrator."""
    schema = postgis_schema(location)
    with transaction(location) as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = %s",
            (schema,),
        )
        present = set(cursor.fetchall())
    missing = [
        "{}.{}".format(t.name, f.name)
        for t in TABLES
        for f in t.fields
        if (t.name, f.name) not in present
    ]
    if missing:
        raise ProgrammeError(
            tr(
                "Schema {} lacks columns of this version of the plugin ({}): ask the database "
                "administrator to add them."
            ).format(schema, ", ".join(missing))
        )


def read_programme(location: str):
    """A PostGIS programme's metadata; a schema that is not a programme is refused."""
    from .programme import ProgrammeInfo

    schema = postgis_schema(location)
    with transaction(location) as cursor:
        missing = missing_tables(cursor, schema)
        if missing:
            raise ProgrammeError(
                tr(
                    "Schema {} is not a programme of the Integrale Programmakamer (missing "
                    "tables: {})."
                ).format(schema, ", ".join(missing))
            )
        rows = read_rows(cursor, schema, PROGRAMME)
    if not rows:
        raise ProgrammeError(tr("Schema {} has an empty programme table.").format(schema))
    row = rows[0]
    if (row["schema_version"] or 0) > SCHEMA_VERSION:
        raise ProgrammeError(
            tr("{} was made by a newer version of the plugin (schema {}); please update.").format(
                schema, row["schema_version"]
            )
        )
    return ProgrammeInfo(
        path=location,
        name=row["name"],
        municipality=row["municipality"],
        reference_year=int(row["reference_year"]),
        crs=row["crs"] or DEFAULT_CRS,
        state=row["state"] or "draft",
    )


def read_columns(location: str, table: Table, names: Sequence[str], geometry: bool):
    """Keys, attribute columns and shapely geometries of a table in one SELECT, shaped as
    `columns.read_stored` returns them for a GeoPackage: dates as datetime64[D] with NaT,
    None for NULL, None for a missing or empty geometry."""
    import numpy as np

    composition = sql()
    kinds = {f.name: f.kind for f in table.fields}
    selected = [composition.Identifier(KEY_COLUMN)] + [composition.Identifier(n) for n in names]
    spatial = geometry and table.geometry != "none"
    if spatial:
        selected.append(
            composition.SQL("ST_AsBinary({})").format(composition.Identifier(GEOMETRY_COLUMN))
        )
    with transaction(location) as cursor:
        cursor.execute(
            composition.SQL("SELECT {} FROM {} ORDER BY {}").format(
                composition.SQL(", ").join(selected),
                composition.Identifier(postgis_schema(location), table.name),
                composition.Identifier(KEY_COLUMN),
            )
        )
        rows = cursor.fetchall()
    raw = list(zip(*rows)) if rows else [() for _ in selected]
    fids = list(raw[0])
    columns = {}
    for name, values in zip(names, raw[1:]):
        if kinds.get(name) == "date":  # numpy reads None as NaT, in one call
            columns[name] = np.array(values, dtype="datetime64[D]")
        else:
            columns[name] = list(values)
    if not geometry:
        return fids, columns, None
    if not spatial:
        return fids, columns, np.full(len(fids), None, dtype=object)
    import shapely

    wkb = np.array([None if v is None else bytes(v) for v in raw[-1]], dtype=object)
    shapes = shapely.from_wkb(wkb)  # 2D: the column's type admits nothing else
    shapes[shapely.is_empty(shapes)] = None
    return fids, columns, shapes


def add_stakeholder(location: str, record: dict) -> dict:
    """A new stakeholder with the next id and its group role, in one transaction; the table
    is locked for the id, so two secretaries adding at once get two ids."""
    from .access import update_stakeholder_roles  # access builds on this module

    composition = sql()
    schema = postgis_schema(location)
    name = composition.Identifier(schema, STAKEHOLDERS.name)
    with transaction(location) as cursor:
        cursor.execute(composition.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE").format(name))
        cursor.execute(
            composition.SQL("SELECT coalesce(max(stakeholder_id), 0) + 1 FROM {}").format(name)
        )
        record = {**record, "stakeholder_id": cursor.fetchone()[0]}
        insert_rows(cursor, schema, STAKEHOLDERS, [record], 0)
        update_stakeholder_roles(cursor, schema)
    return record
