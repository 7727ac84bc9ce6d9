"""Qt item models over the programme: works and findings, read once, filtered by proxies.

The models hold plain rows (one per work, with the features that carry it) and compute
nothing of the domain: horizons, periods and labels come from core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
from qgis.PyQt.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    Qt,
    pyqtSignal,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..core.decisions import decisions_by_finding
from ..core.findings import euro, finding_order
from ..core.horizons import effective_horizon
from ..core.periods import format_period
from ..core.schema import FINDING_KINDS, HORIZONS, STATUSES, VERDICTS, WORK_TABLES, choice_label
from ..store.programme import read_table
from ..translation import language, tr
from .rich_text import as_rich

WORK_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class WorkRow:
    work_id: str
    stakeholder_id: int
    stakeholder: str
    discipline: str
    title: str
    location: str
    period: str
    start: date | None
    end: date | None
    status: str
    horizon: str | None
    override: str | None
    reason: str | None
    cost: float | None
    features: list[tuple[str, int]] = field(default_factory=list)  # (table, fid)

    @property
    def start_year(self) -> int | None:
        return self.start.year if self.start else None

    @property
    def end_year(self) -> int | None:
        return self.end.year if self.end else None

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
    from ..store.columns import read_stored, stakeholder_names

    names = stakeholder_names(path)
    lang = language()
    rows: dict[str, WorkRow] = {}
    for table in WORK_TABLES:
        fids, columns, _ = read_stored(path, table, FIELDS)
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
                        start,
                        columns["start_precision"][i],
                        end,
                        columns["end_precision"][i],
                        lang,
                    ),
                    start=start,
                    end=end,
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

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
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

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == WORK_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                return choice_label(STATUSES, row.status, self.lang)
            if column == "horizon":
                label = choice_label(HORIZONS, row.effective, self.lang) if row.effective else "–"
                return label + (" ★" if row.override else "")
            if column == "cost":
                return "" if row.cost is None else euro_text(row.cost, self.lang)
            return getattr(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "horizon" and row.override:
            return as_rich(tr("Set by the chamber: {}").format(row.reason or ""))
        if role == Qt.ItemDataRole.FontRole and column == "horizon" and row.override:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def euro_text(amount: float, lang: str) -> str:
    return euro(amount, lang, approximate=False)


class WorksFilter(QAbstractTableModel):
    """The works a view shows: filtered by stakeholder, discipline, horizon, status, year
    range and search text, sorted by a column.

    Rows are decided and ordered for all works at once with numpy; the view then sees one
    model reset. A QSortFilterProxyModel asks Python once per row, which took 0.7 s per
    keystroke at 50k works.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source: WorksModel | None = None
        self.stakeholder: int | None = None
        self.discipline: str | None = None
        self.horizon: str | None = None
        self.status: str | None = None
        self.years: tuple[int, int] | None = None
        self.text = ""
        self.sort_column: int | None = None
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.shown = np.zeros(0, dtype="int64")
        self.columns_of = None  # which rows (and version) the cached columns are of
        self.cache: dict[str, np.ndarray] = {}

    def setSourceModel(self, model: WorksModel) -> None:  # noqa: N802
        self.source = model
        model.modelReset.connect(self.refresh)
        model.layoutChanged.connect(self.refresh)
        self.refresh()

    def sourceModel(self) -> WorksModel | None:  # noqa: N802
        return self.source

    def set(self, **values) -> None:
        for name, value in values.items():
            setattr(self, name, value)
        self.refresh()

    def refresh(self) -> None:
        """Decide and order again (after a filter change, new or changed rows)."""
        self.beginResetModel()
        self.shown = self._decide()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.refresh()

    def _columns(self):
        model = self.source
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

    def _sort_key(self, column: str, rows):
        """What a column sorts by: periods by start, horizons in their order, cost by amount."""
        if column == "period":
            return np.array([r.start.toordinal() if r.start else 10**9 for r in rows])
        if column == "horizon":
            order = {h.value: i for i, h in enumerate(HORIZONS)}
            return np.array([order.get(r.effective, 9) for r in rows])
        if column == "cost":
            return np.array([r.cost if r.cost is not None else -1.0 for r in rows])
        if column == "status":
            return np.array([choice_label(STATUSES, r.status, self.source.lang) for r in rows])
        return np.array([str(getattr(r, column)).lower() for r in rows])

    def filtering(self) -> bool:
        named = (self.stakeholder, self.discipline, self.horizon, self.status)
        return any(v not in (None, "") for v in named) or bool(self.years or self.text.strip())

    def prepare(self) -> None:
        """Build the filter columns now (the panel does it when idle after opening)."""
        if self.source is not None and self.source.rows:
            self._columns()

    def _decide(self) -> np.ndarray:
        model = self.source
        if model is None or not model.rows:
            return np.zeros(0, dtype="int64")
        keep = np.ones(len(model.rows), dtype=bool)
        if not self.filtering() and self.sort_column is None:
            return np.flatnonzero(keep)  # everything in reading order: nothing to look at
        columns = self._columns() if self.filtering() else None
        for name in ("stakeholder", "discipline", "horizon", "status"):
            value = getattr(self, name)
            if value is not None and value != "":
                keep &= columns[name] == value
        if self.years:
            keep &= (columns["start"] >= 0) & (columns["start"] <= self.years[1])
            keep &= columns["end"] >= self.years[0]
        for word in self.text.lower().split():
            keep &= np.char.find(columns["text"], word) >= 0
        shown = np.flatnonzero(keep)
        if self.sort_column is not None and 0 <= self.sort_column < len(WorksModel.COLUMNS):
            rows = [model.rows[i] for i in shown]
            key = self._sort_key(WorksModel.COLUMNS[self.sort_column], rows)
            order = np.argsort(key, kind="stable")
            if self.sort_order == Qt.SortOrder.DescendingOrder:
                order = order[::-1]
            shown = shown[order]
        return shown

    def rowCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.shown)

    def columnCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(WorksModel.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        return self.source.headerData(section, orientation, role) if self.source else None

    def row(self, position: int):
        """The work shown at a position."""
        return self.source.rows[int(self.shown[position])]

    def position_of(self, work_ids) -> list[int]:
        """Where the given works are shown (those that are)."""
        wanted = set(work_ids)
        rows = self.source.rows
        return [p for p, i in enumerate(self.shown.tolist()) if rows[i].work_id in wanted]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.shown):
            return None
        source = self.source.index(int(self.shown[index.row()]), index.column())
        return self.source.data(source, role)


WORKS_MIME = "application/x-programmakamer-works"


def header_style(role):
    """How a group's header row looks (a stakeholder on the board, a kind of finding)."""
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.BackgroundRole:
        return QColor("#e8e8e8")
    return None


class HorizonBoard(QAbstractListModel):
    """One column of the horizons board: the horizon's works grouped by stakeholder.

    A flat list (a list view wraps long titles; a tree view would cut them off): each
    stakeholder's header row, with count and cost, followed by its works. Works can be
    dragged out; a drop of works from another column emits works_dropped with their ids
    and this horizon, and the dock does the move.
    """

    works_dropped = pyqtSignal(list, str)

    def __init__(self, source: WorksModel, horizon: str, parent=None):
        super().__init__(parent)
        self.source = source
        self.horizon = horizon
        self.groups: list[tuple[str, list]] = []  # (stakeholder, works), by stakeholder
        self.items: list = []  # a stakeholder header (str) or a work row, in list order
        self.by_stakeholder: dict[str, list] = {}
        source.modelReset.connect(self.refresh)
        source.layoutChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        groups: dict[str, list] = {}
        for row in self.source.rows:
            if row.effective == self.horizon:
                groups.setdefault(row.stakeholder, []).append(row)
        self.groups = [
            (name, sorted(works, key=lambda r: (r.start_year or 9999, r.title)))
            for name, works in sorted(groups.items())
        ]
        self.items = [item for name, works in self.groups for item in [name, *works]]
        self.by_stakeholder = dict(self.groups)
        self.endResetModel()

    def works(self) -> list:
        return [row for _, works in self.groups for row in works]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if isinstance(item, str):
            if role == Qt.ItemDataRole.DisplayRole:
                works = self.by_stakeholder[item]
                cost = sum(r.cost or 0.0 for r in works)
                return tr("{} ({} works, {})").format(
                    item, len(works), euro_text(cost, self.source.lang)
                )
            return header_style(role)
        if role == WORK_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return "{}{} · {}".format(item.title, " ★" if item.override else "", item.period)
        if role == Qt.ItemDataRole.ToolTipRole and item.override:
            return as_rich(tr("Set by the chamber: {}").format(item.reason or ""))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if isinstance(self.items[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [WORKS_MIME]

    def mimeData(self, indexes):  # noqa: N802
        rows = [self.data(i, WORK_ROLE) for i in indexes]
        ids = [r.work_id for r in rows if r is not None]
        data = QMimeData()
        data.setData(WORKS_MIME, QByteArray("\n".join(ids).encode("utf-8")))
        return data

    def canDropMimeData(self, data, action, row, column, parent):  # noqa: N802
        return data.hasFormat(WORKS_MIME)

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802
        if not data.hasFormat(WORKS_MIME):
            return False
        ids = bytes(data.data(WORKS_MIME)).decode("utf-8").split("\n")
        here = {r.work_id for r in self.works()}
        moving = [i for i in ids if i and i not in here]
        if moving:
            self.works_dropped.emit(moving, self.horizon)
        return False  # the dock moves them; nothing is removed from the source column


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
    decisions = decisions_by_finding(read_table(path, DECISIONS))
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
    return sorted(rows, key=lambda r: finding_order(r.kind, r.severity, r.finding_id))


class FindingsModel(_RowsModel):
    """Open findings under a header row per kind (dig-once chances first), so the
    explanation gets the width a kind column would take."""

    COLUMNS = ("explanation", "stakeholders", "saving", "severity", "decision")

    def __init__(self, parent=None):
        super().__init__(
            [
                tr("Finding"),
                tr("Stakeholders"),
                tr("Saving"),
                tr("Severity"),
                tr("Decision"),
            ],
            parent,
        )
        self.items: list = []  # a kind's header (str) or a finding row, in list order
        self.counts: dict[str, int] = {}

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.items = []
        self.counts = {}
        for kind in [c.value for c in FINDING_KINDS]:
            found = [r for r in rows if r.kind == kind]
            if found:
                self.items += [kind, *found]
                self.counts[kind] = len(found)
        self.version += 1
        self.endResetModel()

    def kind_headers(self) -> list[int]:
        """Positions of the kind headers (the view spans them over all columns)."""
        return [i for i, item in enumerate(self.items) if isinstance(item, str)]

    def position_of(self, row) -> int:
        return self.items.index(row)

    def rowCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.items)

    def flags(self, index):
        if index.isValid() and isinstance(self.items[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if isinstance(row, str):
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                label = choice_label(FINDING_KINDS, row, self.lang)
                return tr("{}: {}").format(label, self.counts[row])
            return header_style(role)
        if role == WORK_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "saving":
                return "" if not row.saving else euro_text(row.saving, self.lang)
            if column == "severity":
                if row.severity is None:
                    return ""
                text = "{:.1f}".format(row.severity)
                return text.replace(".", ",") if self.lang == "nl" else text
            if column == "decision":
                if not row.decisions:
                    return ""
                last = row.decisions[-1]
                return "{} ({})".format(
                    choice_label(VERDICTS, last["verdict"], self.lang), len(row.decisions)
                )
            return getattr(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "explanation":
            return as_rich(row.explanation)
        if role == Qt.ItemDataRole.ToolTipRole and column == "severity":
            return tr(
                "Severity: higher is more urgent; each kind's formula is in its algorithm's help"
            )
        return None
