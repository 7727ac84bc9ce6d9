"""An export as one set of files that replaces the earlier set together or not at all.

The board memo is a PDF, a PNG per page, a workbook and CSV files that belong together: new
maps beside old tables mislead the board. Everything is written into a hidden workspace
inside the target folder (same file system, so a move is a rename), every target is
checked before the first move, and the files an export replaces are kept aside until the
last move succeeded, so a failure halfway puts them back. The workspace goes in any case.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..log import logger
from ..store.errors import ProgrammeError
from ..translation import tr

LOG = logger("export")
WORKBOOK = "programma.xlsx"


class ExportSet:
    """Files written under their final names in a workspace, moved into the folder by
    commit(); used as a context manager, so the workspace never outlives the export."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise ProgrammeError(tr("The folder {} does not exist.").format(self.folder))
        self._placed: dict[str, Path] = {}  # target name -> the new file in the workspace
        self._dropped: list[str] = []  # files of an earlier export that have no successor
        self._keep_workspace = False
        try:
            self.workspace = Path(tempfile.mkdtemp(prefix=".programmakamer-", dir=self.folder))
        except OSError as error:
            raise self.cannot_write(error) from error

    def __enter__(self) -> ExportSet:
        return self

    def __exit__(self, *exception) -> None:
        if self._keep_workspace:
            return
        shutil.rmtree(self.workspace, onerror=self._log_leftover)

    def path(self, name: str) -> Path:
        """Where to write the file that becomes `name` in the folder."""
        written = self.workspace / name
        self.put(written, name)
        return written

    def put(self, written: Path, name: str) -> None:
        """A file written in the workspace under another name becomes `name`."""
        self._placed[name] = written

    def drop(self, name: str) -> None:
        """A file of an earlier export that this one has no successor for (a page of a
        longer export): it goes with the commit, and comes back if the commit fails."""
        self._dropped.append(name)

    def commit(self) -> None:
        """Every new file into place and every dropped one out, or none of them."""
        names = list(self._placed) + self._dropped
        for name in names:
            self._check_replaceable(name)
        earlier = self.workspace / ".earlier"
        try:
            earlier.mkdir()
        except OSError as error:
            raise self.cannot_write(error) from error
        moved: list[tuple[str, Path | None]] = []  # in order, with the earlier file kept aside
        try:
            for name in names:
                target = self.folder / name
                kept = None
                if os.path.lexists(target):
                    kept = earlier / name
                    os.replace(target, kept)
                moved.append((name, kept))
                if name in self._placed:
                    os.replace(self._placed[name], target)
        except OSError as error:
            LOG.error("moving %s into place failed: %s", self.folder / name, error)
            self._put_back(moved)
            raise ProgrammeError(self._open_or_read_only(name)) from error

    def cannot_write(self, error: OSError) -> ProgrammeError:
        """The user's sentence for a file that could not be written in the workspace (the
        system's own text goes to the log)."""
        LOG.error("writing the export in %s failed: %s", self.folder, error)
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            name = Path(error.filename).name if error.filename else ""
            return ProgrammeError(
                tr("Cannot write {}: the disk is full.").format(self.folder / name)
            )
        return ProgrammeError(
            tr("Cannot write in the folder {}: it is read-only or not accessible.").format(
                self.folder
            )
        )

    def _check_replaceable(self, name: str) -> None:
        """Refuse before the first move when a target is locked or read-only: opening it
        for writing (nothing is written) fails as replacing it would."""
        target = self.folder / name
        if not os.path.lexists(target):
            return
        try:
            os.close(os.open(target, os.O_WRONLY))
        except OSError as error:
            LOG.error("%s cannot be replaced: %s", target, error)
            raise ProgrammeError(self._open_or_read_only(name)) from error

    def _open_or_read_only(self, name: str) -> str:
        return tr("Cannot write {}: it is open in another program or read-only.").format(
            self.folder / name
        )

    def _put_back(self, moved: list[tuple[str, Path | None]]) -> None:
        """The earlier files back where they were, the new ones of this export out."""
        failed = []
        for name, kept in reversed(moved):
            target = self.folder / name
            try:
                if kept is not None:
                    os.replace(kept, target)
                elif os.path.lexists(target):
                    target.unlink()
            except OSError as error:
                LOG.error("putting back %s failed: %s", target, error)
                failed.append(name)
        if failed:
            self._keep_workspace = True  # it holds the earlier files that could not go back
            raise ProgrammeError(
                tr(
                    "The export failed and not every earlier file could be put back: they "
                    "are in the folder {}."
                ).format(self.workspace / ".earlier")
            )

    def _log_leftover(self, function, path, exc_info) -> None:
        LOG.warning("the export's workspace %s could not be removed: %s", path, exc_info[1])


@dataclass
class BoardMemo:
    """The files of one export, at their final places."""

    pdf: Path
    pngs: list[Path]
    pages: int
    workbook: Path
    csvs: list[Path]


def export_board_memo(layout, programme: str | Path, folder: str | Path, dpi: int, feedback=None):
    """The programme map (PDF, PNG per page) and the memo tables (Excel, CSV) into one
    folder as one set. None when the feedback was cancelled: then nothing changed."""
    from .memo_tables import build_memo_tables, write_csv, write_workbook
    from .programme_map import export_programme_map

    with ExportSet(folder) as files:
        try:
            drawn = export_programme_map(layout, files, dpi)
            if feedback is not None:
                feedback.setProgress(80)
            tables = build_memo_tables(programme)
            write_workbook(tables, files.path(WORKBOOK))
            csvs = write_csv(tables, files.workspace)
        except OSError as error:
            raise files.cannot_write(error) from error
        for written in csvs:
            files.put(written, written.name)
        if feedback is not None and feedback.isCanceled():
            return None
        files.commit()
    return BoardMemo(
        drawn.pdf,
        drawn.pngs,
        drawn.pages,
        files.folder / WORKBOOK,
        [files.folder / c.name for c in csvs],
    )
