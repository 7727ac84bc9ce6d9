"""Make an isolated QGIS profile with the plugin linked in and enabled."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_profile(
    base: Path, plugin_source: Path = ROOT / "programmakamer", locale: str | None = None
) -> Path:
    profile = base / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "programmakamer"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(plugin_source.resolve(), target_is_directory=True)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    config = configparser.RawConfigParser()
    config.optionxform = str
    config.read(ini)
    for section, values in {
        "PythonPlugins": {"programmakamer": "true", "processing": "true"},
        "qgis": {"checkVersion": "false", "showTips": "false"},
        # QGIS in the language of the screenshot (none: the system's)
        "locale": {"overrideFlag": "true", "userLocale": locale} if locale else {},
    }.items():
        if not config.has_section(section):
            config.add_section(section)
        for key, value in values.items():
            config.set(section, key, value)
    # A fresh window each time: a geometry saved by an earlier run (without a window
    # manager under Xvfb) would otherwise come back distorted.
    if config.has_section("UI"):
        for key in ("geometry", "state"):
            config.remove_option("UI", key)
    if config.has_section("programmakamer"):  # so the panel gets its first-time width again
        config.remove_option("programmakamer", "dock_sized")
    with ini.open("w") as handle:
        config.write(handle, space_around_delimiters=False)
    return profile


if __name__ == "__main__":
    # profile.py DIR [LOCALE], e.g. nl_NL for a Dutch QGIS
    locale = sys.argv[2] if len(sys.argv) > 2 else None
    print(make_profile(Path(sys.argv[1]).absolute(), locale=locale))
