"""The one order in which the chamber reads findings (panel and memo alike)."""

from programmakamer.core.findings import finding_order
from programmakamer.core.schema import FINDING_KINDS


def ordered(findings):
    return [f[2] for f in sorted(findings, key=lambda f: finding_order(*f))]


def test_kinds_follow_the_schema_with_dig_once_chances_first_and_unknown_kinds_last():
    findings = [("hotspot", 9.0, "h"), ("someday", 99.0, "x"), ("clash", 1.0, "c")]
    findings += [("combine", 0.5, "m")]
    assert FINDING_KINDS[0].value == "combine"
    assert ordered(findings) == ["m", "c", "h", "x"]


def test_within_a_kind_the_most_severe_comes_first_and_no_severity_counts_as_none():
    findings = [
        ("clash", 2.0, "mild"),
        ("clash", None, "unknown"),
        ("clash", 12.0, "severe"),
        ("clash", float("nan"), "not a number"),
    ]
    assert ordered(findings) == ["severe", "mild", "not a number", "unknown"]


def test_findings_of_equal_kind_and_severity_are_ordered_by_id():
    findings = [("hotspot", 4.0, "hotspot-b"), ("hotspot", 4.0, "hotspot-a")]
    assert ordered(findings) == ["hotspot-a", "hotspot-b"]
    assert ordered(findings[::-1]) == ["hotspot-a", "hotspot-b"]
