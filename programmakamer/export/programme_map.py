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
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core.decisions import latest_decisions
from ..core.periods import format_moment
from ..core.schema import DECISIONS, HORIZONS, PROGRAMME, PROGRAMME_STATES, choice_label
from ..log import logger
from ..store.errors import ProgrammeError
from ..store.features import FIELD_KINDS, FIELD_TYPES, from_qvariant
from ..store.layers import STAKEHOLDER_PROPERTY, TABLE_PROPERTY, programme_group
from ..store.location import short_name
from ..store.programme import read_programme, read_table, table_layer
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


@dataclass(frozen=True)
class _Frames:
    """Where a page's parts go, in mm: the map on the left, a legend column on the right;
    sizes scale with the paper (A3 is 1)."""

    width: float
    height: float

    @property
    def scale(self) -> float:
        return self.width / 420.0

    @property
    def legend_width(self) -> float:
        return 105 * self.width / 420.0

    @property
    def legend_x(self) -> float:
        return 10 + self.map_width + 5

    @property
    def map_width(self) -> float:
        return self.width - self.legend_width - 25

    @property
    def map_height(self) -> float:
        return self.height - 55 * self.width / 420.0

    @property
    def map_ratio(self) -> float:
        return self.map_width / self.map_height


class _Page:
    """Places the items of one page; sizes scale with the paper."""

    def __init__(self, layout: QgsLayout, number: int, frames: _Frames):
        self.layout = layout
        self.frames = frames
        self.width, self.height, self.scale = frames.width, frames.height, frames.scale
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
    latest = latest_decisions(read_table(path, DECISIONS))
    accepted = sorted(f for f, decision in latest.items() if decision["verdict"] == "accepted")
    if not accepted:
        return None
    layer = table_layer(path, "findings", tr("Accepted dig-once chances"))
    quoted = ", ".join("'{}'".format(f.replace("'", "''")) for f in accepted)
    layer.setSubsetString('"kind" = \'combine\' AND "finding_id" IN ({})'.format(quoted))
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
        text = [f.name() for f in fields if FIELD_KINDS.get(f.type()) == "text"]
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
    provider.addAttributes([QgsField("page", FIELD_TYPES["integer"])])
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


@dataclass
class _Content:
    """What every page draws from: the programme's layers and the whole city's extent."""

    project: QgsProject
    layers: list[QgsVectorLayer]
    works: list[QgsVectorLayer]
    accepted: QgsVectorLayer | None
    mask: QgsVectorLayer | None
    whole: QgsRectangle

    @property
    def map_layers(self) -> list[QgsVectorLayer]:
        return ([self.accepted] if self.accepted else []) + self.layers


@dataclass
class _Stamp:
    """The lines every page carries: the programme's state, the export date, the sources."""

    state: str
    exported: str
    sources: str


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
    info = read_programme(path)
    lang = language()
    frames = _Frames(*_page_size(paper))
    unknown = [p for p in pages if p not in PAGES + ("neighbourhoods",)]
    if unknown or not pages:
        raise ProgrammeError(tr("Unknown pages: {}").format(", ".join(unknown)))
    layers, works = _programme_layers(project, path)
    extent = _drawn_extent(layers)
    neighbourhoods = _neighbourhood_pages(project, path, pages, neighbourhoods)
    accepted = _accepted_chances(project, path)
    mask = _mask_layer(project, works[0].crs(), neighbourhoods) if neighbourhoods else None
    whole = _fit(extent.buffered(extent.width() * 0.02), frames.map_ratio)
    content = _Content(project, layers, works, accepted, mask, whole)
    exported = format_moment(today or date.today(), "day", lang)
    stamp = _Stamp(
        choice_label(PROGRAMME_STATES, state, lang),
        exported,
        tr("Sources: programme {} ({}); map {} · {}").format(
            short_name(path), info.crs, exported, tr("Integrale Programmakamer")
        ),
    )
    title = tr("{} – {}, reference year {}").format(
        info.name, info.municipality, info.reference_year
    )
    views = _horizon_views(title, pages, whole, lang) + _neighbourhood_views(
        info.name, neighbourhoods, frames.map_ratio
    )
    layout = _new_layout(project, tr("Programme map – {}").format(info.name), paper, len(views))
    logo_path = _logo(path)
    for number, view in enumerate(views):
        _draw_page(_Page(layout, number, frames), view, content, stamp, logo_path)
    project.layoutManager().addLayout(layout)
    return layout


def _drawn_extent(layers: list[QgsVectorLayer]) -> QgsRectangle:
    """The extent of all that is drawn; the streets reach beyond the programme."""
    extent = None
    for layer in layers:
        if layer.featureCount() > 0 and layer.customProperty(TABLE_PROPERTY) != "streets":
            extent = QgsRectangle(layer.extent()) if extent is None else extent
            extent.combineExtentWith(layer.extent())
    if extent is None:
        raise ProgrammeError(tr("The programme is empty: there is nothing to draw."))
    return extent


def _neighbourhood_pages(
    project: QgsProject, path: str, pages, neighbourhoods: list[Neighbourhood] | None
) -> list[Neighbourhood]:
    """The neighbourhoods given, else the programme's own when its pages are asked for."""
    if neighbourhoods is None and "neighbourhoods" in pages:
        neighbourhoods = programme_neighbourhoods(project, path)
        if not neighbourhoods:
            raise ProgrammeError(
                tr(
                    "The programme has no neighbourhoods for the neighbourhood pages: add them "
                    "to its neighbourhoods table or choose a neighbourhood layer."
                )
            )
    return neighbourhoods or []


def _horizon_views(title: str, pages, whole: QgsRectangle, lang: str) -> list[_View]:
    """The overview and the horizon pages asked for, in the order of PAGES."""
    views = []
    for page in (p for p in PAGES if p in pages):
        if page == "overview":
            what = tr("All works by horizon")
        else:
            what = tr("{} in colour, other works grey").format(choice_label(HORIZONS, page, lang))
        views.append(_View(title, what, whole, None if page == "overview" else page))
    return views


def _neighbourhood_views(
    programme: str, neighbourhoods: list[Neighbourhood], ratio: float
) -> list[_View]:
    """A page per neighbourhood, zoomed to it with a margin."""
    views = []
    for number, neighbourhood in enumerate(neighbourhoods):
        box = neighbourhood.geometry.boundingBox()
        views.append(
            _View(
                tr("{} – {}").format(programme, neighbourhood.name),
                tr("Neighbourhood {}: all works by horizon").format(neighbourhood.name),
                _fit(box.buffered(max(box.width(), box.height()) * 0.05), ratio),
                veil=number,
            )
        )
    return views


def _new_layout(project: QgsProject, name: str, paper: str, pages: int) -> QgsPrintLayout:
    """An empty layout of landscape pages, replacing the project's earlier one of this name."""
    manager = project.layoutManager()
    old = manager.layoutByName(name)
    if old is not None:
        manager.removeLayout(old)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    collection = layout.pageCollection()
    collection.page(0).setPageSize(paper, QgsLayoutItemPage.Landscape)
    for _ in range(pages - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(paper, QgsLayoutItemPage.Landscape)
        collection.addPage(page)
    return layout


def _draw_page(
    sheet: _Page, view: _View, content: _Content, stamp: _Stamp, logo_path: str | None
) -> None:
    """One page: its title block, map, legend, the city inset on a neighbourhood page, and
    the furniture."""
    frames = sheet.frames
    _title_block(sheet, view, stamp)
    map_item = _map(sheet, view, content)
    _legend(sheet, view, content, map_item)
    if view.veil is not None:
        _inset(
            sheet.layout,
            sheet,
            map_item,
            content.layers,
            content.whole,
            frames.legend_x,
            frames.legend_width - 5,
        )
    _furniture(sheet, map_item, stamp, logo_path)


def _title_block(sheet: _Page, view: _View, stamp: _Stamp) -> None:
    """The title, and what the page shows with the programme's state and export date."""
    sheet.label(view.title, 20, 10, 7, sheet.width - 20, 12, bold=True)
    sheet.label(
        tr("{} · {} · exported {}").format(view.subtitle, stamp.state, stamp.exported),
        11,
        10,
        20,
        sheet.width - 20,
        8,
    )


def _map(sheet: _Page, view: _View, content: _Content) -> QgsLayoutItemMap:
    """The page's map: the horizon in focus greys the others, a neighbourhood page veils
    all but its neighbourhood."""
    map_item = QgsLayoutItemMap(sheet.layout)
    sheet.layout.addLayoutItem(map_item)
    map_item.attemptMove(sheet.point(10, 30 * sheet.scale))
    map_item.attemptResize(QgsLayoutSize(sheet.frames.map_width, sheet.frames.map_height, MM))
    map_item.setCrs(content.works[0].crs())
    map_item.setLayers(([content.mask] if view.veil is not None else []) + content.map_layers)
    map_item.setKeepLayerSet(True)
    if view.horizon is not None:
        map_item.setKeepLayerStyles(True)
        map_item.setLayerStyleOverrides(_focus_overrides(content.works, view.horizon))
    if view.veil is not None:
        mask = content.mask
        map_item.setKeepLayerStyles(True)
        map_item.setLayerStyleOverrides({mask.id(): _veil_override(mask, view.veil)})
    map_item.setExtent(view.extent)
    map_item.setFrameEnabled(True)
    return map_item


def _legend(sheet: _Page, view: _View, content: _Content, map_item: QgsLayoutItemMap) -> None:
    """The works as the page draws them, the accepted chances, challenges and
    neighbourhoods."""
    legend = QgsLayoutItemLegend(sheet.layout)
    legend.setTitle(tr("Legend"))
    legend.setAutoUpdateModel(False)
    legend.setLinkedMap(map_item)
    root = legend.model().rootGroup()
    root.clear()
    node = root.addLayer(
        content.works[0] if view.horizon is None else _legend_layer(content.project, view.horizon)
    )
    node.setCustomProperty("legend/title-label", tr("Works"))
    if content.accepted is not None:
        root.addLayer(content.accepted)
    for layer in content.layers:
        if layer.customProperty(TABLE_PROPERTY) in ("challenges", "neighbourhoods"):
            root.addLayer(layer)
    sheet.layout.addLayoutItem(legend)
    legend.attemptMove(sheet.point(sheet.frames.legend_x, 30 * sheet.scale))
    legend.setResizeToContents(True)
    legend.setWrapString("|")


def _furniture(
    sheet: _Page, map_item: QgsLayoutItemMap, stamp: _Stamp, logo_path: str | None
) -> None:
    """North arrow, scale bar, the municipality's logo and the sources line."""
    layout, frames = sheet.layout, sheet.frames
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(NORTH_ARROW)
    layout.addLayoutItem(arrow)
    arrow.attemptResize(QgsLayoutSize(12 * sheet.scale, 18 * sheet.scale, MM))
    arrow.attemptMove(sheet.point(frames.legend_x, sheet.height - 60 * sheet.scale))
    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setLinkedMap(map_item)
    scale.applyDefaultSize()
    layout.addLayoutItem(scale)
    scale.attemptMove(sheet.point(frames.legend_x, sheet.height - 38 * sheet.scale))
    if logo_path:
        logo = QgsLayoutItemPicture(layout)
        logo.setPicturePath(logo_path)
        layout.addLayoutItem(logo)
        logo.attemptResize(QgsLayoutSize(frames.legend_width - 5, 20 * sheet.scale, MM))
        logo.attemptMove(sheet.point(frames.legend_x, 6))
    sources = sheet.label(
        stamp.sources, 7, 10, sheet.height - 10 * sheet.scale, sheet.width - 20, 6
    )
    sources.setFontColor(QColor("#505050"))


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
