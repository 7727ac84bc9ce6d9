"""Every user-visible string is in tr() as a literal, and has a Dutch translation."""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import update_ts  # noqa: E402


def test_every_translatable_string_has_a_finished_dutch_translation():
    strings, _ = update_ts.source_strings()
    translations = update_ts.read_translations()
    missing = [s for s in strings if not translations.get(s, ("", False))[1]]
    assert strings, "no tr() strings found: the extractor is broken"
    assert missing == [], "run scripts/update_ts.py and translate: {}".format(missing)


def test_tr_is_never_given_a_built_string():
    _, problems = update_ts.source_strings()
    assert problems == []


def test_the_extractor_notices_an_f_string_in_tr(tmp_path):
    package = tmp_path / "plugin"
    package.mkdir()
    (package / "bad.py").write_text('x = 3\nmessage = tr(f"{x} works")\n')
    _, problems = update_ts.source_strings(package)
    assert problems == ["plugin/bad.py:2"]


def test_core_imports_neither_qt_nor_qgis():
    for path in (ROOT / "programmakamer" / "core").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("qgis", "PyQt", "osgeo")), (path, name)
