"""Who may do what in a PostGIS programme, enforced by the database itself.

Group roles per programme (cluster-wide names, so prefixed with the schema):
- `<schema>_stakeholder_<id>`, one per stakeholder: reads everything; inserts, changes and
  deletes only works of its own stakeholder, and never the chamber's horizon fields;
- `<schema>_chamber`: sets horizons and overrides, keeps findings and decisions and the
  settings; cannot change a stakeholder's planning fields (column privileges);
- `<schema>_viewer`: reads.
The works tables FORCE ROW LEVEL SECURITY, so their owner is bound by policies too; the
owner's own policy is what lets the administrator load and copy a programme. A refusal
raises (a WITH CHECK or a trigger), never skips a row quietly, so QGIS reports it.
Every name reaches the database quoted by psycopg2's `sql`; a stakeholder's name is only
ever a value (the comment on its role).
"""

from __future__ import annotations

from ..core.schema import (
    CHALLENGES,
    DECISIONS,
    FINDINGS,
    MORATORIUM_PERIODS,
    PROGRAMME,
    RULE_SETTINGS,
    STAKEHOLDERS,
    WORK_TABLES,
)
from ..log import logger
from ..translation import tr
from .errors import ProgrammeError
from .history import BASED_ON_COLUMN
from .location import GEOMETRY_COLUMN, postgis_schema
from .postgis import read_rows, sql, transaction

#: What the chamber writes in a work: the horizon and its own override, with the stamp and
#: the version its edit was based on (history.py).
CHAMBER_WORK_COLUMNS = (
    "horizon",
    "horizon_override",
    "horizon_reason",
    "last_changed",
    BASED_ON_COLUMN,
)
#: What a stakeholder may not change in its works: the chamber's fields and the owner.
NOT_FOR_STAKEHOLDERS = ("horizon_override", "horizon_reason", "stakeholder_id")
#: The tables the chamber keeps.
CHAMBER_TABLES = (PROGRAMME, RULE_SETTINGS, MORATORIUM_PERIODS, CHALLENGES, FINDINGS, DECISIONS)

ROLE_KINDS = ("stakeholder", "chamber", "viewer")


def chamber_role(schema: str) -> str:
    return "{}_chamber".format(schema)


def viewer_role(schema: str) -> str:
    return "{}_viewer".format(schema)


def stakeholder_role(schema: str, stakeholder_id: int) -> str:
    return "{}_stakeholder_{}".format(schema, int(stakeholder_id))


def _own_works(schema: str):
    """The row condition of a stakeholder's own works."""
    composition = sql()
    return composition.SQL("{} IN (SELECT {}())").format(
        composition.Identifier("stakeholder_id"),
        composition.Identifier(schema, "my_stakeholders"),
    )


def _create_role(cursor, name: str) -> bool:
    composition = sql()
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
    if cursor.fetchone():
        return False
    cursor.execute(composition.SQL("CREATE ROLE {} NOLOGIN").format(composition.Identifier(name)))
    return True


def secure(cursor, schema: str) -> None:
    """Roles, privileges and row-level security of a new programme (inside its creation)."""
    composition = sql()
    ident = composition.Identifier
    owner = composition.SQL("CURRENT_USER")
    for name in (chamber_role(schema), viewer_role(schema)):
        _create_role(cursor, name)
    prefix = composition.Literal("{}_stakeholder_".format(schema))
    body = composition.SQL(
        "SELECT s.stakeholder_id FROM {} s JOIN pg_catalog.pg_roles r "
        "ON r.rolname = {} || s.stakeholder_id "
        "WHERE pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER')"
    ).format(ident(schema, STAKEHOLDERS.name), prefix)
    cursor.execute(
        composition.SQL(
            "CREATE FUNCTION {}() RETURNS SETOF integer LANGUAGE sql STABLE AS {}"
        ).format(ident(schema, "my_stakeholders"), composition.Literal(body.as_string(cursor)))
    )
    readers = [ident(chamber_role(schema)), ident(viewer_role(schema))]
    everyone = composition.SQL(", ").join(readers)
    cursor.execute(
        composition.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(ident(schema), everyone)
    )
    cursor.execute(
        composition.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(
            ident(schema), everyone
        )
    )
    grant_styles(cursor, everyone)
    chamber = ident(chamber_role(schema))
    cursor.execute(
        composition.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(
            ident(schema), chamber
        )
    )
    for table in CHAMBER_TABLES:
        cursor.execute(
            composition.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(
                ident(schema, table.name), chamber
            )
        )
    columns = composition.SQL(", ").join(ident(c) for c in CHAMBER_WORK_COLUMNS)
    refuse = ident(schema, "refuse_foreign_delete")
    cursor.execute(
        composition.SQL("CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS {}").format(
            refuse, composition.Literal(_refuse_delete_body(schema, cursor))
        )
    )
    for table in WORK_TABLES:
        name = ident(schema, table.name)
        cursor.execute(
            composition.SQL("GRANT UPDATE ({}) ON {} TO {}").format(columns, name, chamber)
        )
        cursor.execute(composition.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(name))
        cursor.execute(composition.SQL("ALTER TABLE {} FORCE ROW LEVEL SECURITY").format(name))
        own = _own_works(schema)
        for policy, statement in (
            # Everyone who may read the table reads every work (INSERT ... RETURNING too).
            ("everyone_reads", "CREATE POLICY {} ON {} FOR SELECT USING (true)"),
            ("own_works_insert", "CREATE POLICY {} ON {} FOR INSERT WITH CHECK ({})"),
            # USING (true): a change of another's work is refused by the check, not skipped.
            ("own_works_update", "CREATE POLICY {} ON {} FOR UPDATE USING (true) WITH CHECK ({})"),
            # A delete of another's work is refused by the trigger below, not skipped.
            ("works_delete", "CREATE POLICY {} ON {} FOR DELETE USING (true)"),
        ):
            cursor.execute(composition.SQL(statement).format(ident(policy), name, own))
        cursor.execute(
            composition.SQL(
                "CREATE POLICY {} ON {} FOR UPDATE TO {} USING (true) WITH CHECK (true)"
            ).format(ident("chamber_update"), name, chamber)
        )
        cursor.execute(
            composition.SQL(
                "CREATE POLICY {} ON {} FOR ALL TO {} USING (true) WITH CHECK (true)"
            ).format(ident("administrator"), name, owner)
        )
        cursor.execute(
            composition.SQL(
                "CREATE TRIGGER refuse_foreign_delete BEFORE DELETE ON {} "
                "FOR EACH ROW EXECUTE FUNCTION {}()"
            ).format(name, refuse)
        )
    update_stakeholder_roles(cursor, schema)


def grant_styles(cursor, roles) -> None:
    """Reading QGIS's styles, when this user may pass it on: public.layer_styles is often
    older than the programme and someone else's; its owner then grants it (logged)."""
    cursor.execute("SELECT has_table_privilege('public.layer_styles', 'SELECT WITH GRANT OPTION')")
    if cursor.fetchone()[0]:
        cursor.execute(sql().SQL("GRANT SELECT ON public.layer_styles TO {}").format(roles))
        return
    logger("store").warning(
        "Cannot let %s read public.layer_styles: ask its owner to grant SELECT",
        roles.as_string(cursor),
    )


def _refuse_delete_body(schema: str, cursor) -> str:
    composition = sql()
    return (
        composition.SQL(
            "BEGIN\n"
            "  IF OLD.stakeholder_id IN (SELECT {}()) "
            "OR pg_catalog.pg_has_role(CURRENT_USER, (SELECT tableowner FROM pg_catalog.pg_tables "
            "WHERE schemaname = TG_TABLE_SCHEMA AND tablename = TG_TABLE_NAME), 'MEMBER') THEN\n"
            "    RETURN OLD;\n"
            "  END IF;\n"
            "  RAISE EXCEPTION 'work % belongs to another stakeholder', OLD.work_id\n"
            "    USING ERRCODE = 'insufficient_privilege';\n"
            "END"
        )
        .format(composition.Identifier(schema, "my_stakeholders"))
        .as_string(cursor)
    )


def update_stakeholder_roles(cursor, schema: str) -> list[str]:
    """A group role for every stakeholder of the programme that has none yet; its name is
    the role's comment. Returns the roles made."""
    composition = sql()
    ident = composition.Identifier
    made = []
    for stakeholder in read_rows(cursor, schema, STAKEHOLDERS):
        role = stakeholder_role(schema, stakeholder["stakeholder_id"])
        if _create_role(cursor, role):
            made.append(role)
        cursor.execute(
            composition.SQL("COMMENT ON ROLE {} IS {}").format(
                ident(role), composition.Literal(stakeholder["name"])
            )
        )
        cursor.execute(
            composition.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(ident(schema), ident(role))
        )
        cursor.execute(
            composition.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(
                ident(schema), ident(role)
            )
        )
        grant_styles(cursor, ident(role))
        for table in WORK_TABLES:
            name = ident(schema, table.name)
            allowed = [f for f in table.field_names if f not in NOT_FOR_STAKEHOLDERS]
            allowed += [GEOMETRY_COLUMN, BASED_ON_COLUMN]
            cursor.execute(
                composition.SQL("GRANT INSERT, DELETE ON {} TO {}").format(name, ident(role))
            )
            cursor.execute(
                composition.SQL("GRANT UPDATE ({}) ON {} TO {}").format(
                    composition.SQL(", ").join(ident(c) for c in allowed), name, ident(role)
                )
            )
            cursor.execute(
                composition.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
                    ident(schema, "{}_fid_seq".format(table.name)), ident(role)
                )
            )
    return made


def grant_login(location: str, login: str, kind: str, stakeholder_id: int | None = None) -> str:
    """Make an existing database login a member of one of the programme's roles."""
    composition = sql()
    schema = postgis_schema(location)
    if kind not in ROLE_KINDS:
        raise ProgrammeError(tr("Unknown role: {}").format(kind))
    with transaction(location) as cursor:
        cursor.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,))
        found = cursor.fetchone()
        if not found or not found[0]:
            raise ProgrammeError(tr("The database has no login named {}.").format(login))
        update_stakeholder_roles(cursor, schema)
        if kind == "stakeholder":
            ids = {s["stakeholder_id"] for s in read_rows(cursor, schema, STAKEHOLDERS)}
            if stakeholder_id not in ids:
                raise ProgrammeError(
                    tr("The programme has no stakeholder with id {}.").format(stakeholder_id)
                )
            role = stakeholder_role(schema, stakeholder_id)
        else:
            role = chamber_role(schema) if kind == "chamber" else viewer_role(schema)
        cursor.execute(
            composition.SQL("GRANT {} TO {}").format(
                composition.Identifier(role), composition.Identifier(login)
            )
        )
    return role


def drop_roles(cursor, schema: str) -> None:
    """The programme's roles, after its schema is gone (a failed creation, a test)."""
    composition = sql()
    cursor.execute(
        "SELECT rolname FROM pg_roles WHERE rolname IN (%s, %s) "
        "OR (left(rolname, length(%s)) = %s AND rolname ~ '_stakeholder_[0-9]+$')",
        (
            chamber_role(schema),
            viewer_role(schema),
            stakeholder_role(schema, 0)[:-1],
            stakeholder_role(schema, 0)[:-1],
        ),
    )
    for (role,) in cursor.fetchall():
        ident = composition.Identifier(role)
        cursor.execute(composition.SQL("REVOKE ALL ON public.layer_styles FROM {}").format(ident))
        cursor.execute(composition.SQL("DROP ROLE {}").format(ident))
