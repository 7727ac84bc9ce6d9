"""Writes that land whole or not at all, on a programme that can take them.

A write first refuses a read-only or damaged file, then goes through a layer's edit buffer
(edit_session) or one database transaction over several layers (provider_transaction) that
holds the programme's write lock, in bulk provider calls (bulk_write).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsProviderRegistry,
    QgsTransaction,
    QgsVectorDataProvider,
    QgsVectorLayer,
)

from ..log import logger
from ..translation import tr
from .errors import (
    CancelledError,
    GdalErrors,
    ProgrammeError,
    busy,
    damaged,
    is_busy,
    refused,
    write_failure,
)
from .location import is_postgis, postgis_location, quoted_table

#: How long a program write waits for another writer of the same programme to finish.
WRITE_WAIT_SECONDS = 60.0

#: Features per provider call when a write reports progress: each call takes well under a
#: second, so progress moves and Cancel is heard, and the writes stay bulk.
WRITE_CHUNK = 2000


def check_writable(path: str | Path) -> None:
    """Refuse a programme that cannot be written before a job starts, not when it saves: the
    file must open for writing and its folder take SQLite's journal. Trying is the test:
    os.access says yes to root even on an immutable file. A database says at the write
    who may write what (row-level security included), so a PostGIS programme passes."""
    if is_postgis(path):
        return
    path = Path(path)
    try:
        os.close(os.open(path, os.O_RDWR))
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as error:
        logger("store").warning("%s cannot be written: %s", path, error)
        raise refused(str(path)) from None


def check_intact(path: str | Path) -> None:
    """Refuse a damaged programme file before anything is written to it. SQLite's quick
    check reads every page (0.05-0.15 s for a programme of 50,000 works), so no write builds
    on a broken page; a page that is whole but holds broken values is caught by the reader.
    PostgreSQL checks its own pages."""
    if is_postgis(path):
        return
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(
            str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
        verdict = []
        if dataset is not None:
            result = dataset.ExecuteSQL("PRAGMA quick_check")
            if result is not None:
                verdict = [feature.GetField(0) for feature in result]
                dataset.ReleaseResultSet(result)
        dataset = None
    if verdict == ["ok"]:
        return
    logger("store").error(
        "%s failed the quick check: %s", path, "; ".join(errors.messages + verdict)
    )
    if errors.busy:
        raise busy(path)
    raise damaged(path)


@contextmanager
def edit_session(layer: QgsVectorLayer) -> Iterator[QgsVectorLayer]:
    """Edit through the layer's buffer, committed at the end or rolled back on an error.

    QGIS commits a buffer's added features, attribute changes and geometry changes one
    provider call after the other: a failure in a later call leaves the earlier ones saved.
    Batches that mix kinds and must land whole use `provider_transaction`.
    """
    source = _programme_of(layer)
    check_writable(source)
    check_intact(source)
    if not layer.startEditing():
        raise refused(source)
    try:
        yield layer
    except BaseException:
        layer.rollBack()
        raise
    if not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise write_failure(source, errors)


@contextmanager
def provider_transaction(
    *layers: QgsVectorLayer, waiting: Callable[[], bool] | None = None
) -> Iterator[list[QgsVectorDataProvider]]:
    """The layers' providers inside one database transaction (layers of one GeoPackage or
    database): every provider call of the block is saved together when it ends, or none
    is (the block raised, or the commit failed). Bulk provider calls and no edit buffer:
    for writes the program makes, not for edits a user may undo.

    A read-only or damaged file is refused first. The transaction holds the programme's
    write lock from its first statement (SQLite's BEGIN IMMEDIATE): what the block reads
    cannot change before it commits, so a merge decided inside it stays true. A second
    writer waits for the lock, not halfway; `waiting()` is asked about once a second
    meanwhile, and False gives up (CancelledError).
    """
    # No exception is made before it is raised: one held in a local and its traceback
    # form a cycle, collected whenever, even after QGIS has exited (a crash in the tests).
    source = _programme_of(layers[0])
    postgres = is_postgis(source)
    check_writable(source)
    check_intact(source)  # before the update mode, which already rewrites the file's header
    providers = [layer.dataProvider() for layer in layers]
    if not all(p.capabilities() & QgsVectorDataProvider.AddFeatures for p in providers):
        raise refused(source)
    entered, transaction = [], None
    try:
        for provider in providers:  # the OGR provider shares a dataset opened for update
            if not provider.enterUpdateMode():
                raise refused(source)
            entered.append(provider)
        transaction = _locked_transaction(layers, source, waiting, postgres)
        try:
            yield providers
        except BaseException:
            transaction.rollback()
            raise
        committed, error = transaction.commit()
        if not committed:
            transaction.rollback()
            raise write_failure(source, error)
    finally:
        # Deleted here, while its layers surely live, not whenever a traceback that holds
        # this frame is let go.
        transaction = None
        for provider in entered:
            provider.leaveUpdateMode()


def _programme_of(layer) -> str:
    """The location of a layer's programme: its GeoPackage, or its PostGIS schema (which
    messages show without password)."""
    if layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        return postgis_location(uri, uri.schema())
    return layer.source().split("|")[0]


def _locked_transaction(layers, source: str, waiting, postgres: bool) -> QgsTransaction:
    """A begun transaction that holds the write lock: a write that changes nothing takes it
    (a deferred BEGIN would take it only at the first real write, after the reads). In
    PostGIS the lock is the first layer's table, held against other writers of it."""
    if postgres:
        lock = "LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE".format(quoted_table(layers[0].source()))
        wait, waited = "SET LOCAL lock_timeout = '1s'", "SET LOCAL lock_timeout = 0"
    else:
        table = QgsProviderRegistry.instance().decodeUri("ogr", layers[0].source())["layerName"]
        lock = 'UPDATE "{}" SET rowid = rowid WHERE 0'.format(table)
        # the commit may wait for readers of the file (rollback journal, a network share)
        wait, waited = "PRAGMA busy_timeout = 1000", "PRAGMA busy_timeout = 30000"
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    while True:
        transaction = QgsTransaction.create(set(layers))
        if transaction is None or not transaction.begin()[0]:
            raise refused(source)
        transaction.executeSql(wait)  # each try waits up to 1 s
        locked, error = transaction.executeSql(lock)
        if locked:
            transaction.executeSql(waited)
            return transaction
        transaction.rollback()
        transaction = None
        if not is_busy(error):
            raise write_failure(source, error)
        if waiting is not None and not waiting():
            raise CancelledError()
        if time.monotonic() > deadline:
            raise busy(source)


def bulk_write(
    provider, source, added=(), changes=None, geometries=None, deleted=(), progress=None
) -> None:
    """Deleted features, added features, attribute changes and geometry changes (inside a
    provider_transaction); the first refusal raises with our reading of the provider's
    reason. One provider call each; with `progress`, calls of WRITE_CHUNK items, and
    progress(fraction done) is asked after each: False raises CancelledError, which rolls the
    transaction back."""
    steps = (
        (provider.deleteFeatures, list(deleted)),
        (lambda part: provider.addFeatures(part)[0], list(added)),
        (lambda part: provider.changeAttributeValues(dict(part)), list((changes or {}).items())),
        (lambda part: provider.changeGeometryValues(dict(part)), list((geometries or {}).items())),
    )
    total = sum(len(items) for _, items in steps)
    size = WRITE_CHUNK if progress is not None else max(total, 1)
    done = 0
    for call, items in steps:
        for start in range(0, len(items), size):
            part = items[start : start + size]
            if not call(part):
                raise write_failure(source, provider.lastError())
            done += len(part)
            if progress is not None and not progress(done / total):
                raise CancelledError()


def append_features(layer: QgsVectorLayer, features: Sequence[QgsFeature]) -> None:
    with edit_session(layer):
        if not layer.addFeatures(list(features)):
            raise ProgrammeError(
                tr("Saving to {} failed: {}").format(layer.source(), tr("features refused"))
            )
