"""Presentation mode: the programme full screen for the wall, big type, no other panels or
toolbars; everything back when it is turned off, or at the next start when QGIS was
closed in presentation mode."""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

#: Big type where the room reads (tables, lists, labels); controls keep their size, so the
#: panel does not push the map aside.
PRESENTATION_STYLE = (
    "QTableView, QListView, QTreeView { font-size: 17pt; background: white; color: black; }"
    " QHeaderView::section { font-size: 14pt; font-weight: bold; }"
    " QLabel, Timeline { font-size: 15pt; }"
    # three board columns share the panel: a size that still fits a word per line
    " QListView#short_view, QListView#medium_view, QListView#long_view { font-size: 14pt; }"
    " QLabel#short_label, QLabel#medium_label, QLabel#long_label"
    " { font-size: 13pt; font-weight: bold; }"
)
PRESENTATION_LAYOUT = "programmakamer/layout_before_presentation"
UNLIMITED = 16777215  # Qt's QWIDGETSIZE_MAX


class PresentationMode:
    """Turns QGIS's main window into the wall screen around the dock, and back."""

    def __init__(self, dock: QDockWidget, window) -> None:
        self.dock = dock
        self.window = window
        self.saved_state = None  # the window's docks and toolbars before
        self.saved_geometry = None
        self.saved_window_state = None  # maximised, full screen, …
        self.hidden_widgets: list = []

    def turn_on(self) -> None:
        window = self.window
        self.saved_state = window.saveState()
        self.saved_geometry = window.saveGeometry()
        self.saved_window_state = window.windowState()
        self.hidden_widgets = [
            w
            for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)
            if w is not self.dock and w.isVisible()
        ]
        for widget in self.hidden_widgets:
            widget.hide()
        self.dock.setStyleSheet(PRESENTATION_STYLE)
        # QGIS saves its window layout when it quits, with no hook for plugins before:
        # keep the normal layout, so the next start can put it back (see plugin.py)
        remember_layout(self.saved_state, self.saved_geometry)
        window.showFullScreen()
        # big type must not push the map aside: the panel keeps to half the screen, and
        # gets 40 % so the three horizons fit side by side
        screen_width = window.screen().availableGeometry().width()
        self.dock.setMaximumWidth(int(screen_width * 0.5))
        if not self.dock.isFloating():
            window.resizeDocks([self.dock], [int(screen_width * 0.4)], Qt.Orientation.Horizontal)

    def turn_off(self) -> None:
        forget_layout()
        self.dock.setStyleSheet("")
        self.dock.setMaximumWidth(UNLIMITED)
        window = self.window
        if self.saved_state is not None:
            window.showNormal()
            window.restoreGeometry(self.saved_geometry)
            window.setWindowState(self.saved_window_state)
            window.restoreState(self.saved_state)
        # after the restore: a state naming a widget twice (QGIS keeps removed docks as
        # children) can leave one of ours hidden; we hid exactly these, so show them
        for widget in self.hidden_widgets:
            widget.show()
        self.hidden_widgets = []


def remember_layout(state, geometry) -> None:
    """Keep the window's normal layout in QGIS's settings while presentation mode is on."""
    settings = QgsSettings()
    settings.setValue(PRESENTATION_LAYOUT + "/state", state)
    settings.setValue(PRESENTATION_LAYOUT + "/geometry", geometry)


def forget_layout() -> None:
    QgsSettings().remove(PRESENTATION_LAYOUT)


def restore_layout_after_presentation(window) -> bool:
    """QGIS quit in presentation mode (and saved that layout): put the normal one back."""
    settings = QgsSettings()
    state = settings.value(PRESENTATION_LAYOUT + "/state")
    geometry = settings.value(PRESENTATION_LAYOUT + "/geometry")
    if state is None:
        return False
    forget_layout()
    window.showNormal()
    if geometry is not None:
        window.restoreGeometry(geometry)
    return window.restoreState(state)
