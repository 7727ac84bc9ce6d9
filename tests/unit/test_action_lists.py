from datetime import date, datetime

from programmakamer.core.action_lists import (
    build_action_lists,
    safe_file_stems,
    sheet_titles,
    stored_entries,
)

STAKEHOLDERS = [
    {"stakeholder_id": 1, "name": "Riolering", "contact": "riool@stad.nl"},
    {"stakeholder_id": 2, "name": "Netbeheer", "contact": "net@beheer.nl"},
    {"stakeholder_id": 3, "name": "Groen", "contact": None},
]


def work(work_id, stakeholder, title, status="planned", horizon="short", override=None):
    return {
        "work_id": work_id,
        "stakeholder_id": stakeholder,
        "title": title,
        "location": "Singel",
        "planned_start": date(2027, 1, 1),
        "start_precision": "year",
        "planned_end": date(2027, 12, 31),
        "end_precision": "year",
        "status": status,
        "horizon": horizon,
        "horizon_override": override,
        "cost_estimate": 1000.0,
    }


def finding(finding_id, kind, a, b, state="open", challenge=None):
    return {
        "finding_id": finding_id,
        "kind": kind,
        "state": state,
        "work_a": a,
        "work_b": b,
        "challenge_id": challenge,
        "stakeholder_a": None,
        "stakeholder_b": None,
        "severity": 1.0,
        "explanation_en": "{} of {} and {}".format(kind, a, b),
        "explanation_nl": "{} van {} en {}".format(kind, a, b),
    }


WORKS = [
    work("R1", 1, "Riool Singel"),
    work("R2", 1, "Riool Markt", horizon="long", override="medium"),
    work("R3", 1, "Riool klaar", status="done", horizon=None),
    work("N1", 2, "Kabel Singel"),
    work("G1", 3, "Bomen Markt", horizon="medium"),
]
FINDINGS = [
    finding("combine-1", "combine", "N1", "R1"),
    finding("clash-1", "clash", "G1", "N1"),
    finding("clash-old", "clash", "R2", "G1", state="obsolete"),
    finding("ambition-1", "ambition", "R2", None, challenge="C1"),
]
CHALLENGES = [{"challenge_id": "C1", "title": "Hittestress", "owner": "groen"}]
DECISIONS = [
    {
        "fid": 1,
        "finding_id": "combine-1",
        "work_id": None,
        "verdict": "accepted",
        "decision_text": "Samen graven",
        "action_holder": "Netbeheer",
        "decided_at": datetime(2026, 11, 12, 14, 30),
    },
    {
        "fid": 2,
        "finding_id": None,
        "work_id": "G1",
        "verdict": "deferred",
        "decision_text": "Na de zomer",
        "action_holder": "riolering",
        "decided_at": datetime(2026, 11, 12, 15, 0),
    },
]


def lists(works=WORKS, findings=FINDINGS, decisions=DECISIONS, previous=()):
    made = build_action_lists(STAKEHOLDERS, works, findings, decisions, CHALLENGES, previous, "en")
    return {a.name: a for a in made}


def test_a_stakeholder_gets_its_open_works_by_horizon_and_the_findings_on_them():
    sewer = lists()["Riolering"]
    assert [w.work_id for w in sewer.works["short"]] == ["R1"]
    assert [(w.work_id, w.set_by_chamber) for w in sewer.works["medium"]] == [("R2", True)]
    assert sewer.works["long"] == [] and sewer.works[None] == []  # R3 is done
    by_id = {f.finding_id: f for f in sewer.findings}
    assert set(by_id) == {"combine-1", "ambition-1"}  # not the obsolete clash
    chance = by_id["combine-1"]
    assert (chance.own_work, chance.other_party, chance.other_contact) == (
        "R1",
        "Netbeheer",
        "net@beheer.nl",
    )
    assert chance.verdict == "Accepted"
    # an ambition's other party is the challenge's owner, found by name in any case
    ambition = by_id["ambition-1"]
    assert (ambition.other_party, ambition.other_item) == ("groen", "Hittestress")


def test_decisions_come_from_its_findings_its_works_and_the_actions_it_holds():
    made = lists()
    sewer = made["Riolering"]
    assert [(d.subject, d.action_holder, d.holder_contact) for d in sewer.decisions] == [
        ("Dig-once chance: N1 – R1", "Netbeheer", "net@beheer.nl"),
        ("G1 Bomen Markt", "riolering", "riool@stad.nl"),  # it holds the action
    ]
    green = made["Groen"]
    assert [d.subject for d in green.decisions] == ["G1 Bomen Markt"]  # its own work
    assert [f.finding_id for f in green.findings] == ["clash-1"]


def test_the_first_list_has_no_changes_and_the_next_tells_new_changed_and_closed():
    first = lists()
    assert all(a.previous_at is None and a.changes == [] for a in first.values())
    kept = stored_entries(first.values(), datetime(2026, 11, 13, 9, 0))
    works = [w for w in WORKS if w["work_id"] != "R2"] + [
        work("R2", 1, "Riool Markt en plein", horizon="long", override="medium"),
        work("R4", 1, "Riool nieuw"),
    ]
    findings = [f for f in FINDINGS if f["finding_id"] != "combine-1"]
    second = lists(works=works, findings=findings, previous=kept)["Riolering"]
    assert second.previous_at == datetime(2026, 11, 13, 9, 0)
    changes = {(c.change, c.kind, c.item_id) for c in second.changes}
    [renamed] = [c for c in second.changes if c.item_id == "R2"]
    assert (renamed.summary, renamed.before) == ("R2 Riool Markt en plein", "R2 Riool Markt")
    assert changes == {
        ("new", "work", "R4"),
        ("changed", "work", "R2"),
        ("closed", "finding", "combine-1"),
        ("closed", "decision", "finding:combine-1"),
    }
    # an empty list counts as made: the next one compares with it
    empty = stored_entries([lists(works=[], findings=[], decisions=[])["Groen"]], datetime.now())
    again = lists(previous=empty)["Groen"]
    assert again.previous_at is not None
    assert {(c.change, c.item_id) for c in again.changes} == {
        ("new", "G1"),
        ("new", "clash-1"),
        ("new", "work:G1"),
    }


def test_file_names_are_safe_and_unique_for_any_stakeholder_name():
    names = [
        'O\'Brien/Netbeheer: "Oost"',
        "Groen",
        "GROEN",
        "CON",
        "lpt1.pdf",
        "..",
        "Gemeente – Wegen",
        "a\x00b\\c|d<e>f?g*h",
        "x" * 200,
    ]
    stems = safe_file_stems(names)
    assert stems[:7] == [
        "O'Brien-Netbeheer Oost",
        "Groen",
        "GROEN (2)",
        "CON_",
        "lpt1.pdf_",
        "stakeholder",
        "Gemeente – Wegen",
    ]
    assert stems[7] == "a b-c-d e f g h"
    assert len(stems[8]) == 80
    assert len({s.casefold() for s in stems}) == len(stems)
    for stem in stems:
        assert not set(stem) & set('<>:"/\\|?*') and stem == stem.strip(" .")


def test_sheet_titles_fit_excel():
    titles = sheet_titles(
        ["Gemeente – Openbare verlichting plus", "[a]:b", "'q'", "A" * 40, "a" * 40]
    )
    assert titles[0] == "Gemeente – Openbare verlichting"
    assert titles[1:3] == ["a b", "q"]
    assert titles[3] == "A" * 31 and titles[4] == "a" * 27 + " (2)"
    assert all(len(t) <= 31 for t in titles)
