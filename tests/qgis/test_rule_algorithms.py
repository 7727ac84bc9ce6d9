"""The one-rule algorithms on layers that are not a programme: another city's delivery."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

RD = QgsCoordinateReferenceSystem("EPSG:28992")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def delivery(rows, crs="EPSG:4326"):
    """A memory layer as a stakeholder sends it: text dates, ja/nee, Dutch field names."""
    fields = "field=nr:string&field=partij:string&field=start:string&field=eind:string"
    uri = "LineString?{}{}&field=graaft:string".format("crs={}&".format(crs) if crs else "", fields)
    layer = QgsVectorLayer(uri, "levering", "memory")
    to_layer = QgsCoordinateTransform(RD, layer.crs(), QgsProject.instance()) if crs else None
    features = []
    for nr, party, start, end, digs, coords in rows:
        geometry = QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in coords])
        if to_layer:
            geometry.transform(to_layer)
        feature = QgsFeature(layer.fields())
        feature.setAttributes([nr, party, start, end, digs])
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


STREET = [(155000, 463000), (155100, 463000)]
NEXT_TO_IT = [(155000, 463002), (155100, 463002)]
FIELDS = {
    "WORK_ID_FIELD": "nr",
    "STAKEHOLDER_FIELD": "partij",
    "START_FIELD": "start",
    "END_FIELD": "eind",
    "OPENS_FIELD": "graaft",
    "OUTPUT": "memory:",
}


def test_a_messy_delivery_in_wgs84_gives_the_chance_in_metres(processing_run):
    layer = delivery(
        [
            ("1", "Netbeheerder", "Q3 2027", "Q4 2027", "ja", STREET),
            ("2", "Riolering", "2028", "", "JA", NEXT_TO_IT),
            ("3", "Groen", "01-03-2028", "30-06-2028", "nee", NEXT_TO_IT),
        ]
    )
    result = processing_run("programmakamer:findcombinechances", {"INPUT": layer, **FIELDS})
    found = list(result["OUTPUT"].getFeatures())
    assert [(f["work_a"], f["work_b"]) for f in found] == [("1", "2")]
    assert found[0]["distance_m"] == pytest.approx(2.0, abs=0.05)
    assert found[0]["shared_length_m"] == pytest.approx(100.0, abs=1.0)
    assert result["OUTPUT"].crs().authid() == "EPSG:28992"


def test_an_empty_layer_gives_an_empty_result(processing_run):
    result = processing_run("programmakamer:findclashes", {"INPUT": delivery([]), **FIELDS})
    assert result["OUTPUT"].featureCount() == 0


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"DISTANCE": 0.0}, "larger than 0"),
        ({"START_FIELD": "begin"}, "no field begin"),
        ({"DISTANCE_CRS": "EPSG:4326"}, "geographic"),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(processing_run, parameters, message):
    layer = delivery([("1", "A", "2027", "2027", "ja", STREET)])
    with pytest.raises(QgsProcessingException, match=message):
        processing_run(
            "programmakamer:findcombinechances", {"INPUT": layer, **FIELDS, **parameters}
        )


def test_a_layer_without_crs_is_refused(processing_run):
    layer = delivery([("1", "A", "2027", "2027", "ja", STREET)], crs=None)
    layer.setCrs(QgsCoordinateReferenceSystem())
    assert not layer.crs().isValid()
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        processing_run("programmakamer:findcombinechances", {"INPUT": layer, **FIELDS})


def test_a_cancelled_run_writes_nothing(processing_run, tmp_path):
    layer = delivery(
        [("1", "A", "2027", "2027", "ja", STREET), ("2", "B", "2027", "2027", "ja", NEXT_TO_IT)]
    )
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    target = tmp_path / "uit.gpkg"
    result = processing_run(
        "programmakamer:findcombinechances",
        {"INPUT": layer, **FIELDS, "OUTPUT": str(target)},
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    assert result.get("OUTPUT") is None
    assert not target.exists()


def test_unreadable_dates_are_reported_and_left_out(processing_run):
    layer = delivery(
        [
            ("1", "A", "volgend jaar", "", "ja", STREET),
            ("2", "B", "2027", "2027", "ja", NEXT_TO_IT),
        ]
    )
    feedback = QgsProcessingFeedback()
    warnings = []
    feedback.pushWarning = warnings.append
    result = processing_run(
        "programmakamer:findcombinechances", {"INPUT": layer, **FIELDS}, feedback=feedback
    )
    assert result["OUTPUT"].featureCount() == 0
    assert any("volgend jaar" in w for w in warnings)


def test_every_rule_runs_on_the_demo_works_layer(processing_run, demo_programme):
    works = "{}|layername=works_lines".format(demo_programme)
    common = {"INPUT": works, "OUTPUT": "memory:"}
    counts = {
        name: processing_run("programmakamer:" + name, {**common, **extra})["OUTPUT"].featureCount()
        for name, extra in {
            "findcombinechances": {},
            "findclashes": {},
            "findsequenceerrors": {},
            "findmoratoriumbreaches": {},
            "findambitions": {"CHALLENGES": "{}|layername=challenges".format(demo_programme)},
            "findhotspots": {
                "ZONES": "{}|layername=neighbourhoods".format(demo_programme),
                "MIN_WORKS": 10,
            },
        }.items()
    }
    assert counts["findsequenceerrors"] == 6 and counts["findmoratoriumbreaches"] == 5
    assert counts["findcombinechances"] == 78 and counts["findclashes"] == 24
    assert counts["findambitions"] > 0 and counts["findhotspots"] > 0


def test_hotspots_carry_fields_per_year(processing_run, demo_programme):
    result = processing_run(
        "programmakamer:findhotspots",
        {"INPUT": "{}|layername=works_lines".format(demo_programme), "OUTPUT": "memory:"},
    )
    layer = result["OUTPUT"]
    names = layer.fields().names()
    assert {"works_2027", "digs_2027", "hindrance_2027"} <= set(names)
    for feature in layer.getFeatures():
        peak = max(feature[n] for n in names if n.startswith("hindrance_"))
        assert peak == feature["severity"]
        assert all(
            feature["hindrance_" + y] == feature["works_" + y] + 2 * feature["digs_" + y]
            for y in (n.split("_")[1] for n in names if n.startswith("works_"))
        )


def test_hotspots_load_as_a_heat_map_on_hexagons(processing_run, demo_programme, project):
    import processing

    result = processing.runAndLoadResults(
        "programmakamer:findhotspots",
        {
            "INPUT": "{}|layername=works_lines".format(demo_programme),
            "GRID": 1,
            "CELL_SIZE": 200,
            "OUTPUT": "memory:",
        },
    )
    layer = project.mapLayer(result["OUTPUT"])
    assert layer is not None and layer.featureCount() > 0
    assert all(f["challenge_id"].startswith("hex:") for f in layer.getFeatures())
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.renderer().classAttribute() == "severity"


def test_an_invalid_polygon_is_repaired_and_named_not_refused(processing_run):
    """Processing refuses invalid input by default; the rules repair and list it instead."""
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:28992&field=nr:string&field=partij:string&field=start:string"
        "&field=eind:string&field=graaft:string",
        "vlakken",
        "memory",
    )
    bow_tie = "POLYGON((155000 463000, 155100 463100, 155100 463000, 155000 463100, 155000 463000))"
    square = "POLYGON((155050 463000, 155150 463000, 155150 463100, 155050 463100, 155050 463000))"
    features = []
    for nr, party, wkt in [("7", "Riolering", bow_tie), ("8", "Netbeheerder", square)]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([nr, party, "2027", "2027", "ja"])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    assert not features[0].geometry().isGeosValid()
    feedback = QgsProcessingFeedback()
    warnings = []
    feedback.pushWarning = warnings.append
    result = processing_run(
        "programmakamer:findclashes", {"INPUT": layer, **FIELDS}, feedback=feedback
    )
    assert [(f["work_a"], f["work_b"]) for f in result["OUTPUT"].getFeatures()] == [("7", "8")]
    assert any("repaired" in w and "7" in w for w in warnings)
