"""A stakeholder's delivery in and out of the programme: read any source as text, place
its geometries in the programme's CRS, and write a confirmed plan in one transaction.

The order a caller (the import algorithm, the wizard) follows:
    table = read_source(path, SourceOptions())          # text values, what was detected
    report = check_source(programme, table, mapping)    # core.delivery.check_delivery
    plan = plan_delivery(programme, report)              # added / changed / withdrawn
    write_delivery(programme, report, plan, mapping)     # all of it, or nothing
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
)

from ..core import delivery as core
from ..core.delivery import (
    DeliveryMapping,
    DeliveryReport,
    GeometrySource,
    MappingError,
    ProgrammeFacts,
    ReimportPlan,
    RowProblem,
    SourceTable,
)
from ..core.schema import DECISIONS, FINDINGS, IMPORT_PROFILES, NEIGHBOURHOODS, WORK_TABLES
from ..log import logger
from ..translation import tr
from .columns import read_stored
from .errors import GdalErrors, ProgrammeError
from .features import (
    FIELD_TYPES,
    features_from_columns,
    from_qvariant,
    make_features,
    to_qvariant,
)
from .location import is_postgis
from .programme import read_programme, read_stakeholders, table_layer, upgrade_programme
from .transactions import bulk_write, provider_transaction

#: Files read as a table of text; every other file is opened as an OGR vector source.
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SEPARATORS = (";", ",", "\t", "|")
_SEPARATOR_NAMES = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}


@dataclass(frozen=True)
class SourceOptions:
    """Overrides of what the reader detects: encoding and separator of a CSV, the sheet of
    a workbook, the layer of a multi-layer source."""

    encoding: str | None = None
    separator: str | None = None
    sheet: str | None = None
    layer: str | None = None


def read_source(path: str | Path, options: SourceOptions | None = None) -> SourceTable:
    """Every row of a delivery with its values as text, and what was detected."""
    options = options or SourceOptions()
    path = Path(path)
    if not path.exists():
        raise ProgrammeError(tr("File not found: {}").format(path))
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path, options)
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, options)
    if suffix == ".xls":
        raise ProgrammeError(
            tr("{} is an old Excel file (.xls): save it as .xlsx in Excel and import that.").format(
                path.name
            )
        )
    return _read_vector(path, options)


# --- CSV -------------------------------------------------------------------------------


def _read_csv(path: Path, options: SourceOptions) -> SourceTable:
    data = path.read_bytes()
    encoding = options.encoding or _detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        logger("import").warning("Decoding %s as %s failed: %s", path, encoding, error)
        raise ProgrammeError(
            tr("{} cannot be read as {}: choose another encoding.").format(path.name, encoding)
        ) from None
    text = text.lstrip("\ufeff")
    separator = _separator(options.separator) if options.separator else _detect_separator(text)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    while records and not any(cell.strip() for cell in records[0]):
        records.pop(0)
    if not records:
        raise ProgrammeError(tr("{} holds no rows.").format(path.name))
    fields = _field_names(records[0])
    rows, numbers, problems = [], [], {}
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # an empty line, as Excel leaves at the end
        index = len(rows)
        extra = [cell for cell in record[len(fields) :] if cell.strip()]
        if extra or len(record) < len(fields):
            problems[index] = [("cell_count", None, "{}/{}".format(len(record), len(fields)))]
        rows.append({name: (cell if cell.strip() else None) for name, cell in zip(fields, record)})
        numbers.append(number)
    return SourceTable(
        path=str(path),
        fields=fields,
        rows=rows,
        row_numbers=numbers,
        encoding=encoding,
        separator=separator,
        row_problems=problems,
    )


def _detect_encoding(data: bytes) -> str:
    """UTF-8 with a byte-order mark as Excel's "CSV UTF-8" writes it, UTF-8, else cp1252
    (Excel's "CSV" on a Dutch Windows)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _separator(text: str) -> str:
    separator = _SEPARATOR_NAMES.get(text.lower(), text)
    if len(separator) != 1:
        raise ProgrammeError(tr("A separator is one character, not {}.").format(text))
    return separator


def _detect_separator(text: str) -> str:
    """The separator that splits the first rows into the same number (more than one) of
    cells most often; a semicolon wins a tie (a Dutch Excel writes it, and decimal commas
    make commas common)."""
    sample = text[:65536]
    best, best_score = ";", -1.0
    for separator in SEPARATORS:
        records = []
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=separator):
            if any(cell.strip() for cell in record):
                records.append(len(record))
            if len(records) >= 30:
                break
        if not records or records[0] < 2:
            continue
        score = sum(1 for n in records if n == records[0]) / len(records) + records[0] / 1000
        if score > best_score:
            best, best_score = separator, score
    return best


def _field_names(header: list) -> list[str]:
    """Header cells as field names: an empty one is named by its column, a repeated one
    numbered, so no column is lost or hidden by another."""
    names, seen = [], set()
    for position, cell in enumerate(header, start=1):
        name = " ".join(str(cell or "").split()) or "field_{}".format(position)
        base, count = name, 1
        while name in seen:
            count += 1
            name = "{}_{}".format(base, count)
        seen.add(name)
        names.append(name)
    return names


# --- Excel -----------------------------------------------------------------------------

_ZEROS = re.compile(r"^0+$")


def _read_excel(path: Path, options: SourceOptions) -> SourceTable:
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file it cannot read
        logger("import").warning("Opening %s failed: %s", path, error, exc_info=True)
        raise ProgrammeError(
            tr("{} cannot be read as an Excel workbook (.xlsx).").format(path.name)
        ) from None
    if options.sheet:
        if options.sheet not in book.sheetnames:
            raise ProgrammeError(
                tr("{} has no sheet {} (sheets: {}).").format(
                    path.name, options.sheet, ", ".join(book.sheetnames)
                )
            )
        sheet = book[options.sheet]
    else:
        visible = [s for s in book.worksheets if s.sheet_state == "visible" and s.max_row > 1]
        sheet = visible[0] if visible else book.worksheets[0]
    merged = {}
    for cells in sheet.merged_cells.ranges:
        value = sheet.cell(cells.min_row, cells.min_col)
        for row in range(cells.min_row, cells.max_row + 1):
            for column in range(cells.min_col, cells.max_col + 1):
                merged[(row, column)] = value
    grid = []  # (row number, [cells]) of non-empty rows
    for row in sheet.iter_rows():
        cells = [merged.get((c.row, c.column), c) for c in row]
        if any(c.value not in (None, "") for c in cells):
            grid.append((row[0].row, cells))
    if not grid:
        raise ProgrammeError(tr("Sheet {} of {} holds no rows.").format(sheet.title, path.name))
    grid = grid[_title_rows(grid) :]
    header_rows = _header_rows(sheet, grid)
    width = max(len(cells) for _, cells in grid)
    parts = []
    for column in range(width):
        words = []
        for _, cells in grid[:header_rows]:
            word = _cell_text(cells[column])[0] if column < len(cells) else None
            if word and word not in words:
                words.append(word)
        parts.append(" ".join(words))
    fields = _field_names(parts)
    rows, numbers, hidden, errors = [], [], set(), {}
    for number, cells in grid[header_rows:]:
        index = len(rows)
        values = {}
        for name, cell in zip(fields, cells):
            text, error = _cell_text(cell)
            values[name] = text
            if error:
                errors.setdefault(index, {})[name] = error
        rows.append(values)
        numbers.append(number)
        if sheet.row_dimensions[number].hidden:
            hidden.add(index)
    return SourceTable(
        path=str(path),
        fields=fields,
        rows=rows,
        row_numbers=numbers,
        sheet=sheet.title,
        serial_system="1904" if book.epoch == CALENDAR_MAC_1904 else "1900",
        hidden_rows=hidden,
        cell_errors=errors,
    )


def _title_rows(grid) -> int:
    """Rows above the header that hold one text (a title, "Planning 2027", merged over the
    width or not), when the sheet has rows of several: they are no field names."""
    widths = [len({_cell_text(c)[0] for c in cells} - {None}) for _, cells in grid]
    if max(widths) < 2:
        return 0
    skipped = 0
    while widths[skipped] < 2:
        skipped += 1
    return skipped


def _header_rows(sheet, grid) -> int:
    """Two header rows when the first has cells merged across columns (a group title over
    its columns: "Periode" over "start" and "eind"), else one."""
    first = grid[0][0]
    for cells in sheet.merged_cells.ranges:
        if cells.min_row == first and cells.max_col > cells.min_col and len(grid) > 1:
            return 2
    return 1


def _cell_text(cell) -> tuple[str | None, str | None]:
    """A cell as the user sees it, as text; and its formula error (#REF!, #N/A, …)."""
    value = cell.value
    if value is None:
        return None, None
    if cell.data_type == "e":
        return None, str(value)
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, (int, float)):
        if _ZEROS.match(str(cell.number_format or "")) and float(value).is_integer():
            return str(int(value)).zfill(len(cell.number_format)), None
        if isinstance(value, float) and value.is_integer():
            return str(int(value)), None
        return str(value), None
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat(), None
        return value.isoformat(sep=" "), None
    if isinstance(value, (date, time)):
        return value.isoformat(), None
    text = str(value)
    return (text if text.strip() else None), None


# --- OGR vector sources ----------------------------------------------------------------


def _read_vector(path: Path, options: SourceOptions) -> SourceTable:
    with GdalErrors() as errors:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY)
        layer = None
        if dataset is not None:
            if options.layer:
                layer = dataset.GetLayerByName(options.layer)
            elif dataset.GetLayerCount():
                layer = dataset.GetLayer(0)
        if dataset is None or layer is None:
            logger("import").warning("Opening %s failed: %s", path, "; ".join(errors.messages))
            if dataset is not None and options.layer:
                raise ProgrammeError(tr("{} has no layer {}.").format(path.name, options.layer))
            raise ProgrammeError(tr("{} cannot be read as a table or a map layer.").format(path))
        definition = layer.GetLayerDefn()
        fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        has_geometry = definition.GetGeomType() != ogr.wkbNone
        rows, numbers, geometries = [], [], []
        layer.ResetReading()
        for feature in layer:
            rows.append(
                {
                    name: (feature.GetFieldAsString(i) if feature.IsFieldSetAndNotNull(i) else None)
                    for i, name in enumerate(fields)
                }
            )
            numbers.append(feature.GetFID())
            shape = feature.GetGeometryRef() if has_geometry else None
            if shape is not None and shape.HasCurveGeometry():
                shape = shape.GetLinearGeometry()
            geometries.append(None if shape is None else bytes(shape.ExportToIsoWkb()))
        reference = layer.GetSpatialRef()
        crs = _crs_text(reference) if reference is not None else None
        name = layer.GetName()
        dataset = None
    if errors.messages:
        logger("import").error("Reading %s met errors: %s", path, "; ".join(errors.messages))
        raise ProgrammeError(
            tr("{} could not be read completely; the details are in the log.").format(path.name)
        )
    return SourceTable(
        path=str(path),
        fields=fields,
        rows=rows,
        row_numbers=numbers,
        source_geometries=geometries if has_geometry else None,
        layer=name,
        crs=crs,
    )


def _crs_text(reference) -> str:
    """EPSG:n when the CRS is one, else its WKT."""
    reference = reference.Clone()
    if reference.AutoIdentifyEPSG() == ogr.OGRERR_NONE or reference.GetAuthorityName(None):
        code = reference.GetAuthorityCode(None)
        if reference.GetAuthorityName(None) == "EPSG" and code:
            return "EPSG:{}".format(code)
    return reference.ExportToWkt()


# --- geometries ------------------------------------------------------------------------


def place_geometries(table: SourceTable, source: GeometrySource, crs: str) -> None:
    """Fill `table.geometries` (WKB in the programme's `crs`) from the source's geometry, a
    WKT or GeoJSON column or x/y columns; a value that is no geometry is a problem of its
    row, never an empty geometry."""
    import shapely

    count = len(table.rows)
    if source.kind == "none":
        table.geometries = [None] * count
        return
    if source.kind == "streets":
        raise ProgrammeError(
            tr(
                "Street names are found on a street layer in the import wizard only: import "
                "this delivery with Plugins > Integrale Programmakamer > Import delivery…"
            )
        )
    if source.kind == "source":
        if table.source_geometries is None:
            raise ProgrammeError(
                tr(
                    "{} has no geometry: choose a WKT, GeoJSON or x/y column, or match street "
                    "names."
                ).format(Path(table.path).name)
            )
        shapes = shapely.from_wkb(np.array(table.source_geometries, dtype=object))
        source_crs = source.crs or table.crs
    else:
        missing = [n for n in (source.column, source.x, source.y) if n and n not in table.fields]
        if missing:
            raise ProgrammeError(
                tr("{} has no column {}.").format(Path(table.path).name, ", ".join(missing))
            )
        shapes = _column_geometries(table, source)
        source_crs = source.crs
    if source_crs is None:
        raise ProgrammeError(
            tr(
                "The coordinates of {} have no coordinate reference system: give it (for "
                "example EPSG:4326 for longitude and latitude)."
            ).format(Path(table.path).name)
        )
    shapes = _transformed(shapes, source_crs, crs, table)
    blobs = shapely.to_wkb(shapes, output_dimension=2)
    table.geometries = [None if b is None else bytes(b) for b in blobs.tolist()]


def _column_geometries(table: SourceTable, source: GeometrySource):
    import shapely

    if source.kind in ("wkt", "geojson"):
        texts = [row.get(source.column) for row in table.rows]
        reader = shapely.from_wkt if source.kind == "wkt" else shapely.from_geojson
        shapes = reader(np.array(texts, dtype=object), on_invalid="ignore")
        for index, (text, shape) in enumerate(zip(texts, shapes)):
            if text and shape is None:
                _row_problem(table, index, "unreadable_geometry", source.column, text)
        return shapes
    count = len(table.rows)
    xs, ys = np.full(count, np.nan), np.full(count, np.nan)
    decimal = core.decimal_of(row.get(name) for row in table.rows for name in (source.x, source.y))
    for index, row in enumerate(table.rows):
        x_text, y_text = row.get(source.x), row.get(source.y)
        if x_text is None and y_text is None:
            continue
        try:
            x, y = core.read_number(x_text, decimal), core.read_number(y_text, decimal)
        except ValueError:
            x = y = None
        if x is None or y is None:
            shown = "{} / {}".format(x_text or "", y_text or "")
            _row_problem(table, index, "unreadable_geometry", source.x, shown)
            continue
        xs[index], ys[index] = x, y
    # the points made in one call, not one shapely object per row
    shapes = shapely.points(xs, ys).astype(object)
    shapes[np.isnan(xs)] = None
    return shapes


def _row_problem(table: SourceTable, index: int, code: str, name, value) -> None:
    table.row_problems.setdefault(index, []).append((code, name, value))


def _spatial_reference(text: str):
    reference = osr.SpatialReference()
    with GdalErrors():
        ok = reference.SetFromUserInput(text) == ogr.OGRERR_NONE
    if not ok:
        raise ProgrammeError(tr("Unknown coordinate reference system: {}").format(text[:80]))
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return reference


def _transformed(shapes, source_crs: str, target_crs: str, table: SourceTable):
    """All coordinates transformed in one call; a point that cannot be transformed (outside
    the CRS's area) makes its row's geometry a problem."""
    import shapely

    source, target = _spatial_reference(source_crs), _spatial_reference(target_crs)
    if source.IsSame(target):
        return shapes
    transform = osr.CoordinateTransformation(source, target)

    def convert(coordinates):
        if not len(coordinates):
            return coordinates
        with GdalErrors():
            moved = np.array(transform.TransformPoints(coordinates), dtype=float)
        return moved[:, :2]

    moved = shapely.transform(shapely.force_2d(shapes), convert)
    broken = ~np.isfinite(shapely.bounds(moved)).all(axis=1) & ~shapely.is_missing(moved)
    broken &= ~shapely.is_empty(moved)
    for index in np.flatnonzero(broken).tolist():
        _row_problem(table, index, "unreadable_geometry", None, source_crs)
        moved[index] = None
    return moved


# --- the check -------------------------------------------------------------------------


def programme_facts(path: str | Path) -> ProgrammeFacts:
    """The stakeholders, the reference year and the municipality's area (the union of its
    neighbourhoods; unknown when it has none)."""
    import shapely

    info = read_programme(path)
    _, _, shapes = read_stored(path, NEIGHBOURHOODS, ["code"], geometry=True)
    present = [s for s in shapes.tolist() if s is not None]
    area = shapely.union_all(present) if present else None
    return ProgrammeFacts(read_stakeholders(path), info.reference_year, area)


def check_source(
    path: str | Path,
    table: SourceTable,
    mapping: DeliveryMapping,
    matched: dict[int, bytes] | None = None,
    progress: Callable[[float], object] | None = None,
) -> DeliveryReport:
    """The delivery checked against the programme: its geometries placed in the programme's
    CRS, expressions evaluated, every row interpreted by the mapping. `matched`: geometries
    (WKB in the programme's CRS) for rows without one of their own, by row index, as the
    street-name matching gives them. `progress(fraction done)` is called between the steps
    (a caller stops the check by raising from it)."""
    progress = progress or (lambda fraction: None)
    info = read_programme(path)
    try:
        mapping.validate()
    except MappingError as error:
        raise ProgrammeError(mapping_message(error)) from None
    missing = sorted(mapping.source_fields() - set(table.fields))
    if missing:
        raise ProgrammeError(
            tr("{} has no field {} (fields: {}).").format(
                Path(table.path).name, ", ".join(missing), ", ".join(table.fields)
            )
        )
    _evaluate_expressions(table, mapping)
    progress(0.1)
    place_geometries(table, mapping.geometry, info.crs)
    progress(0.6)
    for row, geometry in (matched or {}).items():
        if table.geometries[row] is None:
            table.geometries[row] = geometry
    try:
        return core.check_delivery(table, mapping, programme_facts(path))
    except MappingError as error:
        raise ProgrammeError(mapping_message(error)) from None


def _evaluate_expressions(table: SourceTable, mapping: DeliveryMapping) -> None:
    """Each expression of the mapping as a column of text, named by its own text."""
    expressions = {s.expression for s in mapping.fields.values() if s.expression}
    if not expressions:
        return
    fields = QgsFields()
    for name in table.fields:
        fields.append(QgsField(name, FIELD_TYPES["text"]))
    for text in expressions:
        expression = QgsExpression(text)
        if expression.hasParserError():
            raise ProgrammeError(
                tr("The expression {} cannot be read: {}").format(
                    text, expression.parserErrorString()
                )
            )
        context = QgsExpressionContext()
        feature = QgsFeature(fields)
        for row in table.rows:
            feature.setAttributes([row.get(name) for name in table.fields])
            context.setFeature(feature)
            value = from_qvariant(expression.evaluate(context))
            if expression.hasEvalError():
                raise ProgrammeError(
                    tr("The expression {} failed: {}").format(text, expression.evalErrorString())
                )
            row[text] = None if value is None else str(value)


def mapping_message(error: MappingError) -> str:
    messages = {
        "not_json": tr("The field mapping is not valid JSON: {}"),
        "not_a_mapping": tr("The field mapping cannot be read: {}"),
        "not_mappable": tr("A delivery cannot fill these fields: {}"),
        "geometry_kind": tr(
            "Unknown kind of geometry source: {} (source, wkt, geojson, xy, streets, none)."
        ),
        "geometry_column": tr("A geometry from {} needs its column(s)."),
        "date_format": tr("Unknown date format: {}"),
    }
    return messages.get(error.code, "{}").format(error.detail)


# --- the plan --------------------------------------------------------------------------


def existing_works(path: str | Path) -> list[dict]:
    """Every work of the programme as a record with its table, fid and geometry."""
    works = []
    names = [f.name for f in WORK_TABLES[0].fields]
    for table in WORK_TABLES:
        fids, columns, shapes = read_stored(path, table, names, geometry=True)
        # whole columns to plain values at once (dates: datetime64 to date, NaT to None)
        plain = [c.tolist() if isinstance(c, np.ndarray) else c for c in columns.values()]
        for fid, shape, values in zip(fids, shapes.tolist(), zip(*plain)):
            record = dict(zip(names, values))
            record.update(fid=fid, table=table.name, geometry=shape)
            works.append(record)
    return works


def plan_delivery(path: str | Path, report: DeliveryReport, complete: bool = True) -> ReimportPlan:
    """What writing the report's valid works would add, change and (for a `complete`
    delivery) withdraw."""
    info = read_programme(path)
    works = existing_works(path)
    return core.plan_reimport(works, report, reference_year=info.reference_year, complete=complete)


# --- writing ---------------------------------------------------------------------------


def write_delivery(
    path: str | Path,
    report: DeliveryReport,
    plan: ReimportPlan,
    mapping: DeliveryMapping | None = None,
    progress: Callable[[float], bool] | None = None,
) -> None:
    """Write a confirmed plan: new works, changes, withdrawals, the notes on decisions whose
    work moved in time or place, and (with `mapping`) the stakeholder's import profile; in
    one transaction, so a failure leaves the programme as it was."""
    upgrade_programme(path)
    now = datetime.now().replace(microsecond=0)
    source = Path(report.source).name
    layers = {t.name: table_layer(path, t.name) for t in WORK_TABLES}
    decisions = table_layer(path, DECISIONS.name)
    findings = table_layer(path, FINDINGS.name)
    extra = [decisions]
    profiles = None
    if mapping is not None and len(plan.stakeholder_ids) == 1:
        profiles = table_layer(path, IMPORT_PROFILES.name)
        extra.append(profiles)
    with provider_transaction(*layers.values(), *extra) as providers:
        by_name = dict(zip(list(layers) + [layer.name() for layer in extra], providers))
        _check_plan_still_true(layers, plan)
        writes = {t.name: _table_writes(t, layers[t.name], plan, source, now) for t in WORK_TABLES}
        total = max(sum(len(part) for parts in writes.values() for part in parts), 1)
        done = 0
        for name, parts in writes.items():
            count = sum(len(part) for part in parts)
            # progress over the whole write, not table by table
            step = None if progress is None else _share(progress, done / total, count / total)
            bulk_write(by_name[name], path, *parts, progress=step)
            done += count
        notes = core.decision_notes(
            _records(decisions, ["finding_id", "work_id", "delivery_change"]),
            _records(findings, ["finding_id", "work_a", "work_b"]),
            plan,
            now,
        )
        if notes:
            index = decisions.fields().indexOf("delivery_change")
            bulk_write(
                by_name[decisions.name()],
                path,
                changes={fid: {index: note} for fid, note in notes.items()},
            )
        if profiles is not None:
            _write_profile(
                profiles, by_name[profiles.name()], path, plan.stakeholder_ids[0], mapping, now
            )
    logger("import").info(
        "%s: %d added, %d changed, %d withdrawn, %d decisions noted",
        source,
        len(plan.added),
        len(plan.changed),
        len(plan.withdrawn),
        len(notes),
    )


def _share(progress: Callable[[float], bool], start: float, part: float):
    """`progress` for a part of a job: its fractions mapped onto [start, start + part]."""
    return lambda fraction: progress(start + part * fraction)


def _records(layer, names: list[str]) -> list[dict]:
    present = [n for n in names if layer.fields().indexOf(n) >= 0]
    return [
        {"fid": f.id(), **{n: from_qvariant(f[n]) for n in present}} for f in layer.getFeatures()
    ]


def _check_plan_still_true(layers, plan: ReimportPlan) -> None:
    """The works the plan changes are still the ones it was made on (read inside the
    transaction, under the write lock): else nothing is written."""
    wanted = {}
    for item in [*plan.changed, *plan.withdrawn]:
        wanted.setdefault(item.table, {})[item.fid] = item.work_id
    for table, fids in wanted.items():
        layer = layers[table]
        request = QgsFeatureRequest().setFilterFids(list(fids))
        request.setFlags(QgsFeatureRequest.NoGeometry)
        found = {f.id(): f["work_id"] for f in layer.getFeatures(request)}
        if any(found.get(fid) != work_id for fid, work_id in fids.items()):
            raise ProgrammeError(
                tr("The programme changed since the delivery was checked: check it again.")
            )


def _table_writes(table, layer, plan: ReimportPlan, source: str, now: datetime):
    """What the plan does to one works table: features to add, attribute and geometry
    changes, and the fids leaving it (a work that changed kind moves to its new table)."""
    fields = layer.fields()
    records = [
        {**w, "source_delivery": source, "last_changed": now}
        for w in plan.added
        if core.table_of_kind(w["kind"]) == table.name
    ]
    deleted, changes, geometries = [], {}, {}
    for change in plan.changed:
        if change.table == table.name and change.new_table != table.name:
            deleted.append(change.fid)
        elif change.new_table == table.name and change.table != table.name:
            records.append(
                {
                    **change.record,
                    "geometry": change.geometry,
                    "source_delivery": source,
                    "last_changed": now,
                }
            )
        elif change.table == table.name:
            values = {c.field: c.new for c in change.changes}
            values.update(source_delivery=source, last_changed=now)
            changes[change.fid] = {
                fields.indexOf(name): to_qvariant(value, table.field(name).kind)
                for name, value in values.items()
            }
            if change.geometry is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(_wkb(change.geometry))
                geometry.convertToMultiType()
                geometries[change.fid] = geometry
    for withdrawal in plan.withdrawn:
        if withdrawal.table == table.name:
            changes[withdrawal.fid] = {
                fields.indexOf("status"): "withdrawn",
                fields.indexOf("last_changed"): to_qvariant(now, "datetime"),
            }
    columns = {name: [r.get(name) for r in records] for name in [*table.field_names, "geometry"]}
    added = features_from_columns(table, columns, len(records), fields)
    return added, changes, geometries, deleted


def _wkb(shape) -> bytes:
    import shapely

    return bytes(shapely.to_wkb(shape, output_dimension=2))


# --- import profiles -------------------------------------------------------------------


def load_profile(path: str | Path, stakeholder_id: int) -> DeliveryMapping | None:
    """The mapping of the stakeholder's last delivery, or None (none saved yet)."""
    layer = table_layer(path, IMPORT_PROFILES.name) if _has_profiles(path) else None
    if layer is None:
        return None
    latest = None
    for feature in layer.getFeatures():
        if feature["stakeholder_id"] == stakeholder_id:
            moment = from_qvariant(feature["updated"]) or datetime.min
            if latest is None or moment >= latest[0]:
                latest = (moment, feature["mapping"])
    if latest is None:
        return None
    try:
        return DeliveryMapping.from_json(latest[1])
    except MappingError as error:
        logger("import").warning("The saved import profile is unreadable: %s", error)
        raise ProgrammeError(
            tr("The saved field mapping of this stakeholder cannot be read: {}").format(
                mapping_message(error)
            )
        ) from None


def save_profile(path: str | Path, stakeholder_id: int, mapping: DeliveryMapping) -> None:
    """Save (replace) the stakeholder's field mapping, in its own transaction."""
    upgrade_programme(path)
    layer = table_layer(path, IMPORT_PROFILES.name)
    now = datetime.now().replace(microsecond=0)
    with provider_transaction(layer) as (provider,):
        _write_profile(layer, provider, path, stakeholder_id, mapping, now)


def _has_profiles(path) -> bool:
    if is_postgis(path):
        from .postgis import has_table  # psycopg2 only when needed

        return has_table(path, IMPORT_PROFILES)
    with GdalErrors():
        dataset = gdal.OpenEx(
            str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"]
        )
        found = dataset is not None and dataset.GetLayerByName(IMPORT_PROFILES.name) is not None
        dataset = None
    return found


def _write_profile(layer, provider, path, stakeholder_id, mapping, now) -> None:
    old = [f.id() for f in layer.getFeatures() if f["stakeholder_id"] == stakeholder_id]
    record = {"stakeholder_id": stakeholder_id, "mapping": mapping.to_json(), "updated": now}
    bulk_write(
        provider, path, make_features(IMPORT_PROFILES, [record], layer.fields()), deleted=old
    )


# --- telling it ------------------------------------------------------------------------


def problem_title(code: str) -> str:
    """What a problem code means, in the user's language."""
    titles = {
        "no_geometry": tr("no geometry"),
        "invalid_geometry": tr("invalid geometry that cannot be repaired"),
        "unreadable_geometry": tr("geometry cannot be read or placed"),
        "mixed_geometry": tr("a mix of points, lines and areas"),
        "outside_municipality": tr("outside the municipality"),
        "end_before_start": tr("ends before it starts"),
        "unknown_stakeholder": tr("unknown stakeholder"),
        "unknown_discipline": tr("unknown discipline"),
        "unknown_status": tr("unknown status"),
        "unknown_surface_type": tr("unknown surface type"),
        "unknown_flag": tr("not a yes/no value"),
        "duplicate_reference": tr("reference occurs more than once"),
        "missing_required": tr("required field is empty"),
        "unreadable_date": tr("date cannot be read"),
        "ambiguous_date": tr("date can be read in two ways"),
        "unreadable_number": tr("not a number"),
        "ambiguous_number": tr("number can be read in two ways (decimal point or thousands)"),
        "formula_error": tr("formula error in the cell"),
        "too_long": tr("text too long"),
        "cell_count": tr("wrong number of cells (found/expected)"),
        "geometry_repaired": tr("invalid geometry repaired (imported)"),
        "hidden_row": tr("hidden row in the workbook (imported)"),
    }
    return titles.get(code, code)


def problem_text(problem: RowProblem) -> str:
    """A row's problem in one line: what it is, and the value it is about."""
    title = problem_title(problem.code)
    return "{}: {}".format(title, problem.value) if problem.value else title


def save_report(
    report: DeliveryReport, target: str | Path, plan: ReimportPlan | None = None, lang: str = "en"
) -> None:
    """The validation report as a workbook: a summary with totals first, then the problems
    row by row, then (with a plan) what would be added, changed and withdrawn."""
    import openpyxl

    from ..core.schema import WORK_FIELDS

    aliases = {f.name: f.alias(lang) for f in WORK_FIELDS}
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = tr("Summary")
    summary.append([tr("Delivery"), Path(report.source).name])
    summary.append([tr("Rows read"), report.rows_read])
    summary.append([tr("Valid rows"), report.valid])
    summary.append([tr("Rows with problems (not imported)"), report.rows_with_problems])
    summary.append([tr("Rows with warnings (imported)"), report.rows_with_warnings])
    if not report.area_known:
        summary.append([tr("Municipality area unknown (no neighbourhoods): not checked"), ""])
    if plan is not None:
        summary.append([tr("Works added"), len(plan.added)])
        summary.append([tr("Works changed"), len(plan.changed)])
        summary.append([tr("Works withdrawn"), len(plan.withdrawn)])
        summary.append([tr("Works unchanged"), plan.unchanged])
    summary.append([])
    summary.append([tr("Problem"), tr("Rows")])
    for code, count in report.totals():
        summary.append([problem_title(code), count])
    for kind, words in report.unknown_values.items():
        summary.append([])
        summary.append([tr("Unknown values of {}").format(kind), tr("Rows")])
        for word, count in words:
            summary.append([word, count])
    rows = book.create_sheet(tr("Problems"))
    rows.append([tr("Row"), tr("Field"), tr("Value"), tr("Problem"), tr("Imported")])
    for problem in report.problems:
        rows.append(
            [
                problem.row_number,
                aliases.get(problem.field or "", problem.field or ""),
                problem.value or "",
                problem_text(problem),
                tr("no") if problem.error else tr("yes"),
            ]
        )
    if plan is not None:
        changes = book.create_sheet(tr("Changes"))
        changes.append([tr("Work"), tr("Reference"), tr("What"), tr("Field"), tr("Old"), tr("New")])
        for work in plan.added:
            changes.append(
                [
                    work["work_id"],
                    work.get("external_ref") or "",
                    tr("added"),
                    "",
                    "",
                    work.get("title") or "",
                ]
            )
        for change in plan.changed:
            for item in change.changes:
                changes.append(
                    [
                        change.work_id,
                        change.external_ref,
                        tr("changed"),
                        aliases.get(item.field, item.field),
                        _shown(item.old),
                        _shown(item.new),
                    ]
                )
            if change.geometry is not None:
                changes.append(
                    [change.work_id, change.external_ref, tr("changed"), tr("geometry"), "", ""]
                )
        for work in plan.withdrawn:
            changes.append(
                [
                    work.work_id,
                    work.external_ref,
                    tr("withdrawn"),
                    "",
                    work.status or "",
                    "withdrawn",
                ]
            )
    try:
        book.save(str(target))
    except OSError as error:
        logger("import").warning("Saving %s failed: %s", target, error)
        raise ProgrammeError(
            tr("Cannot write {}: the file or its folder is read-only or locked.").format(target)
        ) from None


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)
