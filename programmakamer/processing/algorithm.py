"""What every algorithm of the provider shares: naming, translation, help."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..translation import tr

ICON = Path(__file__).resolve().parent.parent / "icons" / "icon.svg"


class ProgrammakamerAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set `NAME`, `group_key` and implement the template methods."""

    NAME = ""
    GROUP = "programme"

    def tr(self, text: str) -> str:
        return tr(text)

    def createInstance(self):
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def groupId(self) -> str:
        return self.GROUP

    def group(self) -> str:
        return tr("Programme")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))
