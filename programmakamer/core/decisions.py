"""The chamber's decisions on findings: every one is kept, the latest one counts.

"Latest" has one meaning wherever a decision is read (analysis, memo, map, panel):
ordered by `decided_at`, the moment the chamber decided (a decision may be recorded
after the fact, from the minutes); at an equal moment the row recorded last, the higher
`fid` (the table's own row id, which only grows), counts. A decision without a moment
cannot be placed in time: it is older than every dated one, so it never overrides a
dated decision, and undated ones among themselves follow their `fid`. Decisions on a
work (no `finding_id`) belong to no finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, TypeVar

Decision = TypeVar("Decision", bound=Mapping[str, Any])


def decision_order(decision: Mapping[str, Any]) -> tuple[datetime, int]:
    """Sort key of a decision record (`decided_at`, `fid`): oldest first."""
    moment = decision["decided_at"]
    return (datetime.min if moment is None else moment, decision["fid"])


def decisions_by_finding(decisions: Iterable[Decision]) -> dict[str, list[Decision]]:
    """Each finding's decisions, oldest first: its history, the latest last."""
    history: dict[str, list[Decision]] = {}
    for decision in sorted(decisions, key=decision_order):
        if decision["finding_id"]:
            history.setdefault(decision["finding_id"], []).append(decision)
    return history


def latest_decisions(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """The decision that counts for each finding that has one."""
    return {finding: history[-1] for finding, history in decisions_by_finding(decisions).items()}
