"""Qt item models over the programme: works and findings, read once, filtered by proxies.

The models hold plain rows (one per work, with the features that carry it) and compute
nothing of the domain: horizons, periods and labels come from core.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from qgis.PyQt.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QFont

from ..core.findings import euro
from ..core.horizons import effective_horizon
from ..core.periods import format_period
from ..core.schema import FINDING_KINDS, HORIZONS, STATUSES, VERDICTS, WORK_TABLES, choice_label
from ..store.programme import read_stakeholders, read_table, table_layer
from ..translation import language, tr

WORK_ROLE = Qt.UserRole + 1


@dataclass
class WorkRow:
    work_id: str
    stakeholder_id: int
    stakeholder: str
    discipline: str
    title: str
    location: str
    period: str
    start_year: int | None
    end_year: int | None
    status: str
    horizon: str | None
    override: str | None
    reason: str | None
    cost: float | None
    features: list[tuple[str, int]] = field(default_factory=list)  # (table, fid)

    @property
    def effective(self) -> str | None:
        return effective_horizon(self.horizon, self.override)


FIELDS = [
    "work_id",
    "stakeholder_id",
    "discipline",
    "title",
    "location",
    "planned_start",
    "start_precision",
    "planned_end",
    "end_precision",
    "status",
    "horizon",
    "horizon_override",
    "horizon_reason",
    "cost_estimate",
]


def read_work_rows(path: str) -> list[WorkRow]:
    """One row per work from the three works tables, one columnar pass each, no geometry."""
    from ..store.columns import read_columns

    names = {s["stakeholder_id"]: s["name"] for s in read_stakeholders(path)}
    rows: dict[str, WorkRow] = {}
    for table in WORK_TABLES:
        fids, columns, _ = read_columns(table_layer(path, table.name), FIELDS)
        starts = columns["planned_start"].astype(object)  # datetime64 -> date, NaT -> None
        ends = columns["planned_end"].astype(object)
        for i, fid in enumerate(fids):
            work_id = columns["work_id"][i]
            row = rows.get(work_id)
            if row is None:
                start, end = starts[i], ends[i]
                stakeholder_id = columns["stakeholder_id"][i]
                row = WorkRow(
                    work_id=work_id,
                    stakeholder_id=stakeholder_id,
                    stakeholder=names.get(stakeholder_id, str(stakeholder_id)),
                    discipline=columns["discipline"][i],
                    title=columns["title"][i] or "",
                    location=columns["location"][i] or "",
                    period=format_period(
                        start, columns["start_precision"][i], end, columns["end_precision"][i]
                    ),
                    start_year=start.year if start else None,
                    end_year=end.year if end else None,
                    status=columns["status"][i],
                    horizon=columns["horizon"][i],
                    override=columns["horizon_override"][i],
                    reason=columns["horizon_reason"][i],
                    cost=columns["cost_estimate"][i],
                )
                rows[work_id] = row
            row.features.append((table.name, fid))
    return sorted(rows.values(), key=lambda r: (r.stakeholder, r.work_id))


class _RowsModel(QAbstractTableModel):
    """A table over a list of plain rows; subclasses name COLUMNS and render `data`."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.version = 0
        self.headers = headers
        self.lang = language()

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.version += 1
        self.endResetModel()

    def touch(self) -> None:
        """Rows changed in place (a horizon override): filters must decide again."""
        self.version += 1
        self.layoutChanged.emit()

    def rowCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None


class WorksModel(_RowsModel):
    COLUMNS = ("stakeholder", "title", "location", "period", "status", "horizon", "cost")

    def __init__(self, parent=None):
        super().__init__(
            [
                tr("Stakeholder"),
                tr("Title"),
                tr("Street or place"),
                tr("Period"),
                tr("Status"),
                tr("Horizon"),
                tr("Cost estimate (EUR)"),
            ],
            parent,
        )

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == WORK_ROLE:
            return row
        if role == Qt.DisplayRole:
            if column == "status":
                return choice_label(STATUSES, row.status, self.lang)
            if column == "horizon":
                label = choice_label(HORIZONS, row.effective, self.lang) if row.effective else "–"
                return label + (" ★" if row.override else "")
            if column == "cost":
                return "" if row.cost is None else euro_text(row.cost, self.lang)
            return getattr(row, column)
        if role == Qt.ToolTipRole and column == "horizon" and row.override:
            return tr("Set by the chamber: {}").format(row.reason or "")
        if role == Qt.FontRole and column == "horizon" and row.override:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.UserRole:  # sort key
            return row.cost or 0.0 if column == "cost" else str(self.data(index) or "")
        return None


def euro_text(amount: float, lang: str) -> str:
    return euro(amount, lang, approximate=False)


class WorksFilter(QSortFilterProxyModel):
    """Filters by stakeholder, discipline, horizon, status, year range and search text.

    The decision per row is made for all rows at once with numpy when a filter changes;
    Qt then only looks the answer up, so typing in the search box stays quick at 50k works.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stakeholder: int | None = None
        self.discipline: str | None = None
        self.horizon: str | None = None
        self.status: str | None = None
        self.years: tuple[int, int] | None = None
        self.text = ""
        self.accepted = None
        self.accepted_version = -1
        self.columns_of = None
        self.setSortRole(Qt.UserRole)

    def set(self, **values) -> None:
        for name, value in values.items():
            setattr(self, name, value)
        self.refresh()

    def refresh(self) -> None:
        """Decide again for every row (after a filter change or changed rows)."""
        self.accepted = None
        self.invalidateFilter()

    def _columns(self):
        model = self.sourceModel()
        key = (id(model.rows), model.version)
        if self.columns_of != key:
            rows = model.rows
            self.cache = {
                "stakeholder": np.array([r.stakeholder_id for r in rows], dtype=object),
                "discipline": np.array([r.discipline for r in rows], dtype=object),
                "horizon": np.array([r.effective for r in rows], dtype=object),
                "status": np.array([r.status for r in rows], dtype=object),
                "start": np.array([r.start_year or -1 for r in rows], dtype="int64"),
                "end": np.array([r.end_year or r.start_year or -1 for r in rows], dtype="int64"),
                "text": np.array(
                    [
                        " ".join((r.title, r.location, r.stakeholder, r.work_id)).lower()
                        for r in rows
                    ],
                    dtype=str,
                ),
            }
            self.columns_of = key
        return self.cache

    def _decide(self):
        model = self.sourceModel()
        if model is None:
            return None
        columns = self._columns()
        keep = np.ones(len(model.rows), dtype=bool)
        for name in ("stakeholder", "discipline", "horizon", "status"):
            value = getattr(self, name)
            if value is not None and value != "":
                keep &= columns[name] == value
        if self.years:
            keep &= (columns["start"] >= 0) & (columns["start"] <= self.years[1])
            keep &= columns["end"] >= self.years[0]
        for word in self.text.lower().split():
            keep &= np.char.find(columns["text"], word) >= 0
        return keep

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802
        version = self.sourceModel().version
        if self.accepted is None or self.accepted_version != version:
            self.accepted, self.accepted_version = self._decide(), version
        return bool(self.accepted[source_row])


@dataclass
class FindingRow:
    finding_id: str
    kind: str
    state: str
    work_a: str
    work_b: str
    explanation: str
    stakeholders: str
    saving: float | None
    severity: float | None
    decisions: list[dict]


def read_finding_rows(path: str) -> list[FindingRow]:
    """Open findings, dig-once chances first, each with its decisions in order."""
    from ..core.schema import DECISIONS, FINDINGS

    lang = language()
    decisions: dict[str, list[dict]] = {}
    for decision in sorted(read_table(path, DECISIONS), key=lambda d: str(d["decided_at"])):
        decisions.setdefault(decision["finding_id"], []).append(decision)
    order = [c.value for c in FINDING_KINDS]
    rows = [
        FindingRow(
            finding_id=f["finding_id"],
            kind=f["kind"],
            state=f["state"],
            work_a=f["work_a"] or "",
            work_b=f["work_b"] or "",
            explanation=f["explanation_nl"] if lang == "nl" else f["explanation_en"],
            stakeholders=" / ".join(s for s in (f["stakeholder_a"], f["stakeholder_b"]) if s),
            saving=f["saving_eur"],
            severity=f["severity"],
            decisions=decisions.get(f["finding_id"], []),
        )
        for f in read_table(path, FINDINGS)
        if f["state"] == "open"
    ]
    return sorted(
        rows, key=lambda r: (order.index(r.kind) if r.kind in order else 99, -(r.severity or 0))
    )


class FindingsModel(_RowsModel):
    COLUMNS = ("kind", "explanation", "stakeholders", "saving", "decision")

    def __init__(self, parent=None):
        super().__init__(
            [
                tr("Kind"),
                tr("Explanation"),
                tr("Stakeholders"),
                tr("Estimated saving (EUR)"),
                tr("Decision"),
            ],
            parent,
        )

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == WORK_ROLE:
            return row
        if role == Qt.DisplayRole:
            if column == "kind":
                return choice_label(FINDING_KINDS, row.kind, self.lang)
            if column == "saving":
                return "" if not row.saving else euro_text(row.saving, self.lang)
            if column == "decision":
                if not row.decisions:
                    return ""
                last = row.decisions[-1]
                return "{} ({})".format(
                    choice_label(VERDICTS, last["verdict"], self.lang), len(row.decisions)
                )
            return getattr(row, column)
        if role == Qt.ToolTipRole and column == "explanation":
            return row.explanation
        return None
