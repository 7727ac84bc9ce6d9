"""programmakamer:createprogramme: a new, empty programme GeoPackage."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.schema import DEFAULT_CRS
from ..store.errors import ProgrammeError
from ..store.programme import create_programme
from .algorithm import ProgrammakamerAlgorithm


class CreateProgramme(ProgrammakamerAlgorithm):
    NAME = "createprogramme"
    OUTPUT, PROGRAMME_NAME, MUNICIPALITY, REFERENCE_YEAR, CRS = (
        "OUTPUT",
        "NAME",
        "MUNICIPALITY",
        "REFERENCE_YEAR",
        "CRS",
    )
    NAME_OUTPUT = "PROGRAMME_NAME"

    def displayName(self) -> str:
        return self.tr("Create programme")

    def shortHelpString(self) -> str:
        return self.tr(
            "Creates a new programme GeoPackage with every table of the Integrale "
            "Programmakamer: programme, stakeholders, works (lines, areas, points), "
            "challenges, findings, decisions, rule settings with their defaults, moratorium "
            "periods per surface type, streets and neighbourhoods, and the styles by horizon "
            "and by stakeholder.\n\n"
            "Programme name and municipality: shown on maps and memos.\n"
            "Reference year: year 1 of the programme; horizons count from it.\n"
            "CRS: a projected CRS in metres (default EPSG:28992, RD New).\n"
            "Output: the .gpkg file. An existing file is not overwritten."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterString(self.PROGRAMME_NAME, self.tr("Programme name"))
        )
        self.addParameter(QgsProcessingParameterString(self.MUNICIPALITY, self.tr("Municipality")))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.REFERENCE_YEAR,
                self.tr("Reference year"),
                QgsProcessingParameterNumber.Integer,
                2027,
                minValue=1900,
                maxValue=2200,
            )
        )
        self.addParameter(
            # Optional: QGIS 3.22 does not fall back to a CRS default when the key is absent.
            QgsProcessingParameterCrs(
                self.CRS, self.tr("Coordinate reference system"), DEFAULT_CRS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Programme GeoPackage"), self.tr("GeoPackage (*.gpkg)")
            )
        )
        self.addOutput(QgsProcessingOutputString(self.NAME_OUTPUT, self.tr("Programme name")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        crs: QgsCoordinateReferenceSystem = self.parameterAsCrs(parameters, self.CRS, context)
        try:
            info = create_programme(
                path,
                self.parameterAsString(parameters, self.PROGRAMME_NAME, context),
                self.parameterAsString(parameters, self.MUNICIPALITY, context),
                self.parameterAsInt(parameters, self.REFERENCE_YEAR, context),
                crs.authid() if crs.isValid() else DEFAULT_CRS,
            )
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("Programme created: {}").format(info.path))
        return {self.OUTPUT: info.path, self.NAME_OUTPUT: info.name}
