"""The team's checklist of bad inputs and faults (docs/CHECKLIST.md), made executable.

Every row of the checklist names the tests that show the plugin survives it; this file
checks that the list and the rows agree and that each named test exists, so a row can
neither be forgotten nor point at a test that was renamed away. The named tests run in
this suite like any other. Rows that belong to a later issue are skipped with the issue's
name (`pytest -rs` lists them), never left out. Cases no other file covers are tested
here, below the table.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from programmakamer.core.schema import DECISIONS
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.errors import ProgrammeError

from .helpers import read_only

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "docs" / "CHECKLIST.md"
HERE = "tests/qgis/test_checklist.py"

#: Each checklist row (its first cell) and the tests that walk it, or the issue it waits for.
ROWS: dict[str, list[str] | str] = {
    "empty layer, 1 feature": [
        "tests/qgis/test_rule_algorithms.py::test_an_empty_layer_gives_an_empty_result",
        "tests/unit/test_rules.py::test_an_empty_programme_and_a_single_work_give_no_findings",
        "tests/qgis/test_analysis.py::test_a_new_programme_analyses_to_no_findings_with_a_clear_report",
        "tests/qgis/test_columns.py::test_every_empty_table_reads_as_empty_columns_of_every_kind",
    ],
    "NULL or empty geometry": [
        "tests/qgis/test_rule_input.py::test_features_without_geometry_are_a_warning_not_an_error",
    ],
    "self-intersecting polygon, bow-tie, zero-area ring": [
        "tests/unit/test_rules.py::test_an_invalid_bowtie_is_repaired_and_listed",
        "tests/qgis/test_rule_input.py::test_a_zero_area_ring_is_flagged_and_measured_as_the_line_it_is",
        "tests/unit/test_input.py::test_a_zero_area_ring_becomes_its_outline_traced_once_and_the_change_is_told",
    ],
    "multipart with far-apart parts; line inside polygon": [
        "tests/unit/test_pair_search.py::test_bulk_pair_search_finds_exactly_the_pairs_plain_distance_finds",
        "tests/unit/test_rules.py::test_footprints_of_one_work_never_pair_with_each_other",
    ],
    "curved, Z/M, GeometryCollection": [
        "tests/qgis/test_rule_input.py::test_curved_lines_with_z_and_m_are_made_straight_and_flat",
        "tests/qgis/test_rule_input.py::test_a_layer_of_geometry_collections_is_read_with_its_crs_and_split_by_kind",
    ],
    "layers in different CRS, geographic CRS, EPSG:3857": [
        "tests/qgis/test_rule_algorithms.py::test_a_messy_delivery_in_wgs84_gives_the_chance_in_metres",
        "tests/qgis/test_rule_input.py::test_a_web_mercator_layer_is_measured_on_the_ground_not_in_mercator_metres",
        "tests/qgis/test_rule_input.py::test_an_undefined_crs_holding_degrees_is_refused",
        "tests/qgis/test_rule_input.py::test_works_outside_the_netherlands_are_measured_in_their_utm_zone",
        "tests/qgis/test_export.py::test_exportprogramme_makes_a_page_per_wijk_of_a_layer_in_another_crs",
    ],
    "distance 0, negative, NaN, huge (N² pairs)": [
        "tests/unit/test_rules.py::test_bad_distances_are_refused",
        "tests/unit/test_pair_search.py::test_an_explosion_of_pairs_is_refused_before_it_is_built",
    ],
    'dates dd-mm-jjjj, d-m-jj, "3 mrt 2025", ISO, Excel serials (1900/1904), Q3 2027': [
        "tests/unit/test_periods.py::test_delivery_dates_are_read_with_their_precision",
        "tests/unit/test_periods.py::test_dates_are_read_in_their_explicit_formats",
        "tests/unit/test_periods.py::test_an_explicit_format_reads_nothing_else",
        "tests/unit/test_periods.py::test_excel_day_numbers_are_read_in_the_system_the_caller_names",
        "tests/qgis/test_rule_input.py::test_dutch_dates_are_day_month_year_and_ambiguous_ones_are_flagged_per_row",
        "tests/qgis/test_rule_input.py::test_date_problems_are_told_in_our_own_words_once",
    ],
    "end before start, open-ended, empty dates": [
        "tests/unit/test_rules.py::test_periods_with_problems_are_reported_not_dropped_silently",
        "tests/qgis/test_rule_input.py::test_open_ended_works_are_reported_with_their_count",
    ],
    "CSV cp1252, UTF-8 BOM, `;`, decimal comma, quoted newlines, one column": [
        "tests/qgis/test_rule_input.py::test_a_cp1252_csv_read_as_utf8_is_warned_about_with_the_field_and_the_fix",
        "tests/qgis/test_rule_input.py::test_a_cp1252_csv_with_its_encoding_set_reads_clean",
        "tests/qgis/test_import.py::test_a_csv_from_a_dutch_excel_is_read_and_its_bad_rows_told",
        "tests/qgis/test_import.py::test_encoding_and_separator_can_be_overridden_and_a_wrong_encoding_is_refused",
    ],
    "Excel leading zeros, hidden/merged rows, formula errors, several sheets, locked file": [
        "tests/qgis/test_import.py::test_an_excel_list_keeps_leading_zeros_and_tells_hidden_rows_and_formula_errors",
        "tests/qgis/test_import.py::test_day_numbers_in_general_cells_are_read_in_the_workbooks_own_system",
        HERE + "::test_a_workbook_of_several_sheets_reads_the_first_with_rows_or_the_one_named",
        HERE + "::test_a_workbook_cut_off_while_excel_saved_it_is_refused_in_one_sentence",
    ],
    "GeoPackage read-only, on a network share, leftover -wal, corrupt": [
        "tests/qgis/test_store_faults.py::test_a_read_only_programme_is_refused_before_the_analysis_starts",
        "tests/qgis/test_store_faults.py::test_a_programme_with_a_damaged_page_is_refused_before_anything_is_written",
        "tests/qgis/test_analysis.py::test_a_truncated_programme_is_refused_with_a_message",
        HERE + "::test_a_leftover_wal_is_read_and_nothing_it_holds_is_lost",
        HERE + "::test_a_read_only_programme_with_a_leftover_wal_is_refused_and_untouched",
    ],
    "disk full or kill during commit": [
        "tests/qgis/test_analysis.py::test_a_process_killed_inside_the_transaction_leaves_the_findings_as_they_were",
        "tests/qgis/test_analysis.py::test_a_write_failing_halfway_leaves_no_findings",
        "tests/qgis/test_export.py::test_a_full_disk_while_writing_names_the_file_and_changes_nothing",
    ],
    "two users editing one PostGIS row": [
        "tests/qgis/postgis/test_postgis_history.py::test_the_second_of_two_saves_of_one_work_is_refused_with_who_and_when",
        "tests/qgis/postgis/test_postgis_history.py::test_a_plain_update_moves_the_version_on_and_a_stale_one_is_refused",
        "tests/qgis/test_dock.py::test_saving_a_move_that_someone_else_changed_meanwhile_asks_whose_horizon_stays",
        "tests/qgis/test_store_faults.py::test_two_analyses_writing_together_store_each_finding_once",
    ],
    "the same in a QGIS transaction group (edits sent at once, one long transaction)": [
        "tests/qgis/postgis/test_postgis_transaction_group.py::test_a_work_a_colleague_saved_since_editing_began_is_refused_and_the_rest_is_saved",
        "tests/qgis/postgis/test_postgis_transaction_group.py::test_a_deletion_of_a_work_a_colleague_saved_since_editing_began_is_refused",
        "tests/qgis/postgis/test_postgis_transaction_group.py::test_saves_from_before_the_session_and_the_sessions_own_edits_go_through_as_one_save",
    ],
    "plugin reloaded 5×, uninstalled": [
        "tests/qgis/test_plugin.py::test_load_and_unload_five_times_leaves_nothing_behind",
        "tests/qgis/test_plugin.py::test_an_action_fires_once_after_reloads",
    ],
    "cancel at 50 %": [
        "tests/qgis/test_rule_algorithms.py::test_a_cancelled_run_writes_nothing",
        "tests/qgis/test_analysis.py::test_a_cancelled_analysis_writes_nothing",
        "tests/qgis/test_store_faults.py::test_cancel_while_writing_rolls_the_whole_write_back",
        "tests/qgis/test_export.py::test_a_cancelled_export_leaves_the_earlier_one_whole",
    ],
    "export to a locked PDF, huge page at high DPI": [
        "tests/qgis/test_export.py::test_a_read_only_file_of_the_earlier_export_stops_the_whole_export",
        "tests/qgis/test_export.py::test_a_huge_page_at_high_dpi_is_refused",
        "tests/qgis/test_export.py::test_horizon_pages_exported_many_times_in_one_process_never_crash",
    ],
    "missing or old shapely / GEOS": [
        "tests/qgis/test_plugin.py::test_a_missing_shapely_gives_a_message_naming_the_package",
    ],
}


def checklist_rows() -> list[str]:
    rows = []
    for line in CHECKLIST.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in ("input / event", "") and "---" not in line:
            rows.append(cells[0])
    return rows


@cache
def functions_in(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}


def test_every_row_of_the_checklist_is_walked_and_nothing_else():
    assert checklist_rows() == list(ROWS)


@pytest.mark.parametrize("row", list(ROWS))
def test_the_tests_of_a_checklist_row_exist(row):
    walked = ROWS[row]
    if isinstance(walked, str):
        pytest.skip("checklist row {!r} waits for {}".format(row, walked))
    assert walked, row
    for node in walked:
        path, name = node.split("::")
        assert name in functions_in(path), "{} names {}, which does not exist".format(row, node)


CRASHED_WRITER = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("PRAGMA journal_mode=WAL")
connection.execute("PRAGMA wal_autocheckpoint=0")
connection.execute(
    "INSERT INTO decisions (finding_id, verdict, decision_text, decided_at) "
    "VALUES ('f-wal', 'accepted', 'only in the wal', '2026-11-12T14:00:00Z')"
)
connection.commit()
os._exit(0)
"""


def leave_a_wal(path: Path) -> None:
    """A writer that died after its commit and before the checkpoint (QGIS killed while
    a GeoPackage was open in WAL mode): the decision lives only in the -wal file."""
    subprocess.run([sys.executable, "-c", CRASHED_WRITER, str(path)], check=True)
    assert Path(str(path) + "-wal").stat().st_size > 0


def test_a_leftover_wal_is_read_and_nothing_it_holds_is_lost(demo_programme):
    leave_a_wal(demo_programme)
    assert [r["finding_id"] for r in store.read_table(demo_programme, DECISIONS)] == ["f-wal"]
    analyse_programme(demo_programme)
    assert [r["finding_id"] for r in store.read_table(demo_programme, DECISIONS)] == ["f-wal"]


def test_a_read_only_programme_with_a_leftover_wal_is_refused_and_untouched(demo_programme):
    leave_a_wal(demo_programme)
    files = sorted(demo_programme.parent.glob(demo_programme.name + "*"))
    before = {f: f.read_bytes() for f in files}
    with read_only(demo_programme.parent, *files):
        with pytest.raises(ProgrammeError, match="read-only") as refused:
            analyse_programme(demo_programme)
    assert "OGR" not in str(refused.value) and "sqlite" not in str(refused.value).lower()
    assert {f: f.read_bytes() for f in files} == before


def test_a_workbook_of_several_sheets_reads_the_first_with_rows_or_the_one_named(tmp_path):
    import openpyxl

    from programmakamer.store.delivery import SourceOptions, read_source

    book = openpyxl.Workbook()
    book.active.title = "Toelichting"  # a cover sheet with one line of text, no list
    book.active["A1"] = "Aanlevering riolering, zie tabblad Planning"
    hidden = book.create_sheet("Oud")
    hidden.append(["kenmerk", "titel"])
    hidden.append(["R-1", "vervallen plan"])
    hidden.sheet_state = "hidden"
    planning = book.create_sheet("Planning")
    planning.append(["kenmerk", "titel"])
    planning.append(["0042", "Riool Dorpsstraat"])
    path = tmp_path / "riolering.xlsx"
    book.save(path)
    table = read_source(path)
    assert (table.sheet, table.rows) == (
        "Planning",
        [{"kenmerk": "0042", "titel": "Riool Dorpsstraat"}],
    )
    assert read_source(path, SourceOptions(sheet="Oud")).rows[0]["kenmerk"] == "R-1"
    with pytest.raises(
        ProgrammeError, match="has no sheet Plan 2028 \\(sheets: Toelichting, Oud, Planning\\)"
    ):
        read_source(path, SourceOptions(sheet="Plan 2028"))


def test_a_workbook_cut_off_while_excel_saved_it_is_refused_in_one_sentence(tmp_path):
    import openpyxl

    from programmakamer.store.delivery import read_source

    book = openpyxl.Workbook()
    book.active.append(["kenmerk", "titel"])
    whole = tmp_path / "whole.xlsx"
    book.save(whole)
    cut = tmp_path / "planning.xlsx"
    cut.write_bytes(whole.read_bytes()[:700])  # a save that did not finish: half a zip
    (tmp_path / "~$planning.xlsx").write_bytes(b"\x0bJan Jansen")  # Excel's lock file beside
    with pytest.raises(ProgrammeError, match="planning.xlsx cannot be read as an Excel workbook"):
        read_source(cut)
