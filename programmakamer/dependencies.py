"""Checks for the libraries the plugin needs beyond QGIS itself (no Qt here)."""

from __future__ import annotations

MINIMUM_SHAPELY = (2, 0)


def shapely_problem() -> str | None:
    """None when shapely >= 2 is importable, else the version found ("missing" if none)."""
    try:
        import shapely
    except ImportError:
        return "missing"
    parts = tuple(int(p) for p in shapely.__version__.split(".")[:2] if p.isdigit())
    return None if parts >= MINIMUM_SHAPELY else shapely.__version__
