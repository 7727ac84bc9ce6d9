"""programmakamer:createprogramme: a new, empty programme: a GeoPackage, or a schema in
PostGIS."""

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
from ..store import postgis
from ..store.errors import ProgrammeError
from ..store.location import shown
from ..store.programme import create_programme
from .algorithm import ProgrammakamerAlgorithm
from .postgis_parameters import add_postgis_parameters, postgis_location


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
            "Output: the .gpkg file. An existing file is not overwritten.\n\n"
            "To create the programme in PostGIS instead, give a schema and either a QGIS "
            "PostgreSQL connection or a service of pg_service.conf; the output file is then "
            "not used. The schema must not exist yet; PostGIS needs the extension postgis in "
            "that database. The styles go to QGIS's table public.layer_styles."
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
                self.OUTPUT,
                self.tr("Programme GeoPackage"),
                self.tr("GeoPackage (*.gpkg)"),
                optional=True,
                createByDefault=False,
            )
        )
        add_postgis_parameters(self)
        self.addOutput(QgsProcessingOutputString(self.NAME_OUTPUT, self.tr("Programme name")))

    def processAlgorithm(self, parameters, context, feedback):
        crs: QgsCoordinateReferenceSystem = self.parameterAsCrs(parameters, self.CRS, context)
        arguments = (
            self.parameterAsString(parameters, self.PROGRAMME_NAME, context),
            self.parameterAsString(parameters, self.MUNICIPALITY, context),
            self.parameterAsInt(parameters, self.REFERENCE_YEAR, context),
            crs.authid() if crs.isValid() else DEFAULT_CRS,
        )
        try:
            location = postgis_location(self, parameters, context)
            if location is not None:
                info = postgis.create_programme(location, *arguments)
            else:
                path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
                if not path:
                    raise ProgrammeError(
                        self.tr("Choose a GeoPackage file, or a schema in PostGIS.")
                    )
                info = create_programme(path, *arguments)
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("Programme created: {}").format(shown(info.path)))
        return {self.OUTPUT: info.path, self.NAME_OUTPUT: info.name}
