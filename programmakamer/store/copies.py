"""A programme copied whole between a GeoPackage and PostGIS, in either direction.

GeoPackage -> PostGIS makes a programme shared; PostGIS -> GeoPackage takes a snapshot along
or archives it with the board memo. Every table of the schema goes, row for row with its
key, and the styles and the history (audit.py) with it; the copy is written in one
transaction (PostGIS) or in a temporary file moved into place (GeoPackage), so a failure
leaves no half programme.

A copy is not an edit: into PostGIS, the rows are written before the history's triggers
exist, and the history the source carried follows them as it was, ids included. Recording
the copy's own inserts would make every work look new, saved by whoever copied, and put an
entry into the middle of each row's history that nobody made; a snapshot copied back keeps
every row of its history equal instead, and the next change follows on. A GeoPackage keeps
no history of its own: what it carries is the shared programme's up to the snapshot.
"""

from __future__ import annotations

import os
from pathlib import Path

from osgeo import gdal
from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsProviderRegistry

from ..core.schema import TABLES, Table
from ..translation import tr
from . import postgis
from .access import secure
from .audit import read_audit, write_to_geopackage, write_to_postgis
from .errors import GdalErrors, ProgrammeError, unreadable
from .features import from_qvariant, to_qvariant
from .history import keep_history
from .location import GEOMETRY_COLUMN, KEY_COLUMN, is_postgis, layer_source, postgis_schema
from .programme import (
    check_crs,
    create_tables_in,
    read_programme,
    remove_gpkg,
    table_layer,
    temporary_beside,
)
from .transactions import append_features

#: What a style is, wherever it is kept: the columns of QGIS's layer_styles that a copy keeps.
STYLE_COLUMNS = ("f_table_name", "stylename", "styleqml", "stylesld", "useasdefault", "description")


def copy_programme(source: str | Path, target: str | Path, overwrite: bool = False) -> str:
    """Copy a programme from a GeoPackage into PostGIS or back; returns the target."""
    if is_postgis(source) == is_postgis(target):
        raise ProgrammeError(tr("Copy from a GeoPackage to PostGIS or from PostGIS to a file."))
    info = read_programme(source)
    tables = {table.name: read_rows(source, table) for table in TABLES}
    styles = read_styles(source)
    history = read_audit(source)
    if is_postgis(target):
        _to_postgis(str(target), info.crs, tables, styles, history)
    else:
        _to_geopackage(Path(target).absolute(), info.crs, tables, styles, history, overwrite)
    return str(target) if is_postgis(target) else str(Path(target).absolute())


def read_rows(location, table: Table) -> list[dict]:
    """Every row of a table as plain values by key, the geometry as WKB, ordered by key."""
    if is_postgis(location):
        with postgis.transaction(location) as cursor:
            return postgis.read_rows(cursor, postgis_schema(location), table)
    layer = table_layer(location, table.name)
    names = [KEY_COLUMN, *table.field_names]
    indexes = [layer.fields().indexOf(n) for n in names]
    request = QgsFeatureRequest()
    if table.geometry == "none":
        request.setFlags(QgsFeatureRequest.NoGeometry)
    rows = []
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        row = {n: from_qvariant(attributes[i]) for n, i in zip(names, indexes)}
        row[KEY_COLUMN] = feature.id()
        if table.geometry != "none":
            geometry = feature.geometry()
            row["geometry"] = None if geometry.isEmpty() else bytes(geometry.asWkb())
        rows.append(row)
    return sorted(rows, key=lambda row: row[KEY_COLUMN])


def read_styles(location) -> list[dict]:
    """The programme's styles from QGIS's layer_styles, in a stable order."""
    if is_postgis(location):
        with postgis.transaction(location) as cursor:
            cursor.execute("SELECT to_regclass('public.layer_styles') IS NOT NULL")
            if not cursor.fetchone()[0]:
                return []
            cursor.execute(
                "SELECT f_table_name, stylename, styleqml::text, stylesld::text, useasdefault, "
                "description FROM public.layer_styles "
                "WHERE f_table_catalog = current_database() AND f_table_schema = %s",
                (postgis_schema(location),),
            )
            rows = [dict(zip(STYLE_COLUMNS, values)) for values in cursor.fetchall()]
    else:
        rows = _geopackage_styles(Path(location))
    for row in rows:  # an empty SLD is NULL in PostGIS's xml column and '' in a GeoPackage
        row["stylesld"] = row["stylesld"] or None
        row["useasdefault"] = bool(row["useasdefault"])
    return sorted(rows, key=lambda row: (row["f_table_name"], row["stylename"]))


def _geopackage_styles(path: Path) -> list[dict]:
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(
            str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
        layer = dataset.GetLayerByName("layer_styles") if dataset is not None else None
        rows = []
        if layer is not None:
            names = ("f_table_name", "styleName", "styleQML", "styleSLD", "useAsDefault")
            for feature in layer:
                values = [feature.GetField(n) for n in names]
                values.append(feature.GetField("description"))
                rows.append(dict(zip(STYLE_COLUMNS, values)))
        dataset = None
    if errors.messages:
        raise unreadable(path, "layer_styles", errors.messages)
    return rows


def _to_postgis(
    location: str, crs: str, tables: dict, styles: list[dict], history: list[dict]
) -> None:
    schema = postgis_schema(location)
    _, srid = postgis.srid_of(crs)
    with postgis.transaction(location) as cursor:
        postgis.create_tables(cursor, schema, srid)
        for table in TABLES:
            postgis.insert_rows(cursor, schema, table, tables[table.name], srid, keep_keys=True)
        for style in styles:
            spatial = next(t for t in TABLES if t.name == style["f_table_name"]).geometry
            cursor.execute(
                "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                "f_geometry_column, stylename, styleqml, stylesld, useasdefault, description) "
                "VALUES (current_database(), %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    schema,
                    style["f_table_name"],
                    GEOMETRY_COLUMN if spatial != "none" else None,
                    style["stylename"],
                    style["styleqml"],
                    style["stylesld"],
                    style["useasdefault"],
                    style["description"],
                ),
            )
        keep_history(cursor, schema)
        write_to_postgis(cursor, schema, history)
        secure(cursor, schema)


def _to_geopackage(
    target: Path, crs: str, tables: dict, styles: list[dict], history: list[dict], overwrite: bool
) -> None:
    temporary = temporary_beside(target, overwrite)
    try:
        create_tables_in(temporary, check_crs(crs))
        for table in TABLES:
            layer = table_layer(temporary, table.name)
            append_features(layer, _features(table, tables[table.name], layer.fields()))
        metadata = QgsProviderRegistry.instance().providerMetadata("ogr")
        for style in styles:
            saved = metadata.saveStyle(
                layer_source(temporary, style["f_table_name"])[0],
                style["styleqml"],
                style["stylesld"] or "",
                style["stylename"],
                style["description"] or "",
                "",
                style["useasdefault"],
                "",
            )
            if not saved:
                raise ProgrammeError(
                    tr("Cannot store the style {} of {}.").format(
                        style["stylename"], style["f_table_name"]
                    )
                )
        write_to_geopackage(temporary, history)
        if overwrite:
            remove_gpkg(target)
        os.replace(temporary, target)
    except BaseException:
        remove_gpkg(temporary)
        raise


def _features(table: Table, rows: list[dict], fields) -> list[QgsFeature]:
    """Features that keep their key: the GeoPackage takes a feature's fid attribute as key."""
    key = fields.indexOf(KEY_COLUMN)
    indexes = [(fields.indexOf(f.name), f.name, f.kind) for f in table.fields]
    features = []
    for row in rows:
        attributes = [None] * fields.count()
        attributes[key] = row[KEY_COLUMN]
        for index, name, kind in indexes:
            attributes[index] = to_qvariant(row[name], kind)
        feature = QgsFeature(fields)
        feature.setAttributes(attributes)
        if row.get("geometry") is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(row["geometry"])
            feature.setGeometry(geometry)
        features.append(feature)
    return features
