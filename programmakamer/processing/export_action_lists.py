"""programmakamer:exportactionlists: each stakeholder's action list after a session."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFolderDestination,
)

from ..store.errors import ProgrammeError
from .algorithm import ProgrammakamerAlgorithm
from .postgis_parameters import add_programme_parameters, programme_help, programme_location


class ExportActionLists(ProgrammakamerAlgorithm):
    NAME = "exportactionlists"
    GROUP = "export"
    PROGRAMME, OUTPUT, STATE = "PROGRAMME", "OUTPUT", "STATE"
    WORKBOOK, LIST_COUNT = "WORKBOOK", "LIST_COUNT"

    def displayName(self) -> str:
        return self.tr("Export action lists per stakeholder")

    def group(self) -> str:
        return self.tr("Export")

    def flags(self):
        # Qt's text layout and PDF writer: kept on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:
        return (
            self.tr(
                "Writes each stakeholder's action list into the output folder, to mail after a "
                "session: actielijst-<stakeholder>.pdf per stakeholder (A4 landscape; the file "
                "name is the stakeholder's name made safe for every system) and actielijsten.xlsx "
                "with a sheet per stakeholder. Each list holds: what changed since the previous "
                "list (new, changed, closed works, findings and decisions), its open works by "
                "horizon, every open finding that involves one of its works with the other "
                "party's name and contact, and the chamber's latest decisions on those findings "
                "and its works, or whose action it holds, with the action holder.\n\n"
                "The lists are kept in the programme (table action_lists), so the next export "
                "can compare; the first list has no changes yet. All files and the kept lists are "
                "written together or not at all; lists of stakeholders that are gone are "
                "removed from the folder. State: draft or adopted, as on the programme map; "
                "empty: the programme's own state."
            )
            + "\n\n"
            + programme_help()
        )

    def initAlgorithm(self, config=None):
        add_programme_parameters(self)
        self.add_state_parameter(self.STATE, optional=True)
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFile(self.WORKBOOK, self.tr("Action lists (Excel)")))
        self.addOutput(QgsProcessingOutputNumber(self.LIST_COUNT, self.tr("Action lists")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..export.action_lists import export_action_lists

        path = programme_location(self, parameters, context)
        state = self.state_value(parameters, self.STATE, context)
        folder = self.output_folder(parameters, self.OUTPUT, context)
        try:
            written = export_action_lists(path, folder, state, feedback)
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        if written is None:
            feedback.pushInfo(self.tr("Cancelled: the files in the folder are unchanged."))
            return {}
        if len(written.pdfs) == 1:
            feedback.pushInfo(self.tr("Written: 1 action list and {}.").format(written.workbook))
        else:
            feedback.pushInfo(
                self.tr("Written: {} action lists and {}.").format(
                    len(written.pdfs), written.workbook
                )
            )
        feedback.setProgress(100)
        return {
            self.OUTPUT: str(folder),
            self.WORKBOOK: str(written.workbook),
            self.LIST_COUNT: len(written.pdfs),
        }
