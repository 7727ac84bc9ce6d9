"""Plugin lifecycle: load, unload and reload leave nothing behind."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication

import programmakamer


class RecordingIface:
    """QGIS's iface as far as the plugin uses it, keeping the menu and toolbar state.

    pytest-qgis's stub does not implement removePluginMenu and keeps no menu state.
    """

    def __init__(self, iface):
        self._iface = iface
        self.menu: list = []
        self.toolbar: list = []
        self.docks: list = []

    def mainWindow(self):
        return self._iface.mainWindow()

    def messageBar(self):
        return self._iface.messageBar()

    def addPluginToMenu(self, name, action):
        self.menu.append((name, action))

    def removePluginMenu(self, name, action):
        self.menu.remove((name, action))

    def mapCanvas(self):
        return self._iface.mapCanvas()

    def addDockWidget(self, area, dock):
        self.docks.append(dock)
        self._iface.mainWindow().addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self.docks.remove(dock)
        self._iface.mainWindow().removeDockWidget(dock)

    def addToolBarIcon(self, action):
        self.toolbar.append(action)

    def removeToolBarIcon(self, action):
        if action in self.toolbar:
            self.toolbar.remove(action)


def providers():
    return [
        p for p in QgsApplication.processingRegistry().providers() if p.id() == "programmakamer"
    ]


@pytest.fixture()
def iface(qgis_iface, without_provider):
    return RecordingIface(qgis_iface)


def test_load_and_unload_five_times_leaves_nothing_behind(iface):
    for _ in range(5):
        plugin = programmakamer.classFactory(iface)
        plugin.initProcessing()  # QGIS calls this before initGui
        plugin.initGui()
        assert len(iface.menu) == 5
        assert len(iface.toolbar) == 2
        assert len(providers()) == 1
        plugin.toggle_dock(True)
        assert len(iface.docks) == 1
        plugin.unload()
        assert iface.menu == [] and iface.toolbar == [] and iface.docks == []
        assert providers() == []


def test_an_action_fires_once_after_reloads(iface, monkeypatch):
    calls = []
    for _ in range(3):
        plugin = programmakamer.classFactory(iface)
        plugin.initGui()
        plugin.unload()
    plugin = programmakamer.classFactory(iface)
    monkeypatch.setattr(plugin, "open_programme_dialog", lambda: calls.append(1))
    plugin.initGui()
    [(_, open_action)] = [(n, a) for n, a in iface.menu if "Open" in a.text()]
    open_action.trigger()
    plugin.unload()
    assert calls == [1]


def test_a_missing_shapely_gives_a_message_naming_the_package(iface, monkeypatch):
    import programmakamer.plugin as plugin_module

    monkeypatch.setattr(plugin_module, "shapely_problem", lambda: "1.8.5")
    messages = []
    monkeypatch.setattr(
        iface._iface.messageBar(), "pushMessage", lambda *args, **kw: messages.append(args)
    )
    plugin = programmakamer.classFactory(iface)
    plugin.initGui()
    plugin.unload()
    assert len(messages) == 1
    assert "shapely 2.0" in messages[0][1] and "1.8.5" in messages[0][1]


def test_a_second_instance_while_one_is_registered_loads_and_unloads_without_error(iface):
    """QGIS refuses (and deletes) a second provider of one id: the second instance must not
    unload a provider that no longer exists, and the first one still serves."""
    first = programmakamer.classFactory(iface)
    first.initProcessing()
    first.initGui()
    second = programmakamer.classFactory(iface)
    second.initProcessing()
    second.initGui()
    second.unload()
    assert QgsApplication.processingRegistry().providerById("programmakamer") is not None
    first.unload()
    assert QgsApplication.processingRegistry().providerById("programmakamer") is None
