"""Integrale Programmakamer: one programme of planned works in public space."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import ProgrammakamerPlugin

    return ProgrammakamerPlugin(iface)
