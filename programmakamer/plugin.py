"""Wiring between QGIS and the plugin: menu, toolbar, Processing provider, translator."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QFileDialog

from .dependencies import shapely_problem
from .log import logger
from .translation import install_translator, tr

ICON = str(Path(__file__).parent / "icons" / "icon.svg")


DOCK_SIZED = "programmakamer/dock_sized"  # QgsSettings key: the panel got its first width


class ProgrammakamerPlugin:
    def __init__(self, iface):  # noqa: QGS105 (QGIS hands it to classFactory)
        self.iface = iface
        self.translator = install_translator()
        self.provider = None
        self.guard = None
        self.listeners = None
        self.actions: list[QAction] = []
        self.menu = tr("&Integrale Programmakamer")

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        from .processing.provider import ProgrammakamerProvider

        if self.provider is None:
            self.provider = ProgrammakamerProvider()
            if not QgsApplication.processingRegistry().addProvider(self.provider):
                # QGIS has deleted it: one of our id is registered (a plugin instance that
                # was not unloaded); that one serves, and unload must not touch this one
                logger("plugin").warning("A Programmakamer provider was registered already")
                self.provider = None

    def initGui(self):  # noqa: N802 (QGIS's name)
        from .store.history import guard_programme_layers
        from .store.notify import ProgrammeListeners

        self.initProcessing()
        self.dock = None
        # A saved project's programme layers come back without the plugin: guard them too.
        self.guard = guard_programme_layers
        QgsProject.instance().layersAdded.connect(self.guard)
        # A colleague's save redraws a shared programme's layers (one connection each).
        self.listeners = ProgrammeListeners(QgsProject.instance())
        self.dock_action = self._add_action(
            tr("Programmakamer panel"), self.toggle_dock, toolbar=True
        )
        self.dock_action.setCheckable(True)
        self._add_action(tr("New programme…"), self.new_programme, toolbar=False)
        self._add_action(tr("Open programme…"), self.open_programme_dialog, toolbar=True)
        self._add_action(tr("Add stakeholder…"), self.add_stakeholder_dialog, toolbar=False)
        self._add_action(tr("Import delivery…"), self.import_delivery_dialog, toolbar=False)
        # after QGIS has restored its own window layout: if it quit in presentation mode,
        # that layout has no toolbars or panels; the one from before comes back
        QTimer.singleShot(0, self.restore_layout)
        problem = shapely_problem()
        if problem:
            self.iface.messageBar().pushMessage(
                tr("Integrale Programmakamer"),
                tr(
                    "The analyses need the Python package shapely 2.0 or newer (found: {}). "
                    "Install it for the Python that QGIS uses, e.g. "
                    '\'python3 -m pip install --user "shapely>=2,<3" "numpy<2"\', and restart QGIS.'
                ).format(problem),
                Qgis.MessageLevel.Warning,
                0,
            )

    def restore_layout(self) -> None:
        from .ui.presentation import restore_layout_after_presentation

        if restore_layout_after_presentation(self.iface.mainWindow()):
            self.iface.messageBar().pushMessage(
                tr("Integrale Programmakamer"),
                tr("QGIS was closed in presentation mode: the window layout from before is back."),
                Qgis.MessageLevel.Info,
                10,
            )

    def _add_action(self, text: str, slot, toolbar: bool) -> QAction:
        action = QAction(QIcon(ICON), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(self.menu, action)
        if toolbar:
            self.iface.addToolBarIcon(action)
        self.actions.append(action)
        return action

    def unload(self):
        if self.guard is not None:
            QgsProject.instance().layersAdded.disconnect(self.guard)
            self.guard = None
        if self.listeners is not None:
            self.listeners.close()
            self.listeners = None
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            self.iface.removeToolBarIcon(action)
            action.triggered.disconnect()
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QgsApplication.instance().removeTranslator(self.translator)
            self.translator = None

    # --- actions ------------------------------------------------------------------
    def toggle_dock(self, show: bool = True):
        from .ui.dock import ProgrammeDock
        from .ui.stakeholder_dialog import open_programme_path

        if self.dock is None:
            self.dock = ProgrammeDock(self.iface, self.iface.mainWindow())
            if self.listeners is not None:
                self.listeners.changed.append(self.dock.on_programme_changed_in_database)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            settings = QgsSettings()
            if not settings.value(DOCK_SIZED, False, type=bool):
                # the first time: room for the findings' sentences; afterwards QGIS keeps
                # the width the user gives it in its window state
                window = self.iface.mainWindow()
                window.resizeDocks(
                    [self.dock], [int(window.width() * 0.33)], Qt.Orientation.Horizontal
                )
                settings.setValue(DOCK_SIZED, True)
            self.dock.visibilityChanged.connect(self.dock_action.setChecked)
            path = open_programme_path(QgsProject.instance())
            if path:
                self.dock.set_programme(path)
        self.dock.setVisible(show)

    def new_programme(self):
        import processing

        results = processing.execAlgorithmDialog("programmakamer:createprogramme", {})
        if results and results.get("OUTPUT"):
            self.open_programme(results["OUTPUT"])

    def open_programme_dialog(self):
        path, _ = QFileDialog.getOpenFileName(
            self.iface.mainWindow(), tr("Open programme"), "", tr("GeoPackage (*.gpkg)")
        )
        if path:
            self.open_programme(path)

    def open_programme(self, path: str) -> bool:
        from .store.errors import ProgrammeError
        from .store.layers import open_programme

        try:
            info = open_programme(QgsProject.instance(), path)
        except ProgrammeError as error:
            self.iface.messageBar().pushMessage(
                tr("Integrale Programmakamer"), str(error), Qgis.MessageLevel.Critical, 0
            )
            return False
        self.iface.messageBar().pushMessage(
            tr("Integrale Programmakamer"),
            tr("Programme {} opened.").format(info.name),
            Qgis.MessageLevel.Success,
            5,
        )
        if self.dock is not None:
            self.dock.set_programme(path)
        return True

    def add_stakeholder_dialog(self):
        from .ui.stakeholder_dialog import StakeholderDialog

        dialog = StakeholderDialog(self.iface, self.iface.mainWindow())
        dialog.exec()

    def import_delivery_dialog(self):
        """The import wizard for the open programme; the panel reloads after a delivery."""
        from .ui.stakeholder_dialog import open_programme_path

        path = open_programme_path(QgsProject.instance())
        if self.dock is not None and self.dock.path:
            path = self.dock.path
        if not path:
            self.iface.messageBar().pushMessage(
                tr("Integrale Programmakamer"),
                tr("Open a programme first."),
                Qgis.MessageLevel.Warning,
                5,
            )
            return
        from .ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.iface, path, self.iface.mainWindow())
        if self.dock is not None:
            wizard.delivery_written.connect(self.dock.on_delivery_written)
        wizard.exec()
        wizard.deleteLater()  # its widgets freed here, in the main thread
