"""The city programme map for the board memo: a print layout built in code.

One layout, one page per view: the overview (all horizons in colour) and a page per
horizon (that horizon in colour, the others grey). Each page has a title, a subtitle with
the state and export date, the map, a legend of what is on it, a scale bar, a north
arrow, a sources line and the municipality's logo when the programme has one. The layout
is added to the project's layout manager so the GIS specialist can touch it up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsInvertedPolygonRenderer,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core.decisions import latest_decisions
from ..core.periods import format_moment
from ..core.schema import HORIZONS, PROGRAMME_STATES, choice_label
from ..log import logger
from ..store.errors import ProgrammeError
from ..store.features import from_qvariant
from ..store.layers import STAKEHOLDER_PROPERTY, TABLE_PROPERTY, programme_group
from ..store.programme import read_table, table_layer
from ..store.styles import horizon_focus_renderer
from ..translation import language, tr

if TYPE_CHECKING:
    from .export_set import ExportSet

LOG = logger("export")
MM = QgsUnitTypes.LayoutMillimeters
PAPERS = ("A3", "A4", "A0")
PAGES = ("overview", "short", "medium", "long")
MAX_MEGAPIXELS = 200  # a page image of 800 MB: more is slow or fails (QGIS #34505)
NORTH_ARROW = ":/images/north_arrows/layout_default_north_arrow.svg"


@dataclass
class MapExport:
    pdf: Path
    pngs: list[Path]
    pages: int


def _page_size(paper: str) -> tuple[float, float]:
    sizes = {"A4": (297.0, 210.0), "A3": (420.0, 297.0), "A0": (1189.0, 841.0)}
    if paper not in sizes:
        raise ProgrammeError(tr("Unknown paper size: {}").format(paper))
    return sizes[paper]


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


class _Page:
    """Places the items of one page; sizes scale with the paper."""

    def __init__(self, layout: QgsLayout, number: int, paper: str):
        self.layout = layout
        self.width, self.height = _page_size(paper)
        self.scale = self.width / 420.0
        self.top = layout.pageCollection().page(number).pos().y()

    def point(self, x: float, y: float) -> QgsLayoutPoint:
        return QgsLayoutPoint(x, self.top + y, MM)

    def label(self, text: str, size: float, x: float, y: float, w: float, h: float, bold=False):
        label = QgsLayoutItemLabel(self.layout)
        label.setText(text)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size * self.scale)
        font.setBold(bold)
        label.setFont(font)
        self.layout.addLayoutItem(label)
        label.attemptMove(self.point(x, y))
        label.attemptResize(QgsLayoutSize(w, h, MM))
        return label


def _programme_layers(project: QgsProject, path: str):
    group = programme_group(project, path)
    if group is None:
        raise ProgrammeError(tr("The programme {} is not open in the project.").format(path))
    layers = [
        node.layer()
        for node in group.findLayers()
        if node.isVisible() and node.layer().customProperty(TABLE_PROPERTY) != "findings"
    ]
    works = [layer for layer in layers if layer.customProperty(STAKEHOLDER_PROPERTY) is not None]
    if not works:
        raise ProgrammeError(tr("The programme has no stakeholder layers to draw."))
    return layers, works


def _accepted_chances(project: QgsProject, path: str) -> QgsVectorLayer | None:
    """A layer of the dig-once chances the chamber accepted (latest decision counts)."""
    from ..core.schema import DECISIONS

    latest = latest_decisions(read_table(path, DECISIONS))
    accepted = sorted(f for f, decision in latest.items() if decision["verdict"] == "accepted")
    if not accepted:
        return None
    layer = table_layer(path, "findings", tr("Accepted dig-once chances"))
    quoted = ", ".join("'{}'".format(f.replace("'", "''")) for f in accepted)
    layer.setSubsetString('"kind" = \'combine\' AND "finding_id" IN ({})'.format(quoted))
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "#661a9641", "outline_color": "#1a9641", "outline_width": "1.2"}
            )
        )
    )
    project.addMapLayer(layer, False)  # owned by the project, shown only in the layout
    return layer


def _legend_layer(project: QgsProject, horizon: str) -> QgsVectorLayer:
    """An empty layer styled like a horizon page, so its legend holds only what is drawn."""
    layer = QgsVectorLayer("LineString?crs=EPSG:28992", tr("Works"), "memory")
    layer.setRenderer(horizon_focus_renderer("line", horizon, language()))
    project.addMapLayer(layer, False)
    return layer


def _focus_overrides(works: list, horizon: str) -> dict[str, str]:
    """Style overrides that keep one horizon in colour and grey the rest."""
    overrides = {}
    lang = language()
    for layer in works:
        geometry = {0: "point", 1: "line", 2: "polygon"}[layer.geometryType()]
        overrides[layer.id()] = _style_of(layer, horizon_focus_renderer(geometry, horizon, lang))
    return overrides


def _style_of(layer: QgsVectorLayer, renderer) -> str:
    """A layer's style XML as it would be with another renderer.

    Built on the exported XML, never by swapping the live layer's renderer: a legend of an
    earlier page still draws that renderer's symbols, and freeing them crashed QGIS."""
    document = QDomDocument("qgis")
    context = QgsReadWriteContext()
    problem = layer.exportNamedStyle(document, context)
    if problem:
        LOG.error("exporting the style of layer %s failed: %s", layer.name(), problem)
        raise ProgrammeError(tr("Cannot read the style of layer {}.").format(layer.name()))
    root = document.documentElement()
    element = renderer.save(document, context)
    current = root.firstChildElement("renderer-v2")
    if current.isNull():
        root.appendChild(element)
    else:
        root.replaceChild(element, current)
    return document.toString()


@dataclass
class Neighbourhood:
    """One atlas page: a neighbourhood's name and outline in the programme's CRS."""

    name: str
    geometry: QgsGeometry


NAME_FIELDS = ("name", "naam", "wijknaam", "buurtnaam", "statnaam")
MAX_NEIGHBOURHOOD_PAGES = 250  # one page each: more is a buurt layer, not a wijk layer


def neighbourhoods_from(
    features, crs: QgsCoordinateReferenceSystem, fields, name_field: str | None, target, context
) -> tuple[list[Neighbourhood], int]:
    """Neighbourhoods of any polygon source, in the target CRS, sorted by name.

    The name comes from name_field, else the first of the usual Dutch names (CBS's wijknaam
    too), else the first text field. Invalid outlines are repaired; empty ones are skipped
    and counted."""
    names = [f.name() for f in fields]
    if name_field and name_field not in names:
        raise ProgrammeError(tr("The neighbourhood layer has no field {}.").format(name_field))
    if not name_field:
        lowered = {n.lower(): n for n in names}
        usual = [lowered[n] for n in NAME_FIELDS if n in lowered]
        text = [f.name() for f in fields if f.type() == QVariant.String]
        name_field = (usual or text or [None])[0]
    transform = None
    if crs != target:
        if not crs.isValid():
            raise ProgrammeError(tr("The neighbourhood layer has no coordinate reference system."))
        transform = QgsCoordinateTransform(crs, target, context)
    result, skipped = [], 0
    for feature in features:
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            skipped += 1
            continue
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        if transform is not None:
            geometry.transform(transform)
        value = from_qvariant(feature[name_field]) if name_field else None
        name = str(value).strip() if value is not None else ""
        result.append(Neighbourhood(name or tr("Neighbourhood {}").format(feature.id()), geometry))
    if len(result) > MAX_NEIGHBOURHOOD_PAGES:
        raise ProgrammeError(
            tr(
                "{} neighbourhoods would make {} pages (at most {}): choose a layer of "
                "wijken rather than buurten."
            ).format(len(result), len(result), MAX_NEIGHBOURHOOD_PAGES)
        )
    return sorted(result, key=lambda n: n.name), skipped


def programme_neighbourhoods(project: QgsProject, path: str) -> list[Neighbourhood]:
    """The neighbourhoods stored in the programme itself."""
    layer = table_layer(path, "neighbourhoods")
    found, _ = neighbourhoods_from(
        layer.getFeatures(),
        layer.crs(),
        layer.fields(),
        "name",
        layer.crs(),
        project.transformContext(),
    )
    return found


def _mask_layer(project: QgsProject, crs, neighbourhoods: list[Neighbourhood]):
    """The neighbourhood outlines, drawn per page as a veil over everything outside one."""
    layer = QgsVectorLayer("MultiPolygon?crs={}".format(crs.authid()), tr("Outside"), "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("page", QVariant.Int)])
    layer.updateFields()
    features = []
    for number, neighbourhood in enumerate(neighbourhoods):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(neighbourhood.geometry)
        feature.setAttributes([number])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    project.addMapLayer(layer, False)
    return layer


def _veil_override(layer: QgsVectorLayer, number: int) -> str:
    """A style that pales all but neighbourhood number and outlines it."""
    symbol = QgsFillSymbol.createSimple(
        {"color": "#b3ffffff", "outline_color": "#202020", "outline_width": "1.0"}
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp='"page" = {}'.format(number)))
    return _style_of(layer, QgsInvertedPolygonRenderer(QgsRuleBasedRenderer(root)))


@dataclass
class _View:
    """What one page shows."""

    title: str
    subtitle: str
    extent: QgsRectangle
    horizon: str | None = None  # the horizon in colour, the rest grey
    veil: int | None = None  # the neighbourhood page number


def build_programme_layout(
    project: QgsProject,
    path: str,
    paper: str = "A3",
    state: str = "draft",
    pages: tuple[str, ...] = PAGES,
    today: date | None = None,
    neighbourhoods: list[Neighbourhood] | None = None,
) -> QgsPrintLayout:
    """The programme map layout, added to the project's layout manager (replacing its
    earlier version).

    Pages: the overview, a page per horizon, and with "neighbourhoods" (or when
    neighbourhoods are given) a page per neighbourhood with an overview inset of the city.
    """
    from ..store.programme import read_programme

    info = read_programme(path)
    lang = language()
    width, height = _page_size(paper)
    unknown = [p for p in pages if p not in PAGES + ("neighbourhoods",)]
    if unknown or not pages:
        raise ProgrammeError(tr("Unknown pages: {}").format(", ".join(unknown)))
    layers, works = _programme_layers(project, path)
    extent = None
    for layer in layers:
        if layer.featureCount() > 0 and layer.customProperty(TABLE_PROPERTY) != "streets":
            extent = QgsRectangle(layer.extent()) if extent is None else extent
            extent.combineExtentWith(layer.extent())
    if extent is None:
        raise ProgrammeError(tr("The programme is empty: there is nothing to draw."))
    if neighbourhoods is None and "neighbourhoods" in pages:
        neighbourhoods = programme_neighbourhoods(project, path)
        if not neighbourhoods:
            raise ProgrammeError(
                tr(
                    "The programme has no neighbourhoods for the neighbourhood pages: add them "
                    "to its neighbourhoods table or choose a neighbourhood layer."
                )
            )
    neighbourhoods = neighbourhoods or []
    accepted = _accepted_chances(project, path)
    map_layers = ([accepted] if accepted else []) + layers
    mask = _mask_layer(project, works[0].crs(), neighbourhoods) if neighbourhoods else None

    legend_width = 105 * width / 420.0
    map_width = width - legend_width - 25
    map_height = height - 55 * width / 420.0
    whole = _fit(extent.buffered(extent.width() * 0.02), map_width / map_height)
    state_label = choice_label(PROGRAMME_STATES, state, lang)
    exported = format_moment(today or date.today(), "day", lang)
    title = tr("{} – {}, reference year {}").format(
        info.name, info.municipality, info.reference_year
    )
    views = []
    for view in (p for p in PAGES if p in pages):
        if view == "overview":
            what = tr("All works by horizon")
        else:
            what = tr("{} in colour, other works grey").format(choice_label(HORIZONS, view, lang))
        views.append(_View(title, what, whole, None if view == "overview" else view))
    for number, neighbourhood in enumerate(neighbourhoods):
        box = neighbourhood.geometry.boundingBox()
        views.append(
            _View(
                tr("{} – {}").format(info.name, neighbourhood.name),
                tr("Neighbourhood {}: all works by horizon").format(neighbourhood.name),
                _fit(box.buffered(max(box.width(), box.height()) * 0.05), map_width / map_height),
                veil=number,
            )
        )

    name = tr("Programme map – {}").format(info.name)
    manager = project.layoutManager()
    old = manager.layoutByName(name)
    if old is not None:
        manager.removeLayout(old)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    collection = layout.pageCollection()
    collection.page(0).setPageSize(paper, QgsLayoutItemPage.Landscape)
    for _ in views[1:]:
        page = QgsLayoutItemPage(layout)
        page.setPageSize(paper, QgsLayoutItemPage.Landscape)
        collection.addPage(page)
    logo_path = _logo(path)
    for number, view in enumerate(views):
        sheet = _Page(layout, number, paper)
        sheet.label(view.title, 20, 10, 7, width - 20, 12, bold=True)
        sheet.label(
            tr("{} · {} · exported {}").format(view.subtitle, state_label, exported),
            11,
            10,
            20,
            width - 20,
            8,
        )
        map_item = QgsLayoutItemMap(layout)
        layout.addLayoutItem(map_item)
        map_item.attemptMove(sheet.point(10, 30 * sheet.scale))
        map_item.attemptResize(QgsLayoutSize(map_width, map_height, MM))
        map_item.setCrs(works[0].crs())
        map_item.setLayers(([mask] if view.veil is not None else []) + map_layers)
        map_item.setKeepLayerSet(True)
        if view.horizon is not None:
            map_item.setKeepLayerStyles(True)
            map_item.setLayerStyleOverrides(_focus_overrides(works, view.horizon))
        if view.veil is not None:
            map_item.setKeepLayerStyles(True)
            map_item.setLayerStyleOverrides({mask.id(): _veil_override(mask, view.veil)})
        map_item.setExtent(view.extent)
        map_item.setFrameEnabled(True)
        legend_x = 10 + map_width + 5
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle(tr("Legend"))
        legend.setAutoUpdateModel(False)
        legend.setLinkedMap(map_item)
        root = legend.model().rootGroup()
        root.clear()
        node = root.addLayer(
            works[0] if view.horizon is None else _legend_layer(project, view.horizon)
        )
        node.setCustomProperty("legend/title-label", tr("Works"))
        if accepted is not None:
            root.addLayer(accepted)
        for layer in layers:
            if layer.customProperty(TABLE_PROPERTY) in ("challenges", "neighbourhoods"):
                root.addLayer(layer)
        layout.addLayoutItem(legend)
        legend.attemptMove(sheet.point(legend_x, 30 * sheet.scale))
        legend.setResizeToContents(True)
        legend.setWrapString("|")
        if view.veil is not None:
            _inset(layout, sheet, map_item, layers, whole, legend_x, legend_width - 5)
        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(NORTH_ARROW)
        layout.addLayoutItem(arrow)
        arrow.attemptResize(QgsLayoutSize(12 * sheet.scale, 18 * sheet.scale, MM))
        arrow.attemptMove(sheet.point(legend_x, height - 60 * sheet.scale))
        scale = QgsLayoutItemScaleBar(layout)
        scale.setStyle("Single Box")
        scale.setLinkedMap(map_item)
        scale.applyDefaultSize()
        layout.addLayoutItem(scale)
        scale.attemptMove(sheet.point(legend_x, height - 38 * sheet.scale))
        if logo_path:
            logo = QgsLayoutItemPicture(layout)
            logo.setPicturePath(logo_path)
            layout.addLayoutItem(logo)
            logo.attemptResize(QgsLayoutSize(legend_width - 5, 20 * sheet.scale, MM))
            logo.attemptMove(sheet.point(legend_x, 6))
        sources = sheet.label(
            tr("Sources: programme {} ({}); map {} · {}").format(
                Path(path).name, info.crs, exported, tr("Integrale Programmakamer")
            ),
            7,
            10,
            height - 10 * sheet.scale,
            width - 20,
            6,
        )
        sources.setFontColor(QColor("#505050"))
    manager.addLayout(layout)
    return layout


def _inset(layout, sheet: _Page, main, layers, whole: QgsRectangle, x: float, width: float):
    """The whole city small, with the page's part framed: where am I."""
    context = [
        layer
        for layer in layers
        if layer.customProperty(TABLE_PROPERTY) in ("streets", "neighbourhoods")
    ]
    height = width * whole.height() / whole.width()
    inset = QgsLayoutItemMap(layout)
    inset.setId(tr("Overview"))
    layout.addLayoutItem(inset)
    inset.attemptResize(QgsLayoutSize(width, height, MM))
    inset.attemptMove(sheet.point(x, sheet.height - 66 * sheet.scale - height))
    inset.setCrs(main.crs())
    inset.setLayers(context)
    inset.setKeepLayerSet(True)
    inset.setExtent(whole)
    inset.setFrameEnabled(True)
    frame = inset.overview()
    frame.setLinkedMap(main)
    frame.setFrameSymbol(
        QgsFillSymbol.createSimple(
            {"color": "#55d7191c", "outline_color": "#d7191c", "outline_width": "0.8"}
        )
    )
    return inset


def _logo(path: str) -> str | None:
    from ..core.schema import PROGRAMME

    rows = read_table(path, PROGRAMME)
    logo = rows[0].get("logo_path") if rows else None
    if logo and not os.path.isabs(logo):
        logo = str(Path(path).parent / logo)
    return logo if logo and Path(logo).is_file() else None


def export_programme_map(
    layout: QgsPrintLayout, files: ExportSet, dpi: int = 150, stem: str = "programmakaart"
) -> MapExport:
    """PDF of all pages and a PNG per page, written into the export set; the pages of an
    earlier, longer export in its folder are dropped with the commit."""
    if not 30 <= dpi <= 600:
        raise ProgrammeError(tr("Choose a resolution between 30 and 600 dpi (got {}).").format(dpi))
    pages = layout.pageCollection().pageCount()
    width, height = _page_size_of(layout)
    megapixels = width * height / 25.4**2 * dpi**2 / 1e6
    if megapixels > MAX_MEGAPIXELS:
        most = int(dpi * (MAX_MEGAPIXELS / megapixels) ** 0.5)
        raise ProgrammeError(
            tr(
                "{} dpi on this paper makes images too large ({:.0f} megapixels a page): "
                "use at most {} dpi."
            ).format(dpi, megapixels, most)
        )
    exporter = QgsLayoutExporter(layout)
    pdf = "{}.pdf".format(stem)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    result = exporter.exportToPdf(str(files.path(pdf)), settings)
    if result != QgsLayoutExporter.Success:
        raise ProgrammeError(
            tr("Could not write {}: {}").format(files.folder / pdf, _export_problem(result))
        )
    images = QgsLayoutExporter.ImageExportSettings()
    images.dpi = dpi
    first = files.workspace / "{}.png".format(stem)  # QGIS names the next ones stem_2.png …
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # PNGs cannot be georeferenced in place
    try:
        result = exporter.exportToImage(str(first), images)
    finally:
        gdal.PopErrorHandler()
    written = [first] + [files.workspace / "{}_{}.png".format(stem, n) for n in range(2, pages + 1)]
    if result != QgsLayoutExporter.Success or not all(p.is_file() for p in written):
        raise ProgrammeError(
            tr("Could not write the page images: {}").format(_export_problem(result))
        )
    pngs = []
    for number, page in enumerate(written, start=1):
        name = "{}-{}.png".format(stem, number)
        files.put(page, name)
        pngs.append(files.folder / name)
    for earlier in files.folder.glob("{}-*.png".format(stem)):
        number = earlier.stem[len(stem) + 1 :]
        if number.isdigit() and int(number) > pages:
            files.drop(earlier.name)
    return MapExport(pdf=files.folder / pdf, pngs=pngs, pages=pages)


def _export_problem(result) -> str:
    """What went wrong, from QGIS 3.22's result code (it has no error message yet)."""
    if result == QgsLayoutExporter.FileError:
        return tr(
            "the file cannot be written: the folder is read-only or the file is open elsewhere"
        )
    if result == QgsLayoutExporter.MemoryError:
        return tr("not enough memory for this page size and resolution")
    if result == QgsLayoutExporter.PrintError:
        return tr("the PDF could not be made")
    return tr("the export was cancelled or failed")


def _page_size_of(layout: QgsPrintLayout) -> tuple[float, float]:
    size = layout.pageCollection().page(0).pageSize()
    return size.width(), size.height()
