"""The chamber's dock driven through its widgets on the demo programme."""

from __future__ import annotations

import time

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QItemSelectionModel, Qt
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar, QToolButton

from programmakamer.core.schema import DECISIONS, PROGRAMME, WORK_TABLES
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.layers import open_programme, programme_group
from programmakamer.store.transactions import edit_session
from programmakamer.ui.dock import ProgrammeDock
from programmakamer.ui.models import WORK_ROLE

from .test_horizon_moves import colleague_saves_horizon


@pytest.fixture()
def dock(demo_programme, project, qgis_iface):
    analyse_programme(demo_programme)
    open_programme(project, demo_programme)
    panel = ProgrammeDock(qgis_iface, qgis_iface.mainWindow())
    qgis_iface.mainWindow().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.set_programme(str(demo_programme))
    yield panel
    for layer in panel.map_link.work_layers():
        if layer.isEditable():
            layer.rollBack()
    panel.on_presentation_toggled(False)
    qgis_iface.mainWindow().removeDockWidget(panel)
    panel.deleteLater()


def select_row(view, row: int) -> None:
    index = view.model().index(row, 0)
    view.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setCurrentIndex(index)


def distinct_works(path) -> set[str]:
    return {r["work_id"] for t in WORK_TABLES for r in store.read_table(path, t)}


def test_the_table_lists_every_work_and_filters_narrow_it(dock, demo_programme):
    model = dock.works_tab.works_filter
    assert model.rowCount() == len(distinct_works(demo_programme))
    dock.works_tab.stakeholder_filter.setCurrentIndex(
        dock.works_tab.stakeholder_filter.findText("Waterbedrijf")
    )
    assert 0 < model.rowCount() < dock.works.rowCount()
    assert {model.data(model.index(i, 0)) for i in range(model.rowCount())} == {"Waterbedrijf"}
    dock.works_tab.stakeholder_filter.setCurrentIndex(0)
    dock.works_tab.search_edit.setText("riool")
    titles = [model.data(model.index(i, 1)) for i in range(model.rowCount())]
    assert titles and all("riool" in t.lower() for t in titles)
    dock.works_tab.search_edit.setText("")
    dock.works_tab.horizon_filter.setCurrentIndex(dock.works_tab.horizon_filter.findData("long"))
    rows = dock.works_tab.visible_rows()
    assert rows and all(r.effective == "long" for r in rows)


def test_the_map_follows_the_filter_when_asked(dock):
    dock.works_tab.stakeholder_filter.setCurrentIndex(
        dock.works_tab.stakeholder_filter.findText("Telecom")
    )
    dock.works_tab.search_edit.setText("glasvezel")
    dock.works_tab.map_follows_filter.setChecked(True)
    shown = {r.work_id for r in dock.works_tab.visible_rows()}
    on_map = {f["work_id"] for layer in dock.map_link.work_layers() for f in layer.getFeatures()}
    assert on_map == shown
    dock.works_tab.map_follows_filter.setChecked(False)
    assert len(
        {f["work_id"] for layer in dock.map_link.work_layers() for f in layer.getFeatures()}
    ) > len(shown)


def test_selecting_a_work_selects_it_on_the_map(dock):
    select_row(dock.works_tab.works_view, 0)
    row = dock.works_tab.works_filter.data(dock.works_tab.works_filter.index(0, 0), WORK_ROLE)
    selected = [
        (layer, layer.selectedFeatureIds())
        for layer in dock.map_link.work_layers()
        if layer.selectedFeatureIds()
    ]
    assert len(selected) >= 1
    assert {f["work_id"] for layer, ids in selected for f in layer.getFeatures(ids)} == {
        row.work_id
    }


def test_moving_a_work_records_an_override_with_reason_and_undo_restores(dock, demo_programme):
    dock.works_tab.horizon_filter.setCurrentIndex(dock.works_tab.horizon_filter.findData("short"))
    select_row(dock.works_tab.works_view, 0)
    row = dock.works_tab.works_filter.data(dock.works_tab.works_filter.index(0, 0), WORK_ROLE)
    assert dock.on_work_moved_to_horizon("long", "Wacht op het warmtenet")
    table, fid = row.features[0]
    layer = dock.map_link.layer_for(table, row.stakeholder_id)
    assert layer.isEditable() and layer.getFeature(fid)["horizon_override"] == "long"
    assert "★" in dock.works.data(dock.works.index(dock.works.rows.index(row), 5))
    layer.undoStack().undo()
    assert not layer.getFeature(fid)["horizon_override"]
    layer.undoStack().redo()
    assert layer.commitChanges()
    saved = {r["work_id"]: r for r in store.read_table(demo_programme, store_table(table))}
    assert saved[row.work_id]["horizon_override"] == "long"
    assert saved[row.work_id]["horizon_reason"] == "Wacht op het warmtenet"


def wait_for_reload(dock, rows_before) -> None:
    deadline = time.time() + 10
    while dock.works.rows is rows_before and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    assert dock.works.rows is not rows_before, "the panel did not reload"


@pytest.mark.parametrize(
    ("answer", "kept"),
    [("Take theirs", ("medium", "Budget 2029")), ("Keep mine", ("long", "Wacht op warmtenet"))],
)
def test_saving_a_move_that_someone_else_changed_meanwhile_asks_whose_horizon_stays(
    dock, demo_programme, monkeypatch, answer, kept
):
    from qgis.PyQt.QtWidgets import QMessageBox

    dock.works_tab.horizon_filter.setCurrentIndex(dock.works_tab.horizon_filter.findData("short"))
    select_row(dock.works_tab.works_view, 0)
    row = dock.works_tab.selected_rows()[0]
    assert dock.on_work_moved_to_horizon("long", "Wacht op warmtenet")
    table, fid = row.features[0]
    layer = dock.map_link.layer_for(table, row.stakeholder_id)
    rows_before = dock.works.rows
    colleague_saves_horizon(demo_programme, table, row.work_id, "medium", "Budget 2029")
    wait_for_reload(dock, rows_before)
    again = next(r for r in dock.works.rows if r.work_id == row.work_id)
    assert (again.override, again.reason) == ("long", "Wacht op warmtenet")  # as on the map
    warned = dock.iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert warned and row.title in warned[-1]
    asked = []

    def choose(box):
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == answer).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose)
    assert layer.commitChanges()
    assert len(asked) == 1 and row.title in asked[0]
    assert "long term (Wacht op warmtenet)" in asked[0] and "medium term (Budget 2029)" in asked[0]
    saved = {r["work_id"]: r for r in store.read_table(demo_programme, store_table(table))}
    assert (saved[row.work_id]["horizon_override"], saved[row.work_id]["horizon_reason"]) == kept
    QgsApplication.processEvents()
    assert (again.override, again.reason) == kept  # the panel shows what was saved


def test_saving_a_move_nobody_else_touched_asks_nothing(dock, demo_programme, monkeypatch):
    from qgis.PyQt.QtWidgets import QMessageBox

    select_row(dock.works_tab.works_view, 0)
    row = dock.works_tab.selected_rows()[0]
    other = next(r for r in dock.works.rows if r.stakeholder_id != row.stakeholder_id)
    assert dock.on_work_moved_to_horizon("long", "Wacht op warmtenet")
    rows_before = dock.works.rows
    colleague_saves_horizon(demo_programme, other.features[0][0], other.work_id, "short", "Spoed")
    wait_for_reload(dock, rows_before)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("asked without a conflict"))
    layer = dock.map_link.layer_for(row.features[0][0], row.stakeholder_id)
    assert layer.commitChanges()
    saved = {r["work_id"]: r for r in store.read_table(demo_programme, store_table(table_of(row)))}
    assert saved[row.work_id]["horizon_override"] == "long"
    assert saved[other.work_id]["horizon_override"] == "short"


def table_of(row) -> str:
    return row.features[0][0]


def test_names_with_markup_and_line_breaks_show_as_typed(dock, demo_programme):
    from qgis.PyQt.QtGui import QTextDocument

    from programmakamer.core.schema import STAKEHOLDERS
    from programmakamer.ui.models import FindingsModel

    name = "<b>Stedin</b>\nNet"
    chance = next(r for r in dock.findings_tab.findings.rows if r.kind == "combine")
    renamed = chance.stakeholders.split(" / ")[0]
    stakeholders = store.table_layer(demo_programme, STAKEHOLDERS.name)
    with edit_session(stakeholders):
        for feature in stakeholders.getFeatures():
            if feature["name"] == renamed:
                stakeholders.changeAttributeValue(
                    feature.id(), feature.fieldNameIndex("name"), name
                )
    analyse_programme(demo_programme)
    dock.reload()

    def shown(rich: str) -> str:
        document = QTextDocument()
        document.setHtml(rich)
        return " ".join(document.toPlainText().split())

    chance = next(r for r in dock.findings_tab.findings.rows if r.finding_id == chance.finding_id)
    assert name in chance.explanation
    select_row(dock.findings_tab.findings_view, dock.findings_tab.findings.position_of(chance))
    assert "<b>Stedin</b> Net" in shown(dock.findings_tab.finding_detail.text())
    explanation = dock.findings_tab.findings.index(
        dock.findings_tab.findings.position_of(chance), FindingsModel.COLUMNS.index("explanation")
    )
    assert "<b>Stedin</b> Net" in shown(
        dock.findings_tab.findings.data(explanation, Qt.ItemDataRole.ToolTipRole)
    )


def store_table(name):
    from programmakamer.core.schema import table

    return table(name)


def test_decisions_are_stored_in_order_and_survive_a_reanalysis(dock, demo_programme):
    tab = dock.findings_tab
    first = tab.findings.data(tab.findings.index(0, 0))
    assert first.startswith("Dig-once chance") and first.endswith(": 78")  # a kind's header
    select_row(tab.findings_view, 0)
    assert tab.selected_finding() is None  # headers are not findings
    select_row(tab.findings_view, 1)
    finding = tab.selected_finding()
    assert finding.kind == "combine"  # dig-once chances come first
    assert finding.explanation in tab.finding_detail.text()
    tab.verdict_combo.setCurrentIndex(tab.verdict_combo.findData("deferred"))
    tab.decision_edit.setText("Eerst budget regelen")
    assert tab.on_decision_recorded()
    tab.verdict_combo.setCurrentIndex(tab.verdict_combo.findData("accepted"))
    tab.decision_edit.setText("Samen uitvoeren in 2028")
    tab.action_holder_edit.setText("Netbeheerder")
    assert tab.on_decision_recorded()
    decisions = store.read_table(demo_programme, DECISIONS)
    assert [d["verdict"] for d in decisions] == ["deferred", "accepted"]
    assert "Samen uitvoeren in 2028" in tab.finding_detail.text()
    assert all(d["finding_id"] == finding.finding_id and d["decided_at"] for d in decisions)
    dock.on_reanalyse()
    assert dock.task is not None and not dock.reanalyse_button.isEnabled()
    deadline = time.time() + 60
    while dock.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    assert dock.task is None and dock.reanalyse_button.isEnabled()
    told = dock.iface.messageBar().get_messages(Qgis.MessageLevel.Success)[-1]
    # the accepted chance is no conflict any more: one finding less, marked obsolete
    assert "Dig-once chance: 78, Conflict: 23" in told
    assert "New 0, changed 0, unchanged 226, no longer found 1." in told
    again = next(r for r in tab.findings.rows if r.finding_id == finding.finding_id)
    assert [d["verdict"] for d in again.decisions] == ["deferred", "accepted"]


def test_a_decision_that_cannot_be_saved_is_told_never_raised(dock, demo_programme, monkeypatch):
    """A locked programme (the store's refusal) and a full disk (an error nobody foresaw):
    each reaches the message bar as one sentence; nothing is recorded."""
    from programmakamer.ui import findings_tab

    def locked(path, *_):
        raise ProgrammeError("Cannot edit {}: the file is read-only or locked.".format(path))

    def disk_full(*_):
        raise OSError(28, "No space left on device")

    tab = dock.findings_tab
    select_row(tab.findings_view, 1)
    tab.decision_edit.setText("Samen uitvoeren")
    for fault, said in ((locked, "read-only or locked"), (disk_full, "No space left")):
        monkeypatch.setattr(findings_tab, "write_records", fault)
        tab.record_button.click()  # Qt calls the slot, as in QGIS: no exception may leave it
        assert said in dock.iface.messageBar().get_messages(Qgis.MessageLevel.Critical)[-1]
    assert "log panel" in dock.iface.messageBar().get_messages(Qgis.MessageLevel.Critical)[-1]
    assert tab.selected_finding().decisions == []
    assert store.read_table(demo_programme, DECISIONS) == []


def test_presentation_mode_hides_the_clutter_and_restores_it(dock, qgis_iface):
    window = qgis_iface.mainWindow()
    other = QDockWidget("Lagen", window)
    other.setObjectName("Layers")  # QGIS names its docks and toolbars, so saveState keeps them
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, other)
    toolbar = window.addToolBar("Kaart")
    toolbar.setObjectName("MapNavigation")
    window.show()
    QgsApplication.processEvents()

    def layout_of_window():
        docks = {
            w.objectName(): (w.isVisible(), window.dockWidgetArea(w), w.isFloating())
            for w in window.findChildren(QDockWidget)
        }
        bars = {
            w.objectName(): (w.isVisible(), window.toolBarArea(w))
            for w in window.findChildren(QToolBar)
        }
        return docks, bars

    before = layout_of_window()
    dock.presentation_button.setChecked(True)
    assert window.isFullScreen()
    assert not other.isVisible() and not toolbar.isVisible()
    assert "17pt" in dock.styleSheet()
    findings_view = dock.findings_tab.findings_view
    assert findings_view.isColumnHidden(3) and not findings_view.isColumnHidden(0)
    dock.presentation_button.setChecked(False)
    QgsApplication.processEvents()
    assert other.isVisible() and toolbar.isVisible() and dock.styleSheet() == ""
    assert not findings_view.isColumnHidden(3)
    assert layout_of_window() == before and not window.isFullScreen()
    window.removeDockWidget(other)
    window.removeToolBar(toolbar)
    other.deleteLater()  # removed widgets stay children of the window: the next test
    toolbar.deleteLater()  # would restore a state that names them twice
    QgsApplication.processEvents()


def test_a_new_reference_year_recomputes_horizons_and_keeps_overrides(dock, demo_programme):
    select_row(dock.works_tab.works_view, 0)
    row = dock.works_tab.works_filter.data(dock.works_tab.works_filter.index(0, 0), WORK_ROLE)
    dock.on_work_moved_to_horizon("medium", "Afspraak kamer")
    for layer in dock.map_link.work_layers():
        if layer.isEditable():
            assert layer.commitChanges()
    dock.settings_tab.reference_year_spin.setValue(2029)
    moved = dock.settings_tab.on_reference_year_applied()
    assert moved > 0
    assert store.read_programme(demo_programme).reference_year == 2029
    assert store.read_table(demo_programme, PROGRAMME)[0]["reference_year"] == 2029
    again = next(r for r in dock.works.rows if r.work_id == row.work_id)
    assert again.override == "medium" and again.reason == "Afspraak kamer"


def test_the_panel_reloads_when_someone_else_changes_the_programme(dock, demo_programme):
    before = dock.works.rowCount()
    store.write_works(
        demo_programme,
        [{**store_work_template(), "work_id": "EXTERN-1", "title": "Werk van een collega"}],
    )
    deadline = time.time() + 10
    while dock.works.rowCount() == before and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    assert dock.works.rowCount() == before + 1
    assert any(r.title == "Werk van een collega" for r in dock.works.rows)


def store_work_template():
    from datetime import date

    from shapely.geometry import LineString

    return {
        "stakeholder_id": 3,
        "discipline": "green",
        "planned_start": date(2028, 1, 1),
        "start_precision": "year",
        "planned_end": date(2028, 12, 31),
        "end_precision": "year",
        "status": "planned",
        "geometry": LineString([(155000, 463000), (155050, 463000)]),
    }


def test_the_export_button_opens_the_export_algorithm_for_this_programme(
    dock, monkeypatch, qgis_processing
):
    import processing

    calls = []
    monkeypatch.setattr(
        processing, "execAlgorithmDialog", lambda name, params: calls.append((name, params))
    )
    dock.export_button.click()
    assert calls == [("programmakamer:exportprogramme", {"PROGRAMME": dock.path})]


def test_the_web_map_button_opens_the_publish_algorithm_for_this_programme(
    dock, monkeypatch, qgis_processing
):
    import processing

    calls = []
    monkeypatch.setattr(
        processing, "execAlgorithmDialog", lambda name, params: calls.append((name, params))
    )
    dock.publish_button.click()
    assert calls == [("programmakamer:publishprogramme", {"PROGRAMME": dock.path})]


def test_sorting_orders_periods_by_start_and_costs_by_amount(dock):
    from programmakamer.ui.models import WorksModel

    dock.works_tab.works_view.sortByColumn(
        WorksModel.COLUMNS.index("cost"), Qt.SortOrder.DescendingOrder
    )
    costs = [r.cost or 0 for r in dock.works_tab.visible_rows() if r.cost is not None]
    assert costs == sorted(costs, reverse=True) and costs[0] > costs[-1]
    dock.works_tab.works_view.sortByColumn(
        WorksModel.COLUMNS.index("period"), Qt.SortOrder.AscendingOrder
    )
    starts = [r.start for r in dock.works_tab.visible_rows() if r.start is not None]
    assert [s.year for s in starts] == sorted(s.year for s in starts)
    dock.works_tab.search_edit.setText("riool")  # a filter keeps the order
    starts = [r.start.year for r in dock.works_tab.visible_rows() if r.start is not None]
    assert starts == sorted(starts) and len(starts) < dock.works.rowCount()


def test_the_discipline_filter_and_a_selection_that_survives_filtering(dock):
    dock.works_tab.discipline_filter.setCurrentIndex(
        dock.works_tab.discipline_filter.findData("sewer")
    )
    rows = dock.works_tab.visible_rows()
    assert rows and {r.discipline for r in rows} == {"sewer"}
    select_row(dock.works_tab.works_view, 3)
    chosen = dock.works_tab.selected_rows()[0]
    dock.works_tab.search_edit.setText(chosen.title.split()[0])
    assert [r.work_id for r in dock.works_tab.selected_rows()] == [chosen.work_id]


def test_selecting_works_on_the_map_selects_their_rows(dock):
    layer = next(
        layer for layer in dock.map_link.work_layers() if layer.featureCount() > 3 and layer.name()
    )
    fids = sorted(layer.allFeatureIds())[:3]
    layer.selectByIds(fids)
    wanted = {f["work_id"] for f in layer.getFeatures(fids)}
    assert {r.work_id for r in dock.works_tab.selected_rows()} == wanted
    layer.removeSelection()
    assert dock.works_tab.selected_rows() == []


def test_the_board_groups_by_stakeholder_and_a_drop_moves_works(dock, monkeypatch):
    from qgis.PyQt.QtWidgets import QInputDialog

    dock.tabs.setCurrentWidget(dock.horizons_tab)
    short, short_view = dock.horizons_tab.board["short"]
    long_board, _ = dock.horizons_tab.board["long"]
    headers = [i for i in range(short.rowCount()) if short.data(short.index(i), WORK_ROLE) is None]
    names = [short.data(short.index(i)) for i in headers]
    assert names == sorted(names) and all("works" in n for n in names) and len(names) > 1
    assert len(short.works()) == len([r for r in dock.works.rows if r.effective == "short"])
    assert short.rowCount() == len(headers) + len(short.works())
    first_group = short.index(headers[0])
    dragged = [short.index(headers[0] + 1), short.index(headers[0] + 2)]
    works = [short.data(i, WORK_ROLE) for i in dragged]
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or ("Wacht op warmtenet", True)
    )
    assert long_board.canDropMimeData(
        short.mimeData(dragged), Qt.DropAction.MoveAction, -1, 0, first_group
    )
    long_board.dropMimeData(
        short.mimeData(dragged), Qt.DropAction.MoveAction, -1, 0, long_board.index(0)
    )
    deadline = time.time() + 5
    while not asked and time.time() < deadline:
        QgsApplication.processEvents()
    assert asked and "2" in asked[0]
    moved = {w.work_id for w in long_board.works()}
    assert {w.work_id for w in works} <= moved
    assert all(w.override == "long" for w in works)
    layer = dock.map_link.layer_for(
        *[(t, works[0].stakeholder_id) for t, _ in works[0].features][0]
    )
    fid = works[0].features[0][1]
    assert layer.getFeature(fid)["horizon_reason"] == "Wacht op warmtenet"
    assert (
        "long" in dock.horizons_tab.long_label.text().lower()
        or "lang" in dock.horizons_tab.long_label.text().lower()
    )
    assert layer.undoStack().count() == 1  # one move, one undo step per layer
    layer.undoStack().undo()  # undo in QGIS: the panel follows
    QgsApplication.processEvents()
    assert all(w.override is None for w in works)
    assert {w.work_id for w in works} <= {w.work_id for w in short.works()}


def test_the_timeline_shows_the_filter_and_steps_the_map_by_year(dock):
    from qgis.core import QgsExpression, QgsFeatureRequest, QgsVectorLayerTemporalContext

    tab = dock.timeline_tab
    dock.tabs.setCurrentWidget(dock.timeline_tab)
    dock.works_tab.stakeholder_filter.setCurrentIndex(
        dock.works_tab.stakeholder_filter.findText("Riolering", Qt.MatchFlag.MatchContains)
    )
    shown = [r for r in dock.works_tab.visible_rows() if r.start is not None]
    assert len(tab.timeline.bars) == len(shown) > 5
    assert {b.colour for b in tab.timeline.bars} == {dock.colours[shown[0].stakeholder_id]}
    select_row(dock.works_tab.works_view, 0)
    assert [b.work_id for b in tab.timeline.bars] == [dock.works_tab.selected_rows()[0].work_id]
    tab.map_year_spin.setValue(2029)
    tab.on_next_year()  # one step: 2030, and the map follows
    span = dock.iface.mapCanvas().temporalRange()
    assert tab.timeline.year == 2030
    assert span.begin().date().year() == 2030 and span.end().date().year() == 2030
    assert dock.iface.mapCanvas().mapSettings().isTemporal()
    for layer in dock.map_link.work_layers():
        properties = layer.temporalProperties()
        assert properties.isActive()
        expression = properties.createFilterString(QgsVectorLayerTemporalContext(), span)
        on_map = {
            f["work_id"] for f in layer.getFeatures(QgsFeatureRequest(QgsExpression(expression)))
        }
        from datetime import date

        expected = {
            f["work_id"]
            for f in layer.getFeatures()
            if f["planned_start"]
            and f["planned_start"].toPyDate() < date(2031, 1, 1)
            and (not f["planned_end"] or f["planned_end"].toPyDate() >= date(2030, 1, 1))
        }
        assert on_map == expected
    tab.map_by_year.setChecked(False)
    assert not dock.iface.mapCanvas().mapSettings().isTemporal()


def test_rule_settings_are_edited_saved_and_reset(dock, demo_programme):
    from programmakamer.core.settings import rule_setting
    from programmakamer.store.analysis import read_settings

    dock.tabs.setCurrentWidget(dock.settings_tab)
    dock.settings_tab.rule_editors["combine_distance_m"].setValue(8.0)
    dock.settings_tab.moratorium_editors["asphalt"].setValue(7.0)
    dock.settings_tab.name_edit.setText("Programma 2027 – concept")
    assert dock.settings_tab.on_settings_saved()
    saved = read_settings(demo_programme)
    assert saved.combine_distance_m == 8.0 and saved.moratorium_years["asphalt"] == 7.0
    assert store.read_programme(demo_programme).name == "Programma 2027 – concept"
    assert "Programma 2027 – concept" in dock.programme_label.text()
    group = programme_group(QgsProject.instance(), dock.path)
    assert group.name() == "Programmakamer – Programma 2027 – concept"  # the layer tree too
    reset = next(
        button
        for button in dock.settings_tab.rules_widget.findChildren(QToolButton)
        if button.property("setting") == "combine_distance_m"
    )
    reset.click()
    assert (
        dock.settings_tab.rule_editors["combine_distance_m"].value()
        == rule_setting("combine_distance_m").default
    )
    dock.settings_tab.name_edit.setText("  ")
    assert not dock.settings_tab.on_settings_saved()
    assert store.read_programme(demo_programme).name == "Programma 2027 – concept"


def test_after_quitting_in_presentation_mode_the_next_start_gets_the_normal_layout(
    dock, qgis_iface
):
    """QGIS saves its window layout when it quits, whatever a plugin does: the panel keeps
    the normal layout, and the next start (plugin.restore_layout) puts it back."""
    from programmakamer.ui.presentation import restore_layout_after_presentation

    window = qgis_iface.mainWindow()
    toolbar = window.addToolBar("Kaart")
    toolbar.setObjectName("Digitizing")  # a name of its own: the window keeps removed bars
    window.show()
    toolbar.show()
    QgsApplication.processEvents()
    dock.presentation_button.setChecked(True)
    quitting_layout = window.saveState()  # what QGIS writes when it quits now
    assert not toolbar.isVisible()
    # the next start: QGIS restores what it saved, then the plugin corrects it
    window.restoreState(quitting_layout)
    assert toolbar.isHidden()
    assert restore_layout_after_presentation(window)
    QgsApplication.processEvents()
    assert toolbar.isVisible() and not window.isFullScreen()
    assert not restore_layout_after_presentation(window)  # once only
    dock.presentation_button.blockSignals(True)
    dock.presentation_button.setChecked(False)
    dock.presentation_button.blockSignals(False)
    window.removeToolBar(toolbar)
    toolbar.deleteLater()


def test_turning_presentation_mode_off_forgets_the_kept_layout(dock, qgis_iface):
    from programmakamer.ui.presentation import restore_layout_after_presentation

    qgis_iface.mainWindow().show()
    dock.presentation_button.setChecked(True)
    dock.presentation_button.setChecked(False)
    assert not restore_layout_after_presentation(qgis_iface.mainWindow())


def test_findings_show_stakeholders_saving_and_severity(dock):
    from programmakamer.ui.models import FindingsModel, euro_text

    model = dock.findings_tab.findings
    column = {name: i for i, name in enumerate(FindingsModel.COLUMNS)}
    row = next(r for r in model.rows if r.kind == "clash")
    at = model.position_of(row)
    assert row.severity > 0
    assert model.data(model.index(at, column["severity"])) == "{:.1f}".format(row.severity)
    assert " / " in model.data(model.index(at, column["stakeholders"]))
    assert row.stakeholders.split(" / ")[0] in row.explanation  # shown in the sentence
    chance = next(r for r in model.rows if r.kind == "combine")
    assert chance.saving > 0
    assert model.data(model.index(model.position_of(chance), column["saving"])) == euro_text(
        chance.saving, model.lang
    )
    headers = model.kind_headers()
    assert [model.items[h] for h in headers] == [
        "combine",
        "clash",
        "sequence",
        "moratorium",
        "ambition",
        "hotspot",
    ]
    assert all(
        dock.findings_tab.findings_view.columnSpan(h, 0) == len(FindingsModel.COLUMNS)
        for h in headers
    )


def test_the_panel_follows_the_year_chosen_in_qgis_temporal_controller(dock, demo_programme):
    from qgis.core import QgsDateTimeRange, QgsTemporalNavigationObject
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    tab = dock.timeline_tab
    canvas = dock.iface.mapCanvas()
    navigation = QgsTemporalNavigationObject(canvas)
    canvas.setTemporalController(navigation)
    dock.set_programme(str(demo_programme))  # connects to the canvas's controller
    dock.tabs.setCurrentWidget(dock.timeline_tab)
    navigation.setNavigationMode(QgsTemporalNavigationObject.FixedRange)
    navigation.setTemporalExtents(
        QgsDateTimeRange(
            QDateTime(QDate(2031, 1, 1), QTime(0, 0)),
            QDateTime(QDate(2031, 12, 31), QTime(23, 59, 59)),
        )
    )
    assert tab.map_year_spin.value() == 2031 and tab.map_by_year.isChecked()
    assert tab.timeline.year == 2031
    tab.on_next_year()  # and the other way round: the panel steps QGIS's controller
    assert navigation.temporalExtents().begin().date().year() == 2032


def test_board_rows_are_tall_enough_for_their_wrapped_titles(dock, qgis_iface):
    from qgis.PyQt.QtCore import QRect
    from qgis.PyQt.QtGui import QFont, QFontMetrics

    qgis_iface.mainWindow().resize(1920, 1080)
    dock.tabs.setCurrentWidget(dock.horizons_tab)
    for presentation in (False, True):
        dock.presentation_button.setChecked(presentation)
        QgsApplication.processEvents()
        for _board, view in dock.horizons_tab.board.values():
            view.doItemsLayout()
            model = view.model()
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                font = QFont(view.font())
                bold = index.data(Qt.ItemDataRole.FontRole)
                if bold is not None:
                    font = bold.resolve(font)
                rect = view.visualRect(index)
                needed = QFontMetrics(font).boundingRect(
                    QRect(0, 0, rect.width() - 6, 1_000_000),
                    int(Qt.TextFlag.TextWordWrap),
                    index.data(Qt.ItemDataRole.DisplayRole),
                )
                assert rect.height() >= needed.height(), (presentation, index.data())
    dock.presentation_button.setChecked(False)
