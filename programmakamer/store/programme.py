"""Programme storage in a GeoPackage through QGIS's OGR provider.

A programme is created in a temporary file next to the target and moved into place
only when complete, so a failure never leaves half a programme behind. Later edits go
through a layer's edit buffer and are committed or rolled back as a whole.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProviderRegistry,
    QgsTransaction,
    QgsVectorDataProvider,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant
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

_QVARIANT = {
    "text": QVariant.String,
    "integer": QVariant.Int,
    "real": QVariant.Double,
    "boolean": QVariant.Bool,
    "date": QVariant.Date,
    "datetime": QVariant.DateTime,
}
_WKB = {
    "none": QgsWkbTypes.NoGeometry,
    "line": QgsWkbTypes.MultiLineString,
    "polygon": QgsWkbTypes.MultiPolygon,
    "point": QgsWkbTypes.MultiPoint,
}


class ProgrammeError(Exception):
    """A problem the user can act on; the message is already translated."""


class CancelledError(Exception):
    """The user cancelled a write; raised inside a transaction, so all of it rolls back."""


#: How long a program write waits for another writer of the same programme to finish.
WRITE_WAIT_SECONDS = 60.0
#: Features per provider call when a write reports progress: each call takes well under a
#: second, so progress moves and Cancel is heard, and the writes stay bulk.
WRITE_CHUNK = 2000
#: The database itself keeps a finding id unique. An index, not a constraint: a findings
#: table made by an earlier version gains it at its next analysis.
UNIQUE_FINDING_ID = (
    'CREATE UNIQUE INDEX IF NOT EXISTS "{0}_finding_id_unique" ON "{0}" ("finding_id")'.format(
        FINDINGS.name
    )
)

_BUSY = ("database is locked", "database table is locked", "unable to open database file")
_READ_ONLY = ("readonly", "read-only", "permission denied", "operation not permitted")
_FULL = ("disk is full", "no space left")
_DAMAGED = ("malformed", "not a database", "disk i/o error")


def _says(text: str, words: tuple[str, ...]) -> bool:
    text = (text or "").lower()
    return any(word in text for word in words)


def busy(source) -> ProgrammeError:
    return ProgrammeError(
        tr(
            "Another analysis or another program is writing to {}: try again when it has "
            "finished."
        ).format(source)
    )


def damaged(source) -> ProgrammeError:
    return ProgrammeError(
        tr(
            "The programme file {} is damaged: restore a copy (for example from a backup). "
            "Nothing was written."
        ).format(source)
    )


def unreadable(source, table: str, details: Sequence[str]) -> ProgrammeError:
    """Our sentence for a read that met an error; GDAL's and SQLite's words go to the log."""
    logger("store").error("Reading table %s of %s failed: %s", table, source, "; ".join(details))
    if any(_says(d, _BUSY) for d in details):
        return busy(source)
    return ProgrammeError(
        tr(
            "The programme file {} is damaged: table {} cannot be read completely. Restore a "
            "copy (for example from a backup)."
        ).format(source, table)
    )


def missing_columns(table: str, source, names: Sequence[str]) -> ProgrammeError:
    return ProgrammeError(
        tr(
            "Table {} of {} has no column {}: it was changed outside the plugin. Restore a "
            "copy, or add the column."
        ).format(table, source, ", ".join(names))
    )


def write_failure(source, detail: str) -> ProgrammeError:
    """Our sentence for a write the database refused; its own words go to the log."""
    logger("store").error("Writing to %s failed: %s", source, detail)
    if _says(detail, _BUSY):
        return busy(source)
    if _says(detail, _READ_ONLY):
        return _refused(source)
    if _says(detail, _DAMAGED):
        return damaged(source)
    if _says(detail, _FULL):
        return ProgrammeError(
            tr("Saving to {} failed: the disk is full. Nothing was saved.").format(source)
        )
    return ProgrammeError(
        tr("Saving to {} failed; the details are in the log (tab Programmakamer).").format(source)
    )


class GdalErrors:
    """GDAL's errors while a block runs, kept instead of printed: a read that met one is
    refused, never returned short. Only for GDAL calls in this thread (the error handler
    stack is per thread)."""

    def __init__(self):
        self.messages: list[str] = []

    def __enter__(self) -> GdalErrors:
        gdal.PushErrorHandler(self._keep)
        return self

    def __exit__(self, *exc) -> bool:
        gdal.PopErrorHandler()
        return False

    def _keep(self, level, number, message) -> None:
        if level >= gdal.CE_Failure:
            self.messages.append(message)

    @property
    def busy(self) -> bool:
        return any(_says(m, _BUSY) for m in self.messages)


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


def qgs_fields(table: Table) -> QgsFields:
    fields = QgsFields()
    for f in table.fields:
        fields.append(QgsField(f.name, _QVARIANT[f.kind], len=f.length))
    return fields


def layer_uri(path: str | Path, table_name: str) -> str:
    return "{}|layername={}".format(path, table_name)


def check_writable(path: str | Path) -> None:
    """Refuse a programme that cannot be written before a job starts, not when it saves: the
    file must open for writing and its folder take SQLite's journal. Trying is the test:
    os.access says yes to root even on an immutable file."""
    path = Path(path)
    try:
        os.close(os.open(path, os.O_RDWR))
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as error:
        logger("store").warning("%s cannot be written: %s", path, error)
        raise _refused(str(path)) from None


def check_intact(path: str | Path) -> None:
    """Refuse a damaged programme file before anything is written to it. SQLite's quick
    check reads every page (0.05-0.15 s for a programme of 50,000 works), so no write builds
    on a broken page; a page that is whole but holds broken values is caught by the reader."""
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(
            str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
        verdict = []
        if dataset is not None:
            result = dataset.ExecuteSQL("PRAGMA quick_check")
            if result is not None:
                verdict = [feature.GetField(0) for feature in result]
                dataset.ReleaseResultSet(result)
        dataset = None
    if verdict == ["ok"]:
        return
    logger("store").error(
        "%s failed the quick check: %s", path, "; ".join(errors.messages + verdict)
    )
    if errors.busy:
        raise busy(path)
    raise damaged(path)


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
    layer = QgsVectorLayer(layer_uri(path, table_name), name or table_name, "ogr")
    if not layer.isValid():
        raise ProgrammeError(tr("Cannot open table {} of {}.").format(table_name, path))
    return layer


def to_qvariant(value, kind: str):
    if value is None:
        return None
    if kind == "date" and isinstance(value, date):
        return QDate(value.year, value.month, value.day)
    if kind == "datetime" and isinstance(value, datetime):
        return QDateTime(
            QDate(value.year, value.month, value.day),
            QTime(value.hour, value.minute, value.second),
        )
    return value


def from_qvariant(value):
    """Plain Python value of an attribute: NULL becomes None, QDate a date."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    return value


def make_features(table: Table, records: Sequence[dict], fields: QgsFields) -> list[QgsFeature]:
    """QGIS features for a layer's `fields` (the GeoPackage adds fid) from plain records."""
    names = [f.name for f in table.fields] + ["geometry"]
    columns = {name: [record.get(name) for record in records] for name in names}
    return features_from_columns(table, columns, len(records), fields)


def features_from_columns(
    table: Table, columns: dict[str, list], count: int, fields: QgsFields
) -> list[QgsFeature]:
    """QGIS features for a layer's `fields` from plain columns (a missing one is NULL).

    Attributes are set in one call per feature, dates converted once per distinct value
    (most share the analysis's time); shapely geometries become WKB in one bulk call, and
    shapely is only needed when there are any. Inside QGIS, shapely's calls can resolve to
    QGIS's own GEOS (3.11 on Debian 12), whose WKB writer refuses shapely 2.1's
    4-dimension default: ask for 2D explicitly.
    """
    nothing = [None] * count
    ordered = [nothing] * fields.count()
    for field in table.fields:
        index = fields.indexOf(field.name)
        values = columns.get(field.name)
        if index < 0 or values is None:
            continue
        if field.kind in ("date", "datetime"):
            converted = {value: to_qvariant(value, field.kind) for value in set(values)}
            values = [converted[value] for value in values]
        ordered[index] = values
    wkb = _bulk_wkb(columns.get("geometry") or nothing)
    features = []
    rows = zip(*ordered) if ordered else [()] * count
    for attributes, geometry in zip(rows, wkb):
        feature = QgsFeature(fields)
        feature.setAttributes(list(attributes))
        if geometry is not None:
            qgs = QgsGeometry()
            qgs.fromWkb(geometry)
            qgs.convertToMultiType()
            feature.setGeometry(qgs)
        features.append(feature)
    return features


def _bulk_wkb(geometries: list) -> list:
    if all(g is None for g in geometries):
        return geometries
    import numpy as np
    import shapely  # here, not above: creating a programme works without shapely 2

    return list(shapely.to_wkb(np.array(geometries, dtype=object), output_dimension=2))


@contextmanager
def edit_session(layer: QgsVectorLayer) -> Iterator[QgsVectorLayer]:
    """Edit through the layer's buffer, committed at the end or rolled back on an error.

    QGIS commits a buffer's added features, attribute changes and geometry changes one
    provider call after the other: a failure in a later call leaves the earlier ones saved.
    Batches that mix kinds and must land whole use `provider_transaction`.
    """
    source = layer.source().split("|")[0]
    check_writable(source)
    check_intact(source)
    if not layer.startEditing():
        raise _refused(source)
    try:
        yield layer
    except BaseException:
        layer.rollBack()
        raise
    if not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise write_failure(source, errors)


@contextmanager
def provider_transaction(
    *layers: QgsVectorLayer, waiting: Callable[[], bool] | None = None
) -> Iterator[list[QgsVectorDataProvider]]:
    """The layers' providers inside one database transaction (layers of one GeoPackage or
    database): every provider call of the block is saved together when it ends, or none
    is (the block raised, or the commit failed). Bulk provider calls and no edit buffer:
    for writes the program makes, not for edits a user may undo.

    A read-only or damaged file is refused first. The transaction holds the programme's
    write lock from its first statement (SQLite's BEGIN IMMEDIATE): what the block reads
    cannot change before it commits, so a merge decided inside it stays true. A second
    writer waits for the lock, not halfway; `waiting()` is asked about once a second
    meanwhile, and False gives up (CancelledError).
    """
    # No exception is made before it is raised: one held in a local and its traceback
    # form a cycle, collected whenever, even after QGIS has exited (a crash in the tests).
    source = layers[0].source().split("|")[0]
    check_writable(source)
    check_intact(source)  # before the update mode, which already rewrites the file's header
    providers = [layer.dataProvider() for layer in layers]
    if not all(p.capabilities() & QgsVectorDataProvider.AddFeatures for p in providers):
        raise _refused(source)
    entered, transaction = [], None
    try:
        for provider in providers:  # the OGR provider shares a dataset opened for update
            if not provider.enterUpdateMode():
                raise _refused(source)
            entered.append(provider)
        transaction = _locked_transaction(layers, source, waiting)
        try:
            yield providers
        except BaseException:
            transaction.rollback()
            raise
        committed, error = transaction.commit()
        if not committed:
            transaction.rollback()
            raise write_failure(source, error)
    finally:
        # Deleted here, while its layers surely live, not whenever a traceback that holds
        # this frame is let go.
        transaction = None
        for provider in entered:
            provider.leaveUpdateMode()


def _locked_transaction(layers, source: str, waiting) -> QgsTransaction:
    """A begun transaction that holds the write lock: a write that changes nothing takes it
    (a deferred BEGIN would take it only at the first real write, after the reads)."""
    table = QgsProviderRegistry.instance().decodeUri("ogr", layers[0].source()).get("layerName")
    lock = 'UPDATE "{}" SET rowid = rowid WHERE 0'.format(table)
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    while True:
        transaction = QgsTransaction.create(set(layers))
        if transaction is None or not transaction.begin()[0]:
            raise _refused(source)
        transaction.executeSql("PRAGMA busy_timeout = 1000")  # each try waits up to 1 s
        locked, error = transaction.executeSql(lock)
        if locked:
            # the commit may wait for readers of the file (rollback journal, a network share)
            transaction.executeSql("PRAGMA busy_timeout = 30000")
            return transaction
        transaction.rollback()
        transaction = None
        if not _says(error, _BUSY):
            raise write_failure(source, error)
        if waiting is not None and not waiting():
            raise CancelledError()
        if time.monotonic() > deadline:
            raise busy(source)


def bulk_write(
    provider, source, added=(), changes=None, geometries=None, deleted=(), progress=None
) -> None:
    """Deleted features, added features, attribute changes and geometry changes (inside a
    provider_transaction); the first refusal raises with our reading of the provider's
    reason. One provider call each; with `progress`, calls of WRITE_CHUNK items, and
    progress(fraction done) is asked after each: False raises CancelledError, which rolls the
    transaction back."""
    steps = (
        (provider.deleteFeatures, list(deleted)),
        (lambda part: provider.addFeatures(part)[0], list(added)),
        (lambda part: provider.changeAttributeValues(dict(part)), list((changes or {}).items())),
        (lambda part: provider.changeGeometryValues(dict(part)), list((geometries or {}).items())),
    )
    total = sum(len(items) for _, items in steps)
    size = WRITE_CHUNK if progress is not None else max(total, 1)
    done = 0
    for call, items in steps:
        for start in range(0, len(items), size):
            part = items[start : start + size]
            if not call(part):
                raise write_failure(source, provider.lastError())
            done += len(part)
            if progress is not None and not progress(done / total):
                raise CancelledError()


def _refused(source) -> ProgrammeError:
    return ProgrammeError(tr("Cannot edit {}: the file is read-only or locked.").format(source))


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


def append_features(layer: QgsVectorLayer, features: Sequence[QgsFeature]) -> None:
    with edit_session(layer):
        if not layer.addFeatures(list(features)):
            raise ProgrammeError(
                tr("Saving to {} failed: {}").format(layer.source(), tr("features refused"))
            )


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


def _check_crs(crs: str) -> QgsCoordinateReferenceSystem:
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


def _remove_gpkg(path: Path) -> None:
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
    from .styles import save_default_styles

    target = Path(path).absolute()
    _check_target(target, overwrite)
    if not name.strip() or not municipality.strip():
        raise ProgrammeError(tr("A programme needs a name and a municipality."))
    check_length(PROGRAMME, "name", name.strip())
    check_length(PROGRAMME, "municipality", municipality.strip())
    if not 1900 <= int(reference_year) <= 2200:
        raise ProgrammeError(
            tr("Reference year {} is not a plausible year.").format(reference_year)
        )
    qcrs = _check_crs(crs)
    temporary = target.with_name(".{}.{}.part.gpkg".format(target.stem, os.getpid()))
    _remove_gpkg(temporary)
    try:
        for table in TABLES:
            _create_table(temporary, table, qcrs)
        _create_unique_index(temporary)
        programme_row = {
            "name": name.strip(),
            "municipality": municipality.strip(),
            "reference_year": int(reference_year),
            "crs": qcrs.authid(),
            "state": "draft",
            "schema_version": SCHEMA_VERSION,
            "created": datetime.now().replace(microsecond=0),
        }
        write_records(temporary, PROGRAMME, [programme_row])
        write_records(
            temporary,
            RULE_SETTINGS,
            [{"key": k, "value": v} for k, v in default_rule_values().items()],
        )
        write_records(
            temporary,
            MORATORIUM_PERIODS,
            [{"surface_type": k, "years": v} for k, v in DEFAULT_MORATORIUM_YEARS.items()],
        )
        for stakeholder in stakeholders:
            _validate_stakeholder(
                stakeholder["name"],
                stakeholder["discipline"],
                stakeholder.get("colour"),
                stakeholder.get("contact"),
            )
        write_records(temporary, STAKEHOLDERS, stakeholders)
        save_default_styles(temporary, list(stakeholders))
        if overwrite:
            _remove_gpkg(target)
        os.replace(temporary, target)
    except OSError as error:
        _remove_gpkg(temporary)
        logger("store").warning("Creating %s failed: %s", target, error)
        raise ProgrammeError(
            tr("Cannot write {}: the file or its folder is read-only or locked.").format(target)
        ) from None
    except Exception:
        _remove_gpkg(temporary)
        raise
    return read_programme(target)


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
    path = Path(path)
    if not path.is_file():
        raise ProgrammeError(tr("File not found: {}").format(path))
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        dataset = gdal.OpenEx(
            str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
    finally:
        gdal.PopErrorHandler()
    if dataset is None:
        raise ProgrammeError(tr("{} is not a GeoPackage that can be read.").format(path))
    names = {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}
    missing = sorted(t.name for t in TABLES if t.name not in names)
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
    return ProgrammeInfo(
        path=str(path),
        name=feature.GetField("name"),
        municipality=feature.GetField("municipality"),
        reference_year=int(feature.GetField("reference_year")),
        crs=feature.GetField("crs") or DEFAULT_CRS,
        state=feature.GetField("state") or "draft",
    )


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
