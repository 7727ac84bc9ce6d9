"""Build the installable plugin zip: the plugin folder with compiled .qm, nothing else."""

from __future__ import annotations

import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "programmakamer"
SKIP_SUFFIXES = {".pyc", ".ts"}
SKIP_PARTS = {"__pycache__"}


def version() -> str:
    config = configparser.ConfigParser()
    config.read(PLUGIN / "metadata.txt", encoding="utf-8")
    return config["general"]["version"]


def build(dist: Path) -> Path:
    if not list((PLUGIN / "i18n").glob("*.qm")):
        raise SystemExit("package: no compiled translations; run 'make translations' first")
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / "programmakamer-{}.zip".format(version())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(PLUGIN.rglob("*")):
            if path.is_dir() or path.suffix in SKIP_SUFFIXES or SKIP_PARTS & set(path.parts):
                continue
            archive.write(path, Path("programmakamer") / path.relative_to(PLUGIN))
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
