"""Each stakeholder's action list after a session: a PDF per stakeholder, ready to mail,
and a sheet per stakeholder in one workbook, both with the same sections.

What a list holds is decided in `core.action_lists`; this module reads the programme,
draws the sections and writes them as one set (`ExportSet`): all files or none. The
lists' entries are saved in the programme in the same step, inside one transaction that
also holds the files' move into place, so the next list compares with what was sent.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QMarginsF
from qgis.PyQt.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..core.action_lists import (
    ActionList,
    build_action_lists,
    safe_file_stems,
    sheet_titles,
    stored_entries,
)
from ..core.findings import euro
from ..core.horizons import HORIZON_ORDER
from ..core.periods import format_moment, format_moment_time
from ..core.schema import (
    ACTION_LISTS,
    CHALLENGES,
    DECISIONS,
    FINDINGS,
    HORIZONS,
    LISTED_ITEMS,
    PROGRAMME_STATES,
    WORK_TABLES,
    choice_label,
)
from ..log import logger
from ..store.errors import ProgrammeError
from ..store.features import make_features
from ..store.location import layer_source
from ..store.programme import (
    read_programme,
    read_stakeholders,
    read_table,
    table_layer,
    upgrade_programme,
)
from ..store.transactions import bulk_write, provider_transaction
from ..translation import language, tr
from .export_set import ExportSet
from .memo_tables import require_openpyxl

LOG = logger("export")
WORKBOOK = "actielijsten.xlsx"
PDF_PREFIX = "actielijst-"


@dataclass
class Section:
    """A part of a list: its title, a table (header and rows), and what to say when the
    table is empty."""

    title: str
    header: list[str]
    rows: list[list]
    empty: str = ""
    note: str = ""
    widths: tuple[int, ...] = ()  # of the columns on paper, in percent
    money: tuple[int, ...] = ()  # columns of amounts in euros: numbers in the workbook


@dataclass
class Heading:
    """The lines on top of every list, as on the programme map, and their language."""

    programme: str
    state: str
    exported: str
    language: str


def _cell_text(value, money: bool, lang: str) -> str:
    if value is None:
        return ""
    return euro(value, lang, approximate=False) if money else str(value)


@dataclass
class ActionListExport:
    """The files of one export, at their final places."""

    pdfs: list[Path] = field(default_factory=list)
    workbook: Path | None = None


def read_action_lists(path: str | Path, lang: str) -> list[ActionList]:
    """Every stakeholder's list from the programme and its previous lists."""
    works = [row for table in WORK_TABLES for row in read_table(path, table)]
    return build_action_lists(
        read_stakeholders(path),
        works,
        read_table(path, FINDINGS),
        read_table(path, DECISIONS),
        read_table(path, CHALLENGES),
        _previous_lists(path),
        lang,
    )


def _previous_lists(path: str | Path) -> list[dict]:
    """The entries of the lists made before; none in a programme of an earlier schema
    (read_programme has refused one of this schema that lacks the table)."""
    source, provider = layer_source(path, ACTION_LISTS.name)
    if not QgsVectorLayer(source, "", provider).isValid():
        return []
    return read_table(path, ACTION_LISTS)


def sections(action_list: ActionList, lang: str) -> list[Section]:
    """The parts of a list in their order: what changed, the works per horizon, the open
    findings, the decisions."""
    if action_list.previous_at is None:
        changes_title = tr("Changes")
        changes_note = tr("This is the first list: the next one shows what changed since.")
    else:
        changes_title = tr("Changes since the list of {}").format(
            format_moment_time(action_list.previous_at, lang)
        )
        changes_note = ""
    change_labels = {"new": tr("New"), "changed": tr("Changed"), "closed": tr("Closed")}
    parts = [
        Section(
            changes_title,
            [tr("Change"), tr("Item"), tr("What")],
            [
                [
                    change_labels[c.change],
                    choice_label(LISTED_ITEMS, c.kind, lang),
                    tr("{} (was: {})").format(c.summary, c.before) if c.before else c.summary,
                ]
                for c in action_list.changes
            ],
            tr("Nothing changed.") if action_list.previous_at is not None else "",
            changes_note,
            widths=(10, 10, 80),
        )
    ]
    for horizon in (*HORIZON_ORDER, None):
        lines = action_list.works[horizon]
        if horizon is None and not lines:
            continue
        label = (
            choice_label(HORIZONS, horizon, lang) if horizon else tr("No horizon (no start yet)")
        )
        parts.append(
            Section(
                tr("Works: {}").format(label),
                [
                    tr("Work"),
                    tr("Title"),
                    tr("Street or place"),
                    tr("Period"),
                    tr("Status"),
                    tr("Horizon set by the chamber"),
                    tr("Cost estimate (EUR)"),
                ],
                [
                    [
                        w.work_id,
                        w.title,
                        w.location,
                        w.period,
                        w.status,
                        tr("yes") if w.set_by_chamber else "",
                        w.cost,
                    ]
                    for w in lines
                ],
                tr("No works in this horizon."),
                widths=(7, 30, 14, 14, 11, 10, 14),
                money=(6,),
            )
        )
    parts.append(
        Section(
            tr("Open findings on your works"),
            [
                tr("Kind"),
                tr("Your work"),
                tr("Other party"),
                tr("Contact"),
                tr("Other work or challenge"),
                tr("Explanation"),
                tr("Decision"),
            ],
            [
                [
                    f.kind,
                    "{} {}".format(f.own_work, f.own_title),
                    f.other_party,
                    f.other_contact,
                    f.other_item,
                    f.explanation,
                    f.verdict,
                ]
                for f in action_list.findings
            ],
            tr("No open findings on your works."),
            widths=(8, 14, 11, 16, 13, 30, 8),
        )
    )
    parts.append(
        Section(
            tr("Decisions of the chamber"),
            [
                tr("Decided at"),
                tr("About"),
                tr("Decision"),
                tr("Decision text"),
                tr("Action holder"),
                tr("Contact"),
            ],
            [
                [
                    format_moment_time(d.decided_at, lang),
                    d.subject,
                    d.verdict,
                    d.text,
                    d.action_holder,
                    d.holder_contact,
                ]
                for d in action_list.decisions
            ],
            tr("No decisions."),
            widths=(11, 18, 8, 29, 14, 20),
        )
    )
    return parts


def _title(action_list: ActionList) -> str:
    return tr("Action list – {}").format(action_list.name)


def _contact_line(action_list: ActionList) -> str:
    return tr("Contact: {}").format(action_list.contact) if action_list.contact else ""


def write_pdf(action_list: ActionList, heading: Heading, parts: list[Section], target: Path):
    """The list as an A4 landscape PDF: a heading as on the programme map, then every
    section as a table; QTextDocument breaks the pages."""
    escape = html.escape
    body = [
        "<h1>{}</h1>".format(escape(_title(action_list))),
        "<p><b>{}</b><br>{}</p>".format(
            escape(heading.programme),
            escape(tr("{} · exported {}").format(heading.state, heading.exported)),
        ),
    ]
    if action_list.contact:
        body.append("<p>{}</p>".format(escape(_contact_line(action_list))))
    for part in parts:
        body.append("<p>&nbsp;</p>")  # Qt's rich text adds no margin after a table
        if not part.rows:
            body.append("<h2>{}</h2>".format(escape(part.title)))
            for text in (part.note, part.empty):
                if text:
                    body.append("<p>{}</p>".format(escape(text)))
            continue
        cells = "".join(
            '<th width="{}%">{}</th>'.format(width, escape(h))
            for h, width in zip(part.header, part.widths)
        )
        rows = [
            "<tr>{}</tr>".format(
                "".join(
                    "<td>{}</td>".format(escape(_cell_text(v, i in part.money, heading.language)))
                    for i, v in enumerate(row)
                )
            )
            for row in part.rows
        ]
        body.append(
            '<table width="98%" cellspacing="0" cellpadding="3" border="1">'
            # the title is a header row: it repeats on every page of the table and is
            # never left alone at the foot of a page
            '<thead><tr><td colspan="{}" style="border-width: 0px"><h2>{}</h2></td></tr>'
            '<tr bgcolor="#305496">{}</tr></thead>{}</table>'.format(
                len(part.header), escape(part.title), cells, "".join(rows)
            )
        )
    document = QTextDocument()
    document.setDefaultStyleSheet(
        "h1 { font-size: 16pt; } h2 { font-size: 12pt; }"
        "th { color: #ffffff; text-align: left; } table { border-color: #b0b0b0; }"
    )
    document.setDefaultFont(QFont("DejaVu Sans", 8))
    document.setHtml("<html><body>{}</body></html>".format("".join(body)))
    writer = QPdfWriter(str(target))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(_title(action_list))
    writer.setCreator(tr("Integrale Programmakamer"))
    # Without a page size of its own the document is laid out on the writer itself: type
    # in points at the PDF's resolution, 2 cm margins and a page number on every page.
    document.print_(writer)
    del writer  # the file is complete only when the writer is gone
    if not target.is_file() or target.stat().st_size == 0:
        raise OSError("QPdfWriter wrote nothing to {}".format(target))


def write_workbook(
    lists: list[ActionList], heading: Heading, parts: list[list[Section]], target: Path
) -> None:
    """A sheet per stakeholder: the heading, then every section, a title row, a header
    row and its rows, with a blank row between sections."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="305496")
    wrap = Alignment(wrap_text=True, vertical="top")
    for action_list, title, list_parts in zip(lists, sheet_titles([a.name for a in lists]), parts):
        sheet = book.create_sheet(title)
        sheet.append([_title(action_list)])
        sheet.cell(1, 1).font = Font(bold=True, size=14)
        sheet.append([heading.programme])
        sheet.append([tr("{} · exported {}").format(heading.state, heading.exported)])
        if action_list.contact:
            sheet.append([_contact_line(action_list)])
        for part in list_parts:
            sheet.append([])
            sheet.append([part.title])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
            if part.note:
                sheet.append([part.note])
            if not part.rows:
                sheet.append([part.empty])
                continue
            sheet.append(part.header)
            for cell in sheet[sheet.max_row]:
                cell.font, cell.fill = header_font, header_fill
            for row in part.rows:
                sheet.append(row)
                for index, cell in enumerate(sheet[sheet.max_row]):
                    cell.alignment = wrap
                    if index in part.money:
                        cell.number_format = "#,##0"
        for index in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 18 if index > 1 else 22
        sheet.column_dimensions["F"].width = 60  # explanations
    book.save(target)


def export_action_lists(
    path: str | Path,
    folder: str | Path,
    state: str | None = None,
    feedback=None,
    today: date | None = None,
) -> ActionListExport | None:
    """Every stakeholder's list as a PDF and a sheet of one workbook into `folder`, and the
    lists kept in the programme for the next comparison: all of it or none. PDFs of
    stakeholders that have no list any more go with the commit. None when cancelled."""
    require_openpyxl()
    info = read_programme(path)
    lang = language()
    heading = Heading(
        tr("{} – {}, reference year {}").format(info.name, info.municipality, info.reference_year),
        choice_label(PROGRAMME_STATES, state or info.state, lang),
        format_moment(today or date.today(), "day", lang),
        lang,
    )
    lists = read_action_lists(path, lang)
    if not lists:
        raise ProgrammeError(tr("The programme has no stakeholders: there is no list to make."))
    parts = [sections(a, lang) for a in lists]
    names = [
        "{}{}.pdf".format(PDF_PREFIX, stem) for stem in safe_file_stems([a.name for a in lists])
    ]
    with ExportSet(folder) as files:
        try:
            for number, (action_list, list_parts, name) in enumerate(zip(lists, parts, names)):
                write_pdf(action_list, heading, list_parts, files.path(name))
                if feedback is not None:
                    if feedback.isCanceled():
                        return None
                    feedback.setProgress(90 * (number + 1) / len(lists))
            write_workbook(lists, heading, parts, files.path(WORKBOOK))
        except OSError as error:
            raise files.cannot_write(error) from error
        for earlier in files.folder.glob("{}*.pdf".format(PDF_PREFIX)):
            if earlier.name not in names:
                files.drop(earlier.name)
        if feedback is not None and feedback.isCanceled():
            return None
        upgrade_programme(path)
        _keep_lists(path, lists, files)
    return ActionListExport([files.folder / n for n in names], files.folder / WORKBOOK)


def _keep_lists(path: str | Path, lists: list[ActionList], files: ExportSet) -> None:
    """These lists replace the earlier ones in the programme, and the files go into place,
    in one transaction: a failed move leaves the programme's earlier lists, a failed save
    the earlier files."""
    layer = table_layer(path, ACTION_LISTS.name)
    listed_at = datetime.now().replace(microsecond=0)
    rows = stored_entries(lists, listed_at)
    refusal = None
    try:
        with provider_transaction(layer) as [provider]:
            bulk_write(
                provider,
                path,
                added=make_features(ACTION_LISTS, rows, layer.fields()),
                deleted=[f.id() for f in layer.getFeatures()],
            )
            files.commit()
    except ProgrammeError as refused:
        refusal = str(refused)
    if refusal is not None:
        # raised anew without the traceback of the transaction, whose frames hold the layer:
        # kept by the caller's exception, it would be deleted after QGIS itself (a crash)
        del layer
        raise ProgrammeError(refusal)
