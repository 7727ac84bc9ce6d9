"""What the version and history triggers of a shared programme cost a bulk UPDATE, in ONE
process so the ratio holds on a shared machine:
`pg_virtualenv -t .venv/bin/python benchmarks/postgis_triggers.py [n]` (or any database the
PG* environment names).

The benchmark programme of run.py (the demo city tiled to n works, default 20,000) is copied
into a fresh PostGIS schema; one UPDATE of every line work's description then runs with the
programme's triggers and, as the baseline, with the table's user triggers disabled (the bare
write), interleaved, best of three each. The history grows by one row per work and round,
so a trigger whose cost grows with the history shows it. Prints the figures and writes
benchmarks/results/postgis_triggers.md.
"""

from __future__ import annotations

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
ROUNDS = 3


def measure(n: int, location) -> tuple[dict[str, list[float]], int]:
    """The UPDATE's times both ways, interleaved, and the number of line works."""
    import psycopg2
    from psycopg2 import sql
    from run import build

    from programmakamer.store.copies import copy_programme
    from programmakamer.store.postgis import drop_programme

    schema = "bench_{}".format(uuid.uuid4().hex[:8])
    in_postgis = location(schema)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "programme.gpkg"
        shutil.copy(build(n), copy)
        copy_programme(copy, in_postgis)
    works = sql.Identifier(schema, "works_lines")
    connection = psycopg2.connect("")
    connection.autocommit = True
    times: dict[str, list[float]] = {"triggers": [], "bare": []}
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(works))
            rows = cursor.fetchone()[0]
            for _ in range(ROUNDS):
                for way in ("triggers", "bare"):
                    switch = "ENABLE" if way == "triggers" else "DISABLE"
                    cursor.execute(
                        sql.SQL("ALTER TABLE {} {} TRIGGER USER").format(works, sql.SQL(switch))
                    )
                    started = time.perf_counter()
                    cursor.execute(
                        sql.SQL(
                            "UPDATE {} SET description = coalesce(description, '') || 'x'"
                        ).format(works)
                    )
                    times[way].append(time.perf_counter() - started)
    finally:
        connection.close()
        drop_programme(in_postgis)
    return times, rows


def main(n: int) -> int:
    from postgis import location, qgis_with_postgis

    with qgis_with_postgis() as app:
        if app is None:
            return 2
        times, rows = measure(n, location)
    best = {way: min(each) for way, each in times.items()}
    lines = [
        "| line works | with triggers s | bare UPDATE s | ratio | rounds (triggers / bare) |",
        "|---|---|---|---|---|",
        "| {} | {:.3f} | {:.3f} | {:.2f} | {} / {} |".format(
            rows,
            best["triggers"],
            best["bare"],
            best["triggers"] / best["bare"],
            ", ".join("{:.2f}".format(t) for t in times["triggers"]),
            ", ".join("{:.2f}".format(t) for t in times["bare"]),
        ),
    ]
    print("\n".join(lines))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "postgis_triggers.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
