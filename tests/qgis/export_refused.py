"""Runs one export that is expected to be refused, then lets QGIS exit: run by the export
tests in a child process, so a crash at exit is a failed exit code, not a lost test run.
Usage: export_refused.py PROGRAMME FOLDER [ALGORITHM] (default exportprogramme)"""

from __future__ import annotations

import faulthandler
import os
import subprocess
import sys
from pathlib import Path

from qgis.core import QgsApplication, QgsProcessingException

sys.path.insert(0, "/usr/share/qgis/python/plugins")


def run_refused(programme, folder, algorithm: str = "exportprogramme"):
    """This script in a child process, as the tests call it: its output and exit code."""
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, __file__, str(programme), str(folder), algorithm],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=300,
    )


def main(programme: str, folder: str, algorithm: str = "exportprogramme") -> None:
    import processing
    from processing.core.Processing import Processing

    from programmakamer.processing.provider import ProgrammakamerProvider

    Processing.initialize()
    provider = ProgrammakamerProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        parameters = {"PROGRAMME": programme, "OUTPUT": folder}
        if algorithm == "exportprogramme":
            parameters.update({"DPI": 30, "PAGES": [0]})
        processing.run("programmakamer:{}".format(algorithm), parameters)
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
    main(*sys.argv[1:])
    app.exitQgis()
