"""The zip that goes to the plugin repository installs and lists its algorithms."""

from __future__ import annotations

import ast
import configparser
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import package  # noqa: E402


def run_qgis_process(profile: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        ["/usr/bin/qgis_process.bin", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_zip_holds_the_plugin_and_translations_but_no_dev_files(tmp_path):
    archive = package.build(tmp_path)
    names = zipfile.ZipFile(archive).namelist()
    assert "programmakamer/metadata.txt" in names
    assert "programmakamer/i18n/programmakamer_nl.qm" in names
    assert "programmakamer/ui/stakeholder_dialog.ui" in names
    assert not [n for n in names if n.endswith((".pyc", ".ts")) or "tests/" in n]


def test_the_zip_carries_the_web_map_library_with_its_licence(tmp_path):
    names = zipfile.ZipFile(package.build(tmp_path)).namelist()
    for name in ("ol.js", "ol.css", "ol-LICENSE.md"):
        assert "programmakamer/web/vendor/{}".format(name) in names
    for name in ("index.html", "programmakaart.js", "programmakaart.css"):
        assert "programmakamer/web/{}".format(name) in names


def test_no_zip_is_made_without_the_web_map_library(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "VENDORED", (tmp_path / "absent" / "ol.js",))
    with pytest.raises(SystemExit, match="web map"):
        package.build(tmp_path)


def shipped_sources(archive: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Module name -> (path in the zip, whether it is a package)."""
    sources = {}
    for name in archive.namelist():
        if name.endswith("/__init__.py"):
            sources[name[: -len("/__init__.py")].replace("/", ".")] = (name, True)
        elif name.endswith(".py"):
            sources[name[: -len(".py")].replace("/", ".")] = (name, False)
    return sources


def top_level_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def absolute_module(package: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    parts = parts[: len(parts) - node.level + 1]
    return ".".join(parts + ([node.module] if node.module else []))


def unshipped_imports(archive: zipfile.ZipFile) -> dict[str, set[str]]:
    """The plugin's own modules and names that a shipped module imports (inside functions
    too) but the zip does not hold."""
    sources = shipped_sources(archive)
    trees = {module: ast.parse(archive.read(path)) for module, (path, _) in sources.items()}

    def ships(name: str, member: bool) -> bool:
        """A module in the zip, or a name that a shipped module or package defines."""
        parent, _, last = name.rpartition(".")
        if name in sources:
            return True
        if not member or parent not in sources:
            return False
        return not sources[parent][1] or last in top_level_names(trees[parent])

    missing = {}
    for module, tree in trees.items():
        package = module if sources[module][1] else module.rpartition(".")[0]
        wanted = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                wanted |= {(alias.name, False) for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                target = absolute_module(package, node)
                wanted.add((target, False))
                wanted |= {("{}.{}".format(target, a.name), True) for a in node.names}
        own = {(n, m) for n, m in wanted if n.split(".")[0] == "programmakamer"}
        missing[module] = {n for n, member in own if not ships(n, member)}
    return {module: names for module, names in missing.items() if names}


def test_the_demo_generator_stays_out_of_the_zip_and_nothing_shipped_imports_it(tmp_path):
    archive = zipfile.ZipFile(package.build(tmp_path))
    modules = shipped_sources(archive)
    assert "programmakamer.core.demo" not in modules
    assert "programmakamer.core.rules" in modules
    assert unshipped_imports(archive) == {}


LOAD_FROM_ZIP = """
import importlib, pkgutil, sys
plugins = sys.argv[1]
sys.path.insert(0, plugins)
from qgis.core import QgsApplication
app = QgsApplication([], True)
app.initQgis()
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QMainWindow
import programmakamer
assert programmakamer.__file__.startswith(plugins), programmakamer.__file__
names = [m.name for m in pkgutil.walk_packages(programmakamer.__path__, "programmakamer.")]
for name in names:
    importlib.import_module(name)

class Iface:  # what initGui and unload ask of QGIS's iface
    def __init__(self):
        self.window, self.bar, self.menu = QMainWindow(), QgsMessageBar(), []
    def mainWindow(self):
        return self.window
    def messageBar(self):
        return self.bar
    def addPluginToMenu(self, name, action):
        self.menu.append(action)
    def removePluginMenu(self, name, action):
        self.menu.remove(action)
    def addToolBarIcon(self, action):
        pass
    def removeToolBarIcon(self, action):
        pass

iface = Iface()
plugin = programmakamer.classFactory(iface)
plugin.initGui()
assert iface.menu, "no menu entries"
plugin.unload()
assert not iface.menu, "menu entries left after unload"
print("imported", len(names), "modules")
"""


def test_the_unzipped_plugin_imports_every_module_and_loads_without_the_repository(tmp_path):
    archive = package.build(tmp_path / "dist")
    plugins = tmp_path / "plugins"
    zipfile.ZipFile(archive).extractall(plugins)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD_FROM_ZIP, str(plugins)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert loaded.returncode == 0, loaded.stderr
    shipped = [n for n in zipfile.ZipFile(archive).namelist() if n.endswith(".py")]
    # every module and sub-package, the top package itself aside
    assert "imported {} modules".format(len(shipped) - 1) in loaded.stdout


def zipped_metadata(archive: Path) -> configparser.ConfigParser:
    metadata = configparser.ConfigParser()
    text = zipfile.ZipFile(archive).read("programmakamer/metadata.txt").decode("utf-8")
    metadata.read_file(io.StringIO(text))
    return metadata


def test_the_zip_metadata_changelog_is_written_from_changelog_md(tmp_path):
    version = package.version()
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(
        "# Changelog\n\nIntroduction.\n\n"
        "## [Unreleased]\n\n### Added\n\n- Not in a version yet.\n\n"
        "## [{}] - 2027-03-01\n\n### Added\n\n- Works on one map,\n  with horizons.\n"
        "- `analyseprogramme` finds dig-once chances.\n\n"
        "### Fixed\n\n- A saving of 30 % shown right.\n\n"
        "## [0.0.9] - 2026-01-01\n\n### Added\n\n- A first try.\n".format(version),
        encoding="utf-8",
    )
    metadata = zipped_metadata(package.build(tmp_path / "dist", changelog))
    assert metadata["general"]["changelog"].strip().splitlines() == [
        "{} (2027-03-01)".format(version),
        "Added:",
        "- Works on one map, with horizons.",
        "- analyseprogramme finds dig-once chances.",
        "Fixed:",
        "- A saving of 30 % shown right.",
        "0.0.9 (2026-01-01)",
        "Added:",
        "- A first try.",
    ]
    source = configparser.ConfigParser()
    source.read(package.PLUGIN / "metadata.txt", encoding="utf-8")
    assert "changelog" not in source["general"], "CHANGELOG.md is the changelog's one home"
    assert {k: v for k, v in metadata["general"].items() if k != "changelog"} == dict(
        source["general"]
    )


def test_a_version_without_a_section_in_the_changelog_is_not_packaged(tmp_path):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## [0.0.1] - 2020-01-01\n\n- Old.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no section for version {}".format(package.version())):
        package.build(tmp_path / "dist", changelog)
    assert not list((tmp_path / "dist").glob("*.zip"))


def test_the_project_changelog_describes_the_packaged_version(tmp_path):
    changelog = zipped_metadata(package.build(tmp_path))["general"]["changelog"]
    assert changelog.strip().startswith("{} (".format(package.version()))
    assert "Dutch translation." in changelog


def test_the_zip_installs_into_a_fresh_profile_and_runs_with_system_python(tmp_path):
    """qgis_process here sees Debian's Python only: no shapely 2, as in many user installs."""
    archive = package.build(tmp_path / "dist")
    plugins = tmp_path / "profile" / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(archive).extractall(plugins)
    profile = tmp_path / "profile"
    enabled = run_qgis_process(profile, "plugins", "enable", "programmakamer", cwd=tmp_path)
    assert enabled.returncode == 0, enabled.stderr
    listing = run_qgis_process(profile, "list", cwd=tmp_path)
    for name in ("createprogramme", "addstakeholder", "assignhorizons", "analyseprogramme"):
        assert "programmakamer:{}".format(name) in listing.stdout
    target = tmp_path / "zwolle.gpkg"
    created = run_qgis_process(
        profile,
        "run",
        "programmakamer:createprogramme",
        "--",
        "NAME=Programma Zwolle",
        "MUNICIPALITY=Zwolle",
        "REFERENCE_YEAR=2027",
        "OUTPUT={}".format(target),
        cwd=tmp_path,
    )
    assert created.returncode == 0, created.stdout + created.stderr
    assert target.exists()
