"""Where distances in metres can be trusted: a layer's CRS checked, and the CRS the
distances are measured in chosen, for the rules that run on any layer.

A CRS qualifies when it misstates a distance by at most 1 % where the works lie
(EPSG:3857 stretches them by about 60 % in the Netherlands). The choice is said in a
sentence, and a refusal says what to set.
"""

from __future__ import annotations

import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDistanceArea,
    QgsPointXY,
    QgsProcessingException,
    QgsRectangle,
    QgsUnitTypes,
)

from ..core.schema import DEFAULT_CRS
from ..translation import tr

DISTORTION_LIMIT = 0.01  # the largest relative error of a distance a distance CRS may make
WGS84 = "EPSG:4326"
STEP = 100.0  # metres measured in a CRS and on the ellipsoid to find its distortion


def crs_name(crs: QgsCoordinateReferenceSystem) -> str:
    """A CRS as a user knows it: its code, else its name, else its definition."""
    return crs.authid() or crs.description() or crs.toProj() or tr("an unnamed CRS")


def checked_crs(crs, extent: QgsRectangle, label: str) -> QgsCoordinateReferenceSystem:
    """A layer's CRS, refused when its coordinates cannot be trusted: none, undefined (a
    GeoPackage's srs_id 0), or degrees where no coordinate is a degree (RD New labelled
    WGS84; a few stray points are skipped and listed while reading instead)."""
    world = QgsRectangle(-180, -90, 180, 90)
    degrees_like = not extent.isNull() and world.contains(extent)
    if not crs.isValid() and not degrees_like:
        raise QgsProcessingException(
            tr("The layer {} has no coordinate reference system: set it first.").format(label)
        )
    # QGIS 3.22 reads a GeoPackage's srs_id 0 as an undefined CRS, 3.40 as none at all
    if not crs.isValid() or (
        not crs.authid() and (in_degrees(crs) or degrees_like or not crs.toProj())
    ):
        if degrees_like:
            raise QgsProcessingException(
                tr(
                    "The layer {} has an undefined coordinate reference system ({}) and "
                    "its coordinates look like degrees (longitude/latitude): set its CRS "
                    "(for GPS coordinates EPSG:4326) and run again."
                ).format(label, crs_name(crs))
            )
        raise QgsProcessingException(
            tr(
                "The layer {} has an undefined coordinate reference system ({}): set its "
                "CRS (in the Netherlands usually EPSG:28992) and run again."
            ).format(label, crs_name(crs))
        )
    if in_degrees(crs) and not extent.isNull() and not world.intersects(extent):
        raise QgsProcessingException(
            tr(
                "The layer {} is in {}, which counts in degrees, but its coordinates are "
                "not degrees (for example {} {}): set the layer's right CRS (in the "
                "Netherlands usually EPSG:28992)."
            ).format(label, crs_name(crs), round(extent.xMinimum()), round(extent.yMinimum()))
        )
    return crs


def distance_crs(source_crs, extent, chosen, transform_context):
    """(CRS, reasons): the chosen CRS, refused when it misstates distances where the works
    lie; else the first that measures well of the layer's own, RD New (when the works lie
    in its area) and the UTM zone of the works' centre, with the reasons for passing
    over the layer's own CRS, in sentences."""
    area = wgs84_extent(source_crs, extent, transform_context)
    if chosen.isValid():
        problem = measuring_problem(chosen, area, transform_context)
        if problem:
            raise QgsProcessingException(
                "{} {}".format(
                    problem,
                    tr(
                        "Choose a CRS that measures metres there: EPSG:28992 in the "
                        "Netherlands, elsewhere the UTM zone of the works."
                    ),
                )
            )
        return chosen, []
    rd = QgsCoordinateReferenceSystem(DEFAULT_CRS)
    candidates = [source_crs] if not in_degrees(source_crs) else []
    if area is None or rd.bounds().contains(area):
        candidates.append(rd)
    if area is not None:
        candidates.append(utm_zone(area.center()))
    problems = []
    for crs in candidates:
        problem = measuring_problem(crs, area, transform_context)
        if problem is None:
            break
        problems.append(problem)
    else:
        raise QgsProcessingException(
            "{} {}".format(
                problems[-1],
                tr(
                    "The works spread too far for one CRS to measure metres everywhere: choose "
                    "a Distance CRS or split the layer."
                ),
            )
        )
    reasons = problems[:1] if candidates[0] == source_crs and crs != source_crs else []
    if crs.authid() != DEFAULT_CRS and crs != source_crs:
        reasons.append(
            tr(
                "The works lie outside the area of {}: distances are measured in {} "
                "(UTM), the zone of their centre."
            ).format(DEFAULT_CRS, crs_name(crs))
        )
    return crs, reasons


def measuring_problem(crs, area: QgsRectangle | None, transform_context) -> str | None:
    """Why `crs` does not measure metres where the works lie, in a sentence, or None."""
    if in_degrees(crs):
        return tr("{} is geographic: distances need a projected CRS in metres.").format(
            crs_name(crs)
        )
    if crs.mapUnits() != QgsUnitTypes.DistanceMeters:
        return tr("{} measures in {}, not in metres.").format(
            crs_name(crs), QgsUnitTypes.toString(crs.mapUnits())
        )
    error = distortion(crs, area, transform_context)
    if error > DISTORTION_LIMIT:
        return tr("{} distorts distances by {} % where the works lie.").format(
            crs_name(crs), "{:.0f}".format(100 * error) if error < 10 else ">1000"
        )
    return None


def in_degrees(crs: QgsCoordinateReferenceSystem) -> bool:
    """Geographic, or counting in degrees though QGIS does not call it geographic (the
    'Undefined geographic SRS' GDAL gives a GeoPackage's srs_id 0)."""
    return crs.isGeographic() or crs.mapUnits() == QgsUnitTypes.DistanceDegrees


def wgs84_extent(crs, extent: QgsRectangle, transform_context) -> QgsRectangle | None:
    """The extent in longitude/latitude; None for an empty layer or one beyond transforming."""
    if extent.isNull():
        return None
    try:
        box = QgsCoordinateTransform(
            crs, QgsCoordinateReferenceSystem(WGS84), transform_context
        ).transformBoundingBox(extent)
    except QgsCsException:
        return None
    return box if box.isFinite() else None


def distortion(crs, area: QgsRectangle | None, transform_context) -> float:
    """Largest relative error of a distance measured in `crs`, east-west and north-south
    at the centre and corners of `area` (WGS84), against the WGS84 ellipsoid."""
    if area is None:
        return 0.0
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    to_crs = QgsCoordinateTransform(wgs84, crs, transform_context)
    ellipsoid = QgsDistanceArea()
    ellipsoid.setSourceCrs(wgs84, transform_context)
    ellipsoid.setEllipsoid("WGS84")
    points = [area.center()] + [
        QgsPointXY(x, y)
        for x in (area.xMinimum(), area.xMaximum())
        for y in (area.yMinimum(), area.yMaximum())
    ]
    worst = 0.0
    try:
        for point in points:
            here = to_crs.transform(point)
            origin = to_crs.transform(here, QgsCoordinateTransform.ReverseTransform)
            for dx, dy in ((STEP, 0.0), (0.0, STEP)):
                there = to_crs.transform(
                    QgsPointXY(here.x() + dx, here.y() + dy),
                    QgsCoordinateTransform.ReverseTransform,
                )
                ground = ellipsoid.measureLine(origin, there)
                if not ground > 0:
                    return math.inf
                worst = max(worst, abs(STEP / ground - 1.0))
    except QgsCsException:
        return math.inf
    return worst


def utm_zone(centre: QgsPointXY) -> QgsCoordinateReferenceSystem:
    """WGS 84 / UTM zone of a point in longitude/latitude (EPSG:326zz north, 327zz south)."""
    zone = min(max(int((centre.x() + 180.0) // 6.0) + 1, 1), 60)
    return QgsCoordinateReferenceSystem(
        "EPSG:{}".format((32600 if centre.y() >= 0 else 32700) + zone)
    )
