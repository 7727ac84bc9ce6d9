"""Deliveries as stakeholders send them, imported into the demo programme: what the report
says, and what is (or is not) in the GeoPackage afterwards."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import shapely
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException

from programmakamer.core.delivery import DeliveryMapping, GeometrySource, Source
from programmakamer.core.schema import DECISIONS, FINDINGS, IMPORT_PROFILES, SCHEMA_VERSION
from programmakamer.store import delivery
from programmakamer.store import programme as store
from programmakamer.store.errors import CancelledError
from programmakamer.store.layers import open_programme
from programmakamer.store.transactions import edit_session

# inside the demo city's neighbourhoods (RD New)
X0, Y0 = 155000.0, 463000.0


def rd_to_wgs84(points):
    rd, wgs = osr.SpatialReference(), osr.SpatialReference()
    rd.ImportFromEPSG(28992)
    wgs.ImportFromEPSG(4326)
    for reference in (rd, wgs):
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    moved = osr.CoordinateTransformation(rd, wgs).TransformPoints([list(p) for p in points])
    return [(round(x, 8), round(y, 8)) for x, y, _ in moved]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def programme(demo_programme):
    """The demo programme with a stakeholder of our own, whose works the tests import."""
    record = store.add_stakeholder(demo_programme, "Vitens", "drinking_water")
    return demo_programme, record["stakeholder_id"]


def imported(path, source, mapping, options=None, complete=True):
    """Read, check, plan and write a delivery as the algorithm and the wizard do."""
    table = delivery.read_source(source, options)
    report = delivery.check_source(path, table, mapping)
    plan = delivery.plan_delivery(path, report, complete=complete)
    delivery.write_delivery(path, report, plan, mapping)
    return table, report, plan


def works_by_ref(path, stakeholder):
    return {
        w["external_ref"]: w
        for w in delivery.existing_works(path)
        if w["stakeholder_id"] == stakeholder
    }


def codes_by_row(report):
    found = {}
    for problem in report.problems:
        found.setdefault(problem.row_number, []).append(problem.code)
    return {row: sorted(codes) for row, codes in found.items()}


def dutch_excel_csv(target: Path, encoding: str) -> Path:
    rows = [
        ["Kenmerk", "Omschrijving", "Straat", "Begindatum", "Einddatum", "Raming (€)", "X", "Y"]
        + ["Status", "Graafwerk"],
        ["00123", "Vervangen riool\nfase 2", "Café Brouwerstraat", "01-03-2027", "30-11-2027"]
        + ["125.000,50", "155200,5", "463100,25", "gepland", "ja"],
        ["00124", "Relining", "Kerkstraat", "2028", "", "8.500", "155300", "463200"]
        + ["In voorbereiding", "nee"],
        ["00125", "Datum fout", "Kerkstraat", "31-02-2027", "", "", "155400", "463300"]
        + ["gepland", "ja"],
        ["00126", "Einde voor begin", "Kerkstraat", "01-06-2028", "01-01-2028", "", "155500"]
        + ["463400", "gepland", "ja"],
        ["00127", "Zonder plek", "Kerkstraat", "2027", "", "", "", "", "gepland", "ja"],
        ["", "", "", "", "", "", "", "", "", ""],  # Excel's empty line at the end
    ]
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    target.write_bytes(text.getvalue().encode(encoding))
    return target


def csv_mapping(stakeholder):
    return DeliveryMapping(
        stakeholder_id=stakeholder,
        fields={
            "external_ref": Source("Kenmerk"),
            "title": Source("Omschrijving"),
            "location": Source("Straat"),
            "planned_start": Source("Begindatum"),
            "planned_end": Source("Einddatum"),
            "cost_estimate": Source("Raming (€)"),
            "status": Source("Status"),
            "opens_ground": Source("Graafwerk"),
        },
        geometry=GeometrySource("xy", x="X", y="Y", crs="EPSG:28992"),
    )


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_a_csv_from_a_dutch_excel_is_read_and_its_bad_rows_told(programme, tmp_path, encoding):
    path, stakeholder = programme
    source = dutch_excel_csv(tmp_path / "vitens levering.csv", encoding)
    mapping = csv_mapping(stakeholder)
    table, report, plan = imported(path, source, mapping)
    assert (table.encoding, table.separator) == (encoding, ";")
    assert table.rows[0]["Omschrijving"] == "Vervangen riool\nfase 2"
    assert table.rows[0]["Straat"] == "Café Brouwerstraat"
    assert (report.rows_read, report.valid, report.rows_with_problems) == (5, 2, 3)
    assert codes_by_row(report) == {
        4: ["unreadable_date"],
        5: ["end_before_start"],
        6: ["no_geometry"],
    }
    assert [(p.field, p.value) for p in report.problems_of("unreadable_date")] == [
        ("planned_start", "31-02-2027")
    ]
    assert (len(plan.added), len(plan.changed), len(plan.withdrawn)) == (2, 0, 0)
    works = works_by_ref(path, stakeholder)
    assert set(works) == {"00123", "00124"}
    first, second = works["00123"], works["00124"]
    assert first["title"] == "Vervangen riool\nfase 2" and first["location"] == "Café Brouwerstraat"
    assert (first["planned_start"], first["planned_end"]) == (date(2027, 3, 1), date(2027, 11, 30))
    assert first["cost_estimate"] == 125000.5 and second["cost_estimate"] == 8500.0
    assert (second["planned_start"], second["end_precision"]) == (date(2028, 1, 1), "year")
    assert (first["status"], second["status"]) == ("planned", "in_preparation")
    assert (first["opens_ground"], second["opens_ground"]) == (True, False)
    assert first["discipline"] == "drinking_water" and first["horizon"] == "short"
    assert first["table"] == "works_points" and first["work_id"].startswith("W-")
    assert first["geometry"].geoms[0].coords[0] == (155200.5, 463100.25)
    assert first["source_delivery"] == "vitens levering.csv"
    assert delivery.load_profile(path, stakeholder) == mapping


def test_a_field_may_come_from_an_expression_over_the_source_fields(programme, tmp_path):
    path, stakeholder = programme
    source = dutch_excel_csv(tmp_path / "vitens.csv", "cp1252")
    mapping = csv_mapping(stakeholder)
    mapping.fields["title"] = Source(expression='"Straat" || \': \' || "Kenmerk"')
    _, report, _ = imported(path, source, mapping)
    assert [w["title"] for w in report.works] == ["Café Brouwerstraat: 00123", "Kerkstraat: 00124"]
    mapping.fields["title"] = Source(expression='"Straat" ||')
    with pytest.raises(delivery.ProgrammeError, match="cannot be read"):
        delivery.check_source(path, delivery.read_source(source), mapping)


def test_encoding_and_separator_can_be_overridden_and_a_wrong_encoding_is_refused(tmp_path):
    source = dutch_excel_csv(tmp_path / "levering.csv", "cp1252")
    as_latin = delivery.read_source(source, delivery.SourceOptions(encoding="latin-1"))
    assert as_latin.encoding == "latin-1" and as_latin.rows[0]["Straat"] == "Café Brouwerstraat"
    one_column = delivery.read_source(source, delivery.SourceOptions(separator="tab"))
    assert one_column.separator == "\t" and len(one_column.fields) == 1
    with pytest.raises(delivery.ProgrammeError, match="cannot be read as utf-8"):
        delivery.read_source(source, delivery.SourceOptions(encoding="utf-8"))


def riolering_workbook(target: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Planning 2027"
    sheet["A1"] = "Rioleringsplan 2027-2031, versie 3 januari 2027"  # a title over the list
    sheet.merge_cells("A1:F1")
    for cells, text in (
        ("A3:A4", "Kenmerk"),
        ("B3:B4", "Omschrijving"),
        ("C3:D3", "Periode"),
        ("E3:E4", "Geometrie (WKT)"),
        ("F3:F4", "Kosten"),
    ):
        sheet[cells.split(":")[0]] = text
        sheet.merge_cells(cells)
    sheet["C4"], sheet["D4"] = "start", "eind"

    def line(dy):
        return "LINESTRING ({} {}, {} {})".format(X0, Y0 + dy, X0 + 150, Y0 + dy)

    sheet.append(["00042", "Riool Dorpsstraat", datetime(2027, 3, 1), datetime(2027, 10, 31)])
    sheet["E5"], sheet["F5"] = line(0), 125000.5
    sheet.append([43, "Relining Kerkstraat", "2028", None, line(20), 8000])
    sheet["A6"].number_format = "00000"  # a reference typed as a number, shown with zeros
    sheet.append(["00044", "Verborgen rij", "2029", None, line(40), 1000])
    sheet.row_dimensions[7].hidden = True
    sheet.append(["00045", "Kapotte formule", "2027", None, line(60), "#REF!"])
    sheet.append(["00046", "Gemaal", "Q3 2027", None, "POINT ({} {})".format(X0, Y0), None])
    book.save(target)
    return target


def test_an_excel_list_keeps_leading_zeros_and_tells_hidden_rows_and_formula_errors(
    programme, tmp_path
):
    path, stakeholder = programme
    source = riolering_workbook(tmp_path / "riolering.xlsx")
    table = delivery.read_source(source)
    assert table.sheet == "Planning 2027"
    assert table.fields == [
        "Kenmerk",
        "Omschrijving",
        "Periode start",
        "Periode eind",
        "Geometrie (WKT)",
        "Kosten",
    ]
    assert [r["Kenmerk"] for r in table.rows] == ["00042", "00043", "00044", "00045", "00046"]
    assert table.row_numbers == [5, 6, 7, 8, 9] and table.hidden_rows == {2}
    mapping = DeliveryMapping(
        stakeholder_id=stakeholder,
        fields={
            "external_ref": Source("Kenmerk"),
            "title": Source("Omschrijving"),
            "planned_start": Source("Periode start"),
            "planned_end": Source("Periode eind"),
            "cost_estimate": Source("Kosten"),
            "status": Source(constant="planned"),
        },
        geometry=GeometrySource("wkt", column="Geometrie (WKT)", crs="EPSG:28992"),
    )
    _, report, _ = imported(path, source, mapping)
    assert codes_by_row(report) == {7: ["hidden_row"], 8: ["formula_error"]}
    assert [(p.field, p.value) for p in report.problems_of("formula_error")] == [
        ("cost_estimate", "#REF!")
    ]
    assert (report.valid, report.rows_with_problems, report.rows_with_warnings) == (4, 1, 1)
    works = works_by_ref(path, stakeholder)
    assert set(works) == {"00042", "00043", "00044", "00046"}
    assert works["00042"]["planned_end"] == date(2027, 10, 31)
    assert works["00042"]["cost_estimate"] == 125000.5
    assert works["00046"]["table"] == "works_points"
    assert (works["00046"]["planned_start"], works["00046"]["planned_end"]) == (
        date(2027, 7, 1),
        date(2027, 9, 30),
    )


def test_a_shapefile_in_wgs84_is_placed_in_rd_and_its_bow_tie_repaired(programme, tmp_path):
    path, stakeholder = programme
    target = tmp_path / "netbeheer.shp"
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    data = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(target))
    layer = data.CreateLayer("netbeheer", wgs, ogr.wkbPolygon, ["ENCODING=UTF-8"])
    for name, kind in (("REF", ogr.OFTString), ("NAAM", ogr.OFTString), ("JAAR", ogr.OFTInteger)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    squares = {
        "G-001": [(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)],
        "G-002": [(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)],  # a bow-tie
        "G-003": [(200, 0), (300, 0), (300, 80), (200, 80), (200, 0)],
    }
    for ref, ring in squares.items():
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("REF", ref)
        feature.SetField("NAAM", "Kabel Café " + ref)
        feature.SetField("JAAR", 2028)
        points = rd_to_wgs84([(X0 + x, Y0 + y) for x, y in ring])
        polygon = "POLYGON (({}))".format(", ".join("{} {}".format(*p) for p in points))
        feature.SetGeometry(ogr.CreateGeometryFromWkt(polygon))
        layer.CreateFeature(feature)
    data = None
    mapping = DeliveryMapping(
        stakeholder_id=stakeholder,
        fields={
            "external_ref": Source("REF"),
            "title": Source("NAAM"),
            "planned_start": Source("JAAR"),
            "status": Source(constant="committed"),
            "opens_ground": Source(constant="ja"),
        },
    )
    table, report, _ = imported(path, target, mapping)
    assert table.crs == "EPSG:4326" and table.layer == "netbeheer"
    assert codes_by_row(report) == {1: ["geometry_repaired"]}
    assert report.valid == 3
    works = works_by_ref(path, stakeholder)
    assert {w["table"] for w in works.values()} == {"works_areas"}
    assert works["G-001"]["title"] == "Kabel Café G-001"
    square = works["G-001"]["geometry"]
    assert square.area == pytest.approx(10000, rel=1e-3)  # RD metres, not degrees
    assert square.bounds[0] == pytest.approx(X0, abs=0.01)
    bowtie = works["G-002"]["geometry"]
    assert bowtie.is_valid and len(bowtie.geoms) == 2
    assert bowtie.area == pytest.approx(5000, rel=1e-3)


def test_a_layer_of_a_multi_layer_geopackage_and_stakeholders_named_per_row(
    programme, tmp_path, processing_run
):
    path, stakeholder = programme
    source = tmp_path / "levering.gpkg"
    rd = osr.SpatialReference()
    rd.ImportFromEPSG(28992)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(source))
    data.CreateLayer("toelichting", None, ogr.wkbNone)
    layer = data.CreateLayer("werken", rd, ogr.wkbLineString)
    for name in ("ref", "titel", "partij"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for ref, owner in (("L-1", "Vitens"), ("L-2", "Waterbedrijf"), ("L-3", "Eneco")):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("ref", ref)
        feature.SetField("titel", "Leiding " + ref)
        feature.SetField("partij", owner)
        feature.SetGeometry(
            ogr.CreateGeometryFromWkt("LINESTRING ({} {}, {} {})".format(X0, Y0, X0 + 50, Y0))
        )
        layer.CreateFeature(feature)
    data = None
    with pytest.raises(delivery.ProgrammeError, match="has no layer"):
        delivery.read_source(source, delivery.SourceOptions(layer="planning"))
    mapping = {
        "fields": {
            "external_ref": "ref",
            "title": "titel",
            "stakeholder_id": "partij",
            "status": {"constant": "planned"},
        }
    }
    result = processing_run(
        "programmakamer:importdelivery",
        {
            "PROGRAMME": str(path),
            "INPUT": str(source),
            "LAYER": "werken",
            "MAPPING": json.dumps(mapping),
            "REPORT": str(tmp_path / "rapport.xlsx"),
        },
    )
    assert (result["VALID"], result["WITH_PROBLEMS"], result["WRITTEN"]) == (2, 1, 1)
    assert result["WITHDRAWN"] == 37  # complete for each stakeholder it names: Waterbedrijf's
    owners = {w["external_ref"]: w["stakeholder_id"] for w in delivery.existing_works(path)}
    assert owners["L-1"] == stakeholder and owners["L-2"] == 8  # the demo's Waterbedrijf
    assert "L-3" not in owners


def test_a_geojson_with_a_null_geometry_imports_the_others(programme, tmp_path):
    path, stakeholder = programme
    line = rd_to_wgs84([(X0, Y0), (X0 + 200, Y0)])
    point = rd_to_wgs84([(X0 + 50, Y0 + 50)])[0]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": "P-1", "naam": "Bouwweg", "start": "2027-09-01"},
                "geometry": {"type": "LineString", "coordinates": line},
            },
            {
                "type": "Feature",
                "properties": {"id": "P-2", "naam": "Nog niet getekend", "start": "2028"},
                "geometry": None,
            },
            {
                "type": "Feature",
                "properties": {"id": "P-3", "naam": "Bouwkeet", "start": "Q1 2028"},
                "geometry": {"type": "Point", "coordinates": point},
            },
        ],
    }
    source = tmp_path / "ontwikkelaar.geojson"
    source.write_text(json.dumps(collection), encoding="utf-8")
    mapping = DeliveryMapping(
        stakeholder_id=stakeholder,
        fields={
            "external_ref": Source("id"),
            "title": Source("naam"),
            "planned_start": Source("start"),
            "status": Source(constant="planned"),
        },
    )
    _, report, _ = imported(path, source, mapping)
    assert codes_by_row(report) == {1: ["no_geometry"]}
    works = works_by_ref(path, stakeholder)
    assert set(works) == {"P-1", "P-3"}
    assert (works["P-1"]["table"], works["P-3"]["table"]) == ("works_lines", "works_points")
    assert works["P-1"]["geometry"].length == pytest.approx(200, abs=0.01)


def french_city_table(target: Path) -> Path:
    """An open-data export of another city: commas, UTF-8, its own words."""
    lon, lat = rd_to_wgs84([(X0 + 10, Y0 + 10)])[0]
    rows = [
        ["identifiant", "libelle", "date_debut", "date_fin", "statut", "fouille", "lon", "lat"],
        ["T-01", "Réfection chaussée", "2027-05-01", "2027-08-31", "Programmé", "non"],
        ["T-02", "Renouvellement réseau", "2027-06-01", "2028-02-28", "En attente d'arbitrage"]
        + ["oui"],
        ["T-03", "Éclairage", "2028-01-01", "2028-03-31", "Abandonné", "oui"],
        ["T-04", "Fibre", "2027-09-01", "2027-09-30", "En attente d'arbitrage", "peut-être"],
    ]
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0])
        for n, row in enumerate(rows[1:]):
            writer.writerow(row + [str(lon + n * 0.0001), str(lat)])
    return target


def test_another_citys_words_are_listed_unknown_until_the_user_maps_them(programme, tmp_path):
    path, stakeholder = programme
    source = french_city_table(tmp_path / "travaux.csv")
    fields = {
        "external_ref": Source("identifiant"),
        "title": Source("libelle"),
        "planned_start": Source("date_debut"),
        "planned_end": Source("date_fin"),
        "status": Source("statut"),
        "opens_ground": Source("fouille"),
    }
    geometry = GeometrySource("xy", x="lon", y="lat", crs="EPSG:4326")
    table = delivery.read_source(source)
    assert (table.encoding, table.separator) == ("utf-8", ",")
    plain = DeliveryMapping(stakeholder_id=stakeholder, fields=fields, geometry=geometry)
    report = delivery.check_source(path, table, plain)
    assert ("En attente d'arbitrage", 2) in report.unknown_values["status"]
    assert ("peut-être", 1) in report.unknown_values["flag"]
    assert {p.row_number for p in report.problems_of("unknown_status")} >= {3, 5}
    own_words = DeliveryMapping(
        stakeholder_id=stakeholder,
        fields=fields,
        geometry=geometry,
        value_maps={
            "status": {
                "Programmé": "planned",
                "En attente d'arbitrage": "idea",
                "Abandonné": "cancelled",
            },
            "flag": {"oui": "true", "non": "false"},
        },
    )
    _, report, _ = imported(path, source, own_words)
    assert codes_by_row(report) == {5: ["unknown_flag"]}
    works = works_by_ref(path, stakeholder)
    assert {ref: (w["status"], w["opens_ground"]) for ref, w in works.items()} == {
        "T-01": ("planned", False),
        "T-02": ("idea", True),
        "T-03": ("cancelled", True),
    }
    assert works["T-01"]["title"] == "Réfection chaussée"


def wkt_delivery(target: Path, rows) -> Path:
    """A sewer department's CSV with WKT: (reference, title, start year, dy of its line)."""
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["kenmerk", "titel", "jaar", "wkt"])
        for ref, title, year, dy in rows:
            if isinstance(dy, str):  # a WKT of its own
                shape = dy
            else:
                shape = "LINESTRING ({} {}, {} {})".format(X0, Y0 + dy, X0 + 120, Y0 + dy)
            writer.writerow([ref, title, year, shape])
    return target


def wkt_mapping(stakeholder):
    return DeliveryMapping(
        stakeholder_id=stakeholder,
        fields={
            "external_ref": Source("kenmerk"),
            "title": Source("titel"),
            "planned_start": Source("jaar"),
            "status": Source(constant="planned"),
            "opens_ground": Source(constant="true"),
        },
        geometry=GeometrySource("wkt", column="wkt", crs="EPSG:28992"),
    )


def test_a_second_delivery_changes_adds_and_withdraws_but_keeps_what_the_chamber_decided(
    programme, tmp_path
):
    path, stakeholder = programme
    mapping = wkt_mapping(stakeholder)
    imported(path, wkt_delivery(tmp_path / "q1.csv", _rows_q1()), mapping)
    before = works_by_ref(path, stakeholder)
    a_id, b_id, d_id = before["A"]["work_id"], before["B"]["work_id"], before["D"]["work_id"]
    layer = store.table_layer(path, "works_lines")
    with edit_session(layer):
        fields = layer.fields()
        layer.changeAttributeValue(before["A"]["fid"], fields.indexOf("horizon_override"), "long")
        layer.changeAttributeValue(
            before["A"]["fid"], fields.indexOf("horizon_reason"), "Wacht op wijkaanpak"
        )
    store.write_records(
        path,
        FINDINGS,
        [{"finding_id": "clash-B", "kind": "clash", "state": "open", "work_a": b_id}],
    )
    decided = datetime(2027, 2, 1, 14, 0)
    store.write_records(
        path,
        DECISIONS,
        [
            {
                "work_id": a_id,
                "verdict": "accepted",
                "decision_text": "Met A mee",
                "decided_at": decided,
            },
            {"finding_id": "clash-B", "verdict": "deferred", "decided_at": decided},
            {"work_id": d_id, "verdict": "accepted", "decided_at": decided},
        ],
    )
    second = wkt_delivery(
        tmp_path / "q2.csv",
        [("A", "Riool A, fase 2", 2029, 0), ("B", "Riool B", 2027, 45), ("C", "Riool C", 2028, 60)],
    )
    _, report, plan = imported(path, second, mapping)
    assert [w["external_ref"] for w in plan.added] == ["C"]
    changes = {c.external_ref: {f.field: (f.old, f.new) for f in c.changes} for c in plan.changed}
    assert changes["A"]["title"] == ("Riool A", "Riool A, fase 2")
    assert changes["A"]["planned_start"] == (date(2027, 1, 1), date(2029, 1, 1))
    assert changes["B"] == {}  # only its place moved
    assert [w.external_ref for w in plan.withdrawn] == ["D"]
    after = works_by_ref(path, stakeholder)
    assert set(after) == {"A", "B", "C", "D"}  # withdrawn is marked, never deleted
    assert after["D"]["status"] == "withdrawn" and after["D"]["work_id"] == d_id
    assert after["A"]["work_id"] == a_id and after["A"]["title"] == "Riool A, fase 2"
    assert after["A"]["horizon_override"] == "long"
    assert after["A"]["horizon_reason"] == "Wacht op wijkaanpak"
    assert after["A"]["horizon"] == "medium"  # computed from the new period
    assert after["B"]["geometry"].bounds[1] == pytest.approx(Y0 + 45)
    notes = {
        (d["work_id"] or d["finding_id"]): (d["delivery_change"], d["decision_text"])
        for d in store.read_table(path, DECISIONS)
    }
    assert notes[a_id] == ("{} q2.csv: {} period".format(date.today(), a_id), "Met A mee")
    assert notes["clash-B"][0] == "{} q2.csv: {} place".format(date.today(), b_id)
    assert notes[d_id][0] is None
    again = delivery.plan_delivery(
        path, delivery.check_source(path, delivery.read_source(second), mapping)
    )
    assert again.empty and again.unchanged == 3


def _rows_q1():
    return [("A", "Riool A", 2027, 0), ("B", "Riool B", 2027, 30), ("D", "Riool D", 2027, 90)]


def test_a_work_that_becomes_an_area_moves_table_with_its_id_and_the_chambers_horizon(
    programme, tmp_path
):
    path, stakeholder = programme
    mapping = wkt_mapping(stakeholder)
    imported(path, wkt_delivery(tmp_path / "q1.csv", _rows_q1()), mapping)
    before = works_by_ref(path, stakeholder)["A"]
    layer = store.table_layer(path, "works_lines")
    with edit_session(layer):
        layer.changeAttributeValue(
            before["fid"], layer.fields().indexOf("horizon_override"), "long"
        )
    area = "POLYGON (({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
        X0, Y0, X0 + 120, Y0 + 15
    )
    rows = [("A", "Riool A", 2027, area), *_rows_q1()[1:]]
    _, _, plan = imported(path, wkt_delivery(tmp_path / "q2.csv", rows), mapping)
    assert [(c.table, c.new_table) for c in plan.changed] == [("works_lines", "works_areas")]
    after = works_by_ref(path, stakeholder)
    assert after["A"]["table"] == "works_areas" and after["A"]["work_id"] == before["work_id"]
    assert after["A"]["horizon_override"] == "long"
    assert after["A"]["geometry"].area == pytest.approx(1800)
    ids = [w["work_id"] for w in delivery.existing_works(path)]
    assert ids.count(before["work_id"]) == 1  # moved, not copied


def test_a_failed_import_leaves_the_programme_byte_for_byte_as_it_was(
    programme, tmp_path, monkeypatch
):
    path, stakeholder = programme
    source = wkt_delivery(tmp_path / "q1.csv", _rows_q1())
    mapping = wkt_mapping(stakeholder)
    report = delivery.check_source(path, delivery.read_source(source), mapping)
    plan = delivery.plan_delivery(path, report)
    before = digest(path)

    def broken(*args):
        raise RuntimeError("the disk went away")

    with pytest.raises(CancelledError):  # the user cancels after the first chunk
        delivery.write_delivery(path, report, plan, mapping, progress=lambda done: False)
    assert digest(path) == before
    monkeypatch.setattr(delivery.core, "decision_notes", broken)  # after the works' writes
    with pytest.raises(RuntimeError):
        delivery.write_delivery(path, report, plan, mapping)
    assert digest(path) == before
    assert works_by_ref(path, stakeholder) == {}
    assert delivery.load_profile(path, stakeholder) is None


def schema_one(path: Path) -> None:
    """Make the demo programme look as the plugin's first schema made it."""
    data = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    for index in range(data.GetLayerCount()):
        if data.GetLayer(index).GetName() == IMPORT_PROFILES.name:
            data.DeleteLayer(index)
            break
    data.ExecuteSQL('ALTER TABLE "decisions" DROP COLUMN "delivery_change"')
    data.ExecuteSQL('UPDATE "programme" SET schema_version = 1')
    data = None


def test_a_programme_of_the_first_schema_opens_and_is_upgraded_by_its_first_import(
    programme, tmp_path, project
):
    path, stakeholder = programme
    schema_one(path)
    assert open_programme(project, path).name  # still opens, in a project as well
    assert delivery.load_profile(path, stakeholder) is None
    assert "delivery_change" not in columns_of(path, DECISIONS.name)
    imported(path, wkt_delivery(tmp_path / "q1.csv", _rows_q1()), wkt_mapping(stakeholder))
    assert set(works_by_ref(path, stakeholder)) == {"A", "B", "D"}
    assert store.read_table(path, store.PROGRAMME)[0]["schema_version"] == SCHEMA_VERSION
    assert delivery.load_profile(path, stakeholder) == wkt_mapping(stakeholder)
    assert "delivery_change" in columns_of(path, DECISIONS.name)
    assert store.upgrade_programme(path) is False  # current now: not touched again


def columns_of(path, table) -> list[str]:
    data = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    names = [f.GetName() for f in data.GetLayerByName(table).schema]
    data = None
    return names


def test_the_algorithm_reports_a_dry_run_writes_nothing_and_the_next_run_uses_the_profile(
    programme, tmp_path, processing_run
):
    path, stakeholder = programme
    source = dutch_excel_csv(tmp_path / "vitens.csv", "cp1252")
    mapping = csv_mapping(stakeholder)
    report_path = tmp_path / "rapport.xlsx"
    parameters = {
        "PROGRAMME": str(path),
        "INPUT": str(source),
        "STAKEHOLDER": "vitens",
        "MAPPING": mapping.to_json(),
        "DRY_RUN": True,
        "REPORT": str(report_path),
    }
    before = digest(path)
    result = processing_run("programmakamer:importdelivery", parameters)
    assert digest(path) == before
    assert (result["ROWS_READ"], result["VALID"], result["WITH_PROBLEMS"]) == (5, 2, 3)
    assert (result["ADDED"], result["WRITTEN"]) == (2, 0)
    book = openpyxl.load_workbook(report_path)
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row}
    assert summary["Rows read"] == 5 and summary["Rows with problems (not imported)"] == 3
    assert summary["date cannot be read"] == 1
    problems = list(book["Problems"].iter_rows(values_only=True))[1:]
    assert [(row[0], row[3]) for row in problems] == [
        (4, "date cannot be read: 31-02-2027"),
        (5, "ends before it starts: 01-01-2028"),
        (6, "no geometry"),
    ]
    written = processing_run("programmakamer:importdelivery", {**parameters, "DRY_RUN": False})
    assert written["WRITTEN"] == 1 and set(works_by_ref(path, stakeholder)) == {"00123", "00124"}
    again = processing_run(
        "programmakamer:importdelivery", {**parameters, "DRY_RUN": False, "MAPPING": ""}
    )
    assert (again["ADDED"], again["CHANGED"], again["WITHDRAWN"]) == (0, 0, 0)
    with pytest.raises(QgsProcessingException, match="no stakeholder Eneco"):
        processing_run("programmakamer:importdelivery", {**parameters, "STAKEHOLDER": "Eneco"})


def test_the_report_and_messages_speak_dutch(programme, tmp_path, processing_run, dutch):
    path, stakeholder = programme
    source = dutch_excel_csv(tmp_path / "vitens.csv", "cp1252")
    report_path = tmp_path / "rapport.xlsx"
    processing_run(
        "programmakamer:importdelivery",
        {
            "PROGRAMME": str(path),
            "INPUT": str(source),
            "STAKEHOLDER": str(stakeholder),
            "MAPPING": csv_mapping(stakeholder).to_json(),
            "DRY_RUN": True,
            "REPORT": str(report_path),
        },
    )
    book = openpyxl.load_workbook(report_path)
    assert book.sheetnames[:2] == ["Samenvatting", "Problemen"]
    problems = [row[3] for row in list(book["Problemen"].iter_rows(values_only=True))[1:]]
    assert problems[0] == "datum niet te lezen: 31-02-2027"


def test_shapely_geometries_written_are_valid_multi_geometries(programme, tmp_path):
    """What the store reads back is what the rules read: valid, one kind per table."""
    path, stakeholder = programme
    imported(path, wkt_delivery(tmp_path / "q1.csv", _rows_q1()), wkt_mapping(stakeholder))
    shapes = [w["geometry"] for w in works_by_ref(path, stakeholder).values()]
    assert all(shapely.is_valid(s) and s.geom_type == "MultiLineString" for s in shapes)


def test_french_register_words_are_known_without_a_map_of_the_users_own(programme, tmp_path):
    path, stakeholder = programme
    source = french_city_table(tmp_path / "travaux.csv")
    mapping = DeliveryMapping(
        stakeholder_id=stakeholder,
        fields={
            "external_ref": Source("identifiant"),
            "title": Source("libelle"),
            "planned_start": Source("date_debut"),
            "planned_end": Source("date_fin"),
            "status": Source("statut"),
            "opens_ground": Source("fouille"),
        },
        geometry=GeometrySource("xy", x="lon", y="lat", crs="EPSG:4326"),
    )
    report = delivery.check_source(path, delivery.read_source(source), mapping)
    assert report.unknown_values["status"] == [("En attente d'arbitrage", 2)]
    assert report.unknown_values["flag"] == [("peut-être", 1)]
    read = {w["external_ref"]: (w["status"], w["opens_ground"]) for w in report.works}
    assert read["T-01"] == ("planned", False)
    assert read["T-03"] == ("cancelled", True)


@pytest.mark.parametrize("epoch", ["1900", "1904"])
def test_day_numbers_in_general_cells_are_read_in_the_workbooks_own_system(
    programme, tmp_path, epoch
):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    path, stakeholder = programme
    book = openpyxl.Workbook()
    if epoch == "1904":
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(["kenmerk", "titel", "start", "wkt"])
    line = "LINESTRING ({} {}, {} {})".format(X0, Y0, X0 + 100, Y0)
    sheet.append(["A1", "Riool", 45000, line])  # a date pasted as a plain number
    sheet.append(["A2", "Weg", "najaar 2027", line])
    source = tmp_path / "planning.xlsx"
    book.save(source)
    table = delivery.read_source(source)
    assert table.serial_system == epoch
    mapping = DeliveryMapping(
        stakeholder_id=stakeholder,
        fields={
            "external_ref": Source("kenmerk"),
            "title": Source("titel"),
            "planned_start": Source("start"),
            "status": Source(constant="planned"),
        },
        geometry=GeometrySource("wkt", column="wkt", crs="EPSG:28992"),
    )
    report = delivery.check_source(path, table, mapping)
    assert report.problems == []
    starts = {w["external_ref"]: (w["planned_start"], w["planned_end"]) for w in report.works}
    day = date(2023, 3, 15) if epoch == "1900" else date(2027, 3, 16)
    assert starts["A1"] == (day, day)
    assert starts["A2"] == (date(2027, 9, 1), date(2027, 11, 30))


def _refused_geometry(path, stakeholder, source, processing_run, kind) -> str:
    """The algorithm's sentence for a mapping whose geometry comes from `kind`."""
    mapping = dataclasses.replace(
        csv_mapping(stakeholder), geometry=GeometrySource(kind, column="Straat")
    )
    parameters = {
        "PROGRAMME": str(path),
        "INPUT": str(source),
        "STAKEHOLDER": str(stakeholder),
        "MAPPING": mapping.to_json(),
        "DRY_RUN": True,
        "REPORT": str(source.with_suffix(".xlsx")),
    }
    with pytest.raises(QgsProcessingException) as refused:
        processing_run("programmakamer:importdelivery", parameters)
    return str(refused.value)


def test_the_algorithm_sends_street_names_to_the_wizard_and_lists_every_geometry_kind(
    programme, tmp_path, processing_run
):
    path, stakeholder = programme
    source = dutch_excel_csv(tmp_path / "vitens.csv", "cp1252")
    before = digest(path)
    assert _refused_geometry(path, stakeholder, source, processing_run, "streets") == (
        "Street names are found on a street layer in the import wizard only: import this "
        "delivery with Plugins > Integrale Programmakamer > Import delivery…"
    )
    assert _refused_geometry(path, stakeholder, source, processing_run, "lines") == (
        "Unknown kind of geometry source: lines (source, wkt, geojson, xy, streets, none)."
    )
    assert digest(path) == before


def test_the_algorithm_sends_street_names_to_the_wizard_in_dutch(
    programme, tmp_path, processing_run, dutch
):
    path, stakeholder = programme
    source = dutch_excel_csv(tmp_path / "vitens.csv", "cp1252")
    assert _refused_geometry(path, stakeholder, source, processing_run, "streets") == (
        "Straatnamen worden alleen in de importwizard op een stratenlaag gevonden: importeer "
        "deze levering met Plugins > Integrale Programmakamer > Levering importeren…"
    )
    assert _refused_geometry(path, stakeholder, source, processing_run, "lines") == (
        "Onbekende soort geometriebron: lines (source, wkt, geojson, xy, streets, none)."
    )


def test_the_check_tells_its_progress_between_its_steps(programme, tmp_path):
    """So the wizard's Cancel is heard during a long check, not only after it."""
    path, stakeholder = programme
    table = delivery.read_source(wkt_delivery(tmp_path / "q1.csv", _rows_q1()))
    told = []
    report = delivery.check_source(path, table, wkt_mapping(stakeholder), progress=told.append)
    assert told == [0.1, 0.6] and report.rows_read == len(_rows_q1())
