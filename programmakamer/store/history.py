"""No lost update and no lost history in a PostGIS programme.

Works and decisions carry a `version` that the database moves on at every save. A client
states the version its edit was based on in `based_on_version` and is refused when someone
else saved in the meantime, with who and when; the database clears it again. QGIS states it
through the layer's default value on update: the column is NULL as read, so QGIS sends it
(a `version` set to its own value would not be sent). A client that states nothing (a
plain UPDATE, which reads and writes in one statement) just moves the version on. Every
insert, update and delete of works and decisions lands in the `audit` table with who, when,
and the old and new row. The triggers run as the programme's owner, so no other role needs
to write the audit.

In a QGIS transaction group each edit goes to the database at once, in one transaction
that lasts the whole editing session, and the version it states is read back inside that
transaction: there the check is against the database as it was when editing began
(guard_editing_session). Statements of one transaction are one save.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass
from datetime import datetime

from ..core.schema import AUDIT, DECISIONS, WORK_TABLES
from ..log import logger
from ..translation import tr
from .errors import ProgrammeError
from .location import GEOMETRY_COLUMN, KEY_COLUMN, is_postgis, postgis_schema
from .notify import announce_changes
from .postgis import sql, table_ddl, transaction

VERSION_COLUMN = "version"
BASED_ON_COLUMN = "based_on_version"
#: The transaction that saved the row last: statements of one transaction are one save, and
#: a transaction group's edit is checked against it (PostGIS only, like the version).
SAVED_IN_COLUMN = "saved_in"
AUDIT_TABLE = AUDIT.name
#: The tables whose rows carry a version and leave a history, with the column that names a
#: row in a refusal.
KEPT_TABLES = tuple((t.name, "work_id") for t in WORK_TABLES) + ((DECISIONS.name, "fid"),)

#: The snapshot of the database when a transaction group began editing (see
#: guard_editing_session); empty outside one.
EDITING_SINCE = "programmakamer.editing_since"

_CHECK_VERSION = """
DECLARE
  who text;
  stamp timestamptz;
  since text := pg_catalog.current_setting('{since}', true);
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.{version} := 1;
    NEW.{based_on} := NULL;
    NEW.{saved_in} := pg_catalog.txid_current();
    RETURN NEW;
  END IF;
  IF OLD.{saved_in} = pg_catalog.txid_current() THEN
    -- Saved before in this very transaction: the same save goes on (QGIS sends a field,
    -- the time it changed and the version read as separate statements in a transaction
    -- group, a geometry apart from the fields in any mode).
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    NEW.{version} := OLD.{version};
    NEW.{based_on} := NULL;
    NEW.{saved_in} := OLD.{saved_in};
    RETURN NEW;
  END IF;
  IF (TG_OP = 'UPDATE' AND NEW.{based_on} IS NOT NULL AND NEW.{based_on} <> OLD.{version})
     OR (coalesce(since, '') <> '' AND OLD.{saved_in} IS NOT NULL
         AND NOT pg_catalog.txid_visible_in_snapshot(OLD.{saved_in},
                                                     since::pg_catalog.txid_snapshot))
  THEN
    SELECT a.changed_by, a.changed_at INTO who, stamp FROM {audit} a
      WHERE a.table_name = TG_TABLE_NAME AND a.fid = OLD.fid
      ORDER BY a.id DESC LIMIT 1;
    RAISE EXCEPTION '% in % was changed by % at % since you read it: reload, then edit again',
        pg_catalog.to_jsonb(OLD) ->> TG_ARGV[0], TG_TABLE_NAME, coalesce(who, '?'),
        coalesce(pg_catalog.to_char(stamp, 'YYYY-MM-DD HH24:MI:SS'), '?')
      USING ERRCODE = 'serialization_failure';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  NEW.{version} := OLD.{version} + 1;
  NEW.{based_on} := NULL;
  NEW.{saved_in} := pg_catalog.txid_current();
  RETURN NEW;
END
"""

_KEEP_HISTORY = """
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.{saved_in} = pg_catalog.txid_current() THEN
    -- A row saved before in this transaction: the entry of that save gets the new state.
    UPDATE {audit} SET new_values = pg_catalog.to_jsonb(NEW), changed_at = clock_timestamp()
      WHERE id = (SELECT max(a.id) FROM {audit} a
                  WHERE a.table_name = TG_TABLE_NAME AND a.fid = NEW.fid)
        AND action <> 'DELETE';
    IF FOUND THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO {audit} (table_name, fid, action, old_values, new_values)
  VALUES (
    TG_TABLE_NAME,
    CASE WHEN TG_OP = 'DELETE' THEN OLD.fid ELSE NEW.fid END,
    TG_OP,
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE pg_catalog.to_jsonb(OLD) END,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE pg_catalog.to_jsonb(NEW) END
  );
  RETURN NULL;
END
"""


def keep_history(cursor, schema: str) -> None:
    """Version columns, the audit table and their triggers (inside a programme's creation)."""
    composition = sql()
    ident = composition.Identifier
    audit = ident(schema, AUDIT.name)
    for statement in table_ddl(schema, AUDIT, 0):  # the one definition a snapshot uses too
        cursor.execute(statement)
    cursor.execute(
        composition.SQL(
            "ALTER TABLE {} ALTER changed_by SET DEFAULT SESSION_USER, "
            "ALTER changed_at SET DEFAULT clock_timestamp()"
        ).format(audit)
    )
    cursor.execute(
        composition.SQL("CREATE INDEX {} ON {} (table_name, fid, id)").format(
            ident("audit_row_idx"), audit
        )
    )
    names = {
        "audit": audit.as_string(cursor),
        "version": ident(VERSION_COLUMN).as_string(cursor),
        "based_on": ident(BASED_ON_COLUMN).as_string(cursor),
        "saved_in": ident(SAVED_IN_COLUMN).as_string(cursor),
        "since": EDITING_SINCE,
    }
    for function, body in (("check_version", _CHECK_VERSION), ("keep_history", _KEEP_HISTORY)):
        cursor.execute(
            composition.SQL(
                "CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
                "SET search_path = pg_catalog, pg_temp AS {}"
            ).format(ident(schema, function), composition.Literal(body.format(**names)))
        )
    for table_name, label in KEPT_TABLES:
        name = ident(schema, table_name)
        cursor.execute(
            composition.SQL(
                "ALTER TABLE {} ADD COLUMN {} integer NOT NULL DEFAULT 1, ADD COLUMN {} integer, "
                "ADD COLUMN {} bigint"
            ).format(name, ident(VERSION_COLUMN), ident(BASED_ON_COLUMN), ident(SAVED_IN_COLUMN))
        )
        cursor.execute(
            composition.SQL(
                "CREATE TRIGGER check_version BEFORE INSERT OR UPDATE OR DELETE ON {} "
                "FOR EACH ROW EXECUTE FUNCTION {}({})"
            ).format(name, ident(schema, "check_version"), composition.Literal(label))
        )
        cursor.execute(
            composition.SQL(
                "CREATE TRIGGER keep_history AFTER INSERT OR UPDATE OR DELETE ON {} "
                "FOR EACH ROW EXECUTE FUNCTION {}()"
            ).format(name, ident(schema, "keep_history"))
        )
    announce_changes(cursor, schema)  # a colleague's save shows up in QGIS (notify.py)


_REMEMBER_SNAPSHOT = (
    "DO $$ BEGIN "
    "IF coalesce(pg_catalog.current_setting('{0}', true), '') = '' THEN "
    "PERFORM pg_catalog.set_config('{0}', pg_catalog.txid_current_snapshot()::text, true); "
    "END IF; END $$"
).format(EDITING_SINCE)

_GUARDED = "programmakamer_guarded"


def guard_editing_session(layer) -> None:
    """Make a PostGIS programme layer's editing in a transaction group safe from lost updates.

    When the layer starts editing inside a transaction group, the snapshot of the database
    at that moment is kept in the transaction (a transaction-local setting): the version
    trigger then refuses to change or delete a row that someone else saved after it, with
    who and when, and QGIS rolls back only that edit. Outside a transaction group a save is
    a short transaction of its own and `based_on_version` does the check. Connecting twice
    does nothing."""
    if layer.property(_GUARDED):
        return
    layer.setProperty(_GUARDED, True)
    watched = weakref.ref(layer)

    def started() -> None:
        editing = watched()
        transaction = editing.dataProvider().transaction() if editing is not None else None
        if transaction is None:
            return
        done, error = transaction.executeSql(_REMEMBER_SNAPSHOT)
        if not done:
            message = tr(
                "Edits of {} in this transaction group are not checked against a colleague's "
                "saves: {}"
            ).format(editing.name(), error.strip())
            logger("store").error(message)
            editing.raiseError.emit(message)

    layer.editingStarted.connect(started)


def guard_programme_layers(layers) -> None:
    """Guard every PostGIS programme layer among `layers` (they carry the version it was
    based on): also the layers a saved project brings back, which the plugin did not make."""
    for layer in layers:
        fields = getattr(layer, "fields", None)
        if (
            fields is not None
            and layer.providerType() == "postgres"
            and fields().indexOf(BASED_ON_COLUMN) >= 0
        ):
            guard_editing_session(layer)


def work_history(location: str, table_name: str, fid: int) -> list[dict]:
    """A row's history, oldest first: action, who, when, old and new values."""
    composition = sql()
    with transaction(location) as cursor:
        cursor.execute(
            composition.SQL(
                "SELECT action, changed_by, changed_at, old_values, new_values FROM {} "
                "WHERE table_name = %s AND fid = %s ORDER BY id"
            ).format(composition.Identifier(postgis_schema(location), AUDIT_TABLE)),
            (table_name, fid),
        )
        names = ("action", "changed_by", "changed_at", "old_values", "new_values")
        return [dict(zip(names, row)) for row in cursor.fetchall()]


@dataclass(frozen=True)
class HistoryEntry:
    """One saved change of a work: where it was stored, who saved it when, and the fields
    it changed with their values before and after (the geometry as the field `geom`)."""

    table_name: str
    fid: int
    action: str  # INSERT, UPDATE or DELETE
    changed_by: str
    changed_at: datetime
    changes: tuple[tuple[str, object, object], ...]


def history_of_work(location: str, work_id: str) -> list[HistoryEntry]:
    """Every saved change of a work, oldest first, over the works tables (a work that
    changed kind moved to another table under another key). A GeoPackage snapshot of a
    shared programme carries the history it had (store/audit.py); one never shared has
    none."""
    tables = [t.name for t in WORK_TABLES]
    if not is_postgis(location):
        from .audit import read_audit

        found = []
        for row in read_audit(location):
            old, new = (
                json.loads(row[n]) if row[n] else None for n in ("old_values", "new_values")
            )
            if row["table_name"] in tables and work_id in (
                (old or {}).get("work_id"),
                (new or {}).get("work_id"),
            ):
                found.append(
                    (
                        row["table_name"],
                        row["fid"],
                        row["action"],
                        row["changed_by"],
                        row["changed_at"],
                        old,
                        new,
                    )
                )
    else:
        composition = sql()
        with transaction(location) as cursor:
            cursor.execute(
                composition.SQL(
                    "SELECT table_name, fid, action, changed_by, changed_at, old_values, "
                    "new_values FROM {} WHERE table_name = ANY(%s) AND %s IN "
                    "(old_values ->> 'work_id', new_values ->> 'work_id') ORDER BY id"
                ).format(composition.Identifier(postgis_schema(location), AUDIT_TABLE)),
                (tables, work_id),
            )
            found = cursor.fetchall()
    return [
        HistoryEntry(table_name, fid, action, who, when, _changes(table_name, old or {}, new or {}))
        for table_name, fid, action, who, when, old, new in found
    ]


def has_history(location: str) -> bool:
    """Whether a programme has a history to show: a shared one keeps it, a snapshot of one
    carries it (a GeoPackage never shared has none)."""
    if is_postgis(location):
        return True
    from .audit import read_audit

    return bool(read_audit(location))


def _changes(table_name: str, old: dict, new: dict) -> tuple[tuple[str, object, object], ...]:
    """The fields whose value differs, in the schema's order."""
    from ..core.schema import table

    names = (*table(table_name).field_names, GEOMETRY_COLUMN)
    return tuple((n, old.get(n), new.get(n)) for n in names if old.get(n) != new.get(n))


def restore_row(location: str, table_name: str, fid: int, moment: datetime) -> dict:
    """Put a work or decision back as it was saved at `moment` (its last state at or before
    it), as the current user: row-level security, the version and the audit apply as to any
    edit, so the restore is itself in the history. A deleted row comes back with its key.
    Returns the state restored."""
    from ..core.schema import table as schema_table

    composition = sql()  # first: it tells when psycopg2 is missing
    from psycopg2.extras import Json

    ident = composition.Identifier
    schema = postgis_schema(location)
    name = ident(schema, table_name)
    columns = list(schema_table(table_name).field_names)
    if schema_table(table_name).geometry != "none":
        columns.append(GEOMETRY_COLUMN)
    listed = composition.SQL(", ").join(ident(c) for c in columns)
    with transaction(location) as cursor:
        cursor.execute(
            composition.SQL(
                "SELECT new_values FROM {} WHERE table_name = %s AND fid = %s "
                "AND changed_at <= %s ORDER BY id DESC LIMIT 1"
            ).format(ident(schema, AUDIT_TABLE)),
            (table_name, fid, moment),
        )
        found = cursor.fetchone()
        if found is None or found[0] is None:
            raise ProgrammeError(
                tr("Row {} of {} has no saved state at {}.").format(fid, table_name, moment)
            )
        state = found[0]
        cursor.execute(
            composition.SQL("SELECT to_jsonb(t) FROM {} t WHERE {} = %s").format(
                name, ident(KEY_COLUMN)
            ),
            (fid,),
        )
        current = cursor.fetchone()
        if current is not None:
            # Only what differs is set: a column nobody changed needs no privilege to keep.
            changed = [c for c in columns if current[0].get(c) != state.get(c)]
            if not changed:
                return state
            listed = composition.SQL(", ").join(ident(c) for c in changed)
            saved = composition.SQL("SELECT {} FROM jsonb_populate_record(NULL::{}, %s)").format(
                listed, name
            )
            cursor.execute(
                composition.SQL("UPDATE {} SET ({}) = ({}) WHERE {} = %s").format(
                    name, listed, saved, ident(KEY_COLUMN)
                ),
                (Json(state), fid),
            )
        else:
            cursor.execute(
                composition.SQL(
                    "INSERT INTO {} ({}, {}) SELECT {}, {} FROM jsonb_populate_record(NULL::{}, %s)"
                ).format(name, ident(KEY_COLUMN), listed, ident(KEY_COLUMN), listed, name),
                (Json(state),),
            )
    return state
