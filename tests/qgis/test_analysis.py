"""The whole analysis on the demo city, through the store and through Processing."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from qgis.core import QgsFeature, QgsProcessingException, QgsProcessingFeedback
from shapely.geometry import LineString

from programmakamer.core.schema import DECISIONS, FINDINGS, WORK_TABLES
from programmakamer.store import programme as store
from programmakamer.store import transactions
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.errors import ProgrammeError

from .helpers import read_only


def planted_pairs(city, *kinds):
    pairs = set()
    for kind in kinds:
        for group in city.planted[kind]:
            pairs |= {tuple(sorted((a, b))) for a in group for b in group if a < b}
    return pairs


def findings_of(path, kind=None, state="open"):
    return [
        r
        for r in store.read_table(path, FINDINGS)
        if (kind is None or r["kind"] == kind) and r["state"] == state
    ]


def test_the_planted_patterns_are_found_and_nothing_else_of_their_kinds(demo_programme, demo_city):
    report = analyse_programme(demo_programme)
    combine = {
        tuple(sorted((r["work_a"], r["work_b"]))) for r in findings_of(demo_programme, "combine")
    }
    sequence = {(r["work_a"], r["work_b"]) for r in findings_of(demo_programme, "sequence")}
    moratorium = {(r["work_a"], r["work_b"]) for r in findings_of(demo_programme, "moratorium")}
    clusters = planted_pairs(demo_city, "combine")
    assert clusters <= combine
    assert combine <= clusters | planted_pairs(demo_city, "sequence")
    assert sequence == set(demo_city.planted["sequence"])
    assert moratorium == set(demo_city.planted["moratorium"])
    pairwise = {
        tuple(sorted((r["work_a"], r["work_b"])))
        for r in findings_of(demo_programme)
        if r["kind"] in ("combine", "clash", "sequence", "moratorium")
    }
    assert pairwise <= planted_pairs(demo_city, "combine", "sequence", "moratorium")
    assert report.counts["combine"] == len(combine)
    assert all(r["explanation_nl"] and r["explanation_en"] for r in findings_of(demo_programme))


def test_decisions_stay_attached_when_the_analysis_runs_again(demo_programme):
    analyse_programme(demo_programme)
    chance = findings_of(demo_programme, "combine")[0]
    store.write_records(
        demo_programme,
        DECISIONS,
        [
            {
                "finding_id": chance["finding_id"],
                "verdict": "accepted",
                "decision_text": "Samen",
                "decided_by": "kamer",
                "decided_at": datetime(2026, 11, 28, 14, 0),
            }
        ],
    )
    second = analyse_programme(demo_programme)
    assert second.written.new == 0 and second.written.obsolete == 0
    again = {r["finding_id"]: r for r in findings_of(demo_programme)}
    assert chance["finding_id"] in again
    assert again[chance["finding_id"]]["first_found"] == chance["first_found"]
    # the accepted pair no longer counts as a conflict
    accepted = tuple(sorted((chance["work_a"], chance["work_b"])))
    clashes = {
        tuple(sorted((r["work_a"], r["work_b"]))) for r in findings_of(demo_programme, "clash")
    }
    assert accepted not in clashes
    assert [d["finding_id"] for d in store.read_table(demo_programme, DECISIONS)] == [
        chance["finding_id"]
    ]


def test_a_finding_that_disappears_is_marked_obsolete_not_deleted(demo_programme):
    analyse_programme(demo_programme)
    sequence = findings_of(demo_programme, "sequence")[0]
    layer = store.table_layer(demo_programme, WORK_TABLES[0].name)
    layer.startEditing()
    for feature in layer.getFeatures():
        if feature["work_id"] == sequence["work_b"]:
            layer.changeAttributeValue(feature.id(), layer.fields().indexOf("status"), "cancelled")
    assert layer.commitChanges()
    report = analyse_programme(demo_programme)
    assert report.written.obsolete >= 1
    obsolete = {r["finding_id"] for r in findings_of(demo_programme, state="obsolete")}
    assert sequence["finding_id"] in obsolete


class Told(QgsProcessingFeedback):
    """A feedback that keeps what the algorithm told (info, warnings, errors)."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.lines.append(error)


def test_analyseprogramme_lists_give_the_total_and_say_how_many_more(
    processing_run, demo_programme
):
    """Fifteen works without a start: the total, ten ids and the rest counted, not a wall."""
    from osgeo import gdal

    dataset = gdal.OpenEx(str(demo_programme), gdal.OF_VECTOR | gdal.OF_UPDATE)
    query = dataset.ExecuteSQL("SELECT DISTINCT work_id FROM works_lines ORDER BY work_id")
    ids = [feature.GetField(0) for feature in query][:15]
    dataset.ReleaseResultSet(query)
    for work_id in ids:  # GDAL's own SQL: the GeoPackage's triggers need its functions
        dataset.ExecuteSQL(
            "UPDATE works_lines SET planned_start = NULL WHERE work_id = '{}'".format(work_id)
        )
    dataset = None
    told = Told()
    processing_run(
        "programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)}, feedback=told
    )
    [line] = [line for line in told.lines if "without a planned start" in line]
    assert "(left out, 15)" in line and line.endswith("and 5 more")
    assert sum(i in line for i in ids) == 10


def test_analyseprogramme_reports_counts_per_kind(processing_run, demo_programme):
    result = processing_run("programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)})
    assert result["COMBINE"] == len(findings_of(demo_programme, "combine")) > 0
    assert result["MORATORIUM"] == 5 and result["SEQUENCE"] == 6
    told = Told()
    processing_run(
        "programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)}, feedback=told
    )
    total = sum(result[k] for k in ("COMBINE", "CLASH", "SEQUENCE", "MORATORIUM", "AMBITION"))
    total += result["HOTSPOT"]
    assert any(
        "New 0, changed 0, unchanged {}, no longer found 0".format(total) in line
        for line in told.lines
    ), told.lines


KINDS = ("COMBINE", "CLASH", "SEQUENCE", "MORATORIUM", "AMBITION", "HOTSPOT")


def test_a_new_programme_analyses_to_no_findings_with_a_clear_report(processing_run, tmp_path):
    """Every programme starts like this: all works tables empty."""
    path = tmp_path / "nieuw.gpkg"
    processing_run(
        "programmakamer:createprogramme",
        {"NAME": "Nieuw", "MUNICIPALITY": "Ergens", "REFERENCE_YEAR": 2027, "OUTPUT": str(path)},
    )
    told = Told()
    result = processing_run(
        "programmakamer:analyseprogramme", {"PROGRAMME": str(path)}, feedback=told
    )
    assert [result[k] for k in KINDS] == [0] * 6
    assert any("New 0, changed 0, unchanged 0, no longer found 0." in line for line in told.lines)
    assert findings_of(path) == []


def test_a_programme_with_only_line_works_analyses(processing_run, tmp_path, demo_city):
    """Areas and points empty, two line works far apart: nothing to find, and said so."""
    path = tmp_path / "lijnen.gpkg"
    store.create_programme(path, "Lijnen", "Ergens", 2027, stakeholders=demo_city.stakeholders)
    work = {"discipline": "sewer", "title": "Riool", "status": "planned", "opens_ground": True}
    store.write_works(
        path,
        [
            {
                **work,
                "work_id": "L-{}".format(n),
                "stakeholder_id": n,
                "planned_start": datetime(2028, 1, 1).date(),
                "planned_end": datetime(2028, 12, 31).date(),
                "geometry": LineString([(155000 + 1000 * n, 463000), (155100 + 1000 * n, 463000)]),
            }
            for n in (1, 2)
        ],
    )
    report = analyse_programme(path)
    assert report.read.features == 2 and sum(report.counts.values()) == 0
    told = Told()
    result = processing_run(
        "programmakamer:analyseprogramme", {"PROGRAMME": str(path)}, feedback=told
    )
    assert [result[k] for k in KINDS] == [0] * 6
    assert any("New 0, changed 0, unchanged 0, no longer found 0." in line for line in told.lines)


def set_rule(path, key, value):
    # In a helper, so no layer stays in the test's frame: pytest.raises keeps that frame
    # alive through its traceback, and a layer freed after QGIS has exited crashes it.
    layer = store.table_layer(path, "rule_settings")
    layer.startEditing()
    for feature in layer.getFeatures():
        if feature["key"] == key:
            layer.changeAttributeValue(feature.id(), layer.fields().indexOf("value"), value)
    assert layer.commitChanges()


def test_analyseprogramme_refuses_bad_rule_settings(processing_run, demo_programme):
    set_rule(demo_programme, "combine_distance_m", -1.0)
    with pytest.raises(QgsProcessingException, match="from 0 to 500"):
        processing_run("programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)})
    assert findings_of(demo_programme) == []


def test_findings_name_the_stakeholders(demo_programme):
    analyse_programme(demo_programme)
    chance = findings_of(demo_programme, "combine")[0]
    names = {s["name"] for s in store.read_stakeholders(demo_programme)}
    assert chance["stakeholder_a"] in names and chance["stakeholder_b"] in names


def test_a_cancelled_analysis_writes_nothing(demo_programme):
    from programmakamer.store.analysis import COMPUTED

    seen = []
    report = analyse_programme(demo_programme, progress=lambda p: seen.append(p) or p < 50)
    assert report is None and seen[-1] == COMPUTED
    assert store.read_table(demo_programme, FINDINGS) == []


def test_cancel_while_writing_through_processing_says_that_nothing_was_written(
    processing_run, demo_programme, monkeypatch
):
    """Progress moves while the findings are written, and Cancel there is heard: the write
    rolls back whole, and the log says so."""
    from programmakamer.store.analysis import COMPUTED

    monkeypatch.setattr(transactions, "WRITE_CHUNK", 50)
    told = Told()
    seen = []

    def on_progress(percent):
        seen.append(percent)
        if percent > COMPUTED:
            told.cancel()

    told.progressChanged.connect(on_progress)
    processing_run(
        "programmakamer:analyseprogramme", {"PROGRAMME": str(demo_programme)}, feedback=told
    )
    assert any(COMPUTED < p < 100 for p in seen), seen
    assert "Cancelled: nothing was written, the findings are as they were." in told.lines
    assert findings_of(demo_programme) == []


def test_a_second_analysis_rewrites_only_what_changed(demo_programme):
    import time

    first = analyse_programme(demo_programme)
    before = {r["finding_id"]: r for r in findings_of(demo_programme)}
    time.sleep(1.1)  # last_found has whole seconds
    again = analyse_programme(demo_programme)
    total = sum(first.counts.values())
    assert (again.written.new, again.written.updated) == (0, 0)
    assert again.written.unchanged == total
    after = {r["finding_id"]: r for r in findings_of(demo_programme)}
    assert all(after[k]["last_found"] > before[k]["last_found"] for k in before)
    assert all(after[k]["first_found"] == before[k]["first_found"] for k in before)
    assert all(after[k]["explanation_en"] == before[k]["explanation_en"] for k in before)

    # one dig-once chance changes: its partner is moved 2 m, so distance and zone change
    chance = findings_of(demo_programme, "combine")[0]
    layer = store.table_layer(demo_programme, WORK_TABLES[0].name)
    layer.startEditing()
    for feature in layer.getFeatures():
        if feature["work_id"] == chance["work_b"]:
            moved = feature.geometry()
            moved.translate(0, 2)
            layer.changeGeometry(feature.id(), moved)
    assert layer.commitChanges()
    third = analyse_programme(demo_programme)
    assert third.written.updated >= 1 and third.written.new == 0
    assert third.written.unchanged >= total - 20
    changed = {r["finding_id"]: r for r in findings_of(demo_programme)}[chance["finding_id"]]
    assert changed["distance_m"] != pytest.approx(chance["distance_m"], abs=0.01)
    assert changed["first_found"] == chance["first_found"]


def test_an_analysis_that_cannot_write_says_so_and_writes_nothing(demo_programme):
    from programmakamer.store.errors import ProgrammeError

    with read_only(demo_programme.parent, demo_programme) as locked:
        if not locked and os.geteuid() == 0:
            pytest.skip("root ignores permission bits and chattr is not available here")
        with pytest.raises(ProgrammeError, match="demo.gpkg.*read-only or locked"):
            analyse_programme(demo_programme)
    assert findings_of(demo_programme) == []


def _failing_halfway(monkeypatch):
    """Features whose inserts fail after the first, as a full disk would: all claim one
    feature id, so the database refuses the second."""
    from programmakamer.store import analysis

    build = analysis.features_from_columns

    def features(table, columns, count, fields):
        built = build(table, columns, count, fields)
        for feature in built:
            feature.setAttribute(fields.indexOf("fid"), 999_999)
        return built

    monkeypatch.setattr(analysis, "features_from_columns", features)


def test_a_write_failing_halfway_leaves_no_findings(demo_programme, monkeypatch):
    _failing_halfway(monkeypatch)
    with pytest.raises(ProgrammeError, match="demo.gpkg"):
        analyse_programme(demo_programme)
    assert store.read_table(demo_programme, FINDINGS) == []


def test_a_reanalysis_failing_halfway_keeps_the_findings_and_decisions(demo_programme, monkeypatch):
    analyse_programme(demo_programme)
    chance = findings_of(demo_programme, "combine")[0]
    decision = {
        "finding_id": chance["finding_id"],
        "verdict": "accepted",
        "decision_text": "Samen graven",
        "decided_at": datetime(2026, 11, 30, 10, 0),
    }
    store.write_records(demo_programme, DECISIONS, [decision])
    before = sorted(map(repr, store.read_table(demo_programme, FINDINGS)))
    decisions = store.read_table(demo_programme, DECISIONS)
    # a new work beside one that already meets others: several new findings, and the
    # moved partner changes the old ones
    layer = store.table_layer(demo_programme, WORK_TABLES[0].name)
    layer.startEditing()
    for feature in list(layer.getFeatures()):
        if feature["work_id"] == chance["work_b"]:
            twin = QgsFeature(feature)
            twin.setAttribute("fid", None)
            twin.setAttribute("work_id", "NEW-1")
            twin.setAttribute("stakeholder_id", 1 + feature["stakeholder_id"] % 12)
            layer.addFeature(twin)
            moved = feature.geometry()
            moved.translate(0, 2)
            layer.changeGeometry(feature.id(), moved)
    assert layer.commitChanges()
    _failing_halfway(monkeypatch)
    with pytest.raises(ProgrammeError, match="demo.gpkg"):
        analyse_programme(demo_programme)
    after = sorted(map(repr, store.read_table(demo_programme, FINDINGS)))
    assert after == before
    assert store.read_table(demo_programme, DECISIONS) == decisions


KILLED_INSIDE = """
import sys, time
from qgis.core import QgsApplication, QgsFeature
app = QgsApplication([], False)
app.initQgis()
from programmakamer.store import programme as store
from programmakamer.store.transactions import provider_transaction
layer = store.table_layer(sys.argv[1], "findings")
state = layer.fields().indexOf("state")
with provider_transaction(layer) as (provider,):
    extra = QgsFeature(layer.fields())
    extra.setAttribute("finding_id", "half-written")
    assert provider.addFeatures([extra])[0]
    gone = {f.id(): {state: "obsolete"} for f in layer.getFeatures()}
    assert provider.changeAttributeValues(gone)
    print("inside", flush=True)
    time.sleep(120)
"""


def test_a_process_killed_inside_the_transaction_leaves_the_findings_as_they_were(
    demo_programme,
):
    """The chamber's laptop dies while findings are written: on the next start SQLite rolls
    the unfinished transaction back and the file opens as it was."""
    import subprocess
    import sys
    from pathlib import Path

    analyse_programme(demo_programme)
    before = sorted(map(repr, store.read_table(demo_programme, FINDINGS)))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_INSIDE, str(demo_programme)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == b"inside"
    finally:
        child.kill()
        child.wait()
    store.read_programme(demo_programme)  # opens: the schema is whole
    assert sorted(map(repr, store.read_table(demo_programme, FINDINGS))) == before


@pytest.mark.parametrize("kept", [0.5, 0.97])
def test_a_truncated_programme_is_refused_with_a_message(demo_programme, kept):
    """A copy cut short (a full disk, a broken download): a message, no crash, no write."""
    size = demo_programme.stat().st_size
    with open(demo_programme, "r+b") as file:
        file.truncate(int(size * kept))
    with pytest.raises(ProgrammeError, match="not a GeoPackage that can be read"):
        analyse_programme(demo_programme)
    assert demo_programme.stat().st_size == int(size * kept)
