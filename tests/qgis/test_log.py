"""The plugin's log reaches QGIS's log panel under its own tab, tracebacks included."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsApplication

from programmakamer.log import TAG, logger


def test_an_exception_logged_in_the_plugin_reaches_qgis_log_panel_with_its_traceback():
    received = []

    def keep(message, tag, level):
        received.append((message, tag, level))

    log = QgsApplication.messageLog()
    log.messageReceived.connect(keep)
    try:
        try:
            {}["works_lines"]
        except KeyError:
            logger("store").exception("reading the programme failed")
        logging.getLogger("programmakamer.core.rules").info("3 works left out")
    finally:
        log.messageReceived.disconnect(keep)
    ours = [(m, level) for m, tag, level in received if tag == TAG]
    assert len(ours) == 2
    assert "reading the programme failed" in ours[0][0]
    assert "Traceback" in ours[0][0] and "KeyError: 'works_lines'" in ours[0][0]
    assert ours[0][1] == Qgis.MessageLevel.Critical
    assert "3 works left out" in ours[1][0] and ours[1][1] == Qgis.MessageLevel.Info


def test_the_handler_is_installed_once_however_often_the_logger_is_asked_for():
    for _ in range(3):
        logger("export")
    handlers = logging.getLogger("programmakamer").handlers
    assert len(handlers) == 1
