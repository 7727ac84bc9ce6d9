"""Build the installable plugin zip: the plugin folder with compiled .qm, no developer files.

The zip's metadata.txt gets its `changelog` from CHANGELOG.md (the changelog's one home):
the section of the packaged version and the older ones, as plain text.
"""

from __future__ import annotations

import configparser
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "programmakamer"
CHANGELOG = ROOT / "CHANGELOG.md"
SKIP_SUFFIXES = {".pyc", ".ts"}
SKIP_PARTS = {"__pycache__"}
# inside the plugin folder but for developers only: the demo generator (scripts/demo.py, tests)
DEVELOPER_ONLY = {PLUGIN / "core" / "demo.py"}
# the web map's library, put into the plugin by scripts/bootstrap.sh (npm, pinned), with its licence
VENDORED = tuple(PLUGIN / "web" / "vendor" / name for name in ("ol.js", "ol.css", "ol-LICENSE.md"))
# "## [0.2.0] - 2027-03-01", "## [0.1.0] - unreleased", "## [Unreleased]"
SECTION = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>.+))?$", re.MULTILINE)


def version() -> str:
    config = configparser.ConfigParser()
    config.read(PLUGIN / "metadata.txt", encoding="utf-8")
    return config["general"]["version"]


def changelog_text(markdown: str, wanted: str) -> str:
    """The sections from version `wanted` down, as QGIS's plugin manager shows them:
    a line per version, subsection and item (an item's wrapped lines joined, no backticks)."""
    sections = list(SECTION.finditer(markdown))
    first = next((n for n, s in enumerate(sections) if s["version"] == wanted), None)
    if first is None:
        raise SystemExit("package: CHANGELOG.md has no section for version {}".format(wanted))
    lines = []
    for number in range(first, len(sections)):
        heading = sections[number]
        end = sections[number + 1].start() if number + 1 < len(sections) else len(markdown)
        lines.append("{} ({})".format(heading["version"], heading["date"] or "unreleased"))
        for line in markdown[heading.end() : end].splitlines():
            if line.startswith("### "):
                lines.append(line[4:].strip() + ":")
            elif line.startswith("- "):
                lines.append(line.strip())
            elif line.startswith("  ") and line.strip():
                lines[-1] += " " + line.strip()
    return "\n".join(lines).replace("`", "")


def packaged_metadata(changelog: Path) -> str:
    """metadata.txt with `changelog=` after `version=`; configparser's continuation lines,
    and % doubled because QGIS reads the file with interpolation."""
    source = (PLUGIN / "metadata.txt").read_text(encoding="utf-8")
    if re.search(r"^changelog\s*=", source, re.MULTILINE):
        raise SystemExit("package: the changelog belongs in CHANGELOG.md, not in metadata.txt")
    text = changelog_text(changelog.read_text(encoding="utf-8"), version())
    entry = "changelog=\n" + "".join("    {}\n".format(line) for line in text.splitlines())
    return re.sub(
        r"^(version=.*\n)",
        lambda match: match.group(1) + entry.replace("%", "%%"),
        source,
        count=1,
        flags=re.MULTILINE,
    )


def build(dist: Path, changelog: Path = CHANGELOG) -> Path:
    if not list((PLUGIN / "i18n").glob("*.qm")):
        raise SystemExit("package: no compiled translations; run 'make translations' first")
    if not all(path.is_file() for path in VENDORED):
        raise SystemExit("package: the web map's library is missing; run 'make setup' first")
    metadata = packaged_metadata(changelog)
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / "programmakamer-{}.zip".format(version())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(PLUGIN.rglob("*")):
            if (
                path.is_dir()
                or path.suffix in SKIP_SUFFIXES
                or SKIP_PARTS & set(path.parts)
                or path in DEVELOPER_ONLY
            ):
                continue
            name = Path("programmakamer") / path.relative_to(PLUGIN)
            if path == PLUGIN / "metadata.txt":
                archive.writestr(str(name), metadata)
            else:
                archive.write(path, name)
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
