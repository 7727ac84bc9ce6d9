"""Builds and exports the horizon pages of the demo programme again and again in one
process: run by test_export in a child process, so a crash is a failed exit code, not a
lost test run. Usage: export_stress.py PROGRAMME FOLDER ROUNDS"""

from __future__ import annotations

import faulthandler
import sys

from qgis.core import QgsApplication, QgsLayoutExporter, QgsProject


def main(programme: str, folder: str, rounds: int) -> None:
    from programmakamer.export.programme_map import build_programme_layout
    from programmakamer.store.layers import open_programme

    project = QgsProject.instance()
    open_programme(project, programme)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 20
    for number in range(rounds):
        layout = build_programme_layout(
            project, programme, pages=("overview", "short", "medium", "long")
        )
        result = QgsLayoutExporter(layout).exportToPdf(
            "{}/round-{}.pdf".format(folder, number % 2), settings
        )
        if result != QgsLayoutExporter.Success:
            raise SystemExit("export failed in round {}: {}".format(number, result))


if __name__ == "__main__":
    faulthandler.enable()
    app = QgsApplication([], False)
    app.initQgis()
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print("ok")
    app.exitQgis()
