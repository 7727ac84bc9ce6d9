"""programmakamer:assignhorizons: fill the computed horizon of every work."""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingOutputNumber

from ..store.errors import ProgrammeError
from ..store.programme import assign_horizons
from .algorithm import ProgrammakamerAlgorithm
from .postgis_parameters import add_programme_parameters, programme_help, programme_location


class AssignHorizons(ProgrammakamerAlgorithm):
    NAME = "assignhorizons"
    PROGRAMME = "PROGRAMME"
    MOVED, TOTAL, UNDATED = "MOVED", "TOTAL", "UNDATED"

    def displayName(self) -> str:
        return self.tr("Assign horizons")

    def shortHelpString(self) -> str:
        return (
            self.tr(
                "Computes the horizon of every work from its planned start and the programme's "
                "reference year (year 1): short = years 1-2, medium = years 3-4, long = year 5 "
                "and later. Works in execution, or planned to start before the reference year, "
                "count as short. Done and cancelled works, and works without a planned start, get "
                "no horizon. Horizons set by the chamber (override) are left as they are.\n\n"
                "Outputs: how many works there are, how many changed horizon, and how many open "
                "works have no planned start."
            )
            + "\n\n"
            + programme_help()
        )

    def initAlgorithm(self, config=None):
        add_programme_parameters(self)
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL, self.tr("Works")))
        self.addOutput(QgsProcessingOutputNumber(self.MOVED, self.tr("Works that changed horizon")))
        self.addOutput(
            QgsProcessingOutputNumber(self.UNDATED, self.tr("Open works without a start"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        path = programme_location(self, parameters, context)
        try:
            report = assign_horizons(path)
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(
            self.tr("{} works, {} changed horizon.").format(report.total, report.moved)
        )
        if report.undated:
            feedback.reportError(
                self.tr("{} open works have no planned start and therefore no horizon.").format(
                    report.undated
                )
            )
        return {self.TOTAL: report.total, self.MOVED: report.moved, self.UNDATED: report.undated}
