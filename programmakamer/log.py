"""The plugin's log: what a specialist needs to diagnose a problem, in QGIS's log panel.

Modules log with the standard `logging` module under the name "programmakamer" (core/
included: it needs no QGIS import for that); the handler installed here forwards every
record, tracebacks included, to QGIS's log panel under the plugin's own tab. The message
bar and the Processing log keep their one clear sentence in the user's language.
"""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "Programmakamer"
LOGGER_NAME = "programmakamer"


class QgisLogHandler(logging.Handler):
    """Forwards log records to QgsMessageLog under the plugin's tab."""

    LEVELS = (
        (logging.ERROR, Qgis.MessageLevel.Critical),
        (logging.WARNING, Qgis.MessageLevel.Warning),
        (logging.NOTSET, Qgis.MessageLevel.Info),
    )

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a broken record must not break the caller
            self.handleError(record)
            return
        level = next(q for threshold, q in self.LEVELS if record.levelno >= threshold)
        QgsMessageLog.logMessage(text, TAG, level, notifyUser=False)


def logger(name: str = "") -> logging.Logger:
    """The plugin's logger (or a child of it), with the QGIS handler installed once."""
    root = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, QgisLogHandler) for h in root.handlers):
        handler = QgisLogHandler()
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return root.getChild(name) if name else root
