"""Programme storage in a GeoPackage through QGIS's OGR provider.

A programme is created in a temporary file next to the target and moved into place
only when complete, so a failure never leaves half a programme behind. Later edits go
through a layer's edit buffer and are committed or rolled back as a whole.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
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
from ..translation import tr

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
        raise ProgrammeError(tr("Saving to {} failed: {}").format(source, errors))


@contextmanager
def provider_transaction(*layers: QgsVectorLayer) -> Iterator[list[QgsVectorDataProvider]]:
    """The layers' providers inside one database transaction (layers of one GeoPackage or
    database): every provider call of the block is saved together when it ends, or none
    is (the block raised, or the commit failed). Bulk provider calls and no edit buffer:
    for writes the program makes, not for edits a user may undo."""
    # No exception is made before it is raised: one held in a local and its traceback
    # form a cycle, collected whenever, even after QGIS has exited (a crash in the tests).
    source = layers[0].source().split("|")[0]
    providers = [layer.dataProvider() for layer in layers]
    if not all(p.capabilities() & QgsVectorDataProvider.AddFeatures for p in providers):
        raise _refused(source)
    entered, transaction = [], None
    try:
        for provider in providers:  # the OGR provider shares a dataset opened for update
            if not provider.enterUpdateMode():
                raise _refused(source)
            entered.append(provider)
        transaction = QgsTransaction.create(set(layers))
        if transaction is None or not transaction.begin()[0]:
            raise _refused(source)
        try:
            yield providers
        except BaseException:
            transaction.rollback()
            raise
        committed, error = transaction.commit()
        if not committed:
            transaction.rollback()
            raise ProgrammeError(tr("Saving to {} failed: {}").format(source, error))
    finally:
        # Deleted here, while its layers surely live, not whenever a traceback that holds
        # this frame is let go.
        transaction = None
        for provider in entered:
            provider.leaveUpdateMode()


def bulk_write(provider, source, added=(), changes=None, geometries=None) -> None:
    """Added features, attribute changes and geometry changes in one provider call each
    (inside a provider_transaction); the first refusal raises with the provider's reason."""
    if (
        (added and not provider.addFeatures(list(added))[0])
        or (changes and not provider.changeAttributeValues(changes))
        or (geometries and not provider.changeGeometryValues(geometries))
    ):
        raise ProgrammeError(
            tr("Saving to {} failed: {}").format(source, provider.lastError() or "")
        )


def _refused(source: str) -> ProgrammeError:
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
                stakeholder["name"], stakeholder["discipline"], stakeholder.get("colour")
            )
        write_records(temporary, STAKEHOLDERS, stakeholders)
        save_default_styles(temporary, list(stakeholders))
        if overwrite:
            _remove_gpkg(target)
        os.replace(temporary, target)
    except Exception:
        _remove_gpkg(temporary)
        raise
    return read_programme(target)


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
    feature = dataset.GetLayerByName(PROGRAMME.name).GetNextFeature()
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


def _validate_stakeholder(name: str, discipline: str, colour: str | None) -> None:
    if not (name or "").strip():
        raise ProgrammeError(tr("A stakeholder needs a name."))
    if discipline not in STAKEHOLDERS.field("discipline").allowed_values():
        raise ProgrammeError(tr("Unknown discipline: {}").format(discipline))
    if colour and not QColor(colour).isValid():
        raise ProgrammeError(tr("Not a colour: {}").format(colour))


def add_stakeholder(
    path: str | Path, name: str, discipline: str, colour: str = "", contact: str = ""
) -> dict:
    """Add a stakeholder to a programme; returns its record with the new id."""
    read_programme(path)
    _validate_stakeholder(name, discipline, colour)
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
