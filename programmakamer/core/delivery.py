"""A stakeholder's delivery: how its columns map onto works, what is wrong with each row,
and what a delivery changes in the programme.

Plain data in and out. The store reads the source (every value as text, geometries as WKB
in the programme's CRS) into a `SourceTable`; `check_delivery` interprets it through a
`DeliveryMapping` into works and a report of every problem by row; `plan_reimport` compares
the valid works with the stakeholder's works in the programme by their external reference.
Nothing here writes: the store writes a plan only when the specialist confirms it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from . import periods
from .horizons import compute_horizon, compute_horizons
from .interpretation import read_choice, read_flag
from .schema import WORK_FIELDS, WORK_TABLES, Field

#: Schema fields a delivery may fill. The rest belong to the programme: the work id, the
#: chamber's horizon override and its reason, the computed horizon, the stamps.
MAPPABLE_FIELDS = (
    "stakeholder_id",
    "external_ref",
    "title",
    "description",
    "location",
    "discipline",
    "planned_start",
    "planned_end",
    "status",
    "opens_ground",
    "renews_surface",
    "surface_type",
    "flexibility_years",
    "cost_estimate",
)
_FIELDS = {f.name: f for f in WORK_FIELDS}
_CHOICE_KINDS = {"status": "status", "discipline": "discipline", "surface_type": "surface_type"}
_FLAGS = ("opens_ground", "renews_surface")
_NUMBERS = ("flexibility_years", "cost_estimate")
#: What a change to a work means to a decision taken on it: its time or its place moved.
PERIOD_FIELDS = ("planned_start", "start_precision", "planned_end", "end_precision")

#: Problem codes. An error keeps the row out of the import; a warning is told and the row
#: is imported.
ERRORS = (
    "no_geometry",
    "invalid_geometry",
    "unreadable_geometry",
    "mixed_geometry",
    "outside_municipality",
    "end_before_start",
    "unknown_stakeholder",
    "unknown_discipline",
    "unknown_status",
    "unknown_surface_type",
    "unknown_flag",
    "duplicate_reference",
    "missing_required",
    "unreadable_date",
    "ambiguous_date",
    "unreadable_number",
    "ambiguous_number",
    "formula_error",
    "too_long",
    "cell_count",
)
WARNINGS = ("geometry_repaired", "hidden_row")


@dataclass(frozen=True)
class Source:
    """Where a schema field's value comes from: a source field, a constant or an expression
    (QGIS expression text, evaluated by the store into a column before the check)."""

    field: str | None = None
    constant: str | None = None
    expression: str | None = None


@dataclass(frozen=True)
class GeometrySource:
    """Where a row's geometry comes from. `kind`: source (the file's own geometry), wkt or
    geojson (a column), xy (x and y or lon and lat columns), streets (street names in
    `column`, with `place` and cross-street columns, matched in the import wizard against
    the street layer `network`), none. `crs` is the CRS of the columns' coordinates, or of
    a source without one (a shapefile without .prj)."""

    kind: str = "source"
    column: str | None = None
    x: str | None = None
    y: str | None = None
    crs: str | None = None
    place: str | None = None
    from_street: str | None = None
    to_street: str | None = None
    network: str | None = None


@dataclass
class DeliveryMapping:
    """How a delivery's columns become works; saved per stakeholder (as JSON) so the next
    delivery imports with one click. `stakeholder_id` is the one stakeholder of the whole
    delivery, or None when a mapped field names it per row. `value_maps`: per kind (status,
    discipline, surface_type, flag, stakeholder) the delivery's own word -> our code (for
    flags "true"/"false", for stakeholders the id)."""

    stakeholder_id: int | None = None
    fields: dict[str, Source] = field(default_factory=dict)
    value_maps: dict[str, dict[str, str]] = field(default_factory=dict)
    date_format: str | None = None
    serial_system: str | None = None
    geometry: GeometrySource = field(default_factory=GeometrySource)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> DeliveryMapping:
        """A mapping from JSON; a field maps from a source field name or a full object:
        {"title": "omschrijving", "status": {"constant": "planned"}}. MappingError when
        it cannot be one."""
        try:
            data = json.loads(text) if isinstance(text, str) else dict(text)
        except (ValueError, TypeError) as error:
            raise MappingError("not_json", str(error)) from None
        if not isinstance(data, dict):
            raise MappingError("not_json", text)
        try:
            fields = {
                name: Source(field=value) if isinstance(value, str) else Source(**value)
                for name, value in (data.get("fields") or {}).items()
            }
            geometry = GeometrySource(**(data.get("geometry") or {}))
            stakeholder = data.get("stakeholder_id")
            mapping = cls(
                stakeholder_id=None
                if stakeholder is None or stakeholder == ""
                else int(stakeholder),
                fields=fields,
                value_maps={
                    kind: {str(k): str(v) for k, v in words.items()}
                    for kind, words in (data.get("value_maps") or {}).items()
                },
                date_format=data.get("date_format"),
                serial_system=data.get("serial_system"),
                geometry=geometry,
            )
        except (TypeError, ValueError, AttributeError) as error:
            raise MappingError("not_a_mapping", str(error)) from None
        mapping.validate()
        return mapping

    def validate(self) -> None:
        unknown = [name for name in self.fields if name not in MAPPABLE_FIELDS]
        if unknown:
            raise MappingError("not_mappable", ", ".join(unknown))
        if self.geometry.kind not in ("source", "wkt", "geojson", "xy", "streets", "none"):
            raise MappingError("geometry_kind", self.geometry.kind)
        if self.geometry.kind in ("wkt", "geojson", "streets") and not self.geometry.column:
            raise MappingError("geometry_column", self.geometry.kind)
        if self.geometry.kind == "xy" and not (self.geometry.x and self.geometry.y):
            raise MappingError("geometry_column", self.geometry.kind)

    def source_fields(self) -> set[str]:
        named = {s.field for s in self.fields.values() if s.field}
        geometry = self.geometry
        columns = (geometry.column, geometry.x, geometry.y, geometry.place)
        streets = (geometry.from_street, geometry.to_street)
        return named | {n for n in columns + streets if n}


class MappingError(ValueError):
    """A mapping that cannot be used; `code` names the problem for the adapter's sentence."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__("{}: {}".format(code, detail))
        self.code = code
        self.detail = detail


@dataclass
class SourceTable:
    """A delivery as read: every value as text (None for an empty cell), the source's own
    geometries as WKB in `crs` (`source_geometries`), the geometries placed in the
    programme's CRS (`geometries`, None per row without one), and what the reader found
    and detected.

    `row_numbers` are where the user finds each row (the Excel row, the CSV line, the
    feature id); `row_problems` are the reader's per row (code, source field, value)."""

    path: str
    fields: list[str]
    rows: list[dict[str, str | None]]
    row_numbers: list[int]
    geometries: list[bytes | None] | None = None
    source_geometries: list[bytes | None] | None = None
    encoding: str | None = None
    separator: str | None = None
    sheet: str | None = None
    layer: str | None = None
    crs: str | None = None
    #: the day numbers' system of a workbook ("1900" or "1904"): a number in a General cell
    #: of a date column is a day number of it
    serial_system: str | None = None
    hidden_rows: set[int] = field(default_factory=set)
    cell_errors: dict[int, dict[str, str]] = field(default_factory=dict)
    row_problems: dict[int, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class ProgrammeFacts:
    """What the check needs to know of the programme: its stakeholders (dicts with
    stakeholder_id, name, discipline), reference year and the municipality's area (a
    shapely geometry in the programme's CRS, or None when unknown)."""

    stakeholders: Sequence[Mapping[str, Any]]
    reference_year: int
    area: Any = None


@dataclass(frozen=True)
class RowProblem:
    row: int  # index in the source table
    row_number: int  # where the user finds it
    code: str
    field: str | None = None  # the schema field (or the source field for reader problems)
    value: str | None = None

    @property
    def error(self) -> bool:
        return self.code not in WARNINGS


@dataclass
class DeliveryReport:
    """The check of a delivery: totals first, then every problem by row; `works` are the
    valid rows as work records (schema fields, "geometry" and "row")."""

    source: str
    rows_read: int
    works: list[dict]
    problems: list[RowProblem]
    mapped_fields: tuple[str, ...]
    stakeholder_ids: tuple[int, ...]
    unknown_values: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    area_known: bool = False

    @property
    def valid(self) -> int:
        return len(self.works)

    @property
    def rows_with_problems(self) -> int:
        return len({p.row for p in self.problems if p.error})

    @property
    def rows_with_warnings(self) -> int:
        return len({p.row for p in self.problems if not p.error})

    def totals(self) -> list[tuple[str, int]]:
        """Rows per problem code, most common first."""
        counts = Counter(code for code, _ in {(p.code, p.row) for p in self.problems})
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def problems_of(self, code: str) -> list[RowProblem]:
        return [p for p in self.problems if p.code == code]


class AmbiguousNumberError(ValueError):
    """12.500 or 12,500 with nothing in its column to say which separator is the decimal."""


_COMMA_DECIMAL = re.compile(r"\d,(\d{1,2}|\d{4,})$|\.\d{3},\d")
_POINT_DECIMAL = re.compile(r"\d\.(\d{1,2}|\d{4,})$|,\d{3}\.\d")


def decimal_of(values: Iterable[str | None]) -> str | None:
    """The decimal separator a column's values show ("," or "."), None when none tells
    (all whole numbers, or only 12.500-like values) or when they contradict each other."""
    found = set()
    for value in values:
        if not value:
            continue
        text = _bare(value)
        if _COMMA_DECIMAL.search(text):
            found.add(",")
        elif _POINT_DECIMAL.search(text):
            found.add(".")
    return found.pop() if len(found) == 1 else None


def _bare(text: str) -> str:
    cleaned = re.sub(r"(?i)^\s*(eur|€)\s*|\s*(eur|€)\s*$", "", str(text)).strip()
    return cleaned.replace("\u00a0", "").replace(" ", "").replace("'", "")


def read_number(text: str | None, decimal: str | None = None) -> float | None:
    """A number as deliveries write it: 12.5, 12,5, 1.234,56, 1,234.56, EUR 12 500, with
    `decimal` the separator its column uses (decimal_of). None when empty; ValueError when
    it is no number; AmbiguousNumberError for 12.500 / 12,500 when the column does not tell
    (twelve and a half or twelve thousand five hundred: never guessed)."""
    if text is None:
        return None
    cleaned = _bare(text)
    if cleaned == "":
        return None
    if not re.fullmatch(r"[-+]?[\d.,]*\d[\d.,]*", cleaned):
        raise ValueError(text)
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
    elif cleaned.count(",") + cleaned.count(".") == 1 and decimal is None:
        separator = "," if "," in cleaned else "."
        if re.search(re.escape(separator) + r"\d{3}$", cleaned) and not re.match(
            r"[-+]?0" + re.escape(separator), cleaned
        ):
            raise AmbiguousNumberError(text)
        decimal = separator
    thousands = "." if decimal == "," else ","
    if decimal is None:  # several of one separator: thousands only
        decimal, thousands = "", "," if "," in cleaned else "."
    whole, _, fraction = cleaned.partition(decimal) if decimal else (cleaned, "", "")
    if thousands in whole and not re.fullmatch(
        r"[-+]?\d{1,3}(" + re.escape(thousands) + r"\d{3})+", whole
    ):
        raise ValueError(text)
    if thousands in fraction or (decimal and decimal in fraction):
        raise ValueError(text)
    value = float(whole.replace(thousands, "") + ("." + fraction if fraction else ""))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def _flag(value: str, own_map: Mapping[str, str]) -> bool | None:
    for source, code in own_map.items():
        if source.strip().lower() == value.strip().lower():
            return read_flag(code)
    return read_flag(value)


def check_delivery(
    table: SourceTable, mapping: DeliveryMapping, facts: ProgrammeFacts
) -> DeliveryReport:
    """Every row of a delivery interpreted and checked; nothing is guessed: a value that
    cannot be read is a problem of its row, and a row with an error is left out."""
    mapping.validate()
    count = len(table.rows)
    problems: list[RowProblem] = []

    def problem(row: int, code: str, name: str | None = None, value=None) -> None:
        shown = None if value is None else str(value)
        problems.append(RowProblem(row, table.row_numbers[row], code, name, shown))

    for row, found in sorted(table.row_problems.items()):
        for code, name, value in found:
            problem(row, code, name, value)
    for row in sorted(table.hidden_rows):
        problem(row, "hidden_row")
    mapped = {name: source for name, source in mapping.fields.items() if _gives(source)}
    for row, errors in sorted(table.cell_errors.items()):
        for name, source in mapped.items():
            if source.field in errors:
                problem(row, "formula_error", name, errors[source.field])

    raw = {name: _column(table, source) for name, source in mapped.items()}
    works: list[dict[str, Any]] = [{"row": row} for row in range(count)]
    unknown: dict[str, Counter] = {}
    _read_stakeholders(raw, mapping, facts, works, problem, unknown)
    for name, values in raw.items():
        if name == "stakeholder_id":
            continue
        _read_field(_FIELDS[name], values, mapping, works, problem, unknown)
    _read_periods(raw, mapping, table.serial_system, works, problem)
    _default_discipline(raw, facts, works)
    _check_required(raw, works, problem)
    _check_references(works, problem)
    area_known = _read_geometries(table, facts, works, problem)
    rows_in_error = {p.row for p in problems if p.error}
    valid = [work for work in works if work["row"] not in rows_in_error]
    _set_horizons(valid, facts.reference_year)
    problems.sort(key=lambda p: (p.row, p.code))
    stakeholders = sorted({w["stakeholder_id"] for w in valid if w.get("stakeholder_id")})
    if mapping.stakeholder_id is not None:
        stakeholders = [mapping.stakeholder_id]
    return DeliveryReport(
        source=table.path,
        rows_read=count,
        works=valid,
        problems=problems,
        mapped_fields=tuple(sorted(set(mapped) | _derived(mapped) | {"stakeholder_id"})),
        stakeholder_ids=tuple(stakeholders),
        unknown_values={
            kind: sorted(words.items(), key=lambda item: (-item[1], item[0]))
            for kind, words in unknown.items()
        },
        area_known=area_known,
    )


def _set_horizons(works: list[dict], reference_year: int) -> None:
    """Each work's computed horizon, in one bulk call."""
    starts = [
        float("nan") if w.get("planned_start") is None else float(w["planned_start"].year)
        for w in works
    ]
    found = compute_horizons(starts, [w.get("status") for w in works], reference_year)
    for work, horizon in zip(works, found):
        work["horizon"] = horizon


def _gives(source: Source) -> bool:
    return bool(source.field or source.expression or source.constant not in (None, ""))


def _derived(mapped) -> set[str]:
    """Fields a mapped field fills too: a period's precisions (and its end from the start)."""
    names = set()
    if "planned_start" in mapped:
        names |= {"start_precision", "planned_end", "end_precision"}
    if "planned_end" in mapped:
        names |= {"end_precision"}
    return names


def _column(table: SourceTable, source: Source) -> list[str | None]:
    if source.field:
        return [_text(row.get(source.field)) for row in table.rows]
    if source.expression:  # the store evaluated it into a column named by its text
        return [_text(row.get(source.expression)) for row in table.rows]
    return [_text(source.constant)] * len(table.rows)


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _read_stakeholders(raw, mapping, facts, works, problem, unknown) -> None:
    if mapping.stakeholder_id is not None:
        known = {s["stakeholder_id"] for s in facts.stakeholders}
        for work in works:
            if mapping.stakeholder_id in known:
                work["stakeholder_id"] = mapping.stakeholder_id
            else:
                problem(
                    work["row"], "unknown_stakeholder", "stakeholder_id", mapping.stakeholder_id
                )
        return
    values = raw.get("stakeholder_id")
    if values is None:
        for work in works:
            problem(work["row"], "missing_required", "stakeholder_id")
        return
    by_word = {}
    for s in facts.stakeholders:
        by_word[str(s["stakeholder_id"])] = s["stakeholder_id"]
        by_word[str(s["name"]).strip().lower()] = s["stakeholder_id"]
    own = {k.strip().lower(): v for k, v in mapping.value_maps.get("stakeholder", {}).items()}
    for work, value in zip(works, values):
        if value is None:
            problem(work["row"], "missing_required", "stakeholder_id")
            continue
        word = value.lower()
        found = by_word.get(own[word]) if word in own else by_word.get(word)
        if found is None:
            problem(work["row"], "unknown_stakeholder", "stakeholder_id", value)
            unknown.setdefault("stakeholder", Counter())[value] += 1
        else:
            work["stakeholder_id"] = found


def _read_field(spec: Field, values, mapping, works, problem, unknown) -> None:
    name = spec.name
    if name in ("planned_start", "planned_end"):
        return  # with the periods, which read start and end together
    own = mapping.value_maps.get("flag" if name in _FLAGS else name, {})
    decimal = decimal_of(values) if name in _NUMBERS else None
    known: dict[str, tuple[Any, str | None]] = {}  # each distinct text read once
    for work, value in zip(works, values):
        if value is None:
            work[name] = None
            continue
        if value not in known:
            known[value] = _interpret(spec, value, own, decimal)
        result, code = known[value]
        work[name] = result
        if code is not None:
            problem(work["row"], code, name, value)
            if code.startswith("unknown_"):
                kind = "flag" if name in _FLAGS else name
                unknown.setdefault(kind, Counter())[value] += 1


def _interpret(spec: Field, value: str, own, decimal) -> tuple[Any, str | None]:
    """One text as the field's value, and the problem code when it cannot be (else None)."""
    name = spec.name
    if name in _CHOICE_KINDS:
        code = read_choice(_CHOICE_KINDS[name], value, own)
        return code, None if code is not None else "unknown_" + name
    if name in _FLAGS:
        flag = _flag(value, own)
        return flag, None if flag is not None else "unknown_flag"
    if name in _NUMBERS:
        try:
            return read_number(value, decimal), None
        except AmbiguousNumberError:
            return None, "ambiguous_number"
        except ValueError:
            return None, "unreadable_number"
    if spec.length and len(value) > spec.length:
        return value, "too_long"
    return value, None


def _read_periods(raw, mapping, serial_system, works, problem) -> None:
    starts, ends = raw.get("planned_start"), raw.get("planned_end")
    if starts is None and ends is None:
        return
    none = [None] * len(works)
    # a delivery repeats its dates: each text read once
    read = _PeriodReader(mapping, mapping.serial_system or serial_system)
    for work, start_text, end_text in zip(works, starts or none, ends or none):
        start = read(work["row"], "planned_start", start_text, problem)
        end = read(work["row"], "planned_end", end_text, problem)
        first, last = start or end, end or start
        if first is None:
            for name in PERIOD_FIELDS:
                work[name] = None
            continue
        work["planned_start"], work["start_precision"] = first.start, first.start_precision
        work["planned_end"], work["end_precision"] = last.end, last.end_precision
        if last.end < first.start:
            problem(work["row"], "end_before_start", "planned_end", end_text)


#: A period refused by the reader, as the delivery's problem of its row.
_DATE_PROBLEMS = {"ambiguous": "ambiguous_date", "end_before_start": "end_before_start"}


class _PeriodReader:
    """parse_period with each distinct text read once; a refusal is told for every row."""

    def __init__(self, mapping: DeliveryMapping, serial_system: str | None):
        self.mapping = mapping
        self.serial_system = serial_system
        self.known: dict[str, Any] = {}

    def __call__(self, row, name, text, problem):
        if text is None:
            return None
        if text not in self.known:
            try:
                self.known[text] = periods.parse_period(
                    text, self.mapping.date_format, self.serial_system
                )
            except periods.DateError as error:
                self.known[text] = _DATE_PROBLEMS.get(error.code, "unreadable_date")
            except ValueError:  # parse_period refuses a format it does not know
                raise MappingError("date_format", str(self.mapping.date_format)) from None
        found = self.known[text]
        if isinstance(found, str):
            problem(row, found, name, text)
            return None
        return found


def _default_discipline(raw, facts, works) -> None:
    """A work whose row names no discipline gets its stakeholder's: the programme's
    documented default (an unknown word stays a problem, never the default)."""
    own = {s["stakeholder_id"]: s["discipline"] for s in facts.stakeholders}
    given = raw.get("discipline") or [None] * len(works)
    for work, value in zip(works, given):
        if value is None:
            work["discipline"] = own.get(work.get("stakeholder_id"))


def _check_required(raw, works, problem) -> None:
    """A required field the row leaves empty; one with an unreadable or unknown value was
    told as that already."""
    required = [f.name for f in WORK_FIELDS if f.required and f.name in MAPPABLE_FIELDS]
    for work in works:
        for name in required:
            if name == "stakeholder_id":
                continue  # told by the stakeholder's reading
            if name == "discipline" and work.get("stakeholder_id") is None:
                continue  # its stakeholder's would be the default: told as unknown already
            values = raw.get(name)
            if work.get(name) is None and (values is None or values[work["row"]] is None):
                problem(work["row"], "missing_required", name)


def _check_references(works, problem) -> None:
    """The same reference twice for one stakeholder: which row is meant cannot be told."""
    seen = Counter(
        (w.get("stakeholder_id"), w.get("external_ref")) for w in works if w.get("external_ref")
    )
    for work in works:
        key = (work.get("stakeholder_id"), work.get("external_ref"))
        if work.get("external_ref") and seen[key] > 1:
            problem(work["row"], "duplicate_reference", "external_ref", work["external_ref"])


_KIND_OF_DIMENSION = {0: "point", 1: "line", 2: "polygon"}


def _read_geometries(table, facts, works, problem) -> bool:
    """Each row's geometry: missing, repaired (make_valid, kept when it stays of its kind),
    of one kind, and inside the municipality when its area is known."""
    import shapely  # here: the plugin loads (and creates programmes) without shapely 2

    count = len(works)
    blobs = table.geometries if table.geometries is not None else [None] * count
    shapes = shapely.from_wkb(np.array(blobs, dtype=object), on_invalid="ignore")
    shapes = shapely.force_2d(shapes)
    told = {row for row, found in table.row_problems.items() if found}
    invalid = ~shapely.is_valid(shapes) & ~shapely.is_missing(shapes)
    for row in np.flatnonzero(invalid).tolist():
        shapes[row] = _repair(shapes[row], row, problem)
    area = facts.area
    prepared = area is not None and not area.is_empty
    inside = np.ones(count, dtype=bool)
    if prepared:
        shapely.prepare(area)
        inside = shapely.intersects(area, shapes)
    missing = (shapely.is_missing(shapes) | shapely.is_empty(shapes)).tolist()
    dimensions = shapely.get_dimensions(shapes).tolist()
    collections = (shapely.get_type_id(shapes) == 7).tolist()
    for work, shape, within, absent, dimension, collection in zip(
        works, shapes, inside.tolist(), missing, dimensions, collections
    ):
        row = work["row"]
        if absent:
            if row not in told:
                problem(row, "no_geometry")
            continue
        kind = _kind(shape) if collection else _KIND_OF_DIMENSION.get(dimension)
        if kind is None:
            problem(row, "mixed_geometry", None, shape.geom_type)
            continue
        if not within:
            problem(row, "outside_municipality")
            continue
        work["geometry"] = shape
        work["kind"] = kind
    return prepared


def _repair(shape, row, problem):
    """make_valid keeps every part; the repair holds when the parts of the original's
    dimension remain (a bow-tie becomes two triangles), else the row is refused."""
    import shapely

    dimension = shapely.get_dimensions(shape)
    repaired = shapely.make_valid(shape)
    parts = [
        p
        for p in shapely.get_parts(repaired)
        if shapely.get_dimensions(p) == dimension and not p.is_empty
    ]
    if not parts:
        problem(row, "invalid_geometry", None, shapely.is_valid_reason(shape))
        return None
    problem(row, "geometry_repaired", None, shapely.is_valid_reason(shape))
    if len(parts) == 1:
        return parts[0]
    return shapely.union_all(parts)


def _kind(shape) -> str | None:
    import shapely

    if shape.geom_type == "GeometryCollection":
        dimensions = {shapely.get_dimensions(p) for p in shapely.get_parts(shape)}
        if len(dimensions) != 1:
            return None
        return _KIND_OF_DIMENSION.get(dimensions.pop())
    return _KIND_OF_DIMENSION.get(shapely.get_dimensions(shape))


_TABLE_OF_KIND = {t.geometry: t.name for t in WORK_TABLES}


def table_of_kind(kind: str) -> str:
    return _TABLE_OF_KIND[kind]


# --- re-import ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass
class WorkChange:
    """A work of the programme that the delivery changes: field by field, and its geometry
    (`geometry` is the new one, or None when unchanged). `new_table` differs from `table`
    when the work changes kind (a line becomes an area)."""

    work_id: str
    table: str
    fid: int
    external_ref: str
    title: str | None
    changes: list[FieldChange]
    geometry: Any = None
    new_table: str = ""
    record: dict = field(default_factory=dict)

    @property
    def period_or_place_changed(self) -> bool:
        return self.geometry is not None or any(c.field in PERIOD_FIELDS for c in self.changes)

    @property
    def what_changed(self) -> tuple[str, ...]:
        """period and/or place: what a decision on the work did not know of."""
        found = []
        if any(c.field in PERIOD_FIELDS for c in self.changes):
            found.append("period")
        if self.geometry is not None:
            found.append("place")
        return tuple(found)


@dataclass(frozen=True)
class Withdrawal:
    work_id: str
    table: str
    fid: int
    external_ref: str
    title: str | None
    status: str | None


@dataclass
class ReimportPlan:
    """What a delivery does to the programme: works added (with new work ids), changed
    field by field, and withdrawn (marked, never deleted)."""

    source: str
    stakeholder_ids: tuple[int, ...]
    added: list[dict]
    changed: list[WorkChange]
    withdrawn: list[Withdrawal]
    unchanged: int

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.withdrawn)


#: Never overwritten by a delivery: what the chamber decided and what the programme keeps.
PROTECTED_FIELDS = ("work_id", "horizon_override", "horizon_reason", "last_changed")


def plan_reimport(
    existing: Sequence[Mapping[str, Any]],
    incoming: DeliveryReport,
    taken_ids: Iterable[str] = (),
    reference_year: int | None = None,
    complete: bool = True,
) -> ReimportPlan:
    """Match the delivery's valid works with the programme's works of the same stakeholders
    by external reference: new references are added, known ones changed where the delivery
    says otherwise (only the fields it maps), and, when the delivery is `complete` (the
    stakeholder's whole list, not only news), the stakeholders' works with a reference
    that it no longer holds are withdrawn. `existing` are work records with fid, table and
    geometry; `taken_ids` every work id of the programme (new ids must differ)."""
    stakeholders = set(incoming.stakeholder_ids)
    mine = [w for w in existing if w.get("stakeholder_id") in stakeholders]
    by_ref: dict[tuple, Mapping[str, Any]] = {}
    for work in mine:
        if work.get("external_ref"):
            by_ref.setdefault((work["stakeholder_id"], work["external_ref"]), work)
    taken = set(taken_ids) | {w["work_id"] for w in existing}
    compared = [f for f in incoming.mapped_fields if f not in PROTECTED_FIELDS]
    added, matched, seen = [], [], set()
    for work in incoming.works:
        key = (work.get("stakeholder_id"), work.get("external_ref"))
        old = by_ref.get(key) if work.get("external_ref") else None
        if old is None:
            record = {n: work.get(n) for n in _WORK_FIELD_NAMES if n in work}
            record["work_id"] = new_work_id(taken)
            record["geometry"] = work["geometry"]
            record["kind"] = work["kind"]
            record["row"] = work["row"]
            added.append(record)
            continue
        seen.add(key)
        matched.append((old, work))
    same_places = _same_shapes(
        [old.get("geometry") for old, _ in matched], [new["geometry"] for _, new in matched]
    )
    changed = []
    for (old, work), same_place in zip(matched, same_places):
        change = _compare(old, work, compared, reference_year, same_place)
        if change is not None:
            changed.append(change)
    unchanged = len(matched) - len(changed)
    withdrawn = [
        Withdrawal(
            w["work_id"], w["table"], w["fid"], w["external_ref"], w.get("title"), w.get("status")
        )
        for key, w in by_ref.items()
        if complete and key not in seen and w.get("status") != "withdrawn"
    ]
    return ReimportPlan(
        source=incoming.source,
        stakeholder_ids=tuple(sorted(stakeholders)),
        added=added,
        changed=changed,
        withdrawn=withdrawn,
        unchanged=unchanged,
    )


_WORK_FIELD_NAMES = tuple(f.name for f in WORK_FIELDS)


def new_work_id(taken: set[str]) -> str:
    """A work id as the programme makes one ('W-' and 8 hex digits, like its layers'
    default), unique among `taken` (which it joins)."""
    while True:
        candidate = "W-" + uuid.uuid4().hex[:8]
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def _compare(old, new, compared, reference_year, same_place: bool) -> WorkChange | None:
    if (
        same_place
        and old.get("status") != "withdrawn"
        and all(old.get(name) == new.get(name) for name in compared)
    ):
        return None  # the usual case of a re-import, decided without a closer look
    changes = [
        FieldChange(name, old.get(name), new.get(name))
        for name in compared
        if not _same(old.get(name), new.get(name))
    ]
    if reference_year is not None and changes:
        horizon = compute_horizon(new.get("planned_start"), new.get("status"), reference_year)
        if horizon != old.get("horizon") and "horizon" not in compared:
            changes.append(FieldChange("horizon", old.get("horizon"), horizon))
    if (
        old.get("status") == "withdrawn"
        and "status" not in compared
        and not any(c.field == "status" for c in changes)
    ):
        changes.append(FieldChange("status", "withdrawn", "planned"))
    geometry = None if same_place else new["geometry"]
    new_table = table_of_kind(new["kind"])
    if not changes and geometry is None:
        return None
    return WorkChange(
        work_id=old["work_id"],
        table=old["table"],
        fid=old["fid"],
        external_ref=old["external_ref"],
        title=new.get("title") or old.get("title"),
        changes=changes,
        geometry=geometry,
        new_table=new_table,
        record={**{n: old.get(n) for n in _WORK_FIELD_NAMES}, **{c.field: c.new for c in changes}},
    )


def _same(old, new) -> bool:
    if old == new:
        return True
    if isinstance(old, float) or isinstance(new, float):
        if old is None or new is None:
            return old is new
        return abs(float(old) - float(new)) <= 1e-9 * max(1.0, abs(float(old)))
    return False


def _same_shapes(olds: list, news: list) -> list[bool]:
    """Whether each pair is the same place: equal as sets of points (a single part equals
    its multi form), so the round trip through the GeoPackage is no change. In bulk."""
    import shapely

    if not olds:
        return []
    first, second = np.array(olds, dtype=object), np.array(news, dtype=object)
    equal = shapely.equals(first, second)
    return (equal | (shapely.is_missing(first) & shapely.is_missing(second))).tolist()


def decision_notes(
    decisions: Sequence[Mapping[str, Any]],
    findings: Sequence[Mapping[str, Any]],
    plan: ReimportPlan,
    moment: datetime,
) -> dict[int, str]:
    """The note each decision gets when the delivery changes the period or place of a work
    it was taken on (directly, or through a finding of that work): decision fid -> note,
    added to a note an earlier delivery left."""
    moved = {c.work_id: c for c in plan.changed if c.period_or_place_changed}
    if not moved:
        return {}
    of_finding: dict[str, list[str]] = {}
    for finding in findings:
        for work_id in (finding.get("work_a"), finding.get("work_b")):
            if work_id in moved:
                of_finding.setdefault(finding["finding_id"], []).append(work_id)
    source = plan.source.replace("\\", "/").rsplit("/", 1)[-1]
    notes = {}
    for decision in decisions:
        works = [decision["work_id"]] if decision.get("work_id") in moved else []
        works += of_finding.get(decision.get("finding_id") or "", [])
        if not works:
            continue
        said = "; ".join(
            "{} {}: {} {}".format(
                moment.strftime("%Y-%m-%d"), source, w, ", ".join(moved[w].what_changed)
            )
            for w in dict.fromkeys(works)
        )
        before = decision.get("delivery_change")
        notes[decision["fid"]] = "{}\n{}".format(before, said) if before else said
    return notes
