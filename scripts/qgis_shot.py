"""Run inside QGIS desktop (qgis --code): open $SHOT_PROJECT, grab the window to $SHOT."""

import os

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface


def _open():
    QgsProject.instance().read(os.environ["SHOT_PROJECT"])
    browser = iface.mainWindow().findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()  # the layer tree is what the screenshot is about
    iface.mainWindow().showMaximized()


def _shot():
    iface.mainWindow().grab().save(os.environ.get("SHOT", "qgis.png"))
    iface.actionExit().trigger()


QTimer.singleShot(500, _open)
QTimer.singleShot(int(os.environ.get("SHOT_WAIT_MS", "12000")), _shot)
