"""The import wizard driven as a GIS specialist drives it, on a delivery as a water company
sends it: a Dutch Excel CSV (cp1252, semicolons, decimal commas, Dutch dates) with French
status and yes/no words and street names instead of geometry, found on the demo
programme's streets."""

from __future__ import annotations

import hashlib
from collections import defaultdict

import openpyxl
import pytest
from qgis.PyQt.QtWidgets import QMessageBox

from programmakamer.store import delivery
from programmakamer.store import programme as store
from programmakamer.ui.import_wizard import ImportWizard

HEADER = "Kenmerk;Omschrijving;Straat;Begindatum;Einddatum;Raming (€);Statut;Graafwerk"
ROWS = (
    "VIT-001;Vervangen waterleiding;Kerkstraat;01-03-2027;30-11-2027;125.000,50;prévu;oui",
    "VIT-002;Relining;Beukenln.;2028;;8500,75;en cours;oui",
    "VIT-003;Aansluitingen;Kastanjelaan;Q3 2027;;12,5;terminé;non",
    "VIT-004;Lekkage;Nergenshuizenpad;15-09-2027;;1000;à l'arrêt;oui",
    "VIT-005;Brandkranen;Lindenhof;03-04-05;;;suspendu;oui",
    "VIT-006;Meters;Kerkweg;mrt 2028;;2.500,00;suspendu;peut-être",
    "VIT-007;Hoofdleiding;Tulpenstrat;juni 2028;;;prévu;oui",
)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def delivery_csv(tmp_path):
    path = tmp_path / "vitens_q1.csv"
    path.write_bytes("\r\n".join((HEADER, *ROWS)).encode("cp1252") + b"\r\n")
    return path


@pytest.fixture()
def told(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    return said


def street_lengths(demo_city):
    lengths = defaultdict(float)
    for street in demo_city.streets:
        lengths[street["street_name"]] += street["geometry"].length
    return lengths


def open_wizard(path, iface, stakeholder, source):
    wizard = ImportWizard(iface, str(path))
    wizard.show()
    wizard.stakeholder_combo.setCurrentIndex(wizard.stakeholder_combo.findData(stakeholder))
    wizard.file_edit.setText(str(source))
    assert wizard.on_read_clicked()
    return wizard


def test_a_messy_delivery_is_mapped_checked_and_written_only_on_confirm(
    demo_programme, demo_city, project, qgis_iface, delivery_csv, tmp_path, told
):
    vitens = store.add_stakeholder(demo_programme, "Vitens", "drinking_water")["stakeholder_id"]
    wizard = open_wizard(demo_programme, qgis_iface, vitens, delivery_csv)
    # (GDAL completes the stakeholder table's feature count in the file at its first read
    # after add_stakeholder: the programme's bytes are taken once the wizard has read it)
    before = digest(demo_programme)
    assert wizard.profile_label.text().startswith("No saved field mapping for Vitens")

    # page 1: what was detected, and the rows as read
    assert (wizard.table.encoding, wizard.table.separator) == ("cp1252", ";")
    assert "cp1252" in wizard.detected_label.text() and "7 rows, 8 fields" in (
        wizard.detected_label.text()
    )
    assert wizard.preview_table.rowCount() == 7
    assert wizard.preview_table.horizontalHeaderItem(5).text() == "Raming (€)"
    assert wizard.preview_table.item(0, 5).text() == "125.000,50"
    assert wizard.preview_table.item(3, 6).text() == "à l'arrêt"

    # page 2: the suggested mapping, the unknown words with their counts, street names
    assert {
        name: wizard.mapped_field(name)
        for name in ("external_ref", "description", "location", "planned_start", "planned_end")
        + ("cost_estimate", "status", "opens_ground", "title")
    } == {
        "external_ref": "Kenmerk",
        "description": "Omschrijving",
        "location": "Straat",
        "planned_start": "Begindatum",
        "planned_end": "Einddatum",
        "cost_estimate": "Raming (€)",
        "status": "Statut",
        "opens_ground": "Graafwerk",
        "title": None,
    }
    assert wizard.unknown_words() == {
        "status": [("suspendu", 2), ("à l'arrêt", 1)],
        "flag": [("peut-être", 1)],
    }
    assert wizard.geometry_kind_combo.currentData() == "streets"
    assert wizard.street_combo.currentData() == "Straat"
    assert wizard.network_name_combo.currentData() == "street_name"
    title_combo = wizard.field_widgets["title"][0]
    title_combo.setCurrentIndex(title_combo.findData("Omschrijving"))
    wizard.choose_value("status", "suspendu", "planned")

    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()  # the street names are matched first, and the specialist looks at them
    assert wizard.currentPage() is wizard.mapping_page
    levels = {wizard.table.row_numbers[r]: m.level for r, m in wizard.matches.items()}
    assert levels == {
        2: "exact",
        3: "normalised",
        4: "fuzzy",
        5: "none",
        6: "exact",
        7: "exact",
        8: "fuzzy",
    }
    assert wizard.streets_table.rowCount() == 4  # every row that is not exact
    assert "1 not found" in wizard.match_label.text()
    kastanje = wizard.street_choice_combo(2)  # 77 % like Kastanjestraat: never taken silently
    assert kastanje.currentData() is None and 2 not in wizard.street_geometries
    assert kastanje.itemText(1) == "Kastanjestraat – 77"
    tulpen = wizard.street_choice_combo(6)  # 96 %: taken, and said
    assert tulpen.currentText() == "Tulpenstraat – 96"
    assert tulpen.count() == 1 + len(wizard.matches[6].candidates)  # no second Tulpenstraat
    kastanje.setCurrentIndex(1)
    assert digest(demo_programme) == before

    # page 3: the check, totals first
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    report = wizard.report
    assert (report.rows_read, report.valid, report.rows_with_problems) == (7, 4, 3)
    assert dict(report.totals()) == {
        "no_geometry": 1,
        "unknown_status": 1,
        "ambiguous_date": 1,
        "unknown_flag": 1,
    }
    assert wizard.totals_label.text().startswith("7 rows read: 4 valid, 3 with problems")
    shown = [
        [wizard.problems_table.item(r, c).text() for c in range(4)]
        for r in range(wizard.problems_table.rowCount())
    ]
    assert ["5", "Status", "unknown status: à l'arrêt", "no"] in shown
    assert ["6", "Planned start", "date can be read in two ways: 03-04-05", "no"] in shown
    target = tmp_path / "rapport.xlsx"
    wizard.save_report(str(target))
    summary = openpyxl.load_workbook(target)["Summary"]
    assert [summary.cell(r, 2).value for r in (2, 3, 4)] == [7, 4, 3]

    # page 4: the plan; page 5: nothing written before Import
    wizard.next()
    assert wizard.currentPage() is wizard.plan_page
    assert wizard.plan_label.text() == "4 works added, 0 changed, 0 withdrawn, 0 unchanged."
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    assert wizard.confirm_label.text().startswith("Nothing has been written yet.")
    assert digest(demo_programme) == before
    written = []
    wizard.delivery_written.connect(written.append)
    wizard.accept()
    assert told == [] and written == [str(demo_programme)]

    works = {
        w["external_ref"]: w
        for w in delivery.existing_works(demo_programme)
        if w["stakeholder_id"] == vitens
    }
    assert sorted(works) == ["VIT-001", "VIT-002", "VIT-003", "VIT-007"]
    lengths = street_lengths(demo_city)
    for ref, street in (
        ("VIT-001", "Kerkstraat"),
        ("VIT-002", "Beukenlaan"),
        ("VIT-003", "Kastanjestraat"),
        ("VIT-007", "Tulpenstraat"),
    ):
        assert works[ref]["geometry"].length == pytest.approx(lengths[street])
    first = works["VIT-001"]
    assert (first["title"], first["status"], first["opens_ground"]) == (
        "Vervangen waterleiding",
        "planned",
        True,
    )
    assert first["cost_estimate"] == pytest.approx(125000.5)
    assert str(first["planned_start"]) == "2027-03-01" and str(first["planned_end"]) == "2027-11-30"
    assert works["VIT-002"]["status"] == "in_execution"
    assert works["VIT-003"]["status"] == "done" and works["VIT-003"]["opens_ground"] is False

    profile = delivery.load_profile(demo_programme, vitens)
    assert profile.fields["title"].field == "Omschrijving"
    assert profile.value_maps == {
        "status": {"suspendu": "planned"},
        "street": {"Kastanjelaan\t": "Kastanjestraat\t"},
    }
    assert (profile.geometry.kind, profile.geometry.column) == ("streets", "Straat")

    # next quarter: the same delivery goes straight to the check with the saved mapping
    again = open_wizard(demo_programme, qgis_iface, vitens, delivery_csv)
    assert again.mapped_field("title") == "Omschrijving"
    again.next()
    again.next()
    assert again.currentPage() is again.check_page
    assert again.street_choice_combo(2).currentText() == "Kastanjestraat – 77"
    assert (again.report.valid, again.report.rows_with_problems) == (4, 3)
    assert again.plan_label.text() == "0 works added, 0 changed, 0 withdrawn, 4 unchanged."


def test_the_next_delivery_reuses_the_saved_mapping(
    demo_programme, project, qgis_iface, delivery_csv, told
):
    vitens = store.add_stakeholder(demo_programme, "Vitens", "drinking_water")["stakeholder_id"]
    first = open_wizard(demo_programme, qgis_iface, vitens, delivery_csv)
    title = first.field_widgets["title"][0]
    title.setCurrentIndex(title.findData("Omschrijving"))
    first.choose_value("flag", "peut-être", "false")
    first.geometry_kind_combo.setCurrentIndex(first.geometry_kind_combo.findData("none"))
    first.complete_check.setChecked(True)
    first.next()
    first.next()
    assert first.report.totals() == [
        ("no_geometry", 7),
        ("unknown_status", 3),
        ("ambiguous_date", 1),
    ]
    assert first.report.valid == 0
    first.next()
    first.next()
    first.accept()
    assert told == []

    again = open_wizard(demo_programme, qgis_iface, vitens, delivery_csv)
    assert again.profile_label.text() == "The field mapping of Vitens's last delivery is used."
    assert again.mapped_field("title") == "Omschrijving"
    assert again.geometry_kind_combo.currentData() == "none"
    assert again.unknown_words()["flag"] == [("peut-être", 1)]
    flag_row = next(
        r
        for r in range(again.values_table.rowCount())
        if again.values_table.item(r, 1).text() == "peut-être"
    )
    assert again.values_table.cellWidget(flag_row, 3).currentData() == "false"
    again.next()
    again.next()
    assert again.currentPage() is again.check_page
    assert again.report.totals() == first.report.totals()

    renamed = delivery_csv.with_name("vitens_q2.csv")
    renamed.write_bytes(delivery_csv.read_bytes().replace(b";Omschrijving;", b";Werk;"))
    later = open_wizard(demo_programme, qgis_iface, vitens, renamed)
    assert later.profile_label.text() == (
        "The field mapping of Vitens's last delivery is used, but this delivery has no "
        "column Omschrijving: choose what takes its place."
    )
    assert later.mapped_field("title") is None


def test_a_source_that_cannot_be_read_is_said_in_one_sentence(
    demo_programme, project, qgis_iface, tmp_path, told
):
    wizard = ImportWizard(qgis_iface, str(demo_programme))
    wizard.show()
    wizard.file_edit.setText(str(tmp_path / "nergens.csv"))
    assert not wizard.on_read_clicked()
    assert told == ["File not found: {}".format(tmp_path / "nergens.csv")]
    wizard.next()  # Next reads it too, and stays
    assert wizard.currentPage() is wizard.source_page and len(told) == 2
    wizard.close()


def test_the_panels_button_opens_the_wizard_and_the_panel_shows_the_imported_works(
    demo_programme, project, qgis_iface, delivery_csv, monkeypatch, told
):
    from qgis.PyQt.QtCore import Qt

    from programmakamer.store.layers import open_programme
    from programmakamer.ui.dock import ProgrammeDock

    vitens = store.add_stakeholder(demo_programme, "Vitens", "drinking_water")["stakeholder_id"]
    open_programme(project, demo_programme)
    panel = ProgrammeDock(qgis_iface, qgis_iface.mainWindow())
    qgis_iface.mainWindow().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.set_programme(str(demo_programme))
    works_before = len(panel.works.rows)

    def import_as_a_specialist(wizard):
        """What the specialist does in the wizard the button opened."""
        assert wizard.path == str(demo_programme)
        wizard.stakeholder_combo.setCurrentIndex(wizard.stakeholder_combo.findData(vitens))
        wizard.file_edit.setText(str(delivery_csv))
        wizard.on_read_clicked()
        title = wizard.field_widgets["title"][0]
        title.setCurrentIndex(title.findData("Omschrijving"))
        wizard.show()
        wizard.next()
        wizard.next()
        wizard.street_choice_combo(2).setCurrentIndex(1)
        for _ in range(3):
            wizard.next()
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(ImportWizard, "exec", import_as_a_specialist)
    panel.import_button.click()
    assert told == []
    assert len(panel.works.rows) == works_before + 4
    assert {r.title for r in panel.works.rows} >= {"Vervangen waterleiding", "Aansluitingen"}
    qgis_iface.mainWindow().removeDockWidget(panel)


def test_a_profile_with_street_names_is_refused_by_the_reader_that_cannot_match_them(
    demo_programme, delivery_csv
):
    """The algorithm reads a saved profile as it is: street names are matched in the
    wizard, so its reader says so instead of reporting every row without geometry."""
    from programmakamer.core.delivery import DeliveryMapping, GeometrySource, Source
    from programmakamer.store.errors import ProgrammeError

    mapping = DeliveryMapping(
        stakeholder_id=1,
        fields={"title": Source(field="Omschrijving")},
        geometry=GeometrySource("streets", column="Straat", place="Plaats", network="programme"),
    )
    assert DeliveryMapping.from_json(mapping.to_json()) == mapping
    assert mapping.source_fields() == {"Omschrijving", "Straat", "Plaats"}
    table = delivery.read_source(delivery_csv)
    table.fields.append("Plaats")
    with pytest.raises(ProgrammeError, match="in the import wizard only"):
        delivery.check_source(demo_programme, table, mapping)


def test_a_loaded_layer_in_wgs84_is_read_with_its_own_geometry(
    demo_programme, project, qgis_iface, tmp_path, told
):
    """A developer's GeoJSON, loaded in QGIS: its own geometry (one feature without),
    transformed from WGS84 into the programme's CRS."""
    import json

    from osgeo import osr
    from qgis.core import QgsVectorLayer

    rd, wgs = osr.SpatialReference(), osr.SpatialReference()
    rd.ImportFromEPSG(28992)
    wgs.ImportFromEPSG(4326)
    for reference in (rd, wgs):
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    corners = [(155000, 463000), (155100, 463000), (155100, 463080), (155000, 463080)]
    ring = [list(p[:2]) for p in osr.CoordinateTransformation(rd, wgs).TransformPoints(corners)]
    source = tmp_path / "kwekerij.geojson"
    source.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"ref": "KW-1", "name": "Bouwrijp maken", "year": "2028"},
                        "geometry": {"type": "Polygon", "coordinates": [ring + ring[:1]]},
                    },
                    {
                        "type": "Feature",
                        "properties": {"ref": "KW-2", "name": "Woonrijp maken", "year": "2030"},
                        "geometry": None,
                    },
                ],
            }
        )
    )
    layer = QgsVectorLayer(str(source), "Kwekerij", "ogr")
    project.addMapLayer(layer)
    developer = next(
        s["stakeholder_id"]
        for s in store.read_stakeholders(demo_programme)
        if s["name"] == "Projectontwikkelaar"
    )
    wizard = ImportWizard(qgis_iface, str(demo_programme))
    wizard.show()
    wizard.stakeholder_combo.setCurrentIndex(wizard.stakeholder_combo.findData(developer))
    wizard.layer_combo.setCurrentIndex(wizard.layer_combo.findData(layer.id()))
    wizard.next()
    assert told == [] and wizard.currentPage() is wizard.mapping_page
    assert "Coordinates in EPSG:4326." in wizard.detected_label.text()
    assert wizard.geometry_kind_combo.currentData() == "source"
    assert (wizard.mapped_field("external_ref"), wizard.mapped_field("planned_start")) == (
        "ref",
        "year",
    )
    title = wizard.field_widgets["title"][0]
    title.setCurrentIndex(title.findData("name"))
    wizard.field_widgets["status"][1].setText("gepland")  # a constant: every work planned
    wizard.complete_check.setChecked(False)  # news only: the developer's other works stay
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    assert (wizard.report.valid, dict(wizard.report.totals())) == (1, {"no_geometry": 1})
    [work] = wizard.report.works
    assert work["geometry"].area == pytest.approx(100 * 80, rel=1e-3)
    assert wizard.plan_label.text() == "1 works added, 0 changed, 0 withdrawn, 0 unchanged."


def test_the_plugin_menu_opens_the_wizard_on_the_open_programme(
    demo_programme, project, qgis_iface, without_provider, monkeypatch
):
    import programmakamer
    from programmakamer.store.layers import open_programme

    from .test_plugin import RecordingIface

    iface = RecordingIface(qgis_iface)
    plugin = programmakamer.classFactory(iface)
    plugin.initGui()
    try:
        [action] = [a for _, a in iface.menu if a.text() == "Import delivery…"]
        said = []
        monkeypatch.setattr(
            qgis_iface.messageBar(), "pushMessage", lambda *args: said.append(args[1])
        )
        action.trigger()  # no programme open: said, no wizard
        assert said == ["Open a programme first."]
        opened = []
        monkeypatch.setattr(ImportWizard, "exec", lambda wizard: opened.append(wizard.path))
        open_programme(project, demo_programme)
        action.trigger()
        assert opened == [str(demo_programme)]
    finally:
        plugin.unload()


def at_rest(path) -> tuple[str, str]:
    """The programme's hash but for the SQLite header fields QGIS itself rewrites when it
    opens a GeoPackage for update and closes it (journal mode WAL and back to delete, and
    the change counters), and the hash of its full SQL dump (what a WAL file holds too)."""
    import sqlite3

    data = bytearray(path.read_bytes())
    for start, end in ((18, 20), (24, 28), (92, 96)):
        data[start:end] = bytes(end - start)
    with sqlite3.connect(path) as connection:
        dump = "\n".join(connection.iterdump())
    return hashlib.sha256(data).hexdigest(), hashlib.sha256(dump.encode()).hexdigest()


def large_delivery(path, demo_city, rows: int):
    """A grid operator's list of cable joints as x/y points (RD New) inside the city."""
    import shapely

    west, south, east, north = shapely.total_bounds([s["geometry"] for s in demo_city.streets])
    lines = ["kenmerk;titel;status;startjaar;x;y"]
    for i in range(rows):
        x = west + (east - west) * (0.2 + 0.6 * ((i * 7919) % rows) / rows)
        y = south + (north - south) * (0.2 + 0.6 * ((i * 104729) % rows) / rows)
        lines.append(
            "LS-{:05d};Kabelmof {};gepland;{};{:.2f};{:.2f}".format(i, i, 2027 + i % 4, x, y)
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_large_write_runs_in_a_task_that_cancel_rolls_back_whole(
    demo_programme, demo_city, project, qgis_iface, tmp_path, told
):
    """20,000 rows written behind a progress dialog with Cancel: the window paints
    meanwhile, Cancel leaves the programme byte for byte as it was and the wizard usable,
    and Import again writes every row."""
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QPushButton

    grid = store.add_stakeholder(demo_programme, "Netbeheerder", "electricity")["stakeholder_id"]
    source = large_delivery(tmp_path / "moffen.csv", demo_city, 20_000)
    wizard = open_wizard(demo_programme, qgis_iface, grid, source)
    assert wizard.geometry_kind_combo.currentData() == "xy"
    for _ in range(4):
        wizard.next()
    assert told == [] and wizard.currentPage() is wizard.confirm_page
    assert wizard.report.valid == 20_000, wizard.report.totals()
    before = at_rest(demo_programme)

    cancelling = []
    seen = []  # the progress the dialog showed, sampled by the main thread's event loop

    def cancel_once_written_in_part():
        busy = wizard.busy
        if busy is not None and busy.isVisible():
            seen.append(busy.value())
            if busy.value() > 0 and busy.labelText().startswith("Writing"):
                busy.findChild(QPushButton).click()
                QTest.keyClick(busy, Qt.Key.Key_Escape)  # the wizard stays out of reach
                cancelling.append((busy.labelText(), busy.isVisible()))

    timer = QTimer()
    timer.timeout.connect(cancel_once_written_in_part)
    timer.start(5)
    wizard.accept()
    timer.stop()
    assert any(0 < value < 100 for value in seen)
    assert cancelling == [("Cancelling…", True)]
    assert at_rest(demo_programme) == before
    assert told == [] and wizard.isVisible() and wizard.currentPage() is wizard.confirm_page
    assert wizard.confirm_label.text().startswith(
        "Cancelled: the programme is as it was. Nothing has been written yet. Import writes "
        "20000 new works"
    )

    wizard.accept()
    assert told == [] and not wizard.isVisible()
    refs = [
        w["external_ref"]
        for w in delivery.existing_works(demo_programme)
        if w["stakeholder_id"] == grid
    ]
    assert len(refs) == 20_000 and len(set(refs)) == 20_000


def test_the_values_page_and_the_check_read_each_word_through_the_one_interpretation(
    demo_programme, demo_city, project, qgis_iface, tmp_path, told
):
    """A French city's table: its known status words (prévu, en cours, annulé) are neither
    listed as unknown nor copied into the mapping; its unknown one (reporté) is listed with
    its count, and the check finds what the page showed."""
    street = demo_city.streets[0]["geometry"].wkt
    rows = [("prévu", 3), ("en cours", 1), ("annulé", 1), ("reporté", 2)]
    lines = ["reference;intitule;statut;annee;wkt"]
    for status, count in rows:
        for i in range(count):
            lines.append('{}-{};Chaussée;{};2028;"{}"'.format(status[:3], i, status, street))
    source = tmp_path / "ville.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sewer = store.add_stakeholder(demo_programme, "Assainissement", "sewer")["stakeholder_id"]
    wizard = open_wizard(demo_programme, qgis_iface, sewer, source)
    for name, column in (
        ("external_ref", "reference"),
        ("title", "intitule"),
        ("status", "statut"),
    ):
        combo = wizard.field_widgets[name][0]
        combo.setCurrentIndex(combo.findData(column))
    assert wizard.unknown_words() == {"status": [("reporté", 2)]}
    wizard.next()
    wizard.next()
    assert told == [] and wizard.currentPage() is wizard.check_page
    assert wizard.check_mapping.value_maps == {}  # only the specialist's own words travel
    assert wizard.report.unknown_values == {"status": [("reporté", 2)]}
    assert (wizard.report.valid, dict(wizard.report.totals())) == (5, {"unknown_status": 2})


def test_a_click_while_a_long_step_runs_waits_its_turn(
    demo_programme, project, qgis_iface, delivery_csv, told
):
    """Next clicked again before the progress dialog shows starts no second check inside
    the first one."""
    from qgis.PyQt.QtCore import QTimer

    vitens = store.add_stakeholder(demo_programme, "Vitens", "drinking_water")["stakeholder_id"]
    wizard = open_wizard(demo_programme, qgis_iface, vitens, delivery_csv)
    wizard.geometry_kind_combo.setCurrentIndex(wizard.geometry_kind_combo.findData("none"))
    wizard.next()
    clicked = []

    def click_next_again():
        if wizard.busy is not None and not clicked:
            clicked.append(wizard.validateCurrentPage())

    timer = QTimer()
    timer.timeout.connect(click_next_again)
    timer.start(0)
    wizard.next()
    timer.stop()
    assert clicked == [False] and told == []
    assert wizard.currentPage() is wizard.check_page and wizard.report.rows_read == 7
