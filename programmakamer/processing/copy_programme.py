"""programmakamer:copyprogramme: a programme copied whole between a GeoPackage and PostGIS."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ..store.copies import copy_programme
from ..store.errors import ProgrammeError
from ..store.location import shown
from .algorithm import ProgrammakamerAlgorithm
from .postgis_parameters import add_postgis_parameters, postgis_location


class CopyProgramme(ProgrammakamerAlgorithm):
    NAME = "copyprogramme"
    DIRECTION, GEOPACKAGE, OVERWRITE, OUTPUT = "DIRECTION", "GEOPACKAGE", "OVERWRITE", "OUTPUT"
    TO_POSTGIS, TO_GEOPACKAGE = 0, 1

    def displayName(self) -> str:
        return self.tr("Copy programme between GeoPackage and PostGIS")

    def shortHelpString(self) -> str:
        return self.tr(
            "Copies a whole programme, row for row: works, challenges, findings, decisions, "
            "stakeholders, rule settings, moratorium periods, reference layers and styles, and "
            "the history of a shared programme (who changed which work or decision when): a "
            "snapshot keeps it, and a copy back to PostGIS brings it back as it was.\n\n"
            "Direction: from the GeoPackage to PostGIS (to share the programme), or from "
            "PostGIS to the GeoPackage (a snapshot to take along or to archive with the "
            "board memo).\n"
            "GeoPackage: the programme file.\n"
            "PostGIS: a QGIS connection or a service, and the schema of the programme. A "
            "copy to PostGIS makes the schema; it must not exist yet.\n"
            "Overwrite: a copy to a GeoPackage replaces an existing file only when ticked.\n"
            "Nothing is half written: a failure leaves the target as it was."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DIRECTION,
                self.tr("Direction"),
                [self.tr("GeoPackage to PostGIS"), self.tr("PostGIS to GeoPackage")],
                defaultValue=self.TO_POSTGIS,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.GEOPACKAGE, self.tr("Programme GeoPackage"), extension="gpkg"
            )
        )
        add_postgis_parameters(self)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OVERWRITE, self.tr("Overwrite an existing GeoPackage"), False
            )
        )
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, self.tr("Copy")))

    def processAlgorithm(self, parameters, context, feedback):
        direction = self.parameterAsEnum(parameters, self.DIRECTION, context)
        path = self.parameterAsString(parameters, self.GEOPACKAGE, context)
        try:
            location = postgis_location(self, parameters, context)
            if location is None:
                raise ProgrammeError(self.tr("Choose a PostgreSQL connection or a service."))
            if direction == self.TO_POSTGIS:
                source, target = path, location
            else:
                source, target = location, path
            copied = copy_programme(
                source, target, self.parameterAsBoolean(parameters, self.OVERWRITE, context)
            )
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("Programme copied to {}").format(shown(copied)))
        return {self.OUTPUT: copied}
