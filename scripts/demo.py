"""The main job on the embedded default: build the demo city, analyse it, draw it.

Run through `make demo`; writes out/demo/programme.gpkg, programme.qgz,
programmakaart.pdf, programmakaart-N.png, programma.xlsx and CSV files.
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
    from programmakamer.export.export_set import export_board_memo
    from programmakamer.export.programme_map import PAGES, build_programme_layout
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
    accepted = record_demo_decisions(gpkg, city)
    analysis = analyse_programme(gpkg)  # again: accepted chances are no conflicts any more
    print("  the chamber accepted {} dig-once chances".format(accepted))
    print(
        "  findings: "
        + ", ".join("{} {}".format(n, kind) for kind, n in sorted(analysis.counts.items()))
    )
    project = QgsProject.instance()
    open_programme(project, gpkg)
    project.write(str(out / "programme.qgz"))
    layout = build_programme_layout(
        project, str(gpkg.absolute()), pages=PAGES + ("neighbourhoods",)
    )
    exported = export_board_memo(layout, gpkg, out, dpi=120)
    project.write(str(out / "programme.qgz"))  # again: now with the layout
    print(
        "map: {} ({} pages) and {} page images".format(
            exported.pdf, exported.pages, len(exported.pngs)
        )
    )
    print("tables: {} and CSV".format(exported.workbook))
    print("done in {:.1f} s".format(time.perf_counter() - started))
    return 0


def record_demo_decisions(gpkg: Path, city) -> int:
    """The chamber accepts the grid + sewer chances of the first six planted streets."""
    from datetime import datetime

    from programmakamer.core.findings import stable_id
    from programmakamer.core.schema import DECISIONS
    from programmakamer.store import programme as store

    decisions = []
    for grid, sewer, _road in city.planted["combine"][:6]:
        a, b = sorted((grid, sewer))
        decisions.append(
            {
                "finding_id": stable_id("combine", a, b, ""),
                "verdict": "accepted",
                "decision_text": "Netverzwaring en rioolvervanging samen uitvoeren",
                "action_holder": "Netbeheerder Elektriciteit",
                "decided_by": "Programmakamer",
                "decided_at": datetime(city.reference_year - 1, 11, 12, 14, 30),
            }
        )
    return store.write_records(gpkg, DECISIONS, decisions)


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    code = main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "demo")
    app.exitQgis()
    sys.exit(code)
