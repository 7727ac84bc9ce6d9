"""Performance harness: `make bench` (or `python benchmarks/run.py 10000 100000`).

Builds city-like programmes of N works by tiling the demo city (lines, areas and points at
the demo's density), stored in a real GeoPackage, and times each method in a fresh process
so `peak_mib` is that method's own. Figures are reported as ratios against the read floor
measured in the same run, because these machines are shared and noisy.

Methods so far:
- read_floor: every work feature read through QGIS and converted to shapely once (WKB, bulk);
- assign_horizons: the whole `assignhorizons` job from GeoPackage to committed horizons,
  with a reference year that moves most works (`items` = works moved).
The detection engine's methods (pair_search, analyse_programme and the GeoPandas and
QGIS-native baselines) are added with that engine.
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
METHODS = ("read_floor", "assign_horizons")


def programme_path(n: int) -> Path:
    return DATA / "programme-{}.gpkg".format(n)


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
    import shapely

    from programmakamer.core.schema import WORK_TABLES
    from programmakamer.store.programme import table_layer

    count = 0
    for table in WORK_TABLES:
        layer = table_layer(path, table.name)
        wkb = [bytes(f.geometry().asWkb()) for f in layer.getFeatures()]
        count += len(shapely.from_wkb(wkb))
    return count


def assign_horizons(path: Path) -> int:
    """Shift the reference year by two, so most works really move (and are written)."""
    from programmakamer.store.programme import assign_horizons as assign

    return assign(path, reference_year=2029).moved


def _prepare(method: str, path: Path) -> None:
    if method == "assign_horizons":
        from programmakamer.store.programme import assign_horizons as assign

        assign(path, reference_year=2027)


def measure(n: int, method: str) -> dict:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    path = build(n)
    _prepare(method, path)
    started = time.perf_counter()
    items = {"read_floor": read_floor, "assign_horizons": assign_horizons}[method](path)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "n": n,
        "method": method,
        "seconds": round(seconds, 3),
        "pairs": None,
        "items": items,
        "peak_mib": round(peak, 1),
    }


def main(sizes: list[int]) -> int:
    records = []
    for n in sizes:
        for method in METHODS:
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
    (RESULTS / "results.json").write_text(json.dumps(records, indent=1) + "\n")
    floor = {r["n"]: r["seconds"] for r in records if r["method"] == "read_floor"}
    lines = ["| n | method | seconds | × read floor | peak MiB |", "|---|---|---|---|---|"]
    for r in records:
        lines.append(
            "| {} | {} | {:.2f} | {:.2f} | {:.0f} |".format(
                r["n"], r["method"], r["seconds"], r["seconds"] / floor[r["n"]], r["peak_mib"]
            )
        )
    (RESULTS / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]), sys.argv[3])))
        sys.exit(0)
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10_000, 100_000]))
