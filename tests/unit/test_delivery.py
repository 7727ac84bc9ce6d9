"""A delivery interpreted and checked row by row, and a re-import planned, in plain data."""

from datetime import date, datetime

import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from programmakamer.core.delivery import (
    AmbiguousNumberError,
    DeliveryMapping,
    GeometrySource,
    MappingError,
    ProgrammeFacts,
    Source,
    SourceTable,
    check_delivery,
    decimal_of,
    decision_notes,
    plan_reimport,
    read_number,
)

STAKEHOLDERS = [
    {"stakeholder_id": 1, "name": "Gemeente – Riolering", "discipline": "sewer"},
    {"stakeholder_id": 2, "name": "Stedin", "discipline": "electricity"},
]
FACTS = ProgrammeFacts(STAKEHOLDERS, 2027, box(0, 0, 1000, 1000))
FIELDS = ["kenmerk", "omschrijving", "start", "eind", "status", "kosten", "graaft", "partij"]


def source_table(rows, geometries=None):
    dicts = [dict(zip(FIELDS, row)) for row in rows]
    if geometries is None:
        geometries = [
            shapely.to_wkb(LineString([(10, 10 * i), (90, 10 * i)])) for i in range(len(rows))
        ]
    return SourceTable(
        path="/tmp/riolering.csv",
        fields=FIELDS,
        rows=dicts,
        row_numbers=list(range(2, len(rows) + 2)),
        geometries=geometries,
    )


def mapping(**extra):
    fields = {
        "external_ref": Source("kenmerk"),
        "title": Source("omschrijving"),
        "planned_start": Source("start"),
        "planned_end": Source("eind"),
        "status": Source("status"),
        "cost_estimate": Source("kosten"),
        "opens_ground": Source("graaft"),
    }
    return DeliveryMapping(stakeholder_id=extra.pop("stakeholder_id", 1), fields=fields, **extra)


def row(ref, title="Vervangen riool", start="2027", end=None, status="gepland", cost=None):
    return (ref, title, start, end, status, cost, "ja", None)


def codes(report, position):
    return sorted(p.code for p in report.problems if p.row == position)


def test_dutch_numbers_are_read_and_an_undecided_thousands_point_is_never_guessed():
    assert read_number("125.000,50") == 125000.5
    assert read_number("12,5") == 12.5
    assert read_number("1,234.56") == 1234.56
    assert read_number("EUR 12 500") == 12500
    assert read_number("0,125") == 0.125
    assert read_number(" ") is None
    assert read_number("12.500", ",") == 12500
    assert read_number("12.500", ".") == 12.5
    with pytest.raises(AmbiguousNumberError):
        read_number("12.500")
    for text in ("abc", "1,23,4", "12-5"):
        with pytest.raises(ValueError):
            read_number(text)
    assert decimal_of(["12.500", "3,5", None]) == ","
    assert decimal_of(["12.500", "7"]) is None
    assert decimal_of(["1.5", "2,5"]) is None  # contradicting: undecided


def test_each_row_problem_is_told_with_its_row_number_and_keeps_the_row_out():
    table = source_table(
        [
            row("00123", start="01-03-2027", end="30-11-2027", cost="125.000,50"),
            row("00124", start="31-02-2027"),  # no such date
            row("00125", start="2028", end="2027"),  # ends before it starts
            row("00126", status="Werk gestaakt"),  # unknown status
            row("00127", title=None),  # required title missing
            row("00128", cost="duur"),
            row("00129", start="03-04-05"),  # ambiguous: never guessed
        ]
    )
    report = check_delivery(table, mapping(), FACTS)
    assert (report.rows_read, report.valid, report.rows_with_problems) == (7, 1, 6)
    assert [w["external_ref"] for w in report.works] == ["00123"]
    work = report.works[0]
    assert (work["planned_start"], work["start_precision"]) == (date(2027, 3, 1), "day")
    assert (work["planned_end"], work["cost_estimate"]) == (date(2027, 11, 30), 125000.5)
    assert work["discipline"] == "sewer"  # the stakeholder's, as the programme's default
    assert work["opens_ground"] is True and work["horizon"] == "short"
    assert codes(report, 1) == ["unreadable_date"]
    assert codes(report, 2) == ["end_before_start"]
    assert codes(report, 3) == ["unknown_status"]
    assert codes(report, 4) == ["missing_required"]
    assert codes(report, 5) == ["unreadable_number"]
    assert codes(report, 6) == ["ambiguous_date"]
    assert [p.row_number for p in report.problems_of("unreadable_date")] == [3]
    assert report.unknown_values == {"status": [("Werk gestaakt", 1)]}
    assert dict(report.totals())["unreadable_date"] == 1


def test_a_year_alone_covers_the_whole_year():
    report = check_delivery(source_table([row("1", start="2028")]), mapping(), FACTS)
    work = report.works[0]
    assert (work["planned_start"], work["planned_end"]) == (date(2028, 1, 1), date(2028, 12, 31))
    assert work["start_precision"] == work["end_precision"] == "year"


def test_a_reference_twice_refuses_both_rows_and_the_users_value_map_wins():
    table = source_table([row("A1"), row("A1"), row("A2", status="In uitvoering (fase 2)")])
    own = mapping(value_maps={"status": {"in uitvoering (fase 2)": "in_execution"}})
    report = check_delivery(table, own, FACTS)
    assert codes(report, 0) == codes(report, 1) == ["duplicate_reference"]
    assert [(w["external_ref"], w["status"]) for w in report.works] == [("A2", "in_execution")]


def test_geometries_missing_repaired_of_mixed_kinds_or_outside_the_municipality():
    bowtie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])
    far = LineString([(5000, 5000), (5100, 5000)])
    mixed = shapely.GeometryCollection([Point(5, 5), LineString([(0, 0), (9, 9)])])
    geometries = [shapely.to_wkb(g) if g is not None else None for g in (bowtie, None, far, mixed)]
    table = source_table([row("1"), row("2"), row("3"), row("4")], geometries)
    report = check_delivery(table, mapping(), FACTS)
    assert codes(report, 0) == ["geometry_repaired"]
    assert codes(report, 1) == ["no_geometry"]
    assert codes(report, 2) == ["outside_municipality"]
    assert codes(report, 3) == ["mixed_geometry"]
    assert report.valid == 1 and report.rows_with_warnings == 1
    repaired = report.works[0]["geometry"]
    assert repaired.is_valid and repaired.area == pytest.approx(5000)
    assert report.works[0]["kind"] == "polygon"


def test_stakeholders_named_per_row_by_name_id_or_the_users_word():
    table = source_table(
        [
            ("1", "a", "2027", None, "gepland", None, None, "stedin"),
            ("2", "b", "2027", None, "gepland", None, None, "1"),
            ("3", "c", "2027", None, "gepland", None, None, "Netbeheerder"),
            ("4", "d", "2027", None, "gepland", None, None, "Enexis"),
        ]
    )
    per_row = mapping(stakeholder_id=None, value_maps={"stakeholder": {"netbeheerder": "2"}})
    per_row.fields["stakeholder_id"] = Source("partij")
    report = check_delivery(table, per_row, FACTS)
    assert [w["stakeholder_id"] for w in report.works] == [2, 1, 2]
    assert [w["discipline"] for w in report.works] == ["electricity", "sewer", "electricity"]
    assert codes(report, 3) == ["unknown_stakeholder"]
    assert report.stakeholder_ids == (1, 2)


def test_a_mapping_survives_json_and_a_wrong_one_is_refused_with_its_reason():
    given = mapping(
        value_maps={"flag": {"oui": "true"}},
        geometry=GeometrySource("xy", x="lon", y="lat", crs="EPSG:4326"),
    )
    given.fields["status"] = Source(constant="planned")
    assert DeliveryMapping.from_json(given.to_json()) == given
    short = DeliveryMapping.from_json('{"fields": {"title": "omschrijving"}}')
    assert short.fields == {"title": Source("omschrijving")}
    for text, code in (
        ("{", "not_json"),
        ('{"fields": {"work_id": "id"}}', "not_mappable"),
        ('{"fields": {"horizon_override": "h"}}', "not_mappable"),
        ('{"geometry": {"kind": "wkt"}}', "geometry_column"),
        ('{"fields": {"title": {"colour": 1}}}', "not_a_mapping"),
    ):
        with pytest.raises(MappingError) as refused:
            DeliveryMapping.from_json(text)
        assert refused.value.code == code


def existing_work(fid, ref, work_id, start, geometry, **extra):
    return {
        "fid": fid,
        "table": "works_lines",
        "work_id": work_id,
        "stakeholder_id": extra.pop("stakeholder_id", 1),
        "external_ref": ref,
        "title": extra.pop("title", "Vervangen riool"),
        "planned_start": date(start, 1, 1),
        "start_precision": "year",
        "planned_end": date(start, 12, 31),
        "end_precision": "year",
        "status": extra.pop("status", "planned"),
        "opens_ground": True,
        "cost_estimate": None,
        "horizon": "short",
        "horizon_override": extra.pop("horizon_override", None),
        "geometry": geometry,
        **extra,
    }


def test_a_reimport_adds_changes_field_by_field_and_withdraws_within_the_stakeholder():
    line = LineString([(10, 10), (90, 10)])
    existing = [
        existing_work(1, "A", "W-0000000a", 2027, line, horizon_override="long"),
        existing_work(2, "B", "W-0000000b", 2027, LineString([(10, 20), (90, 20)])),
        existing_work(3, "D", "W-0000000d", 2027, line),
        existing_work(4, "E", "W-0000000e", 2027, line, status="withdrawn"),
        existing_work(5, "X", "W-0000000x", 2027, line, stakeholder_id=2),
    ]
    geometries = [
        shapely.to_wkb(line),
        shapely.to_wkb(LineString([(10, 25), (90, 25)])),
        shapely.to_wkb(line),
        shapely.to_wkb(line),
    ]
    incoming = check_delivery(
        source_table(
            [row("A", start="2029"), row("B"), row("C"), row("E", status="gepland")], geometries
        ),
        mapping(),
        FACTS,
    )
    plan = plan_reimport(existing, incoming, reference_year=2027)
    assert [w["external_ref"] for w in plan.added] == ["C"]
    assert plan.added[0]["work_id"].startswith("W-") and len(plan.added[0]["work_id"]) == 10
    changed = {c.external_ref: c for c in plan.changed}
    assert set(changed) == {"A", "B", "E"}
    fields_of_a = {c.field: (c.old, c.new) for c in changed["A"].changes}
    assert fields_of_a["planned_start"] == (date(2027, 1, 1), date(2029, 1, 1))
    assert fields_of_a["horizon"] == ("short", "medium")
    assert "horizon_override" not in fields_of_a and "title" not in fields_of_a
    assert changed["A"].what_changed == ("period",) and changed["A"].geometry is None
    assert changed["B"].changes == [] and changed["B"].what_changed == ("place",)
    assert {c.field: c.new for c in changed["E"].changes}["status"] == "planned"
    assert [w.external_ref for w in plan.withdrawn] == ["D"]  # never X, another stakeholder's
    news_only = plan_reimport(existing, incoming, reference_year=2027, complete=False)
    assert news_only.withdrawn == [] and len(news_only.changed) == 3


def test_the_same_delivery_again_changes_nothing():
    line = LineString([(10, 10), (90, 10)])
    existing = [existing_work(1, "A", "W-0000000a", 2027, shapely.MultiLineString([line]))]
    incoming = check_delivery(source_table([row("A")], [shapely.to_wkb(line)]), mapping(), FACTS)
    existing[0]["cost_estimate"] = None
    plan = plan_reimport(existing, incoming, reference_year=2027)
    assert plan.empty and plan.unchanged == 1


def test_decisions_on_a_moved_work_or_its_findings_get_a_note_and_keep_older_notes():
    line = LineString([(10, 10), (90, 10)])
    existing = [
        existing_work(1, "A", "W-0000000a", 2027, line),
        existing_work(2, "B", "W-0000000b", 2027, line),
    ]
    incoming = check_delivery(
        source_table([row("A", start="2030"), row("B", title="Nieuw")], [shapely.to_wkb(line)] * 2),
        mapping(),
        FACTS,
    )
    plan = plan_reimport(existing, incoming, reference_year=2027)
    decisions = [
        {"fid": 1, "finding_id": None, "work_id": "W-0000000a", "delivery_change": None},
        {"fid": 2, "finding_id": "combine-1", "work_id": None, "delivery_change": "eerder"},
        {"fid": 3, "finding_id": "clash-9", "work_id": None, "delivery_change": None},
        {"fid": 4, "finding_id": None, "work_id": "W-0000000b", "delivery_change": None},
    ]
    findings = [
        {"finding_id": "combine-1", "work_a": "W-0000000z", "work_b": "W-0000000a"},
        {"finding_id": "clash-9", "work_a": "W-0000000b", "work_b": "W-0000000z"},
    ]
    notes = decision_notes(decisions, findings, plan, datetime(2027, 4, 1, 10, 0))
    assert notes == {
        1: "2027-04-01 riolering.csv: W-0000000a period",
        2: "eerder\n2027-04-01 riolering.csv: W-0000000a period",
    }  # B's title changed, not its period or place: its decisions stand as they were
