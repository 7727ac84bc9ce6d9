"""Qt 6 readiness as a check: QGIS's pyqt5_to_pyqt6 migration tool over the given files.

The tool rewrites files in place; here it runs on copies in a temporary folder, and what
it would change is printed as a diff. In its default mode it applies only what QGIS 3
runs too (fully scoped Qt enums, exec(), qgis.PyQt imports, ...), so every fix it asks
for keeps 3.22 working. Exit status 1 when it would change a file or warns.

The tool knows Qt's enums from PyQt6 (installed with it by bootstrap.sh into
.venv/qt6-check); it has no QGIS built on Qt 6 to read QGIS's own enums from.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT / ".venv" / "qt6-check" / "bin" / "pyqt5to6"
# printed on every run without QGIS for Qt 6: not a finding
NOTICE = "QGIS classes not available for introspection"


def check(paths: list[str]) -> int:
    if not CHECKER.exists():
        raise SystemExit("qt6_check: {} is missing; run 'make setup'".format(CHECKER))
    findings = 0
    with tempfile.TemporaryDirectory() as tmp:
        copies = {}
        for number, path in enumerate(paths):
            copy = Path(tmp, str(number), Path(path).name)
            copy.parent.mkdir()
            shutil.copyfile(path, copy)
            copies[path] = copy
        run = subprocess.run([str(CHECKER), tmp], capture_output=True, text=True)
        if run.returncode not in (0, 1) or "Traceback" in run.stderr:
            raise SystemExit("qt6_check: the checker failed:\n{}".format(run.stderr))
        said = run.stdout + run.stderr
        for path, copy in copies.items():
            said = said.replace(str(copy), path)
        for line in said.splitlines():
            if line.strip() and NOTICE not in line:
                print(line)
                findings += 1
        for path, copy in copies.items():
            before = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
            after = copy.read_text(encoding="utf-8").splitlines(keepends=True)
            diff = list(difflib.unified_diff(before, after, path, path + " (Qt 6)"))
            if diff:
                sys.stdout.writelines(diff)
                findings += 1
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(check(sys.argv[1:]))
