"""Bulk reads of a programme table into columns: what the analysis and the panel start from.

A GeoPackage table is read through GDAL's Arrow stream, a batch of whole columns at a time:
at 50k works that is about eight times faster than iterating QGIS features, and the analysis
and the panel read every row. Any other layer (a subset string, another provider such as
PostGIS) is read feature by feature through its QGIS provider. Both paths return the same
thing, which a test checks: feature ids, one column per name (None for NULL, dates as
numpy datetime64[D] with NaT) and, when asked, shapely geometries (None when missing or
empty). Writes go through the QGIS provider's transactions (store/transactions.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from osgeo import gdal
from qgis.core import QgsFeatureRequest, QgsProviderRegistry
from qgis.PyQt.QtCore import QDate, QVariant

from ..translation import tr
from .errors import GdalErrors, ProgrammeError, missing_columns, unreadable
from .features import FIELD_KINDS
from .location import is_postgis

_UNIX_JULIAN_DAY = 2440588


def read_columns(layer, names: list[str] | None = None, geometry: bool = False):
    """Feature ids, attribute columns and (when asked) shapely geometries, in one pass."""
    fields = layer.fields()
    names = names or fields.names()
    missing = [n for n in names if fields.indexOf(n) < 0]
    if missing:
        raise missing_columns(layer.name(), layer.source().split("|")[0], missing)
    table = _geopackage_table(layer)
    if table is not None:
        kinds = {n: FIELD_KINDS.get(fields.field(n).type(), "other") for n in names}
        return _read_arrow(*table, names, geometry, kinds)
    return _read_features(layer, names, geometry)


def read_stored(path, table, names: list[str] | None = None, geometry: bool = False):
    """The same for a table of a programme, typed by the schema: no QGIS layer is opened
    (that costs more than reading a small table). The database chooses the way: GDAL's
    Arrow stream for a GeoPackage, one SELECT for PostGIS."""
    kinds = {f.name: f.kind for f in table.fields}
    names = names or [f.name for f in table.fields]
    if is_postgis(path):
        from .postgis import read_columns as read_postgis  # psycopg2 only when needed

        return read_postgis(path, table, names, geometry)
    return _read_arrow(str(path), table.name, names, geometry, kinds)


def stakeholder_names(path) -> dict[int, str]:
    """Stakeholder id to name: what the works tables' stakeholder_id columns mean."""
    from ..core.schema import STAKEHOLDERS

    _, columns, _ = read_stored(path, STAKEHOLDERS, ["stakeholder_id", "name"])
    return dict(zip(columns["stakeholder_id"], columns["name"]))


def _geopackage_table(layer) -> tuple[str, str] | None:
    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path", ""), parts.get("layerName")
    if not path.lower().endswith(".gpkg") or not table:
        return None
    return path, table


#: A read meets a lock while another connection commits or switches the journal mode:
#: tried again for about five seconds before the user is told.
_BUSY_TRIES = 25
_BUSY_PAUSE = 0.2


def _read_arrow(path: str, table: str, names: list[str], geometry: bool, kinds: dict):
    """A read that meets an error is refused with our message, never returned short: GDAL's
    Arrow stream ends quietly at a broken page."""
    for attempt in range(_BUSY_TRIES):
        if attempt:
            time.sleep(_BUSY_PAUSE)
        with GdalErrors() as errors:
            raw = _arrow_batches(path, table, names, geometry, kinds)
        if not errors.busy and (raw is None or raw.consistent):
            break
    if errors.messages:
        raise unreadable(path, table, errors.messages)
    if raw is None:
        raise ProgrammeError(tr("Cannot open table {} of {}.").format(table, path))
    if raw.missing:
        raise missing_columns(table, path, raw.missing)
    if not raw.consistent:
        raise ProgrammeError(tr("Table {} of {} changed while it was read.").format(table, path))
    try:
        return _columns(raw, names, geometry, kinds)
    except UnicodeDecodeError as error:  # a text that is no UTF-8: a broken value
        raise unreadable(path, table, [str(error)]) from None


@dataclass
class _Batches:
    batches: list
    flag_batches: list
    fid_name: str
    geometry_name: str
    flags: list[str]
    missing: list[str]

    @property
    def fids(self) -> np.ndarray:
        return _joined(self.batches, self.fid_name, "int64")

    @property
    def consistent(self) -> bool:
        """The flags (a second query) belong to the same rows as the rest."""
        if not self.flags:
            return True
        return np.array_equal(np.sort(self.fids), _joined(self.flag_batches, "fid_", "int64"))


def _arrow_batches(path: str, table: str, names: list[str], geometry: bool, kinds: dict):
    """The raw batches, or None when the table cannot be opened. GDAL 3.6 fills a GeoPackage's
    Arrow batches in a worker thread whose errors no handler of ours sees (they are printed,
    and the stream just ends): its generic stream reads in this thread, about 0.1 s slower
    for 50,000 works."""
    previous = gdal.GetThreadLocalConfigOption("OGR_GPKG_STREAM_BASE_IMPL", None)
    gdal.SetThreadLocalConfigOption("OGR_GPKG_STREAM_BASE_IMPL", "YES")
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
        source = dataset.GetLayerByName(table) if dataset is not None else None
        if source is None:
            return None
        fields = [f.GetName() for f in source.schema]
        missing = [n for n in names if n not in fields and n != source.GetFIDColumn()]
        if missing:
            return _Batches([], [], "", "", [], missing)
        # GDAL 3.6 unpacks Arrow booleans wrongly (a test caught it): those come from SQL as
        # 0/1, NULL as -1. SQLite types such an expression by its first value: with no rows,
        # or a NULL first, the column came as text; never NULL, it comes as integers.
        flags = [n for n in names if kinds.get(n) == "boolean"]
        wanted = set(names) - set(flags)
        ignored = [name for name in fields if name not in wanted]
        if not geometry:
            ignored.append("OGR_GEOMETRY")
        source.SetIgnoredFields(ignored)
        fid_name = source.GetFIDColumn() or "OGR_FID"
        batches = list(source.GetArrowStreamAsNumPy())
        flag_batches = []
        if flags:
            query = dataset.ExecuteSQL(
                'SELECT "{}" AS fid_, {} FROM "{}" ORDER BY "{}"'.format(
                    fid_name,
                    ", ".join(
                        'COALESCE(CAST("{0}" AS INTEGER), -1) AS "{0}"'.format(n) for n in flags
                    ),
                    table,
                    fid_name,
                )
            )
            if query is not None:
                flag_batches = list(query.GetArrowStreamAsNumPy())
                dataset.ReleaseResultSet(query)
        return _Batches(batches, flag_batches, fid_name, source.GetGeometryColumn(), flags, [])
    finally:
        gdal.SetThreadLocalConfigOption("OGR_GPKG_STREAM_BASE_IMPL", previous)


def _joined(batches: list, name: str, dtype=None):
    """One column over all batches (masked where NULL); typed by `dtype` when given, so no
    rows give an empty column of that type."""
    parts = [np.ma.asarray(batch[name]) for batch in batches]
    values = np.ma.concatenate(parts) if parts else np.ma.masked_array(np.array([], dtype=object))
    return values if dtype is None else np.asarray(values.data).astype(dtype)


def _columns(raw: _Batches, names: list[str], geometry: bool, kinds: dict):
    fids = raw.fids
    if raw.flags:
        position = np.empty(len(fids), dtype="int64")
        position[np.argsort(fids)] = np.arange(len(fids))  # row in fid order of each feature
    columns = {}
    for name in names:
        if name in raw.flags:
            codes = _joined(raw.flag_batches, name, "int64")[position]
            columns[name] = [None if c < 0 else c != 0 for c in codes.tolist()]
            continue
        values = _joined(raw.batches, name)
        missing = np.ma.getmaskarray(values)
        data = np.asarray(values.data)
        if kinds.get(name) == "date":
            dates = data.astype("datetime64[D]")
            dates[missing] = np.datetime64("NaT")
            columns[name] = dates
            continue
        if data.dtype.kind == "S":
            plain = [b.decode("utf-8") for b in data.tolist()]  # 3x np.char.decode
        elif data.dtype.kind == "M":
            plain = [v.astype(datetime) for v in data.astype("datetime64[s]")]
        else:
            plain = data.tolist()
        columns[name] = [None if m else v for v, m in zip(plain, missing.tolist())]
    if not geometry:
        return fids.tolist(), columns, None
    import shapely

    if not raw.batches or not raw.geometry_name:  # a table without geometry: none per row
        return fids.tolist(), columns, np.full(len(fids), None, dtype=object)
    blobs = _joined(raw.batches, raw.geometry_name)
    wkb = np.array(blobs.data, dtype=object)
    wkb[np.ma.getmaskarray(blobs)] = None  # filled(None) would fill with the default "?"
    shapes = shapely.force_2d(shapely.from_wkb(wkb))
    shapes[shapely.is_empty(shapes)] = None
    return fids.tolist(), columns, shapes


def _read_features(layer, names: list[str], geometry: bool):
    fields = layer.fields()
    request = QgsFeatureRequest().setSubsetOfAttributes(names, fields)
    if not geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    indexes = [fields.indexOf(n) for n in names]
    fids, values, wkb = [], [], []
    for feature in layer.getFeatures(request):
        fids.append(feature.id())
        # attribute(i) per wanted field: attributes() would build NULLs for all the others
        values.append([feature.attribute(i) for i in indexes])
        if geometry:
            shape = feature.geometry()
            wkb.append(None if shape.isNull() or shape.isEmpty() else bytes(shape.asWkb()))
    raw = list(zip(*values)) if values else [() for _ in names]
    columns = {}
    for name, column in zip(names, raw):
        kind = FIELD_KINDS.get(fields.field(name).type())
        if kind == "date":
            columns[name] = _date_column(column)
        elif kind == "datetime":
            columns[name] = [v.toPyDateTime() if v and v.isValid() else None for v in column]
        else:
            columns[name] = [None if isinstance(v, QVariant) else v for v in column]
    if not geometry:
        return fids, columns, None
    import shapely

    geometries = shapely.force_2d(shapely.from_wkb(np.array(wkb, dtype=object)))
    return fids, columns, geometries


def _date_column(column) -> np.ndarray:
    days = np.array(
        [
            v.toJulianDay() - _UNIX_JULIAN_DAY if isinstance(v, QDate) and v.isValid() else -(2**62)
            for v in column
        ],
        dtype="int64",
    )
    dates = days.astype("datetime64[D]")
    dates[days == -(2**62)] = np.datetime64("NaT")
    return dates
