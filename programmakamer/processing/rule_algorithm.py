"""What the one-rule algorithms share: any layer of works in, findings out.

A GIS specialist can run a rule on a shapefile from another city: the work id, the
stakeholder, the period and the flags come from fields she picks, each optional where a
sensible default exists. Distances are metres in the distance CRS (the layer's CRS when
projected, else EPSG:28992); features are transformed once while they are read.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core.errors import RuleError
from ..core.findings import number_text
from ..core.periods import first_day, last_day, parse_moment
from ..core.schema import DEFAULT_CRS, FINDINGS
from ..core.settings import RuleSetting, RuleSettings
from ..dependencies import shapely_problem
from ..store.programme import from_qvariant, make_features, qgs_fields
from ..translation import language
from .algorithm import ProgrammakamerAlgorithm, parameter_help, rule_error_message

TRUE_WORDS = {"1", "true", "yes", "ja", "j", "y", "waar", "x"}


class WorkLayerRuleAlgorithm(ProgrammakamerAlgorithm):
    """Base for findcombinechances and its siblings; subclasses implement `find`."""

    GROUP = "rules"
    INPUT, OUTPUT, DISTANCE_CRS = "INPUT", "OUTPUT", "DISTANCE_CRS"
    WORK_ID_FIELD, STAKEHOLDER_FIELD = "WORK_ID_FIELD", "STAKEHOLDER_FIELD"
    START_FIELD, END_FIELD, STATUS_FIELD = "START_FIELD", "END_FIELD", "STATUS_FIELD"
    OPENS_FIELD, RENEWS_FIELD, SURFACE_FIELD = "OPENS_FIELD", "RENEWS_FIELD", "SURFACE_FIELD"
    INCLUDE_CLOSED = "INCLUDE_CLOSED"

    #: (parameter, default field name) pairs a subclass does not need can be dropped here
    FIELD_PARAMETERS = (
        ("WORK_ID_FIELD", "work_id"),
        ("STAKEHOLDER_FIELD", "stakeholder_id"),
        ("START_FIELD", "planned_start"),
        ("END_FIELD", "planned_end"),
        ("STATUS_FIELD", "status"),
        ("OPENS_FIELD", "opens_ground"),
        ("RENEWS_FIELD", "renews_surface"),
        ("SURFACE_FIELD", "surface_type"),
    )

    def group(self) -> str:
        return self.tr("Rules on any layer")

    def field_help(self) -> str:
        return self.tr(
            "Input: works as lines, polygons or points. Work id: features with the same "
            "value are one work with several footprints (default: each feature is a work). "
            "Stakeholder: works of one stakeholder never combine (default: every work its "
            "own stakeholder). Start and end: dates, years (2027), 'Q3 2027', '14-09-2027'; a "
            "year or quarter covers all of it; without an end field a work lasts its "
            "start's period, an empty end is open-ended and an end before the start is "
            "left out, both reported. Status: 'done' and 'cancelled' are "
            "left out unless included. Opens the ground / renews the surface: yes/no fields "
            "(ja/nee, 1/0, true/false). Distance CRS: a projected CRS in metres (default: "
            "the layer's when projected, else EPSG:28992)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                self.tr("Works"),
                [
                    QgsProcessing.TypeVectorLine,
                    QgsProcessing.TypeVectorPolygon,
                    QgsProcessing.TypeVectorPoint,
                ],
            )
        )
        labels = {
            "WORK_ID_FIELD": self.tr("Work id field"),
            "STAKEHOLDER_FIELD": self.tr("Stakeholder field"),
            "START_FIELD": self.tr("Planned start field"),
            "END_FIELD": self.tr("Planned end field"),
            "STATUS_FIELD": self.tr("Status field"),
            "OPENS_FIELD": self.tr("Opens the ground field (yes/no)"),
            "RENEWS_FIELD": self.tr("Renews the surface field (yes/no)"),
            "SURFACE_FIELD": self.tr("Surface type field"),
        }
        for name, default in self.FIELD_PARAMETERS:
            # All optional in the dialog: QGIS 3.22 does not apply a field default when the
            # key is absent; `chosen_fields` applies it and insists on a start.
            self.addParameter(
                QgsProcessingParameterField(name, labels[name], default, self.INPUT, optional=True)
            )
        self.add_rule_parameters()
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.INCLUDE_CLOSED, self.tr("Include done and cancelled works"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                self.DISTANCE_CRS, self.tr("Distance CRS (metres)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Findings"), QgsProcessing.TypeVectorPolygon
            )
        )

    def rule_numbers(self) -> list[tuple[str, RuleSetting, str]]:
        """The rule's numbers: parameter name, the setting's definition, dialog label."""
        return []

    def add_rule_parameters(self) -> None:
        """The rule's numbers, each with default, bounds and help from its definition;
        subclasses add other parameters (challenge areas, zones…)."""
        for name, definition, label in self.rule_numbers():
            parameter = QgsProcessingParameterNumber(
                name,
                label,
                QgsProcessingParameterNumber.Double,
                definition.default,
                minValue=definition.minimum,
                maxValue=definition.maximum,
            )
            parameter.setHelp(parameter_help(definition))
            self.addParameter(parameter)

    def rule_help(self) -> str:
        """The help's lines for the rule's numbers, from their definitions."""
        return "\n".join(parameter_help(definition) for _, definition, _ in self.rule_numbers())

    # --- reading ----------------------------------------------------------------------
    def distance_crs(self, parameters, context, source, feedback) -> QgsCoordinateReferenceSystem:
        crs = self.parameterAsCrs(parameters, self.DISTANCE_CRS, context)
        if not crs.isValid():
            source_crs = source.sourceCrs()
            if not source_crs.isValid():
                raise QgsProcessingException(
                    self.tr("The layer has no coordinate reference system: set it first.")
                )
            crs = (
                source_crs
                if not source_crs.isGeographic()
                else QgsCoordinateReferenceSystem(DEFAULT_CRS)
            )
        if crs.isGeographic():
            raise QgsProcessingException(
                self.tr("{} is geographic: distances need a projected CRS in metres.").format(
                    crs.authid()
                )
            )
        if source.sourceCrs() != crs:
            feedback.pushInfo(
                self.tr("Works are transformed from {} to {} for the distances.").format(
                    source.sourceCrs().authid(), crs.authid()
                )
            )
        return crs

    def chosen_fields(self, parameters, context, source, roles: dict[str, str]) -> dict[str, str]:
        """Role -> field name: the chosen field, else the default name when the layer has it."""
        names = source.fields().names()
        defaults = dict(self.FIELD_PARAMETERS)
        wanted = {}
        for role, parameter in roles.items():
            if parameter not in defaults:
                wanted[role] = ""
                continue
            chosen = self.parameterAsString(parameters, parameter, context)
            if chosen == defaults[parameter] and chosen not in names:
                chosen = ""  # the default name, handed back by QGIS: the layer lacks it
            if chosen and chosen not in names:
                raise QgsProcessingException(
                    self.tr("The layer has no field {}; its fields are: {}").format(
                        chosen, ", ".join(names)
                    )
                )
            wanted[role] = chosen or (defaults[parameter] if defaults[parameter] in names else "")
        if not wanted["start"]:
            raise QgsProcessingException(
                self.tr("Choose the field with the planned start (a date or a year).")
            )
        return wanted

    def read_layer(self, parameters, context, feedback, name, crs, fields_wanted):
        """Attributes (named by role) and shapely geometries from one pass over a source."""
        import numpy as np
        import shapely

        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        names = source.fields().names()
        for field_name in fields_wanted.values():
            if field_name and field_name not in names:
                raise QgsProcessingException(
                    self.tr("The layer has no field {}; its fields are: {}").format(
                        field_name, ", ".join(names)
                    )
                )
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        total = max(source.featureCount(), 1)
        rows, wkb, skipped = [], [], 0
        for count, feature in enumerate(
            # the rules repair invalid geometries themselves and list them
            source.getFeatures(
                QgsFeatureRequest(), QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks
            )
        ):
            if feedback.isCanceled():
                return None
            if count % 1000 == 0:
                feedback.setProgress(60.0 * count / total)
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                skipped += 1
                continue
            geometry.transform(transform)
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                geometry = QgsGeometry(geometry.constGet().segmentize())
            row = {
                role: from_qvariant(feature[field]) if field else None
                for role, field in fields_wanted.items()
            }
            row["_fid"] = feature.id()
            rows.append(row)
            wkb.append(bytes(geometry.asWkb()))
        if skipped:
            feedback.reportError(
                self.tr("{} features without geometry were skipped.").format(skipped)
            )
        geometries = shapely.force_2d(shapely.from_wkb(np.array(wkb, dtype=object)))
        return rows, geometries

    def read_works(self, parameters, context, feedback):
        from ..core.works import build_works, valid_geometries

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        crs = self.distance_crs(parameters, context, source, feedback)
        roles = {
            "work_id": self.WORK_ID_FIELD,
            "stakeholder": self.STAKEHOLDER_FIELD,
            "start": self.START_FIELD,
            "end": self.END_FIELD,
            "status": self.STATUS_FIELD,
            "opens": self.OPENS_FIELD,
            "renews": self.RENEWS_FIELD,
            "surface": self.SURFACE_FIELD,
        }
        wanted = self.chosen_fields(parameters, context, source, roles)
        read = self.read_layer(parameters, context, feedback, self.INPUT, crs, wanted)
        if read is None:
            return None, crs
        rows, geometries = read
        records, unreadable = [], []
        for row, geometry in zip(rows, geometries):
            try:
                start = parse_moment(row["start"])
                end = parse_moment(row["end"]) if wanted["end"] else start
            except ValueError as error:
                unreadable.append("{} ({})".format(row["_fid"], error))
                start = end = None
            records.append(
                {
                    "work_id": str(row["work_id"])
                    if row["work_id"] is not None
                    else "f{}".format(row["_fid"]),
                    "stakeholder": str(row["stakeholder"])
                    if row["stakeholder"] is not None
                    else "f{}".format(row["_fid"]),
                    "title": "#{}".format(
                        row["work_id"] if row["work_id"] is not None else row["_fid"]
                    ),
                    "planned_start": first_day(*start) if start else None,
                    "planned_end": last_day(*end) if end else None,
                    "status": row["status"],
                    "opens_ground": _yes(row["opens"]) if wanted["opens"] else True,
                    "renews_surface": _yes(row["renews"]) if wanted["renews"] else False,
                    "surface_type": row["surface"],
                    "geometry": geometry,
                }
            )
        if unreadable:
            feedback.reportError(
                self.tr("Dates that could not be read (feature id and value), left out: {}").format(
                    ", ".join(unreadable[:20])
                )
            )
        works = build_works(records)
        works.geometry, repaired = valid_geometries(works.geometry)
        if repaired:
            feedback.pushWarning(
                self.tr("Invalid geometries repaired for works: {}").format(
                    ", ".join(sorted({str(works.work_id[i]) for i in repaired}))
                )
            )
        for label, ids in (
            (self.tr("Works without a planned start (left out): {}"), works.problems.no_start),
            (
                self.tr("Works that end before they start (left out): {}"),
                works.problems.end_before_start,
            ),
        ):
            if ids:
                feedback.pushWarning(label.format(", ".join(ids[:50])))
        return works, crs

    def settings(self, parameters, context) -> RuleSettings:
        """The rule's settings from the parameters, each number checked against its own
        definition (so a refusal names the parameter's setting)."""
        settings = RuleSettings()
        settings.include_closed = self.parameterAsBool(parameters, self.INCLUDE_CLOSED, context)
        for name, definition, _ in self.rule_numbers():
            value = self.parameterAsDouble(parameters, name, context)
            definition.check(value)
            settings.set(definition.key, value)
        settings.validate()
        return settings

    def checkParameterValues(self, parameters, context):
        """Settings first: QGIS's own check would refuse an out-of-range number without
        saying what is allowed, and lets NaN through."""
        try:
            self.settings(parameters, context)
        except RuleError as error:
            return False, rule_error_message(error)
        return super().checkParameterValues(parameters, context)

    # --- the template -----------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        problem = shapely_problem()
        if problem:
            raise QgsProcessingException(
                self.tr("This algorithm needs shapely 2.0 or newer (found: {}).").format(problem)
            )
        try:  # before any layer is read
            settings = self.settings(parameters, context)
        except RuleError as error:
            raise QgsProcessingException(rule_error_message(error)) from error
        works, crs = self.read_works(parameters, context, feedback)
        if works is None:
            return {}
        try:
            found = self.find(works, settings, parameters, context, feedback, crs)
        except RuleError as error:
            raise QgsProcessingException(rule_error_message(error)) from error
        if found is None or feedback.isCanceled():
            return {}
        feedback.setProgress(80)
        fields = QgsFields(qgs_fields(FINDINGS))
        extra_fields = self.extra_fields(found)
        for field in extra_fields:
            fields.append(field)
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        from ..store.analysis import polygonal

        found.geometry = polygonal(found.geometry)
        rows = found.rows()
        for row in rows:
            row["state"] = "open"
        features = make_features(FINDINGS, rows, fields)
        if extra_fields:
            for feature, row in zip(features, rows):
                for field in extra_fields:
                    feature[field.name()] = self.extra_value(row, field.name())
        if not sink.addFeatures(features, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(
                self.tr("Writing the findings failed: {}").format(sink.lastError())
            )
        feedback.pushInfo(self.tr("{} findings.").format(number_text(len(rows), language())))
        feedback.setProgress(100)
        return {self.OUTPUT: dest}

    def find(self, works, settings, parameters, context, feedback, crs):
        raise NotImplementedError

    def extra_fields(self, found) -> list:
        """Fields a rule adds to the findings fields (hotspots: one set per year)."""
        return []

    def extra_value(self, row: dict, name: str):
        return None


def _yes(value) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    return str(value).strip().lower() in TRUE_WORDS
