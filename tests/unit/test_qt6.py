"""The plugin declares it runs on QGIS 4 (Qt 6): hold the code to what that needs beyond
what the pyqt5-to-pyqt6 check of `make lint` sees."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

PLUGIN = Path(__file__).resolve().parents[2] / "programmakamer"
#: QVariant's type enum is gone in Qt 6 (QGIS 4 passes QMetaType.Type to QgsField)
QVARIANT_TYPE = re.compile(r"QVariant\.(?:Type\.)?[A-Z][A-Za-z]*\b")


def test_the_metadata_declares_qt6_and_qgis_4():
    metadata = configparser.ConfigParser()
    metadata.read(PLUGIN / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    assert general["supportsQt6"] == "True"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"


def test_field_types_come_only_from_the_one_map_that_knows_qmetatype():
    found = []
    for path in sorted(PLUGIN.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if QVARIANT_TYPE.search(line) and path.name != "features.py":
                found.append("{}:{}: {}".format(path.relative_to(PLUGIN), number, line.strip()))
    assert found == []
    features = (PLUGIN / "store" / "features.py").read_text(encoding="utf-8")
    assert "if Qgis.QGIS_VERSION_INT >= 33800:" in features
