"""Small hand-made programmes for the rule tests."""

from __future__ import annotations

from datetime import date

from shapely.geometry import LineString

from programmakamer.core.works import build_works


def work(work_id, stakeholder, geometry, start, end, **flags):
    """A work record; `start`/`end` are years (whole years) or dates."""
    if isinstance(start, int):
        start = date(start, 1, 1)
    if isinstance(end, int):
        end = date(end, 12, 31)
    return {
        "work_id": work_id,
        "stakeholder": stakeholder,
        "title": "werk " + work_id,
        "location": "Kerkstraat",
        "planned_start": start,
        "planned_end": end,
        "status": flags.pop("status", "planned"),
        "opens_ground": flags.pop("digs", False),
        "renews_surface": flags.pop("paves", False),
        "surface_type": flags.pop("surface", None),
        "flexibility_years": flags.pop("flex", 0.0),
        "geometry": geometry,
    }


def street(y=0.0, x0=0.0, x1=100.0):
    return LineString([(x0, y), (x1, y)])


def works_of(*records):
    return build_works(list(records))
