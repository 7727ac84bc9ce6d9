"""The settings tab: the programme's name, municipality and reference year, and every rule
setting and moratorium with its documented default and a way back to it."""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QLabel, QToolButton

from ..core.findings import number_text
from ..core.schema import MORATORIUM_PERIODS
from ..core.schema import RULE_SETTINGS as RULE_TABLE
from ..core.settings import DEFINITIONS, MORATORIUM_DEFINITIONS
from ..store.errors import ProgrammeError
from ..store.programme import ProgrammeInfo, assign_horizons, read_table, save_settings
from ..translation import language, tr
from .tab import PanelTab, form, reported

FORM = form("settings_tab.ui")


class SettingsTab(PanelTab, FORM):
    #: The panel writes the programme itself now: no reload for that change.
    writing = pyqtSignal()
    #: Name, municipality or rule settings were saved.
    settings_saved = pyqtSignal()
    #: A new reference year was saved and the horizons recomputed.
    horizons_recomputed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.path: str | None = None
        self.lang = language()
        self.rule_editors: dict[str, QDoubleSpinBox] = {}
        self.moratorium_editors: dict[str, QDoubleSpinBox] = {}
        self.name_label.setText(tr("Programme name"))
        self.municipality_label.setText(tr("Municipality"))
        self.reference_year_label.setText(tr("Reference year (year 1 of the horizons)"))
        self.reference_year_spin.setRange(1900, 2200)
        self.apply_year_button.setText(tr("Apply year and recompute horizons"))
        self.save_settings_button.setText(tr("Save settings"))
        self.rules_label.setText(
            tr(
                "Rule settings: used by the next analysis. Each shows its documented "
                "default; ↺ puts it back."
            )
        )
        self.apply_year_button.clicked.connect(self.on_reference_year_applied)
        self.save_settings_button.clicked.connect(self.on_settings_saved)

    def set_programme(self, info: ProgrammeInfo) -> None:
        self.path = info.path
        self.reference_year_spin.setValue(info.reference_year)
        self.name_edit.setText(info.name)
        self.municipality_edit.setText(info.municipality or "")
        self.fill_rule_settings()

    def fill_rule_settings(self) -> None:
        """An editor per rule setting and per moratorium, with its default and a way back."""
        values = {r["key"]: r["value"] for r in read_table(self.path, RULE_TABLE)}
        moratorium = {
            r["surface_type"]: r["years"] for r in read_table(self.path, MORATORIUM_PERIODS)
        }
        grid = self.rules_layout
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rule_editors, self.moratorium_editors = {}, {}
        for number, setting in enumerate(DEFINITIONS + MORATORIUM_DEFINITIONS):
            key, default = setting.key, setting.default
            is_rule = number < len(DEFINITIONS)
            label = QLabel(setting.description(self.lang))
            label.setWordWrap(True)
            editor = QDoubleSpinBox()
            editor.setRange(setting.minimum, setting.maximum)
            editor.setDecimals(0 if setting.whole else 1)
            editor.setSuffix(" " + setting.unit_text(self.lang))
            stored = values.get(key) if is_rule else moratorium.get(key)
            editor.setValue(default if stored is None else stored)
            default_text = number_text(default, self.lang, None)
            hint = QLabel(tr("default {}").format(default_text))
            reset = QToolButton()
            reset.setText("↺")
            reset.setToolTip(tr("Back to the default ({})").format(default_text))
            reset.clicked.connect(self.on_reset_setting)
            reset.setProperty("setting", key)
            reset.setProperty("default", default)
            grid.addWidget(label, number, 0)
            grid.addWidget(editor, number, 1)
            grid.addWidget(hint, number, 2)
            grid.addWidget(reset, number, 3)
            (self.rule_editors if is_rule else self.moratorium_editors)[key] = editor
        grid.setColumnStretch(0, 1)

    def on_reset_setting(self) -> None:
        button = self.sender()
        key = button.property("setting")
        editor = self.rule_editors.get(key) or self.moratorium_editors.get(key)
        if editor is not None:
            editor.setValue(float(button.property("default")))

    @reported
    def on_settings_saved(self) -> bool:
        """Name, municipality and rule settings into the programme, in one transaction."""
        name = self.name_edit.text().strip()
        if not name:
            self.tell(tr("The programme needs a name."), Qgis.MessageLevel.Warning, 5)
            return False
        self.writing.emit()
        try:
            save_settings(
                self.path,
                name,
                self.municipality_edit.text().strip() or None,
                {key: editor.value() for key, editor in self.rule_editors.items()},
                {key: editor.value() for key, editor in self.moratorium_editors.items()},
            )
        except ProgrammeError as error:
            self.tell(str(error), Qgis.MessageLevel.Critical, 10)
            return False
        self.settings_saved.emit()
        self.tell(tr("Settings saved; the next analysis uses them."), Qgis.MessageLevel.Info, 5)
        return True

    @reported
    def on_reference_year_applied(self) -> int:
        """A new reference year: horizons recomputed (overrides kept); says how many moved."""
        year = self.reference_year_spin.value()
        try:
            report = assign_horizons(self.path, year, save_year=True)
        except ProgrammeError as error:
            self.tell(str(error), Qgis.MessageLevel.Critical, 10)
            return 0
        self.horizons_recomputed.emit()
        moved = tr("Reference year {}: {} works moved to another horizon.")
        self.tell(moved.format(year, report.moved), Qgis.MessageLevel.Info, 10)
        return report.moved
