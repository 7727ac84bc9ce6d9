"""The zip that goes to the plugin repository installs and lists its algorithms."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

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
