"""Translation helpers: one context for the whole plugin, the user's QGIS locale."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

CONTEXT = "Programmakamer"
I18N_DIR = Path(__file__).parent / "i18n"


def tr(text: str) -> str:
    """Translate an English source string; pylupdate-style extraction reads `tr("…")`."""
    return QCoreApplication.translate(CONTEXT, text)


def language() -> str:
    """Two-letter language of the QGIS user interface ("nl", "en", …)."""
    return (QgsApplication.locale() or "en")[:2].lower()


def install_translator(app: QCoreApplication | None = None) -> QTranslator | None:
    """Load the compiled .qm for the user's language; keep the returned object alive."""
    qm = I18N_DIR / "programmakamer_{}.qm".format(language())
    if not qm.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    (app or QCoreApplication.instance()).installTranslator(translator)
    return translator
