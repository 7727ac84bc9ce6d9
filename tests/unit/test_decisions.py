"""Which of the chamber's decisions on a finding counts: the latest, by one ordering."""

from datetime import datetime

from programmakamer.core.decisions import decisions_by_finding, latest_decisions

NOON = datetime(2026, 11, 12, 12, 0)
EVENING = datetime(2026, 11, 12, 18, 30)


def decision(fid, verdict, decided_at, finding_id="combine-1"):
    return {"fid": fid, "finding_id": finding_id, "verdict": verdict, "decided_at": decided_at}


def test_the_latest_decision_time_counts_not_the_order_of_recording():
    # the evening's decision was typed in first (lower fid), the noon one from the minutes later
    rows = [decision(1, "accepted", EVENING), decision(2, "rejected", NOON)]
    assert latest_decisions(rows)["combine-1"]["verdict"] == "accepted"
    assert latest_decisions(rows[::-1])["combine-1"]["verdict"] == "accepted"


def test_at_equal_decision_times_the_row_recorded_last_counts():
    rows = [decision(7, "accepted", NOON), decision(3, "rejected", NOON)]
    assert latest_decisions(rows)["combine-1"]["fid"] == 7
    assert latest_decisions(rows[::-1])["combine-1"]["fid"] == 7


def test_an_undated_decision_never_overrides_a_dated_one():
    rows = [decision(1, "accepted", NOON), decision(2, "rejected", None)]
    assert latest_decisions(rows)["combine-1"]["verdict"] == "accepted"
    assert latest_decisions(rows[::-1])["combine-1"]["verdict"] == "accepted"


def test_undated_decisions_among_themselves_follow_the_order_of_recording():
    rows = [decision(5, "deferred", None), decision(4, "rejected", None)]
    assert latest_decisions(rows)["combine-1"]["fid"] == 5
    assert latest_decisions(rows[::-1])["combine-1"]["fid"] == 5


def test_each_finding_has_its_own_latest_decision():
    rows = [
        decision(1, "accepted", EVENING, "combine-1"),
        decision(2, "rejected", NOON, "combine-2"),
        decision(3, "rejected", NOON, "combine-1"),
        decision(4, "accepted", EVENING, "combine-2"),
    ]
    latest = latest_decisions(rows)
    assert {f: d["verdict"] for f, d in latest.items()} == {
        "combine-1": "accepted",
        "combine-2": "accepted",
    }


def test_decisions_on_a_work_belong_to_no_finding():
    rows = [decision(1, "accepted", NOON, None), decision(2, "accepted", NOON, "")]
    assert latest_decisions(rows) == {}
    assert decisions_by_finding(rows) == {}


def test_a_findings_history_runs_from_oldest_to_latest():
    rows = [
        decision(4, "accepted", EVENING),
        decision(2, "deferred", NOON),
        decision(3, "rejected", None),
        decision(1, "rejected", NOON),
    ]
    history = decisions_by_finding(rows)["combine-1"]
    assert [d["fid"] for d in history] == [3, 1, 2, 4]
    assert history[-1] is latest_decisions(rows)["combine-1"]
