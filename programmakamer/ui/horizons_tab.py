"""The horizons board: the three horizons side by side, each grouped by stakeholder with
counts and cost. Works are dragged to another horizon, or moved with the buttons; the dock
records the move (with a reason) through the layers' edit buffers."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QAbstractItemView, QListView

from ..core.horizons import HORIZON_ORDER
from ..core.schema import HORIZONS, choice_label
from ..translation import language, tr
from .delegates import WrappedTextDelegate
from .models import WORK_ROLE, HorizonBoard, WorksModel, euro_text
from .tab import PanelTab, form

FORM = form("horizons_tab.ui")


class HorizonsTab(PanelTab, FORM):
    #: Move the works selected on the board to this horizon.
    move_requested = pyqtSignal(str)
    #: Works (ids) dropped onto a horizon's column.
    works_dropped = pyqtSignal(list, str)
    #: The work selected on the board (its id), to show on the map.
    works_chosen = pyqtSignal(list)

    def __init__(self, works: WorksModel, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.works = works
        self.lang = language()
        self.board: dict[str, tuple[HorizonBoard, QListView]] = {}  # made when first shown
        self.views = {"short": self.short_view, "medium": self.medium_view, "long": self.long_view}
        self.labels = {
            "short": self.short_label,
            "medium": self.medium_label,
            "long": self.long_label,
        }
        for horizon, button in (
            ("short", self.move_short_button),
            ("medium", self.move_medium_button),
            ("long", self.move_long_button),
        ):
            short_name = choice_label(HORIZONS, horizon, self.lang).split(" (")[0]
            button.setText(tr("Move to {}").format(short_name.lower()))
            button.clicked.connect(lambda _=False, h=horizon: self.move_requested.emit(h))

    def show_board(self) -> None:
        """Connect the board to the works (once, when it is first looked at)."""
        if self.board:
            return
        for horizon in HORIZON_ORDER:
            board = HorizonBoard(self.works, horizon, self)
            board.works_dropped.connect(self.works_dropped)
            view = self.views[horizon]
            view.setModel(board)
            view.setWordWrap(True)  # titles wrap instead of being cut off on the wall
            view.setResizeMode(
                QListView.ResizeMode.Adjust
            )  # wrapped heights follow the panel's width
            view.setItemDelegate(WrappedTextDelegate(view))
            view.setTextElideMode(Qt.TextElideMode.ElideNone)
            view.setSpacing(3)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.selectionModel().selectionChanged.connect(self.on_board_selected)
            self.board[horizon] = (board, view)
        self.update_totals()

    def update_totals(self) -> None:
        for horizon, (board, _view) in self.board.items():
            rows = board.works()
            cost = sum(r.cost or 0.0 for r in rows)
            self.labels[horizon].setText(
                tr("{}: {} works, {}").format(
                    choice_label(HORIZONS, horizon, self.lang),
                    len(rows),
                    euro_text(cost, self.lang),
                )
            )

    def selected_works(self) -> list:
        rows = []
        for _board, view in self.board.values():
            for index in view.selectionModel().selectedIndexes():
                row = index.model().data(index, WORK_ROLE)
                if row is not None:
                    rows.append(row)
        return rows

    def on_board_selected(self, *_) -> None:
        rows = self.selected_works()
        if rows:
            self.works_chosen.emit([rows[0].work_id])
