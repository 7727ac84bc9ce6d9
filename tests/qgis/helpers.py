"""Helpers the QGIS tests share."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def read_only(*paths: Path) -> Iterator[bool]:
    """Files or folders nobody may write while the block runs, and writable again after.

    Permission bits stop a normal user; root ignores them, so the immutable flag is set
    too where chattr can (yields whether it could)."""
    modes = [path.stat().st_mode & 0o777 for path in paths]
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    immutable = all(
        subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
        for path in paths
    )
    try:
        yield immutable
    finally:
        for path, mode in zip(paths, modes):
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
            path.chmod(mode)
