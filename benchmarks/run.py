"""Performance harness: `make bench` (or `python benchmarks/run.py 10000 100000`).

Builds city-like programmes of N works by tiling the demo city (lines, areas and points at
the demo's density), stored in a real GeoPackage, and times each method in a fresh process
so `peak_mib` is that method's own. Figures are reported as ratios against the read floor
measured in the same run, because these machines are shared and noisy.

Methods:
- read_floor: every work read through QGIS with the attributes the rules need, geometry
  converted to shapely once (WKB, bulk): what any analysis from the GeoPackage must do;
- pair_search: the engine's candidate pairs within 5 m (one STRtree dwithin query), on
  works already read;
- geopandas_sjoin: the same pairs with GeoPandas `sjoin(predicate="dwithin")`, the baseline
  for the pair step;
- analyse_programme: the whole `analyseprogramme` (all rules) from GeoPackage to written
  findings;
- reanalyse_programme: the same again on the analysed programme (the Re-analyse button):
  only changed findings are rewritten.
- qgis_native: what a specialist does today through QGIS Processing: buffer each works
  layer by 2.5 m, merge the buffers, join attributes by location (intersects) with itself;
  only for n <= QGIS_NATIVE_MAX (it is slow);
- qgis_native_indexed: the same with a spatial index on the merged buffers before the join
  (QGIS warns that the join is slow without one): what a careful specialist does;
- assign_horizons: the whole `assignhorizons` job, with a reference year that moves most
  works (`items` = works moved);
- export_pdf: the programme map, four A3 pages at 150 dpi, PDF and PNGs (n <= EXPORT_MAX);
- panel_open / panel_filter: the chamber's panel reading a programme, and the slowest of
  eleven search and filter changes (n in PANEL_SIZES).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
METHODS = (
    "read_floor",
    "pair_search",
    "geopandas_sjoin",
    "analyse_programme",
    "reanalyse_programme",
    "qgis_native",
    "qgis_native_indexed",
    "assign_horizons",
    "export_pdf",
    "panel_open",
    "panel_filter",
)
PANEL_SIZES = (10_000, 50_000)
QGIS_NATIVE_MAX = 20_000
EXPORT_MAX = 10_000
DISTANCE = 5.0


def programme_path(n: int) -> Path:
    """Named by size and schema: a change of the schema builds the data again, so no
    benchmark runs on tables an older version made."""
    import hashlib

    from programmakamer.core.schema import TABLES

    schema = hashlib.sha1(repr(TABLES).encode("utf-8")).hexdigest()[:8]
    return DATA / "programme-{}-{}.gpkg".format(n, schema)


def build(n: int) -> Path:
    """A programme of about n works: the demo city repeated on a grid of tiles."""
    import shapely

    from programmakamer.core.demo import generate_demo_city
    from programmakamer.store import programme as store

    path = programme_path(n)
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    city = generate_demo_city()
    tiles = -(-n // len(city.works))
    side = int(tiles**0.5) + 1
    works = []
    for tile in range(tiles):
        dx, dy = (tile % side) * 2600.0, (tile // side) * 2600.0
        for work in city.works:
            if len(works) == n:
                break
            works.append(
                {
                    **work,
                    "work_id": "T{}-{}".format(tile, work["work_id"]),
                    "geometry": shapely.transform(
                        work["geometry"], lambda xy, a=dx, b=dy: xy + (a, b)
                    ),
                }
            )
    partial = path.with_suffix(".part.gpkg")
    store.create_programme(
        partial,
        "Benchmark",
        "Benchmark",
        city.reference_year,
        stakeholders=city.stakeholders,
        overwrite=True,
    )
    store.write_works(partial, works)
    partial.rename(path)
    return path


def read_floor(path: Path) -> int:
    """Every work read through QGIS, with the attributes any analysis needs, and its
    geometry converted to shapely once: the least an analysis from a GeoPackage must do."""
    import shapely
    from qgis.core import QgsFeatureRequest

    from programmakamer.core.schema import WORK_TABLES
    from programmakamer.store.analysis import WORK_ATTRIBUTES
    from programmakamer.store.programme import table_layer

    count = 0
    for table in WORK_TABLES:
        layer = table_layer(path, table.name)
        indexes = [layer.fields().indexOf(n) for n in WORK_ATTRIBUTES]
        request = QgsFeatureRequest().setSubsetOfAttributes(indexes)
        rows, wkb = [], []
        for feature in layer.getFeatures(request):
            rows.append([feature.attribute(i) for i in indexes])
            wkb.append(bytes(feature.geometry().asWkb()))
        count += len(shapely.from_wkb(wkb))
    return count


def _works(path: Path):
    from programmakamer.store.analysis import read_works

    return read_works(path)[0]


def pair_search(path: Path, works=None) -> int:
    import numpy as np

    from programmakamer.core.pairs import find_pairs

    return len(find_pairs(works, np.ones(len(works), dtype=bool), DISTANCE).left)


def geopandas_sjoin(path: Path, works=None) -> int:
    import geopandas

    frame = geopandas.GeoDataFrame({"work": works.work_index}, geometry=works.geometry)
    started = time.perf_counter()
    joined = geopandas.sjoin(frame, frame, predicate="dwithin", distance=DISTANCE)
    pairs = joined[
        (joined.index < joined["index_right"]) & (joined["work_left"] != joined["work_right"])
    ]
    _SJOIN_ONLY[0] = time.perf_counter() - started
    return len(pairs)


_SJOIN_ONLY = [0.0]


def analyse_programme(path: Path) -> int:
    from programmakamer.store.analysis import analyse_programme as analyse

    return sum(analyse(path).counts.values())


def reanalyse_programme(path: Path) -> int:
    """The analysis again on an analysed programme, as the Re-analyse button does."""
    return analyse_programme(path)


def qgis_native(path: Path, indexed: bool = False) -> int:
    """What a specialist does by hand: buffer each works layer by half the distance, merge
    the buffers into one layer (lines meet areas and points too) and join that layer with
    itself by intersection: the footprint pairs within the distance."""
    import processing

    buffers = [
        processing.run(
            "native:buffer",
            {
                "INPUT": "{}|layername={}".format(path, table),
                "DISTANCE": DISTANCE / 2,
                "SEGMENTS": 5,
                "OUTPUT": "memory:",
            },
        )["OUTPUT"]
        for table in ("works_lines", "works_areas", "works_points")
    ]
    merged = processing.run("native:mergevectorlayers", {"LAYERS": buffers, "OUTPUT": "memory:"})[
        "OUTPUT"
    ]
    if indexed:
        processing.run("native:createspatialindex", {"INPUT": merged})
    joined = processing.run(
        "native:joinattributesbylocation",
        {
            "INPUT": merged,
            "JOIN": merged,
            "PREDICATE": [0],
            "METHOD": 0,
            "DISCARD_NONMATCHING": True,
            "PREFIX": "b_",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    return joined.featureCount()


def qgis_native_indexed(path: Path) -> int:
    return qgis_native(path, indexed=True)


def export_pdf(path: Path) -> int:
    """The whole programme map (4 A3 pages) as PDF at 150 dpi, layout building included."""
    import tempfile

    from qgis.core import QgsProject

    from programmakamer.export.export_set import ExportSet
    from programmakamer.export.programme_map import build_programme_layout, export_programme_map
    from programmakamer.store.layers import open_programme

    project = QgsProject()
    open_programme(project, path)
    layout = build_programme_layout(project, str(path.absolute()))
    with ExportSet(tempfile.mkdtemp()) as files:
        pages = export_programme_map(layout, files, dpi=150).pages
        files.commit()
    return pages


class _Iface:
    """The little of QGIS's iface the panel needs, for a headless measurement."""

    def __init__(self):
        from qgis.gui import QgsMapCanvas, QgsMessageBar
        from qgis.PyQt.QtWidgets import QMainWindow

        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.bar = QgsMessageBar(self.window)

    def mainWindow(self):  # noqa: N802
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self.bar


def _panel(path: Path):
    from qgis.core import QgsProject

    from programmakamer.store.layers import open_programme
    from programmakamer.ui.dock import ProgrammeDock

    open_programme(QgsProject.instance(), path)
    iface = _Iface()
    return ProgrammeDock(iface, iface.window)


def panel_open(path: Path) -> int:
    """Opening the panel on a programme: reading the works and findings into the models."""
    panel = _panel(path)
    started = time.perf_counter()
    panel.set_programme(str(path.absolute()))
    _PANEL_ONLY[0] = time.perf_counter() - started
    return panel.works.rowCount()


def panel_filter(path: Path) -> int:
    """The slowest of ten filter and search changes, as typed in a session."""
    from qgis.core import QgsApplication

    panel = _panel(path)
    panel.set_programme(str(path.absolute()))
    QgsApplication.processEvents()  # what the panel does when idle after opening
    slowest = 0.0
    for text in ("r", "ri", "rio", "riool", "", "kerk", "", "straat", "weg", ""):
        started = time.perf_counter()
        panel.works_tab.search_edit.setText(text)
        slowest = max(slowest, time.perf_counter() - started)
    started = time.perf_counter()
    panel.works_tab.horizon_filter.setCurrentIndex(2)
    slowest = max(slowest, time.perf_counter() - started)
    _PANEL_ONLY[0] = slowest
    return panel.works_tab.works_filter.rowCount()


_PANEL_ONLY = [0.0]


def assign_horizons(path: Path) -> int:
    """Shift the reference year by two, so most works really move (and are written)."""
    from programmakamer.store.programme import assign_horizons as assign

    return assign(path, reference_year=2029).moved


def _prepare(method: str, path: Path) -> None:
    """Untimed: what a running QGIS has done already (the plugin's modules imported,
    Processing initialised), and the state a method starts from."""
    import programmakamer.store.analysis  # noqa: F401
    import programmakamer.store.programme  # noqa: F401

    if method.startswith("qgis_native"):
        from processing.core.Processing import Processing

        Processing.initialize()
    if method == "reanalyse_programme":
        analyse_programme(path)  # the first analysis, not timed
    if method == "assign_horizons":
        from programmakamer.store.programme import assign_horizons as assign

        assign(path, reference_year=2027)


def measure(n: int, method: str) -> dict:
    from qgis.core import QgsApplication

    sys.path.append("/usr/share/qgis/python/plugins")  # Processing, for qgis_native
    app = QgsApplication([], method.startswith("panel"))  # widgets need the GUI
    app.initQgis()
    path = build(n)
    if method in ("analyse_programme", "reanalyse_programme"):
        path = _copy(path)  # findings are written: keep the benchmark data as it was
    _prepare(method, path)
    works = _works(path) if method in ("pair_search", "geopandas_sjoin") else None
    function = globals()[method]
    started = time.perf_counter()
    items = function(path, works) if works is not None else function(path)
    seconds = time.perf_counter() - started
    if method == "geopandas_sjoin":
        seconds = _SJOIN_ONLY[0]  # the join itself, not building the GeoDataFrame
    if method.startswith("panel"):
        seconds = _PANEL_ONLY[0]  # the panel's own work, not opening the layers
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pairs = items if method in ("pair_search", "geopandas_sjoin") or "native" in method else None
    return {
        "n": n,
        "method": method,
        "seconds": round(seconds, 3),
        "pairs": pairs,
        "items": items,
        "peak_mib": round(peak, 1),
    }


def _copy(path: Path) -> Path:
    import shutil
    import tempfile

    target = Path(tempfile.mkdtemp()) / path.name
    shutil.copy(path, target)
    return target


def main(sizes: list[int]) -> int:
    records = []
    for n in sizes:
        for method in METHODS:
            if method.startswith("qgis_native") and n > QGIS_NATIVE_MAX:
                continue
            if method == "export_pdf" and n > EXPORT_MAX:
                continue
            if method.startswith("panel") and n not in PANEL_SIZES:
                continue
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(n), method],
                capture_output=True,
                text=True,
                check=True,
            )
            record = json.loads(out.stdout.strip().splitlines()[-1])
            records.append(record)
            print(record, flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    # keep earlier sizes: the 1M run is long and done on its own
    earlier = RESULTS / "results.json"
    if earlier.exists():
        kept = [r for r in json.loads(earlier.read_text()) if r["n"] not in sizes]
        records = sorted(kept + records, key=lambda r: (r["n"], METHODS.index(r["method"])))
    (RESULTS / "results.json").write_text(json.dumps(records, indent=1) + "\n")
    floor = {r["n"]: r["seconds"] for r in records if r["method"] == "read_floor"}
    lines = [
        "| n | method | seconds | × read floor | pairs | peak MiB |",
        "|---|---|---|---|---|---|",
    ]
    for r in records:
        lines.append(
            "| {} | {} | {:.2f} | {:.2f} | {} | {:.0f} |".format(
                r["n"],
                r["method"],
                r["seconds"],
                r["seconds"] / floor[r["n"]],
                "" if r["pairs"] is None else r["pairs"],
                r["peak_mib"],
            )
        )
    by = {(r["n"], r["method"]): r["seconds"] for r in records}
    lines.append("")
    for n in sorted(floor):
        if (n, "geopandas_sjoin") in by:
            lines.append(
                "- n={}: pair_search is {:.1f}× faster than geopandas_sjoin".format(
                    n, by[(n, "geopandas_sjoin")] / by[(n, "pair_search")]
                )
            )
        for native in ("qgis_native", "qgis_native_indexed"):
            if (n, native) in by:
                lines.append(
                    "- n={}: analyse_programme is {:.1f}× faster than {}".format(
                        n, by[(n, native)] / by[(n, "analyse_programme")], native
                    )
                )
    (RESULTS / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]), sys.argv[3])))
        sys.exit(0)
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10_000, 20_000, 100_000]))
