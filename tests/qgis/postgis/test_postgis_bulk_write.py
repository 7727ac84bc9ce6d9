"""The findings of a PostGIS programme are written as bulk statements in one transaction.

A statement-level trigger in the test records every INSERT and UPDATE statement on the
findings table with its transaction: QGIS's provider runs one statement per feature, the
store one per kind of change. What a trigger cannot show, the time, `make bench-postgis`
measures.
"""

from __future__ import annotations

import pytest
from psycopg2 import sql
from qgis.core import QgsApplication

from programmakamer.core import rules
from programmakamer.core.schema import FINDINGS, WORK_TABLES
from programmakamer.store import copies
from programmakamer.store import programme as store
from programmakamer.store.analysis import (
    accepted_combinations,
    analyse_programme,
    read_challenges,
    read_settings,
    read_works,
    write_findings,
)
from programmakamer.store.errors import CancelledError, ProgrammeError
from programmakamer.store.location import postgis_schema
from programmakamer.store.postgis import transaction

COUNTED = """
CREATE TABLE {log} (operation text, transaction_id bigint);
CREATE FUNCTION {count}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {log} VALUES (TG_OP, txid_current());
    RETURN NULL;
END $$;
CREATE TRIGGER count_statements AFTER INSERT OR UPDATE ON {findings}
    FOR EACH STATEMENT EXECUTE FUNCTION {count}();
"""

#: The database refuses the rewrite of a changed finding (after the new ones went in).
REFUSED = """
CREATE FUNCTION {refuse}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF ST_AsBinary(NEW.geom) IS DISTINCT FROM ST_AsBinary(OLD.geom)
            OR NEW.distance_m IS DISTINCT FROM OLD.distance_m
            OR NEW.parameters IS DISTINCT FROM OLD.parameters THEN
        RAISE EXCEPTION 'no rewrites today';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER refuse_rewrites BEFORE UPDATE ON {findings}
    FOR EACH ROW EXECUTE FUNCTION {refuse}();
"""


def _run(location, statement: str) -> None:
    schema = postgis_schema(location)
    with transaction(location) as cursor:
        cursor.execute(
            sql.SQL(statement).format(
                log=sql.Identifier(schema, "statements"),
                count=sql.Identifier(schema, "count_statements"),
                refuse=sql.Identifier(schema, "refuse_rewrites"),
                findings=sql.Identifier(schema, FINDINGS.name),
            )
        )


def _statements(location) -> list[tuple[str, int]]:
    with transaction(location) as cursor:
        cursor.execute(
            sql.SQL("SELECT operation, transaction_id FROM {}").format(
                sql.Identifier(postgis_schema(location), "statements")
            )
        )
        rows = cursor.fetchall()
        cursor.execute(
            sql.SQL("TRUNCATE {}").format(sql.Identifier(postgis_schema(location), "statements"))
        )
    return rows


def _last_key(location) -> int:
    with transaction(location) as cursor:
        cursor.execute(
            "SELECT last_value FROM pg_sequences WHERE schemaname = %s AND sequencename = %s",
            (postgis_schema(location), "findings_fid_seq"),
        )
        return cursor.fetchone()[0] or 0


def _stored(location) -> list[str]:
    return sorted(map(repr, copies.read_rows(location, FINDINGS)))


def _changed_demo(path) -> None:
    """A new work beside one that meets others, and that one moved 2 m: new findings, and
    changed ones."""
    chance = next(r for r in store.read_table(path, FINDINGS) if r["kind"] == "combine")
    from qgis.core import QgsFeature

    layer = store.table_layer(path, WORK_TABLES[0].name)
    layer.startEditing()
    for feature in list(layer.getFeatures()):
        if feature["work_id"] == chance["work_b"]:
            twin = QgsFeature(feature)
            twin.setAttribute("fid", None)
            twin.setAttribute("work_id", "NEW-1")
            twin.setAttribute("stakeholder_id", 1 + feature["stakeholder_id"] % 12)
            layer.addFeature(twin)
            moved = feature.geometry()
            moved.translate(0, 2)
            layer.changeGeometry(feature.id(), moved)
    assert layer.commitChanges()


@pytest.fixture()
def analysed(demo_programme, pg_location):
    """The demo copied to PostGIS (no findings yet), statements counted from here on."""
    copies.copy_programme(demo_programme, pg_location)
    _run(pg_location, COUNTED)
    return pg_location


def test_new_findings_go_in_with_one_insert_and_changes_with_one_update_each(analysed):
    first = analyse_programme(analysed)
    statements = _statements(analysed)
    assert first.written.new > 50
    assert [op for op, _ in statements] == ["INSERT"]
    assert len(copies.read_rows(analysed, FINDINGS)) == first.written.new

    _changed_demo(analysed)
    _statements(analysed)  # the edit's own
    again = analyse_programme(analysed)
    statements = _statements(analysed)
    written = again.written
    assert written.new >= 1 and written.updated >= 1 and written.unchanged > 50
    # last_found of the unchanged, the changed and obsolete findings, the new ones
    assert sorted(op for op, _ in statements) == ["INSERT"] + ["UPDATE"] * (
        2 + (written.obsolete > 0)
    )
    assert len({txid for _, txid in statements}) == 1


def test_a_write_larger_than_a_statement_takes_goes_in_whole_in_several(analysed, monkeypatch):
    from programmakamer.store import analysis

    monkeypatch.setattr(analysis, "_PER_STATEMENT", 40)
    report = analyse_programme(analysed)
    assert [op for op, _ in _statements(analysed)] == ["INSERT"] * -(-report.written.new // 40)
    assert len(copies.read_rows(analysed, FINDINGS)) == report.written.new > 80


ODD_TEXTS = [
    "O'Brien's street; DROP TABLE findings; --",
    "back\\slash \\' and \\\\ and a tab\there",
    "dollar $$ quoted $x$ E'escape' \"double\"",
    "Ĳsselmeer – straße, café, 東京, 🚧",
    "two\nlines\r\nand % percent %s %(name)s",
]


def _findings_of(location):
    works, _ = read_works(location)
    return rules.analyse(
        works,
        read_settings(location),
        read_challenges(location),
        accepted_combinations(location),
    )


def test_texts_with_quotes_backslashes_and_other_scripts_arrive_intact(analysed):
    findings = _findings_of(analysed)
    for n, text in enumerate(ODD_TEXTS):
        findings.explanation_en[n] = text
        findings.explanation_nl[len(ODD_TEXTS) + n] = text
        findings.stakeholder_a[2 * len(ODD_TEXTS) + n] = text[:100]
    write_findings(analysed, findings)
    by_id = {r["finding_id"]: r for r in copies.read_rows(analysed, FINDINGS)}
    ids = findings.finding_id
    for n, text in enumerate(ODD_TEXTS):
        assert by_id[ids[n]]["explanation_en"] == text
        assert by_id[ids[len(ODD_TEXTS) + n]]["explanation_nl"] == text
        assert by_id[ids[2 * len(ODD_TEXTS) + n]]["stakeholder_a"] == text[:100]

    # and through the update of a changed finding
    for n, text in enumerate(ODD_TEXTS):
        findings.explanation_en[n] = text[::-1]
    report = write_findings(analysed, findings)
    assert report.updated == len(ODD_TEXTS)
    by_id = {r["finding_id"]: r for r in copies.read_rows(analysed, FINDINGS)}
    assert [by_id[ids[n]]["explanation_en"] for n in range(len(ODD_TEXTS))] == [
        t[::-1] for t in ODD_TEXTS
    ]


def test_the_same_zones_and_numbers_arrive_as_on_the_geopackage(demo_programme, analysed):
    import shapely

    analyse_programme(analysed)
    analyse_programme(demo_programme)
    on_postgis = {r["finding_id"]: r for r in copies.read_rows(analysed, FINDINGS)}
    on_geopackage = {r["finding_id"]: r for r in copies.read_rows(demo_programme, FINDINGS)}
    assert on_postgis.keys() == on_geopackage.keys()
    for key, row in on_geopackage.items():
        other = on_postgis[key]
        assert other["parameters"] == row["parameters"]
        for name in ("distance_m", "shared_length_m", "saving_eur"):
            assert other[name] == (None if row[name] is None else pytest.approx(row[name]))
        if row["geometry"] is None:
            assert other["geometry"] is None
        else:
            assert shapely.equals_exact(
                shapely.from_wkb(other["geometry"]), shapely.from_wkb(row["geometry"]), 1e-6
            )


def test_a_rewrite_refused_after_the_new_findings_went_in_leaves_the_findings_as_they_were(
    analysed,
):
    analyse_programme(analysed)
    _changed_demo(analysed)
    before = _stored(analysed)
    _run(analysed, REFUSED)
    _statements(analysed)
    keys = _last_key(analysed)
    logged = []
    log = QgsApplication.messageLog()
    log.messageReceived.connect(lambda message, tag, level: logged.append(message))
    with pytest.raises(ProgrammeError, match="no rewrites today"):
        analyse_programme(analysed)
    assert _last_key(analysed) > keys  # the new findings went in (a sequence forgets no key)
    assert _stored(analysed) == before
    # QGIS logs a refused statement whole: the refused one holds no rows (at 100,000
    # findings they are 160 MB of text)
    assert any("no rewrites today" in message for message in logged)
    assert not any('"wkb"' in message for message in logged)


def test_cancel_between_the_statements_rolls_the_write_back(analysed):
    analyse_programme(analysed)
    _changed_demo(analysed)
    before = _stored(analysed)
    _statements(analysed)
    asked = []

    def progress(done):
        """Cancel as soon as a statement has written something."""
        asked.append(done)
        return done <= 0.25

    with pytest.raises(CancelledError):
        write_findings(analysed, _findings_of(analysed), progress)
    assert 0.25 < asked[-1] < 1, asked  # told after a statement, before the last
    assert _stored(analysed) == before
