"""Dialog to add a stakeholder to the open programme; the layer appears at once."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDialog, QMessageBox

from ..core.schema import DISCIPLINES
from ..store.errors import ProgrammeError
from ..store.layers import PATH_PROPERTY, add_stakeholder_layers
from ..store.programme import add_stakeholder
from ..translation import language, tr

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("stakeholder_dialog.ui")))


def open_programme_path(project: QgsProject) -> str | None:
    """The programme whose group is highest in the layer tree, if any is open."""
    for group in project.layerTreeRoot().findGroups(True):
        if group.customProperty(PATH_PROPERTY):
            return group.customProperty(PATH_PROPERTY)
    return None


class StakeholderDialog(QDialog, FORM):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.setWindowTitle(tr("Add stakeholder"))
        self.name_label.setText(tr("Name"))
        self.discipline_label.setText(tr("Discipline"))
        self.colour_label.setText(tr("Colour"))
        self.contact_label.setText(tr("Contact"))
        lang = language()
        for choice in DISCIPLINES:
            self.discipline_combo.addItem(choice.label(lang), choice.value)
        self.colour_button.setColor(QColor("#555555"))
        self.path = open_programme_path(QgsProject.instance())
        self.programme_label.setText(
            tr("Programme: {}").format(self.path) if self.path else tr("Open a programme first.")
        )
        self.buttons.accepted.connect(self.on_add_stakeholder)
        self.buttons.rejected.connect(self.reject)

    def on_add_stakeholder(self):
        if not self.path:
            self.reject()
            return
        try:
            record = add_stakeholder(
                self.path,
                self.name_edit.text(),
                self.discipline_combo.currentData(),
                self.colour_button.color().name(),
                self.contact_edit.text(),
            )
        except ProgrammeError as error:
            QMessageBox.warning(self, tr("Add stakeholder"), str(error))
            return
        add_stakeholder_layers(QgsProject.instance(), self.path, record)
        self.accept()
