"""Run inside QGIS desktop (qgis --code): open $SHOT_PROJECT, grab the window to $SHOT.

$SHOT_DOCK=1 opens the Programmakamer panel on tab $SHOT_TAB; $SHOT_PRESENTATION=1 also
turns on presentation mode; $SHOT_SEARCH types into the search box and $SHOT_YEAR steps the
map to that year (the timeline).
"""

import os

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins


def _open():
    QgsProject.instance().read(os.environ["SHOT_PROJECT"])
    browser = iface.mainWindow().findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()  # the layer tree is what the screenshot is about
    # Xvfb has no window manager to maximise the window: give it the whole screen
    window = iface.mainWindow()
    window.setGeometry(window.screen().geometry())
    if os.environ.get("SHOT_DOCK"):
        plugin = plugins["programmakamer"]
        plugin.toggle_dock(True)
        if os.environ.get("SHOT_SEARCH"):
            plugin.dock.works_tab.search_edit.setText(os.environ["SHOT_SEARCH"])
        plugin.dock.tabs.setCurrentIndex(int(os.environ.get("SHOT_TAB", "0")))
        if os.environ.get("SHOT_YEAR"):
            plugin.dock.timeline_tab.map_year_spin.setValue(int(os.environ["SHOT_YEAR"]))
            plugin.dock.timeline_tab.map_by_year.setChecked(True)
        if os.environ.get("SHOT_TAB") == "2":  # a finding selected, as in a session
            view = plugin.dock.findings_tab.findings_view
            view.selectRow(1)  # row 0 is the header of the dig-once chances
        if os.environ.get("SHOT_PRESENTATION"):
            # once the window is laid out, as when the GIS specialist clicks the button
            QTimer.singleShot(4000, lambda: plugin.dock.presentation_button.setChecked(True))


def _shot():
    iface.mainWindow().grab().save(os.environ.get("SHOT", "qgis.png"))
    iface.actionExit().trigger()


QTimer.singleShot(500, _open)
QTimer.singleShot(int(os.environ.get("SHOT_WAIT_MS", "12000")), _shot)
