"""Run inside QGIS desktop (qgis --code): open $SHOT_PROJECT, grab the window to $SHOT."""

import os

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface


def _open():
    QgsProject.instance().read(os.environ["SHOT_PROJECT"])
    iface.mainWindow().showMaximized()


def _shot():
    iface.mainWindow().grab().save(os.environ.get("SHOT", "qgis.png"))
    iface.actionExit().trigger()


QTimer.singleShot(500, _open)
QTimer.singleShot(int(os.environ.get("SHOT_WAIT_MS", "8000")), _shot)
