"""What the panel's tabs share: a form loaded at runtime, and telling the user."""

from __future__ import annotations

import functools
import inspect
from pathlib import Path

from qgis.core import Qgis
from qgis.PyQt import uic
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ..log import TAG, logger
from ..store.errors import ProgrammeError
from ..translation import tr

LOG = logger("panel")


def form(name: str):
    """The form class of a Qt Designer file next to this module."""
    return uic.loadUiType(str(Path(__file__).with_name(name)))[0]


def reported(slot):
    """A slot whose failure reaches the user as one sentence in the message bar (details
    and traceback in the log), never as a Python exception out of a Qt signal."""
    parameters = inspect.signature(slot).parameters.values()
    takes_any = any(p.kind == p.VAR_POSITIONAL for p in parameters)
    count = len(parameters) - 1  # without self
    # PyQt drops the signal arguments a slot does not take; through this wrapper it cannot
    # see the slot's own signature, so the wrapper drops them

    @functools.wraps(slot)
    def guarded(self, *args, **keywords):
        try:
            return slot(self, *(args if takes_any else args[:count]), **keywords)
        except ProgrammeError as error:
            LOG.warning("%s: %s", slot.__qualname__, error)
            self.tell(str(error), Qgis.MessageLevel.Critical, 0)
        except Exception as error:
            LOG.exception("%s failed", slot.__qualname__)
            self.tell(
                tr("Unexpected problem: {} (details in the log panel, tab {})").format(error, TAG),
                Qgis.MessageLevel.Critical,
                0,
            )
        return None

    return guarded


class PanelTab(QWidget):
    """A tab of the panel. It tells the user through the dock and reaches other tabs only
    through the dock's signals and plain method calls."""

    told = pyqtSignal(str, object, int)  # text, Qgis message level, seconds shown

    def tell(self, text: str, level=Qgis.MessageLevel.Info, seconds: int = 10) -> None:
        self.told.emit(text, level, seconds)
