"""What real use does to a programme file: two analyses at once, a damaged page, a
read-only file, empty settings, a column dropped by another tool. Each is refused with our
own sentence before anything is written, or handled so the data stays whole."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingException

from programmakamer.core.schema import DECISIONS, FINDINGS, STAKEHOLDERS, WORK_TABLES
from programmakamer.log import TAG
from programmakamer.store import programme as store
from programmakamer.store import transactions
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.columns import read_columns, read_stored
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.features import make_features

from .helpers import read_only

ROOT = Path(__file__).resolve().parents[2]
DUTCH = ROOT / "programmakamer" / "i18n" / "programmakamer_nl.qm"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content_digest(path: Path) -> str:
    """The digest of every byte but the header's change counters (offsets 24 and 92), which
    SQLite bumps when QGIS opens the file for writing and switches the journal to WAL and
    back: nothing of the programme's content."""
    data = bytearray(path.read_bytes())
    data[24:28] = data[92:96] = b"\0\0\0\0"
    return hashlib.sha256(data).hexdigest()


def child_env() -> dict:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": os.environ.get("XDG_RUNTIME_DIR", "/tmp/runtime-root"),
        "PYTHONPATH": str(ROOT),
    }


@pytest.fixture()
def logged():
    """What the plugin wrote to QGIS's log panel under its own tab while the test ran."""
    received = []

    def keep(message, tag, level):
        if tag == TAG:
            received.append(message)

    log = QgsApplication.messageLog()
    log.messageReceived.connect(keep)
    yield received
    log.messageReceived.disconnect(keep)


# --- two analyses at once ---------------------------------------------------------------

ANALYSE_TOGETHER = """
import sys, time
from pathlib import Path
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTranslator
app = QgsApplication([], False)
app.initQgis()
translator = QTranslator()
assert translator.load(sys.argv[4])
app.installTranslator(translator)
from programmakamer.store import analysis
from programmakamer.store.errors import ProgrammeError

write = analysis.write_findings
barrier = Path(sys.argv[2])

def write_together(*args, **kwargs):
    (barrier / sys.argv[3]).touch()
    while len(list(barrier.iterdir())) < 2:
        time.sleep(0.002)
    print("writing", time.time(), flush=True)
    return write(*args, **kwargs)

analysis.write_findings = write_together
try:
    report = analysis.analyse_programme(sys.argv[1])
except ProgrammeError as error:
    print("refused", error, flush=True)
else:
    written = report.written
    print("ok", written.new, written.unchanged, sum(report.counts.values()), flush=True)
"""


def test_two_analyses_writing_together_store_each_finding_once(demo_programme, tmp_path):
    """Two processes (the panel's Re-analyse and a colleague's qgis_process, say) reach the
    write at the same moment (each waits for the other there): the second waits for the
    first's write and then finds its findings stored, or says in the user's language (Dutch
    here) that another analysis is busy."""
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                ANALYSE_TOGETHER,
                str(demo_programme),
                str(barrier),
                str(n),
                str(DUTCH),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=child_env(),
            text=True,
        )
        for n in range(2)
    ]
    outputs = [child.communicate(timeout=240)[0].splitlines() for child in children]
    writing = [float(lines[0].split()[1]) for lines in outputs]
    assert abs(writing[0] - writing[1]) < 0.1, writing
    results = [lines[1].split(" ", 1) for lines in outputs]
    ids = [r["finding_id"] for r in store.read_table(demo_programme, FINDINGS)]
    assert len(ids) == len(set(ids))
    done = [[int(n) for n in text.split()] for verdict, text in results if verdict == "ok"]
    assert done, results
    single_run = done[0][2]
    assert len(ids) == single_run > 0
    if len(done) == 2:  # the second found the first's findings: nothing new, all unchanged
        assert sorted((new, unchanged) for new, unchanged, _ in done) == [
            (0, single_run),
            (single_run, 0),
        ]
    for verdict, text in results:
        assert verdict == "ok" or text.startswith("Een andere analyse"), text


HOLD_LOCK = """
import sys, time
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from programmakamer.store import programme as store
from programmakamer.store.transactions import provider_transaction
layer = store.table_layer(sys.argv[1], "findings")
with provider_transaction(layer) as (provider,):
    print("holding", flush=True)
    time.sleep(120)
"""


def test_an_analysis_that_finds_another_writing_waits_then_says_so(demo_programme, monkeypatch):
    analyse_programme(demo_programme)
    before = sorted(map(repr, store.read_table(demo_programme, FINDINGS)))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(demo_programme)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=child_env(),
    )
    told = []
    monkeypatch.setattr(transactions, "WRITE_WAIT_SECONDS", 3.0)
    try:
        assert holder.stdout.readline().strip() == b"holding"
        with pytest.raises(ProgrammeError, match="Another analysis or another program"):
            analyse_programme(demo_programme, tell=told.append)
    finally:
        holder.kill()
        holder.wait()
    assert told == ["Another analysis is writing to this programme: waiting until it has finished."]
    assert sorted(map(repr, store.read_table(demo_programme, FINDINGS))) == before


def _insert_findings(path, rows):
    layer = store.table_layer(path, FINDINGS.name)
    features = make_features(FINDINGS, rows, layer.fields())
    added = layer.dataProvider().addFeatures(features)[0]
    del layer
    return added


def test_a_new_programme_refuses_a_second_row_with_one_finding_id(tmp_path):
    path = tmp_path / "nieuw.gpkg"
    store.create_programme(path, "Nieuw", "Ergens", 2027)
    row = {"finding_id": "combine:W1:W2", "kind": "combine", "state": "open"}
    assert _insert_findings(path, [row])
    assert not _insert_findings(path, [row])
    assert len(store.read_table(path, FINDINGS)) == 1


def test_doubled_findings_of_an_older_programme_are_merged_at_the_next_analysis(demo_programme):
    """A programme written by two analyses at once before this version: every finding
    twice and no unique index. The next analysis keeps one row per id, with its decision."""
    analyse_programme(demo_programme)
    chance = next(r for r in store.read_table(demo_programme, FINDINGS) if r["kind"] == "combine")
    store.write_records(
        demo_programme,
        DECISIONS,
        [
            {
                "finding_id": chance["finding_id"],
                "verdict": "accepted",
                "decided_at": chance["first_found"],
            }
        ],
    )
    dataset = gdal.OpenEx(str(demo_programme), gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL('DROP INDEX "findings_finding_id_unique"')
    dataset = None
    rows = store.read_table(demo_programme, FINDINGS)
    assert _insert_findings(
        demo_programme, [{k: v for k, v in r.items() if k != "fid"} for r in rows]
    )
    assert len(store.read_table(demo_programme, FINDINGS)) == 2 * len(rows)
    report = analyse_programme(demo_programme)
    after = store.read_table(demo_programme, FINDINGS)
    assert report.written.doubled == len(rows) and report.written.new == 0
    assert sorted(r["finding_id"] for r in after) == sorted(r["finding_id"] for r in rows)
    assert not _insert_findings(
        demo_programme, [{"finding_id": chance["finding_id"], "kind": "combine", "state": "open"}]
    )
    assert [d["finding_id"] for d in store.read_table(demo_programme, DECISIONS)] == [
        chance["finding_id"]
    ]


# --- a damaged file -----------------------------------------------------------------------


def table_pages(path: Path, table: str) -> list[int]:
    """The leaf pages that hold a table's rows (SQLite's dbstat), numbered from 1."""
    with sqlite3.connect("file:{}?mode=ro".format(path), uri=True) as db:
        rows = db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    return [pageno for (pageno,) in rows]


def page_size(path: Path) -> int:
    with sqlite3.connect("file:{}?mode=ro".format(path), uri=True) as db:
        return db.execute("PRAGMA page_size").fetchone()[0]


def break_page(path: Path, table: str) -> None:
    """Overwrite the header of a page in the middle of the table, as a bad sector would."""
    pages = table_pages(path, table)
    size = page_size(path)
    with open(path, "r+b") as file:
        file.seek((pages[len(pages) // 2] - 1) * size)
        file.write(b"\xff" * 64)


def break_text(path: Path, table: str, text: str) -> None:
    """One byte of a stored text made invalid UTF-8: the page stays well-formed."""
    size = page_size(path)
    data = path.read_bytes()
    for pageno in table_pages(path, table):
        at = data.find(text.encode("utf-8"), (pageno - 1) * size, pageno * size)
        if at >= 0:
            with open(path, "r+b") as file:
                file.seek(at + 3)
                file.write(b"\xff")
            return
    raise AssertionError("{} not found in {}".format(text, table))


def quick_check(path: Path) -> list[str]:
    try:
        with sqlite3.connect("file:{}?mode=ro".format(path), uri=True) as db:
            return [row for (row,) in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        return [str(error)]


def test_a_programme_with_a_damaged_page_is_refused_before_anything_is_written(
    demo_programme, processing_run, logged
):
    analyse_programme(demo_programme)
    break_page(demo_programme, "works_lines")
    assert quick_check(demo_programme) != ["ok"]
    before = digest(demo_programme)
    with pytest.raises(ProgrammeError, match="demo.gpkg is damaged: restore a copy"):
        analyse_programme(demo_programme)
    with pytest.raises(QgsProcessingException, match="is damaged: restore a copy"):
        processing_run("programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)})
    with pytest.raises(ProgrammeError, match="is damaged"):
        store.save_settings(demo_programme, "Ander", None, {"combine_distance_m": 9.0}, {})
    with pytest.raises(ProgrammeError, match="is damaged"):
        store.add_stakeholder(demo_programme, "Glasvezel Noord", "telecom")
    assert digest(demo_programme) == before
    assert any("malformed" in message or "error code 11" in message for message in logged)


def test_the_reader_refuses_a_damaged_table_and_never_returns_fewer_rows(demo_programme):
    break_page(demo_programme, "works_lines")
    with pytest.raises(ProgrammeError, match="table works_lines cannot be read completely"):
        read_stored(demo_programme, WORK_TABLES[0], ["work_id", "opens_ground"], geometry=True)
    layer = store.table_layer(demo_programme, "works_lines")
    try:
        with pytest.raises(ProgrammeError, match="cannot be read completely"):
            read_columns(layer, ["work_id", "title"])
    finally:
        del layer


def test_a_damaged_programme_table_is_called_damaged_not_empty(demo_programme):
    break_page(demo_programme, "programme")
    with pytest.raises(ProgrammeError, match="table programme cannot be read completely"):
        store.read_programme(demo_programme)


def test_a_broken_text_value_is_refused_in_our_words_not_as_a_decode_error(demo_programme):
    """A page can be whole (the quick check passes) while a value in it is garbage."""
    break_text(demo_programme, "works_lines", "Afkoppelen hemelwater")
    assert quick_check(demo_programme) == ["ok"]
    before = digest(demo_programme)
    with pytest.raises(ProgrammeError, match="table works_lines cannot be read completely"):
        analyse_programme(demo_programme)
    assert digest(demo_programme) == before


# --- refused before the work starts, in our words -----------------------------------------


def test_a_read_only_programme_is_refused_before_the_analysis_starts(demo_programme, logged):
    seen = []
    with read_only(demo_programme) as locked:
        if not locked and os.geteuid() == 0:
            pytest.skip("root ignores permission bits and chattr is not available here")
        with pytest.raises(ProgrammeError) as refusal:
            analyse_programme(demo_programme, progress=lambda p: seen.append(p) or True)
    assert str(refusal.value) == (
        "Cannot edit {}: the file is read-only or locked.".format(demo_programme)
    )
    assert seen == []
    assert any("Operation not permitted" in m or "Permission denied" in m for m in logged)


def test_a_read_only_programme_refuses_a_stakeholder_without_provider_text(demo_programme):
    with read_only(demo_programme) as locked:
        if not locked and os.geteuid() == 0:
            pytest.skip("root ignores permission bits and chattr is not available here")
        with pytest.raises(ProgrammeError) as refusal:
            store.add_stakeholder(demo_programme, "Glasvezel Noord", "telecom")
    assert str(refusal.value) == (
        "Cannot edit {}: the file is read-only or locked.".format(demo_programme)
    )


def test_a_programme_that_cannot_be_replaced_is_refused_in_our_words(tmp_path, logged):
    path = tmp_path / "vast.gpkg"
    store.create_programme(path, "Vast", "Ergens", 2027)
    before = digest(path)
    with read_only(path) as locked:
        if not locked:
            pytest.skip("chattr is not available here")
        with pytest.raises(ProgrammeError) as refusal:
            store.create_programme(path, "Nieuw", "Ergens", 2028, overwrite=True)
    assert "Errno" not in str(refusal.value)
    assert str(refusal.value) == (
        "Cannot write {}: the file or its folder is read-only or locked.".format(path)
    )
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["vast.gpkg"]
    assert any("Operation not permitted" in message for message in logged)


def test_a_stakeholder_name_longer_than_the_field_is_refused_by_us(demo_programme, processing_run):
    with pytest.raises(ProgrammeError, match="Name has 101 characters; at most 100 fit"):
        store.add_stakeholder(demo_programme, "x" * 101, "telecom")
    with pytest.raises(QgsProcessingException, match="Name has 200 characters; at most 100 fit"):
        processing_run(
            "programmakamer:addstakeholder",
            {"PROGRAMME": str(demo_programme), "NAME": "x" * 200, "DISCIPLINE": 4},
        )
    with pytest.raises(ProgrammeError, match="Contact has 201 characters; at most 200"):
        store.add_stakeholder(demo_programme, "Glasvezel Noord", "telecom", contact="c" * 201)
    assert len(store.read_table(demo_programme, STAKEHOLDERS)) == 12


# --- settings and columns another tool left empty or dropped ------------------------------


def _set_null(path, table, key_field, key, value_field):
    layer = store.table_layer(path, table)
    index = layer.fields().indexOf(value_field)
    changes = {f.id(): {index: None} for f in layer.getFeatures() if f[key_field] == key}
    assert changes and layer.dataProvider().changeAttributeValues(changes)
    del layer


def test_an_empty_rule_setting_is_refused_by_name(demo_programme):
    _set_null(demo_programme, "rule_settings", "key", "combine_distance_m", "value")
    with pytest.raises(ProgrammeError, match=r"\(combine_distance_m\) has no value"):
        analyse_programme(demo_programme)
    assert store.read_table(demo_programme, FINDINGS) == []


def test_an_empty_moratorium_is_refused_by_surface_type(demo_programme):
    _set_null(demo_programme, "moratorium_periods", "surface_type", "asphalt", "years")
    with pytest.raises(ProgrammeError, match="moratorium for Asphalt has no number of years"):
        analyse_programme(demo_programme)
    assert store.read_table(demo_programme, FINDINGS) == []


@pytest.mark.parametrize("column", ["severity", "last_found"])
def test_a_findings_column_dropped_by_another_tool_is_named(demo_programme, column):
    analyse_programme(demo_programme)
    dataset = gdal.OpenEx(str(demo_programme), gdal.OF_VECTOR | gdal.OF_UPDATE)
    findings = dataset.GetLayerByName(FINDINGS.name)
    assert findings.DeleteField(findings.GetLayerDefn().GetFieldIndex(column)) == 0
    findings = dataset = None
    before = digest(demo_programme)
    with pytest.raises(ProgrammeError, match="findings of .* has no column {}".format(column)):
        analyse_programme(demo_programme)
    assert digest(demo_programme) == before


# --- cancel while writing -----------------------------------------------------------------


def test_cancel_while_writing_rolls_the_whole_write_back(demo_programme, monkeypatch):
    """Small chunks, so the cancel comes after some findings were handed to the database."""
    from programmakamer.store import analysis

    monkeypatch.setattr(transactions, "WRITE_CHUNK", 50)
    before = content_digest(demo_programme)
    seen = []

    def progress(percent):
        seen.append(percent)
        return percent < analysis.COMPUTED + 10

    assert analyse_programme(demo_programme, progress=progress) is None
    writing = [p for p in seen if analysis.COMPUTED < p < 100]
    assert writing and writing[-1] >= analysis.COMPUTED + 10
    assert store.read_table(demo_programme, FINDINGS) == []
    assert content_digest(demo_programme) == before
    report = analyse_programme(demo_programme)  # and the next one writes as usual
    assert report.written.new == len(store.read_table(demo_programme, FINDINGS)) > 0


@pytest.fixture()
def gdal_raising():
    """GDAL's Python exceptions on for the whole process, as QGIS 3.40's own GDAL
    Processing provider turns them on when it loads (another plugin may too)."""
    from osgeo import gdal, ogr, osr

    before = [(module, module.GetUseExceptions()) for module in (gdal, ogr, osr)]
    for module, _ in before:
        module.UseExceptions()
    yield
    for module, raising in reversed(before):  # GDAL 3.6: its handlers are a stack
        if not raising:
            module.DontUseExceptions()


def test_refusals_stay_ours_when_gdal_raises_exceptions(demo_programme, tmp_path, gdal_raising):
    from osgeo import gdal, ogr

    not_a_programme = tmp_path / "kapot.gpkg"
    not_a_programme.write_bytes(b"this is not sqlite")
    with pytest.raises(ProgrammeError, match="not a GeoPackage"):
        store.read_programme(not_a_programme)
    break_page(demo_programme, "works_lines")
    with pytest.raises(ProgrammeError, match="table works_lines cannot be read completely"):
        read_stored(demo_programme, WORK_TABLES[0], ["work_id", "opens_ground"], geometry=True)
    assert gdal.GetUseExceptions() and ogr.GetUseExceptions()  # as the process had them
