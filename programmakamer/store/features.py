"""Conversions between plain Python values and QGIS's: attributes, features and fields.

The core computes on plain columns; these turn them into QGIS features in bulk, and QGIS's
attribute values back into plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from qgis.core import Qgis, QgsFeature, QgsField, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType, QTime, QVariant

from ..core.schema import Table

#: QGIS's field type of each schema kind: QMetaType from QGIS 3.38 on (QVariant's types are
#: gone in Qt 6, and 3.38+ warns about them), QVariant's before. Equal as numbers, so a
#: field's type() of either kind finds its schema kind in FIELD_KINDS.
if Qgis.QGIS_VERSION_INT >= 33800:
    FIELD_TYPES = {
        "text": QMetaType.Type.QString,
        "integer": QMetaType.Type.Int,
        "real": QMetaType.Type.Double,
        "boolean": QMetaType.Type.Bool,
        "date": QMetaType.Type.QDate,
        "datetime": QMetaType.Type.QDateTime,
    }
else:
    FIELD_TYPES = {
        "text": QVariant.String,
        "integer": QVariant.Int,
        "real": QVariant.Double,
        "boolean": QVariant.Bool,
        "date": QVariant.Date,
        "datetime": QVariant.DateTime,
    }
FIELD_KINDS = {kind_type: kind for kind, kind_type in FIELD_TYPES.items()}


def qgs_fields(table: Table) -> QgsFields:
    fields = QgsFields()
    for f in table.fields:
        fields.append(QgsField(f.name, FIELD_TYPES[f.kind], len=f.length))
    return fields


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
