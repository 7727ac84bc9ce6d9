"""The board-memo export: layout content, PDF pages, images and workbook figures."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest
from openpyxl import load_workbook
from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsProcessingException,
)
from qgis.PyQt.QtGui import QColor, QImage

from programmakamer.core.findings import stable_id
from programmakamer.core.schema import DECISIONS, FINDINGS, WORK_TABLES
from programmakamer.export.memo_tables import build_memo_tables, write_workbook
from programmakamer.export.programme_map import build_programme_layout, export_programme_map
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.layers import open_programme
from programmakamer.store.styles import HORIZON_COLOURS


def colour_share(path, colour: str) -> float:
    image, target, hits = QImage(str(path)), QColor(colour), 0
    total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            p = image.pixelColor(x, y)
            total += 1
            if (
                abs(p.red() - target.red())
                + abs(p.green() - target.green())
                + abs(p.blue() - target.blue())
                < 40
            ):
                hits += 1
    return hits / total


@pytest.fixture()
def analysed(demo_programme, demo_city):
    analyse_programme(demo_programme)
    grid, sewer, _ = demo_city.planted["combine"][0]
    a, b = sorted((grid, sewer))
    store.write_records(
        demo_programme,
        DECISIONS,
        [
            {
                "finding_id": stable_id("combine", a, b, ""),
                "verdict": "accepted",
                "decision_text": "Samen",
                "decided_at": datetime(2026, 11, 12, 14, 0),
            }
        ],
    )
    return demo_programme


def test_the_layout_holds_title_map_legend_scale_and_north_arrow(analysed, project):
    open_programme(project, analysed)
    layout = build_programme_layout(project, str(analysed), pages=("overview", "short"))
    items = layout.items()
    maps = [i for i in items if isinstance(i, QgsLayoutItemMap)]
    legends = [i for i in items if isinstance(i, QgsLayoutItemLegend)]
    assert len(maps) == 2 and len(legends) == 2
    assert sum(isinstance(i, QgsLayoutItemScaleBar) for i in items) == 2
    assert sum(isinstance(i, QgsLayoutItemPicture) for i in items) == 2  # north arrows
    texts = [i.text() for i in items if isinstance(i, QgsLayoutItemLabel)]
    assert any("Demostad" in t and "2027" in t for t in texts)
    overview_legend = [n.name() for n in legends[0].model().rootGroup().children()]
    assert overview_legend == [
        "Works",
        "Accepted dig-once chances",
        "Challenges",
        "Neighbourhoods",
    ]
    assert project.layoutManager().layoutByName(layout.name()) is layout


def test_the_pdf_has_a_page_per_view_and_every_page_shows_works(analysed, project, tmp_path):
    open_programme(project, analysed)
    layout = build_programme_layout(project, str(analysed))
    result = export_programme_map(layout, tmp_path, dpi=50)
    info = subprocess.run(["pdfinfo", str(result.pdf)], capture_output=True, text=True).stdout
    assert "Pages:           4" in info and "A3" in info
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(result.pdf), str(tmp_path / "page")], check=True
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 4 and len(result.pngs) == 4
    for page, horizon in zip(pages[1:], ("short", "medium", "long")):
        assert colour_share(page, HORIZON_COLOURS[horizon]) > 0.002, page
        others = [c for h, c in HORIZON_COLOURS.items() if h != horizon]
        assert all(
            colour_share(page, c) < colour_share(page, HORIZON_COLOURS[horizon]) / 5 for c in others
        )
    assert not list(tmp_path.glob(".*part*"))


def test_the_workbook_totals_match_the_programme(analysed, tmp_path):
    target = write_workbook(build_memo_tables(analysed), tmp_path / "programma.xlsx")
    book = load_workbook(target)
    assert book.sheetnames == [
        "Summary",
        "Short term (years 1-2)",
        "Medium term (years 3-4)",
        "Long term (year 5 and later)",
        "Findings",
    ]
    works = {}
    for table in WORK_TABLES:
        for row in store.read_table(analysed, table):
            works.setdefault(row["work_id"], row)
    with_horizon = [w for w in works.values() if (w["horizon_override"] or w["horizon"])]
    rows = list(book["Summary"].iter_rows(values_only=True))
    total = next(r for r in rows if r[0] == "Total")
    assert total[1] + total[3] + total[5] == len(with_horizon)
    assert total[2] + total[4] + total[6] == pytest.approx(
        sum(w["cost_estimate"] or 0 for w in with_horizon)
    )
    accepted = [
        f
        for f in store.read_table(analysed, FINDINGS)
        if f["finding_id"] in {d["finding_id"] for d in store.read_table(analysed, DECISIONS)}
    ]
    assert rows[-1][1] == pytest.approx(sum(f["saving_eur"] for f in accepted)) and rows[-1][1] > 0
    assert book["Findings"].freeze_panes == "A2" and book["Findings"].auto_filter.ref
    assert book["Findings"].max_row == len(store.read_table(analysed, FINDINGS)) + 1
    short = list(book["Short term (years 1-2)"].iter_rows(values_only=True))
    assert short[0][0] == "Work" and any(r[8] for r in short[1:])  # combined-with filled


def test_a_read_only_output_folder_is_refused_and_left_empty(analysed, project, tmp_path):
    open_programme(project, analysed)
    layout = build_programme_layout(project, str(analysed), pages=("overview",))
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    # root ignores permission bits; the immutable flag holds for root too
    immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    try:
        with pytest.raises(store.ProgrammeError, match="Could not write"):
            export_programme_map(layout, folder, dpi=40)
        assert list(folder.iterdir()) == []
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_a_huge_page_at_high_dpi_is_refused(analysed, project, tmp_path):
    open_programme(project, analysed)
    layout = build_programme_layout(project, str(analysed), paper="A0")
    folder = tmp_path / "uit"
    folder.mkdir()
    with pytest.raises(store.ProgrammeError, match="at most 359 dpi"):
        export_programme_map(layout, folder, dpi=600)
    assert list(folder.iterdir()) == []


def test_an_empty_programme_gets_a_clear_message(tmp_path, project):
    path = tmp_path / "leeg.gpkg"
    store.create_programme(
        path,
        "Leeg",
        "Nergens",
        2027,
        stakeholders=[
            {
                "stakeholder_id": 1,
                "name": "Wegen",
                "discipline": "road_surface",
                "colour": "#777777",
            }
        ],
    )
    open_programme(project, path)
    with pytest.raises(store.ProgrammeError, match="empty"):
        build_programme_layout(project, str(path))


def test_exportprogramme_writes_every_file(processing_run, analysed, tmp_path):
    result = processing_run(
        "programmakamer:exportprogramme",
        {"PROGRAMME": str(analysed), "OUTPUT": str(tmp_path / "uit"), "DPI": 40, "PAGES": [0, 3]},
    )
    folder = tmp_path / "uit"
    assert result["PAGE_COUNT"] == 2
    assert sorted(p.name for p in folder.iterdir()) == [
        "programma-bevindingen.csv",
        "programma-werken.csv",
        "programma.xlsx",
        "programmakaart-1.png",
        "programmakaart-2.png",
        "programmakaart.pdf",
    ]


def test_exportprogramme_refuses_a_file_that_is_not_a_programme(processing_run, tmp_path):
    other = tmp_path / "x.gpkg"
    other.write_bytes(b"")
    with pytest.raises(QgsProcessingException):
        processing_run(
            "programmakamer:exportprogramme", {"PROGRAMME": str(other), "OUTPUT": str(tmp_path)}
        )
