"""The chamber's dock panel: a frame around its tabs (works, horizons board, findings,
timeline, settings).

The dock keeps what is the panel's own: the programme it shows, the file watcher and the
reload, the background analysis, presentation mode and the message bar. The tabs talk to
it by signals and plain method calls; the map is reached through `MapLink`.
"""

from __future__ import annotations

import time
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsTask
from qgis.PyQt.QtCore import QFileSystemWatcher, Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QInputDialog

from ..processing.postgis_parameters import programme_parameters
from ..store.history import has_history
from ..store.layers import group_name, programme_group
from ..store.location import normalised, watched_paths
from ..store.programme import ProgrammeInfo, read_programme, read_stakeholders
from ..translation import tr
from .findings_tab import FindingsTab
from .history_dialog import WorkHistoryDialog
from .horizons_tab import HorizonsTab
from .map_link import MapLink
from .models import WorksModel, read_finding_rows, read_work_rows
from .presentation import PresentationMode
from .rich_text import escaped
from .settings_tab import SettingsTab
from .tab import form, reported
from .timeline_tab import TimelineTab
from .works_tab import WorksTab

FORM = form("dock.ui")
OWN_WRITE_SECONDS = 2.0  # a change on disk this soon after the panel's own write is ours
MAX_ON_MAP = 200  # selected works shown (zoomed to, flashed) on the map at once


class ProgrammeDock(QDockWidget, FORM):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("ProgrammakamerDock")  # QGIS remembers where the dock was
        self.iface = iface
        self.path: str | None = None
        self.reference_year = 0
        self.colours: dict[int, str] = {}  # stakeholder id: colour
        self.task: QgsTask | None = None  # the background analysis, held while it runs
        self.own_write_at = 0.0
        self.touch_pending = False
        self.pending_move: tuple[str | None, list] = (None, [])
        self.history_dialog: WorkHistoryDialog | None = None
        self.works = WorksModel(self)
        self.map_link = MapLink(iface, self.tell, self)
        self.presentation = PresentationMode(self, iface.mainWindow())
        self.works_tab = WorksTab(self.works)
        self.horizons_tab = HorizonsTab(self.works)
        self.findings_tab = FindingsTab()
        self.timeline_tab = TimelineTab()
        self.settings_tab = SettingsTab()
        for tab, title in (
            (self.works_tab, tr("Programme")),
            (self.horizons_tab, tr("Horizons")),
            (self.findings_tab, tr("Findings")),
            (self.timeline_tab, tr("Timeline")),
            (self.settings_tab, tr("Settings")),
        ):
            self.tabs.addTab(tab, title)
            tab.told.connect(self.tell)
        # Another person (or process) saving the programme: reload instead of overwriting.
        self.watcher = QFileSystemWatcher(self)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(500)
        self.setWindowTitle(tr("Programmakamer"))
        self.reanalyse_button.setText(tr("Re-analyse"))
        self.import_button.setText(tr("Import delivery…"))
        self.export_button.setText(tr("Export…"))
        self.action_lists_button.setText(tr("Action lists…"))
        self.action_lists_button.setToolTip(tr("Each stakeholder's action list after a session"))
        self.publish_button.setText(tr("Web map…"))
        self.publish_button.setToolTip(tr("Publish the programme as a web map for everyone"))
        self.presentation_button.setText(tr("Presentation mode"))
        self._connect()

    def _connect(self) -> None:
        self.watcher.fileChanged.connect(self.on_programme_changed_on_disk)
        self.watcher.directoryChanged.connect(self.on_folder_changed)
        self.reload_timer.timeout.connect(self.reload_unless_analysing)
        self.reanalyse_button.clicked.connect(self.on_reanalyse)
        self.import_button.clicked.connect(self.on_import)
        self.export_button.clicked.connect(self.on_export)
        self.action_lists_button.clicked.connect(self.on_action_lists)
        self.publish_button.clicked.connect(self.on_publish)
        self.presentation_button.toggled.connect(self.on_presentation_toggled)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.map_link.works_selected_on_map.connect(self.on_works_selected_on_map)
        self.map_link.horizons_edited.connect(self.rows_changed)
        self.map_link.year_chosen_on_map.connect(self.timeline_tab.follow_year)
        self.works_tab.filter_changed.connect(self.on_filter_changed)
        self.works_tab.selection_changed.connect(self.on_work_selected)
        self.works_tab.history_requested.connect(self.on_history_requested)
        self.horizons_tab.move_requested.connect(self.on_work_moved_to_horizon)
        self.horizons_tab.works_dropped.connect(self.on_works_dropped)
        self.horizons_tab.works_chosen.connect(self.show_works_on_map)
        self.findings_tab.works_chosen.connect(self.show_works_on_map)
        self.findings_tab.writing.connect(self.on_own_write)
        self.timeline_tab.year_chosen.connect(self.map_link.show_year)
        self.settings_tab.writing.connect(self.on_own_write)
        self.settings_tab.settings_saved.connect(self.on_settings_saved)
        self.settings_tab.horizons_recomputed.connect(self.on_horizons_recomputed)

    # --- the programme ----------------------------------------------------------------
    @reported
    def set_programme(self, path: str) -> None:
        for watched in self.watcher.files() + self.watcher.directories():
            self.watcher.removePath(watched)
        self.path = normalised(path)
        self.map_link.path = self.path
        folder, _ = watched_paths(self.path)
        if folder is not None:
            self.watcher.addPath(folder)
        self.watch_programme_files()
        info = read_programme(self.path)
        self.show_programme_info(info)
        self.reference_year = info.reference_year
        self.settings_tab.set_programme(info)
        self.works_tab.show_history(has_history(self.path))
        self.timeline_tab.set_reference_year(info.reference_year)
        self.map_link.follow_temporal_controller()
        self.reload()

    def show_programme_info(self, info: ProgrammeInfo) -> None:
        self.programme_label.setText(
            tr("{} – {}, reference year {}").format(
                info.name, info.municipality, info.reference_year
            )
        )

    def watch_programme_files(self) -> None:
        """The programme's files that exist now (a write-ahead log comes and goes)."""
        if not self.path:
            return
        for name in watched_paths(self.path)[1]:
            if Path(name).exists() and name not in self.watcher.files():
                self.watcher.addPath(name)

    def on_folder_changed(self, _folder: str) -> None:
        self.watch_programme_files()  # the write-ahead log may have appeared

    def on_programme_changed_on_disk(self, path: str) -> None:
        """Reload (once the writes settle) so the panel never shows or saves stale rows."""
        if self.path and path in watched_paths(self.path)[1]:
            self.watch_programme_files()  # a replaced file drops out of the watch
            if time.monotonic() - self.own_write_at > OWN_WRITE_SECONDS:
                self.reload_timer.start()

    def on_programme_changed_in_database(self, location: str) -> None:
        """A shared programme announced a colleague's save (store.notify): reload as when
        the file changes on disk."""
        if self.path and location == self.path:
            if time.monotonic() - self.own_write_at > OWN_WRITE_SECONDS:
                self.reload_timer.start()

    def on_own_write(self) -> None:
        self.own_write_at = time.monotonic()  # our own write: keep the selection, no reload

    @reported
    def reload_unless_analysing(self) -> None:
        # The analysis writes the file itself and reloads when done; reading the programme
        # from two threads at once crashed GDAL in testing.
        if self.task is None:
            self.reload()

    def reload(self) -> None:
        """Read works and findings again (after an analysis or an outside change)."""
        if not self.path:
            return
        self.colours = {
            s["stakeholder_id"]: s.get("colour") or "#808080" for s in read_stakeholders(self.path)
        }
        rows = read_work_rows(self.path)
        conflicts = self.map_link.show_waiting_moves(rows)
        self.works.set_rows(rows)
        self.works_tab.works_loaded(rows)
        self.findings_tab.show_findings(self.path, read_finding_rows(self.path))
        self.horizons_tab.update_totals()
        self.update_timeline()
        self.map_link.watch(rows)
        if conflicts:
            self.tell_overtaken_moves(conflicts)

    def tell_overtaken_moves(self, conflicts) -> None:
        """Someone else saved another horizon for works moved here: said now, decided
        when saving."""
        if len(conflicts) == 1:
            text = tr(
                "Someone else saved another horizon for '{}', which you moved: saving asks "
                "which horizon stays."
            ).format(conflicts[0].title or conflicts[0].work_id)
        else:
            text = tr(
                "Someone else saved another horizon for {} works you moved: saving asks "
                "which horizon stays."
            ).format(len(conflicts))
        self.tell(text, Qgis.MessageLevel.Warning, 0)

    # --- between the tabs and the map -------------------------------------------------
    def on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.horizons_tab:
            self.horizons_tab.show_board()
        if self.tabs.widget(index) is self.timeline_tab:
            self.update_timeline()

    def on_filter_changed(self) -> None:
        self.map_link.show_only(self.works_tab.map_filter())
        self.update_timeline()

    def on_work_selected(self) -> None:
        rows = self.works_tab.selected_rows()
        if rows:
            self.map_link.show_on_map(rows[:MAX_ON_MAP])
        self.update_timeline()

    def on_works_selected_on_map(self, work_ids: set) -> None:
        """Works selected on the map are selected in the table."""
        self.works_tab.select_works(work_ids, notify=False)
        self.update_timeline()

    def show_works_on_map(self, work_ids: list) -> None:
        self.map_link.show_on_map([r for r in self.works.rows if r.work_id in work_ids])

    def update_timeline(self) -> None:
        """The timeline shows the selected works, else the filtered ones, street by street."""
        if self.tabs.currentWidget() is not self.timeline_tab:
            return  # drawn when its tab is shown
        selected = self.works_tab.selected_rows()
        self.timeline_tab.show_works(
            selected or self.works_tab.visible_rows(),
            bool(selected),
            self.colours,
            self.reference_year,
        )

    def rows_changed(self) -> None:
        """Rows changed in place: every view and total decides again (once per event)."""
        if not self.touch_pending:
            self.touch_pending = True
            QTimer.singleShot(0, self._touch)

    def _touch(self) -> None:
        self.touch_pending = False
        self.works.touch()
        self.horizons_tab.update_totals()
        self.update_timeline()

    # --- horizon moves ----------------------------------------------------------------
    @reported
    def on_work_moved_to_horizon(self, horizon: str, reason: str | None = None, rows=None) -> bool:
        """Record the chamber's horizon for works (default: the selected ones) with a reason,
        through the layers' edit buffers: undoable, saved like any QGIS edit."""
        if rows is None:
            on_board = self.tabs.currentWidget() is self.horizons_tab
            rows = (
                self.horizons_tab.selected_works() if on_board else self.works_tab.selected_rows()
            )
        rows = [r for r in rows if r.effective != horizon or r.override != horizon]
        if not rows:
            return False
        if reason is None:
            reason = self.ask_reason(rows)
            if reason is None:
                return False
        if not self.map_link.move_works(rows, horizon, reason):
            return False
        for row in rows:
            row.override, row.reason = horizon, reason
        self._touch()
        return True

    def ask_reason(self, rows) -> str | None:
        """Why the chamber moves these works (None: the user cancelled)."""
        question = (
            tr("Why does the chamber move '{}'?").format(rows[0].title)
            if len(rows) == 1
            else tr("Why does the chamber move these {} works?").format(len(rows))
        )
        reason, ok = QInputDialog.getText(self, tr("Move to another horizon"), question)
        return reason if ok else None

    def on_works_dropped(self, work_ids: list, horizon: str) -> None:
        """Works dragged onto another horizon's column: move them there (asks why)."""
        wanted = set(work_ids)
        rows = [r for r in self.works.rows if r.work_id in wanted]
        # after the drop has finished: the reason dialog must not run inside the drag
        self.pending_move = (horizon, rows)
        QTimer.singleShot(0, self.move_pending)

    def move_pending(self) -> None:
        horizon, rows = self.pending_move
        self.pending_move = (None, [])
        if horizon and rows:
            self.on_work_moved_to_horizon(horizon, rows=rows)

    @reported
    def on_history_requested(self) -> None:
        """The selected work's saved history, beside the panel (not modal: the map stays
        usable while it is open)."""
        rows = self.works_tab.selected_rows()
        if len(rows) != 1 or not self.path:
            return
        self.history_dialog = WorkHistoryDialog(self.path, rows[0].work_id, rows[0].title, self)
        self.history_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog.restored.connect(self.on_work_restored)
        self.history_dialog.show()

    @reported
    def on_work_restored(self) -> None:
        self.on_own_write()
        for work_layer in self.map_link.work_layers():
            work_layer.triggerRepaint()
        kept = [r.work_id for r in self.works_tab.selected_rows()]
        self.reload()
        self.works_tab.select_works(kept, notify=False)

    # --- what the settings tab changed ------------------------------------------------
    @reported
    def on_settings_saved(self) -> None:
        """The name may have changed: the panel and the layer tree show the new one."""
        info = read_programme(self.path)
        self.show_programme_info(info)
        group = programme_group(QgsProject.instance(), self.path)
        if group is not None:
            group.setName(group_name(info.name))

    @reported
    def on_horizons_recomputed(self) -> None:
        for work_layer in self.map_link.work_layers():
            work_layer.reload()
            work_layer.triggerRepaint()
        self.set_programme(self.path)

    # --- analysis, export, presentation, messages -------------------------------------
    def on_reanalyse(self) -> None:
        """Run the analysis as a background task; the panel stays usable."""
        if not self.path or self.task is not None:  # one analysis at a time
            return
        # here, not above: the analysis needs shapely 2, the rest of the panel does not
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

    @reported
    def on_analysed(self, exception, result=None) -> None:
        self.task = None  # QGIS deletes a finished task; the reference held it alive till now
        self.reanalyse_button.setEnabled(True)
        if exception is not None:
            self.tell(str(exception), Qgis.MessageLevel.Critical, 0)
            return
        if result is not None:  # None: cancelled, nothing written
            from ..store.analysis import report_text

            self.tell(report_text(result), Qgis.MessageLevel.Success, 10)
        self.reload()

    def tell(self, text: str, level=Qgis.MessageLevel.Info, seconds: int = 10) -> None:
        """A message in QGIS's message bar, under the plugin's name."""
        self.iface.messageBar().pushMessage(
            tr("Integrale Programmakamer"), escaped(text), level, seconds
        )

    @reported
    def on_import(self) -> None:
        """The import wizard for this programme; the panel reloads after a delivery."""
        if not self.path:
            return
        from .import_wizard import ImportWizard

        wizard = ImportWizard(self.iface, self.path, self.iface.mainWindow(), self.styleSheet())
        wizard.delivery_written.connect(self.on_delivery_written)
        wizard.exec()
        wizard.deleteLater()  # its widgets freed here, in the main thread

    @reported
    def on_delivery_written(self, _path: str = "") -> None:
        for work_layer in self.map_link.work_layers():
            work_layer.reload()
            work_layer.triggerRepaint()
        self.reload()

    def on_export(self):
        return self.algorithm_dialog("exportprogramme")

    def on_action_lists(self):
        """Each stakeholder's action list after a session."""
        return self.algorithm_dialog("exportactionlists")

    def on_publish(self):
        return self.algorithm_dialog("publishprogramme")

    def algorithm_dialog(self, name: str):
        """An algorithm's dialog for this programme: the same code as in Processing."""
        if not self.path:
            return None
        import processing  # QGIS's Processing plugin: importable once QGIS has loaded it

        return processing.execAlgorithmDialog(
            "programmakamer:{}".format(name), programme_parameters(self.path)
        )

    def on_presentation_toggled(self, on: bool) -> None:
        """Big type for the wall screen, the map as large as it gets; all back when off."""
        self.findings_tab.set_presentation(on)
        if on:
            self.presentation.turn_on()
        else:
            self.presentation.turn_off()
