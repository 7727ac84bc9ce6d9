"""What the one-rule algorithms share: any layer of works in, findings out.

A GIS specialist can run a rule on a shapefile from another city: the work id, the
stakeholder, the period and the flags come from fields she picks, each optional where a
sensible default exists. Distances are metres in the distance CRS, one that distorts
them by at most 1 % where the works lie (the layer's own when it qualifies, else RD New in
the Netherlands, else the UTM zone); features are transformed once while they are read,
and everything that could not be read as given is told: totals first, then the first ids.
"""

from __future__ import annotations

from collections import Counter

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core.errors import RuleError
from ..core.findings import number_text
from ..core.interpretation import garbled_values, read_flag, value_reader
from ..core.periods import DateError, first_day, last_day, parse_moment
from ..core.schema import FINDINGS
from ..core.settings import RuleSetting, RuleSettings
from ..store.features import from_qvariant, make_features, qgs_fields
from ..translation import language, tr
from .algorithm import (
    ProgrammakamerAlgorithm,
    listing,
    parameter_help,
    require_shapely_2,
    rule_error_message,
)
from .measuring import checked_crs, crs_name, distance_crs

#: The findings' fields longer than a shapefile's ten characters, and their names there.
SHAPEFILE_NAMES = {
    "challenge_id": "challenge",
    "stakeholder_a": "stakehld_a",
    "stakeholder_b": "stakehld_b",
    "shared_length_m": "shared_m",
    "shared_area_m2": "shared_m2",
    "time_gap_years": "gap_years",
    "explanation_en": "explain_en",
    "explanation_nl": "explain_nl",
    "first_found": "first_fnd",
}


class WorkLayerRuleAlgorithm(ProgrammakamerAlgorithm):
    """Base for findcombinechances and its siblings; subclasses implement `find`."""

    GROUP = "rules"
    INPUT, OUTPUT, DISTANCE_CRS, OUTPUT_CRS = "INPUT", "OUTPUT", "DISTANCE_CRS", "OUTPUT_CRS"
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
        fields = self.tr(
            "Input: works as lines, polygons or points. Each of the following is a field "
            'or an expression (for example "boekjaar" + 1). Work id: features with the '
            "same value are one work with several footprints (default, and for an empty "
            "id: each feature is a work). Stakeholder: works of one stakeholder never "
            "combine (default, and for an empty value: every work its own stakeholder). "
            "Start and end: dates, years (2027), 'Q3 2027', '14-09-2027'; a "
            "year or quarter covers all of it; without an end field a work lasts its "
            "start's period, an empty end is open-ended and an end before the start is "
            "left out, both reported. Status: 'done' and 'cancelled' are "
            "left out unless included. Opens the ground / renews the surface: yes/no fields "
            "(ja/nee, 1/0, true/false)."
        )
        return "\n\n".join((fields, self.reading_help(), self.crs_help()))

    def reading_help(self) -> str:
        return self.tr(
            "Dates are read as written in the Netherlands: 05-06-2027 is 5 June 2027 "
            "(day-month-year, also with / or .); 2027/06/05 and 2027-06-05 are "
            "year-month-day. A two-digit year behind a two-digit day and month (03-04-05) "
            "can be read two ways: such dates are listed per work and the work is left out, "
            "as are dates that do not exist and years outside 1900–2199. Open-ended works, "
            "unknown yes/no words and text read with the wrong encoding (set the layer's "
            "encoding) are reported too."
        )

    def crs_help(self) -> str:
        return self.tr(
            "Distance CRS: a projected CRS in metres that distorts distances by at most 1 % "
            "where the works lie. Default: the layer's CRS when it qualifies, else "
            "EPSG:28992 (RD New) when the works lie in its area (the Netherlands), else the "
            "UTM zone of the works' centre; the log says which is used and why. EPSG:3857 "
            "(web Mercator) stretches distances by about 60 % in the Netherlands, so it is "
            "replaced (or refused when chosen). A layer whose CRS is undefined is refused. "
            "A distance of 0 m finds works that touch or overlap. Findings CRS: the "
            "findings are in the layer's own CRS unless another is chosen here."
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
        for name, default in self.FIELD_PARAMETERS:
            # All optional in the dialog: QGIS 3.22 does not apply a default when the key
            # is absent; `chosen_fields` applies it and insists on a start. A field name
            # is an expression too, so models that chose fields keep working.
            self.addParameter(
                QgsProcessingParameterExpression(
                    name, self.field_label(name), default, self.INPUT, optional=True
                )
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
            QgsProcessingParameterCrs(
                self.OUTPUT_CRS, self.tr("Findings CRS (default: the layer's)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Findings"), QgsProcessing.TypeVectorPolygon
            )
        )

    def field_label(self, name: str) -> str:
        return {
            "WORK_ID_FIELD": self.tr("Work id (field or expression)"),
            "STAKEHOLDER_FIELD": self.tr("Stakeholder (field or expression)"),
            "START_FIELD": self.tr("Planned start (field or expression)"),
            "END_FIELD": self.tr("Planned end (field or expression)"),
            "STATUS_FIELD": self.tr("Status (field or expression)"),
            "OPENS_FIELD": self.tr("Opens the ground, yes/no (field or expression)"),
            "RENEWS_FIELD": self.tr("Renews the surface, yes/no (field or expression)"),
            "SURFACE_FIELD": self.tr("Surface type (field or expression)"),
        }[name]

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
    def layer_crs(self, parameters, name, context, source) -> QgsCoordinateReferenceSystem:
        """The CRS of a layer's coordinates, checked. QGIS gives a layer of
        GeometryCollections no CRS (it is not 'spatial'); its data provider knows it."""
        crs = source.sourceCrs()
        if not crs.isValid():
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is not None and not layer.isSpatial() and layer.dataProvider() is not None:
                crs = layer.dataProvider().crs()
        return checked_crs(crs, source.sourceExtent(), self.parameterDefinition(name).description())

    def distance_crs(
        self, parameters, context, source, source_crs, feedback
    ) -> QgsCoordinateReferenceSystem:
        """The CRS distances are measured in (see `measuring.distance_crs`), said in the log:
        a warning with the reason when the layer's own CRS was passed over."""
        chosen = self.parameterAsCrs(parameters, self.DISTANCE_CRS, context)
        crs, reasons = distance_crs(
            source_crs, source.sourceExtent(), chosen, context.transformContext()
        )
        if source_crs != crs:
            note = self.tr("Works are transformed from {} to {} for the distances.").format(
                crs_name(source_crs), crs_name(crs)
            )
            if reasons:
                feedback.pushWarning(" ".join([*reasons, note]))
            else:
                feedback.pushInfo(note)
        return crs

    def chosen_fields(self, parameters, context, source, roles: dict[str, str]) -> dict[str, str]:
        """Role -> field name or expression: the chosen one, else the default field when
        the layer has it. An expression is checked here, before a feature is read."""
        names = source.fields().names()
        defaults = dict(self.FIELD_PARAMETERS)
        wanted = {}
        for role, parameter in roles.items():
            if parameter not in defaults:
                wanted[role] = ""
                continue
            chosen = self.parameterAsString(parameters, parameter, context).strip()
            if chosen == defaults[parameter] and chosen not in names:
                chosen = ""  # the default name, handed back by QGIS: the layer lacks it
            if chosen and chosen not in names:
                self.check_expression(chosen, names, self.field_label(parameter))
            wanted[role] = chosen or (defaults[parameter] if defaults[parameter] in names else "")
        if not wanted["start"]:
            raise QgsProcessingException(
                self.tr("Choose the field with the planned start (a date or a year).")
            )
        return wanted

    def optional_field(self, parameters, name, context, source) -> str:
        """An optional field of another layer (a challenge's title): the default name
        counts only when that layer has it."""
        chosen = self.parameterAsString(parameters, name, context)
        if chosen and chosen == self.parameterDefinition(name).defaultValue():
            return chosen if chosen in source.fields().names() else ""
        return chosen

    def check_expression(self, text: str, names: list[str], label: str) -> None:
        """Refuse an expression that does not parse or names a field the layer lacks."""
        expression = QgsExpression(text)
        if expression.hasParserError():
            raise QgsProcessingException(
                self.tr("The expression for {} cannot be read ({}): {}").format(
                    label, text, expression.parserErrorString()
                )
            )
        used = set(expression.referencedColumns()) - {QgsFeatureRequest.ALL_ATTRIBUTES}
        missing = sorted(used - set(names))
        if missing:
            raise QgsProcessingException(
                self.tr("The layer has no field {}; its fields are: {}").format(
                    ", ".join(missing), ", ".join(names)
                )
            )

    def read_layer(self, parameters, context, feedback, name, crs, fields_wanted):
        """Attributes (named by role) and shapely geometries from one pass over a source:
        transformed to `crs`, curves made straight, Z and M dropped, and geometry
        collections taken apart into their areas, lines and points (a footprint each)."""
        import numpy as np
        import shapely

        from ..core.works import COLLECTION, split_collections

        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        names = source.fields().names()
        label = self.parameterDefinition(name).description()
        expressions = {}
        for role, text in fields_wanted.items():
            if text and text not in names:
                self.check_expression(text, names, text)
                expressions[role] = QgsExpression(text)
        expression_context = self.createExpressionContext(parameters, context, source)
        for expression in expressions.values():
            expression.prepare(expression_context)
        failed: dict[str, Counter] = {}
        source_crs = self.layer_crs(parameters, name, context, source)
        transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
        total = max(source.featureCount(), 1)
        rows, wkb, skipped, outside = [], [], 0, []
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
            try:
                geometry.transform(transform)
            except QgsCsException:
                outside.append(feature.id())
                continue
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                geometry = QgsGeometry(geometry.constGet().segmentize())
            row = {
                role: from_qvariant(feature[field]) if field else None
                for role, field in fields_wanted.items()
                if role not in expressions
            }
            if expressions:
                expression_context.setFeature(feature)
                for role, expression in expressions.items():
                    row[role] = from_qvariant(expression.evaluate(expression_context))
                    if expression.hasEvalError():
                        failed.setdefault(role, Counter())[expression.evalErrorString()] += 1
            row["_fid"] = feature.id()
            rows.append(row)
            wkb.append(bytes(geometry.asWkb()))
        if skipped:
            feedback.pushWarning(
                self.tr("Features of layer {} without geometry, skipped: {}").format(label, skipped)
            )
        for role, errors in failed.items():
            feedback.pushWarning(
                self.tr("The expression {} failed on features, taken as empty ({}): {}").format(
                    fields_wanted[role],
                    sum(errors.values()),
                    listing("'{}' ({})".format(e, n) for e, n in errors.most_common()),
                )
            )
        geometries = shapely.force_2d(shapely.from_wkb(np.array(wkb, dtype=object)))
        # a point that fails stops the transformation; a line's vertex just becomes inf
        finite = np.isfinite(shapely.bounds(geometries)).all(axis=1)
        if not finite.all():
            outside += [rows[i]["_fid"] for i in np.flatnonzero(~finite)]
            geometries, rows = geometries[finite], [r for r, f in zip(rows, finite) if f]
        if outside:
            feedback.pushWarning(
                self.tr(
                    "Features of layer {} that cannot be transformed to {}, skipped ({}): {}"
                ).format(label, crs_name(crs), len(outside), listing(sorted(outside)))
            )
        self.tell_garbled_text(feedback, label, rows, fields_wanted)
        collections = np.flatnonzero(shapely.get_type_id(geometries) == COLLECTION)
        if len(collections):
            feedback.pushInfo(
                self.tr(
                    "Geometry collections in layer {} taken apart into their areas, lines "
                    "and points ({}): features {}"
                ).format(label, len(collections), listing(rows[i]["_fid"] for i in collections))
            )
            geometries, origin = split_collections(geometries)
            rows = [rows[i] for i in origin]
        return rows, geometries

    def tell_garbled_text(self, feedback, label, rows, fields_wanted) -> None:
        """Warn per field about text decoded with the wrong encoding (a cp1252 CSV read
        as UTF-8): the names would reach the findings garbled."""
        for field, role in {f: r for r, f in fields_wanted.items() if f}.items():
            count, example = garbled_values(row[role] for row in rows)
            if count:
                feedback.pushWarning(
                    self.tr(
                        "Field {} of layer {} holds text read with the wrong encoding ({}), "
                        "for example '{}': set the layer's encoding (Layer Properties › "
                        "Source; Dutch Excel saves windows-1252) and run again."
                    ).format(field, label, count, example)
                )

    def read_works(self, parameters, context, feedback):
        """(works, distance CRS, the layer's CRS); works None when cancelled."""
        from ..core.works import build_works, dimension_changes, valid_geometries

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        source_crs = self.layer_crs(parameters, self.INPUT, context, source)
        crs = self.distance_crs(parameters, context, source, source_crs, feedback)
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
            return None, crs, source_crs
        rows, geometries = read
        records, unreadable, unknown_flags, unknown_statuses = [], {}, {}, Counter()
        read_status = value_reader("status")
        missing: dict[str, set] = {"work_id": set(), "stakeholder": set()}
        for row, geometry in zip(rows, geometries):
            own = "f{}".format(row["_fid"])
            work_id, stakeholder = (given_text(row[role]) for role in ("work_id", "stakeholder"))
            for role, value in (("work_id", work_id), ("stakeholder", stakeholder)):
                if value is None and wanted[role]:
                    missing[role].add(row["_fid"])
            start, end = _period(row, wanted, work_id or own, unreadable)
            records.append(
                {
                    "work_id": work_id or own,
                    "stakeholder": stakeholder or own,
                    "title": "#{}".format(work_id or row["_fid"]),
                    "planned_start": first_day(*start) if start else None,
                    "planned_end": last_day(*end) if end else None,
                    "status": _status(row["status"], read_status, unknown_statuses),
                    "opens_ground": _flag(row, "opens", wanted, True, unknown_flags),
                    "renews_surface": _flag(row, "renews", wanted, False, unknown_flags),
                    "surface_type": row["surface"],
                    "geometry": geometry,
                }
            )
        self.tell_missing(feedback, wanted, missing)
        works = build_works(records)
        as_read = works.geometry
        works.geometry, repaired = valid_geometries(as_read)
        self.tell_dates(feedback, works, unreadable)
        self.tell_flags(feedback, unknown_flags)
        if unknown_statuses:
            feedback.pushWarning(
                self.tr(
                    "Field {} holds statuses that are not the programme's, those works taken "
                    "as planned ({}): {}"
                ).format(
                    wanted["status"],
                    sum(unknown_statuses.values()),
                    listing("'{}' ({})".format(v, n) for v, n in unknown_statuses.most_common()),
                )
            )
        self.tell_geometry(feedback, works, repaired, dimension_changes(as_read, works.geometry))
        self.refuse_undated(works, unreadable)
        return works, crs, source_crs

    def tell_missing(self, feedback, wanted, missing) -> None:
        """Features whose work id or stakeholder is empty: each its own, never one
        shared work or stakeholder made of all the blanks."""
        texts = {
            "work_id": self.tr(
                "Features without a work id in {} ({}), each taken as a work of its own: {}"
            ),
            "stakeholder": self.tr(
                "Features without a stakeholder in {} ({}), each taken as its own "
                "stakeholder: {}"
            ),
        }
        for role, fids in missing.items():
            if fids:
                feedback.pushWarning(
                    texts[role].format(wanted[role], len(fids), listing(sorted(fids)))
                )

    def refuse_undated(self, works, unreadable) -> None:
        """A layer of which no work has a start cannot give a finding: fail, saying why,
        rather than 'succeed' with none."""
        import numpy as np

        if len(works) == 0 or not np.isnat(works.start).all():
            return
        count = len(set(works.work_id.tolist()))
        items = self.date_problems(unreadable)
        if items:
            raise QgsProcessingException(
                self.tr(
                    "None of the {} works has a planned start or end that can be read, so "
                    "no rule can compare them ({} dates cannot be read, listed above; the "
                    "first: {})."
                ).format(count, len(items), items[0])
            )
        raise QgsProcessingException(
            self.tr(
                "None of the {} works has a planned start: choose the field or expression "
                "that holds it."
            ).format(count)
        )

    def tell_dates(self, feedback, works, unreadable) -> None:
        """Each problem with the periods once: unreadable dates with their own reason, then
        the works without a start (other than those), open-ended and reversed ones."""
        if unreadable:
            items = self.date_problems(unreadable)
            feedback.pushWarning(
                self.tr("Dates that cannot be read, their works left out ({}): {}").format(
                    len(items), listing(items, "; ")
                )
            )
        told = {problem[0] for problem in unreadable.values()}
        problems = works.problems
        for text, ids in (
            (
                self.tr("Works without a planned start, left out ({}): {}"),
                [i for i in problems.no_start if i not in told],
            ),
            (
                self.tr("Works without a planned end, taken as open-ended ({}): {}"),
                problems.open_ended,
            ),
            (
                self.tr("Works that end before they start, left out ({}): {}"),
                problems.end_before_start,
            ),
        ):
            if ids:
                feedback.pushWarning(text.format(len(ids), listing(ids)))

    def date_problems(self, unreadable) -> list[str]:
        """'12 start '13-13-2027': no such date' per unreadable date."""
        return [
            (
                self.tr("{} start '{}': {}") if role == "start" else self.tr("{} end '{}': {}")
            ).format(work_id, value, date_problem_text(code))
            for work_id, role, code, value in unreadable.values()
        ]

    def tell_flags(self, feedback, unknown_flags) -> None:
        for field, values in unknown_flags.items():
            feedback.pushWarning(
                self.tr("Field {} holds values not read as yes or no, taken as no ({}): {}").format(
                    field,
                    sum(values.values()),
                    listing("'{}' ({})".format(v, n) for v, n in values.most_common()),
                )
            )

    def tell_geometry(self, feedback, works, repaired, changes) -> None:
        if repaired:
            ids = sorted({str(works.work_id[i]) for i in repaired})
            feedback.pushWarning(
                self.tr("Invalid geometries repaired ({}): {}").format(len(ids), listing(ids))
            )
        if changes:
            kinds = {2: self.tr("polygon"), 1: self.tr("line"), 0: self.tr("point")}
            items = [
                "{} ({} → {})".format(works.work_id[i], kinds[before], kinds[after])
                for i, before, after in changes
            ]
            feedback.pushWarning(
                self.tr(
                    "Geometries that changed type when repaired, measured as what they "
                    "became ({}): {}"
                ).format(len(items), listing(items))
            )

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

    def check_other_parameters(self, parameters, context) -> None:
        """Parameters other than the rule's numbers, checked before any feature is read;
        raises QgsProcessingException."""

    def checkParameterValues(self, parameters, context):
        """Settings first: QGIS's own check would refuse an out-of-range number without
        saying what is allowed, and lets NaN through."""
        try:
            self.settings(parameters, context)
            self.check_other_parameters(parameters, context)
        except RuleError as error:
            return False, rule_error_message(error)
        except QgsProcessingException as error:
            return False, str(error)
        return super().checkParameterValues(parameters, context)

    # --- the template -----------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        require_shapely_2()
        try:  # before any layer is read
            settings = self.settings(parameters, context)
        except RuleError as error:
            raise QgsProcessingException(rule_error_message(error)) from error
        self.check_other_parameters(parameters, context)
        works, crs, source_crs = self.read_works(parameters, context, feedback)
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
        output_crs = self.parameterAsCrs(parameters, self.OUTPUT_CRS, context)
        if not output_crs.isValid():
            output_crs = source_crs
        sink, dest = self.parameterAsSink(
            parameters,
            self.OUTPUT,
            context,
            self.output_fields(parameters, context, fields),
            QgsWkbTypes.MultiPolygon,
            output_crs,
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
        if output_crs != crs:
            to_output = QgsCoordinateTransform(crs, output_crs, context.transformContext())
            for feature in features:
                geometry = feature.geometry()
                geometry.transform(to_output)
                feature.setGeometry(geometry)
        if not sink.addFeatures(features, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(
                self.tr("Writing the findings failed: {}").format(sink.lastError())
            )
        feedback.pushInfo(self.tr("{} findings.").format(number_text(len(rows), language())))
        feedback.setProgress(100)
        return {self.OUTPUT: dest}

    def output_fields(self, parameters, context, fields: QgsFields) -> QgsFields:
        """The findings' fields as the output can hold them: a shapefile keeps ten
        characters of a name, so there they get short names that stay apart and readable
        (QGIS would cut 'stakeholder_a' and 'stakeholder_b' to 'stakeholde' and
        'stakehol_1')."""
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context) or ""
        if not destination.lower().split("|")[0].endswith((".shp", ".dbf")):
            return fields
        short = QgsFields()
        for field in fields:
            field = QgsField(field)
            field.setName(SHAPEFILE_NAMES.get(field.name(), field.name()))
            short.append(field)
        return short

    def find(self, works, settings, parameters, context, feedback, crs):
        raise NotImplementedError

    def extra_fields(self, found) -> list:
        """Fields a rule adds to the findings fields (hotspots: one set per year)."""
        return []

    def extra_value(self, row: dict, name: str):
        return None


def date_problem_text(code: str) -> str:
    """Why a date was not read, in the user's language (never Python's own words)."""
    return {
        "unreadable": tr("not a date, year or quarter"),
        "no_such_date": tr("no such date"),
        "year_out_of_range": tr("year outside 1900–2199"),
        "a_number": tr(
            "a number, not a year (an Excel date? give the column a date type or write "
            "dd-mm-jjjj)"
        ),
        "ambiguous": tr(
            "ambiguous: day-month-year or year-month-day? write the year in four digits"
        ),
    }[code]


def _period(row: dict, wanted: dict, work_id: str, unreadable: dict):
    """(start, end) as (day, precision); (None, None) when a date cannot be read, the
    problem noted once per feature and date (a split collection shares its row)."""
    moments, readable = {}, True
    for role in ("start", "end") if wanted["end"] else ("start",):
        try:
            moments[role] = parse_moment(row[role])
        except DateError as problem:
            # plain values, never the exception: its traceback would keep the frames (the
            # QGIS feature source in them) alive until a garbage collection after QGIS exits
            unreadable[(row["_fid"], role)] = (work_id, role, problem.code, problem.value)
            readable = False
    if not readable:
        return None, None
    return moments["start"], moments.get("end", moments["start"])


def given_text(value) -> str | None:
    """An id or name as text; empty or blank is no value (not one shared id)."""
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _status(value, read, unknown: Counter):
    """The programme's status code for a value in the source's own words (a register's
    "Work cancelled", a French "terminé"); a word no table knows is counted and told, and
    the work taken as planned, never silently as one that runs."""
    if value is None or str(value).strip() == "":
        return None
    code = read(value)
    if code is None:
        unknown[str(value)] += 1
    return code


def _flag(row: dict, role: str, wanted: dict, default: bool, unknown: dict) -> bool:
    """A yes/no field's value; an unknown word counts as no and is counted per field."""
    if not wanted[role]:
        return default
    value = read_flag(row[role])
    if value is None:
        unknown.setdefault(wanted[role], Counter())[str(row[role])] += 1
        return False
    return value
