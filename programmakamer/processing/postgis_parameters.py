"""The parameters that name a programme in PostGIS, shared by the algorithms that take one:
a QGIS PostgreSQL connection or a pg_service.conf service, and the programme's schema."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterProviderConnection, QgsProcessingParameterString

from ..store import postgis
from ..translation import tr

DATABASE, SERVICE, SCHEMA = "DATABASE", "SERVICE", "SCHEMA"


def add_postgis_parameters(algorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterProviderConnection(
            DATABASE, tr("PostGIS: QGIS connection"), "postgres", optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterString(
            SERVICE, tr("PostGIS: service (pg_service.conf)"), optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterString(SCHEMA, tr("PostGIS: schema of the programme"), optional=True)
    )


def postgis_location(algorithm, parameters, context) -> str | None:
    """The location the parameters name, or None when none of them is given."""
    schema = algorithm.parameterAsString(parameters, SCHEMA, context)
    connection = algorithm.parameterAsConnectionName(parameters, DATABASE, context)
    service = algorithm.parameterAsString(parameters, SERVICE, context)
    if not (schema or connection or service):
        return None
    return postgis.location_of(schema, connection, service)
