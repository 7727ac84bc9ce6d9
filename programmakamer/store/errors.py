"""The store's errors, told in one sentence the user can act on.

The database's and GDAL's own words go to the log; the user reads ours. Every store module
raises through these, so they sit below all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from osgeo import gdal, ogr, osr

from ..log import logger
from ..translation import tr
from .location import is_postgis, shown


class ProgrammeError(Exception):
    """A problem the user can act on; the message is already translated."""


class CancelledError(Exception):
    """The user cancelled a write; raised inside a transaction, so all of it rolls back."""


_BUSY = (
    "database is locked",
    "database table is locked",
    "unable to open database file",
    "lock timeout",  # PostgreSQL: another writer holds the table
)

_READ_ONLY = ("readonly", "read-only", "permission denied", "operation not permitted")

_FULL = ("disk is full", "no space left")

_DAMAGED = ("malformed", "not a database", "disk i/o error")


def _says(text: str, words: tuple[str, ...]) -> bool:
    text = (text or "").lower()
    return any(word in text for word in words)


def is_busy(detail: str) -> bool:
    """Whether the database's words say another writer holds the programme."""
    return _says(detail, _BUSY)


def busy(source) -> ProgrammeError:
    return ProgrammeError(
        tr(
            "Another analysis or another program is writing to {}: try again when it has "
            "finished."
        ).format(source)
    )


def damaged(source) -> ProgrammeError:
    return ProgrammeError(
        tr(
            "The programme file {} is damaged: restore a copy (for example from a backup). "
            "Nothing was written."
        ).format(source)
    )


def unreadable(source, table: str, details: Sequence[str]) -> ProgrammeError:
    """Our sentence for a read that met an error; GDAL's and SQLite's words go to the log."""
    logger("store").error("Reading table %s of %s failed: %s", table, source, "; ".join(details))
    if any(is_busy(d) for d in details):
        return busy(source)
    return ProgrammeError(
        tr(
            "The programme file {} is damaged: table {} cannot be read completely. Restore a "
            "copy (for example from a backup)."
        ).format(source, table)
    )


def missing_columns(table: str, source, names: Sequence[str]) -> ProgrammeError:
    return ProgrammeError(
        tr(
            "Table {} of {} has no column {}: it was changed outside the plugin. Restore a "
            "copy, or add the column."
        ).format(table, source, ", ".join(names))
    )


def write_failure(source, detail: str) -> ProgrammeError:
    """Our sentence for a write the database refused; its own words go to the log."""
    source = shown(source)  # a PostGIS programme's location without its password
    logger("store").error("Writing to %s failed: %s", source, detail)
    if is_busy(detail):
        return busy(source)
    if is_postgis(source):  # PostgreSQL's first line says why (a privilege, a policy)
        return ProgrammeError(
            tr("The database refused the change to {}: {}").format(
                source, (str(detail).strip().splitlines() or [""])[0]
            )
        )
    if _says(detail, _READ_ONLY):
        return refused(source)
    if _says(detail, _DAMAGED):
        return damaged(source)
    if _says(detail, _FULL):
        return ProgrammeError(
            tr("Saving to {} failed: the disk is full. Nothing was saved.").format(source)
        )
    return ProgrammeError(
        tr("Saving to {} failed; the details are in the log (tab Programmakamer).").format(source)
    )


def refused(source) -> ProgrammeError:
    if is_postgis(source):
        return ProgrammeError(
            tr(
                "The database does not let you change {}: ask its administrator for a role "
                "that may (programmakamer:grantlogin)."
            ).format(shown(source))
        )
    return ProgrammeError(tr("Cannot edit {}: the file is read-only or locked.").format(source))


class GdalErrors:
    """GDAL's errors while a block runs, kept instead of printed: a read that met one is
    refused, never returned short. Only for GDAL calls in this thread (the error handler
    stack is per thread).

    Inside the block GDAL answers with return codes and None, as the store expects, also
    when something turned on GDAL's Python exceptions for the whole process (QGIS 3.40's
    own GDAL Processing provider does): they are put back as they were afterwards."""

    def __init__(self):
        self.messages: list[str] = []
        self._raising: list = []

    def __enter__(self) -> GdalErrors:
        # GDAL 3.6 keeps one error handler per module on a stack: off in the reverse order
        # of QGIS and GDAL's own "on" (gdal, ogr, osr), on again in that order
        self._raising = [module for module in (osr, ogr, gdal) if module.GetUseExceptions()]
        for module in self._raising:
            module.DontUseExceptions()
        gdal.PushErrorHandler(self._keep)
        return self

    def __exit__(self, *exc) -> bool:
        gdal.PopErrorHandler()
        for module in reversed(self._raising):
            module.UseExceptions()
        return False

    def _keep(self, level, number, message) -> None:
        if level >= gdal.CE_Failure:
            self.messages.append(message)

    @property
    def busy(self) -> bool:
        return any(is_busy(m) for m in self.messages)
