"""PostGIS against GeoPackage, in ONE process so the ratios hold on a shared machine:
`pg_virtualenv -t .venv/bin/python benchmarks/postgis.py 10000 20000` (a throw-away cluster;
or any database the PG* environment names, which gets the extension postgis).

For each size, the benchmark programme of run.py (the demo city tiled) is copied into a
fresh PostGIS schema, and each step runs on both databases, best of three:
- read: the analysis's read (`store.analysis.read_works`: works with the attributes the rules
  need and shapely geometries; GDAL's Arrow stream for the GeoPackage, one SELECT with
  ST_AsBinary per table for PostGIS);
- write_new: the analysis's bulk findings write into an empty findings table (every finding
  new, one transaction);
- write_again: the same findings again (all unchanged: only last_found is stamped, one
  statement per 10,000);
- pairs: the candidate pairs within 5 m, the engine's STRtree step on works in memory
  against PostGIS's ST_DWithin self-join on a GiST-indexed table of all works (the index
  timed apart), for the record of which the store should use.
Writes benchmarks/results/postgis.json and postgis.md.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
RESULTS = ROOT / "benchmarks" / "results"
TRIES = 3
DISTANCE = 5.0


def best(step, tries: int = TRIES) -> tuple[float, object]:
    """The fastest of `tries` runs (the machine is shared) and the last result."""
    times, result = [], None
    for _ in range(tries):
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    return min(times), result


def location(schema: str) -> str:
    from qgis.core import QgsDataSourceUri

    from programmakamer.store.location import postgis_location

    uri = QgsDataSourceUri()
    uri.setConnection(
        os.environ.get("PGHOST", ""),
        os.environ.get("PGPORT", "5432"),
        os.environ.get("PGDATABASE", "postgres"),
        os.environ.get("PGUSER", ""),
        os.environ.get("PGPASSWORD", ""),
    )
    return postgis_location(uri, schema)


def fresh_copies(source: Path, folder: Path) -> tuple[Path, str]:
    """The benchmark programme as a GeoPackage of its own and a new PostGIS schema."""
    from programmakamer.store.copies import copy_programme

    geopackage = folder / "{}.gpkg".format(uuid.uuid4().hex[:8])
    shutil.copy(source, geopackage)
    in_postgis = location("bench_{}".format(uuid.uuid4().hex[:8]))
    copy_programme(geopackage, in_postgis)
    return geopackage, in_postgis


def findings_of(path):
    from programmakamer.core import rules
    from programmakamer.store.analysis import (
        accepted_combinations,
        read_challenges,
        read_settings,
        read_works,
    )

    works, _ = read_works(path)
    return rules.analyse(
        works, read_settings(path), read_challenges(path), accepted_combinations(path)
    )


def write(path, findings) -> int:
    from programmakamer.store.analysis import write_findings

    report = write_findings(path, findings)  # it makes the zones polygonal: once is enough
    return report.new + report.unchanged


def postgis_pairs(in_postgis: str) -> tuple[float, float, int]:
    """Index time, join time and pair count of ST_DWithin over all works of one table."""
    from programmakamer.store.location import postgis_schema
    from programmakamer.store.postgis import sql, transaction

    composition = sql()
    schema = postgis_schema(in_postgis)
    union = composition.SQL(" UNION ALL ").join(
        composition.SQL("SELECT geom FROM {}").format(composition.Identifier(schema, t))
        for t in ("works_lines", "works_areas", "works_points")
    )
    with transaction(in_postgis) as cursor:
        cursor.execute(
            composition.SQL(
                "CREATE TEMPORARY TABLE all_works AS SELECT row_number() OVER () AS id, geom "
                "FROM ({}) u WHERE geom IS NOT NULL"
            ).format(union)
        )
        started = time.perf_counter()
        cursor.execute("CREATE INDEX ON all_works USING gist (geom)")
        cursor.execute("ANALYZE all_works")
        indexed = time.perf_counter() - started
        started = time.perf_counter()
        cursor.execute(
            "SELECT count(*) FROM all_works a JOIN all_works b "
            "ON a.id < b.id AND ST_DWithin(a.geom, b.geom, %s)",
            (DISTANCE,),
        )
        count = cursor.fetchone()[0]
        joined = time.perf_counter() - started
    return indexed, joined, count


def engine_pairs(path) -> int:
    import numpy as np

    from programmakamer.core.pairs import find_pairs
    from programmakamer.store.analysis import read_works

    works, _ = read_works(path)
    started = time.perf_counter()
    found = find_pairs(works, np.ones(len(works), dtype=bool), DISTANCE)
    engine_pairs.seconds = time.perf_counter() - started
    return len(found.left)


def measure(n: int, folder: Path) -> list[dict]:
    from run import build

    from programmakamer.store.analysis import read_works
    from programmakamer.store.postgis import drop_programme

    source = build(n)
    geopackage, in_postgis = fresh_copies(source, folder)
    rows = []
    try:

        def row(step: str, gpkg_s: float, pg_s: float, items) -> None:
            rows.append(
                {
                    "n": n,
                    "step": step,
                    "geopackage_s": round(gpkg_s, 3),
                    "postgis_s": round(pg_s, 3),
                    "ratio": round(pg_s / gpkg_s, 2),
                    "items": items,
                }
            )
            print(rows[-1], flush=True)

        gpkg_read, works = best(lambda: read_works(geopackage))
        pg_read, _ = best(lambda: read_works(in_postgis))
        row("read", gpkg_read, pg_read, len(works[0].work_id))
        findings = findings_of(geopackage)
        gpkg_new, count = best(lambda: write(geopackage, findings), 1)
        pg_new, _ = best(lambda: write(in_postgis, findings), 1)
        row("write_new", gpkg_new, pg_new, count)
        gpkg_again, _ = best(lambda: write(geopackage, findings))
        pg_again, _ = best(lambda: write(in_postgis, findings))
        row("write_again", gpkg_again, pg_again, count)
        pairs = engine_pairs(geopackage)
        indexed, joined, pg_count = postgis_pairs(in_postgis)
        row("pairs", engine_pairs.seconds, joined, "{} / {}".format(pairs, pg_count))
        rows[-1]["postgis_index_s"] = round(indexed, 3)
    finally:
        drop_programme(in_postgis)
    return rows


def ensure_postgis() -> None:
    import psycopg2

    with psycopg2.connect("") as connection, connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS postgis")


def main(sizes: list[int]) -> int:
    if not os.environ.get("PGHOST"):
        print("No database: run under pg_virtualenv -t, or set PGHOST etc.", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    ensure_postgis()
    rows = []
    with tempfile.TemporaryDirectory() as name:
        for n in sizes:
            rows += measure(n, Path(name))
    app.exitQgis()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "postgis.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    lines = [
        "| n | step | GeoPackage s | PostGIS s | PostGIS / GeoPackage | items |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            "| {n} | {step} | {geopackage_s} | {postgis_s} | {ratio} | {items} |".format(**r)
        )
    lines.append("")
    lines.append(
        "pairs: the engine's STRtree step on works in memory (GeoPackage column) against "
        "PostGIS's ST_DWithin self-join (index built apart: {} s); items: pairs found by each "
        "(the engine counts a pair once per work pair, PostGIS per row pair).".format(
            ", ".join(str(r["postgis_index_s"]) for r in rows if r["step"] == "pairs")
        )
    )
    (RESULTS / "postgis.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10_000, 20_000]))
