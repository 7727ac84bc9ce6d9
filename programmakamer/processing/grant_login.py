"""programmakamer:grantlogin: a database login joins one of a PostGIS programme's roles."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..store.access import ROLE_KINDS, grant_login
from ..store.errors import ProgrammeError
from .algorithm import ProgrammakamerAlgorithm
from .postgis_parameters import add_postgis_parameters, postgis_location


class GrantLogin(ProgrammakamerAlgorithm):
    NAME = "grantlogin"
    LOGIN, ROLE, STAKEHOLDER_ID, ROLE_OUTPUT = "LOGIN", "ROLE", "STAKEHOLDER_ID", "ROLE_NAME"

    def displayName(self) -> str:
        return self.tr("Give a login a role in a PostGIS programme")

    def shortHelpString(self) -> str:
        return self.tr(
            "Makes an existing database login a member of one of the programme's group "
            "roles. The database then enforces what it may do.\n\n"
            "Stakeholder: reads everything; adds, changes and deletes only the works of its "
            "own stakeholder (give the stakeholder id), never the chamber's horizon.\n"
            "Chamber: sets horizons and overrides, keeps findings, decisions and settings; "
            "cannot change a stakeholder's planning.\n"
            "Viewer: reads.\n\n"
            "PostGIS: a QGIS connection or a service, and the schema of the programme; the "
            "connection's user must be allowed to grant roles (the programme's "
            "administrator). Stakeholders added since the programme was made get their role "
            "here too."
        )

    def initAlgorithm(self, config=None):
        add_postgis_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.LOGIN, self.tr("Database login")))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ROLE,
                self.tr("Role"),
                [self.tr("Stakeholder"), self.tr("Chamber"), self.tr("Viewer")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.STAKEHOLDER_ID,
                self.tr("Stakeholder id (for the stakeholder role)"),
                QgsProcessingParameterNumber.Integer,
                optional=True,
                minValue=1,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.ROLE_OUTPUT, self.tr("Role")))

    def processAlgorithm(self, parameters, context, feedback):
        kind = ROLE_KINDS[self.parameterAsEnum(parameters, self.ROLE, context)]
        stakeholder = parameters.get(self.STAKEHOLDER_ID)
        try:
            location = postgis_location(self, parameters, context)
            if location is None:
                raise ProgrammeError(self.tr("Choose a PostgreSQL connection or a service."))
            role = grant_login(
                location,
                self.parameterAsString(parameters, self.LOGIN, context),
                kind,
                None
                if stakeholder is None
                else self.parameterAsInt(parameters, self.STAKEHOLDER_ID, context),
            )
        except ProgrammeError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("The login is now a member of {}.").format(role))
        return {self.ROLE_OUTPUT: role}
