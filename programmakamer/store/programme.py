"""The programme's operations on its GeoPackage: create, read, stakeholders, horizons.

A programme is created in a temporary file next to the target and moved into place
only when complete, so a failure never leaves half a programme behind. Later edits go
through `transactions`, committed or rolled back as a whole; values and features are
converted by `features`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ..core import horizons
from ..core.schema import (
    DEFAULT_CRS,
    FINDINGS,
    MORATORIUM_PERIODS,
    PROGRAMME,
    RULE_SETTINGS,
    SCHEMA_VERSION,
    STAKEHOLDERS,
    TABLES,
    WORK_TABLES,
    Table,
)
from ..core.settings import DEFAULT_MORATORIUM_YEARS, default_rule_values
from ..log import logger
from ..translation import language, tr
from .errors import GdalErrors, ProgrammeError, unreadable, write_failure
from .features import from_qvariant, make_features, qgs_fields
from .location import is_postgis, layer_source
from .styles import save_default_styles
from .transactions import (
    append_features,
    bulk_write,
    check_intact,
    check_writable,
    provider_transaction,
)

_WKB = {
    "none": QgsWkbTypes.NoGeometry,
    "line": QgsWkbTypes.MultiLineString,
    "polygon": QgsWkbTypes.MultiPolygon,
    "point": QgsWkbTypes.MultiPoint,
}

#: The database itself keeps a finding id unique. An index, not a constraint: a findings
#: table made by an earlier version gains it at its next analysis.
UNIQUE_COLUMNS = ((FINDINGS.name, "finding_id"),)
UNIQUE_FINDING_ID = 'CREATE UNIQUE INDEX IF NOT EXISTS "{0}_{1}_unique" ON "{0}" ("{1}")'.format(
    *UNIQUE_COLUMNS[0]
)


@dataclass(frozen=True)
class ProgrammeInfo:
    path: str
    name: str
    municipality: str
    reference_year: int
    crs: str
    state: str


@dataclass(frozen=True)
class HorizonReport:
    total: int
    moved: int
    undated: int


def check_length(table: Table, name: str, value: str | None) -> None:
    """Our own limit and message before GDAL's ("Value of field … has 200 characters")."""
    field = table.field(name)
    if value and field.length and len(value) > field.length:
        raise ProgrammeError(
            tr("{} has {} characters; at most {} fit.").format(
                field.alias(language()), len(value), field.length
            )
        )


def table_layer(path: str | Path, table_name: str, name: str | None = None) -> QgsVectorLayer:
    source, provider = layer_source(path, table_name)
    layer = QgsVectorLayer(source, name or table_name, provider)
    if not layer.isValid():
        raise ProgrammeError(tr("Cannot open table {} of {}.").format(table_name, path))
    return layer


def save_settings(
    path: str | Path,
    name: str,
    municipality: str | None,
    rules: dict[str, float],
    moratorium: dict[str, float],
) -> None:
    """The programme's name and municipality, its rule settings and moratorium years (by
    key and surface type; a key the table lacks is added), in one transaction: all saved,
    or none."""
    if not name.strip():
        raise ProgrammeError(tr("The programme needs a name."))
    check_length(PROGRAMME, "name", name.strip())
    check_length(PROGRAMME, "municipality", municipality)
    plans = (
        (PROGRAMME, None, {"name": name.strip(), "municipality": municipality or None}),
        (RULE_SETTINGS, ("key", "value"), rules),
        (MORATORIUM_PERIODS, ("surface_type", "years"), moratorium),
    )
    layers = [table_layer(path, table.name) for table, _, _ in plans]
    with provider_transaction(*layers) as providers:
        for (table, keyed, values), layer, provider in zip(plans, layers, providers):
            fields = layer.fields()
            features = list(layer.getFeatures())
            if keyed is None:  # one row, a value per field
                row = {fields.indexOf(field): value for field, value in values.items()}
                changes = {feature.id(): row for feature in features}
                new = []
            else:
                key_field, value_field = keyed
                index = fields.indexOf(value_field)
                rows = {feature[key_field]: feature.id() for feature in features}
                changes = {rows[k]: {index: v} for k, v in values.items() if k in rows}
                new = make_features(
                    table,
                    [{key_field: k, value_field: v} for k, v in values.items() if k not in rows],
                    fields,
                )
            bulk_write(provider, path, new, changes)


def _check_target(target: Path, overwrite: bool) -> None:
    if target.suffix.lower() != ".gpkg":
        raise ProgrammeError(tr("A programme is a GeoPackage: the file name must end in .gpkg."))
    if target.exists() and not overwrite:
        raise ProgrammeError(tr("{} already exists; choose another name.").format(target))
    folder = target.parent
    if not folder.is_dir():
        raise ProgrammeError(tr("The folder {} does not exist.").format(folder))
    # Try it: os.access says yes to root even on a read-only or immutable folder.
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise ProgrammeError(
            tr("Cannot write in {}: the folder is read-only.").format(folder)
        ) from error


def check_crs(crs: str) -> QgsCoordinateReferenceSystem:
    qcrs = QgsCoordinateReferenceSystem(crs)
    if not qcrs.isValid():
        raise ProgrammeError(tr("Unknown coordinate reference system: {}").format(crs))
    if qcrs.isGeographic():
        raise ProgrammeError(
            tr("{} is geographic (degrees); a programme needs a projected CRS in metres.").format(
                crs
            )
        )
    return qcrs


def _create_table(path: Path, table: Table, crs: QgsCoordinateReferenceSystem) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table.name
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteLayer
        if path.exists()
        else QgsVectorFileWriter.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(path),
        qgs_fields(table),
        _WKB[table.geometry],
        crs,
        QgsCoordinateTransformContext(),
        options,
    )
    if writer.hasError() != QgsVectorFileWriter.NoError:
        message = writer.errorMessage()
        del writer
        raise ProgrammeError(tr("Cannot create table {}: {}").format(table.name, message))
    del writer


def temporary_beside(target: Path, overwrite: bool) -> Path:
    """A fresh temporary GeoPackage next to a checked target, to be moved into place whole."""
    _check_target(target, overwrite)
    temporary = target.with_name(".{}.{}.part.gpkg".format(target.stem, os.getpid()))
    remove_gpkg(temporary)
    return temporary


def create_tables_in(path: Path, crs: QgsCoordinateReferenceSystem) -> None:
    """Every table of the schema, empty, with its indexes."""
    for table in TABLES:
        _create_table(path, table, crs)
    _create_unique_index(path)


def remove_gpkg(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def create_programme(
    path: str | Path,
    name: str,
    municipality: str,
    reference_year: int,
    crs: str = DEFAULT_CRS,
    stakeholders: Sequence[dict] = (),
    overwrite: bool = False,
) -> ProgrammeInfo:
    """Create a programme GeoPackage with every table of the schema and its styles."""
    target = Path(path).absolute()
    temporary = temporary_beside(target, overwrite)
    qcrs = check_crs(crs)
    records = initial_records(name, municipality, reference_year, qcrs.authid(), stakeholders)
    try:
        create_tables_in(temporary, qcrs)
        for table, rows in records:
            write_records(temporary, table, rows)
        save_default_styles(temporary, list(stakeholders))
        if overwrite:
            remove_gpkg(target)
        os.replace(temporary, target)
    except OSError as error:
        remove_gpkg(temporary)
        logger("store").warning("Creating %s failed: %s", target, error)
        raise ProgrammeError(
            tr("Cannot write {}: the file or its folder is read-only or locked.").format(target)
        ) from None
    except Exception:
        remove_gpkg(temporary)
        raise
    return read_programme(target)


def initial_records(
    name: str, municipality: str, reference_year: int, crs: str, stakeholders: Sequence[dict]
) -> list[tuple[Table, list[dict]]]:
    """What a new programme holds, checked, in either database: its row, the default rule
    settings and moratorium years, and the stakeholders it starts with."""
    if not name.strip() or not municipality.strip():
        raise ProgrammeError(tr("A programme needs a name and a municipality."))
    check_length(PROGRAMME, "name", name.strip())
    check_length(PROGRAMME, "municipality", municipality.strip())
    if not 1900 <= int(reference_year) <= 2200:
        raise ProgrammeError(
            tr("Reference year {} is not a plausible year.").format(reference_year)
        )
    for stakeholder in stakeholders:
        _validate_stakeholder(
            stakeholder["name"],
            stakeholder["discipline"],
            stakeholder.get("colour"),
            stakeholder.get("contact"),
        )
    programme_row = {
        "name": name.strip(),
        "municipality": municipality.strip(),
        "reference_year": int(reference_year),
        "crs": crs,
        "state": "draft",
        "schema_version": SCHEMA_VERSION,
        "created": datetime.now().replace(microsecond=0),
    }
    return [
        (PROGRAMME, [programme_row]),
        (RULE_SETTINGS, [{"key": k, "value": v} for k, v in default_rule_values().items()]),
        (
            MORATORIUM_PERIODS,
            [{"surface_type": k, "years": v} for k, v in DEFAULT_MORATORIUM_YEARS.items()],
        ),
        (STAKEHOLDERS, list(stakeholders)),
    ]


def _create_unique_index(path: Path) -> None:
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
        dataset.ExecuteSQL(UNIQUE_FINDING_ID)
        dataset = None
    if errors.messages:
        raise write_failure(path, "; ".join(errors.messages))


def write_records(path: str | Path, table: Table, records: Sequence[dict]) -> int:
    if not records:
        return 0
    layer = table_layer(path, table.name)
    append_features(layer, make_features(table, records, layer.fields()))
    return len(records)


def write_works(path: str | Path, works: Sequence[dict]) -> int:
    """Write works into the table of their geometry kind, in one commit per table."""
    kinds = {
        "LineString": "line",
        "MultiLineString": "line",
        "Polygon": "polygon",
        "MultiPolygon": "polygon",
        "Point": "point",
        "MultiPoint": "point",
    }
    written = 0
    for table in WORK_TABLES:
        rows = [w for w in works if kinds.get(w["geometry"].geom_type) == table.geometry]
        stamped = [{**w, "last_changed": datetime.now().replace(microsecond=0)} for w in rows]
        written += write_records(path, table, stamped)
    return written


def read_programme(path: str | Path) -> ProgrammeInfo:
    """Read a programme's metadata; refuse any GeoPackage that is not a programme.

    The file is opened read-only with GDAL so a foreign GeoPackage is never changed.
    """
    if is_postgis(path):
        from .postgis import read_programme as read_postgis  # postgis builds on this module

        return read_postgis(path)
    path = Path(path)
    if not path.is_file():
        raise ProgrammeError(tr("File not found: {}").format(path))
    with GdalErrors():  # what GDAL says of a file that is not a GeoPackage is not ours
        dataset = gdal.OpenEx(
            str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
        names = set()
        if dataset is not None:
            names = {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}
    if dataset is None:
        raise ProgrammeError(tr("{} is not a GeoPackage that can be read.").format(path))
    # tables of a later schema version come with the upgrade at the first write that needs them
    missing = sorted(t.name for t in TABLES if t.name not in names and t.since == 1)
    if missing:
        raise ProgrammeError(
            tr(
                "{} is not a programme of the Integrale Programmakamer (missing tables: {}). "
                "The file was not changed."
            ).format(path.name, ", ".join(missing))
        )
    with GdalErrors() as errors:
        feature = dataset.GetLayerByName(PROGRAMME.name).GetNextFeature()
    if errors.messages:  # a broken page reads as no row: not "empty"
        raise unreadable(path, PROGRAMME.name, errors.messages)
    if feature is None:
        raise ProgrammeError(tr("{} has an empty programme table.").format(path.name))
    version = feature.GetField("schema_version") or 0
    if version > SCHEMA_VERSION:
        raise ProgrammeError(
            tr("{} was made by a newer version of the plugin (schema {}); please update.").format(
                path.name, version
            )
        )
    lost = sorted(t.name for t in TABLES if t.name not in names and 1 < t.since <= version)
    if lost:
        raise ProgrammeError(
            tr("{} lacks tables of its schema ({}): the file is damaged.").format(
                path.name, ", ".join(lost)
            )
        )
    return ProgrammeInfo(
        path=str(path),
        name=feature.GetField("name"),
        municipality=feature.GetField("municipality"),
        reference_year=int(feature.GetField("reference_year")),
        crs=feature.GetField("crs") or DEFAULT_CRS,
        state=feature.GetField("state") or "draft",
    )


_OGR_TYPES = {
    "text": (ogr.OFTString, ogr.OFSTNone),
    "integer": (ogr.OFTInteger, ogr.OFSTNone),
    "real": (ogr.OFTReal, ogr.OFSTNone),
    "boolean": (ogr.OFTInteger, ogr.OFSTBoolean),
    "date": (ogr.OFTDate, ogr.OFSTNone),
    "datetime": (ogr.OFTDateTime, ogr.OFSTNone),
}


def upgrade_programme(path: str | Path) -> bool:
    """Bring a programme made by an earlier version to the current schema: missing tables
    and columns are added (nothing is removed or rewritten), in one transaction. True when
    something was added; a current programme is not touched. A PostGIS programme is only
    checked (its database administrator changes its schema)."""
    if is_postgis(path):
        from .postgis import check_complete  # postgis builds on this module

        check_complete(path)
        return False
    info_version = _schema_version(path)
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(
            str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
        missing = _missing_parts(dataset) if dataset is not None else None
        dataset = None
    if missing is None or errors.messages:
        raise unreadable(path, PROGRAMME.name, errors.messages)
    if not missing and info_version >= SCHEMA_VERSION:
        return False
    check_writable(path)
    check_intact(path)
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
        if dataset is not None and dataset.StartTransaction() == ogr.OGRERR_NONE:
            for table, fields in missing:
                layer = dataset.GetLayerByName(table.name)
                if layer is None:
                    layer = dataset.CreateLayer(table.name, geom_type=ogr.wkbNone)
                for field in fields:
                    kind, subtype = _OGR_TYPES[field.kind]
                    definition = ogr.FieldDefn(field.name, kind)
                    definition.SetSubType(subtype)
                    definition.SetWidth(field.length)
                    layer.CreateField(definition)
            dataset.ExecuteSQL(
                'UPDATE "{}" SET schema_version = {}'.format(PROGRAMME.name, SCHEMA_VERSION)
            )
            if errors.messages or dataset.CommitTransaction() != ogr.OGRERR_NONE:
                dataset.RollbackTransaction()
        dataset = None
    if errors.messages:
        raise write_failure(path, "; ".join(errors.messages))
    logger("store").info("%s upgraded to schema %s", path, SCHEMA_VERSION)
    return True


def _schema_version(path) -> int:
    rows = read_table(path, PROGRAMME)
    return int(rows[0]["schema_version"] or 0) if rows else 0


def _missing_parts(dataset) -> list[tuple[Table, list]]:
    """Each table of the schema with the fields it lacks (all of them for a missing table)."""
    missing = []
    for table in TABLES:
        layer = dataset.GetLayerByName(table.name)
        present = {f.GetName() for f in layer.schema} if layer is not None else set()
        fields = [f for f in table.fields if f.name not in present]
        if fields:
            missing.append((table, fields))
    return missing


def read_table(path: str | Path, table: Table) -> list[dict]:
    """All rows of a table without geometry, as plain dicts."""
    layer = table_layer(path, table.name)
    names = layer.fields().names()
    return [
        {n: from_qvariant(v) for n, v in zip(names, f.attributes())} for f in layer.getFeatures()
    ]


def read_stakeholders(path: str | Path) -> list[dict]:
    return sorted(read_table(path, STAKEHOLDERS), key=lambda s: s["stakeholder_id"])


def _validate_stakeholder(
    name: str, discipline: str, colour: str | None, contact: str | None = None
) -> None:
    if not (name or "").strip():
        raise ProgrammeError(tr("A stakeholder needs a name."))
    check_length(STAKEHOLDERS, "name", name.strip())
    check_length(STAKEHOLDERS, "contact", (contact or "").strip())
    if discipline not in STAKEHOLDERS.field("discipline").allowed_values():
        raise ProgrammeError(tr("Unknown discipline: {}").format(discipline))
    if colour and not QColor(colour).isValid():
        raise ProgrammeError(tr("Not a colour: {}").format(colour))


def add_stakeholder(
    path: str | Path, name: str, discipline: str, colour: str = "", contact: str = ""
) -> dict:
    """Add a stakeholder to a programme; returns its record with the new id."""
    read_programme(path)
    _validate_stakeholder(name, discipline, colour, contact)
    existing = read_stakeholders(path)
    if any(s["name"].strip().lower() == name.strip().lower() for s in existing):
        raise ProgrammeError(tr("The programme already has a stakeholder named {}.").format(name))
    record = {
        "stakeholder_id": max((s["stakeholder_id"] for s in existing), default=0) + 1,
        "name": name.strip(),
        "discipline": discipline,
        "colour": QColor(colour).name() if colour else "#555555",
        "contact": contact.strip() or None,
    }
    if is_postgis(path):
        from .postgis import add_stakeholder as add_to_postgis  # postgis builds on this module

        return add_to_postgis(path, record)
    write_records(path, STAKEHOLDERS, [record])
    return record


def assign_horizons(
    path: str | Path, reference_year: int | None = None, save_year: bool = False
) -> HorizonReport:
    """Fill the computed horizon of every work; overrides by the chamber stay as they are.

    With `save_year` the reference year becomes the programme's, saved with the horizons
    in one transaction.
    """
    info = read_programme(path)
    year = info.reference_year if reference_year is None else reference_year
    total = moved = undated = 0
    planned = []  # (layer, attribute changes)
    for table in WORK_TABLES:
        layer = table_layer(path, table.name)
        fields = layer.fields()
        ids, starts, statuses, old = [], [], [], []
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(["planned_start", "status", "horizon"], fields)
        for feature in layer.getFeatures(request):
            start = from_qvariant(feature["planned_start"])
            ids.append(feature.id())
            starts.append(float("nan") if start is None else float(start.year))
            statuses.append(from_qvariant(feature["status"]))
            old.append(from_qvariant(feature["horizon"]))
        new = horizons.compute_horizons(starts, statuses, year)
        index = fields.indexOf("horizon")
        changes = {fid: {index: v} for fid, v, before in zip(ids, new, old) if v != before}
        planned.append((layer, changes))
        total += len(ids)
        moved += len(changes)
        undated += sum(
            1 for s, st in zip(starts, statuses) if s != s and st not in horizons.CLOSED_STATUSES
        )
    if save_year:
        layer = table_layer(path, PROGRAMME.name)
        index = layer.fields().indexOf("reference_year")
        planned.append((layer, {f.id(): {index: year} for f in layer.getFeatures()}))
    planned = [(layer, changes) for layer, changes in planned if changes]
    if planned:  # every table or none: a failure in one leaves all as they were
        with provider_transaction(*(layer for layer, _ in planned)) as providers:
            for provider, (_, changes) in zip(providers, planned):
                bulk_write(provider, path, changes=changes)
    return HorizonReport(total=total, moved=moved, undated=undated)
