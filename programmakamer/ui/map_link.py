"""The panel's link to QGIS's map: the programme's stakeholder layers, what is selected on
them, the horizons waiting in their edit buffers, and the works and year the map shows."""

from __future__ import annotations

from qgis.core import (
    QgsDateTimeRange,
    QgsProject,
    QgsRectangle,
    QgsTemporalNavigationObject,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QObject, Qt, QTime, pyqtSignal
from qgis.PyQt.QtWidgets import QMessageBox

from ..core.schema import HORIZONS, choice_label
from ..store.features import from_qvariant
from ..store.horizon_moves import HorizonConflict, HorizonMoves, buffered_horizons
from ..store.layers import STAKEHOLDER_PROPERTY, TABLE_PROPERTY, programme_group
from ..translation import language, tr
from .tab import reported

MAX_LISTED = 10  # works named in a question; the rest are counted


class MapLink(QObject):
    #: Works (ids) were selected on the map.
    works_selected_on_map = pyqtSignal(set)
    #: A chamber's horizon changed in a layer (the panel, the attribute table, undo): the
    #: rows hold the new value already.
    horizons_edited = pyqtSignal()
    #: A year chosen in QGIS's temporal controller.
    year_chosen_on_map = pyqtSignal(int)

    def __init__(self, iface, tell, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.tell = tell  # the dock's message bar: tell(text, level, seconds)
        self.path: str | None = None
        self.lang = language()
        self.horizon_moves = HorizonMoves()
        self.watched_layers: list = []
        self.features_of: dict = {}  # (table, fid): the work row it carries
        self.selecting = False  # the map's selection signal must not come back to the panel
        self.followed_controller = None  # QGIS's temporal controller the panel listens to

    # --- the layers -------------------------------------------------------------------
    def work_layers(self) -> list:
        if not self.path:
            return []
        group = programme_group(QgsProject.instance(), self.path)
        if group is None:
            return []
        return [
            node.layer()
            for node in group.findLayers()
            if node.layer().customProperty(STAKEHOLDER_PROPERTY) is not None
        ]

    def layer_for(self, table: str, stakeholder_id: int):
        for layer in self.work_layers():
            if layer.customProperty(TABLE_PROPERTY) == table and int(
                layer.customProperty(STAKEHOLDER_PROPERTY)
            ) == int(stakeholder_id):
                return layer
        return None

    def watch(self, rows) -> None:
        """Follow the stakeholder layers for these rows: selections made on the map, edits
        of horizons in their buffers (undo too), and their saving."""
        for layer in self.watched_layers:
            try:
                layer.selectionChanged.disconnect(self.on_map_selection_changed)
                layer.attributeValueChanged.disconnect(self.on_layer_attribute_changed)
                layer.beforeCommitChanges.disconnect(self.on_layer_saving)
            except (RuntimeError, TypeError):  # the layer was removed meanwhile
                pass
        self.watched_layers = self.work_layers()
        self.features_of = {(table, fid): row for row in rows for table, fid in row.features}
        for layer in self.watched_layers:
            layer.selectionChanged.connect(self.on_map_selection_changed)
            layer.attributeValueChanged.connect(self.on_layer_attribute_changed)
            layer.beforeCommitChanges.connect(self.on_layer_saving)

    def on_map_selection_changed(self, *_) -> None:
        if self.selecting:
            return
        ids = {
            self.features_of[(layer.customProperty(TABLE_PROPERTY), fid)].work_id
            for layer in self.watched_layers
            for fid in layer.selectedFeatureIds()
            if (layer.customProperty(TABLE_PROPERTY), fid) in self.features_of
        }
        self.works_selected_on_map.emit(ids)

    def on_layer_attribute_changed(self, fid: int, index: int, value) -> None:
        layer = self.sender()
        name = layer.fields().at(index).name() if layer is not None else ""
        if name not in ("horizon_override", "horizon_reason"):
            return
        row = self.features_of.get((layer.customProperty(TABLE_PROPERTY), fid))
        if row is None:
            return
        if name == "horizon_override":
            row.override = from_qvariant(value) or None
        else:
            row.reason = from_qvariant(value) or None
        self.horizons_edited.emit()

    # --- horizon moves ----------------------------------------------------------------
    def move_works(self, rows, horizon: str, reason: str) -> bool:
        """The chamber's horizon for the works' features, through the layers' buffers."""
        by_layer: dict = {}
        for row in rows:
            for table, fid in row.features:
                layer = self.layer_for(table, row.stakeholder_id)
                if layer is not None:
                    by_layer.setdefault(layer, []).append(fid)
        return self.horizon_moves.move(by_layer, horizon, reason)

    def show_waiting_moves(self, rows) -> list[HorizonConflict]:
        """Rows read from the file get the horizons still waiting in the edit buffers (what
        the map shows and a save writes); returns the moves someone else's save overtook."""
        by_feature = {(table, fid): row for row in rows for table, fid in row.features}
        conflicts = []
        for layer in self.work_layers():
            table = layer.customProperty(TABLE_PROPERTY)
            for fid, waiting in buffered_horizons(layer).items():
                row = by_feature.get((table, fid))
                if row is not None:
                    row.override, row.reason = waiting.override, waiting.reason
            conflicts += self.horizon_moves.conflicts(layer)
        return conflicts

    @reported
    def on_layer_saving(self, *_) -> None:
        """A stakeholder layer is being saved: when someone else changed the horizon of a
        work moved here since the move, the chamber decides whose horizon stays."""
        layer = self.sender()
        conflicts = self.horizon_moves.conflicts(layer)
        if conflicts and not ask_keep_mine(self.parent(), conflicts, self.lang):
            self.horizon_moves.take_theirs(layer, conflicts)

    # --- what the map shows -----------------------------------------------------------
    def show_on_map(self, rows) -> None:
        """Select the works' features on their layers, zoom to them and flash them."""
        canvas = self.iface.mapCanvas()
        self.selecting = True
        try:
            for layer in self.work_layers():
                layer.removeSelection()
            geometries = []
            for row in rows:
                for table, fid in row.features:
                    layer = self.layer_for(table, row.stakeholder_id)
                    if layer is None:
                        continue
                    layer.select(fid)
                    feature = layer.getFeature(fid)
                    if feature.hasGeometry():
                        geometries.append((layer, feature.geometry()))
        finally:
            self.selecting = False
        if geometries and canvas is not None:
            zoom_and_flash(canvas, geometries)

    def show_only(self, work_ids: list[str] | None) -> None:
        """The stakeholder layers show only these works (None: all of them)."""
        for layer in self.work_layers():
            base = '"stakeholder_id" = {}'.format(layer.customProperty(STAKEHOLDER_PROPERTY))
            if work_ids is not None:
                quoted = ",".join("'{}'".format(i.replace("'", "''")) for i in work_ids) or "''"
                base = '{} AND "work_id" IN ({})'.format(base, quoted)
            if layer.subsetString() != base and not layer.isEditable():
                layer.setSubsetString(base)

    def show_year(self, year: int | None) -> None:
        """Step the map's temporal controller to one year (or back to all years)."""
        canvas = self.iface.mapCanvas()
        if canvas is None:
            return
        if year is None:
            span = QgsDateTimeRange(QDateTime(), QDateTime())  # all years
        else:
            span = QgsDateTimeRange(
                QDateTime(QDate(year, 1, 1), QTime(0, 0)),
                # the year's last second, included: QGIS 3.22 compares the start of a
                # work with <= to the end of the range even when the end is excluded
                QDateTime(QDate(year, 12, 31), QTime(23, 59, 59)),
                True,
                True,
            )
        controller = canvas.temporalController()
        if isinstance(controller, QgsTemporalNavigationObject):
            # QGIS's own controller: its panel shows the year, and it moves the canvas
            if year is None:
                controller.setNavigationMode(QgsTemporalNavigationObject.NavigationOff)
            else:
                controller.setNavigationMode(QgsTemporalNavigationObject.FixedRange)
                controller.setTemporalExtents(span)
        canvas.setTemporalRange(span)
        canvas.refresh()

    def follow_temporal_controller(self) -> None:
        """When the map's year changes in QGIS's temporal controller, the panel follows."""
        canvas = self.iface.mapCanvas()
        controller = canvas.temporalController() if canvas is not None else None
        previous = self.followed_controller
        if previous is controller:
            return
        if previous is not None:
            try:
                previous.updateTemporalRange.disconnect(self.on_temporal_range)
            except (RuntimeError, TypeError):
                pass
        self.followed_controller = controller
        if controller is not None:
            controller.updateTemporalRange.connect(self.on_temporal_range)

    def on_temporal_range(self, span) -> None:
        """A range of about one year from the controller becomes the panel's year."""
        begin, end = span.begin(), span.end()
        if not (begin.isValid() and end.isValid()) or begin.daysTo(end) > 366:
            return
        self.year_chosen_on_map.emit(begin.date().year())


def zoom_and_flash(canvas, geometries) -> None:
    """Zoom the map to (layer, geometry) pairs with room around them, and flash them."""
    extent = None
    for layer, geometry in geometries:
        box = canvas.mapSettings().layerExtentToOutputExtent(layer, geometry.boundingBox())
        if extent is None:
            extent = QgsRectangle(box)
        else:
            extent.combineExtentWith(box)
    canvas.setExtent(extent.buffered(max(extent.width(), extent.height(), 50) * 0.6))
    canvas.refresh()
    for layer, geometry in geometries:
        canvas.flashGeometries([geometry], layer.crs())


def ask_keep_mine(parent, conflicts: list[HorizonConflict], lang: str) -> bool:
    """Ask whose horizon stays; there is no way out but to choose."""
    lines = [
        tr("{}: yours {}, now stored {}").format(
            c.title or c.work_id, horizon_text(c.mine, lang), horizon_text(c.theirs, lang)
        )
        for c in conflicts[:MAX_LISTED]
    ]
    if len(conflicts) > MAX_LISTED:
        lines.append(tr("and {} more").format(len(conflicts) - MAX_LISTED))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Someone else changed these works"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    question = tr(
        "Since you moved these works, someone else saved another horizon for them. "
        "Which horizon stays?"
    )
    box.setText("\n\n".join([question, "\n".join(lines)]))  # plain: names as typed
    mine = box.addButton(tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Take theirs"), QMessageBox.ButtonRole.ApplyRole)
    box.exec()
    return box.clickedButton() is mine


def horizon_text(chosen, lang: str) -> str:
    """A chamber's horizon with its reason, or that the computed one counts."""
    if chosen.override is None:
        return tr("the computed horizon")
    label = choice_label(HORIZONS, chosen.override, lang).split(" (")[0].lower()
    return "{} ({})".format(label, chosen.reason) if chosen.reason else label
