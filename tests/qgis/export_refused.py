"""Runs one exportprogramme that is expected to be refused, then lets QGIS exit: run by
test_export in a child process, so a crash at exit is a failed exit code, not a lost test
run. Usage: export_refused.py PROGRAMME FOLDER"""

from __future__ import annotations

import faulthandler
import sys

from qgis.core import QgsApplication, QgsProcessingException

sys.path.insert(0, "/usr/share/qgis/python/plugins")


def main(programme: str, folder: str) -> None:
    import processing
    from processing.core.Processing import Processing

    from programmakamer.processing.provider import ProgrammakamerProvider

    Processing.initialize()
    provider = ProgrammakamerProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        processing.run(
            "programmakamer:exportprogramme",
            {"PROGRAMME": programme, "OUTPUT": folder, "DPI": 30, "PAGES": [0]},
        )
    except QgsProcessingException as refused:
        print(refused)
    else:
        raise SystemExit("the export was not refused")
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)


if __name__ == "__main__":
    faulthandler.enable()
    app = QgsApplication([], False)
    app.initQgis()
    main(sys.argv[1], sys.argv[2])
    app.exitQgis()
