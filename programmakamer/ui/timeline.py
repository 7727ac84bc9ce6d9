"""The timeline: a bar per work over the years, so the room sees what follows what.

Bars are coloured by stakeholder, the horizons are bands behind them and the year the map
shows is a line. Only the rows in view are painted, so a long list stays smooth; the year
scale stays at the top of the visible part while scrolling. Clicking sets the map's year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qgis.PyQt.QtCore import QEvent, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..core.horizons import HORIZON_ORDER
from ..store.styles import HORIZON_COLOURS
from .rich_text import as_rich

MAX_BARS = 5000  # more is not read by anyone; the panel says how many it left out


@dataclass
class Bar:
    label: str
    start: date
    end: date
    colour: str
    work_id: str
    detail: str = ""  # the tooltip: what the work is and when


def year_fraction(day: date) -> float:
    """A date as a position on the year axis (2027-07-02 is about 2027.5)."""
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


class Timeline(QWidget):
    year_clicked = pyqtSignal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.reference_year = date.today().year
        self.first_year = self.reference_year - 1
        self.last_year = self.reference_year + 8
        self.year: int | None = None
        self.band_labels: dict[str, str] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(False)

    # --- content ----------------------------------------------------------------------
    def set_bars(self, bars: list[Bar], reference_year: int, band_labels: dict[str, str]):
        self.bars = bars[:MAX_BARS]
        self.reference_year = reference_year
        self.band_labels = band_labels
        years = [b.start.year for b in self.bars] + [b.end.year for b in self.bars]
        low = min(years + [reference_year - 1])
        high = max(years + [reference_year + 5])
        # a work planned for 2060 must not squeeze the programme into a sliver
        self.first_year = max(low, reference_year - 5)
        self.last_year = min(high, reference_year + 15)
        self.updateGeometry()
        self.update()

    def set_year(self, year: int | None) -> None:
        self.year = year
        self.update()

    # --- geometry ---------------------------------------------------------------------
    def row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.6)

    def header_height(self) -> int:
        return int(self.fontMetrics().height() * 2.8)

    def label_width(self) -> int:
        return int(self.width() * 0.38)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self.header_height() + self.row_height() * max(len(self.bars), 1) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.sizeHint().height())

    def x_of(self, position: float) -> float:
        left = self.label_width()
        span = (self.last_year + 1) - self.first_year
        return left + (position - self.first_year) / span * (self.width() - left - 8)

    def year_at(self, x: float) -> int | None:
        left = self.label_width()
        if x < left:
            return None
        span = (self.last_year + 1) - self.first_year
        year = int(self.first_year + (x - left) / max(self.width() - left - 8, 1) * span)
        return min(max(year, self.first_year), self.last_year)

    def horizon_spans(self) -> dict[str, tuple[int, int]]:
        """Years 1-2, 3-4 and 5 on from the reference year, as [first, after-last)."""
        year = self.reference_year
        ends = {"short": year + 2, "medium": year + 4, "long": self.last_year + 1}
        starts = {"short": year, "medium": year + 2, "long": year + 4}
        return {h: (starts[h], ends[h]) for h in HORIZON_ORDER}

    # --- painting ---------------------------------------------------------------------
    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        visible = self.visibleRegion().boundingRect()
        top = visible.top()
        header = self.header_height()
        row = self.row_height()
        painter.fillRect(event.rect(), QColor("white"))
        self._bands(painter, visible.top(), visible.bottom())
        first = max((event.rect().top() - header) // row, 0)
        last = min((event.rect().bottom() - header) // row + 1, len(self.bars))
        metrics = self.fontMetrics()
        for index in range(first, last):
            bar = self.bars[index]
            y = header + index * row
            text = metrics.elidedText(
                bar.label, Qt.TextElideMode.ElideRight, self.label_width() - 8
            )
            painter.setPen(QColor("#202020"))
            painter.drawText(
                QRectF(4, y, self.label_width() - 8, row), Qt.AlignmentFlag.AlignVCenter, text
            )
            x0 = self.x_of(max(year_fraction(bar.start), self.first_year))
            x1 = self.x_of(min(year_fraction(bar.end) + 1 / 365.25, self.last_year + 1))
            painter.fillRect(
                QRectF(x0, y + row * 0.2, max(x1 - x0, 3), row * 0.6), QColor(bar.colour)
            )
        if self.year is not None:
            x = self.x_of(self.year + 0.5)
            painter.setPen(QPen(QColor("#000000"), 2, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), top + header, int(x), visible.bottom())
        self._scale(painter, top, header)
        painter.end()

    def _bands(self, painter: QPainter, top: int, bottom: int) -> None:
        for horizon, (start, end) in self.horizon_spans().items():
            colour = QColor(HORIZON_COLOURS[horizon])
            colour.setAlpha(38)
            x0, x1 = self.x_of(max(start, self.first_year)), self.x_of(end)
            if x1 > x0:
                painter.fillRect(QRectF(x0, top, x1 - x0, bottom - top), colour)

    def _scale(self, painter: QPainter, top: int, header: int) -> None:
        """Year labels and horizon names, kept at the top of what is visible."""
        painter.fillRect(QRectF(0, top, self.width(), header), QColor("white"))
        half = header / 2
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for horizon, (start, end) in self.horizon_spans().items():
            x0, x1 = self.x_of(max(start, self.first_year)), self.x_of(end)
            if x1 - x0 > 10:
                colour = QColor(HORIZON_COLOURS[horizon])
                painter.fillRect(QRectF(x0, top, x1 - x0, half), colour.lighter(170))
                painter.setPen(colour.darker(130))
                text = self.fontMetrics().elidedText(
                    self.band_labels.get(horizon, horizon),
                    Qt.TextElideMode.ElideRight,
                    int(x1 - x0 - 4),
                )
                painter.drawText(
                    QRectF(x0 + 2, top, x1 - x0 - 4, half), Qt.AlignmentFlag.AlignCenter, text
                )
        painter.setFont(self.font())
        painter.setPen(QColor("#404040"))
        year_width = self.x_of(self.first_year + 1) - self.x_of(self.first_year)
        label_width = self.fontMetrics().horizontalAdvance("2030") * 1.3
        step = next((n for n in (1, 2, 5, 10) if n * year_width >= label_width), 10)
        for year in range(self.first_year, self.last_year + 1, step):
            x = self.x_of(year)
            painter.drawLine(int(x), int(top + half), int(x), int(top + header))
            width = self.x_of(year + 1) - x  # the label sits over its own year
            painter.drawText(
                QRectF(x - width, top + half, 3 * width, half),
                Qt.AlignmentFlag.AlignCenter,
                str(year),
            )
        painter.drawLine(0, int(top + header), self.width(), int(top + header))

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            index = (event.pos().y() - self.header_height()) // self.row_height()
            if 0 <= index < len(self.bars) and event.pos().y() > self.header_height():
                QToolTip.showText(event.globalPos(), as_rich(self.bars[index].detail), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event):  # noqa: N802
        year = self.year_at(event.pos().x())
        if year is not None:
            self.year_clicked.emit(year)
