"""The two bulk readers (GDAL Arrow for GeoPackage, QGIS features otherwise) agree."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from qgis.core import QgsFeature, QgsGeometry

from programmakamer.core.schema import TABLES, WORK_TABLES
from programmakamer.store import programme as store
from programmakamer.store.columns import _read_features, read_columns, read_stored


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


def assert_both_readers_agree(layer, names, geometry):
    fast = read_columns(layer, names, geometry)
    slow = _read_features(layer, names, geometry)
    assert fast[0] == slow[0]
    for name in names:
        assert same(fast[1][name], slow[1][name]), (layer.name(), name)
    if geometry:
        assert (shapely.is_missing(fast[2]) == shapely.is_missing(slow[2])).all()
    return fast


@pytest.mark.parametrize("geometry", [False, True])
def test_every_empty_table_reads_as_empty_columns_of_every_kind(tmp_path, geometry):
    """A new programme: its works, findings and decisions tables are empty (the flags
    came from SQL as text then, and the analysis failed)."""
    path = tmp_path / "leeg.gpkg"
    store.create_programme(path, "Leeg", "Nergens", 2027)
    for table in TABLES:
        layer = store.table_layer(path, table.name)
        if layer.featureCount():
            continue
        fids, columns, shapes = assert_both_readers_agree(layer, list(table.field_names), geometry)
        assert fids == [] and all(len(c) == 0 for c in columns.values())
        stored = read_stored(path, table, geometry=geometry)
        assert stored[0] == [] and all(len(c) == 0 for c in stored[1].values())
        assert (len(shapes) == 0) if geometry else shapes is None


def test_a_flag_that_is_null_in_the_first_row_reads_as_null(tmp_path):
    path = tmp_path / "vlaggen.gpkg"
    store.create_programme(path, "Vlaggen", "Nergens", 2027)
    layer = store.table_layer(path, "works_points")
    features = []
    for work_id, opens_ground in [("P-1", None), ("P-2", True), ("P-3", False)]:
        feature = QgsFeature(layer.fields())
        feature["work_id"] = work_id
        feature["opens_ground"] = opens_ground
        feature.setGeometry(QgsGeometry.fromWkt("MultiPoint ((155000 463000))"))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    _, columns, _ = assert_both_readers_agree(layer, ["work_id", "opens_ground"], True)
    assert columns["opens_ground"] == [None, True, False]
