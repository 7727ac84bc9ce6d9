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


def rule_error_message(error) -> str:
    """A rule's refusal in the user's language."""
    messages = {
        "distance_not_positive": tr("The distance must be larger than 0 m (got {})."),
        "distance_too_large": tr("A distance of {} m is too large: use at most 500 m."),
        "window_negative": tr("The time window cannot be negative (got {})."),
        "cell_too_small": tr("The cell size must be at least 10 m (got {})."),
        "too_many_pairs": tr(
            "About {} pairs of works would be compared: lower the distance or split the layer."
        ),
    }
    return messages.get(error.code, str(error)).format(error.value)
