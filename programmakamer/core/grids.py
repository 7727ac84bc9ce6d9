"""The grids hotspots are counted in: square or hexagonal cells, made only where works lie,
with keys that stay the same between analyses, and the memory guards that refuse a grid or
a span of years that would not fit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .errors import RuleError
from .pairs import MEMORY_BUDGET


@dataclass
class Grid:
    """Hotspot cells. Keys and labels are formatted only for the cells reported: a city's
    grid has thousands of cells and few hotspots."""

    cells: np.ndarray
    key_numbers: np.ndarray  # (n, 2): lower-left corner (squares) or column, row (hexagons)
    label_numbers: np.ndarray  # (n, 2): lower-left corner or centre
    prefix: str  # "cell" or "hex"

    def keys(self, index: np.ndarray) -> np.ndarray:
        return np.array(
            [
                "{}:{:.0f}_{:.0f}".format(self.prefix, x, y)
                for x, y in self.key_numbers[index].tolist()
            ],
            dtype=object,
        )

    def labels(self, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """English and Dutch: 'Cell at x, y' for squares, 'Cell around x, y' for hexagons."""
        en, nl = (
            ("Cell at ", "Cel bij ") if self.prefix == "cell" else ("Cell around ", "Cel rond ")
        )
        xy = ["{:.0f}, {:.0f}".format(x, y) for x, y in self.label_numbers[index].tolist()]
        return np.array([en + t for t in xy], dtype=object), np.array(
            [nl + t for t in xy], dtype=object
        )


#: Peak bytes per grid cell: its polygon, its place in the STRtree and its row in the
#: count arrays (measured: 540 bytes for a million squares with their tree).
CELL_BYTES = 700
#: Bytes per candidate cell before the cells are made: up to eight int64 arrays at once
#: (owner, offset, row count, key and the sorted copy np.unique makes).
CANDIDATE_BYTES = 64
_EDGE = 1e-9  # a footprint on a cell's edge meets that cell too, whatever the rounding


def _hexagon_steps(size: float) -> tuple[float, float, float]:
    """Radius, column step and row step of flat-topped hexagons of `size` × `size` area."""
    r = size * np.sqrt(2.0 / (3.0 * np.sqrt(3.0)))
    return r, 1.5 * r, np.sqrt(3.0) * r


def _index_ranges(bounds: np.ndarray, size: float, hexagonal: bool):
    """Per footprint, the first and last column and row of the cells its box can meet."""
    xmin, ymin, xmax, ymax = bounds.T
    if hexagonal:
        r, dx, dy = _hexagon_steps(size)
        columns = (np.ceil((xmin - r) / dx - _EDGE), np.floor((xmax + r) / dx + _EDGE))
        rows = (np.ceil(ymin / dy - 1.0 - _EDGE), np.floor(ymax / dy + 0.5 + _EDGE))
    else:
        columns = (np.ceil(xmin / size - 1.0 - _EDGE), np.floor(xmax / size + _EDGE))
        rows = (np.ceil(ymin / size - 1.0 - _EDGE), np.floor(ymax / size + _EDGE))
    return columns, rows


def cells_at(columns: np.ndarray, rows: np.ndarray, size: float, hexagonal: bool) -> Grid:
    """The cells with these column and row numbers. Squares are aligned to multiples of
    `size`. Hexagons are flat-topped with the area of a `size` × `size` square, columns
    1.5 r apart and every other column shifted half a row, so the grid is the same
    wherever the works lie: a cell keeps its key between analyses."""
    columns, rows = columns.astype("float64"), rows.astype("float64")
    if not hexagonal:
        x, y = columns * size, rows * size
        corners = np.column_stack([x, y])
        return Grid(shapely.box(x, y, x + size, y + size), corners, corners, "cell")
    r, dx, dy = _hexagon_steps(size)
    cx = columns * dx
    cy = rows * dy + np.where(columns % 2 == 1, dy / 2, 0.0)
    angles = np.radians(np.arange(0, 360, 60))
    ring = np.stack([cx[:, None] + r * np.cos(angles), cy[:, None] + r * np.sin(angles)], axis=-1)
    ring = np.concatenate([ring, ring[:, :1]], axis=1)
    centres = np.column_stack([cx, cy])
    return Grid(shapely.polygons(ring), np.column_stack([columns, rows]), centres, "hex")


def grid_around(geometry: np.ndarray, size: float, hexagonal: bool = False) -> Grid:
    """The cells that the footprints' boxes meet, and no others.

    A grid over the whole extent would grow with the empty space between works (one
    feature at 0, 0 and a city at 155000, 463000 made 700 million cells); these cells
    grow with what the works cover. Memory is estimated from the boxes before anything
    is made, and a grid that would not fit is refused with a cell size that does."""
    (c0, c1), (r0, r1) = _index_ranges(shapely.bounds(geometry), size, hexagonal)
    width, height = c1 - c0 + 1, r1 - r0 + 1
    per_footprint = width * height
    candidates = float(per_footprint.sum())
    # at least the cells of the largest footprint, at most one per candidate
    _guard_cells(float(per_footprint.max()) * CELL_BYTES, per_footprint.max(), size)
    _guard_cells(candidates * CANDIDATE_BYTES, candidates, size)
    counts = per_footprint.astype("int64")
    owner = np.repeat(np.arange(len(counts)), counts)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    tall = height.astype("int64")[owner]
    left, bottom = int(c0.min()), int(r0.min())
    rows_in_area = int(r1.max()) - bottom + 1
    key = (c0.astype("int64")[owner] + offset // tall - left) * rows_in_area
    key += r0.astype("int64")[owner] + offset % tall - bottom
    del owner, offset, tall
    unique = np.unique(key)
    _guard_cells(len(unique) * CELL_BYTES, len(unique), size)
    return cells_at(unique // rows_in_area + left, unique % rows_in_area + bottom, size, hexagonal)


def _guard_cells(needed: float, cells: float, size: float) -> None:
    if needed > MEMORY_BUDGET:
        # cells shrink with the square of the size while the works cover whole cells
        fits = np.ceil(size * np.sqrt(needed / MEMORY_BUDGET) * 1.1 / 10.0) * 10.0
        raise RuleError("too_many_cells", int(cells), needed, MEMORY_BUDGET, float(fits))


def hexagonal_grid(bounds: tuple[float, float, float, float], size: float) -> Grid:
    """The hexagonal cells that meet `bounds`."""
    return grid_around(np.array([shapely.box(*bounds)]), size, hexagonal=True)


def guard_cell_years(cells: int, first: int, last: int, earliest: str, latest: str) -> None:
    """Refuse counting `cells` cells over the years `first` to `last` when the counts would
    not fit, naming the works that stretch the span (often a typing error in a year)."""
    needed = cells * (last - first + 2) * 8 * 4
    if needed > MEMORY_BUDGET:
        raise RuleError("too_many_years", first, last, needed, MEMORY_BUDGET, earliest, latest)


def per_cell_and_year(cell, start, end, first, cells: int, years: int) -> np.ndarray:
    """How many of the (work, cell) rows run in each cell and year: +1 in a row's first
    year, -1 after its last, summed along the years (no row × year matrix)."""
    width = years + 1
    change = np.bincount(cell * width + (start - first), minlength=cells * width)
    change -= np.bincount(cell * width + (end - first + 1), minlength=cells * width)
    return np.cumsum(change.reshape(cells, width), axis=1, dtype="int32")[:, :years]
