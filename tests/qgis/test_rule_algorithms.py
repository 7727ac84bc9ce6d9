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
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"  # the layer's own


def test_an_empty_layer_gives_an_empty_result(processing_run):
    result = processing_run("programmakamer:findclashes", {"INPUT": delivery([]), **FIELDS})
    assert result["OUTPUT"].featureCount() == 0


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"DISTANCE": -1.0}, "from 0 to 500"),
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
    assert {"works_2027", "digs_2027", "hind_2027"} <= set(names)
    for feature in layer.getFeatures():
        peak = max(feature[n] for n in names if n.startswith("hind_"))
        assert peak == feature["severity"]
        assert all(
            feature["hind_" + y] == feature["works_" + y] + 2 * feature["digs_" + y]
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


# --- Rule settings from the one table, hotspot years, memory guards -----------------------
# (issue 10 points 7, 10, 12 and 13; issue 11 item 2)


def _definition(key):
    from programmakamer.core.settings import MORATORIUM, rule_setting

    return MORATORIUM if key == "moratorium" else rule_setting(key)


@pytest.fixture()
def no_layer_read(monkeypatch):
    """Fails the test when the algorithm reads a layer: refusals come first."""
    from programmakamer.processing.rule_algorithm import WorkLayerRuleAlgorithm

    def read_layer(*args, **kwargs):
        raise AssertionError("a layer was read before the settings were checked")

    monkeypatch.setattr(WorkLayerRuleAlgorithm, "read_layer", read_layer)


@pytest.mark.parametrize(
    ("algorithm", "parameters", "key", "shown"),
    [
        ("findcombinechances", {"COST_PER_METRE": float("nan")}, "cost_per_metre_eur", "nan"),
        ("findcombinechances", {"YEARS": -1.0}, "combine_window_years", "-1"),
        ("findsequenceerrors", {"MORATORIUM_YEARS": float("nan")}, "moratorium", "nan"),
        ("findmoratoriumbreaches", {"MORATORIUM_YEARS": 1e12}, "moratorium", "1,000,000,000,000"),
        ("findclashes", {"DISTANCE": float("inf")}, "clash_distance_m", "inf"),
        ("findhotspots", {"MIN_WORKS": float("nan")}, "hotspot_min_works", "nan"),
        ("findhotspots", {"CELL_SIZE": 1e9}, "hotspot_cell_m", "1,000,000,000"),
    ],
)
def test_absurd_rule_settings_are_refused_before_a_layer_is_read(
    processing_run, no_layer_read, algorithm, parameters, key, shown
):
    from programmakamer.core.findings import number_text

    definition = _definition(key)
    layer = delivery([("1", "A", "2027", "2027", "ja", STREET)])
    with pytest.raises(QgsProcessingException) as refused:
        processing_run("programmakamer:" + algorithm, {"INPUT": layer, **FIELDS, **parameters})
    message = str(refused.value)
    assert definition.en in message and shown in message
    assert number_text(definition.maximum, "en") in message


def test_an_absurd_setting_is_refused_in_dutch_with_dutch_numbers(processing_run, dutch):
    definition = _definition("moratorium")
    layer = delivery([("1", "A", "2027", "2027", "ja", STREET)])
    with pytest.raises(QgsProcessingException) as refused:
        processing_run(
            "programmakamer:findsequenceerrors",
            {"INPUT": layer, **FIELDS, "MORATORIUM_YEARS": 1e12},
        )
    message = str(refused.value)
    assert definition.nl in message and "1.000.000.000.000" in message
    assert "Allowed" not in message


def test_qgis_process_refuses_nan_in_the_users_language(tmp_path, demo_programme):
    """As a GIS specialist runs it: a Dutch QGIS profile, the value typed as text."""
    import os
    import subprocess
    import sys
    import sysconfig
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    from profile import make_profile

    make_profile(tmp_path, root / "programmakamer")
    ini = tmp_path / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.write_text(ini.read_text() + "\n[locale]\noverrideFlag=true\nuserLocale=nl_NL\n")
    env = {
        **os.environ,
        "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": sysconfig.get_paths()["purelib"],  # this venv's packages (shapely 2)
    }
    ran = subprocess.run(
        [
            "/usr/bin/qgis_process.bin",
            "run",
            "programmakamer:findcombinechances",
            "--",
            "INPUT={}|layername=works_lines".format(demo_programme),
            "COST_PER_METRE=nan",
            "OUTPUT={}".format(tmp_path / "kansen.gpkg"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = ran.stdout + ran.stderr
    assert ran.returncode != 0, output
    assert _definition("cost_per_metre_eur").nl in output and "nan" in output
    assert "100.000" in output  # the largest allowed, in Dutch
    assert not (tmp_path / "kansen.gpkg").exists()


@pytest.mark.parametrize(
    ("rule_values", "moratorium", "named"),
    [
        ({"cost_per_metre_eur": float("nan")}, {}, "cost_per_metre_eur"),
        ({"hotspot_min_works": None}, {}, "hotspot_min_works"),
        ({}, {"asphalt": 1e12}, "asphalt"),
        ({}, {"paving_elements": None}, "Paving elements"),  # empty: refused on reading
    ],
)
def test_a_programme_with_absurd_or_empty_settings_is_refused_naming_the_setting(
    processing_run, demo_programme, rule_values, moratorium, named
):
    from programmakamer.core.schema import FINDINGS
    from programmakamer.core.settings import rule_setting
    from programmakamer.store import programme as store

    store.save_settings(demo_programme, "Demostad", None, rule_values, moratorium)
    expected = named if named[0].isupper() else rule_setting(named).en
    with pytest.raises(QgsProcessingException, match=expected):
        processing_run("programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)})
    assert store.read_table(demo_programme, FINDINGS) == []


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [(2005, 2005, "planned"), (2010, 2031, "in_execution")],
    ids=["planned-2005", "in-execution-2010-2031"],
)
def test_an_old_work_far_away_keeps_the_demos_seven_hotspots(
    processing_run, demo_programme, demo_city, start, end, status
):
    from datetime import date

    from shapely.geometry import LineString

    from programmakamer.core.schema import FINDINGS
    from programmakamer.store import programme as store

    def hotspots(state):
        rows = store.read_table(demo_programme, FINDINGS)
        return {r["finding_id"] for r in rows if r["kind"] == "hotspot" and r["state"] == state}

    first = processing_run("programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)})
    assert first["HOTSPOT"] == 7
    old = {
        **demo_city.works[0],
        "work_id": "OUD-1",
        "title": "Oude leiding",
        "planned_start": date(start, 1, 1),
        "planned_end": date(end, 12, 31),
        "status": status,
        "geometry": LineString([(135000, 463000), (135100, 463000)]),  # 20 km west
    }
    store.write_works(demo_programme, [old])
    again = processing_run("programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)})
    assert again["HOTSPOT"] == 7
    assert len(hotspots("open")) == 7 and hotspots("obsolete") == set()


def _squares_layer(n):
    """n squares of 100 m inside a 150 m block, in one year: every pair overlaps."""
    import numpy as np

    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:28992&field=nr:string&field=partij:string&field=start:string"
        "&field=eind:string&field=graaft:string",
        "vlakken",
        "memory",
    )
    features = []
    for i, (x, y) in enumerate(np.random.default_rng(1).uniform(0, 50, (n, 2)).tolist()):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([str(i), "P{}".format(i % 7), "2027", "2027", "ja"])
        feature.setGeometry(
            QgsGeometry.fromWkt(
                "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
                    155000 + x, 463000 + y, 155100 + x, 463100 + y
                )
            )
        )
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_five_thousand_overlapping_polygons_are_refused_fast_saying_what_to_change(
    processing_run,
):
    import time

    layer = _squares_layer(5000)
    began = time.monotonic()
    with pytest.raises(QgsProcessingException, match="smaller distance") as refused:
        processing_run("programmakamer:findclashes", {"INPUT": layer, **FIELDS})
    assert time.monotonic() - began < 30
    assert "GiB" in str(refused.value)


def _works_lines_with(demo_programme, wkt):
    """The demo's line works in a memory layer, plus one line of our own."""
    from qgis.core import QgsFeatureRequest
    from qgis.PyQt.QtCore import QDate

    source = QgsVectorLayer("{}|layername=works_lines".format(demo_programme), "w", "ogr")
    layer = source.materialize(QgsFeatureRequest())
    extra = QgsFeature(layer.fields())
    extra["work_id"], extra["stakeholder_id"] = "NUL-1", 1
    extra["planned_start"], extra["planned_end"] = QDate(2028, 1, 1), QDate(2028, 12, 31)
    extra["status"], extra["opens_ground"] = "planned", True
    extra.setGeometry(QgsGeometry.fromWkt(wkt))
    assert layer.dataProvider().addFeatures([extra])
    return layer


def test_one_feature_at_the_origin_with_a_ten_metre_cell_runs_in_seconds(
    processing_run, demo_programme
):
    import time

    parameters = {"CELL_SIZE": 10, "MIN_WORKS": 2, "OUTPUT": "memory:"}
    works = "{}|layername=works_lines".format(demo_programme)
    alone = processing_run("programmakamer:findhotspots", {"INPUT": works, **parameters})
    layer = _works_lines_with(demo_programme, "LINESTRING(0 0, 1 0)")
    began = time.monotonic()
    together = processing_run("programmakamer:findhotspots", {"INPUT": layer, **parameters})
    assert time.monotonic() - began < 20
    ids = sorted(f["finding_id"] for f in alone["OUTPUT"].getFeatures())
    assert ids and sorted(f["finding_id"] for f in together["OUTPUT"].getFeatures()) == ids


def test_a_grid_too_fine_for_memory_is_refused_naming_a_cell_size_that_fits(
    processing_run, demo_programme
):
    import re
    import time

    layer = _works_lines_with(
        demo_programme, "LINESTRING(140000 450000, 180000 490000, 140000 490000, 180000 450000)"
    )
    began = time.monotonic()
    with pytest.raises(QgsProcessingException, match="larger cell") as refused:
        processing_run(
            "programmakamer:findhotspots", {"INPUT": layer, "CELL_SIZE": 10, "OUTPUT": "memory:"}
        )
    assert time.monotonic() - began < 20
    fits = float(re.search(r"at least ([\d,]+) m", str(refused.value)).group(1).replace(",", ""))
    result = processing_run(
        "programmakamer:findhotspots",
        {"INPUT": layer, "CELL_SIZE": fits, "MIN_WORKS": 2, "OUTPUT": "memory:"},
    )
    assert result["OUTPUT"].featureCount() > 0


# --- issue 12 point 3: the loose ends of the rule algorithms ------------------------------
def test_ambitions_run_without_the_challenges_optional_fields(processing_run):
    layer = delivery([("1", "A", "2027", "2027", "ja", STREET)])
    areas = QgsVectorLayer("Polygon?crs=EPSG:28992&field=naam:string", "opgaven", "memory")
    feature = QgsFeature(areas.fields())
    feature.setAttributes(["Hittestress"])
    feature.setGeometry(
        QgsGeometry.fromWkt(
            "POLYGON((154950 462950, 155050 462950, 155050 463050, 154950 463050, 154950 462950))"
        )
    )
    areas.dataProvider().addFeatures([feature])
    result = processing_run(
        "programmakamer:findambitions", {"INPUT": layer, **FIELDS, "CHALLENGES": areas}
    )
    [found] = result["OUTPUT"].getFeatures()
    assert found["challenge_id"] == "c1" and found["shared_length_m"] == pytest.approx(50, abs=1)


def _shapefile_fields(path):
    return QgsVectorLayer(str(path), "uit", "ogr").fields().names()


def test_hotspot_fields_keep_their_year_in_a_shapefile(processing_run, demo_programme, tmp_path):
    target = tmp_path / "knelpunten.shp"
    processing_run(
        "programmakamer:findhotspots",
        {"INPUT": "{}|layername=works_lines".format(demo_programme), "OUTPUT": str(target)},
    )
    names = _shapefile_fields(target)
    assert {"works_2027", "digs_2027", "hind_2027"} <= set(names)
    assert not [n for n in names if n[-2:-1] == "_" and n[-1].isdigit() and len(n) == 10]


def test_findings_fields_stay_apart_and_readable_in_a_shapefile(processing_run, tmp_path):
    layer = delivery(
        [("1", "A", "2027", "2027", "ja", STREET), ("2", "B", "2027", "2027", "ja", NEXT_TO_IT)]
    )
    target = tmp_path / "conflicten.shp"
    processing_run("programmakamer:findclashes", {"INPUT": layer, **FIELDS, "OUTPUT": str(target)})
    names = _shapefile_fields(target)
    assert len(set(names)) == len(names)
    assert {"stakehld_a", "stakehld_b", "explain_en", "explain_nl", "start_a", "both_end"} <= set(
        names
    )
    [found] = QgsVectorLayer(str(target), "uit", "ogr").getFeatures()
    assert found["stakehld_a"] == "A" and found["stakehld_b"] == "B"


def test_hotspot_years_are_a_parameter_defaulting_to_every_year_a_work_runs(
    processing_run, demo_programme
):
    source = {"INPUT": "{}|layername=works_lines".format(demo_programme), "OUTPUT": "memory:"}
    every = processing_run("programmakamer:findhotspots", source)["OUTPUT"].fields().names()
    years = sorted(int(n[5:]) for n in every if n.startswith("hind_"))
    assert len(years) > 2
    chosen = processing_run(
        "programmakamer:findhotspots", {**source, "FIRST_YEAR": years[1], "LAST_YEAR": years[1]}
    )["OUTPUT"]
    names = chosen.fields().names()
    assert [n for n in names if n.startswith("hind_")] == ["hind_{}".format(years[1])]


def test_hotspot_years_the_wrong_way_round_are_refused(processing_run, demo_programme):
    with pytest.raises(QgsProcessingException, match="2030.*2027"):
        processing_run(
            "programmakamer:findhotspots",
            {
                "INPUT": "{}|layername=works_lines".format(demo_programme),
                "FIRST_YEAR": 2030,
                "LAST_YEAR": 2027,
                "OUTPUT": "memory:",
            },
        )


def test_a_clash_carries_both_periods_and_their_overlap(processing_run):
    from qgis.PyQt.QtCore import QDate

    layer = delivery(
        [
            ("1", "A", "01-03-2027", "30-06-2027", "ja", STREET),
            ("2", "B", "Q2 2027", "2028", "ja", NEXT_TO_IT),
        ]
    )
    [found] = processing_run("programmakamer:findclashes", {"INPUT": layer, **FIELDS})[
        "OUTPUT"
    ].getFeatures()
    assert (found["start_a"], found["end_a"]) == (QDate(2027, 3, 1), QDate(2027, 6, 30))
    assert (found["start_b"], found["end_b"]) == (QDate(2027, 4, 1), QDate(2028, 12, 31))
    assert (found["both_start"], found["both_end"]) == (QDate(2027, 4, 1), QDate(2027, 6, 30))


def _areas(rows):
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:28992&field=nr:string&field=partij:string&field=start:string"
        "&field=eind:string&field=graaft:string",
        "vlakken",
        "memory",
    )
    features = []
    for *values, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_dig_once_between_areas_saves_per_square_metre_and_says_so(processing_run):
    square = "POLYGON((155000 463000, 155020 463000, 155020 463020, 155000 463020, 155000 463000))"
    layer = _areas(
        [
            ("1", "Riolering", "2027", "2027", "ja", square),
            ("2", "Water", "2027", "2027", "ja", square),
        ]
    )
    [found] = processing_run(
        "programmakamer:findcombinechances",
        {"INPUT": layer, **FIELDS, "COST_PER_SQUARE_METRE": 80},
    )["OUTPUT"].getFeatures()
    area = found["shared_area_m2"]
    assert area >= 400 and found["saving_eur"] == pytest.approx(80 * area)
    assert "m²" in found["explanation_en"] and " 0 m" not in found["explanation_en"]
    assert "EUR 0" not in found["explanation_en"] and "€ 0" not in found["explanation_en"]
