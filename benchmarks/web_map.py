"""Web map benchmark: `python benchmarks/web_map.py [50000]`.

Publishes a programme of N works (benchmarks/run.py's tiled demo city, analysed, with
its findings) and opens it in Debian's headless Chromium. Each figure comes with a
baseline measured in the same process, because these machines are shared and noisy:

- publish: publish_programme in QGIS, against the read floor (the works and their
  geometries read from the GeoPackage, which any publication must do);
- open: from navigation to the map drawn and the filters ready (file://), against the
  same page with the demo city (339 works); the findings, read after that, separately;
- filter: a stakeholder, a horizon (a narrow and a wide one), a year, a search and back,
  each change redrawn synchronously, against a redraw with nothing changed;
- style: the switch to colours by stakeholder and back;
- card: a click on a work until its card is shown and the selection drawn.

Figures go to benchmarks/results/web_map.json and .md.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
RESULTS = ROOT / "benchmarks" / "results"
DEMO = ROOT / "benchmarks" / "data" / "web-demo.gpkg"

#: Filter changes as a reader makes them: (control, value); "" is back to everything.
CHANGES = (
    ("stakeholder", "5"),
    ("stakeholder", "-1"),
    ("horizon", "short"),
    ("horizon", ""),
    ("horizon", "long"),
    ("horizon", ""),
    ("year", "3"),
    ("year", "4"),
    ("year", "0"),
    ("search", "straat"),
    ("search", ""),
)


def analysed_copy(n: int) -> Path:
    """benchmarks/run.py's programme of n works with horizons, analysed, in a copy of its
    own."""
    import run

    from programmakamer.store.analysis import analyse_programme
    from programmakamer.store.programme import assign_horizons

    target = run.DATA / "web-{}-horizons.gpkg".format(n)
    if not target.exists():
        partial = Path(tempfile.mkdtemp()) / target.name
        shutil.copy(run.build(n), partial)
        assign_horizons(partial)
        analyse_programme(partial)
        shutil.move(partial, target)
    return target


def demo_programme() -> Path:
    """The demo city with its streets and neighbourhoods, analysed: the baseline page."""
    if DEMO.exists():
        return DEMO
    from programmakamer.core.demo import generate_demo_city
    from programmakamer.core.schema import CHALLENGES, NEIGHBOURHOODS, STREETS
    from programmakamer.store import programme as store
    from programmakamer.store.analysis import analyse_programme

    city = generate_demo_city()
    partial = Path(tempfile.mkdtemp()) / DEMO.name
    store.create_programme(
        partial, city.name, city.municipality, city.reference_year, stakeholders=city.stakeholders
    )
    store.write_records(partial, STREETS, city.streets)
    store.write_records(partial, NEIGHBOURHOODS, city.neighbourhoods)
    store.write_records(partial, CHALLENGES, city.challenges)
    store.write_works(partial, city.works)
    store.assign_horizons(partial)
    analyse_programme(partial)
    DEMO.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(partial, DEMO)
    return DEMO


def read_floor(path: Path) -> float:
    from programmakamer.core.schema import WORK_TABLES
    from programmakamer.store.columns import read_stored

    started = time.perf_counter()
    for table in WORK_TABLES:
        read_stored(path, table, ["work_id", "stakeholder_id", "title"], geometry=True)
    return time.perf_counter() - started


def publish(path: Path, folder: Path) -> tuple[float, int]:
    from programmakamer.export.web_map import publish_programme

    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    publication = publish_programme(path, folder)
    return time.perf_counter() - started, publication.works


def browser():
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--window-size=1400,900"):
        options.add_argument(argument)
    return webdriver.Chrome(
        service=webdriver.ChromeService("/usr/bin/chromedriver"), options=options
    )


def open_ms(driver, page: Path) -> float:
    """From navigation to the first complete render, as the page measures it."""
    driver.get(page.as_uri())
    for _ in range(600):
        if driver.execute_script("return document.body.dataset.ready === 'true'"):
            break
        time.sleep(0.05)
    else:
        raise RuntimeError("the page did not get ready in 30 s")
    return driver.execute_script("return window.programmakaart.timings.since_navigation")


CHANGE = """
const [id, value] = arguments;
const control = document.getElementById(id);
const started = performance.now();
control.value = value;
control.dispatchEvent(new Event(id === 'year' || id === 'search' ? 'input' : 'change'));
window.programmakaart.map.renderSync();
return performance.now() - started;
"""
REDRAW = """
const started = performance.now();
window.programmakaart.map.render();
window.programmakaart.map.renderSync();
return performance.now() - started;
"""
CLICK = """
const p = window.programmakaart;
const pixel = p.pixelOf(arguments[0]);
const started = performance.now();
p.clickAt(pixel);
p.map.renderSync();
const card = document.getElementById('card');
return [performance.now() - started, card.hidden ? null : card.dataset.work];
"""


def page_figures(driver, page: Path, work_ids: list[str]) -> dict:
    opened = open_ms(driver, page)
    for _ in range(600):  # the findings come after the map: clicks want them
        if driver.execute_script("return document.body.dataset.findings === 'true'"):
            break
        time.sleep(0.05)
    findings = driver.execute_script("return window.programmakaart.timings.findings")
    changes = [driver.execute_script(CHANGE, *change) for change in CHANGES]
    redraws = [driver.execute_script(REDRAW) for _ in range(3)]
    styles = [driver.execute_script(CHANGE, "style", value) for value in ("stakeholder", "horizon")]
    clicks = []
    for work_id in work_ids:
        ms, shown = driver.execute_script(CLICK, work_id)
        clicks.append(ms)
        if shown is None:
            raise RuntimeError("clicking {} showed no card".format(work_id))
    return {
        "open_ms": round(opened),
        "findings_ms": round(findings),
        "filter_ms_max": round(max(changes)),
        "filter_ms_median": round(statistics.median(changes)),
        "redraw_ms": round(statistics.median(redraws)),
        "style_ms_max": round(max(styles)),
        "click_ms_max": round(max(clicks)),
    }


def main(n: int) -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    big, small = analysed_copy(n), demo_programme()
    out = Path(tempfile.mkdtemp(prefix="web-map-bench-"))
    floor = read_floor(big)
    seconds, works = publish(big, out / "big")
    demo_seconds, demo_works = publish(small, out / "demo")
    data_mib = (out / "big" / "programmakaart-data.js").stat().st_size / 2**20
    findings_mib = (out / "big" / "programmakaart-findings.js").stat().st_size / 2**20
    driver = browser()
    try:
        ids = driver_ids(out / "big")
        demo_ids = driver_ids(out / "demo")
        baseline = page_figures(driver, out / "demo" / "index.html", demo_ids)
        figures = page_figures(driver, out / "big" / "index.html", ids)
    finally:
        driver.quit()
    record = {
        "n": works,
        "publish_s": round(seconds, 2),
        "read_floor_s": round(floor, 2),
        "publish_x_read_floor": round(seconds / floor, 1),
        "data_mib": round(data_mib, 1),
        "findings_mib": round(findings_mib, 1),
        "demo_works": demo_works,
        "demo_publish_s": round(demo_seconds, 2),
        "page": figures,
        "demo_page": baseline,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "web_map.json").write_text(json.dumps(record, indent=1) + "\n")
    lines = [
        "| figure | {} works | demo ({} works) | ratio | target |".format(works, demo_works),
        "|---|---|---|---|---|",
        "| publish in QGIS (s) | {:.2f} | {:.2f} | {:.1f}× read floor ({:.2f} s) | < 10 s |".format(
            seconds, demo_seconds, seconds / floor, floor
        ),
    ]
    for key, label, target in (
        ("open_ms", "open from disk, map drawn (ms)", "< 2000"),
        ("findings_ms", "findings read too (ms)", ""),
        ("filter_ms_max", "filter or year change, slowest (ms)", "< 100"),
        ("filter_ms_median", "filter or year change, median (ms)", "< 100"),
        ("redraw_ms", "redraw, nothing changed (ms)", ""),
        ("style_ms_max", "switch by horizon / by stakeholder, slowest (ms)", ""),
        ("click_ms_max", "click to card, slowest (ms)", "< 100"),
    ):
        lines.append(
            "| {} | {} | {} | {:.1f}× | {} |".format(
                label,
                figures[key],
                baseline[key],
                figures[key] / max(baseline[key], 1),
                target,
            )
        )
    lines.append("")
    lines.append(
        "Data: {:.1f} MiB for {} works, and {:.1f} MiB of findings read after the map.".format(
            data_mib, works, findings_mib
        )
    )
    (RESULTS / "web_map.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    shutil.rmtree(out)
    return 0


def driver_ids(folder: Path) -> list[str]:
    """Five works spread over the data, to click on."""
    sys.path.insert(0, str(ROOT / "tests" / "qgis"))
    from test_publish import read_data

    ids = read_data(folder)[0]["works"]["id"]
    return [ids[i * (len(ids) - 1) // 4] for i in range(5)]


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000))
