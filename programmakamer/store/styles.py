"""Symbology of the programme, built in code from the schema so it never drifts.

Works by horizon: strong colours and thick lines that survive a projector, the
discipline as a dash pattern, and a black dotted line where the chamber overrode the
computed horizon. A second style colours works by stakeholder.
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSymbol,
    QgsSymbolLayer,
)
from qgis.PyQt.QtGui import QColor

from ..core.schema import DISCIPLINES, FINDING_KINDS, HORIZONS, WORK_TABLES, choice_label
from ..translation import language, tr
from .errors import ProgrammeError

HORIZON_COLOURS = {"short": "#d7191c", "medium": "#f28e00", "long": "#2c7bb6"}
NO_HORIZON_COLOUR = "#9e9e9e"
#: The base map's colours, one definition for QGIS's styles and the web map: main streets
#: a shade darker than the others, the neighbourhoods' dashed outline, challenge areas.
REFERENCE_COLOURS = {
    "main_street": "#b4b4b4",
    "street": "#cdcdcd",
    "neighbourhood": "#606060",
    "challenge": "#2ca25f",
}
EFFECTIVE_HORIZON = 'coalesce("horizon_override", "horizon")'

#: Dash pattern (mm) per discipline: the stakeholder's trade stays readable in the
#: horizon colours. Digging trades get distinct dashes, surface trades solid lines.
DISCIPLINE_DASHES = {
    "sewer": "6;1.5",
    "drinking_water": "3;1.5",
    "gas": "6;1.5;1;1.5",
    "electricity": "1.5;1.5",
    "telecom": "1;1",
    "district_heating": "8;1.5;1.5;1.5",
    "public_lighting": "2;3",
}


def _dash_expression() -> str:
    cases = " ".join(
        "WHEN '{}' THEN '{}'".format(d, pattern) for d, pattern in DISCIPLINE_DASHES.items()
    )
    return "CASE \"discipline\" {} ELSE '20;0' END".format(cases)


def work_symbol(geometry: str, colour: str, width_mm: float = 1.6) -> QgsSymbol:
    """One symbol for a work in the given colour, for a geometry kind line/polygon/point."""
    if geometry == "line":
        symbol = QgsLineSymbol.createSimple(
            {"line_color": colour, "line_width": str(width_mm), "capstyle": "flat"}
        )
        layer = symbol.symbolLayer(0)
        layer.setUseCustomDashPattern(True)
        layer.setDataDefinedProperty(
            QgsSymbolLayer.PropertyCustomDash, QgsProperty.fromExpression(_dash_expression())
        )
        return symbol
    if geometry == "polygon":
        fill = QColor(colour)
        fill.setAlpha(90)
        return QgsFillSymbol.createSimple(
            {
                "color": fill.name(QColor.NameFormat.HexArgb),
                "outline_color": colour,
                "outline_width": str(width_mm * 0.6),
                "style": "b_diagonal",
            }
        )
    return QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": colour, "size": str(width_mm * 3), "outline_color": "#202020"}
    )


def _override_symbol(geometry: str) -> QgsSymbol:
    if geometry == "line":
        return QgsLineSymbol.createSimple(
            {"line_color": "black", "line_width": "0.5", "line_style": "dot"}
        )
    if geometry == "polygon":
        return QgsFillSymbol.createSimple(
            {
                "style": "no",
                "outline_color": "black",
                "outline_width": "0.5",
                "outline_style": "dot",
            }
        )
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": "black", "size": "1.5"})


def horizon_renderer(geometry: str, language: str) -> QgsRuleBasedRenderer:
    """Rule-based renderer: one rule per horizon, plus a marker for overrides."""
    root = QgsRuleBasedRenderer.Rule(None)
    for choice in HORIZONS:
        rule = QgsRuleBasedRenderer.Rule(
            work_symbol(geometry, HORIZON_COLOURS[choice.value]),
            filterExp="{} = '{}'".format(EFFECTIVE_HORIZON, choice.value),
            label=choice.label(language),
        )
        root.appendChild(rule)
    root.appendChild(
        QgsRuleBasedRenderer.Rule(
            work_symbol(geometry, NO_HORIZON_COLOUR, 0.8),
            filterExp="{} IS NULL".format(EFFECTIVE_HORIZON),
            label=tr("No horizon (done, cancelled, undated)"),
        )
    )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(
            _override_symbol(geometry),
            filterExp='"horizon_override" IS NOT NULL',
            label=tr("Horizon set by the chamber"),
        )
    )
    return QgsRuleBasedRenderer(root)


def stakeholder_renderer(
    geometry: str, stakeholders: list[dict], language: str
) -> QgsCategorizedSymbolRenderer:
    """Categorised on stakeholder_id, in each stakeholder's own colour."""
    categories = [
        QgsRendererCategory(
            s["stakeholder_id"],
            work_symbol(geometry, s["colour"] or NO_HORIZON_COLOUR),
            "{} ({})".format(s["name"], choice_label(DISCIPLINES, s["discipline"], language)),
        )
        for s in stakeholders
    ]
    return QgsCategorizedSymbolRenderer("stakeholder_id", categories)


def save_default_styles(path, stakeholders: list[dict]) -> None:
    """Store both work styles in the GeoPackage, so it shows by horizon without the plugin."""
    from .programme import table_layer  # here: programme imports this module at its top

    lang = language()
    for table in WORK_TABLES:
        layer = table_layer(path, table.name)
        layer.setRenderer(stakeholder_renderer(table.geometry, stakeholders, lang))
        error = layer.saveStyleToDatabase(tr("By stakeholder"), "", False, "")
        layer.setRenderer(horizon_renderer(table.geometry, lang))
        error = error or layer.saveStyleToDatabase(tr("By horizon"), "", True, "")
        if error:
            raise ProgrammeError(tr("Cannot store the styles: {}").format(error))


def reference_renderer(table_name: str):
    """Quiet backgrounds for context layers, hatching for challenges."""
    from qgis.core import QgsSingleSymbolRenderer

    if table_name == "streets":
        return _streets_renderer()
    if table_name == "neighbourhoods":
        symbol = QgsFillSymbol.createSimple(
            {
                "style": "no",
                "outline_color": REFERENCE_COLOURS["neighbourhood"],
                "outline_width": "0.6",
                "outline_style": "dash",
            }
        )
    elif table_name == "challenges":
        symbol = QgsFillSymbol.createSimple(
            {
                "style": "f_diagonal",
                "color": REFERENCE_COLOURS["challenge"],
                "outline_color": REFERENCE_COLOURS["challenge"],
                "outline_width": "0.8",
            }
        )
    else:
        return findings_renderer()
    return QgsSingleSymbolRenderer(symbol)


def _streets_renderer() -> QgsRuleBasedRenderer:
    """Main streets a little darker and wider than the others, as on the web map."""
    root = QgsRuleBasedRenderer.Rule(None)
    for colour, width, expression in (
        (REFERENCE_COLOURS["main_street"], "0.7", "\"road_class\" = 'main'"),
        (REFERENCE_COLOURS["street"], "0.4", "ELSE"),
    ):
        symbol = QgsLineSymbol.createSimple({"line_color": colour, "line_width": width})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=expression))
    return QgsRuleBasedRenderer(root)


FINDING_COLOURS = {
    "combine": "#1a9641",
    "clash": "#d7191c",
    "sequence": "#fdae61",
    "moratorium": "#7b3294",
    "ambition": "#2b83ba",
    "hotspot": "#ffd92f",
}


def findings_renderer() -> QgsCategorizedSymbolRenderer:
    """Findings by kind; open ones in colour, obsolete ones are not drawn."""
    categories = []
    for choice in FINDING_KINDS:
        colour = QColor(FINDING_COLOURS[choice.value])
        fill = QColor(colour)
        fill.setAlpha(70 if choice.value == "hotspot" else 110)
        symbol = QgsFillSymbol.createSimple(
            {
                "color": fill.name(QColor.NameFormat.HexArgb),
                "outline_color": colour.name(),
                "outline_width": "0.6",
            }
        )
        categories.append(QgsRendererCategory(choice.value, symbol, choice.label(language())))
    expression = 'CASE WHEN "state" = \'open\' THEN "kind" END'
    return QgsCategorizedSymbolRenderer(expression, categories)


def hotspot_renderer(layer):
    """Hotspot cells as a heat map: severity in up to five natural-breaks classes, yellow to red."""
    from qgis.core import (
        QgsClassificationJenks,
        QgsGraduatedSymbolRenderer,
        QgsStyle,
    )

    renderer = QgsGraduatedSymbolRenderer("severity")
    renderer.setSourceSymbol(
        QgsFillSymbol.createSimple({"outline_color": "#80000000", "outline_width": "0.2"})
    )
    renderer.setSourceColorRamp(QgsStyle.defaultStyle().colorRamp("YlOrRd"))
    renderer.setClassificationMethod(QgsClassificationJenks())
    renderer.updateClasses(layer, 5)
    return renderer


def horizon_focus_renderer(geometry: str, horizon: str, language: str) -> QgsRuleBasedRenderer:
    """One horizon in its colour, every other work thin and grey: a page per horizon."""
    root = QgsRuleBasedRenderer.Rule(None)
    label = choice_label(HORIZONS, horizon, language)
    root.appendChild(
        QgsRuleBasedRenderer.Rule(
            work_symbol(geometry, "#c8c8c8", 0.7),
            filterExp="{} IS NULL OR {} <> '{}'".format(
                EFFECTIVE_HORIZON, EFFECTIVE_HORIZON, horizon
            ),
            label=tr("Other works"),
        )
    )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(
            work_symbol(geometry, HORIZON_COLOURS[horizon]),
            filterExp="{} = '{}'".format(EFFECTIVE_HORIZON, horizon),
            label=label,
        )
    )
    return QgsRuleBasedRenderer(root)


def main_street_labels():
    """Names of main streets only, along the line, with a halo: enough to find your way
    on a printed map without drowning the works in text."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsRuleBasedLabeling,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtGui import QFont

    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(7.5)
    text.setColor(QColor("#303030"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(1.0)
    halo.setColor(QColor("white"))
    text.setBuffer(halo)
    settings = QgsPalLayerSettings()
    settings.fieldName = "street_name"
    settings.placement = QgsPalLayerSettings.Curved
    settings.setFormat(text)
    settings.repeatDistance = 120.0
    # a name every 12 cm of the map at most; QGIS 3.30+ refuses a plain int for the unit
    settings.repeatDistanceUnit = QgsUnitTypes.RenderUnit.RenderMillimeters
    settings.mergeLines = True
    root = QgsRuleBasedLabeling.Rule(None)
    root.appendChild(QgsRuleBasedLabeling.Rule(settings, filterExp="\"road_class\" = 'main'"))
    return QgsRuleBasedLabeling(root)
