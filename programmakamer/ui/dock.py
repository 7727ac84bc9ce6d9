"""The chamber's dock panel: the programme, the horizons board, findings and decisions.

It shows what the store and the rules give back and records what the chamber decides:
horizon overrides go through the stakeholder layers' edit buffers (with undo, saved like
any QGIS edit), decisions are written to the decisions table at once.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDateTimeRange,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsTask,
    QgsTemporalNavigationObject,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import (
    QDate,
    QDateTime,
    QFileSystemWatcher,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    QTime,
    QTimer,
)
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QScrollArea,
    QToolBar,
    QToolButton,
)

from ..core.horizons import HORIZON_ORDER
from ..core.periods import format_moment_time
from ..core.schema import DECISIONS, DISCIPLINES, HORIZONS, STATUSES, VERDICTS, choice_label
from ..core.settings import DEFINITIONS, MORATORIUM_DEFINITIONS
from ..store.layers import STAKEHOLDER_PROPERTY, TABLE_PROPERTY, group_name, programme_group
from ..store.programme import ProgrammeError, read_programme, write_records
from ..translation import language, tr
from .delegates import WrappedTextDelegate
from .models import (
    WORK_ROLE,
    FindingsModel,
    HorizonBoard,
    WorksFilter,
    WorksModel,
    euro_text,
    read_finding_rows,
    read_work_rows,
)
from .timeline import MAX_BARS, Bar, Timeline

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("dock.ui")))
#: Big type where the room reads (tables, lists, labels); controls keep their size, so the
#: panel does not push the map aside.
OWN_WRITE_SECONDS = 2.0
PRESENTATION_STYLE = (
    "QTableView, QListView, QTreeView { font-size: 17pt; background: white; color: black; }"
    " QHeaderView::section { font-size: 14pt; font-weight: bold; }"
    " QLabel, Timeline { font-size: 15pt; }"
    # three board columns share the panel: a size that still fits a word per line
    " QListView#short_view, QListView#medium_view, QListView#long_view { font-size: 14pt; }"
    " QLabel#short_label, QLabel#medium_label, QLabel#long_label"
    " { font-size: 13pt; font-weight: bold; }"
)


class ProgrammeDock(QDockWidget, FORM):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("ProgrammakamerDock")  # QGIS remembers where the dock was
        self.iface = iface
        self.path: str | None = None
        self.lang = language()
        self.task: QgsTask | None = None
        self.saved_window_state = None
        self.works = WorksModel(self)
        self.works_filter = WorksFilter(self)
        self.works_filter.setSourceModel(self.works)
        self.works_view.setModel(self.works_filter)
        for combo in self.filter_combos():
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        # rows arrive sorted by stakeholder; sorting on open would cost a Python call per
        # comparison, so the view sorts only when the user clicks a header
        self.works_view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self.works_view.setSortingEnabled(True)
        self.works_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        # sized once per load from the first rows: resizing to contents on every filter
        # change measured thousands of rows each time
        self.works_view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.works_view.horizontalHeader().setResizeContentsPrecision(200)
        self.board = {}  # filled when the horizons tab is first shown
        self.timeline = None  # made when the timeline tab is first shown
        self.colours: dict[int, str] = {}
        self.reference_year = 0
        self.watched_layers = []
        self.selecting_on_map = False
        self.rule_editors: dict[str, QDoubleSpinBox] = {}
        self.moratorium_editors: dict[str, QDoubleSpinBox] = {}

        self.findings = FindingsModel(self)
        self.findings_view.setModel(self.findings)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.findings_view.setWordWrap(True)
        header = self.findings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.findings.modelReset.connect(self.span_kind_headers)
        # the explanation names both stakeholders; on the wall it needs the width more
        self.findings_view.hideColumn(1)
        # Another person (or process) saving the programme: reload instead of overwriting.
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self.on_programme_changed_on_disk)
        self.watcher.directoryChanged.connect(self.on_folder_changed)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(500)
        self.reload_timer.timeout.connect(self.reload_unless_analysing)
        self.own_write_at = 0.0
        self._texts()
        self._connect()

    # --- set-up -----------------------------------------------------------------------
    def _texts(self) -> None:
        self.setWindowTitle(tr("Programmakamer"))
        self.reanalyse_button.setText(tr("Re-analyse"))
        self.export_button.setText(tr("Export…"))
        self.presentation_button.setText(tr("Presentation mode"))
        self.tabs.setTabText(0, tr("Programme"))
        self.tabs.setTabText(1, tr("Horizons"))
        self.tabs.setTabText(2, tr("Findings"))
        self.tabs.setTabText(3, tr("Timeline"))
        self.tabs.setTabText(4, tr("Settings"))
        self.search_edit.setPlaceholderText(tr("Search title, street, stakeholder…"))
        self.map_follows_filter.setText(tr("The map shows only the filtered works"))
        for horizon, button in (
            ("short", self.move_short_button),
            ("medium", self.move_medium_button),
            ("long", self.move_long_button),
        ):
            short_name = choice_label(HORIZONS, horizon, self.lang).split(" (")[0]
            button.setText(tr("Move to {}").format(short_name.lower()))
        self.verdict_combo.clear()
        for choice in VERDICTS:
            self.verdict_combo.addItem(choice.label(self.lang), choice.value)
        self.decision_edit.setPlaceholderText(tr("What the chamber decided"))
        self.action_holder_edit.setPlaceholderText(tr("Action holder"))
        self.record_button.setText(tr("Record decision"))
        self.name_label.setText(tr("Programme name"))
        self.municipality_label.setText(tr("Municipality"))
        self.reference_year_label.setText(tr("Reference year (year 1 of the horizons)"))
        self.reference_year_spin.setRange(1900, 2200)
        self.apply_year_button.setText(tr("Apply year and recompute horizons"))
        self.save_settings_button.setText(tr("Save settings"))
        self.rules_label.setText(
            tr(
                "Rule settings: used by the next analysis. Each shows its documented "
                "default; ↺ puts it back."
            )
        )
        self.map_year_spin.setRange(1900, 2200)
        self.map_by_year.setText(tr("The map shows this year's works"))
        self.previous_year_button.setToolTip(tr("Previous year"))
        self.next_year_button.setToolTip(tr("Next year"))
        for spin in (self.year_from, self.year_to):
            spin.setRange(1900, 2200)
            spin.setSpecialValueText("–")
        self.year_from.setPrefix(tr("from "))
        self.year_to.setPrefix(tr("to "))

    def _connect(self) -> None:
        for combo in self.filter_combos():
            combo.currentIndexChanged.connect(self.on_filter_changed)
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(self.on_filter_changed)
        self.search_edit.textChanged.connect(self.on_filter_changed)
        self.map_follows_filter.toggled.connect(self.on_filter_changed)
        self.works_view.selectionModel().selectionChanged.connect(self.on_work_selected)
        self.move_short_button.clicked.connect(lambda: self.on_work_moved_to_horizon("short"))
        self.move_medium_button.clicked.connect(lambda: self.on_work_moved_to_horizon("medium"))
        self.move_long_button.clicked.connect(lambda: self.on_work_moved_to_horizon("long"))
        self.findings_view.selectionModel().selectionChanged.connect(self.on_finding_selected)
        self.record_button.clicked.connect(self.on_decision_recorded)
        self.reanalyse_button.clicked.connect(self.on_reanalyse)
        self.export_button.clicked.connect(self.on_export)
        self.presentation_button.toggled.connect(self.on_presentation_toggled)
        self.apply_year_button.clicked.connect(self.on_reference_year_applied)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.save_settings_button.clicked.connect(self.on_settings_saved)
        self.map_year_spin.valueChanged.connect(self.on_map_year_changed)
        self.map_by_year.toggled.connect(self.on_map_year_changed)
        self.previous_year_button.clicked.connect(self.on_previous_year)
        self.next_year_button.clicked.connect(self.on_next_year)

    def filter_combos(self) -> tuple[QComboBox, ...]:
        return (
            self.stakeholder_filter,
            self.discipline_filter,
            self.horizon_filter,
            self.status_filter,
        )

    def set_programme(self, path: str) -> None:
        for watched in self.watcher.files() + self.watcher.directories():
            self.watcher.removePath(watched)
        self.path = str(Path(path).absolute())
        self.watcher.addPath(str(Path(self.path).parent))
        self.watch_programme_files()
        info = read_programme(self.path)
        self.programme_label.setText(
            tr("{} – {}, reference year {}").format(
                info.name, info.municipality, info.reference_year
            )
        )
        self.reference_year = info.reference_year
        self.reference_year_spin.setValue(info.reference_year)
        self.name_edit.setText(info.name)
        self.municipality_edit.setText(info.municipality or "")
        self.map_year_spin.blockSignals(True)
        self.map_year_spin.setValue(info.reference_year)
        self.map_year_spin.blockSignals(False)
        self.fill_rule_settings()
        self.follow_temporal_controller()
        self.reload()

    def watch_programme_files(self) -> None:
        """The GeoPackage and its write-ahead log: in WAL mode a commit only touches the log."""
        if not self.path:
            return
        for name in (self.path, self.path + "-wal"):
            if Path(name).exists() and name not in self.watcher.files():
                self.watcher.addPath(name)

    def on_folder_changed(self, _folder: str) -> None:
        self.watch_programme_files()  # the write-ahead log may have appeared

    def on_programme_changed_on_disk(self, path: str) -> None:
        """Reload (once the writes settle) so the panel never shows or saves stale rows."""
        if self.path and path in (self.path, self.path + "-wal"):
            self.watch_programme_files()  # a replaced file drops out of the watch
            if time.monotonic() - self.own_write_at > OWN_WRITE_SECONDS:
                self.reload_timer.start()

    def reload_unless_analysing(self) -> None:
        # The analysis writes the file itself and reloads when done; reading the programme
        # from two threads at once crashed GDAL in testing.
        if self.task is None:
            self.reload()

    def reload(self) -> None:
        """Read works and findings again (after an analysis or an outside change)."""
        if not self.path:
            return
        from ..store.programme import read_stakeholders

        self.colours = {
            s["stakeholder_id"]: s.get("colour") or "#808080" for s in read_stakeholders(self.path)
        }
        rows = read_work_rows(self.path)
        self.works.set_rows(rows)
        self.works_view.resizeColumnsToContents()
        self._fill_filters(rows)
        self.findings.set_rows(read_finding_rows(self.path))
        self.update_board_totals()
        self.update_timeline()
        self.watch_layers()
        QTimer.singleShot(0, self.works_filter.prepare)  # the first keystroke stays quick

    def _fill_filters(self, rows) -> None:
        combos = self.filter_combos()
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.stakeholder_filter.addItem(tr("All stakeholders"), None)
        for sid, name in sorted(
            {(r.stakeholder_id, r.stakeholder) for r in rows}, key=lambda x: x[1]
        ):
            self.stakeholder_filter.addItem(name, sid)
        self.discipline_filter.addItem(tr("All disciplines"), None)
        present = {r.discipline for r in rows}
        for choice in DISCIPLINES:
            if choice.value in present:
                self.discipline_filter.addItem(choice.label(self.lang), choice.value)
        self.horizon_filter.addItem(tr("All horizons"), None)
        for choice in HORIZONS:
            self.horizon_filter.addItem(choice.label(self.lang), choice.value)
        self.status_filter.addItem(tr("All statuses"), None)
        for choice in STATUSES:
            self.status_filter.addItem(choice.label(self.lang), choice.value)
        for combo in combos:
            combo.blockSignals(False)

    # --- programme tab ----------------------------------------------------------------
    def on_filter_changed(self, *_) -> None:
        first, last = self.year_from.value(), self.year_to.value()
        years = None
        if first > self.year_from.minimum() or last > self.year_to.minimum():
            years = (
                first if first > self.year_from.minimum() else 1900,
                last if last > self.year_to.minimum() else 2200,
            )
        kept = [r.work_id for r in self.selected_rows()]
        self.works_filter.set(
            stakeholder=self.stakeholder_filter.currentData(),
            discipline=self.discipline_filter.currentData(),
            horizon=self.horizon_filter.currentData(),
            status=self.status_filter.currentData(),
            years=years,
            text=self.search_edit.text().strip(),
        )
        if kept:  # what was selected and is still shown stays selected
            self.select_positions(self.works_filter.position_of(kept), notify=False)
        self.apply_map_filter()
        self.update_timeline()

    def visible_rows(self):
        model = self.works_filter
        return [model.row(i) for i in range(model.rowCount())]

    def selected_rows(self):
        """The works selected in the table."""
        selection = self.works_view.selectionModel()
        if selection is None:
            return []
        return [self.works_filter.row(i.row()) for i in selection.selectedRows()]

    def select_positions(self, positions: list[int], notify: bool = True) -> None:
        """Select table rows (in ranges: a selection of thousands stays quick)."""
        model = self.works_filter
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        start = previous = None
        for position in sorted(positions) + [None]:
            if start is not None and (position is None or position != previous + 1):
                selection.select(model.index(start, 0), model.index(previous, last_column))
                start = None
            if position is not None and start is None:
                start = position
            previous = position
        view_selection = self.works_view.selectionModel()
        if not notify:
            view_selection.blockSignals(True)
        view_selection.select(selection, QItemSelectionModel.ClearAndSelect)
        if not notify:
            view_selection.blockSignals(False)
            self.works_view.viewport().update()
        if positions:
            self.works_view.scrollTo(model.index(min(positions), 0))

    def apply_map_filter(self) -> None:
        """When asked, the stakeholder layers show only the works the panel shows."""
        for layer in self.work_layers():
            base = '"stakeholder_id" = {}'.format(layer.customProperty(STAKEHOLDER_PROPERTY))
            if self.map_follows_filter.isChecked():
                ids = [r.work_id for r in self.visible_rows()]
                quoted = ",".join("'{}'".format(i.replace("'", "''")) for i in ids) or "''"
                base = '{} AND "work_id" IN ({})'.format(base, quoted)
            if layer.subsetString() != base and not layer.isEditable():
                layer.setSubsetString(base)

    def work_layers(self):
        if not self.path:
            return []
        group = programme_group(QgsProject.instance(), self.path)
        if group is None:
            return []
        return [
            node.layer()
            for node in group.findLayers()
            if node.layer().customProperty(STAKEHOLDER_PROPERTY) is not None
        ]

    def layer_for(self, table: str, stakeholder_id: int):
        for layer in self.work_layers():
            if layer.customProperty(TABLE_PROPERTY) == table and int(
                layer.customProperty(STAKEHOLDER_PROPERTY)
            ) == int(stakeholder_id):
                return layer
        return None

    def selected_work(self):
        """The work selected on the board (when the board is shown) or in the table."""
        views = (
            [v for _, v in self.board.values()]
            if self.tabs.currentWidget() is (self.horizons_tab)
            else []
        )
        for view in views:
            for index in view.selectionModel().selectedIndexes():
                row = index.model().data(index, WORK_ROLE)
                if row is not None:
                    return row
        rows = self.selected_rows()
        return rows[0] if rows else None

    def on_work_selected(self, *_) -> None:
        rows = self.selected_rows()
        if rows and not self.selecting_on_map:
            self.show_on_map(rows[:200])
        self.update_timeline()

    def on_board_selected(self, *_) -> None:
        row = self.selected_work()
        if row is not None:
            self.show_on_map([row])

    def show_on_map(self, rows) -> None:
        """Select the works' features on their layers, zoom to them and flash them."""
        canvas = self.iface.mapCanvas()
        self.selecting_on_map = True  # the map's selection signal must not come back here
        try:
            for layer in self.work_layers():
                layer.removeSelection()
            geometries = []
            for row in rows:
                for table, fid in row.features:
                    layer = self.layer_for(table, row.stakeholder_id)
                    if layer is None:
                        continue
                    layer.select(fid)
                    feature = layer.getFeature(fid)
                    if feature.hasGeometry():
                        geometries.append((layer, feature.geometry()))
        finally:
            self.selecting_on_map = False
        if not geometries or canvas is None:
            return
        extent = None
        for layer, geometry in geometries:
            box = canvas.mapSettings().layerExtentToOutputExtent(layer, geometry.boundingBox())
            if extent is None:
                extent = QgsRectangle(box)
            else:
                extent.combineExtentWith(box)
        if extent is not None:
            canvas.setExtent(extent.buffered(max(extent.width(), extent.height(), 50) * 0.6))
            canvas.refresh()
        flash = getattr(canvas, "flashGeometries", None)
        if flash is not None:
            for layer, geometry in geometries:
                flash([geometry], layer.crs())

    # --- the map talks back -----------------------------------------------------------
    def watch_layers(self) -> None:
        """Follow the stakeholder layers: selections made on the map, and undo/redo of
        horizon overrides in their edit buffers."""
        for layer in self.watched_layers:
            try:
                layer.selectionChanged.disconnect(self.on_map_selection_changed)
                layer.attributeValueChanged.disconnect(self.on_layer_attribute_changed)
            except (RuntimeError, TypeError):  # the layer was removed meanwhile
                pass
        self.watched_layers = self.work_layers()
        self.features_of = {
            (table, fid): row for row in self.works.rows for table, fid in row.features
        }
        for layer in self.watched_layers:
            layer.selectionChanged.connect(self.on_map_selection_changed)
            layer.attributeValueChanged.connect(self.on_layer_attribute_changed)

    def on_map_selection_changed(self, *_) -> None:
        """Works selected on the map are selected in the table."""
        if self.selecting_on_map:
            return
        ids = {
            self.features_of[(layer.customProperty(TABLE_PROPERTY), fid)].work_id
            for layer in self.watched_layers
            for fid in layer.selectedFeatureIds()
            if (layer.customProperty(TABLE_PROPERTY), fid) in self.features_of
        }
        self.selecting_on_map = True
        try:
            self.select_positions(self.works_filter.position_of(ids))
        finally:
            self.selecting_on_map = False
        self.update_timeline()

    def on_layer_attribute_changed(self, fid: int, index: int, value) -> None:
        """An override changed in a layer (the panel, the attribute table, undo): show it."""
        from ..store.programme import from_qvariant

        layer = self.sender()
        name = layer.fields().at(index).name() if layer is not None else ""
        if name not in ("horizon_override", "horizon_reason"):
            return
        row = self.features_of.get((layer.customProperty(TABLE_PROPERTY), fid))
        if row is None:
            return
        if name == "horizon_override":
            row.override = from_qvariant(value) or None
        else:
            row.reason = from_qvariant(value) or None
        self.rows_changed()

    def rows_changed(self) -> None:
        """Rows changed in place: every view and total decides again (once per event)."""
        if not getattr(self, "_touch_pending", False):
            self._touch_pending = True
            QTimer.singleShot(0, self._touch)

    def _touch(self) -> None:
        self._touch_pending = False
        self.works.touch()
        self.update_board_totals()
        self.update_timeline()

    # --- horizons board ---------------------------------------------------------------
    def show_board(self) -> None:
        """Connect the horizons board to the works (once, when it is first looked at)."""
        if self.board:
            return
        for horizon in HORIZON_ORDER:
            board = HorizonBoard(self.works, horizon, self)
            board.works_dropped.connect(self.on_works_dropped)
            view = getattr(self, "{}_view".format(horizon))
            view.setModel(board)
            view.setWordWrap(True)  # titles wrap instead of being cut off on the wall
            view.setResizeMode(QListView.Adjust)  # wrapped heights follow the panel's width
            view.setItemDelegate(WrappedTextDelegate(view))
            view.setTextElideMode(Qt.ElideNone)
            view.setSpacing(3)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            view.setSelectionMode(QAbstractItemView.ExtendedSelection)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDrop)
            view.setDefaultDropAction(Qt.MoveAction)
            view.selectionModel().selectionChanged.connect(self.on_board_selected)
            self.board[horizon] = (board, view)
        self.update_board_totals()

    def on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.horizons_tab:
            self.show_board()
        if self.tabs.widget(index) is self.timeline_tab:
            self.show_timeline()

    def update_board_totals(self) -> None:
        for horizon, (board, _view) in self.board.items():
            rows = board.works()
            cost = sum(r.cost or 0.0 for r in rows)
            getattr(self, "{}_label".format(horizon)).setText(
                tr("{}: {} works, {}").format(
                    choice_label(HORIZONS, horizon, self.lang),
                    len(rows),
                    euro_text(cost, self.lang),
                )
            )

    def board_selection(self) -> list:
        rows = []
        for _board, view in self.board.values():
            for index in view.selectionModel().selectedIndexes():
                row = index.model().data(index, WORK_ROLE)
                if row is not None:
                    rows.append(row)
        return rows

    def on_work_moved_to_horizon(self, horizon: str, reason: str | None = None, rows=None) -> bool:
        """Record the chamber's horizon for works (default: the selected ones) with a reason,
        through the layers' edit buffers: undoable, saved like any QGIS edit."""
        if rows is None:
            on_board = self.tabs.currentWidget() is self.horizons_tab
            rows = self.board_selection() if on_board else self.selected_rows()
        rows = [r for r in rows if r.effective != horizon or r.override != horizon]
        if not rows:
            return False
        if reason is None:
            question = (
                tr("Why does the chamber move '{}'?").format(rows[0].title)
                if len(rows) == 1
                else tr("Why does the chamber move these {} works?").format(len(rows))
            )
            reason, ok = QInputDialog.getText(self, tr("Move to another horizon"), question)
            if not ok:
                return False
        by_layer: dict = {}
        for row in rows:
            for table, fid in row.features:
                layer = self.layer_for(table, row.stakeholder_id)
                if layer is not None:
                    by_layer.setdefault(layer, []).append(fid)
        for layer, fids in by_layer.items():
            if not layer.isEditable() and not layer.startEditing():
                raise ProgrammeError(
                    tr("Cannot edit {}: the file is read-only or locked.").format(layer.name())
                )
            fields = layer.fields()
            layer.beginEditCommand(tr("Move work to horizon"))  # one undo step per move
            for fid in fids:
                layer.changeAttributeValue(fid, fields.indexOf("horizon_override"), horizon)
                layer.changeAttributeValue(fid, fields.indexOf("horizon_reason"), reason)
            layer.endEditCommand()
            layer.triggerRepaint()
        if not by_layer:
            return False
        for row in rows:
            row.override, row.reason = horizon, reason
        self._touch()
        return True

    def on_works_dropped(self, work_ids: list, horizon: str) -> None:
        """Works dragged onto another horizon's column: move them there (asks why)."""
        wanted = set(work_ids)
        rows = [r for r in self.works.rows if r.work_id in wanted]
        # after the drop has finished: the reason dialog must not run inside the drag
        self.pending_move = (horizon, rows)
        QTimer.singleShot(0, self.move_pending)

    def move_pending(self) -> None:
        horizon, rows = getattr(self, "pending_move", (None, []))
        self.pending_move = (None, [])
        if horizon and rows:
            self.on_work_moved_to_horizon(horizon, rows=rows)

    # --- timeline -----------------------------------------------------------------------
    def show_timeline(self) -> None:
        if self.timeline is None:
            self.timeline = Timeline(self)
            self.timeline.year_clicked.connect(self.map_year_spin.setValue)
            area = QScrollArea(self.timeline_tab)
            area.setWidgetResizable(True)
            area.setWidget(self.timeline)
            self.timeline_layout.addWidget(area)
            self.timeline_area = area
        self.update_timeline()

    def update_timeline(self) -> None:
        """The timeline shows the selected works, else the filtered ones, street by street."""
        if self.timeline is None or self.tabs.currentWidget() is not self.timeline_tab:
            return  # drawn when its tab is shown
        rows = self.selected_rows() or self.visible_rows()
        dated = sorted(
            (r for r in rows if r.start is not None),
            key=lambda r: (r.location, r.start, r.stakeholder),
        )
        bars = [
            Bar(
                "{} · {}".format(r.location, r.stakeholder),
                r.start,
                r.end or r.start,
                self.colours.get(r.stakeholder_id, "#808080"),
                r.work_id,
                "{}\n{} · {}".format(r.title, r.stakeholder, r.period),
            )
            for r in dated[:MAX_BARS]
        ]
        labels = {h: choice_label(HORIZONS, h, self.lang).split(" (")[0] for h in HORIZON_ORDER}
        self.timeline.set_bars(bars, self.reference_year, labels)
        self.timeline.set_year(self.map_year_spin.value() if self.map_by_year.isChecked() else None)
        left_out = len(rows) - len(bars)
        what = tr("Selected works") if self.selected_rows() else tr("Filtered works")
        text = tr("{}: {} on the timeline").format(what, len(bars))
        if left_out:
            text += tr(" ({} without a start or beyond the first {} left out)").format(
                left_out, MAX_BARS
            )
        self.timeline_label.setText(text)

    def follow_temporal_controller(self) -> None:
        """When the map's year changes in QGIS's temporal controller, the panel follows."""
        canvas = self.iface.mapCanvas()
        controller = canvas.temporalController() if canvas is not None else None
        previous = getattr(self, "followed_controller", None)
        if previous is controller:
            return
        if previous is not None:
            try:
                previous.updateTemporalRange.disconnect(self.on_temporal_range)
            except (RuntimeError, TypeError):
                pass
        self.followed_controller = controller
        if controller is not None:
            controller.updateTemporalRange.connect(self.on_temporal_range)

    def on_temporal_range(self, span) -> None:
        """A range of about one year from the controller becomes the panel's year."""
        begin, end = span.begin(), span.end()
        if not (begin.isValid() and end.isValid()) or begin.daysTo(end) > 366:
            return
        year = begin.date().year()
        if self.map_by_year.isChecked() and self.map_year_spin.value() == year:
            return  # our own step coming back
        for widget in (self.map_year_spin, self.map_by_year):
            widget.blockSignals(True)
        self.map_year_spin.setValue(year)
        self.map_by_year.setChecked(True)
        for widget in (self.map_year_spin, self.map_by_year):
            widget.blockSignals(False)
        if self.timeline is not None:
            self.timeline.set_year(year)

    def on_previous_year(self) -> None:
        self.map_year_spin.setValue(self.map_year_spin.value() - 1)
        self.map_by_year.setChecked(True)

    def on_next_year(self) -> None:
        self.map_year_spin.setValue(self.map_year_spin.value() + 1)
        self.map_by_year.setChecked(True)

    def on_map_year_changed(self, *_) -> None:
        year = self.map_year_spin.value() if self.map_by_year.isChecked() else None
        if self.timeline is not None:
            self.timeline.set_year(year)
        self.apply_map_year(year)

    def apply_map_year(self, year: int | None) -> None:
        """Step the map's temporal controller to one year (or back to all years)."""
        canvas = self.iface.mapCanvas()
        if canvas is None:
            return
        if year is None:
            span = QgsDateTimeRange(QDateTime(), QDateTime())  # all years
        else:
            span = QgsDateTimeRange(
                QDateTime(QDate(year, 1, 1), QTime(0, 0)),
                # the year's last second, included: QGIS 3.22 compares the start of a
                # work with <= to the end of the range even when the end is excluded
                QDateTime(QDate(year, 12, 31), QTime(23, 59, 59)),
                True,
                True,
            )
        controller = canvas.temporalController()
        if isinstance(controller, QgsTemporalNavigationObject):
            # QGIS's own controller: its panel shows the year, and it moves the canvas
            if year is None:
                controller.setNavigationMode(QgsTemporalNavigationObject.NavigationOff)
            else:
                controller.setNavigationMode(QgsTemporalNavigationObject.FixedRange)
                controller.setTemporalExtents(span)
        canvas.setTemporalRange(span)
        canvas.refresh()

    # --- findings ---------------------------------------------------------------------
    def span_kind_headers(self) -> None:
        self.findings_view.clearSpans()
        for position in self.findings.kind_headers():
            self.findings_view.setSpan(position, 0, 1, len(FindingsModel.COLUMNS))

    def selected_finding(self):
        indexes = self.findings_view.selectionModel().selectedRows()
        return self.findings.data(indexes[0], WORK_ROLE) if indexes else None

    def on_finding_selected(self, *_) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.finding_detail.clear()
            return
        history = "".join(
            "<br>• {} {}: {}".format(
                format_moment_time(d["decided_at"], self.lang),
                choice_label(VERDICTS, d["verdict"], self.lang),
                d.get("decision_text") or "",
            )
            for d in finding.decisions
        )
        self.finding_detail.setText("<b>{}</b>{}".format(finding.explanation, history))
        rows = [r for r in self.works.rows if r.work_id in (finding.work_a, finding.work_b)]
        self.show_on_map(rows)

    def on_decision_recorded(self) -> bool:
        finding = self.selected_finding()
        if finding is None or not self.path:
            return False
        decision = {
            "finding_id": finding.finding_id,
            "verdict": self.verdict_combo.currentData(),
            "decision_text": self.decision_edit.text().strip() or None,
            "action_holder": self.action_holder_edit.text().strip() or None,
            "decided_by": tr("Programme chamber"),
            "decided_at": datetime.now().replace(microsecond=0),
        }
        self.own_write_at = time.monotonic()  # our own write: keep the selection, no reload
        write_records(self.path, DECISIONS, [decision])
        finding.decisions.append(decision)
        self.findings.layoutChanged.emit()
        self.on_finding_selected()
        self.decision_edit.clear()
        return True

    def on_reanalyse(self) -> None:
        """Run the analysis as a background task; the panel stays usable."""
        if not self.path or self.task is not None:  # one analysis at a time
            return
        from ..store.analysis import analyse_programme

        path = self.path

        def work(task):
            return analyse_programme(
                path, progress=lambda p: task.setProgress(p) or not task.isCanceled()
            )

        self.task = QgsTask.fromFunction(
            tr("Analysing the programme"), work, on_finished=self.on_analysed
        )
        self.reanalyse_button.setEnabled(False)
        QgsApplication.taskManager().addTask(self.task)

    def on_analysed(self, exception, result=None) -> None:
        self.task = None  # QGIS deletes a finished task; the reference held it alive till now
        self.reanalyse_button.setEnabled(True)
        if exception is not None:
            self.tell(str(exception), Qgis.Critical, 0)
            return
        if result is not None:  # None: cancelled, nothing written
            from ..store.analysis import report_text

            self.tell(report_text(result), Qgis.Success, 10)
        self.reload()

    def tell(self, text: str, level=Qgis.Info, seconds: int = 10) -> None:
        """A message in QGIS's message bar, under the plugin's name."""
        self.iface.messageBar().pushMessage(tr("Integrale Programmakamer"), text, level, seconds)

    def on_export(self):
        """The exportprogramme dialog for this programme: the same code as in Processing."""
        if not self.path:
            return None
        import processing

        return processing.execAlgorithmDialog(
            "programmakamer:exportprogramme", {"PROGRAMME": self.path}
        )

    # --- presentation mode ------------------------------------------------------------
    def on_presentation_toggled(self, on: bool) -> None:
        """Big type for the wall screen, the map as large as it gets; all back when off."""
        window = self.iface.mainWindow()
        # on the wall the explanation needs the width: it says the saving already, and the
        # severity is for the GIS specialist's sorting, not for the room
        for name in ("saving", "severity"):
            self.findings_view.setColumnHidden(FindingsModel.COLUMNS.index(name), on)
        rows = self.findings_view.verticalHeader()
        if on:
            self.normal_row_height = rows.defaultSectionSize()
            rows.setDefaultSectionSize(int(self.normal_row_height * 3))  # three wrapped lines
        elif getattr(self, "normal_row_height", None):
            rows.setDefaultSectionSize(self.normal_row_height)
        if on:
            self.saved_window_state = window.saveState()
            self.saved_geometry = (window.saveGeometry(), window.windowState())
            self.hidden_widgets = [
                w
                for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)
                if w is not self and w.isVisible()
            ]
            for widget in self.hidden_widgets:
                widget.hide()
            self.setStyleSheet(PRESENTATION_STYLE)
            # QGIS saves its window layout when it quits, with no hook for plugins before:
            # keep the normal layout, so the next start can put it back (see plugin.py)
            remember_layout(window, self.saved_window_state, self.saved_geometry[0])
            window.showFullScreen()
            # big type must not push the map aside: the panel keeps to half the screen, and
            # gets 40 % so the three horizons fit side by side
            screen_width = window.screen().availableGeometry().width()
            self.setMaximumWidth(int(screen_width * 0.5))
            if not self.isFloating():
                window.resizeDocks([self], [int(screen_width * 0.4)], Qt.Horizontal)
        else:
            forget_layout()
            self.setStyleSheet("")
            self.setMaximumWidth(16777215)
            if self.saved_window_state is not None:
                geometry, state = self.saved_geometry
                window.showNormal()
                window.restoreGeometry(geometry)
                window.setWindowState(state)
                window.restoreState(self.saved_window_state)
            # after the restore: a state naming a widget twice (QGIS keeps removed docks as
            # children) can leave one of ours hidden; we hid exactly these, so show them
            for widget in getattr(self, "hidden_widgets", []):
                widget.show()
            self.hidden_widgets = []

    # --- settings ---------------------------------------------------------------------
    def fill_rule_settings(self) -> None:
        """An editor per rule setting and per moratorium, with its default and a way back."""
        from ..core.schema import MORATORIUM_PERIODS
        from ..core.schema import RULE_SETTINGS as RULE_TABLE
        from ..store.programme import read_table

        values = {r["key"]: r["value"] for r in read_table(self.path, RULE_TABLE)}
        moratorium = {
            r["surface_type"]: r["years"] for r in read_table(self.path, MORATORIUM_PERIODS)
        }
        grid = self.rules_layout
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rule_editors, self.moratorium_editors = {}, {}
        entries = [
            (s.key, s.description(self.lang), s.default, s.minimum, s.maximum, s.unit)
            for s in DEFINITIONS + MORATORIUM_DEFINITIONS
        ]
        for number, (key, text, default, low, high, unit) in enumerate(entries):
            is_rule = number < len(DEFINITIONS)
            label = QLabel(text)
            label.setWordWrap(True)
            editor = QDoubleSpinBox()
            editor.setRange(low, high)
            editor.setDecimals(0 if unit in ("0/1", "works") else 1)
            editor.setSuffix(" " + _unit(unit))
            stored = values.get(key) if is_rule else moratorium.get(key)
            editor.setValue(default if stored is None else stored)
            hint = QLabel(tr("default {}").format(_number(default, self.lang)))
            reset = QToolButton()
            reset.setText("↺")
            reset.setToolTip(tr("Back to the default ({})").format(_number(default, self.lang)))
            reset.clicked.connect(self.on_reset_setting)
            reset.setProperty("setting", key)
            reset.setProperty("default", default)
            grid.addWidget(label, number, 0)
            grid.addWidget(editor, number, 1)
            grid.addWidget(hint, number, 2)
            grid.addWidget(reset, number, 3)
            (self.rule_editors if is_rule else self.moratorium_editors)[key] = editor
        grid.setColumnStretch(0, 1)

    def on_reset_setting(self) -> None:
        button = self.sender()
        key = button.property("setting")
        editor = self.rule_editors.get(key) or self.moratorium_editors.get(key)
        if editor is not None:
            editor.setValue(float(button.property("default")))

    def on_settings_saved(self) -> bool:
        """Name, municipality and rule settings into the programme, in one transaction."""
        from ..store.programme import save_settings

        name = self.name_edit.text().strip()
        if not name:
            self.tell(tr("The programme needs a name."), Qgis.Warning, 5)
            return False
        self.own_write_at = time.monotonic()
        try:
            save_settings(
                self.path,
                name,
                self.municipality_edit.text().strip() or None,
                {key: editor.value() for key, editor in self.rule_editors.items()},
                {key: editor.value() for key, editor in self.moratorium_editors.items()},
            )
        except ProgrammeError as error:
            self.tell(str(error), Qgis.Critical, 10)
            return False
        info = read_programme(self.path)
        self.programme_label.setText(
            tr("{} – {}, reference year {}").format(
                info.name, info.municipality, info.reference_year
            )
        )
        group = programme_group(QgsProject.instance(), self.path)
        if group is not None:
            group.setName(group_name(info.name))
        self.tell(tr("Settings saved; the next analysis uses them."), Qgis.Info, 5)
        return True

    def on_reference_year_applied(self) -> int:
        """A new reference year: horizons recomputed (overrides kept); says how many moved."""
        from ..store.programme import assign_horizons

        year = self.reference_year_spin.value()
        try:
            report = assign_horizons(self.path, year, save_year=True)
        except ProgrammeError as error:
            self.tell(str(error), Qgis.Critical, 10)
            return 0
        for work_layer in self.work_layers():
            work_layer.reload()
            work_layer.triggerRepaint()
        self.set_programme(self.path)
        moved = tr("Reference year {}: {} works moved to another horizon.")
        self.tell(moved.format(year, report.moved), Qgis.Info, 10)
        return report.moved


PRESENTATION_LAYOUT = "programmakamer/layout_before_presentation"


def remember_layout(window, state, geometry) -> None:
    """Keep the window's normal layout in QGIS's settings while presentation mode is on."""
    settings = QgsSettings()
    settings.setValue(PRESENTATION_LAYOUT + "/state", state)
    settings.setValue(PRESENTATION_LAYOUT + "/geometry", geometry)


def forget_layout() -> None:
    QgsSettings().remove(PRESENTATION_LAYOUT)


def restore_layout_after_presentation(window) -> bool:
    """QGIS quit in presentation mode (and saved that layout): put the normal one back."""
    settings = QgsSettings()
    state = settings.value(PRESENTATION_LAYOUT + "/state")
    geometry = settings.value(PRESENTATION_LAYOUT + "/geometry")
    if state is None:
        return False
    forget_layout()
    window.showNormal()
    if geometry is not None:
        window.restoreGeometry(geometry)
    return window.restoreState(state)


def _unit(unit: str) -> str:
    units = {
        "m": tr("m"),
        "years": tr("years"),
        "EUR/m": tr("EUR/m"),
        "0/1": tr("(0 = no, 1 = yes)"),
        "works": tr("works"),
    }
    return units.get(unit, unit)


def _number(value: float, lang: str) -> str:
    """1.5 in English, 1,5 in Dutch; whole numbers without decimals."""
    text = "{:g}".format(value)
    return text.replace(".", ",") if lang == "nl" else text
