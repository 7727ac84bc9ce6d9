"""Import benchmark: `python benchmarks/import_delivery.py 100000`.

Generates a grid operator's shapefile of N cable works (lines of 2-4 vertices in EPSG:4326
over the demo city, text references, years, statuses, yes/no words and decimal-comma costs,
one in a thousand a row with a problem) and times, in ONE process so the ratio holds on a
shared machine:
- baseline: a plain ogr2ogr copy of the same file into a GeoPackage, reprojected to RD New
  (gdal.VectorTranslate): reading, transforming and writing every feature, nothing checked;
- import: read_source + check_source + plan_delivery + write_delivery into a programme
  (every value read as text and interpreted, geometries validated and placed, one
  transaction);
- reimport: the same delivery again (every work matched by reference and compared, nothing
  to write).
Writes benchmarks/results/import.json and import.md.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"


def make_shapefile(target: Path, n: int) -> None:
    from osgeo import ogr, osr

    rd, wgs = osr.SpatialReference(), osr.SpatialReference()
    rd.ImportFromEPSG(28992)
    wgs.ImportFromEPSG(4326)
    for reference in (rd, wgs):
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_wgs = osr.CoordinateTransformation(rd, wgs)
    data = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(target))
    layer = data.CreateLayer(target.stem, wgs, ogr.wkbLineString, ["ENCODING=UTF-8"])
    for name in ("KENMERK", "OMSCHR", "STARTJAAR", "EIND", "STATUS", "GRAAFT", "KOSTEN"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    statuses = ("gepland", "in voorbereiding", "Vastgesteld", "idee")
    chance = random.Random(12)
    layer.StartTransaction()
    for i in range(n):
        x = 154000 + chance.random() * 2300
        y = 462000 + chance.random() * 2300
        points = [(x + 40 * k, y + chance.uniform(-20, 20)) for k in range(chance.randint(2, 4))]
        moved = to_wgs.TransformPoints(points)
        shape = ogr.Geometry(ogr.wkbLineString)
        for px, py, _ in moved:
            shape.AddPoint_2D(px, py)
        feature = ogr.Feature(layer.GetLayerDefn())
        year = 2027 + i % 6
        feature.SetField("KENMERK", "{:07d}".format(i))
        feature.SetField("OMSCHR", "Kabelvervanging tracé {}".format(i))
        feature.SetField("STARTJAAR", str(year) if i % 1000 else "volgend jaar")
        feature.SetField("EIND", "31-12-{}".format(year + i % 2))
        feature.SetField("STATUS", statuses[i % len(statuses)])
        feature.SetField("GRAAFT", "ja" if i % 3 else "nee")
        feature.SetField("KOSTEN", "{},{:02d}".format(1000 + i % 90000, i % 100))
        feature.SetGeometry(shape)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    data = None


def baseline(source: Path, folder: Path) -> float:
    from osgeo import gdal

    target = folder / "ogr2ogr.gpkg"
    start = time.perf_counter()
    copy = gdal.VectorTranslate(
        str(target), str(source), format="GPKG", dstSRS="EPSG:28992", reproject=True
    )
    del copy  # closing the dataset completes the copy
    return time.perf_counter() - start


def programme(folder: Path) -> Path:
    from programmakamer.core.demo import generate_demo_city
    from programmakamer.core.schema import NEIGHBOURHOODS
    from programmakamer.store import programme as store

    city = generate_demo_city()
    path = folder / "programme.gpkg"
    store.create_programme(
        path, city.name, city.municipality, city.reference_year, stakeholders=city.stakeholders
    )
    store.write_records(path, NEIGHBOURHOODS, city.neighbourhoods)
    return path


def import_once(path: Path, source: Path) -> dict:
    from programmakamer.core.delivery import DeliveryMapping
    from programmakamer.store import delivery

    mapping = DeliveryMapping.from_json(
        json.dumps(
            {
                "stakeholder_id": 6,
                "fields": {
                    "external_ref": "KENMERK",
                    "title": "OMSCHR",
                    "planned_start": "STARTJAAR",
                    "planned_end": "EIND",
                    "status": "STATUS",
                    "opens_ground": "GRAAFT",
                    "cost_estimate": "KOSTEN",
                },
            }
        )
    )
    times = {}
    start = time.perf_counter()
    table = delivery.read_source(source)
    times["read"] = time.perf_counter() - start
    report = delivery.check_source(path, table, mapping)
    times["check"] = time.perf_counter() - start - sum(times.values())
    plan = delivery.plan_delivery(path, report)
    times["plan"] = time.perf_counter() - start - sum(times.values())
    if not plan.empty:
        delivery.write_delivery(path, report, plan, mapping)
    times["write"] = time.perf_counter() - start - sum(times.values())
    times["total"] = time.perf_counter() - start
    times["valid"] = report.valid
    times["problems"] = report.rows_with_problems
    times["added"] = len(plan.added)
    times["unchanged"] = plan.unchanged
    return times


def main(sizes: list[int]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            source = folder / "netbeheerder.shp"
            make_shapefile(source, n)
            base = baseline(source, folder)
            path = programme(folder)
            first = import_once(path, source)
            again = import_once(path, source)
            for method, figures in (("import", first), ("reimport", again)):
                rows.append(
                    {
                        "n": n,
                        "method": method,
                        "baseline_s": round(base, 2),
                        **{
                            k: round(v, 2) if isinstance(v, float) else v
                            for k, v in figures.items()
                        },
                        "ratio": round(figures["total"] / base, 1),
                    }
                )
                print(rows[-1], flush=True)
    app.exitQgis()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "import.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    lines = [
        "| n | method | ogr2ogr s | total s | × ogr2ogr | read | check | plan | write | valid |"
        " problems | added | unchanged |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            "| {n} | {method} | {baseline_s} | {total} | {ratio} | {read} | {check} | {plan} |"
            " {write} | {valid} | {problems} | {added} | {unchanged} |".format(**r)
        )
    (RESULTS / "import.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [100_000]))
