"""The board-memo export: layout content, PDF pages, images and workbook figures."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
)
from qgis.PyQt.QtGui import QColor, QImage

from programmakamer.core.findings import stable_id
from programmakamer.core.schema import DECISIONS, FINDINGS, NEIGHBOURHOODS, WORK_TABLES
from programmakamer.export.export_set import ExportSet
from programmakamer.export.memo_tables import build_memo_tables, write_workbook
from programmakamer.export.programme_map import build_programme_layout, export_programme_map
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.layers import open_programme
from programmakamer.store.styles import HORIZON_COLOURS

from .export_refused import run_refused
from .helpers import read_only


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
    with ExportSet(tmp_path) as files:
        result = export_programme_map(layout, files, dpi=50)
        files.commit()
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
    assert not list(tmp_path.glob(".*"))


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


def test_a_huge_page_at_high_dpi_is_refused(analysed, project, tmp_path):
    open_programme(project, analysed)
    layout = build_programme_layout(project, str(analysed), paper="A0")
    folder = tmp_path / "uit"
    folder.mkdir()
    with pytest.raises(ProgrammeError, match="at most 359 dpi"):
        with ExportSet(folder) as files:
            export_programme_map(layout, files, dpi=600)
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
    with pytest.raises(ProgrammeError, match="empty"):
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


def export_into(run, programme, folder: Path, pages: list[int], feedback=None) -> dict:
    return run(
        "programmakamer:exportprogramme",
        {"PROGRAMME": str(programme), "OUTPUT": str(folder), "DPI": 30, "PAGES": pages},
        feedback=feedback,
    )


def files_of(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file in the folder (hidden ones too) with its inode and bytes."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in sorted(folder.iterdir())}


EARLIER_SET = [
    "programma-bevindingen.csv",
    "programma-werken.csv",
    "programma.xlsx",
    "programmakaart-1.png",
    "programmakaart-2.png",
    "programmakaart.pdf",
]


@pytest.fixture()
def earlier_export(processing_run, analysed, demo_city, tmp_path) -> Path:
    """A folder holding a two-page export; then the chamber accepts another chance, so
    every file of the next (one-page) export differs from the one it replaces."""
    folder = tmp_path / "uit"
    export_into(processing_run, analysed, folder, [0, 1])
    assert sorted(p.name for p in folder.iterdir()) == EARLIER_SET
    grid, sewer, _ = demo_city.planted["combine"][1]
    store.write_records(
        analysed,
        DECISIONS,
        [
            {
                "finding_id": stable_id("combine", *sorted((grid, sewer)), ""),
                "verdict": "accepted",
                "decided_at": datetime(2026, 12, 1, 10, 0),
            }
        ],
    )
    return folder


def test_an_export_replaces_every_file_of_the_earlier_one(processing_run, analysed, earlier_export):
    before = files_of(earlier_export)
    export_into(processing_run, analysed, earlier_export, [0])
    after = files_of(earlier_export)
    assert sorted(after) == [n for n in EARLIER_SET if n != "programmakaart-2.png"]
    for name, (inode, content) in after.items():
        assert inode != before[name][0] and content != before[name][1], name


@pytest.mark.parametrize(
    "locked",
    [
        "programmakaart.pdf",
        "programma.xlsx",
        "programma-bevindingen.csv",
        "programmakaart-2.png",  # a page of the longer earlier export, to be removed
    ],
)
def test_a_read_only_file_of_the_earlier_export_stops_the_whole_export(
    processing_run, analysed, earlier_export, locked
):
    before = files_of(earlier_export)
    with read_only(earlier_export / locked):
        with pytest.raises(QgsProcessingException) as refused:
            export_into(processing_run, analysed, earlier_export, [0])
    assert str(refused.value) == (
        "Cannot write {}: it is open in another program or read-only.".format(
            earlier_export / locked
        )
    )
    assert files_of(earlier_export) == before


def test_a_read_only_output_folder_stops_the_export_before_anything_is_made(
    processing_run, analysed, earlier_export
):
    before = files_of(earlier_export)
    with read_only(earlier_export):
        with pytest.raises(QgsProcessingException) as refused:
            export_into(processing_run, analysed, earlier_export, [0])
    assert str(refused.value) == (
        "Cannot write in the folder {}: it is read-only or not accessible.".format(earlier_export)
    )
    assert files_of(earlier_export) == before


def fail_moves(monkeypatch, *failing: int) -> list:
    """os.replace fails on the given calls (counted from 1); returns the calls' targets."""
    replace, calls = os.replace, []

    def replace_failing(source, target):
        calls.append(target)
        if len(calls) in failing:
            raise PermissionError(1, "Operation not permitted", str(source), None, str(target))
        replace(source, target)

    monkeypatch.setattr(os, "replace", replace_failing)
    return calls


@pytest.mark.parametrize("failing_call", [3, 10])
def test_a_move_failing_halfway_puts_the_earlier_files_back(
    processing_run, analysed, earlier_export, monkeypatch, failing_call
):
    before = files_of(earlier_export)
    calls = fail_moves(monkeypatch, failing_call)
    with pytest.raises(QgsProcessingException, match="open in another program or read-only"):
        export_into(processing_run, analysed, earlier_export, [0])
    monkeypatch.undo()
    assert len(calls) > failing_call  # moves after the failure: the earlier files put back
    assert files_of(earlier_export) == before


def test_a_cancelled_export_leaves_the_earlier_one_whole(processing_run, analysed, earlier_export):
    before = files_of(earlier_export)
    feedback = Messages()
    feedback.progressChanged.connect(lambda progress: progress >= 80 and feedback.cancel())
    export_into(processing_run, analysed, earlier_export, [0], feedback)
    assert files_of(earlier_export) == before
    assert "Cancelled: the files in the folder are unchanged." in feedback.texts


def test_an_earlier_file_that_cannot_be_put_back_is_kept_and_its_place_named(
    processing_run, analysed, earlier_export, monkeypatch
):
    """Moves: 1 the earlier PDF aside, 2 the new PDF in, 3 fails; 4, putting the earlier
    PDF back, fails too: it must not be deleted with the workspace."""
    earlier_pdf = (earlier_export / "programmakaart.pdf").read_bytes()
    fail_moves(monkeypatch, 3, 4)
    with pytest.raises(QgsProcessingException) as refused:
        export_into(processing_run, analysed, earlier_export, [0])
    monkeypatch.undo()
    (kept,) = earlier_export.glob(".programmakamer-*/.earlier")
    assert str(refused.value) == (
        "The export failed and not every earlier file could be put back: they are in the "
        "folder {}.".format(kept)
    )
    assert [p.name for p in kept.iterdir()] == ["programmakaart.pdf"]
    assert (kept / "programmakaart.pdf").read_bytes() == earlier_pdf


def test_a_full_disk_while_writing_names_the_file_and_changes_nothing(
    processing_run, analysed, earlier_export, monkeypatch
):
    from programmakamer.export import memo_tables

    def disk_full(tables, folder):
        name = Path(folder) / "programma-werken.csv"
        raise OSError(errno.ENOSPC, "No space left on device", str(name))

    before = files_of(earlier_export)
    monkeypatch.setattr(memo_tables, "write_csv", disk_full)
    with pytest.raises(QgsProcessingException) as refused:
        export_into(processing_run, analysed, earlier_export, [0])
    assert str(refused.value) == "Cannot write {}: the disk is full.".format(
        earlier_export / "programma-werken.csv"
    )
    assert files_of(earlier_export) == before


def test_qgis_exits_cleanly_after_a_refused_export(analysed, earlier_export):
    """The refused run's traceback kept the algorithm's own project alive until Python's
    exit, when closing its GeoPackage layers after GDAL crashed the process."""
    with read_only(earlier_export / "programma.xlsx"):
        run = run_refused(analysed, earlier_export)
    assert "open in another program or read-only" in run.stdout, run.stderr[-3000:]
    assert run.returncode == 0, run.stderr[-3000:]


class Messages(QgsProcessingFeedback):
    """What an algorithm tells the user in the Processing log."""

    def __init__(self):
        super().__init__()
        self.texts = []

    def pushInfo(self, text):
        self.texts.append(text)

    def pushWarning(self, text):
        self.texts.append(text)


def test_a_refused_export_says_why_in_dutch_and_logs_the_system_error(
    processing_run, analysed, earlier_export, dutch, caplog
):
    with read_only(earlier_export / "programma.xlsx"):
        with pytest.raises(QgsProcessingException) as refused:
            export_into(processing_run, analysed, earlier_export, [0])
    assert str(refused.value) == (
        "{} kan niet worden geschreven: het is geopend in een ander programma of "
        "alleen-lezen.".format(earlier_export / "programma.xlsx")
    )
    logged = [r.getMessage() for r in caplog.records if r.name.startswith("programmakamer")]
    assert any("Operation not permitted" in m and "programma.xlsx" in m for m in logged)


def test_the_export_report_counts_pages_and_skipped_wijken_in_good_dutch(
    processing_run, analysed, demo_city, tmp_path, dutch
):
    one = Messages()
    export_into(processing_run, analysed, tmp_path / "een", [0], one)
    wijken = wijken_in_wgs84(tmp_path, demo_city, [("WK98", "Leeg", None)])
    five = Messages()
    processing_run(
        "programmakamer:exportprogramme",
        {
            "PROGRAMME": str(analysed),
            "OUTPUT": str(tmp_path / "vijf"),
            "DPI": 30,
            "PAGES": [0],
            "NEIGHBOURHOODS": wijken,
        },
        feedback=five,
    )
    report = "\n".join(one.texts + five.texts)
    assert "(1 pagina), 1 pagina-afbeelding," in report and "1 pagina's" not in report
    assert "(4 pagina's), 4 pagina-afbeeldingen," in report
    assert "1 wijk zonder geometrie is overgeslagen." in report


def test_wijken_in_a_crs_without_a_code_are_named_in_the_report(
    processing_run, analysed, demo_city, tmp_path
):
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer
    from shapely import affinity

    crs = QgsCoordinateReferenceSystem.fromProj(
        "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 "
        "+x_0=1000 +y_0=2000 +ellps=bessel +units=m +no_defs"
    )
    assert crs.isValid() and crs.authid() == ""
    layer = QgsVectorLayer("MultiPolygon?field=naam:string", "wijken", "memory")
    layer.setCrs(crs)
    wijk = demo_city.neighbourhoods[0]
    feature = QgsFeature(layer.fields())
    feature.setGeometry(
        QgsGeometry.fromWkt(affinity.translate(wijk["geometry"], -154000, -461000).wkt)
    )
    feature.setAttributes([wijk["name"]])
    layer.dataProvider().addFeatures([feature])
    messages = Messages()
    processing_run(
        "programmakamer:exportprogramme",
        {
            "PROGRAMME": str(analysed),
            "OUTPUT": str(tmp_path / "uit"),
            "DPI": 30,
            "PAGES": [0],
            "NEIGHBOURHOODS": layer,
        },
        feedback=messages,
    )
    transformed = [t for t in messages.texts if t.startswith("Neighbourhoods transformed")]
    assert transformed == [
        "Neighbourhoods transformed from {} to EPSG:28992 - Amersfoort / RD New.".format(
            crs.userFriendlyIdentifier()
        )
    ]


def test_exportprogramme_refuses_a_file_that_is_not_a_programme(processing_run, tmp_path):
    other = tmp_path / "x.gpkg"
    other.write_bytes(b"")
    with pytest.raises(QgsProcessingException):
        processing_run(
            "programmakamer:exportprogramme", {"PROGRAMME": str(other), "OUTPUT": str(tmp_path)}
        )


def wijken_in_wgs84(tmp_path, demo_city, extra: list) -> str:
    """A CBS-like wijk layer in EPSG:4326 with 'wijknaam', an invalid bow-tie and a hole."""
    from osgeo import ogr, osr
    from shapely import to_wkb
    from shapely.ops import transform as shapely_transform

    path = str(tmp_path / "wijken.gpkg")
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(28992)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_wgs84 = osr.CoordinateTransformation(source, target)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = data.CreateLayer("wijken", target, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("wijkcode", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("wijknaam", ogr.OFTString))
    for code, name, geometry in [
        (n["code"], n["name"], n["geometry"]) for n in demo_city.neighbourhoods[:3]
    ] + extra:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("wijkcode", code)
        feature.SetField("wijknaam", name)
        if geometry is not None:
            moved = shapely_transform(
                lambda x, y: tuple(zip(*to_wgs84.TransformPoints(list(zip(x, y)))))[:2],
                geometry,
            )
            feature.SetGeometry(ogr.CreateGeometryFromWkb(to_wkb(moved)))
        layer.CreateFeature(feature)
    data = None
    return path


def test_a_page_per_neighbourhood_with_an_overview_of_the_city(analysed, project):
    open_programme(project, analysed)
    layout = build_programme_layout(project, str(analysed), pages=("overview", "neighbourhoods"))
    assert layout.pageCollection().pageCount() == 1 + 9
    maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
    assert len(maps) == 1 + 9 * 2  # each neighbourhood page: its map and the inset
    whole = maps_on_page(layout, 0)[0].extent()
    texts = [i.text() for i in layout.items() if isinstance(i, QgsLayoutItemLabel)]
    for page in range(1, 10):
        main, inset = sorted(maps_on_page(layout, page), key=lambda m: -m.rect().width())
        assert main.extent().width() < whole.width() / 2
        assert inset.extent().contains(whole.buffered(-1)) and whole.contains(
            inset.extent().buffered(-1)
        )
        assert inset.overview().linkedMap() is main and inset.overview().enabled()
    names = sorted(n["name"] for n in store.read_table(analysed, NEIGHBOURHOODS))
    for name in names:
        assert any(t.endswith("– " + name) for t in texts), name


def maps_on_page(layout, page: int) -> list:
    return [
        i
        for i in layout.items()
        if isinstance(i, QgsLayoutItemMap)
        and layout.pageCollection().pageNumberForPoint(i.pos()) == page
    ]


def test_neighbourhood_pages_need_neighbourhoods(tmp_path, project, demo_city):
    path = tmp_path / "zonder-wijken.gpkg"
    store.create_programme(
        path, "Zonder wijken", "Nergens", 2027, stakeholders=demo_city.stakeholders
    )
    store.write_works(path, demo_city.works[:20])
    open_programme(project, path)
    with pytest.raises(ProgrammeError, match="no neighbourhoods"):
        build_programme_layout(project, str(path), pages=("overview", "neighbourhoods"))


def test_exportprogramme_makes_a_page_per_wijk_of_a_layer_in_another_crs(
    processing_run, analysed, demo_city, tmp_path
):
    from shapely import Polygon

    bow_tie = Polygon([(155000, 463000), (156000, 464000), (156000, 463000), (155000, 464000)])
    wijken = wijken_in_wgs84(
        tmp_path, demo_city, [("WK99", "Strik", bow_tie), ("WK98", "Leeg", None)]
    )
    folder = tmp_path / "uit"
    folder.mkdir()
    (folder / "programmakaart-9.png").write_bytes(b"old page of a longer export")
    result = processing_run(
        "programmakamer:exportprogramme",
        {
            "PROGRAMME": str(analysed),
            "OUTPUT": str(folder),
            "DPI": 30,
            "PAGES": [0],
            "NEIGHBOURHOODS": wijken,
        },
    )
    assert result["PAGE_COUNT"] == 1 + 4  # the empty one is skipped, the bow-tie repaired
    info = subprocess.run(["pdfinfo", result["PDF"]], capture_output=True, text=True).stdout
    assert "Pages:           5" in info
    assert sorted(p.name for p in folder.glob("*.png")) == [
        "programmakaart-{}.png".format(n) for n in range(1, 6)
    ]
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", result["PDF"], str(tmp_path / "page")], check=True
    )
    for page in sorted(tmp_path.glob("page-*.png")):
        assert sum(colour_share(page, c) for c in HORIZON_COLOURS.values()) > 0.001, page


def test_too_many_neighbourhoods_are_refused(project):
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer

    from programmakamer.export.programme_map import neighbourhoods_from

    layer = QgsVectorLayer("Polygon?crs=EPSG:28992&field=buurtnaam:string", "buurten", "memory")
    features = []
    for n in range(300):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(n * 10, 0, n * 10 + 10, 10)))
        feature.setAttributes(["Buurt {}".format(n)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    crs = QgsCoordinateReferenceSystem("EPSG:28992")
    with pytest.raises(ProgrammeError, match="300 neighbourhoods"):
        neighbourhoods_from(
            layer.getFeatures(), crs, layer.fields(), None, crs, project.transformContext()
        )
    found, skipped = neighbourhoods_from(
        list(layer.getFeatures())[:3], crs, layer.fields(), None, crs, project.transformContext()
    )
    assert [n.name for n in found] == ["Buurt 0", "Buurt 1", "Buurt 2"] and skipped == 0


def _stress(programme, folder, rounds: int) -> subprocess.CompletedProcess:
    """Horizon pages built and exported again and again in a child process: a crash is an
    exit code here, not the end of the test run."""
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, str(Path(__file__).with_name("export_stress.py")), str(programme)]
        + [str(folder), str(rounds)],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=900,
    )


def test_horizon_pages_exported_many_times_in_one_process_never_crash(analysed, tmp_path):
    run = _stress(analysed, tmp_path, 50)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip().endswith("ok")


def test_horizon_pages_exported_in_fresh_processes_never_crash(analysed, tmp_path):
    for _ in range(5):
        run = _stress(analysed, tmp_path, 2)
        assert run.returncode == 0, run.stderr[-3000:]
