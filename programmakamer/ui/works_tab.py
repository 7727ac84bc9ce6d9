"""The programme tab: a table of all works with filters by stakeholder, discipline, horizon,
status, years and a search box; the map can show only the filtered works."""

from __future__ import annotations

from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QAbstractItemView, QComboBox, QHeaderView

from ..core.schema import DISCIPLINES, HORIZONS, STATUSES
from ..translation import language, tr
from .models import WorksFilter, WorksModel
from .tab import PanelTab, form

FORM = form("works_tab.ui")
FIRST_YEAR, LAST_YEAR = 1900, 2200


class WorksTab(PanelTab, FORM):
    #: The filter changed: other works are shown (and the map may follow).
    filter_changed = pyqtSignal()
    #: The user selected other works in the table.
    selection_changed = pyqtSignal()
    #: The user asked for the saved history of the selected work.
    history_requested = pyqtSignal()

    def __init__(self, works: WorksModel, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.lang = language()
        self.works_filter = WorksFilter(self)
        self.works_filter.setSourceModel(works)
        self.works_view.setModel(self.works_filter)
        for combo in self.filter_combos():
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self.on_filter_changed)
        # rows arrive sorted by stakeholder; sorting on open would cost a Python call per
        # comparison, so the view sorts only when the user clicks a header
        self.works_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.works_view.setSortingEnabled(True)
        self.works_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # sized once per load from the first rows: resizing to contents on every filter
        # change measured thousands of rows each time
        self.works_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.works_view.horizontalHeader().setResizeContentsPrecision(200)
        self.search_edit.setPlaceholderText(tr("Search title, street, stakeholder…"))
        self.map_follows_filter.setText(tr("The map shows only the filtered works"))
        for spin in (self.year_from, self.year_to):
            spin.setRange(FIRST_YEAR, LAST_YEAR)
            spin.setSpecialValueText("–")
            spin.valueChanged.connect(self.on_filter_changed)
        self.year_from.setPrefix(tr("from "))
        self.year_to.setPrefix(tr("to "))
        self.search_edit.textChanged.connect(self.on_filter_changed)
        self.map_follows_filter.toggled.connect(self.on_filter_changed)
        self.works_view.selectionModel().selectionChanged.connect(self.on_work_selected)
        self.history_button.setText(tr("History…"))
        self.history_button.setToolTip(
            tr("Who changed the selected work and when; put it back as it was")
        )
        self.history_button.clicked.connect(self.history_requested)
        self.show_history(False)

    def on_work_selected(self, *_) -> None:
        self.history_button.setEnabled(len(self.selected_rows()) == 1)
        self.selection_changed.emit()

    def show_history(self, kept: bool) -> None:
        """The history button, for a programme that has one (PostGIS, or a snapshot of it)."""
        self.history_button.setVisible(kept)
        self.history_button.setEnabled(len(self.selected_rows()) == 1)

    def filter_combos(self) -> tuple[QComboBox, ...]:
        return (
            self.stakeholder_filter,
            self.discipline_filter,
            self.horizon_filter,
            self.status_filter,
        )

    def works_loaded(self, rows) -> None:
        """New rows in the works model: columns sized and filter choices from them."""
        self.works_view.resizeColumnsToContents()
        self.fill_filters(rows)
        QTimer.singleShot(0, self.works_filter.prepare)  # the first keystroke stays quick

    def fill_filters(self, rows) -> None:
        combos = self.filter_combos()
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.stakeholder_filter.addItem(tr("All stakeholders"), None)
        for sid, name in sorted(
            {(r.stakeholder_id, r.stakeholder) for r in rows}, key=lambda x: x[1]
        ):
            self.stakeholder_filter.addItem(name, sid)
        self.discipline_filter.addItem(tr("All disciplines"), None)
        present = {r.discipline for r in rows}
        for choice in DISCIPLINES:
            if choice.value in present:
                self.discipline_filter.addItem(choice.label(self.lang), choice.value)
        self.horizon_filter.addItem(tr("All horizons"), None)
        for choice in HORIZONS:
            self.horizon_filter.addItem(choice.label(self.lang), choice.value)
        self.status_filter.addItem(tr("All statuses"), None)
        for choice in STATUSES:
            self.status_filter.addItem(choice.label(self.lang), choice.value)
        for combo in combos:
            combo.blockSignals(False)

    def on_filter_changed(self, *_) -> None:
        first, last = self.year_from.value(), self.year_to.value()
        years = None
        if first > self.year_from.minimum() or last > self.year_to.minimum():
            years = (
                first if first > self.year_from.minimum() else FIRST_YEAR,
                last if last > self.year_to.minimum() else LAST_YEAR,
            )
        kept = [r.work_id for r in self.selected_rows()]
        self.works_filter.set(
            stakeholder=self.stakeholder_filter.currentData(),
            discipline=self.discipline_filter.currentData(),
            horizon=self.horizon_filter.currentData(),
            status=self.status_filter.currentData(),
            years=years,
            text=self.search_edit.text().strip(),
        )
        if kept:  # what was selected and is still shown stays selected
            self.select_works(kept, notify=False)
        self.filter_changed.emit()

    def map_filter(self) -> list[str] | None:
        """The works the map should show: the filtered ones when asked, else None (all)."""
        if not self.map_follows_filter.isChecked():
            return None
        return [r.work_id for r in self.visible_rows()]

    def visible_rows(self):
        model = self.works_filter
        return [model.row(i) for i in range(model.rowCount())]

    def selected_rows(self):
        """The works selected in the table."""
        selection = self.works_view.selectionModel()
        if selection is None:
            return []
        return [self.works_filter.row(i.row()) for i in selection.selectedRows()]

    def select_works(self, work_ids, notify: bool = True) -> None:
        """Select the works' rows (in ranges: a selection of thousands stays quick)."""
        positions = self.works_filter.position_of(work_ids)
        model = self.works_filter
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        start = previous = None
        for position in sorted(positions) + [None]:
            if start is not None and (position is None or position != previous + 1):
                selection.select(model.index(start, 0), model.index(previous, last_column))
                start = None
            if position is not None and start is None:
                start = position
            previous = position
        view_selection = self.works_view.selectionModel()
        if not notify:
            view_selection.blockSignals(True)
        view_selection.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not notify:
            view_selection.blockSignals(False)
            self.works_view.viewport().update()
        if positions:
            self.works_view.scrollTo(model.index(min(positions), 0))
