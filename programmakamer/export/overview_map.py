"""A one-page programme map by horizon, for the demo and quick previews.

The full board-memo layout (pages per horizon, atlas, tables) is its own module; this
one is a plain print layout: title, the whole city, a legend of horizons, scale bar.
"""

from __future__ import annotations

import os
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QFont

from ..store.layers import STAKEHOLDER_PROPERTY, TABLE_PROPERTY, programme_group
from ..store.programme import ProgrammeError, read_programme
from ..translation import tr

MM = QgsUnitTypes.LayoutMillimeters


def _label(layout: QgsLayout, text: str, size: float, x: float, y: float, w: float, h: float):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(QFont("DejaVu Sans", int(size)))
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(w, h, MM))
    return label


def _fit(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    """Grow an extent to the width/height ratio of the map frame, keeping its centre."""
    centre = extent.center()
    width = max(extent.width(), extent.height() * ratio)
    height = width / ratio
    return QgsRectangle(
        centre.x() - width / 2,
        centre.y() - height / 2,
        centre.x() + width / 2,
        centre.y() + height / 2,
    )


def build_overview_layout(project: QgsProject, path: str) -> QgsPrintLayout:
    """A3 landscape: map of the whole programme, legend of horizons and context."""
    info = read_programme(path)
    group = programme_group(project, path)
    if group is None:
        raise ProgrammeError(tr("The programme {} is not open in the project.").format(path))
    # Findings belong on their own map; here they would hide the works.
    layers = [
        node.layer()
        for node in group.findLayers()
        if node.isVisible() and node.layer().customProperty(TABLE_PROPERTY) != "findings"
    ]
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize("A3", page.Landscape)
    _label(layout, info.name, 22, 10, 8, 300, 12)
    _label(
        layout,
        tr("{} · reference year {} · works by horizon").format(
            info.municipality, info.reference_year
        ),
        12,
        10,
        20,
        300,
        8,
    )
    map_item = QgsLayoutItemMap(layout)
    map_item.attemptMove(QgsLayoutPoint(10, 30, MM))
    map_item.attemptResize(QgsLayoutSize(300, 257, MM))
    map_item.setLayers(layers)
    map_item.setCrs(layers[0].crs())
    extents = [
        layer.extent()
        for layer in layers
        if layer.featureCount() > 0 and layer.customProperty(TABLE_PROPERTY) != "streets"
    ]
    extent = QgsRectangle(extents[0])
    for other in extents[1:]:
        extent.combineExtentWith(other)
    map_item.setExtent(_fit(extent.buffered(extent.width() * 0.02), 300 / 257))
    map_item.setFrameEnabled(True)
    layout.addLayoutItem(map_item)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Legend"))
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    works = next(
        layer for layer in layers if layer.customProperty(STAKEHOLDER_PROPERTY) is not None
    )
    node = root.addLayer(works)
    node.setCustomProperty("legend/title-label", tr("Works"))
    for layer in layers:
        if layer.customProperty(TABLE_PROPERTY) in ("challenges", "neighbourhoods"):
            root.addLayer(layer)
    legend.setLinkedMap(map_item)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(315, 30, MM))
    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setLinkedMap(map_item)
    scale.applyDefaultSize()
    layout.addLayoutItem(scale)
    scale.attemptMove(QgsLayoutPoint(315, 260, MM))
    return layout


def export_overview_png(project: QgsProject, path: str, output: str | Path, dpi: int = 120) -> Path:
    """Write the overview map as PNG; the file appears only when complete."""
    output = Path(output)
    layout = build_overview_layout(project, path)
    temporary = output.with_name(".{}.part.png".format(output.stem))
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    # GDAL complains that it cannot georeference a PNG in place; the image is fine.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        result = QgsLayoutExporter(layout).exportToImage(str(temporary), settings)
    finally:
        gdal.PopErrorHandler()
    if result != QgsLayoutExporter.Success or not temporary.exists():
        temporary.unlink(missing_ok=True)
        raise ProgrammeError(tr("Could not write the map {}.").format(output))
    os.replace(temporary, output)
    return output
