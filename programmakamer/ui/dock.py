"""The chamber's dock panel: the programme, the horizons board, findings and decisions.

It shows what the store and the rules give back and records what the chamber decides:
horizon overrides go through the stakeholder layers' edit buffers (with undo, saved like
any QGIS edit), decisions are written to the decisions table at once.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsRectangle, QgsTask
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QFileSystemWatcher, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QInputDialog,
    QToolBar,
)

from ..core.horizons import HORIZON_ORDER
from ..core.schema import DECISIONS, HORIZONS, STATUSES, VERDICTS, choice_label
from ..store.layers import STAKEHOLDER_PROPERTY, TABLE_PROPERTY, programme_group
from ..store.programme import ProgrammeError, read_programme, write_records
from ..translation import language, tr
from .models import (
    WORK_ROLE,
    FindingsModel,
    WorksFilter,
    WorksModel,
    euro_text,
    read_finding_rows,
    read_work_rows,
)

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("dock.ui")))
#: Big type where the room reads (tables, lists, labels); controls keep their size, so the
#: panel does not push the map aside.
OWN_WRITE_SECONDS = 2.0
PRESENTATION_STYLE = (
    "QTableView, QListView { font-size: 17pt; background: white; color: black; }"
    " QHeaderView::section { font-size: 14pt; font-weight: bold; }"
    " QLabel { font-size: 15pt; }"
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
        for combo in (self.stakeholder_filter, self.horizon_filter, self.status_filter):
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
        self.board = {}  # filled when the horizons tab is first shown: three more filters

        self.findings = FindingsModel(self)
        self.findings_view.setModel(self.findings)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.findings_view.setWordWrap(True)
        header = self.findings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.findings_view.hideColumn(2)  # the explanation names the stakeholders already
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
        self.tabs.setTabText(3, tr("Settings"))
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
        self.reference_year_label.setText(tr("Reference year"))
        self.reference_year_spin.setRange(1900, 2200)
        self.apply_year_button.setText(tr("Apply and recompute horizons"))
        for spin in (self.year_from, self.year_to):
            spin.setRange(1900, 2200)
            spin.setSpecialValueText("–")
        self.year_from.setPrefix(tr("from "))
        self.year_to.setPrefix(tr("to "))

    def _connect(self) -> None:
        for combo in (self.stakeholder_filter, self.horizon_filter, self.status_filter):
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
        self.reference_year_spin.setValue(info.reference_year)
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
        rows = read_work_rows(self.path)
        self.works.set_rows(rows)
        self.works_view.resizeColumnsToContents()
        self._fill_filters(rows)
        self.findings.set_rows(read_finding_rows(self.path))
        self.update_board_totals()

    def _fill_filters(self, rows) -> None:
        combos = (self.stakeholder_filter, self.horizon_filter, self.status_filter)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.stakeholder_filter.addItem(tr("All stakeholders"), None)
        for sid, name in sorted(
            {(r.stakeholder_id, r.stakeholder) for r in rows}, key=lambda x: x[1]
        ):
            self.stakeholder_filter.addItem(name, sid)
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
        self.works_filter.set(
            stakeholder=self.stakeholder_filter.currentData(),
            horizon=self.horizon_filter.currentData(),
            status=self.status_filter.currentData(),
            years=years,
            text=self.search_edit.text().strip(),
        )
        self.apply_map_filter()

    def visible_rows(self):
        model = self.works_filter
        return [model.data(model.index(i, 0), WORK_ROLE) for i in range(model.rowCount())]

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
        for view in [self.works_view] + [v for _, v in self.board.values()]:
            if view.hasFocus() or view is self.works_view:
                indexes = view.selectionModel().selectedIndexes() if view.selectionModel() else []
                if indexes:
                    return indexes[0].model().data(indexes[0], WORK_ROLE)
        return None

    def on_work_selected(self, *_) -> None:
        row = self.selected_work()
        if row is not None:
            self.show_on_map([row])

    def show_on_map(self, rows) -> None:
        """Select the works' features on their layers, zoom to them and flash them."""
        canvas = self.iface.mapCanvas()
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

    # --- horizons board ---------------------------------------------------------------
    def show_board(self) -> None:
        """Connect the horizons board to the works (once, when it is first looked at)."""
        if self.board:
            return
        for horizon in HORIZON_ORDER:
            proxy = WorksFilter(self)
            proxy.setSourceModel(self.works)
            proxy.set(horizon=horizon)
            view = getattr(self, "{}_view".format(horizon))
            view.setModel(proxy)
            view.setModelColumn(1)  # the title
            view.setWordWrap(True)
            self.board[horizon] = (proxy, view)
        self.update_board_totals()

    def on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.horizons_tab:
            self.show_board()

    def update_board_totals(self) -> None:
        for horizon, (proxy, _view) in self.board.items():
            rows = [proxy.data(proxy.index(i, 0), WORK_ROLE) for i in range(proxy.rowCount())]
            cost = sum(r.cost or 0.0 for r in rows)
            by_stakeholder = {}
            for r in rows:
                by_stakeholder[r.stakeholder] = by_stakeholder.get(r.stakeholder, 0) + 1
            getattr(self, "{}_label".format(horizon)).setText(
                tr("{}: {} works, {}").format(
                    choice_label(HORIZONS, horizon, self.lang),
                    len(rows),
                    euro_text(cost, self.lang),
                )
            )

    def on_work_moved_to_horizon(self, horizon: str, reason: str | None = None) -> bool:
        """Record the chamber's horizon for the selected work, with a reason, undoable."""
        row = self.selected_work()
        if row is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self,
                tr("Move to another horizon"),
                tr("Why does the chamber move '{}'?").format(row.title),
            )
            if not ok:
                return False
        changed = False
        for table, fid in row.features:
            layer = self.layer_for(table, row.stakeholder_id)
            if layer is None:
                continue
            if not layer.isEditable() and not layer.startEditing():
                raise ProgrammeError(
                    tr("Cannot edit {}: the file is read-only or locked.").format(layer.name())
                )
            fields = layer.fields()
            layer.beginEditCommand(tr("Move work to horizon"))
            layer.changeAttributeValue(fid, fields.indexOf("horizon_override"), horizon)
            layer.changeAttributeValue(fid, fields.indexOf("horizon_reason"), reason)
            layer.endEditCommand()
            layer.triggerRepaint()
            changed = True
        if changed:
            row.override, row.reason = horizon, reason
            self.works.touch()
            for proxy in [self.works_filter] + [p for p, _view in self.board.values()]:
                proxy.refresh()
            self.update_board_totals()
        return changed

    # --- findings ---------------------------------------------------------------------
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
                str(d["decided_at"])[:16],
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
            self.iface.messageBar().pushMessage(
                tr("Integrale Programmakamer"), str(exception), Qgis.Critical, 0
            )
            return
        self.reload()

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
            window.showFullScreen()
            # big type must not push the map aside: the panel keeps to 45 % of the screen
            self.setMaximumWidth(int(window.screen().availableGeometry().width() * 0.45))
        else:
            self.setStyleSheet("")
            self.setMaximumWidth(16777215)
            for widget in getattr(self, "hidden_widgets", []):
                widget.show()
            if self.saved_window_state is not None:
                geometry, state = self.saved_geometry
                window.showNormal()
                window.restoreGeometry(geometry)
                window.setWindowState(state)
                window.restoreState(self.saved_window_state)
            self.hidden_widgets = []

    # --- settings ---------------------------------------------------------------------
    def on_reference_year_applied(self) -> int:
        """A new reference year: horizons recomputed (overrides kept); says how many moved."""
        from ..core.schema import PROGRAMME
        from ..store.programme import assign_horizons, edit_session, table_layer

        year = self.reference_year_spin.value()
        layer = table_layer(self.path, PROGRAMME.name)
        with edit_session(layer):
            for feature in layer.getFeatures():
                layer.changeAttributeValue(
                    feature.id(), layer.fields().indexOf("reference_year"), year
                )
        report = assign_horizons(self.path)
        for work_layer in self.work_layers():
            work_layer.reload()
            work_layer.triggerRepaint()
        self.set_programme(self.path)
        self.iface.messageBar().pushMessage(
            tr("Integrale Programmakamer"),
            tr("Reference year {}: {} works moved to another horizon.").format(year, report.moved),
            Qgis.Info,
            10,
        )
        return report.moved
