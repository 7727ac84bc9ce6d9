"""The timeline tab: a bar per selected (else filtered) work, street by street, and the year
the map shows, stepped here or in QGIS's temporal controller."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QScrollArea

from ..core.horizons import HORIZON_ORDER
from ..core.schema import HORIZONS, choice_label
from ..translation import language, tr
from .tab import PanelTab, form
from .timeline import MAX_BARS, Bar, Timeline

FORM = form("timeline_tab.ui")


class TimelineTab(PanelTab, FORM):
    #: The year the map should show (None: all years).
    year_chosen = pyqtSignal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.lang = language()
        self.timeline = Timeline(self)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(self.timeline)
        self.timeline_layout.addWidget(area)
        self.map_year_spin.setRange(1900, 2200)
        self.map_by_year.setText(tr("The map shows this year's works"))
        self.previous_year_button.setToolTip(tr("Previous year"))
        self.next_year_button.setToolTip(tr("Next year"))
        self.timeline.year_clicked.connect(self.map_year_spin.setValue)
        self.map_year_spin.valueChanged.connect(self.on_map_year_changed)
        self.map_by_year.toggled.connect(self.on_map_year_changed)
        self.previous_year_button.clicked.connect(self.on_previous_year)
        self.next_year_button.clicked.connect(self.on_next_year)

    def set_reference_year(self, year: int) -> None:
        """A programme's first year, where stepping starts (the map is not moved)."""
        self.map_year_spin.blockSignals(True)
        self.map_year_spin.setValue(year)
        self.map_year_spin.blockSignals(False)

    def year(self) -> int | None:
        return self.map_year_spin.value() if self.map_by_year.isChecked() else None

    def show_works(self, rows, selected: bool, colours: dict, reference_year: int) -> None:
        """Bars for the works (the selected ones, or else the filtered), street by street."""
        dated = sorted(
            (r for r in rows if r.start is not None),
            key=lambda r: (r.location, r.start, r.stakeholder),
        )
        bars = [
            Bar(
                "{} · {}".format(r.location, r.stakeholder),
                r.start,
                r.end or r.start,
                colours.get(r.stakeholder_id, "#808080"),
                r.work_id,
                "{}\n{} · {}".format(r.title, r.stakeholder, r.period),
            )
            for r in dated[:MAX_BARS]
        ]
        labels = {h: choice_label(HORIZONS, h, self.lang).split(" (")[0] for h in HORIZON_ORDER}
        self.timeline.set_bars(bars, reference_year, labels)
        self.timeline.set_year(self.year())
        left_out = len(rows) - len(bars)
        what = tr("Selected works") if selected else tr("Filtered works")
        text = tr("{}: {} on the timeline").format(what, len(bars))
        if left_out:
            text += tr(" ({} without a start or beyond the first {} left out)").format(
                left_out, MAX_BARS
            )
        self.timeline_label.setText(text)

    def follow_year(self, year: int) -> None:
        """The map's year was chosen elsewhere (QGIS's temporal controller): show it."""
        if self.year() == year:
            return  # our own step coming back
        for widget in (self.map_year_spin, self.map_by_year):
            widget.blockSignals(True)
        self.map_year_spin.setValue(year)
        self.map_by_year.setChecked(True)
        for widget in (self.map_year_spin, self.map_by_year):
            widget.blockSignals(False)
        self.timeline.set_year(year)

    def on_previous_year(self) -> None:
        self.map_year_spin.setValue(self.map_year_spin.value() - 1)
        self.map_by_year.setChecked(True)

    def on_next_year(self) -> None:
        self.map_year_spin.setValue(self.map_year_spin.value() + 1)
        self.map_by_year.setChecked(True)

    def on_map_year_changed(self, *_) -> None:
        year = self.year()
        self.timeline.set_year(year)
        self.year_chosen.emit(year)
