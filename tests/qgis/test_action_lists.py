"""Each stakeholder's action list: a PDF per stakeholder and a sheet each in one workbook,
with what concerns it and what changed since its previous list."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest
from openpyxl import load_workbook
from osgeo import gdal
from qgis.core import QgsProcessingException

from programmakamer.core.findings import stable_id
from programmakamer.core.horizons import effective_horizon
from programmakamer.core.schema import (
    ACTION_LISTS,
    DECISIONS,
    FINDINGS,
    HORIZONS,
    STAKEHOLDERS,
    WORK_TABLES,
)
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.transactions import edit_session

from .export_refused import run_refused
from .helpers import read_only
from .test_dock import dock  # noqa: F401  (the panel, for its button)

SEWER = "Gemeente – Riolering"
GRID = "Netbeheerder Elektriciteit"
HEADER_FILL = "305496"


@pytest.fixture()
def session(demo_programme, demo_city):
    """The demo after a session: analysed, and the chamber accepted a grid + sewer chance
    with the sewer department as action holder."""
    analyse_programme(demo_programme)
    grid, sewer, _ = demo_city.planted["combine"][0]
    store.write_records(
        demo_programme,
        DECISIONS,
        [
            {
                "finding_id": stable_id("combine", *sorted((grid, sewer)), ""),
                "verdict": "accepted",
                "decision_text": "Samen graven in één bouwput",
                "action_holder": SEWER,
                "decided_by": "Programmakamer",
                "decided_at": datetime(2026, 11, 12, 14, 30),
            }
        ],
    )
    return demo_programme


def export(processing_run, programme, folder):
    return processing_run(
        "programmakamer:exportactionlists", {"PROGRAMME": str(programme), "OUTPUT": str(folder)}
    )


def sections(sheet) -> dict[str, list[dict]]:
    """The sheet's sections by title: each data row as {header: value}."""
    found: dict[str, list[dict]] = {}
    title, header, after_blank = None, None, False
    for row in sheet.iter_rows():
        values = [c.value for c in row]
        if all(v is None for v in values):
            after_blank = True
            continue
        if after_blank:
            title, header, after_blank = values[0], None, False
            found[title] = []
        elif title is not None and row[0].fill.fgColor.rgb.endswith(HEADER_FILL):
            header = values
        elif header is not None:
            found[title].append({h: v for h, v in zip(header, values) if h})
    return found


def works_of(programme, stakeholder_name) -> dict[str, dict]:
    [sid] = [
        s["stakeholder_id"]
        for s in store.read_stakeholders(programme)
        if s["name"] == stakeholder_name
    ]
    works = {}
    for table in WORK_TABLES:
        for row in store.read_table(programme, table):
            if row["stakeholder_id"] == sid:
                works.setdefault(row["work_id"], row)
    return works


def test_every_stakeholder_gets_its_pdf_and_its_sheet(processing_run, session, tmp_path):
    result = export(processing_run, session, tmp_path)
    names = [s["name"] for s in store.read_stakeholders(session)]
    pdfs = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert pdfs == sorted("actielijst-{}.pdf".format(n) for n in names)
    assert result["LIST_COUNT"] == len(names) == 12
    for pdf in tmp_path.glob("*.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "Pages:" in info and "A4" in info, pdf
    book = load_workbook(result["WORKBOOK"])
    assert book.sheetnames == [n[:31] for n in names]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no workspace


def test_a_stakeholders_sheet_holds_its_works_findings_and_decisions(
    processing_run, session, tmp_path
):
    book = load_workbook(export(processing_run, session, tmp_path)["WORKBOOK"])
    parts = sections(book[SEWER])
    works = works_of(session, SEWER)
    for horizon in HORIZONS:
        listed = {r["Work"] for r in parts["Works: {}".format(horizon.en)]}
        assert listed == {
            w
            for w, row in works.items()
            if effective_horizon(row["horizon"], row["horizon_override"]) == horizon.value
            and row["status"] not in ("done", "cancelled")
        }, horizon.value
        assert listed  # the demo has sewer works in every horizon
    # exactly the open findings that involve one of its works, each from its side
    expected = set()
    for finding in store.read_table(session, FINDINGS):
        if finding["state"] == "open":
            for own in (finding["work_a"], finding["work_b"]):
                if own in works:
                    expected.add((finding["kind"], own))
                    break
    listed = parts["Open findings on your works"]
    kinds = {"Dig-once chance": "combine", "Conflict": "clash", "Pave before dig": "sequence"}
    kinds.update({"Moratorium breach": "moratorium", "Ambition can ride along": "ambition"})
    assert {(kinds[r["Kind"]], r["Your work"].split()[0]) for r in listed} == expected
    accepted = [r for r in listed if r["Decision"] == "Accepted"]
    assert len(accepted) == 1
    assert (accepted[0]["Other party"], accepted[0]["Contact"]) == (GRID, "planning@netbeheer.nl")
    assert accepted[0]["Other work or challenge"].split()[0] not in works
    [decision] = parts["Decisions of the chamber"]
    assert decision["Decision text"] == "Samen graven in één bouwput"
    assert (decision["Action holder"], decision["Contact"]) == (SEWER, "riolering@demostad.nl")
    # the grid operator sees the same decision: it is on a finding of its work
    grid = sections(book[GRID])["Decisions of the chamber"]
    assert [d["Action holder"] for d in grid] == [SEWER]
    assert "Changes" in parts and parts["Changes"] == []  # the first list


def test_a_second_list_tells_what_is_new_changed_and_closed(
    processing_run, session, tmp_path, demo_city
):
    export(processing_run, session, tmp_path)
    works = works_of(session, SEWER)
    changed, closed = sorted(w for w in works if works[w]["status"] != "done")[:2]
    new = dict(next(w for w in demo_city.works if w["work_id"] == changed))
    new.update(work_id="W9999", title="Nieuw riool Stationsplein", external_ref=None)
    store.write_works(session, [new])
    for table in WORK_TABLES:
        layer = store.table_layer(session, table.name)
        with edit_session(layer):
            for feature in layer.getFeatures():
                if feature["work_id"] == changed:
                    layer.changeAttributeValue(
                        feature.id(), feature.fieldNameIndex("title"), "Riool en plein"
                    )
                elif feature["work_id"] == closed:
                    layer.changeAttributeValue(
                        feature.id(), feature.fieldNameIndex("status"), "done"
                    )
    store.assign_horizons(session)
    book = load_workbook(export(processing_run, session, tmp_path)["WORKBOOK"])
    [title] = [t for t in sections(book[SEWER]) if t.startswith("Changes since the list of")]
    changes = {(r["Change"], r["Item"], r["What"].split()[0]) for r in sections(book[SEWER])[title]}
    assert ("New", "Work", "W9999") in changes
    assert ("Changed", "Work", changed) in changes
    assert ("Closed", "Work", closed) in changes
    assert {c for c in changes if c[1] == "Work"} == {
        ("New", "Work", "W9999"),
        ("Changed", "Work", changed),
        ("Closed", "Work", closed),
    }
    # a stakeholder nothing happened to says so
    assert sections(book["Telecom"])[title] == []
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "actielijst-{}.pdf".format(SEWER)), "-"],
        capture_output=True,
        text=True,
    ).stdout
    assert title in text and "Riool en plein" in text


def test_file_and_sheet_names_are_safe_and_unique_for_any_stakeholder_name(
    processing_run, session, tmp_path
):
    nasty = ['O\'Brien/Netbeheer: "Oost"', "CON", "gemeente – riolering", "<script>x</script>"]
    store.write_records(
        session,
        STAKEHOLDERS,
        [
            {"stakeholder_id": 20 + i, "name": n, "discipline": "other", "contact": "a@b.nl"}
            for i, n in enumerate(nasty)
        ],
    )
    export(processing_run, session, tmp_path)
    pdfs = {p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"}
    assert {
        "actielijst-O'Brien-Netbeheer Oost.pdf",
        "actielijst-CON_.pdf",
        "actielijst-gemeente – riolering (2).pdf",
        "actielijst-script x -script.pdf",
    } <= pdfs
    assert len(pdfs) == 16 == len({p.casefold() for p in pdfs})
    assert all(p.parent == tmp_path for p in tmp_path.rglob("*.pdf"))
    book = load_workbook(tmp_path / "actielijsten.xlsx")
    assert len({s.casefold() for s in book.sheetnames}) == 16
    # the name itself is shown as typed
    script = book.worksheets[-1]
    assert script["A1"].value == "Action list – <script>x</script>"


def test_nothing_is_written_when_the_output_folder_is_read_only(processing_run, session, tmp_path):
    folder = tmp_path / "lijsten"
    folder.mkdir()
    export(processing_run, session, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    kept = store.read_table(session, ACTION_LISTS)
    store.write_records(
        session,
        DECISIONS,
        [
            {
                "finding_id": None,
                "work_id": "W0001",
                "verdict": "deferred",
                "decided_at": datetime.now(),
            }
        ],
    )
    with read_only(folder):
        with pytest.raises(QgsProcessingException, match="read-only or not accessible"):
            export(processing_run, session, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert store.read_table(session, ACTION_LISTS) == kept
    # one list open elsewhere (read-only): the others and the kept lists stay too
    with read_only(folder / "actielijst-{}.pdf".format(GRID)):
        with pytest.raises(QgsProcessingException, match="open in another program or read-only"):
            export(processing_run, session, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert store.read_table(session, ACTION_LISTS) == kept


def test_an_older_programme_gains_the_table_at_its_first_list(processing_run, session, tmp_path):
    dataset = gdal.OpenEx(str(session), gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL("DROP TABLE {}".format(ACTION_LISTS.name))
    dataset.ExecuteSQL("UPDATE programme SET schema_version = 1")
    dataset = None
    assert store.read_programme(session).name  # an older programme opens as it is
    export(processing_run, session, tmp_path)
    assert store.read_table(session, store.PROGRAMME)[0]["schema_version"] == 2
    assert {r["item_kind"] for r in store.read_table(session, ACTION_LISTS)} >= {"list", "work"}


def test_a_programme_of_this_schema_without_the_table_is_called_damaged(session):
    dataset = gdal.OpenEx(str(session), gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL("DROP TABLE {}".format(ACTION_LISTS.name))
    dataset = None
    with pytest.raises(ProgrammeError, match="damaged"):
        store.read_programme(session)


def test_the_panel_button_opens_the_action_lists_for_this_programme(
    dock,  # noqa: F811
    monkeypatch,
    qgis_processing,
):
    import processing

    calls = []
    monkeypatch.setattr(
        processing, "execAlgorithmDialog", lambda name, params: calls.append((name, params))
    )
    dock.action_lists_button.click()
    assert calls == [("programmakamer:exportactionlists", {"PROGRAMME": dock.path})]


def test_a_dutch_user_gets_dutch_lists(processing_run, session, tmp_path, dutch):
    book = load_workbook(export(processing_run, session, tmp_path)["WORKBOOK"])
    sheet = book[SEWER]
    assert sheet["A1"].value == "Actielijst – {}".format(SEWER)
    parts = sections(sheet)
    assert "Wijzigingen" in parts and "Besluiten van de kamer" in parts
    [decision] = parts["Besluiten van de kamer"]
    assert (decision["Besluit"], decision["Actiehouder"]) == ("Aanvaard", SEWER)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "actielijst-{}.pdf".format(GRID)), "-"],
        capture_output=True,
        text=True,
    ).stdout
    assert "Open bevindingen bij uw werken" in text and "Andere partij" in text


def test_qgis_exits_cleanly_after_a_refused_list(processing_run, session, tmp_path):
    """The refusal's traceback held the kept lists' layer until after QGIS had exited,
    which crashed the process at its end (found by the whole suite ending in a crash)."""
    folder = tmp_path / "lijsten"
    folder.mkdir()
    export(processing_run, session, folder)
    with read_only(folder / "actielijst-{}.pdf".format(GRID)):
        run = run_refused(session, folder, "exportactionlists")
    assert "open in another program or read-only" in run.stdout, run.stderr[-3000:]
    assert run.returncode == 0, run.stderr[-3000:]
