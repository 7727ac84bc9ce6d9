"""The parameters that name a programme, shared by every algorithm that takes one: a
GeoPackage file (PROGRAMME), or a programme in PostGIS (a QGIS PostgreSQL connection or a
pg_service.conf service, and the programme's schema). A file parameter cannot hold a
database, so PostGIS has parameters of its own, the same as createprogramme's."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..store import postgis
from ..store.errors import ProgrammeError
from ..store.location import is_postgis, normalised, postgis_schema
from ..translation import tr

PROGRAMME, DATABASE, SERVICE, SCHEMA = "PROGRAMME", "DATABASE", "SERVICE", "SCHEMA"


def programme_help() -> str:
    """The line of an algorithm's help that says how to name its programme."""
    return tr(
        "Programme: the GeoPackage, or a programme in PostGIS (a QGIS connection or a "
        "service, and the schema)."
    )


def programme_parameter(
    name: str, description: str, optional: bool = False
) -> QgsProcessingParameterFile:
    return QgsProcessingParameterFile(
        name, description, QgsProcessingParameterFile.File, extension="gpkg", optional=optional
    )


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


def add_programme_parameters(algorithm) -> None:
    """PROGRAMME (a GeoPackage) and the PostGIS parameters, all optional: one names it."""
    algorithm.addParameter(programme_parameter(PROGRAMME, tr("Programme"), optional=True))
    add_postgis_parameters(algorithm)


def postgis_location(algorithm, parameters, context) -> str | None:
    """The location the parameters name, or None when none of them is given."""
    schema = algorithm.parameterAsString(parameters, SCHEMA, context)
    connection = algorithm.parameterAsConnectionName(parameters, DATABASE, context)
    service = algorithm.parameterAsString(parameters, SERVICE, context)
    if not (schema or connection or service):
        return None
    return postgis.location_of(schema, connection, service)


def programme_location(algorithm, parameters, context) -> str:
    """The programme the parameters name: a GeoPackage file or a schema, exactly one."""
    try:
        in_postgis = postgis_location(algorithm, parameters, context)
    except ProgrammeError as error:
        raise QgsProcessingException(str(error)) from None
    path = algorithm.parameterAsFile(parameters, PROGRAMME, context)
    if in_postgis and path:
        raise QgsProcessingException(
            tr("Name the programme either as a GeoPackage file or as a schema in PostGIS.")
        )
    if not (in_postgis or path):
        raise QgsProcessingException(tr("Choose a GeoPackage file, or a schema in PostGIS."))
    return in_postgis or normalised(path)


def programme_parameters(location: str) -> dict:
    """The parameter values that name a programme's location: what the panel fills in
    when it opens an algorithm's dialog."""
    if not is_postgis(location):
        return {PROGRAMME: location}
    service, connection = postgis.connection_of(location)
    named = {SERVICE: service} if service else {DATABASE: connection}
    return {**named, SCHEMA: postgis_schema(location)}
