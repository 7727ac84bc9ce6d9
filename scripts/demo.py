"""The main job on the embedded default: build the demo city, analyse it, draw it.

Run through `make demo`; writes out/demo/programme.gpkg, programme.qgz and
programmakaart.png.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsProject

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(out: Path) -> int:
    from programmakamer.core.demo import generate_demo_city
    from programmakamer.core.schema import CHALLENGES, NEIGHBOURHOODS, STREETS
    from programmakamer.export.overview_map import export_overview_png
    from programmakamer.store import programme as store
    from programmakamer.store.analysis import analyse_programme
    from programmakamer.store.layers import open_programme

    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    gpkg = out / "programme.gpkg"
    city = generate_demo_city()
    store.create_programme(
        gpkg,
        city.name,
        city.municipality,
        city.reference_year,
        stakeholders=city.stakeholders,
        overwrite=True,
    )
    store.write_records(gpkg, STREETS, city.streets)
    store.write_records(gpkg, NEIGHBOURHOODS, city.neighbourhoods)
    store.write_records(gpkg, CHALLENGES, city.challenges)
    store.write_works(gpkg, city.works)
    report = store.assign_horizons(gpkg)
    print("programme: {}".format(gpkg))
    print(
        "  {} streets, {} neighbourhoods, {} stakeholders, {} challenges, {} work features".format(
            len(city.streets),
            len(city.neighbourhoods),
            len(city.stakeholders),
            len(city.challenges),
            len(city.works),
        )
    )
    print("  horizons assigned: {} works, {} got a horizon".format(report.total, report.moved))
    analysis = analyse_programme(gpkg)
    print(
        "  findings: "
        + ", ".join("{} {}".format(n, kind) for kind, n in sorted(analysis.counts.items()))
    )
    project = QgsProject.instance()
    open_programme(project, gpkg)
    project.write(str(out / "programme.qgz"))
    png = export_overview_png(project, str(gpkg), out / "programmakaart.png")
    print("map: {}".format(png))
    print("done in {:.1f} s".format(time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    code = main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "demo")
    app.exitQgis()
    sys.exit(code)
