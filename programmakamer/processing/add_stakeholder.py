"""programmakamer:addstakeholder: a new stakeholder with its own layer of works."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ..core.schema import DISCIPLINES
from ..store.errors import ProgrammeError
from ..store.layers import add_stakeholder_layers
from ..store.programme import add_stakeholder
from ..translation import language
from .algorithm import ProgrammakamerAlgorithm
from .postgis_parameters import add_programme_parameters, programme_location


class AddStakeholder(ProgrammakamerAlgorithm):
    NAME = "addstakeholder"
    PROGRAMME, STAKEHOLDER_NAME, DISCIPLINE, COLOUR, CONTACT = (
        "PROGRAMME",
        "NAME",
        "DISCIPLINE",
        "COLOUR",
        "CONTACT",
    )
    STAKEHOLDER_ID = "STAKEHOLDER_ID"

    def displayName(self) -> str:
        return self.tr("Add stakeholder")

    def flags(self):
        # It adds the new layer to the open project, which must happen on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:
        return self.tr(
            "Adds a stakeholder (an organisation or department that owns works) to a programme. "
            "When the programme is open in the project, the stakeholder's layer of works is "
            "added to its group at once.\n\n"
            "Name: unique within the programme.\n"
            "Discipline: the trade of the stakeholder; new works get it by default.\n"
            "Colour: #rrggbb, used by the style by stakeholder.\n"
            "Contact: a person or mailbox.\n\n"
            "Programme: the GeoPackage, or a programme in PostGIS (a QGIS connection or a "
            "service, and the schema); in PostGIS the stakeholder also gets its group role, "
            "which grantlogin gives to the stakeholder's logins."
        )

    def initAlgorithm(self, config=None):
        lang = language()
        add_programme_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.STAKEHOLDER_NAME, self.tr("Name")))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DISCIPLINE,
                self.tr("Discipline"),
                [c.label(lang) for c in DISCIPLINES],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.COLOUR, self.tr("Colour"), "#555555", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(self.CONTACT, self.tr("Contact"), optional=True)
        )
        self.addOutput(QgsProcessingOutputNumber(self.STAKEHOLDER_ID, self.tr("Stakeholder id")))

    def processAlgorithm(self, parameters, context, feedback):
        discipline = DISCIPLINES[self.parameterAsEnum(parameters, self.DISCIPLINE, context)].value
        try:
            path = programme_location(self, parameters, context)
            record = add_stakeholder(
                path,
                self.parameterAsString(parameters, self.STAKEHOLDER_NAME, context),
                discipline,
                self.parameterAsString(parameters, self.COLOUR, context),
                self.parameterAsString(parameters, self.CONTACT, context),
            )
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        if context.project() is not None and add_stakeholder_layers(
            context.project(), path, record
        ):
            feedback.pushInfo(self.tr("Layer added to the open programme."))
        feedback.pushInfo(
            self.tr("Stakeholder {} added with id {}.").format(
                record["name"], record["stakeholder_id"]
            )
        )
        return {self.STAKEHOLDER_ID: record["stakeholder_id"]}
