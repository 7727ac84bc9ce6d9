"""programmakamer:importdelivery: a stakeholder's delivery checked, reported and (when
confirmed) written into the programme in one transaction."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.delivery import DeliveryMapping, MappingError
from ..log import logger
from ..store import delivery as store
from ..store.errors import CancelledError, ProgrammeError
from ..store.location import short_name
from ..store.programme import read_stakeholders
from ..translation import language
from .algorithm import ProgrammakamerAlgorithm, listing, require_shapely_2
from .postgis_parameters import add_programme_parameters, programme_help, programme_location


class ImportDelivery(ProgrammakamerAlgorithm):
    NAME = "importdelivery"
    PROGRAMME, INPUT, LAYER, SHEET = "PROGRAMME", "INPUT", "LAYER", "SHEET"
    STAKEHOLDER, MAPPING, SAVE_PROFILE = "STAKEHOLDER", "MAPPING", "SAVE_PROFILE"
    ENCODING, SEPARATOR, DATE_FORMAT = "ENCODING", "SEPARATOR", "DATE_FORMAT"
    COMPLETE, DRY_RUN, REPORT = "COMPLETE", "DRY_RUN", "REPORT"
    ROWS_READ, VALID, WITH_PROBLEMS = "ROWS_READ", "VALID", "WITH_PROBLEMS"
    ADDED, CHANGED, WITHDRAWN, WRITTEN = "ADDED", "CHANGED", "WITHDRAWN", "WRITTEN"

    def displayName(self) -> str:
        return self.tr("Import delivery")

    def shortHelpString(self) -> str:
        return (
            self.tr(
                "Imports a stakeholder's delivery of works: a GeoPackage, shapefile, GeoJSON or "
                "any other vector file, a CSV (as a Dutch Excel writes it: semicolons, decimal "
                "commas, cp1252 or UTF-8) or an Excel workbook (.xlsx). Every value is read as "
                "text and then interpreted; every row with a problem is reported and left out. "
                "Works are matched with the stakeholder's works by their external reference: "
                "new ones are added, known ones changed, and (for a complete delivery) the "
                "stakeholder's works the delivery no longer holds are marked withdrawn, never "
                "deleted. The chamber's horizon overrides and decisions are never overwritten; a "
                "decision on a work whose period or place the delivery changes gets a note. All "
                "valid rows are written in one transaction, or none.\n\n"
                "Input: the delivery file. Layer / sheet: which layer or sheet (default the "
                "first).\n"
                "Stakeholder: its name or id in the programme; empty when the mapping names "
                "the stakeholder of each row (a field mapped to stakeholder_id).\n"
                "Field mapping (JSON): which source field gives each work field, constants, value "
                "maps, date format and the geometry source, for example "
                '{"fields": {"external_ref": "kenmerk", "title": "omschrijving", '
                '"planned_start": "startjaar", "status": {"constant": "planned"}}, '
                '"value_maps": {"status": {"in uitvoering": "in_execution"}, '
                '"flag": {"oui": "true"}}, "geometry": {"kind": "xy", "x": "x", "y": "y", '
                '"crs": "EPSG:28992"}}. Empty: the mapping saved with the stakeholder\'s last '
                "import.\n"
                "Save the mapping: keep it for the stakeholder's next delivery.\n"
                "Encoding, separator: override what is detected for a CSV.\n"
                "Date format: how dates are written (empty: recognised from the values; "
                "ambiguous dates are reported, never guessed).\n"
                "Complete delivery: the stakeholder's whole list (works it no longer holds are "
                "withdrawn); off for a delivery of news only.\n"
                "Dry run: check and report only; nothing is written.\n"
                "Report: a workbook with the totals, every problem by row, and what is added, "
                "changed and withdrawn."
            )
            + "\n\n"
            + programme_help()
        )

    def initAlgorithm(self, config=None):
        add_programme_parameters(self)
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT, self.tr("Delivery"), QgsProcessingParameterFile.File
            )
        )
        self.addParameter(QgsProcessingParameterString(self.LAYER, self.tr("Layer"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.SHEET, self.tr("Sheet"), optional=True))
        self.addParameter(
            QgsProcessingParameterString(
                self.STAKEHOLDER, self.tr("Stakeholder (name or id)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MAPPING, self.tr("Field mapping (JSON)"), multiLine=True, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SAVE_PROFILE, self.tr("Save the mapping for the next delivery"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.ENCODING, self.tr("Encoding"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(self.SEPARATOR, self.tr("Separator"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(self.DATE_FORMAT, self.tr("Date format"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.COMPLETE, self.tr("Complete delivery (withdraw works it lacks)"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DRY_RUN, self.tr("Dry run (check and report only)"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT, self.tr("Validation report"), self.tr("Excel workbook (*.xlsx)")
            )
        )
        for name, text in (
            (self.ROWS_READ, self.tr("Rows read")),
            (self.VALID, self.tr("Valid rows")),
            (self.WITH_PROBLEMS, self.tr("Rows with problems")),
            (self.ADDED, self.tr("Works added")),
            (self.CHANGED, self.tr("Works changed")),
            (self.WITHDRAWN, self.tr("Works withdrawn")),
            (self.WRITTEN, self.tr("Written (1) or not (0)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def processAlgorithm(self, parameters, context, feedback):
        require_shapely_2()
        path = programme_location(self, parameters, context)
        source = self.parameterAsFile(parameters, self.INPUT, context)
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        try:
            stakeholder = self._stakeholder(path, parameters, context)
            mapping = self._mapping(path, stakeholder, parameters, context)
            options = store.SourceOptions(
                encoding=self.parameterAsString(parameters, self.ENCODING, context) or None,
                separator=self.parameterAsString(parameters, self.SEPARATOR, context) or None,
                sheet=self.parameterAsString(parameters, self.SHEET, context) or None,
                layer=self.parameterAsString(parameters, self.LAYER, context) or None,
            )
            table = store.read_source(source, options)
            self._tell_source(table, feedback)
            feedback.setProgress(20)
            report = store.check_source(path, table, mapping)
            feedback.setProgress(50)
            complete = self.parameterAsBool(parameters, self.COMPLETE, context)
            plan = store.plan_delivery(path, report, complete=complete)
            target = self.parameterAsFileOutput(parameters, self.REPORT, context)
            store.save_report(report, target, plan, language())
            self._tell_report(report, plan, feedback)
            written = False
            if feedback.isCanceled():
                return self._outputs(report, plan, target, written)
            if dry_run:
                feedback.pushInfo(self.tr("Dry run: nothing was written."))
            elif not report.works and not plan.withdrawn:
                feedback.pushWarning(self.tr("No valid rows: nothing was written."))
            else:
                save = self.parameterAsBool(parameters, self.SAVE_PROFILE, context)
                store.write_delivery(
                    path,
                    report,
                    plan,
                    mapping if save else None,
                    progress=lambda done: self._progress(feedback, 50 + 50 * done),
                )
                written = True
                feedback.pushInfo(self.tr("Written to {}.").format(short_name(path)))
        except CancelledError:
            raise QgsProcessingException(self.tr("Cancelled: nothing was written.")) from None
        except ProgrammeError as error:
            logger("import").warning("Import of %s refused: %s", source, error)
            raise QgsProcessingException(str(error)) from None
        return self._outputs(report, plan, target, written)

    def _progress(self, feedback, value: float) -> bool:
        feedback.setProgress(value)
        return not feedback.isCanceled()

    def _outputs(self, report, plan, target, written: bool) -> dict:
        return {
            self.REPORT: target,
            self.ROWS_READ: report.rows_read,
            self.VALID: report.valid,
            self.WITH_PROBLEMS: report.rows_with_problems,
            self.ADDED: len(plan.added),
            self.CHANGED: len(plan.changed),
            self.WITHDRAWN: len(plan.withdrawn),
            self.WRITTEN: int(written),
        }

    def _stakeholder(self, path, parameters, context) -> int | None:
        given = self.parameterAsString(parameters, self.STAKEHOLDER, context).strip()
        if not given:
            return None
        stakeholders = read_stakeholders(path)
        for stakeholder in stakeholders:
            if given in (str(stakeholder["stakeholder_id"]), stakeholder["name"]) or (
                given.lower() == stakeholder["name"].strip().lower()
            ):
                return stakeholder["stakeholder_id"]
        raise ProgrammeError(
            self.tr("The programme has no stakeholder {} (stakeholders: {}).").format(
                given, listing(s["name"] for s in stakeholders)
            )
        )

    def _mapping(self, path, stakeholder: int, parameters, context) -> DeliveryMapping:
        text = self.parameterAsString(parameters, self.MAPPING, context).strip()
        if text:
            try:
                mapping = DeliveryMapping.from_json(text)
            except MappingError as error:
                raise ProgrammeError(store.mapping_message(error)) from None
        else:
            mapping = store.load_profile(path, stakeholder) if stakeholder is not None else None
            if mapping is None:
                raise ProgrammeError(
                    self.tr(
                        "No field mapping given, and none saved for this stakeholder: give "
                        "one (see the help)."
                    )
                )
        if stakeholder is not None:
            mapping.stakeholder_id = stakeholder
        elif mapping.stakeholder_id is None and "stakeholder_id" not in mapping.fields:
            raise ProgrammeError(
                self.tr("Give the stakeholder, or map a field to stakeholder_id in the mapping.")
            )
        date_format = self.parameterAsString(parameters, self.DATE_FORMAT, context).strip()
        if date_format:
            mapping.date_format = date_format
        return mapping

    def _tell_source(self, table, feedback) -> None:
        details = [self.tr("{} rows").format(len(table.rows))]
        if table.encoding:
            details.append(self.tr("encoding {}").format(table.encoding))
        if table.separator:
            shown = "tab" if table.separator == "\t" else table.separator
            details.append(self.tr("separator {}").format(shown))
        if table.sheet:
            details.append(self.tr("sheet {}").format(table.sheet))
        if table.layer:
            details.append(self.tr("layer {}").format(table.layer))
        feedback.pushInfo(self.tr("Read {}: {}.").format(Path(table.path).name, ", ".join(details)))

    def _tell_report(self, report, plan, feedback) -> None:
        feedback.pushInfo(
            self.tr("{} rows read, {} valid, {} with problems (left out).").format(
                report.rows_read, report.valid, report.rows_with_problems
            )
        )
        for code, count in report.totals():
            sample = [p.row_number for p in report.problems_of(code)]
            feedback.pushInfo(
                self.tr("{}: {} rows (rows {}).").format(
                    store.problem_title(code), count, listing(sample)
                )
            )
        for kind, words in report.unknown_values.items():
            feedback.pushWarning(
                self.tr("Unknown values of {}: {}.").format(
                    kind, listing("{} ({})".format(w, n) for w, n in words)
                )
            )
        if not report.area_known:
            feedback.pushWarning(
                self.tr(
                    "The programme has no neighbourhoods: whether works lie inside the "
                    "municipality was not checked."
                )
            )
        if plan.withdrawn:
            feedback.pushWarning(
                self.tr(
                    "{} works of the stakeholder are not in this delivery and are marked "
                    "withdrawn: {}. Is it a delivery of news only? Then untick Complete delivery."
                ).format(len(plan.withdrawn), listing(w.external_ref for w in plan.withdrawn))
            )
        feedback.pushInfo(
            self.tr("{} works to add, {} to change, {} to withdraw, {} unchanged.").format(
                len(plan.added), len(plan.changed), len(plan.withdrawn), plan.unchanged
            )
        )
