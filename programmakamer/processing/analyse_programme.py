"""programmakamer:analyseprogramme: every rule on an open programme, into its findings."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
)

from ..core.errors import RuleError
from ..core.settings import DEFINITIONS, MORATORIUM_DEFINITIONS
from ..store.errors import ProgrammeError
from .algorithm import (
    ProgrammakamerAlgorithm,
    listing,
    parameter_help,
    require_shapely_2,
    rule_error_message,
)
from .postgis_parameters import add_programme_parameters, programme_help, programme_location

KINDS = ("combine", "clash", "sequence", "moratorium", "ambition", "hotspot")


class AnalyseProgramme(ProgrammakamerAlgorithm):
    NAME = "analyseprogramme"
    GROUP = "analysis"
    PROGRAMME, INCLUDE_CLOSED = "PROGRAMME", "INCLUDE_CLOSED"
    SUMMARY = "SUMMARY"

    def displayName(self) -> str:
        return self.tr("Analyse programme")

    def group(self) -> str:
        return self.tr("Analysis")

    def shortHelpString(self) -> str:
        return "\n\n".join(
            (
                self.tr(
                    "Runs every rule on a programme and merges the results into its findings "
                    "table in one transaction. A finding keeps its id when it is found again, so "
                    "the chamber's decisions stay attached; findings that no longer occur are "
                    "marked obsolete, never deleted. The rule parameters are the programme's rule "
                    "settings.\n\n"
                    "Dig-once chance: works of different stakeholders that both dig (or one digs "
                    "and one renews the surface), within the combine distance, at most the "
                    "combine window apart. Saving = shared length × cost per metre.\n"
                    "Conflict: works within the conflict distance whose periods overlap, unless "
                    "the chamber accepted them as a dig-once chance.\n"
                    "Pave before dig: a planned surface renewal before an excavation nearby, "
                    "within the moratorium years of the surface type.\n"
                    "Moratorium breach: an excavation within the moratorium after a renewal that "
                    "is done or under way.\n"
                    "Ambition: a work that digs or renews the surface inside a challenge area.\n"
                    "Hotspot: grid cells where in some year at least the minimum number of works "
                    "run; hindrance = works + 2 × excavations.\n\n"
                    "Include done and cancelled works: also pair works that are done (renewals "
                    "that are done always count for the moratorium).\n"
                    "A programme that is read-only or damaged is refused before the analysis "
                    "starts. Cancel stops at any moment without writing anything: a write under "
                    "way is rolled back whole. A second analysis of the same programme waits "
                    "until the first has written its findings.\n"
                    "Outputs: the number of findings per kind."
                ),
                "\n".join(parameter_help(d) for d in DEFINITIONS + MORATORIUM_DEFINITIONS),
                programme_help(),
            )
        )

    def initAlgorithm(self, config=None):
        add_programme_parameters(self)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.INCLUDE_CLOSED, self.tr("Include done and cancelled works"), False
            )
        )
        for kind in KINDS:
            self.addOutput(QgsProcessingOutputNumber(kind.upper(), kind))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, self.tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):
        require_shapely_2()
        from ..store.analysis import analyse_programme, report_text

        path = programme_location(self, parameters, context)
        include_closed = self.parameterAsBool(parameters, self.INCLUDE_CLOSED, context)
        feedback.setProgress(5)

        def progress(percent: float) -> bool:
            feedback.setProgress(percent)
            return not feedback.isCanceled()

        try:
            report = analyse_programme(path, include_closed, progress, feedback.pushInfo)
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        except RuleError as error:
            raise QgsProcessingException(rule_error_message(error)) from error
        if report is None:
            feedback.pushWarning(
                self.tr("Cancelled: nothing was written, the findings are as they were.")
            )
            return {}
        feedback.setProgress(100)
        if report.read.no_geometry:
            feedback.pushWarning(
                self.tr("{} features without geometry were skipped.").format(
                    report.read.no_geometry
                )
            )
        if report.written.doubled:
            feedback.pushWarning(
                self.tr(
                    "{} copies of findings (left by two analyses at once) were removed; "
                    "every finding id is now stored once."
                ).format(report.written.doubled)
            )
        if report.read.repaired:
            feedback.pushWarning(
                self.tr("Invalid geometries repaired ({}): {}").format(
                    len(report.read.repaired), listing(report.read.repaired)
                )
            )
        problems = report.problems
        for label, ids in (
            (self.tr("Works without a planned start (left out, {}): {}"), problems.no_start),
            (
                self.tr("Works without a planned end (taken as open-ended, {}): {}"),
                problems.open_ended,
            ),
            (
                self.tr("Works that end before they start (left out, {}): {}"),
                problems.end_before_start,
            ),
        ):
            if ids:
                feedback.pushWarning(label.format(len(ids), listing(ids)))
        summary = ", ".join("{} {}".format(report.counts.get(k, 0), k) for k in KINDS)
        feedback.pushInfo(report_text(report))
        results = {kind.upper(): report.counts.get(kind, 0) for kind in KINDS}
        results[self.SUMMARY] = summary
        return results
