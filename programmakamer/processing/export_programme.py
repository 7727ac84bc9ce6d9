"""programmakamer:exportprogramme: the programme map (PDF, PNG) and memo tables (Excel, CSV)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProject,
)

from ..export.programme_map import PAGES, PAPERS
from ..store.errors import ProgrammeError
from ..translation import tr
from .algorithm import ProgrammakamerAlgorithm
from .postgis_parameters import add_programme_parameters, programme_help, programme_location

PAGE_CHOICES = PAGES + ("neighbourhoods",)


class ExportProgramme(ProgrammakamerAlgorithm):
    NAME = "exportprogramme"
    GROUP = "export"
    PROGRAMME, OUTPUT, PAPER, DPI, STATE, PAGES = (
        "PROGRAMME",
        "OUTPUT",
        "PAPER",
        "DPI",
        "STATE",
        "PAGES",
    )
    NEIGHBOURHOODS, NEIGHBOURHOOD_NAME = "NEIGHBOURHOODS", "NEIGHBOURHOOD_NAME"
    PDF, WORKBOOK, PAGE_COUNT = "PDF", "WORKBOOK", "PAGE_COUNT"

    def displayName(self) -> str:
        return self.tr("Export programme map and tables")

    def group(self) -> str:
        return self.tr("Export")

    def flags(self):
        # It uses the open project (the layout goes to its layout manager): main thread only.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:
        return (
            self.tr(
                "Writes the city programme for a board memo into the output folder: "
                "programmakaart.pdf (one page per view), programmakaart-N.png (a page each, for "
                "slides), programma.xlsx (a sheet per horizon, the findings with the chamber's "
                "decisions, and a summary per stakeholder with the saving of accepted dig-once "
                "chances) and programma-werken.csv / programma-bevindingen.csv (';', UTF-8).\n\n"
                "Pages: overview (all horizons) and one per horizon (that horizon in colour, the "
                "rest grey), and a page per neighbourhood (wijk) with an overview map of the city, "
                "when 'Per neighbourhood' is chosen (the programme's neighbourhoods) or a "
                "neighbourhood layer is given (any polygon layer; the name comes from the chosen "
                "field, else a field called name, naam or wijknaam, else the first text field; at "
                "most 250 pages). Paper: A3 landscape by default, A4 or A0. Resolution: for the "
                "PNG pages and raster parts of the PDF (30-600 dpi). State: draft or adopted, "
                "shown in the subtitle. When the programme is open in the project, the layout is "
                "also added to the project's layouts."
            )
            + "\n\n"
            + programme_help()
        )

    def initAlgorithm(self, config=None):
        add_programme_parameters(self)
        self.addParameter(
            QgsProcessingParameterEnum(self.PAPER, self.tr("Paper"), list(PAPERS), defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution (dpi)"),
                QgsProcessingParameterNumber.Integer,
                150,
                minValue=30,
                maxValue=600,
            )
        )
        self.add_state_parameter(self.STATE)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PAGES,
                self.tr("Pages"),
                [
                    self.tr("Overview"),
                    self.tr("Short term"),
                    self.tr("Medium term"),
                    self.tr("Long term"),
                    self.tr("Per neighbourhood"),
                ],
                allowMultiple=True,
                defaultValue=[0, 1, 2, 3],
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.NEIGHBOURHOODS,
                self.tr("Neighbourhood layer (a page per neighbourhood)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NEIGHBOURHOOD_NAME,
                self.tr("Neighbourhood name field"),
                parentLayerParameterName=self.NEIGHBOURHOODS,
                type=QgsProcessingParameterField.String,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFile(self.PDF, self.tr("Programme map (PDF)")))
        self.addOutput(QgsProcessingOutputFile(self.WORKBOOK, self.tr("Memo tables (Excel)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..export.export_set import export_board_memo
        from ..export.memo_tables import require_openpyxl
        from ..export.programme_map import build_programme_layout, neighbourhoods_from
        from ..store.layers import open_programme, programme_group
        from ..store.programme import read_programme

        path = programme_location(self, parameters, context)
        pages = (
            tuple(
                PAGE_CHOICES[i]
                for i in sorted(self.parameterAsEnums(parameters, self.PAGES, context))
            )
            or PAGES
        )
        try:
            require_openpyxl()
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        folder = self.output_folder(parameters, self.OUTPUT, context)
        project, own = context.project(), None
        if project is None or programme_group(project, path) is None:
            project = own = QgsProject()  # a project of its own, so the user's is left alone
        try:
            if programme_group(project, path) is None:
                open_programme(project, path)
            neighbourhoods = None
            source = self.parameterAsSource(parameters, self.NEIGHBOURHOODS, context)
            if source is not None:
                target = QgsCoordinateReferenceSystem(read_programme(path).crs)
                neighbourhoods, skipped = neighbourhoods_from(
                    source.getFeatures(  # outlines are repaired, not refused
                        QgsFeatureRequest(),
                        QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks,
                    ),
                    source.sourceCrs(),
                    source.fields(),
                    self.parameterAsString(parameters, self.NEIGHBOURHOOD_NAME, context),
                    target,
                    context.transformContext(),
                )
                if source.sourceCrs() != target:
                    feedback.pushInfo(
                        self.tr("Neighbourhoods transformed from {} to {}.").format(
                            source.sourceCrs().userFriendlyIdentifier(),
                            target.userFriendlyIdentifier(),
                        )
                    )
                if skipped == 1:
                    feedback.pushWarning(self.tr("1 neighbourhood without a geometry was skipped."))
                elif skipped:
                    feedback.pushWarning(
                        self.tr("{} neighbourhoods without a geometry were skipped.").format(
                            skipped
                        )
                    )
                if not neighbourhoods:
                    raise ProgrammeError(self.tr("The neighbourhood layer has no outlines."))
            feedback.setProgress(10)
            layout = build_programme_layout(
                project,
                path,
                PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)],
                self.state_value(parameters, self.STATE, context),
                pages,
                neighbourhoods=neighbourhoods,
            )
            if feedback.isCanceled():
                return {}
            feedback.setProgress(20)
            memo = export_board_memo(
                layout, path, folder, self.parameterAsInt(parameters, self.DPI, context), feedback
            )
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        finally:
            if own is not None:
                # Its layers close their GeoPackage now: a failed run's traceback kept the
                # project until Python's exit, after GDAL, and closing then crashed QGIS.
                own.clear()
        if memo is None:
            feedback.pushInfo(self.tr("Cancelled: the files in the folder are unchanged."))
            return {}
        feedback.pushInfo(
            self.tr("Written: {} ({}), {}, {} and {} CSV files.").format(
                memo.pdf,
                pages_text(memo.pages),
                page_images_text(len(memo.pngs)),
                memo.workbook,
                len(memo.csvs),
            )
        )
        feedback.setProgress(100)
        return {
            self.OUTPUT: str(folder),
            self.PDF: str(memo.pdf),
            self.WORKBOOK: str(memo.workbook),
            self.PAGE_COUNT: memo.pages,
        }


def pages_text(count: int) -> str:
    """One string for one and one for many: no "1 pagina's" in Dutch."""
    return tr("1 page") if count == 1 else tr("{} pages").format(count)


def page_images_text(count: int) -> str:
    return tr("1 page image") if count == 1 else tr("{} page images").format(count)
