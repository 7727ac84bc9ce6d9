"""PostGIS against GeoPackage, in ONE process so the ratios hold on a shared machine:
`pg_virtualenv -t .venv/bin/python benchmarks/postgis.py 10000 100000 1000000` (a throw-away
cluster; or any database the PG* environment names, which gets the extension postgis).

For each size, the benchmark programme of run.py (the demo city tiled) is copied into a
fresh PostGIS schema, and each step runs on both databases, best of three (one try from a
million works on: the table says how many):
- read: the analysis's read (`store.analysis.read_works`: works with the attributes the rules
  need and shapely geometries; GDAL's Arrow stream for the GeoPackage, one SELECT with
  ST_AsBinary per table for PostGIS);
- write_new: the analysis's findings write into an empty findings table (every finding
  new, one transaction); for PostGIS both the store's way (the stored findings read in one
  SELECT, the new ones written in one INSERT from one JSON text) and, as the baseline, the
  way it wrote before (the stored findings read as QGIS features, the new ones written
  through the provider's calls, a statement per finding);
- write_again: the same findings again (all unchanged: the stored findings read and
  compared, last_found stamped in one statement), both ways in PostGIS;
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
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
RESULTS = ROOT / "benchmarks" / "results"
TRIES = 3
#: From this size on each step runs once: a try takes minutes.
ONCE_FROM = 1_000_000
DISTANCE = 5.0


def best(step, tries: int = TRIES, before=None) -> tuple[float, object]:
    """The fastest of `tries` runs (the machine is shared) and the last result; `before()`
    runs untimed ahead of each."""
    times, result = [], None
    for _ in range(tries):
        if before is not None:
            before()
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


@contextmanager
def provider_calls():
    """The store's PostGIS findings write as it was before the bulk statements, the
    baseline: the stored findings read as the provider's features, the merge written
    through QGIS's provider calls (a statement per finding)."""
    from programmakamer.store import analysis
    from programmakamer.store.columns import read_columns

    bulk = analysis._stored_findings, analysis._write_statements
    analysis._stored_findings = lambda layer, path: read_columns(
        layer, analysis._COMPARED + ["state"], geometry=True
    )
    analysis._write_statements = analysis._write_features
    try:
        yield
    finally:
        analysis._stored_findings, analysis._write_statements = bulk


def emptied(path) -> None:
    """No findings left in a programme, for the next write of all-new findings."""
    from osgeo import gdal

    from programmakamer.store.location import is_postgis, postgis_schema
    from programmakamer.store.postgis import sql, transaction

    if is_postgis(path):
        composition = sql()
        with transaction(path) as cursor:
            cursor.execute(
                composition.SQL("TRUNCATE {}").format(
                    composition.Identifier(postgis_schema(path), "findings")
                )
            )
        return
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL("DELETE FROM findings")
    dataset = None


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

    tries = 1 if n >= ONCE_FROM else TRIES
    source = build(n)
    started = time.perf_counter()
    geopackage, in_postgis = fresh_copies(source, folder)
    print("{} works copied to PostGIS in {:.1f} s".format(n, time.perf_counter() - started))
    rows = []
    try:

        def row(step: str, gpkg_s: float, pg_s: float, items, baseline_s=None) -> None:
            rows.append(
                {
                    "n": n,
                    "step": step,
                    "tries": tries,
                    "geopackage_s": round(gpkg_s, 3),
                    "postgis_s": round(pg_s, 3),
                    "ratio": round(pg_s / gpkg_s, 2),
                    "postgis_baseline_s": None if baseline_s is None else round(baseline_s, 3),
                    "baseline_ratio": None if baseline_s is None else round(pg_s / baseline_s, 2),
                    "items": items,
                }
            )
            print(rows[-1], flush=True)

        gpkg_read, works = best(lambda: read_works(geopackage), tries)
        pg_read, _ = best(lambda: read_works(in_postgis), tries)
        row("read", gpkg_read, pg_read, len(works[0].work_id))
        findings = findings_of(geopackage)

        def new(path):
            return best(lambda: write(path, findings), tries, lambda: emptied(path))

        gpkg_new, count = new(geopackage)
        with provider_calls():
            pg_provider_new, _ = new(in_postgis)
        pg_new, _ = new(in_postgis)
        row("write_new", gpkg_new, pg_new, count, pg_provider_new)
        gpkg_again, _ = best(lambda: write(geopackage, findings), tries)
        with provider_calls():
            pg_provider_again, _ = best(lambda: write(in_postgis, findings), tries)
        pg_again, _ = best(lambda: write(in_postgis, findings), tries)
        row("write_again", gpkg_again, pg_again, count, pg_provider_again)
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


@contextmanager
def qgis_with_postgis():
    """QGIS started and a database with PostGIS, as the PostGIS benchmarks need them; None
    when no database is named (say how to run it)."""
    if not os.environ.get("PGHOST"):
        print("No database: run under pg_virtualenv -t, or set PGHOST etc.", file=sys.stderr)
        yield None
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        ensure_postgis()
        yield app
    finally:
        app.exitQgis()


def main(sizes: list[int]) -> int:
    rows = []
    with qgis_with_postgis() as app:
        if app is None:
            return 2
        with tempfile.TemporaryDirectory() as name:
            for n in sizes:
                rows += measure(n, Path(name))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "postgis.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    (RESULTS / "postgis.md").write_text(table(rows), encoding="utf-8")
    return 0


def table(rows: list[dict]) -> str:
    lines = [
        "| n | step | tries | GeoPackage s | PostGIS s | PostGIS / GeoPackage "
        "| PostGIS baseline s | PostGIS / baseline | items |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            "| {n} | {step} | {tries} | {geopackage_s} | {postgis_s} | {ratio} | {baseline} "
            "| {baseline_ratio} | {items} |".format(
                **{
                    **r,
                    "baseline": r["postgis_baseline_s"] or "-",
                    "baseline_ratio": r["baseline_ratio"] or "-",
                }
            )
        )
    lines += [
        "",
        "tries: best of that many runs (one from a million works on). write_new, write_again: "
        "PostGIS s is the store's write (the stored findings read in one SELECT, the new "
        "findings in one INSERT and the changed ones in one UPDATE, per 100,000 findings, from "
        "one JSON text staged in a temporary table); the baseline, in the same process, is "
        "the write as the store made it before (the stored findings read as QGIS features, "
        "written through the provider's calls: a statement per finding); items: findings. "
        "write_again finds every finding unchanged (only last_found is stamped, in one "
        "statement both ways): it measures the read and comparison of the stored findings.",
        "",
        "pairs: the engine's STRtree step on works in memory (GeoPackage column) against "
        "PostGIS's ST_DWithin self-join (index built apart: {} s); items: pairs found by each "
        "(the engine counts a pair once per work pair, PostGIS per row pair).".format(
            ", ".join(str(r["postgis_index_s"]) for r in rows if r["step"] == "pairs")
        ),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]))
