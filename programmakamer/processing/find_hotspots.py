"""programmakamer:findhotspots: where works pile up, per cell or neighbourhood and year."""

from __future__ import annotations

from qgis.core import (
    QgsField,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core import periods
from ..core.settings import rule_setting
from ..store.features import FIELD_TYPES
from .algorithm import parameter_help
from .rule_algorithm import WorkLayerRuleAlgorithm, given_text


class FindHotspots(WorkLayerRuleAlgorithm):
    NAME = "findhotspots"
    GRID = "GRID"
    CELL_SIZE, MIN_WORKS, ZONES, ZONE_NAME_FIELD = (
        "CELL_SIZE",
        "MIN_WORKS",
        "ZONES",
        "ZONE_NAME_FIELD",
    )
    FIRST_YEAR, LAST_YEAR = "FIRST_YEAR", "LAST_YEAR"
    #: the measures per year, as the fields name them (short enough for a shapefile)
    MEASURES = ("works", "digs", "hind")
    FIELD_PARAMETERS = tuple(
        p
        for p in WorkLayerRuleAlgorithm.FIELD_PARAMETERS
        if p[0] in ("WORK_ID_FIELD", "START_FIELD", "END_FIELD", "STATUS_FIELD", "OPENS_FIELD")
    )

    def displayName(self) -> str:
        return self.tr("Find hotspots")

    def shortHelpString(self) -> str:
        return "\n\n".join(
            (
                self.tr(
                    "Knelpunten: per cell of a square grid (or per zone polygon, e.g. "
                    "neighbourhoods, when given) and per year: the number of works under way "
                    "and the number of excavations. Hindrance = works + 2 × excavations. Only "
                    "cells where some year has at least the minimum number of works are "
                    "output, with fields per year: works_YYYY, digs_YYYY and hind_YYYY "
                    "(hindrance). Severity = the highest yearly hindrance."
                ),
                self.rule_help(),
                self.tr(
                    "Hexagons get the area of the square cells. Zones: optional polygons with "
                    "an optional name field. First and last year: the years counted; by "
                    "default every year a work runs, from the earliest start to the last "
                    "year any work starts or ends (open-ended works count from their start "
                    "to that year). The result is styled as a heat map of the severity."
                ),
                self.field_help(),
            )
        )

    def rule_numbers(self):
        return [
            (self.CELL_SIZE, rule_setting("hotspot_cell_m"), self.tr("Cell size (m)")),
            (
                self.MIN_WORKS,
                rule_setting("hotspot_min_works"),
                self.tr("Minimum number of works in a cell and year"),
            ),
        ]

    def add_rule_parameters(self) -> None:
        super().add_rule_parameters()
        grid = QgsProcessingParameterEnum(
            self.GRID,
            self.tr("Grid"),
            [self.tr("Squares"), self.tr("Hexagons")],
            defaultValue=int(rule_setting("hotspot_hexagonal").default),
        )
        grid.setHelp(parameter_help(rule_setting("hotspot_hexagonal")))
        self.addParameter(grid)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES,
                self.tr("Zones instead of a grid"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ZONE_NAME_FIELD, self.tr("Zone name field"), "name", self.ZONES, optional=True
            )
        )
        for name, label in (
            (self.FIRST_YEAR, self.tr("First year (default: the earliest start)")),
            (self.LAST_YEAR, self.tr("Last year (default: the last year a work runs)")),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name,
                    label,
                    QgsProcessingParameterNumber.Integer,
                    optional=True,
                    minValue=periods.FIRST_YEAR,
                    maxValue=periods.LAST_YEAR,
                )
            )

    def years(self, parameters, context) -> tuple[int | None, int | None]:
        """The chosen first and last year; None where not chosen."""
        return tuple(  # type: ignore[return-value]  # two items
            None
            if parameters.get(name) in (None, "")
            else self.parameterAsInt(parameters, name, context)
            for name in (self.FIRST_YEAR, self.LAST_YEAR)
        )

    def check_other_parameters(self, parameters, context) -> None:
        first, last = self.years(parameters, context)
        if first is not None and last is not None and first > last:
            raise QgsProcessingException(
                self.tr("The first year ({}) comes after the last year ({}).").format(first, last)
            )

    def settings(self, parameters, context):
        settings = super().settings(parameters, context)
        settings.hotspot_hexagonal = float(self.parameterAsEnum(parameters, self.GRID, context))
        return settings

    def processAlgorithm(self, parameters, context, feedback):
        results = super().processAlgorithm(parameters, context, feedback)
        dest = results.get(self.OUTPUT)
        if dest and context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(HeatMapStyle.shared())
        return results

    def find(self, works, settings, parameters, context, feedback, crs):
        import numpy as np

        from ..core.rules import Challenges, find_hotspots
        from ..core.works import valid_geometries

        zones = None
        source = self.parameterAsSource(parameters, self.ZONES, context)
        if source is not None:
            name = self.optional_field(parameters, self.ZONE_NAME_FIELD, context, source)
            read = self.read_layer(parameters, context, feedback, self.ZONES, crs, {"name": name})
            if read is None:
                return None
            rows, geometries = read
            ids = np.array(["zone:{}".format(r["_fid"]) for r in rows], dtype=object)
            names = np.array([given_text(r["name"]) or i for r, i in zip(rows, ids)], dtype=object)
            zones = Challenges(ids, names, valid_geometries(geometries)[0])
        return find_hotspots(works, settings, zones, self.years(parameters, context))

    def extra_fields(self, found) -> list:
        years = sorted({year for extra in found.extra for year in extra.get("years", {})})
        return [
            QgsField("{}_{}".format(measure, year), FIELD_TYPES["integer"])
            for year in years
            for measure in self.MEASURES
        ]

    def extra_value(self, row: dict, name: str):
        measure, year = name.rsplit("_", 1)
        figures = row["extra"].get("years", {}).get(int(year))
        if figures is None:
            return 0
        return figures[self.MEASURES.index(measure)]


class HeatMapStyle(QgsProcessingLayerPostProcessorInterface):
    """Styles the loaded result. One shared instance: QGIS calls it after the algorithm
    (a copy made by QGIS for the run) is gone, so the algorithm cannot own it."""

    _instance = None

    @classmethod
    def shared(cls) -> HeatMapStyle:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def postProcessLayer(self, layer, context, feedback):
        from ..store.styles import hotspot_renderer

        if layer is not None and layer.featureCount() > 0:
            layer.setRenderer(hotspot_renderer(layer))
            layer.triggerRepaint()
