"""Run inside QGIS desktop (qgis --code): open $SHOT_PROJECT, grab the window to $SHOT.

$SHOT_DOCK=1 opens the Programmakamer panel on tab $SHOT_TAB; $SHOT_PRESENTATION=1 also
turns on presentation mode; $SHOT_SEARCH types into the search box and $SHOT_YEAR steps the
map to that year (the timeline). $SHOT_WIZARD=streets opens the import wizard on a messy
delivery (a Dutch Excel CSV with French status words and street names) at its street-name
matching (source, fields, values, check, plan: at that step); the whole screen is grabbed
then, wizard included.
"""

import os
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

DELIVERY = (
    "Kenmerk;Omschrijving;Straat;Begindatum;Einddatum;Raming (€);Statut;Graafwerk",
    "VIT-001;Vervangen waterleiding;Kerkstraat;01-03-2027;30-11-2027;125.000,50;prévu;oui",
    "VIT-002;Relining;Beukenln.;2028;;8500,75;en cours;oui",
    "VIT-003;Aansluitingen;Kastanjelaan;Q3 2027;;12,5;terminé;non",
    "VIT-004;Lekkage;Nergenshuizenpad;15-09-2027;;1000;à l'arrêt;oui",
    "VIT-005;Brandkranen;Lindenhof;03-04-05;;;suspendu;oui",
    "VIT-006;Meters;Kerkweg;mrt 2028;;2.500,00;suspendu;peut-être",
    "VIT-007;Hoofdleiding;Tulpenstrat;juni 2028;;;prévu;oui",
)


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
        if os.environ.get("SHOT_WIZARD"):
            QTimer.singleShot(3000, lambda: _wizard(plugin))
        if os.environ.get("SHOT_PRESENTATION"):
            # once the window is laid out, as when the GIS specialist clicks the button
            QTimer.singleShot(4000, lambda: plugin.dock.presentation_button.setChecked(True))


def _wizard(plugin):
    """The wizard as a specialist leaves it after Next on the mapping: streets matched."""
    from programmakamer.ui.import_wizard import ImportWizard

    path = plugin.dock.path
    delivery = Path(path).with_name("levering_waterbedrijf.csv")
    delivery.write_bytes("\r\n".join(DELIVERY).encode("cp1252") + b"\r\n")
    wizard = ImportWizard(iface, path, iface.mainWindow(), plugin.dock.styleSheet())
    _WIZARD.append(wizard)
    stakeholders = wizard.stakeholder_combo
    stakeholders.setCurrentIndex(stakeholders.findText("Waterbedrijf"))
    wizard.file_edit.setText(str(delivery))
    screen = iface.mainWindow().geometry()
    wizard.resize(int(screen.width() * 0.62), int(screen.height() * 0.72))
    wizard.move(
        screen.x() + (screen.width() - wizard.width()) // 2,
        screen.y() + (screen.height() - wizard.height()) // 2,
    )
    wizard.show()
    wizard.on_read_clicked()
    title = wizard.field_widgets["title"][0]
    title.setCurrentIndex(title.findData("Omschrijving"))
    page = os.environ["SHOT_WIZARD"]
    if page == "source":
        return
    wizard.next()
    if page in ("fields", "values"):
        wizard.mapping_tabs.setCurrentIndex(("fields", "values").index(page))
        return
    wizard.next()  # matches the street names and stays to show them
    if page in ("check", "plan"):
        wizard.choose_value("status", "suspendu", "planned")
        kastanje = wizard.street_choice_combo(2)
        kastanje.setCurrentIndex(kastanje.findText("Kastanjestraat", Qt.MatchFlag.MatchStartsWith))
        wizard.next()
    if page == "plan":
        wizard.next()


_WIZARD: list = []  # held, or Python deletes the window


def _shot():
    target = os.environ.get("SHOT", "qgis.png")
    if _WIZARD:  # a window of its own: the screen, not the main window
        iface.mainWindow().screen().grabWindow(0).save(target)
    else:
        iface.mainWindow().grab().save(target)
    iface.actionExit().trigger()


QTimer.singleShot(500, _open)
QTimer.singleShot(int(os.environ.get("SHOT_WAIT_MS", "12000")), _shot)
