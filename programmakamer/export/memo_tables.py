"""The board memo's tables: an Excel workbook and CSV files of the same rows.

Sheets: one per horizon with its works, the findings with the chamber's latest decision,
and a summary of works and cost per stakeholder per horizon with the total estimated saving
of accepted dig-once chances. The writers write where they are told: an export writes them
into its ExportSet, which puts the whole set in place or none of it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..core.decisions import latest_decisions
from ..core.findings import finding_order
from ..core.horizons import HORIZON_ORDER, effective_horizon
from ..core.periods import format_period
from ..core.schema import (
    DECISIONS,
    FINDING_KINDS,
    FINDING_STATES,
    FINDINGS,
    HORIZONS,
    STATUSES,
    VERDICTS,
    WORK_TABLES,
    choice_label,
)
from ..store.columns import stakeholder_names
from ..store.errors import ProgrammeError
from ..store.programme import read_table
from ..translation import language, tr


@dataclass
class MemoTables:
    """Rows of every sheet, built once and written to both Excel and CSV."""

    horizon_rows: dict[str, list[list]]
    work_header: list[str]
    finding_header: list[str]
    finding_rows: list[list]
    summary_header: list[str]
    summary_rows: list[list]
    accepted_saving: float


#: Columns of a work's row that the summary adds up.
_STAKEHOLDER, _COST = 1, 6


def build_memo_tables(path: str | Path) -> MemoTables:
    """Every sheet's rows, read from the programme once."""
    lang = language()
    names = stakeholder_names(path)
    works = {}
    for table in WORK_TABLES:
        for row in read_table(path, table):
            works.setdefault(row["work_id"], row)  # one row per work, not per footprint
    findings = read_table(path, FINDINGS)
    decisions = latest_decisions(read_table(path, DECISIONS))
    combined, accepted_saving = _accepted_combinations(findings, decisions)
    work_header, horizon_rows = _horizon_sheets(works, names, combined, lang)
    finding_header, finding_rows = _findings_sheet(findings, decisions, lang)
    summary_header, summary_rows = _summary_sheet(horizon_rows, lang)
    return MemoTables(
        horizon_rows,
        work_header,
        finding_header,
        finding_rows,
        summary_header,
        summary_rows,
        accepted_saving,
    )


def _accepted_combinations(findings: list[dict], decisions: dict) -> tuple[dict, float]:
    """The works each work is combined with by an accepted open dig-once chance, and the
    chances' total estimated saving."""
    combined = defaultdict(set)
    accepted_saving = 0.0
    for finding in findings:
        if finding["kind"] != "combine" or finding["state"] != "open":
            continue
        verdict = decisions.get(finding["finding_id"], {}).get("verdict")
        if verdict == "accepted":
            combined[finding["work_a"]].add(finding["work_b"])
            combined[finding["work_b"]].add(finding["work_a"])
            accepted_saving += finding["saving_eur"] or 0.0
    return combined, accepted_saving


def _horizon_sheets(
    works: dict, names: dict, combined: dict, lang: str
) -> tuple[list[str], dict[str, list[list]]]:
    """A sheet per horizon (the chamber's override before the computed one): its works,
    by stakeholder."""
    header = [
        tr("Work"),
        tr("Stakeholder"),
        tr("Title"),
        tr("Street or place"),
        tr("Period"),
        tr("Status"),
        tr("Cost estimate (EUR)"),
        tr("Horizon set by the chamber"),
        tr("Combined with"),
    ]
    rows: dict[str, list[list]] = {h: [] for h in HORIZON_ORDER}
    for work_id, work in sorted(
        works.items(), key=lambda item: (names.get(item[1]["stakeholder_id"], ""), item[0])
    ):
        horizon = effective_horizon(work["horizon"], work["horizon_override"])
        if horizon not in rows:
            continue
        rows[horizon].append(
            [
                work_id,
                names.get(work["stakeholder_id"], str(work["stakeholder_id"])),
                work["title"],
                work["location"],
                format_period(
                    work["planned_start"],
                    work["start_precision"],
                    work["planned_end"],
                    work["end_precision"],
                    lang,
                ),
                choice_label(STATUSES, work["status"], lang),
                work["cost_estimate"],
                tr("yes") if work["horizon_override"] else "",
                ", ".join(sorted(combined.get(work_id, ()))),
            ]
        )
    return header, rows


def _findings_sheet(
    findings: list[dict], decisions: dict, lang: str
) -> tuple[list[str], list[list]]:
    """The findings in their order, each with the chamber's latest decision."""
    header = [
        tr("Kind"),
        tr("State"),
        tr("Explanation"),
        tr("Stakeholder A"),
        tr("Stakeholder B"),
        tr("Estimated saving (EUR)"),
        tr("Severity"),
        tr("Decision"),
        tr("Decision text"),
        tr("Action holder"),
        tr("Decided at"),
    ]
    rows = []
    for finding in sorted(
        findings, key=lambda f: finding_order(f["kind"], f["severity"], f["finding_id"])
    ):
        decision = decisions.get(finding["finding_id"], {})
        rows.append(
            [
                choice_label(FINDING_KINDS, finding["kind"], lang),
                choice_label(FINDING_STATES, finding["state"], lang),
                finding["explanation_nl"] if lang == "nl" else finding["explanation_en"],
                finding["stakeholder_a"],
                finding["stakeholder_b"],
                finding["saving_eur"],
                finding["severity"],
                choice_label(VERDICTS, decision.get("verdict"), lang),
                decision.get("decision_text"),
                decision.get("action_holder"),
                decision.get("decided_at"),
            ]
        )
    return header, rows


def _summary_sheet(horizon_rows: dict[str, list[list]], lang: str) -> tuple[list[str], list[list]]:
    """Works and cost per stakeholder per horizon, from the horizon sheets, and a total row."""
    totals = defaultdict(lambda: defaultdict(lambda: [0, 0.0]))
    for horizon in HORIZON_ORDER:
        for row in horizon_rows[horizon]:
            totals[row[_STAKEHOLDER]][horizon][0] += 1
            totals[row[_STAKEHOLDER]][horizon][1] += row[_COST] or 0.0
    header = [tr("Stakeholder")]
    for horizon in HORIZON_ORDER:
        label = choice_label(HORIZONS, horizon, lang)
        header += [tr("{}: works").format(label), tr("{}: cost (EUR)").format(label)]
    rows = []
    for stakeholder in sorted(totals):
        row = [stakeholder]
        for horizon in HORIZON_ORDER:
            count, cost = totals[stakeholder][horizon]
            row += [count, cost]
        rows.append(row)
    total_row = [tr("Total")]
    for column in range(1, len(header)):
        total_row.append(sum(row[column] for row in rows))
    rows.append(total_row)
    return header, rows


def _sheet_title(text: str) -> str:
    for character in "[]:*?/\\":
        text = text.replace(character, " ")
    return text[:31]


def require_openpyxl() -> None:
    """Refuse before anything is written, not after the map, when openpyxl is missing."""
    try:
        import openpyxl  # noqa: F401
    except ImportError as error:
        raise ProgrammeError(
            tr("The Excel export needs the Python package openpyxl; install it with pip.")
        ) from error


def write_workbook(tables: MemoTables, target: str | Path) -> Path:
    """The workbook, with header formatting, frozen panes, widths and auto-filters."""
    require_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = language()
    target = Path(target)
    book = Workbook()
    book.remove(book.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="305496")

    def sheet(title: str, header: list, rows: list, money: tuple[int, ...] = ()):
        ws = book.create_sheet(_sheet_title(title))
        ws.append(header)
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font, cell.fill = header_font, header_fill
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for index, column in enumerate(ws.columns, start=1):
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
            ws.column_dimensions[get_column_letter(index)].width = min(max(10, width + 2), 60)
            if index in money:
                for cell in column[1:]:
                    cell.number_format = "#,##0"
        return ws

    summary = sheet(
        tr("Summary"),
        tables.summary_header,
        tables.summary_rows,
        tuple(range(3, len(tables.summary_header) + 1, 2)),
    )
    summary.append([])
    summary.append(
        [tr("Estimated saving of accepted dig-once chances (EUR)"), tables.accepted_saving]
    )
    summary.cell(summary.max_row, 2).number_format = "#,##0"
    for horizon in HORIZON_ORDER:
        sheet(
            choice_label(HORIZONS, horizon, lang),
            tables.work_header,
            tables.horizon_rows[horizon],
            (7,),
        )
    sheet(tr("Findings"), tables.finding_header, tables.finding_rows, (6,))
    book.save(target)
    return target


def _csv_value(value, lang: str):
    """Numbers with a decimal comma in Dutch; None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = "{:.2f}".format(value)
        return text.replace(".", ",") if lang == "nl" else text
    return value


def write_csv(tables: MemoTables, folder: str | Path, stem: str = "programma") -> list[Path]:
    """works and findings as CSV: ';' and UTF-8 with BOM, as Dutch spreadsheets expect."""
    folder = Path(folder)
    lang = language()
    works = [
        [choice_label(HORIZONS, horizon, lang)] + row
        for horizon in HORIZON_ORDER
        for row in tables.horizon_rows[horizon]
    ]
    written = []
    for name, header, rows in (
        ("{}-werken.csv".format(stem), [tr("Horizon")] + tables.work_header, works),
        ("{}-bevindingen.csv".format(stem), tables.finding_header, tables.finding_rows),
    ):
        target = folder / name
        with target.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(header)
            writer.writerows([[_csv_value(v, lang) for v in row] for row in rows])
        written.append(target)
    return written
