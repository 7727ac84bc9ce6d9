"""The Add stakeholder dialog on a real programme: its layer appears at once."""

from __future__ import annotations

from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QMessageBox

from programmakamer.store import programme as store
from programmakamer.store.layers import open_programme
from programmakamer.ui.stakeholder_dialog import StakeholderDialog


def test_the_dialog_adds_a_stakeholder_and_its_layer(demo_programme, project, qgis_iface):
    open_programme(project, demo_programme)
    dialog = StakeholderDialog(qgis_iface)
    assert dialog.discipline_combo.count() == 15
    dialog.name_edit.setText("Vervoerbedrijf")
    dialog.discipline_combo.setCurrentIndex(dialog.discipline_combo.findData("public_transport"))
    dialog.colour_button.setColor(QColor("#00aa00"))
    dialog.on_add_stakeholder()
    assert dialog.result() == dialog.Accepted
    added = store.read_stakeholders(demo_programme)[-1]
    assert (added["name"], added["discipline"], added["colour"]) == (
        "Vervoerbedrijf",
        "public_transport",
        "#00aa00",
    )
    assert project.mapLayersByName("Vervoerbedrijf")


def test_an_empty_name_is_refused_with_a_message(demo_programme, project, qgis_iface, monkeypatch):
    open_programme(project, demo_programme)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    dialog = StakeholderDialog(qgis_iface)
    dialog.name_edit.setText("   ")
    dialog.on_add_stakeholder()
    assert shown == ["A stakeholder needs a name."]
    assert len(store.read_stakeholders(demo_programme)) == 12
