"""The findings tab: the open findings, dig-once chances first, the full explanation of the
selected one with its decisions, and recording what the chamber decides."""

from __future__ import annotations

from datetime import datetime

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView

from ..core.periods import format_moment_time
from ..core.schema import DECISIONS, VERDICTS, choice_label
from ..store.programme import write_records
from ..translation import language, tr
from .models import WORK_ROLE, FindingsModel
from .rich_text import escaped
from .tab import PanelTab, form, reported

FORM = form("findings_tab.ui")


class FindingsTab(PanelTab, FORM):
    #: The panel writes the programme itself now: no reload for that change.
    writing = pyqtSignal()
    #: The works of the selected finding (ids), to show on the map.
    works_chosen = pyqtSignal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.path: str | None = None
        self.lang = language()
        self.normal_row_height: int | None = None  # the rows' height outside presentation
        self.findings = FindingsModel(self)
        self.findings_view.setModel(self.findings)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setWordWrap(True)
        header = self.findings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.findings.modelReset.connect(self.span_kind_headers)
        # the explanation names both stakeholders; on the wall it needs the width more
        self.findings_view.hideColumn(1)
        for choice in VERDICTS:
            self.verdict_combo.addItem(choice.label(self.lang), choice.value)
        self.decision_edit.setPlaceholderText(tr("What the chamber decided"))
        self.action_holder_edit.setPlaceholderText(tr("Action holder"))
        self.record_button.setText(tr("Record decision"))
        self.findings_view.selectionModel().selectionChanged.connect(self.on_finding_selected)
        self.record_button.clicked.connect(self.on_decision_recorded)

    def show_findings(self, path: str, rows: list) -> None:
        self.path = path
        self.findings.set_rows(rows)

    def span_kind_headers(self) -> None:
        self.findings_view.clearSpans()
        for position in self.findings.kind_headers():
            self.findings_view.setSpan(position, 0, 1, len(FindingsModel.COLUMNS))

    def selected_finding(self):
        indexes = self.findings_view.selectionModel().selectedRows()
        return self.findings.data(indexes[0], WORK_ROLE) if indexes else None

    def on_finding_selected(self, *_) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.finding_detail.clear()
            return
        history = "".join(
            "<br>• {} {}: {}".format(
                escaped(format_moment_time(d["decided_at"], self.lang)),
                escaped(choice_label(VERDICTS, d["verdict"], self.lang)),
                escaped(d.get("decision_text") or ""),
            )
            for d in finding.decisions
        )
        self.finding_detail.setText("<b>{}</b>{}".format(escaped(finding.explanation), history))
        self.works_chosen.emit([finding.work_a, finding.work_b])

    @reported
    def on_decision_recorded(self) -> bool:
        finding = self.selected_finding()
        if finding is None or not self.path:
            return False
        decision = {
            "finding_id": finding.finding_id,
            "verdict": self.verdict_combo.currentData(),
            "decision_text": self.decision_edit.text().strip() or None,
            "action_holder": self.action_holder_edit.text().strip() or None,
            "decided_by": tr("Programme chamber"),
            "decided_at": datetime.now().replace(microsecond=0),
        }
        self.writing.emit()  # our own write: keep the selection, no reload
        write_records(self.path, DECISIONS, [decision])
        finding.decisions.append(decision)
        self.findings.layoutChanged.emit()
        self.on_finding_selected()
        self.decision_edit.clear()
        return True

    def set_presentation(self, on: bool) -> None:
        """On the wall the explanation needs the width: it says the saving already, and the
        severity is for the GIS specialist's sorting, not for the room."""
        for name in ("saving", "severity"):
            self.findings_view.setColumnHidden(FindingsModel.COLUMNS.index(name), on)
        rows = self.findings_view.verticalHeader()
        if on:
            self.normal_row_height = rows.defaultSectionSize()
            rows.setDefaultSectionSize(int(self.normal_row_height * 3))  # three wrapped lines
        elif self.normal_row_height is not None:
            rows.setDefaultSectionSize(self.normal_row_height)
