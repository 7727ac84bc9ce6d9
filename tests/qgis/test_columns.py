"""The two bulk readers (GDAL Arrow for GeoPackage, QGIS features otherwise) agree."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import QgsFeature, QgsGeometry

from programmakamer.core.schema import WORK_TABLES
from programmakamer.store import programme as store
from programmakamer.store.columns import _read_features, read_columns


def add_awkward_works(path) -> None:
    """NULL dates and cost, non-ASCII text, an empty and a missing geometry."""
    layer = store.table_layer(path, "works_lines")
    fields = layer.fields()
    features = []
    for work_id, geometry in [("Ö-1", QgsGeometry.fromWkt("LineString EMPTY")), ("Ö-2", None)]:
        feature = QgsFeature(fields)
        feature["work_id"] = work_id
        feature["stakeholder_id"] = 1
        feature["discipline"] = "sewer"
        feature["title"] = "Herinrichting Ströömweg – fase 2 ‘oost’"
        feature["status"] = "idea"
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]


def same(a, b) -> bool:
    if isinstance(a, np.ndarray) and a.dtype.kind == "M":
        return a.astype(str).tolist() == b.astype(str).tolist()
    return list(a) == list(b)


def test_arrow_and_feature_reads_give_the_same_columns(demo_programme):
    add_awkward_works(demo_programme)
    for table in WORK_TABLES:
        layer = store.table_layer(demo_programme, table.name)
        names = layer.fields().names()
        fast = read_columns(layer, names, geometry=True)
        slow = _read_features(layer, names, geometry=True)
        assert fast[0] == slow[0] and len(fast[0]) > 0
        for name in names:
            assert same(fast[1][name], slow[1][name]), (table.name, name)
        assert (shapely.is_missing(fast[2]) == shapely.is_missing(slow[2])).all()
        present = ~shapely.is_missing(fast[2])
        assert shapely.equals_exact(fast[2][present], slow[2][present], 1e-9).all()
    lines = read_columns(store.table_layer(demo_programme, "works_lines"), ["title"], True)
    assert "Herinrichting Ströömweg – fase 2 ‘oost’" in lines[1]["title"]
    assert shapely.is_missing(lines[2][-2:]).all()  # empty and missing: both None


def test_a_layer_with_a_filter_is_read_through_qgis(demo_programme):
    layer = store.table_layer(demo_programme, "works_lines")
    layer.setSubsetString('"stakeholder_id" = 2')
    fids, columns, _ = read_columns(layer, ["stakeholder_id"])
    assert fids and set(columns["stakeholder_id"]) == {2}


def test_an_empty_table_reads_as_empty_columns(tmp_path, demo_city):
    path = tmp_path / "leeg.gpkg"
    store.create_programme(path, "Leeg", "Nergens", 2027, stakeholders=demo_city.stakeholders)
    fids, columns, shapes = read_columns(
        store.table_layer(path, "works_points"), ["work_id", "planned_start"], True
    )
    assert fids == [] and columns["work_id"] == [] and len(shapes) == 0
