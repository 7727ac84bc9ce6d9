"""Street networks read from real layers: the demo programme's streets and an NWB-like
layer in WGS84, matched to geometry in the programme's CRS."""

from __future__ import annotations

from collections import defaultdict

import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from programmakamer.core.streets import StreetQuery, match_streets
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.streets import StreetFields, read_street_network, suggest_street_fields

RD = QgsCoordinateReferenceSystem("EPSG:28992")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
CONTEXT = QgsCoordinateTransformContext()


def test_the_demo_programmes_streets_become_a_network_matched_by_name(demo_programme, demo_city):
    layer = QgsVectorLayer("{}|layername=streets".format(demo_programme), "streets", "ogr")
    fields = suggest_street_fields(layer.fields().names())
    assert fields == StreetFields("street_name", None, ())
    network, report = read_street_network(layer, fields, RD, CONTEXT)
    lengths: dict[str, float] = defaultdict(float)
    for street in demo_city.streets:
        lengths[street["street_name"]] += street["geometry"].length
    assert report.segments == len(demo_city.streets) and report.without_name == 0
    assert len(network) == len(lengths)

    names = sorted(lengths)
    straat = next(n for n in names if n.endswith("straat"))
    laan = next(n for n in names if n.endswith("laan"))
    queries = [
        StreetQuery(0, straat),
        StreetQuery(1, straat[: -len("straat")] + "str."),
        StreetQuery(2, laan.upper()),
        StreetQuery(3, laan[:2] + laan[3:]),  # one letter dropped
        StreetQuery(4, "Nergenshuizenpad"),
    ]
    matches = match_streets(queries, network)
    assert [m.level for m in matches] == ["exact", "normalised", "normalised", "fuzzy", "none"]
    assert [m.street for m in matches[:4]] == [straat, straat, laan, laan]
    assert matches[0].geometry.length == pytest.approx(lengths[straat])
    assert matches[3].geometry.length == pytest.approx(lengths[laan])
    assert matches[4].geometry is None


def _nwb_layer(rows):
    """An NWB-like memory layer in WGS84 from rows of (name, place, RD points, numbers)."""
    layer = QgsVectorLayer(
        "LineString?crs=EPSG:4326&field=WVK_ID:integer&field=STT_NAAM:string"
        "&field=WPSNAAM:string&field=GME_NAAM:string&field=E_HNR_LNKS:integer"
        "&field=L_HNR_LNKS:integer&field=E_HNR_RHTS:integer&field=L_HNR_RHTS:integer",
        "wegvakken",
        "memory",
    )
    to_wgs84 = QgsCoordinateTransform(RD, WGS84, CONTEXT)
    features = []
    for i, (name, place, points, numbers) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        left, right = numbers or ((0, 0), (0, 0))
        feature.setAttributes([i, name, place, "Utrecht", *left, *right])
        if points:
            feature.setGeometry(
                QgsGeometry.fromPolylineXY([to_wgs84.transform(QgsPointXY(*p)) for p in points])
            )
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


X, Y = 136_000.0, 455_000.0


def test_an_nwb_layer_in_another_crs_gives_streets_in_the_programmes_crs():
    layer = _nwb_layer(
        [
            ("Kerkstraat", "Utrecht", [(X, Y), (X + 100, Y)], ((1, 19), (2, 20))),
            ("Kerkstraat", "Utrecht", [(X + 100, Y), (X + 200, Y)], ((21, 39), (22, 40))),
            ("Kerkstraat", "De Meern", [(X, Y + 3000), (X + 150, Y + 3000)], None),
            ("Burgemeester Reigerstraat", "Utrecht", [(X + 50, Y - 60), (X + 50, Y + 60)], None),
            ("Prinses Irenelaan", "Utrecht", [(X + 150, Y - 60), (X + 150, Y + 60)], None),
            (None, "Utrecht", [(X, Y + 500), (X + 10, Y + 500)], None),
            ("Dorpsweg", "Utrecht", None, None),
        ]
    )
    fields = suggest_street_fields(layer.fields().names())
    assert fields == StreetFields(
        "STT_NAAM", "WPSNAAM", (("E_HNR_LNKS", "L_HNR_LNKS"), ("E_HNR_RHTS", "L_HNR_RHTS"))
    )
    network, report = read_street_network(layer, fields, RD, CONTEXT)
    assert (report.segments, report.without_name, report.without_geometry) == (7, 1, 1)
    assert report.not_transformed == 0

    matches = match_streets(
        [
            StreetQuery(0, "kerkstr.", "Utrecht"),
            StreetQuery(1, "Kerkstraat", "De Meern"),
            StreetQuery(2, "Kerkstraat"),
            StreetQuery(3, "Kerkstraat", "Utrecht", "Burg. Reigerstr.", "Pr. Irenelaan"),
            StreetQuery(4, "Kerkstraat", "Utrecht", numbers=(21, 40)),
        ],
        network,
    )
    assert [m.level for m in matches] == ["normalised", "exact", "ambiguous", "exact", "exact"]
    whole = matches[0].geometry
    assert whole.length == pytest.approx(200, abs=0.01)  # two segments merged, in metres
    assert shapely.get_coordinates(whole).min(axis=0) == pytest.approx((X, Y), abs=0.01)
    assert matches[1].geometry.length == pytest.approx(150, abs=0.01)
    assert matches[3].cut == "cross_streets"
    assert matches[3].geometry.length == pytest.approx(100, abs=0.01)
    assert shapely.get_coordinates(matches[3].geometry)[:, 0].min() == pytest.approx(
        X + 50, abs=0.01
    )
    assert (matches[4].cut, matches[4].problems) == ("numbers", ())
    assert matches[4].geometry.length == pytest.approx(100, abs=0.01)


def test_a_layer_of_points_is_refused_with_a_sentence():
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=name:string", "adressen", "memory")
    with pytest.raises(ProgrammeError, match="adressen"):
        read_street_network(layer, StreetFields("name"), RD, CONTEXT)


def test_a_layer_without_a_known_name_field_gets_no_suggestion():
    assert suggest_street_fields(["fid", "wegtype", "lengte"]) is None
    assert suggest_street_fields(["fid", "Name", "addr:city"]) == StreetFields("Name", "addr:city")
