"""Item delegates the panel's views share."""

from __future__ import annotations

from qgis.PyQt.QtCore import QRect, QSize, Qt
from qgis.PyQt.QtGui import QFontMetrics
from qgis.PyQt.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class WrappedTextDelegate(QStyledItemDelegate):
    """Row heights from the text wrapped at the width the row really gets.

    Qt's own estimate for a wrapping list view wraps at another width than it paints, which
    left a blank line under some titles on the wall (and could cut a line off others).
    """

    def sizeHint(self, option, index):  # noqa: N802
        view = self.parent()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = view.style()
        # the margins QCommonStyle puts around an item's text
        across = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        down = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin, None, view) + 1
        width = view.viewport().width() - 2 * view.spacing()
        text = QFontMetrics(item.font).boundingRect(
            QRect(0, 0, max(1, width - 2 * across), 1_000_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
            item.text,
        )
        return QSize(width, text.height() + 2 * down)
