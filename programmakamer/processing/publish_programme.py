"""programmakamer:publishprogramme: the programme as a web map in a folder, for everyone."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
)

from ..export.web_map import DEFAULT_LEFT_OUT, LANGUAGES, PRIVATE_FIELDS
from ..store.errors import ProgrammeError
from ..translation import language
from .algorithm import ProgrammakamerAlgorithm, require_shapely_2
from .postgis_parameters import add_programme_parameters, programme_help, programme_location


class PublishProgramme(ProgrammakamerAlgorithm):
    NAME = "publishprogramme"
    GROUP = "export"
    PROGRAMME, OUTPUT, LANGUAGE, STATE, LEAVE_OUT = (
        "PROGRAMME",
        "OUTPUT",
        "LANGUAGE",
        "STATE",
        "LEAVE_OUT",
    )
    PAGE, WORKS, FINDINGS = "PAGE", "WORKS", "FINDINGS"

    def displayName(self) -> str:
        return self.tr("Publish as a web map")

    def group(self) -> str:
        return self.tr("Export")

    def shortHelpString(self) -> str:
        return (
            self.tr(
                "Writes the programme as a web map into the output folder: index.html with the "
                "map library (OpenLayers), the data and the styles beside it. It opens in any "
                "browser from disk or from a web server, without internet; put the folder on "
                "the intranet or send it as a zip.\n\n"
                "The page shows the works coloured by horizon (or by stakeholder), the "
                "challenges, hotspots and accepted dig-once chances, with filters by "
                "stakeholder, horizon and year and a search box; clicking a work shows its "
                "card with its open findings and the chamber's latest decisions. The streets "
                "and neighbourhoods of the programme are the base map; an online background "
                "map (PDOK, OpenStreetMap) can be switched on in the page.\n\n"
                "Language: of the page when it opens (the reader can switch between Dutch and "
                "English). State: draft or adopted, shown under the title. Leave out: private "
                "fields that are not published: the contacts (stakeholders' contacts and action "
                "holders; left out by default), the costs (cost estimates and savings) and the "
                "notes (descriptions of works and decision texts). An earlier publication in "
                "the folder is replaced as a whole, or not at all."
            )
            + "\n\n"
            + programme_help()
        )

    def initAlgorithm(self, config=None):
        lang = language()
        add_programme_parameters(self)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE,
                self.tr("Language"),
                [self.tr("Dutch"), self.tr("English")],
                defaultValue=0 if lang == "nl" else 1,
            )
        )
        self.add_state_parameter(self.STATE)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LEAVE_OUT,
                self.tr("Leave out"),
                [self.tr("Contacts"), self.tr("Costs"), self.tr("Notes")],
                allowMultiple=True,
                optional=True,
                defaultValue=[PRIVATE_FIELDS.index(f) for f in DEFAULT_LEFT_OUT],
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFile(self.PAGE, self.tr("Web map (index.html)")))
        self.addOutput(QgsProcessingOutputNumber(self.WORKS, self.tr("Works")))
        self.addOutput(QgsProcessingOutputNumber(self.FINDINGS, self.tr("Open findings")))

    def processAlgorithm(self, parameters, context, feedback):
        require_shapely_2()
        from ..export.web_map import publish_programme

        path = programme_location(self, parameters, context)
        if self.LEAVE_OUT in parameters:
            left_out = tuple(
                PRIVATE_FIELDS[i]
                for i in sorted(self.parameterAsEnums(parameters, self.LEAVE_OUT, context))
            )
        else:  # qgis_process of QGIS 3.22 does not apply the default
            left_out = DEFAULT_LEFT_OUT
        folder = self.output_folder(parameters, self.OUTPUT, context)
        try:
            published = publish_programme(
                path,
                folder,
                language=LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
                left_out=left_out,
                state=self.state_value(parameters, self.STATE, context),
                feedback=feedback,
            )
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        if published is None:
            feedback.pushInfo(self.tr("Cancelled: the files in the folder are unchanged."))
            return {}
        feedback.pushInfo(
            self.tr("Published {}: {} works, {} open findings.").format(
                published.page, published.works, published.findings
            )
        )
        feedback.setProgress(100)
        return {
            self.OUTPUT: str(folder),
            self.PAGE: str(published.page),
            self.WORKS: published.works,
            self.FINDINGS: published.findings,
        }
