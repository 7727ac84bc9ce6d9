"""The chamber's rules from core/, read alike by the analysis, the memo, the map and the panel."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from qgis.core import QgsLayoutItemLabel

from programmakamer.core.schema import DECISIONS, FINDING_STATES, FINDINGS, choice_label
from programmakamer.export.memo_tables import build_memo_tables
from programmakamer.export.programme_map import build_programme_layout
from programmakamer.store import programme as store
from programmakamer.store.analysis import accepted_combinations, analyse_programme
from programmakamer.store.layers import open_programme
from programmakamer.translation import language, tr
from programmakamer.ui.models import read_finding_rows


def test_analysis_memo_map_and_panel_agree_on_the_latest_decision(demo_programme, project):
    analyse_programme(demo_programme)
    chances = [
        f
        for f in store.read_table(demo_programme, FINDINGS)
        if f["kind"] == "combine" and f["state"] == "open"
    ][:3]
    undated, tied, late = (c["finding_id"] for c in chances)
    noon, evening = datetime(2026, 11, 12, 12, 0), datetime(2026, 11, 12, 18, 0)
    store.write_records(
        demo_programme,
        DECISIONS,
        [
            # a dated acceptance, then a row typed in later without a date: the date counts
            {"finding_id": undated, "verdict": "accepted", "decided_at": noon},
            {"finding_id": undated, "verdict": "rejected", "decided_at": None},
            # one moment, two rows: the one recorded last counts
            {"finding_id": tied, "verdict": "rejected", "decided_at": noon},
            {"finding_id": tied, "verdict": "accepted", "decided_at": noon},
            # recorded later but decided earlier: the later decision counts
            {"finding_id": late, "verdict": "rejected", "decided_at": evening},
            {"finding_id": late, "verdict": "accepted", "decided_at": noon},
        ],
    )
    accepted = {undated, tied}
    pairs = {
        tuple(sorted((c["work_a"], c["work_b"]))) for c in chances if c["finding_id"] in accepted
    }

    assert accepted_combinations(demo_programme) == pairs

    memo = build_memo_tables(demo_programme)
    assert memo.accepted_saving == pytest.approx(
        sum(c["saving_eur"] for c in chances if c["finding_id"] in accepted)
    )

    open_programme(project, demo_programme)
    build_programme_layout(project, str(demo_programme), pages=("overview",))
    (layer,) = project.mapLayersByName(tr("Accepted dig-once chances"))
    assert {f["finding_id"] for f in layer.getFeatures()} == accepted

    rows = {r.finding_id: r for r in read_finding_rows(str(demo_programme))}
    assert {
        f for f, r in rows.items() if r.decisions and r.decisions[-1]["verdict"] == "accepted"
    } == accepted
    assert [d["verdict"] for d in rows[undated].decisions] == ["rejected", "accepted"]


def test_the_memo_and_the_panel_list_open_findings_in_one_order(demo_programme):
    analyse_programme(demo_programme)
    memo = build_memo_tables(demo_programme)
    open_label = choice_label(FINDING_STATES, "open", language())
    in_memo = [row[2] for row in memo.finding_rows if row[1] == open_label]
    in_panel = [r.explanation for r in read_finding_rows(str(demo_programme))]
    assert len(in_panel) > 100 and in_memo == in_panel


def test_the_map_says_when_it_was_exported_the_way_the_reader_writes_dates(demo_programme, project):
    open_programme(project, demo_programme)
    layout = build_programme_layout(
        project, str(demo_programme), pages=("overview",), today=date(2026, 11, 12)
    )
    texts = [i.text() for i in layout.items() if isinstance(i, QgsLayoutItemLabel)]
    if language() != "nl":  # the Dutch form is what every language got before
        assert any("12 Nov 2026" in t for t in texts)
        assert not any("12-11-2026" in t for t in texts)
    else:
        assert any("12-11-2026" in t for t in texts)
