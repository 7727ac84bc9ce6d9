"""How the rules on any layer read what a stakeholder delivers: CRS, geometry, dates, text.

The layers are made as the specialist gets them: GeoPackages written by GDAL (EPSG:3857,
an undefined `srs_id 0`, GeometryCollections, zero-area rings, curves with Z and M) and a
cp1252 CSV with `;` loaded as a delimited-text layer. What the run tells is captured line
by line and checked, in English and in Dutch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

I18N = Path(__file__).resolve().parents[2] / "programmakamer" / "i18n"
FIELDS = {
    "WORK_ID_FIELD": "nr",
    "STAKEHOLDER_FIELD": "partij",
    "START_FIELD": "start",
    "END_FIELD": "eind",
    "OUTPUT": "memory:",
}
# two streets near Utrecht Centraal, 4 m apart on the ground (RD New)
STREET = "LINESTRING(136000 456000, 136100 456000)"
FOUR_METRES_NORTH = "LINESTRING(136000 456004, 136100 456004)"


class Told(QgsProcessingFeedback):
    """What a run tells the user, by kind of line."""

    def __init__(self):
        super().__init__()
        self.info, self.warnings, self.errors = [], [], []

    def pushInfo(self, text):
        self.info.append(text)

    def pushWarning(self, text):
        self.warnings.append(text)

    def reportError(self, text, fatal=False):
        self.errors.append(text)

    def lines(self) -> str:
        return "\n".join(self.info + self.warnings + self.errors)


def _srs(code: int | None):
    if code is None:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(code)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def geopackage(path, rows, srs=28992, drawn_in=28992, kind=ogr.wkbLineString):
    """A GeoPackage written by GDAL; `rows` are (nr, partij, start, eind, wkt) with the
    wkt in `drawn_in` (transformed to `srs`; None for an undefined CRS, srs_id 0)."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("werken", _srs(srs), kind)
    for name in ("nr", "partij", "start", "eind"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for nr, party, start, end, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(("nr", "partij", "start", "eind"), (nr, party, start, end)):
            if value is not None:
                feature.SetField(name, value)
        if wkt:
            geometry = ogr.CreateGeometryFromWkt(wkt)
            if srs is not None and drawn_in != srs:
                geometry.AssignSpatialReference(_srs(drawn_in))
                geometry.TransformTo(_srs(srs))
            feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    source = None
    return str(path)


def run(processing_run, algorithm, layer, feedback=None, **parameters):
    return processing_run(
        "programmakamer:" + algorithm,
        {"INPUT": layer, **FIELDS, **parameters},
        feedback=feedback or Told(),
    )


def pairs(result):
    return [(f["work_a"], f["work_b"]) for f in result["OUTPUT"].getFeatures()]


# --- point 8: distances in metres on the ground ------------------------------------------
def test_a_web_mercator_layer_is_measured_on_the_ground_not_in_mercator_metres(
    processing_run, tmp_path
):
    layer = geopackage(
        tmp_path / "mercator.gpkg",
        [
            ("1", "Stedin", "2027", "2027", STREET),
            ("2", "Vitens", "2027", "2027", FOUR_METRES_NORTH),
        ],
        srs=3857,
    )
    told = Told()
    result = run(processing_run, "findclashes", layer, told, DISTANCE=5)
    assert pairs(result) == [("1", "2")]
    found = next(result["OUTPUT"].getFeatures())
    assert found["distance_m"] == pytest.approx(4.0, abs=0.01)
    assert result["OUTPUT"].crs().authid() == "EPSG:3857"  # the layer's own, measured in RD
    said = [w for w in told.warnings if "EPSG:3857" in w]
    assert said and "EPSG:28992" in said[0] and "%" in said[0]


def test_a_distance_crs_that_distorts_distances_is_refused(processing_run, tmp_path):
    layer = geopackage(
        tmp_path / "rd.gpkg",
        [
            ("1", "Stedin", "2027", "2027", STREET),
            ("2", "Vitens", "2027", "2027", FOUR_METRES_NORTH),
        ],
    )
    with pytest.raises(QgsProcessingException, match="EPSG:3857 distorts distances by 6[0-9] %"):
        run(processing_run, "findclashes", layer, DISTANCE_CRS="EPSG:3857")


def test_an_undefined_crs_holding_degrees_is_refused(processing_run, tmp_path):
    """GeoPackage srs_id 0: GDAL calls it 'Undefined geographic SRS'; the lines are
    2.7 km apart and were once reported as a conflict at 0.03 m."""
    layer = geopackage(
        tmp_path / "srs0.gpkg",
        [
            ("1", "Stedin", "2027", "2027", "LINESTRING(5.10 52.09, 5.12 52.09)"),
            ("2", "Vitens", "2027", "2027", "LINESTRING(5.10 52.1143, 5.12 52.1143)"),
        ],
        srs=None,
    )
    with pytest.raises(QgsProcessingException, match="undefined.*degrees.*EPSG:4326"):
        run(processing_run, "findclashes", layer, DISTANCE=500)


def test_an_undefined_crs_is_refused_in_dutch(processing_run, tmp_path, dutch):
    layer = geopackage(
        tmp_path / "srs0.gpkg",
        [("1", "Stedin", "2027", "2027", "LINESTRING(5.10 52.09, 5.12 52.09)")],
        srs=None,
    )
    with pytest.raises(QgsProcessingException, match="niet gedefinieerd.*graden"):
        run(processing_run, "findclashes", layer)


def test_rd_coordinates_labelled_as_wgs84_are_refused(processing_run, tmp_path):
    layer = geopackage(
        tmp_path / "label.gpkg", [("1", "Stedin", "2027", "2027", STREET)], srs=4326, drawn_in=4326
    )
    with pytest.raises(QgsProcessingException, match="EPSG:4326.*not degrees"):
        run(processing_run, "findclashes", layer)


def test_works_outside_the_netherlands_are_measured_in_their_utm_zone(processing_run, tmp_path):
    """Lyon, in WGS84: RD New would stretch distances there; UTM zone 31N does not."""
    lyon = "LINESTRING(645000 5068000, 645100 5068000)"
    beside = "LINESTRING(645000 5068004, 645100 5068004)"
    layer = geopackage(
        tmp_path / "lyon.gpkg",
        [("1", "Enedis", "2027", "2027", lyon), ("2", "Eau", "2027", "2027", beside)],
        srs=4326,
        drawn_in=32631,
    )
    told = Told()
    result = run(processing_run, "findclashes", layer, told)
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"
    found = next(result["OUTPUT"].getFeatures())
    assert found["distance_m"] == pytest.approx(4.0, abs=0.01)
    assert any("EPSG:32631" in w and "UTM" in w for w in told.warnings)


# --- point 9: geometry as it comes ---------------------------------------------------------
def test_a_layer_of_geometry_collections_is_read_with_its_crs_and_split_by_kind(
    processing_run, tmp_path
):
    layer = geopackage(
        tmp_path / "collections.gpkg",
        [
            ("1", "Stedin", "2027", "2027", "GEOMETRYCOLLECTION({})".format(STREET)),
            (
                "2",
                "Vitens",
                "2027",
                "2027",
                "GEOMETRYCOLLECTION({}, POLYGON((136300 456000, 136310 456000, "
                "136310 456010, 136300 456010, 136300 456000)))".format(FOUR_METRES_NORTH),
            ),
        ],
        kind=ogr.wkbGeometryCollection,
    )
    told = Told()
    result = run(processing_run, "findclashes", layer, told)
    assert pairs(result) == [("1", "2")]
    found = next(result["OUTPUT"].getFeatures())
    assert found["shared_length_m"] == pytest.approx(100.0, abs=0.5)  # the lines, as lines
    assert any("collection" in line and "2" in line for line in told.info)


def test_a_transformation_names_a_crs_without_authority_code(processing_run):
    layer = QgsVectorLayer(
        "LineString?crs=PROJ:+proj=tmerc +lat_0=0 +lon_0=5.1 +k=1 +x_0=100000 +y_0=0 "
        "+ellps=GRS80 +units=m +no_defs&field=nr:string&field=partij:string"
        "&field=start:string&field=eind:string",
        "eigen",
        "memory",
    )
    assert layer.crs().isValid() and layer.crs().authid() == ""
    told = Told()
    run(processing_run, "findclashes", layer, told, DISTANCE_CRS="EPSG:28992")
    said = [line for line in told.info if "EPSG:28992" in line]
    assert said and "from  to" not in said[0] and "tmerc" in said[0]


def test_a_zero_area_ring_is_flagged_and_measured_as_the_line_it_is(processing_run, tmp_path):
    ring = "POLYGON((136000 456000, 136050 456000, 136100 456000, 136000 456000))"
    square = "POLYGON((136000 456001, 136100 456001, 136100 456050, 136000 456050, 136000 456001))"
    layer = geopackage(
        tmp_path / "ring.gpkg",
        [("1", "Stedin", "2027", "2027", ring), ("2", "Vitens", "2027", "2027", square)],
        kind=ogr.wkbPolygon,
    )
    told = Told()
    result = run(processing_run, "findclashes", layer, told)
    found = next(result["OUTPUT"].getFeatures())
    assert found["shared_length_m"] == pytest.approx(100.0, abs=0.5)  # not 200: traced twice
    changed = [w for w in told.warnings if "changed type" in w]
    assert changed and "1 (polygon → line)" in changed[0]


def test_curved_lines_with_z_and_m_are_made_straight_and_flat(processing_run, tmp_path):
    arc = (
        "COMPOUNDCURVE ZM(CIRCULARSTRING ZM(136000 456000 1 5, 136050 456020 2 5, "
        "136100 456000 3 5),(136100 456000 3 5, 136200 456000 4 5))"
    )
    layer = geopackage(
        tmp_path / "arc.gpkg",
        [
            ("1", "Stedin", "2027", "2027", arc),
            ("2", "Vitens", "2027", "2027", "LINESTRING ZM(136150 456003 0 0, 136200 456003 0 0)"),
        ],
        kind=ogr.wkbCompoundCurveZM,
    )
    result = run(processing_run, "findclashes", layer)
    found = next(result["OUTPUT"].getFeatures())
    assert found["distance_m"] == pytest.approx(3.0, abs=0.01)
    assert found["shared_length_m"] == pytest.approx(50.0, abs=0.5)


# --- point 11: dates, open ends and text as delivered ----------------------------------------
def test_open_ended_works_are_reported_with_their_count(processing_run, tmp_path):
    layer = geopackage(
        tmp_path / "open.gpkg",
        [("1", "Stedin", "2027", None, STREET), ("2", "Vitens", "2028", "", FOUR_METRES_NORTH)],
    )
    told = Told()
    result = run(processing_run, "findclashes", layer, told)
    assert pairs(result) == [("1", "2")]  # both run on, so they meet in 2028
    said = [w for w in told.warnings if "open-ended" in w]
    assert said and "(2): 1, 2" in said[0]


def test_dutch_dates_are_day_month_year_and_ambiguous_ones_are_flagged_per_row(
    processing_run, tmp_path
):
    layer = geopackage(
        tmp_path / "dates.gpkg",
        [
            ("1", "Stedin", "05-06-2027", "05-06-2027", STREET),  # 5 June, not 6 May
            ("2", "Vitens", "01-06-2027", "10-06-2027", FOUR_METRES_NORTH),
            ("3", "Ziggo", "03-04-05", "2027", FOUR_METRES_NORTH),
        ],
    )
    told = Told()
    result = run(processing_run, "findclashes", layer, told)
    assert pairs(result) == [("1", "2")]
    said = [w for w in told.warnings if "03-04-05" in w]
    assert len(said) == 1 and "3 start '03-04-05'" in said[0] and "ambiguous" in said[0]
    assert not any("3" in w.split(":")[-1] for w in told.warnings if "planned start" in w)


def test_yes_no_words_that_are_not_known_are_told_not_silently_no(processing_run):
    layer = QgsVectorLayer(
        "LineString?crs=EPSG:28992&field=nr:string&field=partij:string&field=start:string"
        "&field=eind:string&field=graaft:string",
        "levering",
        "memory",
    )
    features = []
    for nr, party, digs, wkt in [
        ("1", "Enedis", "misschien", STREET),  # oui, ja, wahr are known words
        ("2", "Eau", "misschien", FOUR_METRES_NORTH),
        ("3", "Orange", "ja", FOUR_METRES_NORTH),
    ]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([nr, party, "2027", "2027", digs])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    told = Told()
    run(processing_run, "findcombinechances", layer, told, OPENS_FIELD="graaft")
    said = [w for w in told.warnings if "graaft" in w]
    assert len(said) == 1 and "(2): 'misschien' (2)" in said[0]


def cp1252_csv(path):
    """A delivery as Dutch Excel saves it: cp1252, `;`, CRLF, a WKT column."""
    rows = [
        ("nr", "partij", "start", "eind", "wkt"),
        ("1", "Stedin – Netbeheer", "2027", "2027", STREET),
        ("2", "Gemeente Utrecht Riolering", "2027", "2027", FOUR_METRES_NORTH),
        ("3", "Vitens Drinkwater", "2027", "2027", "LINESTRING(136000 456008, 136100 456008)"),
        ("4", "Eneco Warmte & Koude", "2027", "2027", "LINESTRING(136000 456012, 136100 456012)"),
        ("5", "Reggefiber Café", "2027", "2027", "LINESTRING(136000 456016, 136100 456016)"),
    ]
    text = "\r\n".join(";".join('"{}"'.format(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode("cp1252"))
    return path


def delimited(path, encoding=None):
    uri = "{}?delimiter=;&wktField=wkt&crs=EPSG:28992{}".format(
        path.as_uri(), "&encoding={}".format(encoding) if encoding else ""
    )
    layer = QgsVectorLayer(uri, "levering", "delimitedtext")
    assert layer.isValid()
    return layer


def test_a_cp1252_csv_read_as_utf8_is_warned_about_with_the_field_and_the_fix(
    processing_run, tmp_path
):
    layer = delimited(cp1252_csv(tmp_path / "levering.csv"))
    told = Told()
    run(processing_run, "findclashes", layer, told, DISTANCE=20)
    said = [w for w in told.warnings if "partij" in w]
    assert len(said) == 1
    assert "(2)" in said[0] and "'Stedin \ufffd Netbeheer'" in said[0] and "encoding" in said[0]


def test_a_cp1252_csv_with_its_encoding_set_reads_clean(processing_run, tmp_path):
    layer = delimited(cp1252_csv(tmp_path / "levering.csv"), "windows-1252")
    told = Told()
    result = run(processing_run, "findclashes", layer, told, DISTANCE=20)
    names = {f["stakeholder_a"] for f in result["OUTPUT"].getFeatures()}
    assert "Stedin – Netbeheer" in names
    assert not any("encoding" in w for w in told.warnings)


def test_garbled_text_is_warned_about_in_dutch(processing_run, tmp_path, dutch):
    layer = delimited(cp1252_csv(tmp_path / "levering.csv"))
    told = Told()
    run(processing_run, "findclashes", layer, told)
    assert any("partij" in w and "codering" in w for w in told.warnings)


# --- point 13: what reaches the user, in the user's words ---------------------------------
PROBLEM_DATES = [
    ("1", "Stedin", "13-13-2027", "2027", STREET),
    ("2", "Vitens", "46000", "2027", FOUR_METRES_NORTH),
    ("3", "Ziggo", "2027", "31-02-2028", STREET),
    ("4", "KPN", "volgend jaar", "2027", STREET),
]


READABLE = ("9", "Eneco", "2027", "2027", "LINESTRING(0 0, 10 0)")


def test_date_problems_are_told_in_our_own_words_once(processing_run, tmp_path):
    layer = geopackage(tmp_path / "dates.gpkg", [*PROBLEM_DATES, READABLE])
    told = Told()
    result = run(processing_run, "findclashes", layer, told)
    assert result["OUTPUT"].featureCount() == 0
    text = told.lines()
    assert "month must be" not in text and "out of range" not in text
    said = [w for w in told.warnings if "cannot be read" in w]
    assert len(said) == 1
    assert "(4)" in said[0]
    assert "1 start '13-13-2027': no such date" in said[0]
    assert "2 start '46000': a number, not a year" in said[0]
    assert "3 end '31-02-2028': no such date" in said[0]
    assert "4 start 'volgend jaar': not a date" in said[0]
    assert not any("planned start" in w for w in told.warnings)  # listed once, not twice
    assert told.errors == []


def test_date_problems_are_told_in_dutch(processing_run, tmp_path, dutch):
    layer = geopackage(tmp_path / "dates.gpkg", [*PROBLEM_DATES, READABLE])
    told = Told()
    run(processing_run, "findclashes", layer, told)
    said = [w for w in told.warnings if "13-13-2027" in w]
    assert len(said) == 1 and "bestaat niet" in said[0] and "getal" in said[0]


def test_long_lists_give_the_total_and_how_many_more(processing_run, tmp_path):
    rows = [(str(n), "P{}".format(n), None, None, STREET) for n in range(1, 26)] + [READABLE]
    told = Told()
    run(processing_run, "findclashes", geopackage(tmp_path / "many.gpkg", rows), told)
    said = [w for w in told.warnings if "planned start" in w]
    assert len(said) == 1
    assert "(25)" in said[0] and said[0].endswith("and 15 more")


def test_long_lists_say_how_many_more_in_dutch(processing_run, tmp_path, dutch):
    rows = [(str(n), "P{}".format(n), None, None, STREET) for n in range(1, 26)] + [READABLE]
    told = Told()
    run(processing_run, "findclashes", geopackage(tmp_path / "many.gpkg", rows), told)
    assert any(w.endswith("en nog 15") for w in told.warnings)


def test_features_without_geometry_are_a_warning_not_an_error(processing_run, tmp_path):
    layer = geopackage(
        tmp_path / "empty.gpkg",
        [("1", "Stedin", "2027", "2027", STREET), ("2", "Vitens", "2027", "2027", None)],
    )
    told = Told()
    run(processing_run, "findclashes", layer, told)
    assert told.errors == []
    assert any("without geometry" in w and "1" in w for w in told.warnings)


def test_a_feature_that_cannot_be_transformed_is_skipped_and_listed(processing_run, tmp_path):
    """A vertex beyond the pole, in a GeoPackage whose stored extent leaves it out (as
    after an edit by another tool): the others are compared, the stray one is named."""
    import sqlite3

    path = geopackage(
        tmp_path / "stray.gpkg",
        [
            ("1", "Stedin", "2027", "2027", "LINESTRING(5.1 52.09, 5.1015 52.09)"),
            ("2", "Vitens", "2027", "2027", "LINESTRING(5.1 52.090036, 5.1015 52.090036)"),
            ("3", "Ziggo", "2027", "2027", "LINESTRING(5.1 52.09, 5.1 95)"),
        ],
        srs=4326,
        drawn_in=4326,
    )
    with sqlite3.connect(path) as database:
        database.execute("UPDATE gpkg_contents SET max_y = 52.1")
    told = Told()
    result = run(processing_run, "findclashes", path, told)
    assert pairs(result) == [("1", "2")]
    said = [w for w in told.warnings if "cannot be transformed" in w]
    assert len(said) == 1 and "EPSG:28992" in said[0] and "(1): 3" in said[0]


def test_statuses_in_a_registers_own_words_are_read_and_unknown_ones_told(processing_run):
    """A register's "Work cancelled" and a French "terminé" are the programme's cancelled
    and done: those works do not clash. A word no table knows is told with its count and
    how such works were taken, never silently read as running."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        "LineString?crs=EPSG:28992&field=nr:string&field=partij:string&field=start:string"
        "&field=eind:string&field=status:string",
        "levering",
        "memory",
    )
    features = []
    for values, wkt in (
        (["1", "Stedin", "2027", "2027", "Gepland"], STREET),
        (["2", "Vitens", "2027", "2027", "Work cancelled"], FOUR_METRES_NORTH),
        (["3", "KPN", "2027", "2027", "terminé"], FOUR_METRES_NORTH),
        (["4", "Ziggo", "2027", "2027", "op de lange baan"], FOUR_METRES_NORTH),
    ):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    told = Told()
    result = run(processing_run, "findclashes", layer, told, STATUS_FIELD="status")
    assert pairs(result) == [("1", "4")]
    [line] = [w for w in told.warnings if "statuses" in w]
    assert "(1): 'op de lange baan' (1)" in line and "planned" in line
    assert "Work cancelled" not in line and "terminé" not in line


# --- issue 12 point 2: distances right anywhere --------------------------------------------
# Montreal in UTM zone 18N: a street, one 4.9 m north of it and one 5.1 m south of it
MONTREAL = "LINESTRING(611000 5040000, 611100 5040000)"
NORTH_4_9 = "LINESTRING(611000 5040004.9, 611100 5040004.9)"
SOUTH_5_1 = "LINESTRING(611000 5039994.9, 611100 5039994.9)"


def _plain_distances(path, crs):
    """Distances between the stored features measured plainly in `crs`, as a check that
    does not use the plugin's own choice of CRS."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProject,
    )

    layer = QgsVectorLayer(path, "check", "ogr")
    to_crs = QgsCoordinateTransform(
        layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance()
    )
    geometries = {}
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(to_crs)
        geometries[feature["nr"]] = geometry
    return {
        (a, b): geometries[a].distance(geometries[b])
        for a in sorted(geometries)
        for b in sorted(geometries)
        if a < b
    }


def test_works_in_wgs84_around_montreal_pair_at_4_9_m_and_not_at_5_1_m(processing_run, tmp_path):
    path = geopackage(
        tmp_path / "montreal.gpkg",
        [
            ("1", "Hydro-Québec", "2027", "2027", MONTREAL),
            ("2", "Énergir", "2027", "2027", NORTH_4_9),
            ("3", "Bell", "2027", "2027", SOUTH_5_1),
        ],
        srs=4326,
        drawn_in=32618,
    )
    plain = _plain_distances(path, "EPSG:32618")
    assert plain[("1", "2")] == pytest.approx(4.9, abs=0.005)
    assert plain[("1", "3")] == pytest.approx(5.1, abs=0.005)
    told = Told()
    result = run(processing_run, "findclashes", path, told, DISTANCE=5)
    assert pairs(result) == [("1", "2")]
    found = next(result["OUTPUT"].getFeatures())
    assert found["distance_m"] == pytest.approx(plain[("1", "2")], abs=0.005)
    [said] = [w for w in told.warnings if "EPSG:32618" in w]
    assert "UTM" in said
    # the findings are where the works are: in the layer's own CRS
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"
    assert result["OUTPUT"].extent().xMinimum() == pytest.approx(-73.6, abs=0.1)


def test_the_findings_come_in_the_distance_crs_when_asked(processing_run, tmp_path):
    path = geopackage(
        tmp_path / "montreal.gpkg",
        [("1", "Hydro", "2027", "2027", MONTREAL), ("2", "Gaz", "2027", "2027", NORTH_4_9)],
        srs=4326,
        drawn_in=32618,
    )
    result = run(processing_run, "findclashes", path, OUTPUT_CRS="EPSG:32618")
    assert result["OUTPUT"].crs().authid() == "EPSG:32618"
    assert result["OUTPUT"].extent().xMinimum() == pytest.approx(611000, abs=10)


def test_distance_zero_finds_works_that_touch_or_overlap(processing_run, tmp_path):
    path = geopackage(
        tmp_path / "touch.gpkg",
        [
            ("1", "Stedin", "2027", "2027", STREET),
            ("2", "Vitens", "2027", "2027", "LINESTRING(136100 456000, 136200 456000)"),
            ("3", "KPN", "2027", "2027", "LINESTRING(136050 456000, 136080 456000)"),
            ("4", "Ziggo", "2027", "2027", "LINESTRING(136000 456000.5, 136100 456000.5)"),
        ],
    )
    result = run(processing_run, "findclashes", path, DISTANCE=0)
    assert pairs(result) == [("1", "2"), ("1", "3")]
    shared = {
        (f["work_a"], f["work_b"]): f["shared_length_m"] for f in result["OUTPUT"].getFeatures()
    }
    assert shared[("1", "3")] == pytest.approx(30.0, abs=0.1)


def test_a_start_expression_that_does_not_parse_is_refused_before_a_feature_is_read(
    processing_run, tmp_path, monkeypatch
):
    from programmakamer.processing.rule_algorithm import WorkLayerRuleAlgorithm

    def read_layer(*args, **kwargs):
        raise AssertionError("a layer was read before the parameters were checked")

    monkeypatch.setattr(WorkLayerRuleAlgorithm, "read_layer", read_layer)
    path = geopackage(tmp_path / "w.gpkg", [("1", "Stedin", "2027", "2027", STREET)])
    with pytest.raises(QgsProcessingException, match="expression.*Planned start"):
        run(processing_run, "findclashes", path, START_FIELD='"start" +* 1')


# --- issue 12 point 3: the loose ends -------------------------------------------------------
def _memory(fields: str, rows, kind="LineString"):
    """A memory layer in RD New: `fields` as 'name:type,…', rows (values…, wkt)."""
    spec = "&".join("field={}".format(f) for f in fields.split(","))
    layer = QgsVectorLayer("{}?crs=EPSG:28992&{}".format(kind, spec), "levering", "memory")
    features = []
    for *values, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_start_and_end_can_be_expressions_on_fiscal_year_columns(processing_run):
    """Money columns per fiscal year: the work starts in the first year with money."""
    layer = _memory(
        "nr:string,partij:string,boekjaar:integer,jaar uitvoering:integer",
        [
            ("1", "Stedin", 2026, 2027, STREET),
            ("2", "Vitens", 2026, 2029, FOUR_METRES_NORTH),
        ],
    )
    parameters = {"INPUT": layer, "WORK_ID_FIELD": "nr", "STAKEHOLDER_FIELD": "partij"}
    result = processing_run(
        "programmakamer:findclashes",
        {
            **parameters,
            "START_FIELD": '"boekjaar" + 1',
            "END_FIELD": '"boekjaar" + 1',
            "OUTPUT": "memory:",
        },
    )
    assert pairs(result) == [("1", "2")]
    # a field name with a space is still a field, not an expression
    result = processing_run(
        "programmakamer:findclashes",
        {**parameters, "START_FIELD": "jaar uitvoering", "OUTPUT": "memory:"},
    )
    assert pairs(result) == []


def test_empty_or_blank_work_ids_are_missing_ids_not_one_shared_work(processing_run):
    layer = _memory(
        "nr:string,partij:string,start:string,eind:string",
        [
            ("", "Stedin", "2027", "2027", STREET),
            ("  ", "Vitens", "2027", "2027", FOUR_METRES_NORTH),
            ("", "KPN", "2030", "2030", "LINESTRING(0 0, 10 0)"),
        ],
    )
    told = Told()
    result = run(processing_run, "findclashes", layer, told)
    assert len(pairs(result)) == 1
    [said] = [w for w in told.warnings if "without a work id" in w]
    assert "(3)" in said


def test_every_date_unreadable_is_a_failure_not_an_empty_success(processing_run, tmp_path):
    rows = [(str(n), "P{}".format(n), "2020/06/0{}x".format(n), "", STREET) for n in range(1, 4)]
    with pytest.raises(QgsProcessingException, match=r"3 works.*3 dates.*1 start '2020/06/01x'"):
        run(processing_run, "findclashes", geopackage(tmp_path / "nwb.gpkg", rows))
    rows = [(str(n), "P{}".format(n), None, None, STREET) for n in range(1, 26)]
    with pytest.raises(QgsProcessingException, match=r"25 works.*planned start"):
        run(processing_run, "findclashes", geopackage(tmp_path / "leeg.gpkg", rows))


def test_an_expression_that_fails_on_some_features_is_told_with_the_count(processing_run):
    layer = _memory(
        "nr:string,partij:string,begin:string",
        [
            ("1", "Stedin", "2027-03-01", STREET),
            ("2", "Vitens", "2027-05-01", FOUR_METRES_NORTH),
            ("3", "KPN", "volgend jaar", FOUR_METRES_NORTH),
        ],
    )
    told = Told()
    result = processing_run(
        "programmakamer:findclashes",
        {
            "INPUT": layer,
            "WORK_ID_FIELD": "nr",
            "STAKEHOLDER_FIELD": "partij",
            "START_FIELD": 'to_date("begin")',
            "OUTPUT": "memory:",
        },
        feedback=told,
    )
    assert pairs(result) == []  # one day each, two months apart; 3 has no start
    [said] = [w for w in told.warnings if "failed" in w]
    assert 'to_date("begin")' in said and "(1): 'Cannot convert" in said
    assert any("without a planned start" in w and "3" in w for w in told.warnings)
