"""Findings: what the rules found, in columns, each with a stable id and a reason.

The id is derived from the kind and the work ids (or the challenge, or the cell), so a
new analysis finds the same id again and the chamber's decisions stay attached.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

import numpy as np

from .schema import FINDING_KINDS

NUMBER_COLUMNS = (
    "distance_m",
    "shared_length_m",
    "shared_area_m2",
    "time_gap_years",
    "saving_eur",
    "severity",
)
TEXT_COLUMNS = (
    "kind",
    "work_a",
    "work_b",
    "challenge_id",
    "stakeholder_a",
    "stakeholder_b",
    "explanation_en",
    "explanation_nl",
)


@dataclass
class Findings:
    kind: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    work_a: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    work_b: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    challenge_id: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    stakeholder_a: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    stakeholder_b: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    distance_m: np.ndarray = field(default_factory=lambda: np.array([], dtype="float64"))
    shared_length_m: np.ndarray = field(default_factory=lambda: np.array([], dtype="float64"))
    shared_area_m2: np.ndarray = field(default_factory=lambda: np.array([], dtype="float64"))
    time_gap_years: np.ndarray = field(default_factory=lambda: np.array([], dtype="float64"))
    saving_eur: np.ndarray = field(default_factory=lambda: np.array([], dtype="float64"))
    severity: np.ndarray = field(default_factory=lambda: np.array([], dtype="float64"))
    explanation_en: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    explanation_nl: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    geometry: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    parameters: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    extra: list[dict] = field(default_factory=list)  # per-finding details (hotspot years)

    def __len__(self) -> int:
        return len(self.kind)

    @property
    def finding_id(self) -> np.ndarray:
        return np.array(
            [
                stable_id(k, a, b, c)
                for k, a, b, c in zip(self.kind, self.work_a, self.work_b, self.challenge_id)
            ],
            dtype=object,
        )

    def counts(self) -> dict[str, int]:
        kinds, counts = np.unique(self.kind, return_counts=True)
        return {str(k): int(c) for k, c in zip(kinds, counts)}

    def columns(self) -> dict[str, list]:
        """Plain Python columns (NULL as None), for adapters that write features."""
        columns = {name: _plain_text(getattr(self, name)) for name in TEXT_COLUMNS}
        columns.update({name: _plain_numbers(getattr(self, name)) for name in NUMBER_COLUMNS})
        columns["geometry"] = list(self.geometry)
        columns["parameters"] = list(self.parameters)
        columns["finding_id"] = list(self.finding_id)
        columns["extra"] = self.extra if self.extra else [{} for _ in range(len(self))]
        return columns

    def rows(self) -> list[dict]:
        """One plain dict per finding."""
        columns = self.columns()
        names = list(columns)
        return [dict(zip(names, values)) for values in zip(*columns.values())]


def _plain_numbers(column: np.ndarray) -> list:
    """Python floats, NaN as None (a NULL in the table)."""
    return [None if value != value else value for value in column.astype("float64").tolist()]


def _plain_text(column: np.ndarray) -> list:
    return [None if value == "" else value for value in column.tolist()]


def stable_id(kind: str, work_a: str, work_b: str, challenge: str) -> str:
    key = "|".join((kind, work_a or "", work_b or "", challenge or ""))
    return "{}-{}".format(kind, hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])


_KIND_ORDER = {choice.value: n for n, choice in enumerate(FINDING_KINDS)}


def finding_order(kind: str, severity: float | None, finding_id: str) -> tuple[int, float, str]:
    """Sort key of the findings wherever the chamber reads them (panel, memo): the kinds
    in the schema's order (dig-once chances first, unknown kinds last), the most severe
    first within a kind (no severity counts as 0), then the id, so equal findings keep
    one order in every list and after every analysis."""
    weight = 0.0 if severity is None or severity != severity else severity
    return (_KIND_ORDER.get(kind, len(_KIND_ORDER)), -weight, finding_id)


def make_findings(kind: str, n: int, parameters: dict, **columns) -> Findings:
    """Findings of one kind; missing columns are empty text or NaN."""
    values = {}
    for name in TEXT_COLUMNS:
        values[name] = np.asarray(columns.get(name, [""] * n), dtype=object)
    for name in NUMBER_COLUMNS:
        values[name] = np.asarray(columns.get(name, np.full(n, np.nan)), dtype="float64")
    values["kind"] = np.full(n, kind, dtype=object)
    values["geometry"] = np.asarray(columns.get("geometry", [None] * n), dtype=object)
    values["parameters"] = np.full(n, json.dumps(parameters, sort_keys=True), dtype=object)
    extra = columns.get("extra", [{} for _ in range(n)])
    return Findings(**values, extra=list(extra))


def concat(parts: list[Findings]) -> Findings:
    parts = [p for p in parts if len(p)]
    if not parts:
        return Findings()
    names = TEXT_COLUMNS + NUMBER_COLUMNS + ("geometry", "parameters")
    merged = {name: np.concatenate([getattr(p, name) for p in parts]) for name in names}
    extra = [e for p in parts for e in (p.extra or [{}] * len(p))]
    return Findings(**merged, extra=extra)


def euro(amount: float, language: str, approximate: bool = True) -> str:
    """€ 72.000 in Dutch, EUR 72,000 in English; an estimate is rounded to thousands
    above 10k, a figure from a table (approximate=False) only to whole euros. The space
    after the currency does not break: a wrapped line never starts with the number."""
    return euros([amount], language, approximate)[0]


def euros(amounts, language: str, approximate: bool = True) -> list[str]:
    """euro() for a whole column: rounded in one numpy step (Python's round() per value
    was a tenth of a 20k-work analysis)."""
    amounts = np.asarray(amounts, dtype="float64")
    thousands = approximate & (amounts >= 10000)
    rounded = np.where(thousands, np.round(amounts, -3), np.round(amounts))
    prefix = "€\u00a0" if language == "nl" else "EUR\u00a0"
    return [prefix + t for t in number_texts(rounded, language)]


#: From here on a number is written as 1e+15: digits would only hide its size.
_EXPONENT_FROM = 1e15


def number_text(value: float, language: str, decimals: int | None = 0) -> str:
    """1.234,5 in Dutch, 1,234.5 in English. `decimals=None` writes a value as typed: up
    to three decimals, trailing zeros dropped (2,5 and 5, not 2,500 and 5,000)."""
    return number_texts([value], language, decimals)[0]


def number_texts(values, language: str, decimals: int | None = 0) -> list[str]:
    """number_text() for a whole column. NaN and infinity stay readable as nan and inf."""
    pattern = "{{:,.{}f}}".format(3 if decimals is None else decimals)
    texts = []
    for value in np.asarray(values, dtype="float64").ravel().tolist():
        if abs(value) >= _EXPONENT_FROM:
            text = "{:.3g}".format(value)
        else:
            text = pattern.format(value)
            if decimals is None and "." in text:
                text = text.rstrip("0").rstrip(".")
        texts.append(text[1:] if text.startswith("-") and not text.strip("-0.,") else text)
    if language == "nl":
        swap = str.maketrans(",.", ".,")
        return [t.translate(swap) for t in texts]
    return texts


def year_text(day: np.datetime64) -> str:
    return str(day.astype("datetime64[Y]"))
