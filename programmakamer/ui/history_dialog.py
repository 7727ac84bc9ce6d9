"""A work's saved history in a PostGIS programme: who changed what and when, and putting the
work back as it was after a chosen change (itself a change, checked and kept like any other)."""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ..core.schema import table
from ..store.history import HistoryEntry, history_of_work, restore_row
from ..store.location import GEOMETRY_COLUMN, is_postgis
from ..translation import tr
from .models import _RowsModel
from .tab import reported


def _value(value) -> str:
    return "–" if value is None or value == "" else str(value)


class HistoryModel(_RowsModel):
    COLUMNS = ("changed_at", "changed_by", "action", "changes")

    def __init__(self, parent=None):
        super().__init__([tr("When"), tr("Who"), tr("What"), tr("Changes")], parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry: HistoryEntry = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "changed_at":
            return entry.changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == "changed_by":
            return entry.changed_by
        if column == "action":
            return {"INSERT": tr("added"), "UPDATE": tr("changed"), "DELETE": tr("deleted")}.get(
                entry.action, entry.action
            )
        return self.changes_text(entry)

    def changes_text(self, entry: HistoryEntry) -> str:
        if entry.action == "DELETE":
            return ""
        fields = {f.name: f.alias(self.lang) for f in table(entry.table_name).fields}
        parts = []
        for name, old, new in entry.changes:
            if name == GEOMETRY_COLUMN:
                parts.append(tr("place changed"))
            elif entry.action == "INSERT":
                continue  # a new work: every field is new, the list would say nothing
            else:
                parts.append("{}: {} → {}".format(fields.get(name, name), _value(old), _value(new)))
        return "; ".join(parts)


class WorkHistoryDialog(QDialog):
    #: The work was put back: the panel and the map read it again.
    restored = pyqtSignal()

    def __init__(self, location: str, work_id: str, title: str, parent=None):
        super().__init__(parent)
        self.location, self.work_id = location, work_id
        self.setWindowTitle(tr("History of {} – {}").format(work_id, title))
        self.history = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.history)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(tr("Put the work back as it was after this change"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.on_restore)
        # A snapshot's history is read, not written: a work is put back in the shared one.
        self.restorable = is_postgis(location)
        if not self.restorable:
            only_read = tr(
                "A snapshot shows the history it carries; put works back in the shared programme."
            )
            self.restore_button.setToolTip(only_read)
            self.message.setText(only_read)
        self.view.selectionModel().selectionChanged.connect(self.on_entry_selected)
        self.resize(760, 360)
        self.load()

    def tell(self, text: str, level=Qgis.MessageLevel.Info, seconds: int = 10) -> None:
        """Said in the dialog itself: the message bar may be behind it."""
        self.message.setText(text)

    @reported
    def load(self) -> None:
        self.history.set_rows(history_of_work(self.location, self.work_id))
        self.view.resizeRowsToContents()
        self.on_entry_selected()

    def chosen(self) -> HistoryEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.history.rows[rows[0].row()] if rows else None

    def on_entry_selected(self, *_) -> None:
        entry = self.chosen()
        self.restore_button.setEnabled(
            self.restorable and entry is not None and entry.action != "DELETE"
        )

    @reported
    def on_restore(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        restore_row(self.location, entry.table_name, entry.fid, entry.changed_at)
        self.load()
        self.restored.emit()
        self.tell(
            tr("{} is back as it was at {}.").format(
                self.work_id, entry.changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            )
        )
