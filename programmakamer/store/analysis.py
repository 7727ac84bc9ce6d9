"""The analysis adapter: programme tables in, findings table out.

Each table is read once (attributes and WKB), converted to shapely in one call, the rules
run in core, and the findings are written in one transaction: known ids are updated,
new ones added, and ids no longer found are marked obsolete, never deleted, so the
chamber's decisions stay attached. A GeoPackage takes them through QGIS's provider calls,
PostGIS as one statement per kind of change.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import shapely

from ..core import pairs, rules
from ..core.decisions import latest_decisions
from ..core.findings import Findings
from ..core.schema import CHALLENGES, DECISIONS, FINDINGS, WORK_TABLES
from ..core.works import COLUMNS as WORK_COLUMNS
from ..core.works import Works, valid_geometries, works_from_columns
from ..translation import tr
from .columns import read_columns, read_stored, stakeholder_names
from .errors import CancelledError, ProgrammeError, missing_columns, write_failure
from .features import features_from_columns
from .location import GEOMETRY_COLUMN, KEY_COLUMN, is_postgis, quoted_table
from .postgis import text_literal, value_type
from .programme import UNIQUE_FINDING_ID, read_programme, table_layer
from .transactions import bulk_write, check_intact, check_writable, provider_transaction


@dataclass
class ReadReport:
    """What the adapter met on the way in: counted and listed, never silent."""

    features: int = 0
    no_geometry: int = 0
    repaired: list[str] = field(default_factory=list)


#: The works' fields the rules read: the columns of core's Works, by stored name.
WORK_ATTRIBUTES = [
    "stakeholder_id" if name == "stakeholder" else name
    for name in WORK_COLUMNS
    if name != "geometry"
]


def read_works(path: str | Path) -> tuple[Works, ReadReport]:
    report = ReadReport()
    names = stakeholder_names(path)
    parts = []
    for table in WORK_TABLES:
        _, columns, geometries = read_stored(path, table, WORK_ATTRIBUTES, geometry=True)
        present = ~shapely.is_missing(geometries)
        report.features += len(geometries)
        report.no_geometry += int((~present).sum())
        columns = {k: _array(v)[present] for k, v in columns.items()}
        columns["stakeholder"] = np.array(
            [names.get(s, str(s)) for s in columns["stakeholder_id"]], dtype=object
        )
        columns["geometry"] = geometries[present]
        parts.append(columns)
    merged = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    works = works_from_columns(merged)
    works.geometry, repaired = valid_geometries(works.geometry)
    report.repaired = sorted({str(works.work_id[i]) for i in repaired})
    return works, report


def _array(values) -> np.ndarray:
    return values if isinstance(values, np.ndarray) else np.array(values, dtype=object)


def read_challenges(path: str | Path) -> rules.Challenges:
    _, columns, geometries = read_stored(path, CHALLENGES, geometry=True)
    keep = ~shapely.is_missing(geometries)
    return rules.Challenges(
        np.asarray(columns["challenge_id"], dtype=object)[keep],
        np.asarray(columns["title"], dtype=object)[keep],
        valid_geometries(geometries[keep])[0],
    )


def read_settings(path: str | Path) -> rules.RuleSettings:
    """The programme's rule settings and moratorium years; an empty one is refused by name
    (the rules cannot guess it, and a default in its place would hide the gap)."""
    from ..core.schema import MORATORIUM_PERIODS, RULE_SETTINGS, SURFACE_TYPES, choice_label
    from ..core.settings import rule_setting
    from ..translation import language

    _, values, _ = read_stored(path, RULE_SETTINGS, ["key", "value"])
    _, moratorium, _ = read_stored(path, MORATORIUM_PERIODS, ["surface_type", "years"])
    lang = language()
    for key, value in zip(values["key"], values["value"]):
        if value is None:
            try:
                name = "{} ({})".format(rule_setting(key).description(lang), key)
            except KeyError:
                name = str(key)
            raise ProgrammeError(
                tr("The rule setting {} has no value: set it in the panel's Settings tab.").format(
                    name
                )
            )
    for surface_type, years in zip(moratorium["surface_type"], moratorium["years"]):
        if years is None:
            raise ProgrammeError(
                tr(
                    "The moratorium for {} has no number of years: set it in the panel's "
                    "Settings tab."
                ).format(choice_label(SURFACE_TYPES, surface_type, lang))
            )
    return rules.RuleSettings.from_values(
        {k: v for k, v in zip(values["key"], values["value"]) if k is not None},
        {k: v for k, v in zip(moratorium["surface_type"], moratorium["years"]) if k is not None},
    )


def accepted_combinations(path: str | Path) -> set[tuple[str, str]]:
    """Work pairs whose dig-once chance the chamber accepted (latest decision counts)."""
    _, stored, _ = read_stored(path, FINDINGS, ["finding_id", "kind", "work_a", "work_b"])
    findings = {
        key: {"work_a": a, "work_b": b}
        for key, kind, a, b in zip(
            stored["finding_id"], stored["kind"], stored["work_a"], stored["work_b"]
        )
        if kind == "combine"
    }
    fids, decisions, _ = read_stored(path, DECISIONS, ["finding_id", "verdict", "decided_at"])
    latest = latest_decisions(
        {"fid": fid, "finding_id": f, "verdict": v, "decided_at": t}
        for fid, f, v, t in zip(
            fids, decisions["finding_id"], decisions["verdict"], decisions["decided_at"]
        )
    )
    return {
        tuple(sorted((findings[f]["work_a"], findings[f]["work_b"])))
        for f, decision in latest.items()
        if f in findings and decision["verdict"] == "accepted"
    }


def polygonal(geometries: np.ndarray) -> np.ndarray:
    """The polygon part of each finding's zone (a touch can add lines or points); None
    where nothing polygonal is left."""
    import shapely

    geometries = np.asarray(geometries, dtype=object)
    result = np.full(len(geometries), None, dtype=object)
    types = shapely.get_type_id(geometries)
    empty = shapely.is_empty(geometries) | shapely.is_missing(geometries)
    areal = np.isin(types, (3, 6)) & ~empty
    result[areal] = geometries[areal]
    for i in np.flatnonzero(~areal & ~empty):
        parts = [p for p in shapely.get_parts(geometries[i]) if p.geom_type == "Polygon"]
        result[i] = shapely.multipolygons(parts) if parts else None
    return result


@dataclass
class WriteReport:
    new: int = 0
    updated: int = 0
    obsolete: int = 0
    unchanged: int = 0  # found again as it was: only its last_found time is written
    doubled: int = 0  # copies of a finding id (two analyses at once, before the lock) removed


@dataclass
class _Merge:
    """What a write does to the stored findings, decided from what is stored now: rows are
    positions in the computed columns, fids keys of stored findings."""

    deleted: list  # fids of copies of one finding id
    new: list  # rows of findings not stored yet
    updated: list  # (fid, row) of stored findings that changed
    gone: list  # fids of findings no longer found
    seen: list  # fids of findings found again unchanged
    report: WriteReport


#: Share of the write's time spent reading and comparing the stored findings.
_MERGED = 0.25


def write_findings(
    path: str | Path,
    findings: Findings,
    progress: Callable[[float], bool] | None = None,
    waiting: Callable[[], bool] | None = None,
) -> WriteReport:
    """Merge findings into the programme's findings table in one transaction.

    The stored findings are read inside the transaction, which holds the write lock: two
    analyses of one file cannot both decide that a finding is new (the second waits, then
    finds it stored). A finding found again unchanged only gets its last_found time:
    re-analysing in the room rewrites what changed, not every finding (at 100k works that
    halves the time). Copies of one finding id left by older versions are removed, and
    the table gains its unique index on finding_id.

    `progress(fraction)` is asked while writing; False rolls everything back and raises
    CancelledError. `waiting()` is asked while another writer holds the programme.
    """
    layer = table_layer(path, FINDINGS.name)
    fields = layer.fields()
    absent = [name for name in FINDINGS.field_names if fields.indexOf(name) < 0]
    if absent:
        raise missing_columns(FINDINGS.name, path, absent)
    now = datetime.now().replace(microsecond=0)
    findings.geometry = polygonal(findings.geometry)
    columns = findings.columns()
    count = len(findings)
    columns["state"] = ["open"] * count
    columns["last_found"] = columns["first_found"] = [now] * count
    columns["parameters"] = [
        json.dumps({**json.loads(p), **extra}, sort_keys=True) if extra else p
        for p, extra in zip(columns["parameters"], columns.pop("extra"))
    ]

    def writing(done: float) -> bool:
        return progress is None or progress(_MERGED + (1 - _MERGED) * done)

    with provider_transaction(layer, waiting=waiting) as (provider,):
        merge = _merge(_stored_findings(layer, path), columns, findings.geometry)
        if not writing(0):
            raise CancelledError()
        write = _write_statements if is_postgis(path) else _write_features
        write(provider, path, columns, merge, now, writing)
    return merge.report


def _write_features(provider, path, columns: dict, merge: _Merge, now: datetime, writing):
    """The merge through the provider's bulk calls: what a GeoPackage takes fastest."""
    fields = provider.fields()
    bulk_write(provider, path, deleted=merge.deleted)
    found_again = _found_again_in_postgis if is_postgis(path) else _found_again_in_geopackage
    found_again(provider, path, merge.seen, now)
    rows = merge.new + [n for _, n in merge.updated]
    features = features_from_columns(FINDINGS, _taken(columns, rows), len(rows), fields)
    added, rewritten = features[: len(merge.new)], features[len(merge.new) :]
    # first_found stays as it was: that is when the chamber first saw the finding
    kept = [fields.indexOf(f.name) for f in FINDINGS.fields if f.name != "first_found"]
    state = fields.indexOf("state")
    changes = {
        fid: {i: feature.attribute(i) for i in kept}
        for (fid, _), feature in zip(merge.updated, rewritten)
    }
    changes.update({fid: {state: "obsolete"} for fid in merge.gone})
    geometries = {fid: feature.geometry() for (fid, _), feature in zip(merge.updated, rewritten)}
    bulk_write(provider, path, added, changes, geometries, progress=writing)


def _taken(columns: dict, rows: list) -> dict:
    return {name: [column[n] for n in rows] for name, column in columns.items()}


#: Findings per INSERT or UPDATE: one statement below about 280,000 works. A statement of
#: 100,000 findings is about 160 MB of text; PostgreSQL takes no value over 1 GB.
_PER_STATEMENT = 100_000


def _write_statements(provider, path, columns: dict, merge: _Merge, now: datetime, writing):
    """The merge in PostGIS as one statement per kind of change, inside the provider's
    transaction: the new findings in one INSERT, the changed ones in one UPDATE (per
    _PER_STATEMENT), each from one JSON text of their rows staged just before. The
    provider's calls run a statement per finding, a round trip each (`make bench-postgis`
    has the figures). Progress is told after each step, and Cancel heard there."""
    table = quoted_table(provider.dataSourceUri())
    srid = provider.crs().postgisSrid()
    steps = [
        (merge.deleted, lambda: ["DELETE FROM {} WHERE {}".format(table, _keyed(merge.deleted))]),
        (merge.seen, lambda: [_stamped(table, merge.seen, now)]),
        (
            merge.gone,
            lambda: ["UPDATE {} SET state = 'obsolete' WHERE {}".format(table, _keyed(merge.gone))],
        ),
    ]
    for start in range(0, len(merge.new), _PER_STATEMENT):
        rows = merge.new[start : start + _PER_STATEMENT]
        steps.append((rows, lambda rows=rows: _inserted(table, srid, _taken(columns, rows))))
    for start in range(0, len(merge.updated), _PER_STATEMENT):
        keyed = merge.updated[start : start + _PER_STATEMENT]
        steps.append((keyed, lambda keyed=keyed: _rewritten(table, srid, columns, keyed)))
    total = max(1, sum(len(items) for items, _ in steps))
    done = 0
    for items, statements in steps:
        if not items:
            continue
        for statement in statements():
            _execute(provider, path, statement)
        done += len(items)
        if not writing(done / total):
            raise CancelledError()


def _keyed(fids: list) -> str:
    return "{} = ANY('{{{}}}'::integer[])".format(
        KEY_COLUMN, ",".join(str(int(fid)) for fid in fids)
    )


def _stamped(table: str, fids: list, now: datetime) -> str:
    return "UPDATE {} SET last_found = '{}' WHERE {}".format(
        table, now.strftime("%Y-%m-%d %H:%M:%S"), _keyed(fids)
    )


#: The findings' columns a rewrite sets: first_found stays when the chamber first saw it.
_REWRITTEN = [f for f in FINDINGS.fields if f.name != "first_found"]


def _inserted(table: str, srid: int, columns: dict) -> list[str]:
    names = [_quoted(f.name) for f in FINDINGS.fields] + [GEOMETRY_COLUMN]
    values = ["r." + _quoted(f.name) for f in FINDINGS.fields] + [_geometry(srid)]
    staged, rows = _recordset(FINDINGS.fields, columns)
    return [
        *staged,
        "INSERT INTO {} ({}) SELECT {} FROM {}".format(
            table, ", ".join(names), ", ".join(values), rows
        ),
        _UNSTAGED,
    ]


def _rewritten(table: str, srid: int, columns: dict, updated: list) -> list[str]:
    rows = _taken(columns, [n for _, n in updated])
    rows[KEY_COLUMN] = [int(fid) for fid, _ in updated]
    names = [_quoted(f.name) for f in _REWRITTEN] + [GEOMETRY_COLUMN]
    values = ["r." + _quoted(f.name) for f in _REWRITTEN] + [_geometry(srid)]
    staged, rows = _recordset(_REWRITTEN, rows, keyed=True)
    return [
        *staged,
        "UPDATE {0} AS t SET ({1}) = ({2}) FROM {3} WHERE t.{4} = r.{4}".format(
            table, ", ".join(names), ", ".join(values), rows, KEY_COLUMN
        ),
        _UNSTAGED,
    ]


def _geometry(srid: int) -> str:
    return "ST_Multi(ST_GeomFromWKB(decode(r.wkb, 'base64'), {}))".format(int(srid))


def _quoted(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


#: Where the rows of one write wait in the transaction, and how they go again.
_STAGE = "programmakamer_rows"
_UNSTAGED = "DROP TABLE pg_temp.{}".format(_STAGE)


def _recordset(fields, columns: dict, keyed: bool = False) -> tuple[list[str], str]:
    """The statements that stage rows as one JSON text (ASCII only: json escapes the rest,
    the zone is base64 WKB) in a temporary table of the transaction, and the FROM clause
    that reads them typed by the schema definition. The text goes in a statement of its
    own that no value can make fail: QGIS logs a failed statement whole, which for 100,000
    findings would be 160 MB in the log panel; a refused value fails the short one."""
    names = [f.name for f in fields]
    rows = [columns[name] for name in names]
    types = ["{} {}".format(_quoted(f.name), value_type(f)) for f in fields]
    if keyed:
        names.append(KEY_COLUMN)
        rows.append(columns[KEY_COLUMN])
        types.append("{} integer".format(KEY_COLUMN))
    names.append("wkb")
    rows.append(_base64_wkb(columns["geometry"]))
    types.append("wkb text")
    text = json.dumps([dict(zip(names, values)) for values in zip(*rows)], default=_isoformat)
    staged = [
        "CREATE TEMPORARY TABLE {} (rows text) ON COMMIT DROP".format(_STAGE),
        # stored as it is: compressing it took a third of the write's time
        "ALTER TABLE pg_temp.{} ALTER rows SET STORAGE EXTERNAL".format(_STAGE),
        "INSERT INTO pg_temp.{} VALUES ({})".format(_STAGE, text_literal(text)),
    ]
    return staged, "pg_temp.{} AS s, json_to_recordset(s.rows::json) AS r({})".format(
        _STAGE, ", ".join(types)
    )


def _isoformat(value) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError("{!r} has no JSON form".format(value))


def _base64_wkb(geometries: list) -> list:
    """2D WKB of each zone in base64 (a third shorter than hex), None where none."""
    wkb = shapely.to_wkb(np.array(geometries, dtype=object), output_dimension=2)
    return [None if blob is None else base64.b64encode(blob).decode("ascii") for blob in wkb]


#: Findings found again whose last_found one statement stamps.
_STAMPED = 10_000


def _found_again_in_geopackage(provider, path, fids: list, now: datetime) -> None:
    """The findings table's unique index (an older file lacks it), and last_found of the
    findings found again unchanged in one statement per 10,000: most findings of a
    re-analysis, where a provider call per feature took a third of the write. The text is
    what GDAL writes for a datetime without a zone."""
    _execute(provider, path, UNIQUE_FINDING_ID)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.000")
    for start in range(0, len(fids), _STAMPED):
        ids = ",".join(str(int(fid)) for fid in fids[start : start + _STAMPED])
        _execute(
            provider,
            path,
            "UPDATE \"{}\" SET last_found = '{}' WHERE rowid IN ({})".format(
                FINDINGS.name, stamp, ids
            ),
        )


def _found_again_in_postgis(provider, path, fids: list, now: datetime) -> None:
    """last_found of the findings found again unchanged, by key, in one statement (a
    PostGIS programme is made with the unique index)."""
    if fids:
        _execute(provider, path, _stamped(quoted_table(provider.dataSourceUri()), fids, now))


def _execute(provider, path, statement: str) -> None:
    done, error = provider.transaction().executeSql(statement)
    if not done:
        raise write_failure(path, error)


#: The findings' columns whose change makes a finding found again a changed one.
_COMPARED = [
    f.name for f in FINDINGS.fields if f.name not in ("first_found", "last_found", "state")
]


def _stored_findings(layer, path):
    """The stored findings' keys, compared columns, state and zones, read while the write
    holds the lock. PostGIS: one SELECT of another connection, which sees what the
    transaction sees (the lock lets no other writer change the table before it commits, and
    it has written nothing yet); three times faster than the provider's features."""
    names = _COMPARED + ["state"]
    if is_postgis(path):
        return read_stored(path, FINDINGS, names, geometry=True)
    return read_columns(layer, names, geometry=True)


def _merge(stored_findings, columns: dict, geometry: np.ndarray) -> _Merge:
    """Known ids are updated where they changed, new ones added, ids no longer found marked
    obsolete; of several rows with one id the first is kept and the others deleted."""
    compared = _COMPARED
    fids, stored, shapes = stored_findings
    existing: dict[str, int] = {}
    doubled = []
    for i, key in enumerate(stored["finding_id"]):
        if key in existing:
            doubled.append(fids[i])
        else:
            existing[key] = i
    count = len(columns["finding_id"])
    ids = columns["finding_id"]
    again = [(n, existing[key]) for n, key in enumerate(ids) if key in existing]
    same_shape = _same_geometries(geometry[[n for n, _ in again]], shapes[[i for _, i in again]])
    same = same_shape & (np.array(stored["state"], dtype=object)[[i for _, i in again]] == "open")
    for name in compared:
        column = columns[name]
        same &= _same_column([column[n] for n, _ in again], [stored[name][i] for _, i in again])
    unchanged = {n for (n, _), equal in zip(again, same) if equal}
    new = [n for n in range(count) if ids[n] not in existing]
    updated = [(fids[i], n) for n, i in again if n not in unchanged]
    seen = [fids[i] for n, i in again if n in unchanged]
    found = set(ids)
    gone = [
        fids[i]
        for key, i in existing.items()
        if key not in found and stored["state"][i] != "obsolete"
    ]
    report = WriteReport(len(new), len(updated), len(gone), len(seen), len(doubled))
    return _Merge(doubled, new, updated, gone, seen, report)


def _same_column(new: list, old: list) -> np.ndarray:
    """Element-wise: a computed column equals the stored one (NULL and NaN are both 'no
    value'; numbers within a relative 1e-9)."""
    if not new:
        return np.zeros(0, dtype=bool)
    numbers = [v for v in new + old if v is not None][:1]
    if numbers and isinstance(numbers[0], (float, int)) and not isinstance(numbers[0], bool):
        a = np.array([np.nan if v is None else v for v in new], dtype="float64")
        b = np.array([np.nan if v is None else v for v in old], dtype="float64")
        return np.isclose(a, b, rtol=1e-9, atol=0.0, equal_nan=True)
    return np.array(new, dtype=object) == np.array(old, dtype=object)


def _same_geometries(new, old) -> np.ndarray:
    """Element-wise: the same shape (a stored polygon is a multipolygon of one part)."""
    if len(new) == 0:
        return np.zeros(0, dtype=bool)
    missing_new, missing_old = shapely.is_missing(new), shapely.is_missing(old)
    both = ~missing_new & ~missing_old
    same = missing_new & missing_old
    if both.any():
        same[both] = pairs.threaded(shapely.equals, new[both], old[both])
    return same


@dataclass
class AnalysisReport:
    counts: dict[str, int]
    read: ReadReport
    written: WriteReport
    problems: object


def report_text(report: AnalysisReport) -> str:
    """What an analysis found and wrote, in one sentence of the user's language."""
    from ..core.schema import FINDING_KINDS, choice_label
    from ..translation import language

    lang = language()
    found = ", ".join(
        "{}: {}".format(
            choice_label(FINDING_KINDS, kind.value, lang), report.counts.get(kind.value, 0)
        )
        for kind in FINDING_KINDS
    )
    written = report.written
    return tr("Findings: {}. New {}, changed {}, unchanged {}, no longer found {}.").format(
        found, written.new, written.updated, written.unchanged, written.obsolete
    )


#: Percent of the analysis done after each step; writing takes the rest, chunk by chunk.
CHECKED, READ, COMPUTED = 5, 25, 60


def analyse_programme(
    path: str | Path,
    include_closed: bool = False,
    progress: Callable[[float], bool] | None = None,
    tell: Callable[[str], None] | None = None,
) -> AnalysisReport | None:
    """All rules on a programme, findings merged into its findings table.

    A programme that cannot be written or is damaged is refused before the work starts.
    `progress(percent)` is called between the steps and while writing; when it returns
    False the analysis stops and returns None, and nothing is written (a write under way
    rolls back whole). `tell(text)` hears what the user should know meanwhile (a wait
    for another analysis).
    """

    def going_on(percent: float) -> bool:
        return progress is None or progress(percent)

    told = []

    def waiting() -> bool:
        if tell is not None and not told:
            tell(
                tr("Another analysis is writing to this programme: waiting until it has finished.")
            )
            told.append(True)
        return going_on(COMPUTED)

    read_programme(path)
    check_writable(path)
    check_intact(path)
    settings = read_settings(path)
    settings.include_closed = include_closed
    settings.validate()  # before any layer is read: a refusal holds no layer in its traceback
    if not going_on(CHECKED):
        return None
    works, read = read_works(path)
    if not going_on(READ):
        return None
    findings = rules.analyse(works, settings, read_challenges(path), accepted_combinations(path))
    if not going_on(COMPUTED):
        return None
    try:
        written = write_findings(
            path,
            findings,
            lambda done: going_on(COMPUTED + (100 - COMPUTED) * done),
            waiting,
        )
    except CancelledError:
        return None
    return AnalysisReport(findings.counts(), read, written, works.problems)
