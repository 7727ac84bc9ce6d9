"""The history of a shared programme, carried by its copies in either direction.

PostGIS's triggers fill the `audit` table (history.py); a snapshot GeoPackage holds the same
rows in a table made from the same definition (core.schema.AUDIT), the before and after as
JSON text and the moment as ISO 8601 text (a GeoPackage DATETIME keeps only milliseconds,
and the history keeps microseconds). A copy back into PostGIS writes the rows as they were,
ids included, so a row's history reads the same after the trip.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from osgeo import gdal, ogr

from ..core.schema import AUDIT
from . import postgis
from .errors import GdalErrors, unreadable, write_failure
from .location import is_postgis, postgis_schema

_OGR_TYPES = {
    "text": (ogr.OFTString, ogr.OFSTNone),
    "integer": (ogr.OFTInteger, ogr.OFSTNone),
    "moment": (ogr.OFTString, ogr.OFSTNone),
    "json": (ogr.OFTString, ogr.OFSTJSON),
}


def read_audit(location) -> list[dict]:
    """Every row of a programme's history, oldest first: `id`, the fields of AUDIT, the
    moment as an aware datetime and the before and after as JSON text (exactly as stored).
    A GeoPackage without a history (never shared) has none."""
    names = [AUDIT.key, *AUDIT.field_names]
    if is_postgis(location):
        composition = postgis.sql()
        selected = [
            composition.SQL("{}::text").format(composition.Identifier(f.name))
            if f.kind == "json"
            else composition.Identifier(f.name)
            for f in AUDIT.fields
        ]
        with postgis.transaction(location) as cursor:
            cursor.execute(
                composition.SQL("SELECT {}, {} FROM {} ORDER BY {}").format(
                    composition.Identifier(AUDIT.key),
                    composition.SQL(", ").join(selected),
                    composition.Identifier(postgis_schema(location), AUDIT.name),
                    composition.Identifier(AUDIT.key),
                )
            )
            return [dict(zip(names, values)) for values in cursor.fetchall()]
    rows = []
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(
            str(location), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
        layer = dataset.GetLayerByName(AUDIT.name) if dataset is not None else None
        for feature in layer or ():
            row = {AUDIT.key: feature.GetFID()}
            row.update((n, feature.GetField(n)) for n in AUDIT.field_names)
            row["changed_at"] = datetime.fromisoformat(row["changed_at"])
            rows.append(row)
        dataset = None
    if errors.messages:
        raise unreadable(Path(location), AUDIT.name, errors.messages)
    return sorted(rows, key=lambda row: row[AUDIT.key])


def write_to_geopackage(path: Path, rows: list[dict]) -> None:
    """The history table in a GeoPackage being made (a snapshot), with its rows, in one
    transaction. Its key column is `id`, as in PostGIS: `fid` names the changed row."""
    committed = False
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
        if dataset is not None and dataset.StartTransaction() == ogr.OGRERR_NONE:
            layer = dataset.CreateLayer(
                AUDIT.name, geom_type=ogr.wkbNone, options=["FID={}".format(AUDIT.key)]
            )
            for field in AUDIT.fields:
                kind, subtype = _OGR_TYPES[field.kind]
                definition = ogr.FieldDefn(field.name, kind)
                definition.SetSubType(subtype)
                definition.SetNullable(not field.required)
                layer.CreateField(definition)
            for row in rows:
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetFID(row[AUDIT.key])
                for name in AUDIT.field_names:
                    value = row[name]
                    if value is not None:
                        feature.SetField(
                            name, value.isoformat() if isinstance(value, datetime) else value
                        )
                layer.CreateFeature(feature)
            if errors.messages:
                dataset.RollbackTransaction()
            else:
                committed = dataset.CommitTransaction() == ogr.OGRERR_NONE
        dataset = None
    if not committed:
        raise write_failure(path, "; ".join(errors.messages))


def write_to_postgis(cursor, schema: str, rows: list[dict]) -> None:
    """The copied history into a new programme's audit table, ids kept, and its sequence
    moved past them so the next change follows on. The audit table has no trigger, so
    nothing records these inserts themselves."""
    if not rows:
        return
    from psycopg2.extras import execute_values

    composition = postgis.sql()
    name = composition.Identifier(schema, AUDIT.name)
    names = [AUDIT.key, *AUDIT.field_names]
    template = ", ".join("%s::jsonb" if f.kind == "json" else "%s" for f in AUDIT.fields)
    statement = composition.SQL("INSERT INTO {} ({}) VALUES ").format(
        name, composition.SQL(", ").join(composition.Identifier(n) for n in names)
    )
    execute_values(
        cursor,
        postgis.without_placeholders(statement, cursor) + "%s",
        [[row[n] for n in names] for row in rows],
        template="(%s, {})".format(template),
        page_size=1000,
    )
    cursor.execute(
        composition.SQL("SELECT setval(pg_get_serial_sequence({}, {}), %s)").format(
            composition.Literal(name.as_string(cursor)), composition.Literal(AUDIT.key)
        ),
        (max(row[AUDIT.key] for row in rows),),
    )
