"""The import wizard: a stakeholder's delivery read, mapped, checked and planned before
anything is written, then written in one transaction; the same code as the
programmakamer:importdelivery algorithm (store/delivery.py, core/delivery.py).

Pages: the source (file or loaded layer, what was detected, a preview), the mapping (fields,
value maps, dates, geometry, street names), the check (totals, then rows), the plan (added,
changed field by field, withdrawn) and the confirmation. Long work (reading, matching,
checking) runs as a QgsTask while the window keeps painting.
"""

from __future__ import annotations

import dataclasses
import gc
from collections import Counter
from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsMapLayerType,
    QgsProject,
    QgsProviderRegistry,
    QgsTask,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QEventLoop, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWizard,
)

from ..core.delivery import MAPPABLE_FIELDS, DeliveryMapping, GeometrySource, MappingError, Source
from ..core.interpretation import suggest_mapping, unknown_values
from ..core.periods import DATE_FORMATS, SERIAL_SYSTEMS
from ..core.schema import DISCIPLINES, STATUSES, SURFACE_TYPES, WORK_FIELDS
from ..log import TAG, logger
from ..store import delivery as store
from ..store.errors import CancelledError, ProgrammeError
from ..store.location import layer_source, short_name
from ..store.programme import read_programme, read_stakeholders
from ..translation import language, tr
from .tab import form

FORM = form("import_wizard.ui")
LOG = logger("import")

PREVIEW_ROWS = 20
SHOWN_ROWS = 1000  # problems and plan items listed; the saved report holds them all
#: The column the matched streets' geometry travels in (WKT in the programme's CRS) to the
#: same check every delivery gets.
STREET_GEOMETRY = "__street_geometry__"
#: Value kinds and the fields that hold them (both yes/no fields share the flag words).
VALUE_FIELDS = (
    ("status", "status"),
    ("discipline", "discipline"),
    ("surface_type", "surface_type"),
    ("flag", "opens_ground"),
    ("flag", "renews_surface"),
)
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16")
SEPARATORS = ((";", ";"), (",", ","), ("tab", "\t"), ("|", "|"))
CRS_CHOICES = ("EPSG:28992", "EPSG:4326", "EPSG:3857", "EPSG:4258")
PROGRAMME_STREETS = "programme"
_WKT_NAMES = ("wkt", "geometry", "geometrie", "geom", "the_geom", "shape")
_GEOJSON_NAMES = ("geojson",)
_XY_NAMES = (("x", "y"), ("lon", "lat"), ("longitude", "latitude"), ("lng", "lat"))
_PLACE_NAMES = ("plaats", "woonplaats", "place", "city", "ville", "ort", "kern")
_FROM_NAMES = ("van", "vanaf", "from", "van straat", "from street")
_TO_NAMES = ("tot", "tot en met", "naar", "to", "to street")


def run_long(parent, text: str, work):
    """`work(step)` as a QgsTask behind a progress dialog with Cancel while the window keeps
    painting; its result, or its exception raised here (the traceback logged by the task).
    `step(fraction)` shows how far the work is and raises CancelledError once the user has
    cancelled, so a write rolls back; `parent.busy` is the dialog while the task runs.

    QGIS objects (layers, providers) the work uses are made inside `work`, in the task's
    thread: a QGIS object belongs to the thread that made it."""
    outcome: dict = {}
    loop = QEventLoop()

    def run(task):
        def step(fraction: float) -> bool:
            if task.isCanceled():
                raise CancelledError()
            task.setProgress(100 * fraction)
            return True

        try:
            return work(step)
        except (ProgrammeError, CancelledError):
            raise
        except Exception:
            LOG.exception("%s failed", text)
            raise

    def finished(exception, result=None):
        outcome.update(exception=exception, result=result, done=True)
        loop.quit()

    task = QgsTask.fromFunction(text, run, on_finished=finished)
    dialog = QProgressDialog(text, tr("Cancel"), 0, 100, parent)
    dialog.setWindowTitle(parent.windowTitle())
    dialog.setMinimumWidth(360)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(400)

    def on_cancel():
        """The task stops at its next step; till then the dialog stays and keeps the
        wizard's buttons out of reach (QProgressDialog hides itself on Cancel)."""
        outcome["cancelled"] = True
        task.cancel()
        poll.stop()
        dialog.setLabelText(tr("Cancelling…"))
        dialog.setCancelButton(None)
        dialog.setRange(0, 0)  # busy till the task has stopped (a write: rolled back)
        dialog.rejected.connect(dialog.show)  # Escape, without a Cancel button, hides it
        dialog.show()

    dialog.canceled.connect(on_cancel)
    # the task's progress read here, in the dialog's thread (its signal comes from the task's)
    poll = QTimer(dialog)
    poll.timeout.connect(lambda: dialog.setValue(int(task.progress())))
    poll.start(100)
    parent.busy = dialog
    # Python's cycle collector frees Qt objects (a closed wizard's widgets) in whichever
    # thread it runs in; it waits while the task's thread runs Python, and runs here after
    gc.disable()
    try:
        QgsApplication.taskManager().addTask(task)
        if not outcome.get("done"):
            loop.exec()
    finally:
        gc.enable()
        poll.stop()
        parent.busy = None
        dialog.canceled.disconnect(on_cancel)  # closing says "canceled" too
        dialog.close()
        dialog.deleteLater()
    gc.collect()
    task = None  # the task manager deletes it; our reference held it alive till now
    if outcome["exception"] is not None:
        if outcome.get("cancelled"):  # also a task cancelled before it started
            raise CancelledError()
        raise outcome["exception"]
    return outcome["result"]


def layer_file(layer) -> tuple[str, str | None]:
    """The file (and layer in it) behind a loaded layer, read by the same reader as a
    file."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    if not path or not Path(path).is_file():
        raise ProgrammeError(
            tr(
                "The layer {} is not stored in a file the import can read: save it as a "
                "GeoPackage first."
            ).format(layer.name())
        )
    return path, parts.get("layerName") or None


def source_parts(path: str) -> list[str]:
    """The sheets of a workbook or the layers of a vector source, to choose from."""
    suffix = Path(path).suffix.lower()
    if suffix in store.CSV_SUFFIXES:
        return []
    if suffix in store.EXCEL_SUFFIXES:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        try:
            return list(book.sheetnames)
        finally:
            book.close()
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return []
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def choices_of(kind: str, lang: str) -> list[tuple[str, str]]:
    """(label, code) of the programme's values of a kind."""
    if kind == "flag":
        return [(tr("yes"), "true"), (tr("no"), "false")]
    choices = {"status": STATUSES, "discipline": DISCIPLINES, "surface_type": SURFACE_TYPES}
    return [(c.label(lang), c.value) for c in choices[kind]]


def level_text(level: str) -> str:
    return {
        "exact": tr("exact"),
        "normalised": tr("normalised"),
        "fuzzy": tr("fuzzy"),
        "ambiguous": tr("ambiguous"),
        "none": tr("not found"),
    }.get(level, level)


def street_problem_text(code: str) -> str:
    return {
        "place_unknown": tr("place not in the street layer"),
        "from_street_not_found": tr("first cross street not found"),
        "to_street_not_found": tr("second cross street not found"),
        "one_cross_street": tr("only one cross street: whole street"),
        "cross_street_not_crossing": tr("a cross street does not meet the street"),
        "cross_streets_meet": tr("both cross streets meet at one crossing"),
        "cut_needs_lines": tr("street made of areas: not cut"),
        "numbers_outside_street": tr("house numbers not on this street"),
        "numbers_approximate": tr("house numbers placed approximately"),
    }.get(code, code)


def street_key(name: str, place: str | None) -> str:
    """A street of the network as a combo's data (Qt compares text, not Python tuples)."""
    return "{}\t{}".format(name, place or "")


def shown_value(name: str, value, lang: str) -> str:
    """A work field's value as the user reads it: labels for codes, yes/no, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    choices = {"status": STATUSES, "discipline": DISCIPLINES, "surface_type": SURFACE_TYPES}
    if name in choices:
        return next((c.label(lang) for c in choices[name] if c.value == value), str(value))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _column_like(fields, names) -> str | None:
    by_lower = {f.strip().lower(): f for f in fields}
    return next((by_lower[n] for n in names if n in by_lower), None)


class ImportWizard(QWizard, FORM):
    """Reads, maps, checks and plans a delivery; writes it only on Finish."""

    delivery_written = pyqtSignal(str)  # the programme's path

    def __init__(self, iface, path: str, parent=None, style: str = ""):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.path = path
        self.lang = language()
        self.info = read_programme(path)
        self.table = None  # core.delivery.SourceTable as read
        self.profile: DeliveryMapping | None = None  # the stakeholder's saved mapping
        self.field_widgets: dict[str, tuple[QComboBox, QLineEdit]] = {}
        self.value_choices: dict[str, dict[str, str]] = {}
        self.network = None
        self.network_key = None
        self.queries: dict = {}
        self.matches: dict | None = None  # row -> StreetMatch
        self.street_geometries: dict = {}  # row -> shapely geometry (accepted or chosen)
        self.chosen_streets: dict = {}  # row -> street_key the specialist chose
        self.report = None
        self.plan = None
        self.busy: QProgressDialog | None = None  # while a long step runs
        self.check_mapping: DeliveryMapping | None = None
        self.saved_mapping: DeliveryMapping | None = None
        self._filling = False
        if style:
            self.setStyleSheet(style)  # the panel's presentation type on the wall
        self._texts()
        self._fill_choices()
        self._connect()
        self.on_stakeholder_chosen()
        self.on_geometry_kind_changed()

    # --- set-up -----------------------------------------------------------------------
    def _texts(self) -> None:
        self.setWindowTitle(tr("Import delivery"))
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Import"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Cancel"))
        self.source_page.setTitle(tr("1. The delivery"))
        self.source_page.setSubTitle(
            tr("A file or a loaded layer, and the stakeholder who delivered it.")
        )
        self.mapping_page.setTitle(tr("2. What the columns mean"))
        self.mapping_page.setSubTitle(
            tr("Which column gives each field, what unknown words mean, where each row lies.")
        )
        self.check_page.setTitle(tr("3. The check"))
        self.check_page.setSubTitle(tr("Every row checked; nothing has been written yet."))
        self.plan_page.setTitle(tr("4. What changes in the programme"))
        self.plan_page.setSubTitle(
            tr("Works matched by their reference: added, changed field by field, withdrawn.")
        )
        self.confirm_page.setTitle(tr("5. Import"))
        self.file_label.setText(tr("File"))
        self.browse_button.setText(tr("Browse…"))
        self.layer_label.setText(tr("or a loaded layer"))
        self.stakeholder_label.setText(tr("Stakeholder"))
        self.encoding_label.setText(tr("Encoding"))
        self.separator_label.setText(tr("Separator"))
        self.sheet_label.setText(tr("Sheet / layer"))
        self.read_button.setText(tr("Read"))
        self.mapping_tabs.setTabText(0, tr("Fields"))
        self.mapping_tabs.setTabText(1, tr("Values"))
        self.mapping_tabs.setTabText(2, tr("Geometry"))
        self.date_format_label.setText(tr("Dates written as"))
        self.serial_label.setText(tr("Excel day numbers"))
        self.geometry_kind_label.setText(tr("Geometry from"))
        self.geometry_column_label.setText(tr("Column"))
        self.x_label.setText(tr("X / longitude"))
        self.y_label.setText(tr("Y / latitude"))
        self.crs_label.setText(tr("Coordinate reference system"))
        self.street_layer_label.setText(tr("Street layer"))
        self.network_name_label.setText(tr("name field"))
        self.network_place_label.setText(tr("place field"))
        self.street_label.setText(tr("Street column"))
        self.place_label.setText(tr("place"))
        self.from_street_label.setText(tr("from street"))
        self.to_street_label.setText(tr("to street"))
        self.match_button.setText(tr("Match street names"))
        self.save_report_button.setText(tr("Save report as spreadsheet…"))
        self.complete_check.setText(
            tr("Complete delivery: withdraw the stakeholder's works it no longer holds")
        )
        self.save_profile_check.setText(tr("Save this mapping for the stakeholder's next delivery"))
        self.mapping_table.setColumnCount(3)
        self.mapping_table.setHorizontalHeaderLabels(
            [tr("Work field"), tr("Source field"), tr("or a constant value")]
        )
        self.values_table.setColumnCount(4)
        self.values_table.setHorizontalHeaderLabels(
            [tr("Field"), tr("Value in the delivery"), tr("Rows"), tr("Means")]
        )
        self.streets_table.setColumnCount(6)
        self.streets_table.setHorizontalHeaderLabels(
            [tr("Row"), tr("Street as written"), tr("Match"), tr("Score"), tr("Remarks")]
            + [tr("Street to use")]
        )
        self.totals_table.setColumnCount(2)
        self.totals_table.setHorizontalHeaderLabels([tr("Problem"), tr("Rows")])
        self.problems_table.setColumnCount(4)
        self.problems_table.setHorizontalHeaderLabels(
            [tr("Row"), tr("Field"), tr("Problem"), tr("Imported")]
        )
        self.plan_tree.setColumnCount(4)
        self.plan_tree.setHeaderLabels(
            [tr("Work"), tr("Title or field"), tr("Before"), tr("After")]
        )
        for table in (
            self.preview_table,
            self.mapping_table,
            self.values_table,
            self.streets_table,
            self.totals_table,
            self.problems_table,
        ):
            table.verticalHeader().setVisible(False)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setWordWrap(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # the word and its count as wide as they are; the choice gets the room for its labels
        values_header = self.values_table.horizontalHeader()
        values_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        values_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        streets_header = self.streets_table.horizontalHeader()
        streets_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        streets_header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for table in (self.totals_table, self.problems_table):
            table.horizontalHeader().setStretchLastSection(True)

    def _fill_choices(self) -> None:
        self.layer_combo.addItem(tr("(the file above)"), None)
        for layer in QgsProject.instance().mapLayers().values():
            if layer.type() == QgsMapLayerType.VectorLayer:
                self.layer_combo.addItem(layer.name(), layer.id())
        for stakeholder in read_stakeholders(self.path):
            self.stakeholder_combo.addItem(stakeholder["name"], stakeholder["stakeholder_id"])
        self.encoding_combo.addItem(tr("(detect)"), None)
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(encoding, encoding)
        self.separator_combo.addItem(tr("(detect)"), None)
        for label, separator in SEPARATORS:
            self.separator_combo.addItem(label, separator)
        self.sheet_combo.addItem(tr("(the first)"), None)
        self.date_format_combo.addItem(tr("(recognised from the values)"), None)
        for name in DATE_FORMATS:
            self.date_format_combo.addItem(name, name)
        self.serial_combo.addItem(tr("(not used)"), None)
        for system in SERIAL_SYSTEMS:
            self.serial_combo.addItem(tr("{} system").format(system), system)
        for kind, label in (
            ("source", tr("the source's own geometry")),
            ("wkt", tr("a WKT column")),
            ("geojson", tr("a GeoJSON column")),
            ("xy", tr("x/y or longitude/latitude columns")),
            ("streets", tr("street names, found on a street layer")),
            ("none", tr("nothing (rows without geometry are not imported)")),
        ):
            self.geometry_kind_combo.addItem(label, kind)
        for crs in CRS_CHOICES:
            self.crs_combo.addItem(crs)
        self.street_layer_combo.addItem(tr("the programme's streets"), PROGRAMME_STREETS)
        for layer in QgsProject.instance().mapLayers().values():
            if layer.type() == QgsMapLayerType.VectorLayer and layer.geometryType() in (
                QgsWkbTypes.LineGeometry,
                QgsWkbTypes.PolygonGeometry,
            ):
                self.street_layer_combo.addItem(layer.name(), layer.id())
        self.on_street_layer_chosen()

    def _connect(self) -> None:
        self.browse_button.clicked.connect(self.on_browse)
        self.file_edit.textChanged.connect(self.on_source_changed)
        self.layer_combo.currentIndexChanged.connect(self.on_source_changed)
        self.read_button.clicked.connect(self.on_read_clicked)
        self.stakeholder_combo.currentIndexChanged.connect(self.on_stakeholder_chosen)
        self.geometry_kind_combo.currentIndexChanged.connect(self.on_geometry_kind_changed)
        self.street_layer_combo.currentIndexChanged.connect(self.on_street_layer_chosen)
        for combo in (
            self.street_combo,
            self.place_combo,
            self.from_street_combo,
            self.to_street_combo,
            self.network_name_combo,
            self.network_place_combo,
        ):
            combo.currentIndexChanged.connect(self.forget_matches)
        self.match_button.clicked.connect(self.on_match_clicked)
        self.save_report_button.clicked.connect(self.on_save_report)
        self.complete_check.toggled.connect(self.on_complete_toggled)
        self.currentIdChanged.connect(self.on_page_shown)

    # --- telling ----------------------------------------------------------------------
    def tell_problem(self, text: str) -> None:
        QMessageBox.warning(self, tr("Import delivery"), text)

    def guarded(self, action, *args) -> bool:
        """Run an action of the user's; a failure is one sentence in a message box, the
        traceback in the log. While a long step runs (before its dialog shows and blocks
        the window) another action waits its turn: it is not started inside the first."""
        if self.busy is not None:
            return False
        try:
            result = action(*args)
        except ProgrammeError as error:
            LOG.warning("%s: %s", getattr(action, "__name__", action), error)
            self.tell_problem(str(error))
            return False
        except MappingError as error:
            self.tell_problem(store.mapping_message(error))
            return False
        except CancelledError:  # the user's own wish: nothing to tell
            LOG.info("%s cancelled", getattr(action, "__name__", action))
            return False
        except Exception as error:
            LOG.exception("%s failed", getattr(action, "__name__", action))
            self.tell_problem(
                tr("Unexpected problem: {} (details in the log panel, tab {})").format(error, TAG)
            )
            return False
        return result is not False

    # --- page 1: the source -----------------------------------------------------------
    def on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Delivery"),
            self.file_edit.text(),
            tr(
                "Deliveries (*.csv *.txt *.tsv *.xlsx *.xlsm *.gpkg *.shp *.geojson *.json "
                "*.gml *.kml *.fgb *.tab *.dxf);;All files (*)"
            ),
        )
        if path:
            self.file_edit.setText(path)
            self.layer_combo.setCurrentIndex(0)
            self.on_read_clicked()

    def on_read_clicked(self) -> bool:
        return self.guarded(self.read_source)

    def read_source(self) -> None:
        """Read the delivery as text (in a task), show what was detected and a preview,
        and propose the mapping."""
        layer_id = self.layer_combo.currentData()
        sheet = self.sheet_combo.currentData() or (self.sheet_combo.currentText().strip())
        if sheet == tr("(the first)"):
            sheet = None
        if layer_id:
            path, layer_name = layer_file(QgsProject.instance().mapLayer(layer_id))
            sheet = sheet or layer_name
        else:
            path = self.file_edit.text().strip()
            if not path:
                raise ProgrammeError(tr("Choose the delivery's file or a loaded layer."))
        suffix = Path(path).suffix.lower()
        is_table = suffix in store.CSV_SUFFIXES + store.EXCEL_SUFFIXES
        encoding = self.encoding_combo.currentText().strip()
        if self.encoding_combo.currentIndex() == 0 and encoding == tr("(detect)"):
            encoding = ""
        options = store.SourceOptions(
            encoding=encoding or None,
            separator=self.separator_combo.currentData(),
            sheet=sheet if is_table else None,
            layer=None if is_table else sheet,
        )

        def work(step):
            table = store.read_source(path, options)
            step(0.9)
            return table, source_parts(path)

        table, parts = run_long(self, tr("Reading {}").format(Path(path).name), work)
        self.table = table
        self.report = self.plan = None
        self.forget_matches()
        self.show_detected_in_choices(table, parts)
        self.show_detected(table)
        self.show_preview(table)
        self.fill_mapping()

    def show_detected_in_choices(self, table, parts: list[str]) -> None:
        """What the reader detected stands in the choices, to change and read again."""
        if table.encoding:
            if self.encoding_combo.findData(table.encoding) < 0:
                self.encoding_combo.addItem(table.encoding, table.encoding)
            self._select(self.encoding_combo, table.encoding)
            self._select(self.separator_combo, table.separator)
        self.sheet_combo.clear()
        self.sheet_combo.addItem(tr("(the first)"), None)
        for part in parts:
            self.sheet_combo.addItem(part, part)
        self._select(self.sheet_combo, table.sheet or table.layer)

    def on_source_changed(self) -> None:
        """Another file or layer: the encoding, separator and sheet are detected anew."""
        self._select(self.encoding_combo, None)
        self._select(self.separator_combo, None)
        self.sheet_combo.clear()
        self.sheet_combo.addItem(tr("(the first)"), None)
        self.table = None

    def show_detected(self, table) -> None:
        said = [tr("{} rows, {} fields.").format(len(table.rows), len(table.fields))]
        if table.encoding:
            separator = "tab" if table.separator == "\t" else table.separator
            said.append(
                tr(
                    "Encoding {} and separator {} detected (change them above if the preview "
                    "is wrong)."
                ).format(table.encoding, separator)
            )
        if table.sheet:
            said.append(tr("Sheet {}.").format(table.sheet))
        if table.layer:
            said.append(tr("Layer {}.").format(table.layer))
        if table.crs:
            said.append(tr("Coordinates in {}.").format(table.crs[:40]))
        elif table.source_geometries is None:
            said.append(tr("No geometry of its own."))
        self.detected_label.setText(" ".join(said))

    def show_preview(self, table) -> None:
        """The first rows exactly as read: text, empty cells empty."""
        rows = table.rows[:PREVIEW_ROWS]
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(table.fields))
        self.preview_table.setRowCount(len(rows))
        self.preview_table.setHorizontalHeaderLabels(table.fields)
        for r, row in enumerate(rows):
            for c, name in enumerate(table.fields):
                value = row.get(name)
                self.preview_table.setItem(r, c, QTableWidgetItem("" if value is None else value))
        self.preview_table.resizeColumnsToContents()

    def on_stakeholder_chosen(self) -> None:
        """The stakeholder's saved mapping, applied when the delivery is read."""
        stakeholder = self.stakeholder_combo.currentData()
        self.profile = None
        if stakeholder is not None:
            self.guarded(self._load_profile, stakeholder)
        name = self.stakeholder_combo.currentText()
        self.profile_label.setText(
            tr("The field mapping of {}'s last delivery is used.").format(name)
            if self.profile is not None
            else tr(
                "No saved field mapping for {}: the mapping is suggested from the names."
            ).format(name)
        )
        if self.table is not None:
            self.fill_mapping()

    def _load_profile(self, stakeholder) -> None:
        self.profile = store.load_profile(self.path, stakeholder)

    # --- page 2: the mapping ----------------------------------------------------------
    def fill_mapping(self) -> None:
        """A row per work field with the source field the saved mapping (or the names)
        suggest; value maps, dates and geometry from the saved mapping where it has them."""
        table = self.table
        profile = self.profile
        suggested = suggest_mapping(table.fields)
        aliases = {f.name: f for f in WORK_FIELDS}
        names = [n for n in MAPPABLE_FIELDS if n != "stakeholder_id"]
        self._filling = True
        self.mapping_table.setRowCount(len(names))
        self.field_widgets = {}
        for row, name in enumerate(names):
            spec = aliases[name]
            item = QTableWidgetItem(spec.alias(self.lang) + (" *" if spec.required else ""))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if spec.required:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(tr("(not in the delivery)"), None)
            for source_field in table.fields:
                combo.addItem(source_field, source_field)
            edit = QLineEdit()
            if name == "discipline":
                edit.setPlaceholderText(tr("empty: the stakeholder's discipline"))
            chosen, constant = suggested.get(name), ""
            if profile is not None:
                source = profile.fields.get(name)
                chosen = source.field if source and source.field in table.fields else None
                constant = source.constant if source and source.constant else ""
            if chosen:
                combo.setCurrentIndex(combo.findData(chosen))
            edit.setText(constant or "")
            combo.currentIndexChanged.connect(self.refresh_values)
            self.mapping_table.setCellWidget(row, 1, combo)
            self.mapping_table.setCellWidget(row, 2, edit)
            self.field_widgets[name] = (combo, edit)
        self.value_choices = {
            k: dict(v) for k, v in (profile.value_maps if profile else {}).items()
        }
        self._select(self.date_format_combo, profile.date_format if profile else None)
        self._select(self.serial_combo, profile.serial_system if profile else None)
        self.fill_geometry(profile.geometry if profile else None)
        self._filling = False
        self.refresh_values()
        missing = sorted(profile.source_fields() - set(table.fields)) if profile else []
        if missing:  # said, never silently left unmapped
            self.profile_label.setText(
                tr(
                    "The field mapping of {}'s last delivery is used, but this delivery has no "
                    "column {}: choose what takes its place."
                ).format(self.stakeholder_combo.currentText(), ", ".join(missing))
            )

    @staticmethod
    def _select(combo: QComboBox, data) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))

    def mapped_field(self, name: str) -> str | None:
        widgets = self.field_widgets.get(name)
        return widgets[0].currentData() if widgets else None

    def refresh_values(self) -> None:
        """The words of the mapped status, discipline, surface and yes/no columns that the
        programme does not know, with how many rows use each; the user's choices kept."""
        if self._filling or self.table is None:
            return
        self._remember_value_choices()
        rows = []
        for kind, name in VALUE_FIELDS:
            source = self.mapped_field(name)
            if not source:
                continue
            values = [row.get(source) for row in self.table.rows]
            for word, count in unknown_values(kind, values):
                rows.append((kind, name, word, count))
        merged: dict[tuple[str, str], list] = {}
        for kind, name, word, count in rows:  # two yes/no fields share their words
            entry = merged.setdefault((kind, word), [name, 0])
            entry[1] += count
        aliases = {f.name: f.alias(self.lang) for f in WORK_FIELDS}
        self.values_table.setRowCount(len(merged))
        for row, ((kind, word), (name, count)) in enumerate(merged.items()):
            shown = aliases[name] if kind != "flag" else tr("yes/no fields")
            for column, text in enumerate((shown, word, str(count))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.values_table.setItem(row, column, item)
            combo = QComboBox()
            combo.addItem(tr("(leave unknown: row not imported)"), None)
            for label, code in choices_of(kind, self.lang):
                combo.addItem(label, code)
            self._select(combo, self.value_choices.get(kind, {}).get(word))
            combo.setProperty("kind", kind)
            combo.setProperty("word", word)
            combo.currentIndexChanged.connect(self._remember_value_choices)
            self.values_table.setCellWidget(row, 3, combo)
        self.mapping_tabs.setTabText(
            1, tr("Values ({} unknown)").format(len(merged)) if merged else tr("Values")
        )
        self.values_label.setText(
            tr(
                "{} values of the delivery are not known to the programme: choose what each "
                "means, or leave it unknown (its rows are reported and not imported)."
            ).format(len(merged))
            if merged
            else tr("Every status, discipline, surface type and yes/no value is known.")
        )

    def _remember_value_choices(self) -> None:
        for row in range(self.values_table.rowCount()):
            combo = self.values_table.cellWidget(row, 3)
            if combo is None:
                continue
            words = self.value_choices.setdefault(combo.property("kind"), {})
            if combo.currentData():
                words[combo.property("word")] = combo.currentData()
            else:
                words.pop(combo.property("word"), None)

    def unknown_words(self) -> dict[str, list[tuple[str, int]]]:
        """Shown unknown words by kind, with their counts (for the tests and the report)."""
        found: dict[str, list[tuple[str, int]]] = {}
        for row in range(self.values_table.rowCount()):
            combo = self.values_table.cellWidget(row, 3)
            count = int(self.values_table.item(row, 2).text())
            found.setdefault(combo.property("kind"), []).append((combo.property("word"), count))
        return found

    def choose_value(self, kind: str, word: str, code: str | None) -> None:
        for row in range(self.values_table.rowCount()):
            combo = self.values_table.cellWidget(row, 3)
            if combo.property("kind") == kind and combo.property("word") == word:
                self._select(combo, code)
                return
        raise KeyError(word)

    # --- geometry ---------------------------------------------------------------------
    def fill_geometry(self, saved: GeometrySource | None) -> None:
        fields = self.table.fields
        for combo in (
            self.geometry_column_combo,
            self.x_combo,
            self.y_combo,
            self.street_combo,
            self.place_combo,
            self.from_street_combo,
            self.to_street_combo,
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("(none)"), None)
            for name in fields:
                combo.addItem(name, name)
            combo.blockSignals(False)
        kind = saved.kind if saved is not None else self.guess_geometry_kind()
        if saved is not None:
            self._select(self.geometry_column_combo, saved.column)
            self._select(self.x_combo, saved.x)
            self._select(self.y_combo, saved.y)
            if saved.kind == "streets":
                self._select(self.street_combo, saved.column)
                self._select(self.place_combo, saved.place)
                self._select(self.from_street_combo, saved.from_street)
                self._select(self.to_street_combo, saved.to_street)
                self._select(self.street_layer_combo, saved.network)
            if saved.crs:
                self.crs_combo.setEditText(saved.crs)
        else:
            self._select(
                self.geometry_column_combo, _column_like(fields, _WKT_NAMES + _GEOJSON_NAMES)
            )
            for x_name, y_name in _XY_NAMES:
                x, y = _column_like(fields, (x_name,)), _column_like(fields, (y_name,))
                if x and y:
                    self._select(self.x_combo, x)
                    self._select(self.y_combo, y)
                    break
            street = suggest_mapping(fields).get("location") if kind == "streets" else None
            self._select(self.street_combo, street)
            self._select(self.place_combo, _column_like(fields, _PLACE_NAMES))
            self._select(self.from_street_combo, _column_like(fields, _FROM_NAMES))
            self._select(self.to_street_combo, _column_like(fields, _TO_NAMES))
            self.crs_combo.setEditText(
                "EPSG:4326"
                if self.x_combo.currentText().lower() in ("lon", "longitude", "lng")
                else self.info.crs
            )
        self._select(self.geometry_kind_combo, kind)
        self.on_geometry_kind_changed()

    def guess_geometry_kind(self) -> str:
        """The source's geometry when it has one, else a geometry column, x/y columns,
        or a street column, in that order."""
        fields = self.table.fields
        if self.table.source_geometries is not None:
            return "source"
        if _column_like(fields, _WKT_NAMES):
            return "wkt"
        if _column_like(fields, _GEOJSON_NAMES):
            return "geojson"
        for x_name, y_name in _XY_NAMES:
            if _column_like(fields, (x_name,)) and _column_like(fields, (y_name,)):
                return "xy"
        if suggest_mapping(fields).get("location"):
            return "streets"
        return "none"

    def on_geometry_kind_changed(self) -> None:
        kind = self.geometry_kind_combo.currentData()
        for widget in (self.geometry_column_combo, self.geometry_column_label):
            widget.setEnabled(kind in ("wkt", "geojson"))
        for widget in (self.x_combo, self.y_combo, self.x_label, self.y_label):
            widget.setEnabled(kind == "xy")
        for widget in (self.crs_combo, self.crs_label):
            widget.setEnabled(kind in ("wkt", "geojson", "xy", "source"))
        streets = kind == "streets"
        for widget in (
            self.street_layer_combo,
            self.network_name_combo,
            self.network_place_combo,
            self.street_combo,
            self.place_combo,
            self.from_street_combo,
            self.to_street_combo,
            self.match_button,
            self.streets_table,
            self.street_layer_label,
            self.street_label,
        ):
            widget.setEnabled(streets)

    def geometry_source(self) -> GeometrySource:
        kind = self.geometry_kind_combo.currentData()
        crs = self.crs_combo.currentText().strip() or None
        if kind in ("wkt", "geojson"):
            return GeometrySource(kind, column=self.geometry_column_combo.currentData(), crs=crs)
        if kind == "xy":
            return GeometrySource(
                kind, x=self.x_combo.currentData(), y=self.y_combo.currentData(), crs=crs
            )
        if kind == "streets":
            return GeometrySource(
                kind,
                column=self.street_combo.currentData(),
                place=self.place_combo.currentData(),
                from_street=self.from_street_combo.currentData(),
                to_street=self.to_street_combo.currentData(),
                network=self.street_layer_combo.currentData(),
            )
        if kind == "source":
            # the source's own CRS wins; the field is for a source without one
            own = self.table is not None and self.table.crs
            return GeometrySource(kind, crs=None if own else crs)
        return GeometrySource(kind)

    # --- street names -----------------------------------------------------------------
    def street_layer(self):
        key = self.street_layer_combo.currentData()
        if key == PROGRAMME_STREETS:
            source, provider = layer_source(self.path, "streets")
            layer = QgsVectorLayer(source, tr("streets"), provider)
            if not layer.isValid():
                raise ProgrammeError(tr("The programme has no streets layer."))
            return layer
        layer = QgsProject.instance().mapLayer(key) if key else None
        if layer is None:
            raise ProgrammeError(tr("Choose the street layer to find the street names on."))
        return layer

    def on_street_layer_chosen(self) -> None:
        """The layer's name and place fields, as suggested from their known names."""
        try:
            layer = self.street_layer()
        except ProgrammeError:
            return
        from ..store.streets import suggest_street_fields

        names = layer.fields().names()
        suggested = suggest_street_fields(names)
        for combo, chosen in (
            (self.network_name_combo, suggested.name if suggested else None),
            (self.network_place_combo, suggested.place if suggested else None),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("(none)"), None)
            for name in names:
                combo.addItem(name, name)
            self._select(combo, chosen)
            combo.blockSignals(False)
        self.forget_matches()

    def forget_matches(self) -> None:
        self.matches = None
        self.street_geometries = {}
        self.chosen_streets = {}
        self.streets_table.setRowCount(0)
        self.match_label.setText("")

    def on_match_clicked(self) -> bool:
        return self.guarded(self.match_street_names)

    def match_street_names(self) -> None:
        """Every row's street found on the street layer: read once, matched in a task;
        the rows that are not exact listed with their candidates."""
        from ..core.streets import StreetQuery, match_streets
        from ..store.streets import StreetFields, read_street_network, suggest_street_fields

        source = self.geometry_source()
        if not source.column:
            raise ProgrammeError(tr("Choose the column that holds the street names."))
        layer = self.street_layer()
        name_field = self.network_name_combo.currentData()
        if not name_field:
            raise ProgrammeError(tr("Choose the street layer's field with the street names."))
        suggested = suggest_street_fields(layer.fields().names())
        numbers = suggested.numbers if suggested else ()
        fields = StreetFields(name_field, self.network_place_combo.currentData(), numbers)
        key = (layer.source(), fields)
        network = self.network if self.network_key == key else None
        made_from = (layer.source(), layer.name(), layer.providerType())
        crs, context = self.info.crs, QgsProject.instance().transformContext()
        queries = []
        for row, values in enumerate(self.table.rows):
            street = values.get(source.column)
            if street and street.strip():
                queries.append(
                    StreetQuery(
                        row,
                        street,
                        values.get(source.place) if source.place else None,
                        values.get(source.from_street) if source.from_street else None,
                        values.get(source.to_street) if source.to_street else None,
                    )
                )

        def work(step):
            found = network
            if found is None:  # the layer made again here: it is read in the task's thread
                street_layer = QgsVectorLayer(*made_from)
                found, _ = read_street_network(
                    street_layer, fields, QgsCoordinateReferenceSystem(crs), context
                )
                step(0.3)
            return found, match_streets(queries, found, progress=lambda f: step(0.3 + 0.7 * f))

        self.network, matches = run_long(self, tr("Matching street names"), work)
        self.network_key = key
        self.queries = {q.row: q for q in queries}
        self.matches = {m.row: m for m in matches}
        self.street_geometries = {m.row: m.geometry for m in matches if m.accepted}
        self.chosen_streets = {}
        self.apply_saved_streets()
        self.show_matches()

    def apply_saved_streets(self) -> None:
        """The streets the specialist chose for these words before (the saved mapping's
        "street" map): the specialist's word wins over the automatic match."""
        from ..core.streets import match_chosen

        saved = self.value_choices.get("street", {})
        for row, query in self.queries.items():
            chosen = saved.get(street_key(query.street, query.place))
            if not chosen:
                continue
            name, place = chosen.split("\t")
            try:
                match = match_chosen(query, self.network, name, place or None)
            except ValueError:  # not on this street layer: the automatic match stands
                LOG.info("The saved street %s is not on the street layer", name)
                continue
            self.street_geometries[row] = match.geometry
            self.chosen_streets[row] = chosen

    def show_matches(self) -> None:
        matches = self.matches or {}
        levels = Counter(m.level for m in matches.values())
        waiting = [m for m in matches.values() if m.level != "exact"]
        self.match_label.setText(
            tr(
                "{} rows: {} exact, {} normalised, {} fuzzy, {} ambiguous, {} not found; {} "
                "have geometry. Fuzzy matches below {} and ambiguous ones wait for your choice."
            ).format(
                len(matches),
                levels["exact"],
                levels["normalised"],
                levels["fuzzy"],
                levels["ambiguous"],
                levels["none"],
                len(self.street_geometries),
                self._accept_score(),
            )
        )
        self.streets_table.setRowCount(len(waiting))
        for line, match in enumerate(waiting):
            query = self.queries[match.row]
            texts = (
                str(self.table.row_numbers[match.row]),
                query.street + (" ({})".format(query.place) if query.place else ""),
                level_text(match.level),
                "{:.0f}".format(match.score) if match.level != "none" else "",
                "; ".join(street_problem_text(p) for p in match.problems),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.streets_table.setItem(line, column, item)
            combo = QComboBox()
            combo.addItem(tr("(no geometry: row not imported)"), None)
            for name, place, score in match.candidates:
                label = "{} ({})".format(name, place) if place else name
                combo.addItem("{} – {:.0f}".format(label, score), street_key(name, place))
            found = self.chosen_streets.get(match.row)
            if found is None and match.accepted:
                found = street_key(match.street, match.place)
            if found is not None:
                index = combo.findData(found)
                if index < 0:
                    combo.addItem(found.split("\t")[0], found)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            combo.setProperty("row", match.row)
            combo.currentIndexChanged.connect(self.on_street_chosen)
            self.streets_table.setCellWidget(line, 5, combo)
        self.streets_table.resizeColumnsToContents()

    @staticmethod
    def _accept_score() -> int:
        from ..core.streets import ACCEPT_SCORE

        return int(ACCEPT_SCORE)

    def on_street_chosen(self) -> None:
        combo = self.sender()
        self.guarded(self.choose_street, combo.property("row"), combo.currentData())

    def choose_street(self, row: int, chosen: str | None) -> None:
        """The specialist's street for a row (a street_key; None: no geometry)."""
        from ..core.streets import match_chosen

        self.report = self.plan = None
        query = self.queries[row]
        saved = self.value_choices.setdefault("street", {})
        if chosen is None:
            self.street_geometries.pop(row, None)
            self.chosen_streets.pop(row, None)
            saved.pop(street_key(query.street, query.place), None)
            return
        name, place = chosen.split("\t")
        match = match_chosen(query, self.network, name, place or None)
        self.street_geometries[row] = match.geometry
        self.chosen_streets[row] = chosen
        saved[street_key(query.street, query.place)] = chosen  # kept for the next delivery

    def street_choice_combo(self, row: int) -> QComboBox:
        for line in range(self.streets_table.rowCount()):
            combo = self.streets_table.cellWidget(line, 5)
            if combo.property("row") == row:
                return combo
        raise KeyError(row)

    # --- the check --------------------------------------------------------------------
    def current_mapping(self) -> DeliveryMapping:
        """The mapping as the user set it: saved as the stakeholder's profile."""
        self._remember_value_choices()
        fields = {}
        for name, (combo, edit) in self.field_widgets.items():
            if combo.currentData():
                fields[name] = Source(field=combo.currentData())
            elif edit.text().strip():
                fields[name] = Source(constant=edit.text().strip())
        mapping = DeliveryMapping(
            stakeholder_id=self.stakeholder_combo.currentData(),
            fields=fields,
            value_maps={kind: dict(words) for kind, words in self.value_choices.items() if words},
            date_format=self.date_format_combo.currentData(),
            serial_system=self.serial_combo.currentData(),
            geometry=self.geometry_source(),
        )
        mapping.validate()
        return mapping

    def mapping_for_check(self, mapping: DeliveryMapping) -> DeliveryMapping:
        """The mapping with the matched streets as a WKT column. Its value maps hold only
        the specialist's words: the check reads every other word through the same
        interpretation as the Values page."""
        if mapping.geometry.kind != "streets":
            return mapping
        geometry = GeometrySource("wkt", column=STREET_GEOMETRY, crs=self.info.crs)
        return dataclasses.replace(mapping, geometry=geometry)

    def table_for_check(self):
        """A copy of the table as read (the check fills in geometries and problems), with
        the matched streets' geometry as a column when it comes from street names."""
        table = self.table
        copy = dataclasses.replace(
            table,
            rows=list(table.rows),
            row_problems={k: list(v) for k, v in table.row_problems.items()},
            geometries=None,
        )
        if self.geometry_kind_combo.currentData() == "streets":
            import shapely

            shapes = [self.street_geometries.get(index) for index in range(len(table.rows))]
            # 2D asked for: inside QGIS shapely may run on QGIS's older GEOS, whose
            # default WKT dimension (4) shapely refuses
            texts = shapely.to_wkt(
                np.array(shapes, dtype=object), rounding_precision=-1, output_dimension=2
            ).tolist()
            copy.fields = [*table.fields, STREET_GEOMETRY]
            copy.rows = [{**row, STREET_GEOMETRY: text} for row, text in zip(table.rows, texts)]
        return copy

    def streets_waiting(self) -> bool:
        """Street names not matched yet: matched now, and shown when a row waits for the
        specialist's choice among its candidates."""
        if self.geometry_kind_combo.currentData() != "streets" or self.matches is not None:
            return False
        self.match_street_names()
        self.mapping_tabs.setCurrentWidget(self.geometry_tab)
        return any(
            m.candidates and m.row not in self.street_geometries for m in self.matches.values()
        )

    def check(self) -> bool:
        """The delivery checked against the programme and the plan made, in a task;
        nothing is written."""
        if self.table is None:
            raise ProgrammeError(tr("Read the delivery first."))
        mapping = self.current_mapping()
        if self.streets_waiting():
            return False
        checked = self.mapping_for_check(mapping)
        table = self.table_for_check()
        complete = self.complete_check.isChecked()
        path = self.path

        def work(step):
            report = store.check_source(path, table, checked, progress=lambda f: step(0.8 * f))
            step(0.8)
            return report, store.plan_delivery(path, report, complete=complete)

        self.report, self.plan = run_long(self, tr("Checking the delivery"), work)
        self.check_mapping, self.saved_mapping = checked, mapping
        self.show_report()
        self.show_plan()
        return True

    def show_report(self) -> None:
        report = self.report
        said = [
            tr(
                "{} rows read: {} valid, {} with problems (not imported), {} with warnings "
                "(imported)."
            ).format(
                report.rows_read, report.valid, report.rows_with_problems, report.rows_with_warnings
            )
        ]
        if not report.area_known:
            said.append(tr("The municipality's area is unknown (no neighbourhoods): not checked."))
        self.totals_label.setText(" ".join(said))
        totals = report.totals()
        self.totals_table.setRowCount(len(totals))
        for row, (code, count) in enumerate(totals):
            self.totals_table.setItem(row, 0, QTableWidgetItem(store.problem_title(code)))
            self.totals_table.setItem(row, 1, QTableWidgetItem(str(count)))
        aliases = {f.name: f.alias(self.lang) for f in WORK_FIELDS}
        shown = report.problems[:SHOWN_ROWS]
        self.problems_table.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            texts = (
                str(problem.row_number),
                aliases.get(problem.field or "", problem.field or ""),
                store.problem_text(problem),
                tr("no") if problem.error else tr("yes"),
            )
            for column, text in enumerate(texts):
                self.problems_table.setItem(row, column, QTableWidgetItem(text))
        self.totals_table.resizeColumnsToContents()
        # as high as its rows: the rows' problems below get the room
        rows_height = sum(self.totals_table.rowHeight(r) for r in range(len(totals)))
        self.totals_table.setMaximumHeight(
            self.totals_table.horizontalHeader().height() + rows_height + 12
        )
        self.problems_table.resizeColumnsToContents()
        self.problems_label.setText(
            tr("The first {} of {} problems; the saved report holds them all.").format(
                len(shown), len(report.problems)
            )
            if len(shown) < len(report.problems)
            else ""
        )

    def on_save_report(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, tr("Save report"), "", tr("Excel workbook (*.xlsx)")
        )
        if target:
            if not target.lower().endswith(".xlsx"):
                target += ".xlsx"
            self.guarded(self.save_report, target)

    def save_report(self, target: str) -> None:
        store.save_report(self.report, target, self.plan, self.lang)

    # --- the plan ---------------------------------------------------------------------
    def on_complete_toggled(self) -> None:
        if self.report is not None:
            self.guarded(self.make_plan)

    def make_plan(self) -> None:
        report, path, complete = self.report, self.path, self.complete_check.isChecked()
        self.plan = run_long(
            self,
            tr("Comparing with the programme"),
            lambda step: store.plan_delivery(path, report, complete=complete),
        )
        self.show_plan()

    def show_plan(self) -> None:
        plan = self.plan
        self.plan_label.setText(
            tr("{} works added, {} changed, {} withdrawn, {} unchanged.").format(
                len(plan.added), len(plan.changed), len(plan.withdrawn), plan.unchanged
            )
        )
        aliases = {f.name: f.alias(self.lang) for f in WORK_FIELDS}
        self.plan_tree.clear()
        added = QTreeWidgetItem([tr("Added ({})").format(len(plan.added))])
        for work in plan.added[:SHOWN_ROWS]:
            added.addChild(
                QTreeWidgetItem(
                    [work.get("external_ref") or work["work_id"], work.get("title") or ""]
                )
            )
        changed = QTreeWidgetItem([tr("Changed ({})").format(len(plan.changed))])
        for change in plan.changed[:SHOWN_ROWS]:
            item = QTreeWidgetItem([change.external_ref, change.title or ""])
            for field_change in change.changes:
                item.addChild(
                    QTreeWidgetItem(
                        [
                            "",
                            aliases.get(field_change.field, field_change.field),
                            shown_value(field_change.field, field_change.old, self.lang),
                            shown_value(field_change.field, field_change.new, self.lang),
                        ]
                    )
                )
            if change.geometry is not None:
                item.addChild(QTreeWidgetItem(["", tr("geometry"), "", tr("moved")]))
            changed.addChild(item)
        withdrawn = QTreeWidgetItem([tr("Withdrawn ({})").format(len(plan.withdrawn))])
        for work in plan.withdrawn[:SHOWN_ROWS]:
            withdrawn.addChild(
                QTreeWidgetItem(
                    [
                        work.external_ref,
                        work.title or "",
                        shown_value("status", work.status, self.lang),
                        shown_value("status", "withdrawn", self.lang),
                    ]
                )
            )
        self.plan_tree.addTopLevelItems([added, changed, withdrawn])
        for item in (added, changed, withdrawn):
            item.setExpanded(True)
        self.plan_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # --- the pages --------------------------------------------------------------------
    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt's name)
        page = self.currentPage()
        if page is self.source_page:
            return self.guarded(self.source_ready)
        if page is self.mapping_page:
            return self.guarded(self.check)
        return True

    def source_ready(self) -> bool:
        if self.table is None:
            self.read_source()
        if self.stakeholder_combo.currentData() is None:
            raise ProgrammeError(tr("Choose the stakeholder who delivered it."))
        return True

    def on_page_shown(self, _id: int) -> None:
        if self.currentPage() is self.confirm_page and self.plan is not None:
            self.confirm_label.setText(self.confirm_text())

    def confirm_text(self) -> str:
        return tr(
            "Nothing has been written yet. Import writes {} new works, {} changes and "
            "{} withdrawals of {} into {} in one transaction: all of it, or nothing "
            "when anything fails."
        ).format(
            len(self.plan.added),
            len(self.plan.changed),
            len(self.plan.withdrawn),
            self.stakeholder_combo.currentText(),
            short_name(self.path),
        )

    def accept(self) -> None:
        """Finish: the plan written (and the mapping saved) in one transaction."""
        if self.report is None or self.plan is None:
            return
        if self.guarded(self.write):
            super().accept()

    def write(self) -> None:
        """The plan written in a task; Cancel rolls all of it back."""
        path, report, plan = self.path, self.report, self.plan
        mapping = self.saved_mapping if self.save_profile_check.isChecked() else None
        try:
            run_long(
                self,
                tr("Writing the delivery"),
                lambda step: store.write_delivery(path, report, plan, mapping, progress=step),
            )
        except CancelledError:
            said = tr("Cancelled: the programme is as it was.")
            self.confirm_label.setText("{} {}".format(said, self.confirm_text()))
            raise
        self.delivery_written.emit(self.path)
        self.iface.messageBar().pushMessage(
            tr("Integrale Programmakamer"),
            tr("Delivery {} imported: {} works added, {} changed, {} withdrawn.").format(
                Path(self.report.source).name,
                len(self.plan.added),
                len(self.plan.changed),
                len(self.plan.withdrawn),
            ),
            Qgis.MessageLevel.Success,
            10,
        )
