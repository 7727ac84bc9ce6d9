"""What concerns each stakeholder after a session, and what changed since its last list.

A stakeholder's action list holds its open works by horizon, every open finding that
involves one of its works (with the other party and how to reach it), the chamber's latest
decision on each of those findings and works or whose action it holds, and the changes
since its previous list. The previous list is kept as entries: an item (work, finding,
decision) with a fingerprint of what the list said about it, so the next list can tell
new, changed and closed apart. Plain data in and out; the export draws it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .decisions import decision_order, latest_decisions
from .findings import finding_order
from .horizons import HORIZON_ORDER, effective_horizon
from .periods import format_period
from .schema import CLOSED_STATUSES, FINDING_KINDS, STATUSES, VERDICTS, choice_label

Row = Mapping[str, Any]

#: Names Windows keeps for devices, also with an extension ("CON.pdf").
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + ["COM{}".format(n) for n in range(1, 10)]
    + ["LPT{}".format(n) for n in range(1, 10)]
)
#: Characters no file name may hold on Windows, macOS or Linux; slashes read as a dash.
_DASHED = str.maketrans({c: "-" for c in "/\\|"})
_FORBIDDEN = re.compile(r'[<>:"?*\x00-\x1f\x7f]')
#: What Excel refuses in a sheet's name.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
MAX_FILE_STEM = 80
MAX_SHEET_TITLE = 31


@dataclass(frozen=True)
class Entry:
    """One item of a list as the next list compares it."""

    kind: str  # work, finding, decision (LISTED_ITEMS)
    item_id: str
    summary: str
    fingerprint: str


@dataclass(frozen=True)
class WorkLine:
    work_id: str
    title: str
    location: str
    period: str
    status: str
    horizon: str | None  # the effective horizon; None: open but without a start
    set_by_chamber: bool
    cost: float | None


@dataclass(frozen=True)
class FindingLine:
    finding_id: str
    kind: str  # its label
    own_work: str
    own_title: str
    other_party: str
    other_contact: str
    other_item: str  # the other work's id and title, or the challenge's title
    explanation: str
    verdict: str  # the label of the latest decision, "" when none


@dataclass(frozen=True)
class DecisionLine:
    subject: str  # what it is about: a finding's kind and works, or a work
    verdict: str
    text: str
    action_holder: str
    holder_contact: str
    decided_at: datetime | None


@dataclass(frozen=True)
class Change:
    change: str  # new, changed, closed
    kind: str  # work, finding, decision
    item_id: str
    summary: str
    before: str = ""  # what the previous list said, when it read otherwise


@dataclass
class ActionList:
    stakeholder_id: int
    name: str
    contact: str
    works: dict[str | None, list[WorkLine]]  # by horizon, in order; None last
    findings: list[FindingLine]
    decisions: list[DecisionLine]
    changes: list[Change]
    previous_at: datetime | None  # when the previous list was made; None: this is the first
    entries: list[Entry] = field(default_factory=list)


def build_action_lists(
    stakeholders: Sequence[Row],
    works: Iterable[Row],
    findings: Iterable[Row],
    decisions: Iterable[Row],
    challenges: Iterable[Row],
    previous: Iterable[Row],
    lang: str,
) -> list[ActionList]:
    """Every stakeholder's list, in the stakeholders' order.

    `works` may hold several footprints of one work (the first counts); `previous` is the
    stored entries of the earlier lists (stakeholder_id, item_kind, item_id, summary,
    fingerprint, listed_at).
    """
    one_per_work: dict[str, Row] = {}
    for work in works:
        one_per_work.setdefault(work["work_id"], work)
    by_id = {s["stakeholder_id"]: s for s in stakeholders}
    by_name = {(s["name"] or "").strip().casefold(): s for s in stakeholders}
    owner = {w: row["stakeholder_id"] for w, row in one_per_work.items()}
    challenge_by_id = {c["challenge_id"]: c for c in challenges}
    open_findings = sorted(
        (f for f in findings if f["state"] == "open"),
        key=lambda f: finding_order(f["kind"], f["severity"], f["finding_id"]),
    )
    decisions = list(decisions)
    latest_on_finding = latest_decisions(decisions)
    latest_on_work = _latest_on_works(decisions)
    earlier = _previous_by_stakeholder(previous)
    lists = []
    for stakeholder in stakeholders:
        sid = stakeholder["stakeholder_id"]
        own = {w for w, s in owner.items() if s == sid}
        work_lines = _work_lines(one_per_work, own, lang)
        finding_lines, finding_entries = _finding_lines(
            open_findings,
            own,
            sid,
            one_per_work,
            by_id,
            by_name,
            challenge_by_id,
            latest_on_finding,
            lang,
        )
        involved = {line.finding_id for line in finding_lines}
        decision_lines, decision_entries = _decision_lines(
            stakeholder,
            involved,
            own,
            latest_on_finding,
            latest_on_work,
            open_findings,
            one_per_work,
            by_name,
            lang,
        )
        entries = (
            [_work_entry(line) for lines in work_lines.values() for line in lines]
            + finding_entries
            + decision_entries
        )
        previous_at, previous_entries = earlier.get(sid, (None, []))
        lists.append(
            ActionList(
                stakeholder_id=sid,
                name=stakeholder["name"],
                contact=stakeholder.get("contact") or "",
                works=work_lines,
                findings=finding_lines,
                decisions=decision_lines,
                changes=[] if previous_at is None else compare(previous_entries, entries),
                previous_at=previous_at,
                entries=entries,
            )
        )
    return lists


def compare(previous: Sequence[Entry], current: Sequence[Entry]) -> list[Change]:
    """New, changed and closed items, in that order, each in the order of its list."""
    before = {(e.kind, e.item_id): e for e in previous}
    now = {(e.kind, e.item_id): e for e in current}
    changes = []
    for entry in current:
        was = before.get((entry.kind, entry.item_id))
        if was is None:
            changes.append(Change("new", entry.kind, entry.item_id, entry.summary))
    for entry in current:
        was = before.get((entry.kind, entry.item_id))
        if was is not None and was.fingerprint != entry.fingerprint:
            said = was.summary if was.summary != entry.summary else ""
            changes.append(Change("changed", entry.kind, entry.item_id, entry.summary, said))
    for entry in previous:
        if (entry.kind, entry.item_id) not in now:
            changes.append(Change("closed", entry.kind, entry.item_id, entry.summary))
    return changes


def stored_entries(lists: Iterable[ActionList], listed_at: datetime) -> list[dict]:
    """The rows that keep these lists for the next comparison: a row for each list itself
    (so an empty list counts as made), then its items."""
    rows = []
    for action_list in lists:
        rows.append(
            {
                "stakeholder_id": action_list.stakeholder_id,
                "item_kind": "list",
                "item_id": "",
                "summary": action_list.name,
                "fingerprint": "",
                "listed_at": listed_at,
            }
        )
        rows.extend(
            {
                "stakeholder_id": action_list.stakeholder_id,
                "item_kind": entry.kind,
                "item_id": entry.item_id,
                "summary": entry.summary,
                "fingerprint": entry.fingerprint,
                "listed_at": listed_at,
            }
            for entry in action_list.entries
        )
    return rows


def _previous_by_stakeholder(rows: Iterable[Row]) -> dict[int, tuple[datetime | None, list]]:
    """Each stakeholder's previous list: when it was made and its entries."""
    earlier: dict[int, tuple[datetime | None, list]] = {}
    for row in rows:
        sid = row["stakeholder_id"]
        made, entries = earlier.get(sid, (None, []))
        if row["item_kind"] == "list":
            made = row["listed_at"]
        else:
            entries.append(
                Entry(row["item_kind"], row["item_id"], row["summary"] or "", row["fingerprint"])
            )
        earlier[sid] = (made, entries)
    return earlier


def _fingerprint(*values: Any) -> str:
    return hashlib.sha1(repr(values).encode("utf-8")).hexdigest()[:16]


def _work_lines(works: Mapping[str, Row], own: set[str], lang: str) -> dict:
    """The stakeholder's open works by effective horizon; open works without one last."""
    lines: dict[str | None, list[WorkLine]] = {h: [] for h in (*HORIZON_ORDER, None)}
    for work_id in sorted(own):
        work = works[work_id]
        if work["status"] in CLOSED_STATUSES:
            continue
        horizon = effective_horizon(work["horizon"], work["horizon_override"])
        lines[horizon if horizon in lines else None].append(
            WorkLine(
                work_id=work_id,
                title=work["title"] or "",
                location=work["location"] or "",
                period=format_period(
                    work["planned_start"],
                    work["start_precision"],
                    work["planned_end"],
                    work["end_precision"],
                    lang,
                ),
                status=choice_label(STATUSES, work["status"], lang),
                horizon=horizon if horizon in lines else None,
                set_by_chamber=bool(work["horizon_override"]),
                cost=work["cost_estimate"],
            )
        )
    return lines


def _work_entry(line: WorkLine) -> Entry:
    return Entry(
        "work",
        line.work_id,
        "{} {}".format(line.work_id, line.title),
        _fingerprint(line.title, line.location, line.period, line.status, line.horizon, line.cost),
    )


def _finding_lines(
    findings, own, sid, works, by_id, by_name, challenges, latest, lang
) -> tuple[list[FindingLine], list[Entry]]:
    """The open findings that involve one of the stakeholder's works, each from its side:
    its own work, then the other party with its contact."""
    lines, entries = [], []
    for finding in findings:
        sides = [w for w in (finding["work_a"], finding["work_b"]) if w]
        mine = [w for w in sides if w in own]
        if not mine:
            continue
        own_work = mine[0]
        others = [w for w in sides if w != own_work]
        if others:
            other_work = others[0]
            row = works.get(other_work)
            party = by_id.get(row["stakeholder_id"]) if row else None
            if party is None:
                party_name = (
                    finding["stakeholder_b"]
                    if other_work == finding["work_b"]
                    else finding["stakeholder_a"]
                ) or ""
            else:
                party_name = party["name"]
            other_item = "{} {}".format(other_work, row["title"] if row else "").strip()
        else:
            challenge = challenges.get(finding["challenge_id"]) or {}
            party_name = challenge.get("owner") or ""
            party = by_name.get(party_name.strip().casefold())
            other_item = challenge.get("title") or finding["challenge_id"] or ""
        explanation = (
            finding["explanation_nl"] if lang == "nl" else finding["explanation_en"]
        ) or ""
        kind = choice_label(FINDING_KINDS, finding["kind"], lang)
        decision = latest.get(finding["finding_id"], {})
        lines.append(
            FindingLine(
                finding_id=finding["finding_id"],
                kind=kind,
                own_work=own_work,
                own_title=(works[own_work]["title"] or ""),
                other_party=party_name,
                other_contact=(party.get("contact") if party else None) or "",
                other_item=other_item,
                explanation=explanation,
                verdict=choice_label(VERDICTS, decision.get("verdict"), lang),
            )
        )
        entries.append(
            Entry(
                "finding",
                finding["finding_id"],
                "{}: {}".format(kind, explanation),
                _fingerprint(
                    finding["kind"],
                    finding["work_a"],
                    finding["work_b"],
                    finding["challenge_id"],
                    finding["explanation_en"],
                ),
            )
        )
    return lines, entries


def _latest_on_works(decisions: Iterable[Row]) -> dict[str, Row]:
    """The decision that counts for each work decided on directly (no finding)."""
    latest: dict[str, Row] = {}
    for decision in sorted(decisions, key=decision_order):
        if not decision["finding_id"] and decision["work_id"]:
            latest[decision["work_id"]] = decision
    return latest


def _decision_lines(
    stakeholder, involved, own, on_finding, on_work, findings, works, by_name, lang
) -> tuple[list[DecisionLine], list[Entry]]:
    """The latest decision on each finding of its list and each of its works, and every
    latest decision whose action it holds, oldest first."""
    name = (stakeholder["name"] or "").strip().casefold()
    finding_by_id = {f["finding_id"]: f for f in findings}
    chosen = []
    for finding_id, decision in on_finding.items():
        holder = (decision.get("action_holder") or "").strip().casefold()
        if finding_id in involved or (holder and holder == name):
            finding = finding_by_id.get(finding_id)
            if finding is None:
                subject = finding_id
            else:
                subject = "{}: {}".format(
                    choice_label(FINDING_KINDS, finding["kind"], lang),
                    " – ".join(w for w in (finding["work_a"], finding["work_b"]) if w),
                )
            chosen.append(("finding:" + finding_id, subject, decision))
    for work_id, decision in on_work.items():
        holder = (decision.get("action_holder") or "").strip().casefold()
        if work_id in own or (holder and holder == name):
            work = works.get(work_id)
            subject = "{} {}".format(work_id, work["title"] if work else "").strip()
            chosen.append(("work:" + work_id, subject, decision))
    chosen.sort(key=lambda item: decision_order(item[2]))
    lines, entries = [], []
    for item_id, subject, decision in chosen:
        holder = decision.get("action_holder") or ""
        party = by_name.get(holder.strip().casefold())
        verdict = choice_label(VERDICTS, decision["verdict"], lang)
        text = decision.get("decision_text") or ""
        lines.append(
            DecisionLine(
                subject=subject,
                verdict=verdict,
                text=text,
                action_holder=holder,
                holder_contact=(party.get("contact") if party else None) or "",
                decided_at=decision["decided_at"],
            )
        )
        entries.append(
            Entry(
                "decision",
                item_id,
                "{}: {}".format(subject, " – ".join(t for t in (verdict, text) if t)),
                _fingerprint(decision["verdict"], text, holder, decision["decided_at"]),
            )
        )
    return lines, entries


def safe_file_stems(names: Sequence[str], fallback: str = "stakeholder") -> list[str]:
    """A file name (without extension) for each name, safe on Windows, macOS and Linux and
    unique even where file names ignore case: slashes become dashes, characters no system
    allows become spaces, device names (CON, LPT1) get a trailing underscore, and a name
    that repeats another gets " (2)"."""

    def clean(name: str) -> str:
        text = _FORBIDDEN.sub(" ", unicodedata.normalize("NFC", name).translate(_DASHED))
        text = " ".join(text.split())[:MAX_FILE_STEM].strip(" .-")
        if text.split(".")[0].strip().upper() in RESERVED_NAMES:
            text += "_"
        return text or fallback

    return _unique([clean(n or "") for n in names], MAX_FILE_STEM)


def sheet_titles(names: Sequence[str], fallback: str = "stakeholder") -> list[str]:
    """A worksheet title for each name: what Excel refuses replaced, at most 31
    characters, no apostrophe at either end, unique as Excel compares them (without case)."""

    def clean(name: str) -> str:
        text = _SHEET_FORBIDDEN.sub(" ", unicodedata.normalize("NFC", name))
        text = " ".join(text.split()).strip("'")[:MAX_SHEET_TITLE].strip(" '")
        return text or fallback

    return _unique([clean(n or "") for n in names], MAX_SHEET_TITLE)


def _unique(texts: list[str], longest: int) -> list[str]:
    """Texts that differ without case too, each at most `longest` characters: a repeat gets
    " (2)", " (3)", … (shortening the text to make room)."""
    taken: set[str] = set()
    unique = []
    for text in texts:
        candidate, number = text, 1
        while candidate.casefold() in taken:
            number += 1
            suffix = " ({})".format(number)
            candidate = text[: longest - len(suffix)].rstrip() + suffix
        taken.add(candidate.casefold())
        unique.append(candidate)
    return unique
