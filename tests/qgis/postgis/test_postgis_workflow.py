"""The panel, the export, the import and the horizons run unchanged on a PostGIS programme:
the demo copied to PostGIS gives what its GeoPackage gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QEvent, Qt

from programmakamer.core.schema import WORK_TABLES
from programmakamer.export.memo_tables import build_memo_tables
from programmakamer.store import copies, delivery
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.copies import copy_programme
from programmakamer.store.horizon_moves import HorizonMoves
from programmakamer.store.layers import STAKEHOLDER_PROPERTY, open_programme, programme_group
from programmakamer.store.location import postgis_schema
from programmakamer.ui.dock import ProgrammeDock

from ..test_import import csv_mapping, dutch_excel_csv, imported, works_by_ref
from .conftest import SERVICE


@pytest.fixture()
def both(demo_programme, pg_location):
    """The analysed demo programme as a GeoPackage and copied to PostGIS."""
    analyse_programme(demo_programme)
    copies.copy_programme(demo_programme, pg_location)
    return demo_programme, pg_location


def _in_postgis(location) -> dict:
    return {"SERVICE": SERVICE, "SCHEMA": postgis_schema(location)}


def _workbook(path: Path) -> dict:
    book = load_workbook(path, read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def test_the_memo_tables_of_a_postgis_programme_are_those_of_its_geopackage(both):
    geopackage, postgis = both
    assert build_memo_tables(postgis) == build_memo_tables(geopackage)


def test_exportprogramme_writes_the_board_memo_of_a_postgis_programme(
    both, processing_run, tmp_path
):
    geopackage, postgis = both
    parameters = {"DPI": 30, "PAGES": [0]}
    from_postgis = processing_run(
        "programmakamer:exportprogramme",
        {**parameters, **_in_postgis(postgis), "OUTPUT": str(tmp_path / "pg")},
    )
    from_geopackage = processing_run(
        "programmakamer:exportprogramme",
        {**parameters, "PROGRAMME": str(geopackage), "OUTPUT": str(tmp_path / "gpkg")},
    )
    assert from_postgis["PAGE_COUNT"] == from_geopackage["PAGE_COUNT"] == 1
    assert Path(from_postgis["PDF"]).stat().st_size > 10_000
    assert _workbook(Path(from_postgis["WORKBOOK"])) == _workbook(Path(from_geopackage["WORKBOOK"]))


def test_a_programme_named_twice_or_not_at_all_is_refused(both, processing_run, tmp_path):
    from qgis.core import QgsProcessingException

    geopackage, postgis = both
    with pytest.raises(QgsProcessingException, match="either"):
        processing_run(
            "programmakamer:assignhorizons", {"PROGRAMME": str(geopackage), **_in_postgis(postgis)}
        )
    with pytest.raises(QgsProcessingException, match="GeoPackage file, or a schema"):
        processing_run("programmakamer:assignhorizons", {})


def test_a_csv_delivery_imports_into_postgis_as_into_the_geopackage(both, tmp_path):
    source = dutch_excel_csv(tmp_path / "levering.csv", "cp1252")
    found = {}
    for location in both:
        record = store.add_stakeholder(location, "Vitens", "drinking_water")
        _, report, plan = imported(location, source, csv_mapping(record["stakeholder_id"]))
        works = works_by_ref(location, record["stakeholder_id"])
        found[location] = (
            len(report.problems),
            sorted(
                (ref, w["title"], w["planned_start"], w["cost_estimate"], w["status"])
                for ref, w in works.items()
            ),
        )
        assert delivery.load_profile(location, record["stakeholder_id"]) is not None
    geopackage, postgis = both
    assert found[postgis] == found[geopackage]
    assert len(found[postgis][1]) == 2  # the rows without a problem that stops them


def test_importdelivery_writes_into_a_postgis_programme(both, processing_run, tmp_path):
    _, postgis = both
    record = store.add_stakeholder(postgis, "Vitens", "drinking_water")
    source = dutch_excel_csv(tmp_path / "levering.csv", "utf-8-sig")
    result = processing_run(
        "programmakamer:importdelivery",
        {
            **_in_postgis(postgis),
            "INPUT": str(source),
            "STAKEHOLDER": "Vitens",
            "MAPPING": csv_mapping(record["stakeholder_id"]).to_json(),
            "REPORT": str(tmp_path / "rapport.xlsx"),
        },
    )
    assert (result["WRITTEN"], result["ADDED"]) == (1, 2)
    assert len(works_by_ref(postgis, record["stakeholder_id"])) == 2


def _horizons(location) -> list:
    return sorted(
        (r["work_id"], r["horizon"], r["horizon_override"])
        for t in WORK_TABLES
        for r in store.read_table(location, t)
    )


def test_assignhorizons_moves_the_same_works_in_postgis(both, processing_run):
    geopackage, postgis = both
    for location in both:
        report = store.assign_horizons(location, 2030, save_year=True)
        assert report.moved > 10
    assert _horizons(postgis) == _horizons(geopackage)
    assert store.read_programme(postgis).reference_year == 2030
    result = processing_run("programmakamer:assignhorizons", _in_postgis(postgis))
    assert result["MOVED"] == 0


def test_a_horizon_move_is_saved_to_postgis_through_the_edit_buffer(both, project):
    _, postgis = both
    open_programme(project, postgis)
    layer = next(
        node.layer()
        for node in programme_group(project, postgis).findLayers()
        if node.layer().customProperty(STAKEHOLDER_PROPERTY) is not None
        and "works_lines" in node.layer().source()
        and node.layer().featureCount() > 3
    )
    feature = min(layer.getFeatures(), key=lambda f: f.id())
    moves = HorizonMoves()
    moves.move({layer: [feature.id()]}, "long", "Wacht op het warmtenet")
    assert moves.conflicts(layer) == []
    assert layer.commitChanges(), layer.commitErrors()
    saved = next(
        r for r in store.read_table(postgis, WORK_TABLES[0]) if r["work_id"] == feature["work_id"]
    )
    assert (saved["horizon_override"], saved["horizon_reason"]) == (
        "long",
        "Wacht op het warmtenet",
    )


@pytest.fixture()
def pg_dock(both, project, qgis_iface):
    _, postgis = both
    open_programme(project, postgis)
    panel = ProgrammeDock(qgis_iface, qgis_iface.mainWindow())
    qgis_iface.mainWindow().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.set_programme(postgis)
    yield panel
    for layer in panel.map_link.work_layers():
        if layer.isEditable():
            layer.rollBack()
    qgis_iface.mainWindow().removeDockWidget(panel)
    panel.deleteLater()


def test_the_panel_opens_a_postgis_programme_and_lists_its_works_and_findings(pg_dock, both):
    geopackage, postgis = both
    assert pg_dock.path == postgis
    works = {r["work_id"] for t in WORK_TABLES for r in store.read_table(geopackage, t)}
    model = pg_dock.works_tab.works_filter
    assert model.rowCount() == len(works) > 100
    shown = {model.data(model.index(i, 0), Qt.ItemDataRole.DisplayRole) for i in range(3)}
    assert shown and None not in shown
    assert pg_dock.findings_tab.findings_view.model().rowCount() > 50


def test_the_panel_names_a_postgis_programme_to_an_algorithm_as_the_user_did(
    pg_location, qgis_connection, schema_name
):
    from programmakamer.processing.postgis_parameters import programme_parameters
    from programmakamer.store import postgis

    assert programme_parameters(pg_location) == {"SERVICE": SERVICE, "SCHEMA": schema_name}
    through_qgis = postgis.location_of(schema_name, connection=qgis_connection)
    assert programme_parameters(through_qgis) == {
        "DATABASE": qgis_connection,
        "SCHEMA": schema_name,
    }
    assert programme_parameters("/data/programma.gpkg") == {"PROGRAMME": "/data/programma.gpkg"}


def test_action_lists_and_the_web_map_of_a_postgis_programme_are_those_of_its_geopackage(
    both, processing_run, tmp_path
):
    geopackage, postgis = both
    results = {}
    for name, location in (("gpkg", geopackage), ("pg", postgis)):
        named = _in_postgis(location) if location == postgis else {"PROGRAMME": str(location)}
        lists = processing_run(
            "programmakamer:exportactionlists", {**named, "OUTPUT": str(tmp_path / name / "al")}
        )
        web = processing_run(
            "programmakamer:publishprogramme", {**named, "OUTPUT": str(tmp_path / name / "web")}
        )
        results[name] = (
            lists["LIST_COUNT"],
            _workbook(Path(lists["WORKBOOK"])),
            web["WORKS"],
            web["FINDINGS"],
            sorted(p.name for p in (tmp_path / name / "web").iterdir()),
        )
    assert results["pg"] == results["gpkg"]
    assert results["pg"][0] > 3 and results["pg"][2] > 100


def test_a_reanalysis_of_postgis_stamps_the_findings_found_again_in_one_statement(both):
    import time
    from datetime import datetime

    from programmakamer.core.schema import FINDINGS

    _, postgis = both
    analyse_programme(postgis)
    time.sleep(1.1)
    before = datetime.now().replace(microsecond=0)
    again = analyse_programme(postgis)
    rows = copies.read_rows(postgis, FINDINGS)
    assert again.written.unchanged == len(rows) > 50
    assert all(r["last_found"] >= before > r["first_found"] for r in rows)


def _select(view, row: int) -> None:
    from qgis.PyQt.QtCore import QItemSelectionModel

    index = view.model().index(row, 0)
    view.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def _retitle(location, table_name: str, fid: int, title: str) -> None:
    from psycopg2 import sql

    from programmakamer.store.postgis import transaction

    with transaction(location) as cursor:
        cursor.execute(
            sql.SQL("UPDATE {} SET title = %s WHERE fid = %s").format(
                sql.Identifier(postgis_schema(location), table_name)
            ),
            (title, fid),
        )


def test_the_panel_shows_a_works_history_and_puts_it_back_as_it_was(pg_dock, both):
    _, postgis = both
    view = pg_dock.works_tab.works_view
    assert pg_dock.works_tab.history_button.isVisibleTo(pg_dock)
    _select(view, 0)
    work = pg_dock.works_tab.selected_rows()[0]
    table_name, fid = work.features[0]
    _retitle(postgis, table_name, fid, "Riool en kabels samen")
    _retitle(postgis, table_name, fid, "Alleen kabels")

    pg_dock.works_tab.history_button.click()
    dialog = pg_dock.history_dialog
    model = dialog.history
    texts = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    # a copied programme starts its history at the copy: two changes since
    assert [t[2] for t in texts] == ["changed", "changed"]
    assert texts[0][3] == "Title: {} → Riool en kabels samen".format(work.title)
    assert texts[1][3] == "Title: Riool en kabels samen → Alleen kabels"
    assert texts[0][1] == texts[1][1] == os.environ["PGUSER"]  # who saved it
    assert not dialog.restore_button.isEnabled()  # until a change is chosen

    _select(dialog.view, 0)
    dialog.restore_button.click()

    stored = next(r for r in store.read_table(postgis, WORK_TABLES[0]) if r["fid"] == fid)
    assert stored["title"] == "Riool en kabels samen"
    assert model.rowCount() == 3  # the restore is itself in the history
    assert pg_dock.works_tab.selected_rows()[0].title == "Riool en kabels samen"
    assert dialog.message.text().startswith("{} is back as it was at".format(work.work_id))
    dialog.close()
    QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_geopackage_programme_shows_no_history_button(pg_dock, both):
    geopackage, _ = both
    pg_dock.set_programme(str(geopackage))
    assert not pg_dock.works_tab.history_button.isVisibleTo(pg_dock)


def test_the_panel_records_a_decision_and_saves_settings_in_postgis(pg_dock, both):
    from programmakamer.core.schema import DECISIONS

    _, postgis = both
    tab = pg_dock.findings_tab
    _select(tab.findings_view, 1)
    finding = tab.selected_finding()
    tab.verdict_combo.setCurrentIndex(tab.verdict_combo.findData("accepted"))
    tab.decision_edit.setText("Samen uitvoeren in 2028")
    assert tab.on_decision_recorded()
    [decision] = store.read_table(postgis, DECISIONS)
    assert (decision["finding_id"], decision["verdict"]) == (finding.finding_id, "accepted")
    store.save_settings(postgis, "Programma gedeeld", "Zwolle", {"combine_distance": 7.5}, {})
    assert store.read_programme(postgis).name == "Programma gedeeld"


def test_a_snapshot_of_the_shared_programme_shows_its_history_read_only(pg_dock, both, tmp_path):
    _, postgis = both
    _select(pg_dock.works_tab.works_view, 0)
    work = pg_dock.works_tab.selected_rows()[0]
    table_name, fid = work.features[0]
    _retitle(postgis, table_name, fid, "Riool en kabels samen")
    snapshot = tmp_path / "snapshot.gpkg"
    copy_programme(postgis, snapshot)

    pg_dock.set_programme(str(snapshot))
    assert pg_dock.works_tab.history_button.isVisibleTo(pg_dock)
    pg_dock.works_tab.select_works([work.work_id])
    assert [w.work_id for w in pg_dock.works_tab.selected_rows()] == [work.work_id]
    pg_dock.works_tab.history_button.click()
    dialog = pg_dock.history_dialog
    model = dialog.history
    assert model.rowCount() == 1
    assert model.data(model.index(0, 3)) == "Title: {} → Riool en kabels samen".format(work.title)
    _select(dialog.view, 0)
    assert not dialog.restore_button.isEnabled()
    assert "snapshot" in dialog.message.text()
    dialog.close()
    QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
