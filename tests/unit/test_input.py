"""What a delivery holds, read as plain data: yes/no words, garbled text, odd geometry."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from programmakamer.core.interpretation import garbled, garbled_values, read_flag
from programmakamer.core.works import dimension_changes, split_collections, valid_geometries


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", True),
        (" JA ", True),
        ("x", True),
        (1, True),
        (True, True),
        ("nee", False),
        ("0", False),
        (0.0, False),
        ("", False),
        (None, False),
        ("oui", True),
        ("Nein", False),
        ("misschien", None),  # not known: the adapter reports it, never a silent "no"
        (2, None),
    ],
)
def test_yes_and_no_words_are_read_and_unknown_ones_are_told(value, expected):
    assert read_flag(value) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stedin \ufffd Netbeheer", True),  # cp1252 read as UTF-8
        ("CafÃ©", True),  # UTF-8 read as cp1252
        ("Stedin \x96 Netbeheer", True),  # cp1252 read as Latin-1
        ("Café", False),
        ("Stedin – Netbeheer", False),
        ("Gemeente Utrecht", False),
        ("Ørsted", False),
    ],
)
def test_text_decoded_with_the_wrong_encoding_is_recognised(text, expected):
    assert garbled(text) is expected


def test_garbled_values_are_counted_with_a_first_example():
    values = ["Vitens", "Stedin \ufffd Netbeheer", None, 7, "Caf\ufffd"]
    assert garbled_values(values) == (2, "Stedin \ufffd Netbeheer")


def test_a_zero_area_ring_becomes_its_outline_traced_once_and_the_change_is_told():
    ring = shapely.from_wkt("POLYGON((0 0, 50 0, 100 0, 0 0))")
    square = shapely.box(0, 1, 100, 50)
    before = np.array([ring, square], dtype=object)
    after, repaired = valid_geometries(before)
    assert repaired == [0]
    assert after[0].geom_type == "LineString" and after[0].length == pytest.approx(100.0)
    assert dimension_changes(before, after) == [(0, 2, 1)]


def test_a_polygon_keeps_its_area_and_drops_the_slivers_its_repair_leaves():
    with_sliver = shapely.from_wkt(
        "MULTIPOLYGON(((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 40 0, 20 0)))"
    )
    after, repaired = valid_geometries(np.array([with_sliver], dtype=object))
    assert repaired == [0]
    assert after[0].geom_type == "Polygon" and after[0].area == pytest.approx(100.0)
    assert dimension_changes(np.array([with_sliver]), after) == []


def test_a_line_of_one_point_becomes_a_point_and_says_so():
    line = shapely.from_wkt("LINESTRING(3 3, 3 3)")
    after, _ = valid_geometries(np.array([line], dtype=object))
    assert after[0].geom_type == "Point"
    assert dimension_changes(np.array([line]), after) == [(0, 1, 0)]


def test_collections_are_split_into_one_footprint_per_kind():
    geometry = shapely.from_wkt(
        [
            "LINESTRING(0 0, 10 0)",
            "GEOMETRYCOLLECTION(LINESTRING(0 5, 10 5), POLYGON((0 0, 1 0, 1 1, 0 0)),"
            " GEOMETRYCOLLECTION(LINESTRING(20 5, 30 5), POINT(3 3)))",
            "GEOMETRYCOLLECTION(LINESTRING(0 9, 10 9))",
        ]
    )
    footprints, origin = split_collections(geometry)
    assert origin.tolist() == [0, 1, 1, 1, 2]
    assert [g.geom_type for g in footprints] == [
        "LineString",
        "Polygon",
        "MultiLineString",
        "Point",
        "LineString",
    ]
    assert footprints[2].length == pytest.approx(20.0)


def test_geometries_without_collections_pass_unchanged():
    geometry = np.array([shapely.Point(0, 0), None], dtype=object)
    footprints, origin = split_collections(geometry)
    assert footprints is geometry and origin.tolist() == [0, 1]
