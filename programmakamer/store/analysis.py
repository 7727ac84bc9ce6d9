"""The analysis adapter: programme tables in, findings table out.

Each table is read once (attributes and WKB), converted to shapely in one call, the rules
run in core, and the findings are written in one edit session: known ids are updated,
new ones added, and ids no longer found are marked obsolete, never deleted, so the
chamber's decisions stay attached.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from qgis.core import QgsFeatureRequest

from ..core import rules
from ..core.findings import Findings
from ..core.schema import CHALLENGES, DECISIONS, FINDINGS, WORK_TABLES
from ..core.works import COLUMNS as WORK_COLUMNS
from ..core.works import Works, valid_geometries, works_from_columns
from ..translation import tr
from .columns import read_columns
from .programme import (
    ProgrammeError,
    edit_session,
    make_features,
    read_programme,
    read_stakeholders,
    read_table,
    table_layer,
)


@dataclass
class ReadReport:
    """What the adapter met on the way in: counted and listed, never silent."""

    features: int = 0
    no_geometry: int = 0
    repaired: list[str] = field(default_factory=list)


def read_geometries(layer, names: list[str] | None = None):
    """Attribute columns (all, or `names`) and one shapely geometry array, in one pass."""
    _fids, columns, geometries = read_columns(layer, names, geometry=True)
    return columns, geometries


#: The works' fields the rules read: the columns of core's Works, by stored name.
WORK_ATTRIBUTES = [
    "stakeholder_id" if name == "stakeholder" else name
    for name in WORK_COLUMNS
    if name != "geometry"
]


def read_works(path: str | Path) -> tuple[Works, ReadReport]:
    report = ReadReport()
    names = {s["stakeholder_id"]: s["name"] for s in read_stakeholders(path)}
    parts = []
    for table in WORK_TABLES:
        columns, geometries = read_geometries(table_layer(path, table.name), WORK_ATTRIBUTES)
        present = ~shapely_missing(geometries)
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


def shapely_missing(geometries: np.ndarray) -> np.ndarray:
    import shapely

    return shapely.is_missing(geometries)


def _array(values) -> np.ndarray:
    return values if isinstance(values, np.ndarray) else np.array(values, dtype=object)


def read_challenges(path: str | Path) -> rules.Challenges:
    columns, geometries = read_geometries(table_layer(path, CHALLENGES.name))
    keep = ~shapely_missing(geometries)
    return rules.Challenges(
        np.asarray(columns["challenge_id"], dtype=object)[keep],
        np.asarray(columns["title"], dtype=object)[keep],
        valid_geometries(geometries[keep])[0],
    )


def read_settings(path: str | Path) -> rules.RuleSettings:
    from ..core.schema import MORATORIUM_PERIODS, RULE_SETTINGS

    values = {r["key"]: r["value"] for r in read_table(path, RULE_SETTINGS)}
    moratorium = {r["surface_type"]: r["years"] for r in read_table(path, MORATORIUM_PERIODS)}
    return rules.RuleSettings.from_values(values, moratorium)


def accepted_combinations(path: str | Path) -> set[tuple[str, str]]:
    """Work pairs whose dig-once chance the chamber accepted (latest decision counts)."""
    findings = {r["finding_id"]: r for r in read_table(path, FINDINGS) if r["kind"] == "combine"}
    latest: dict[str, str] = {}
    for decision in sorted(
        read_table(path, DECISIONS), key=lambda d: d["decided_at"] or datetime.min
    ):
        if decision["finding_id"] in findings:
            latest[decision["finding_id"]] = decision["verdict"]
    return {
        tuple(sorted((findings[f]["work_a"], findings[f]["work_b"])))
        for f, verdict in latest.items()
        if verdict == "accepted"
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


def write_findings(path: str | Path, findings: Findings) -> WriteReport:
    """Merge findings into the programme's findings table in one commit."""
    layer = table_layer(path, FINDINGS.name)
    fields = layer.fields()
    existing = {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    for feature in layer.getFeatures(request):
        existing[feature["finding_id"]] = (feature.id(), feature["state"])
    now = datetime.now().replace(microsecond=0)
    findings.geometry = polygonal(findings.geometry)
    rows = findings.rows()
    for row in rows:
        row["state"] = "open"
        row["last_found"] = now
        row["first_found"] = now
        if row["extra"]:
            row["parameters"] = json.dumps(
                {**json.loads(row["parameters"]), **row["extra"]}, sort_keys=True
            )
    features = make_features(FINDINGS, rows, fields)
    new = [f for row, f in zip(rows, features) if row["finding_id"] not in existing]
    updates = [
        (existing[row["finding_id"]][0], f)
        for row, f in zip(rows, features)
        if row["finding_id"] in existing
    ]
    found = {row["finding_id"] for row in rows}
    gone = [
        fid for key, (fid, state) in existing.items() if key not in found and state != "obsolete"
    ]
    # first_found stays as it was: that is when the chamber first saw the finding
    kept = [fields.indexOf(f.name) for f in FINDINGS.fields if f.name != "first_found"]
    state = fields.indexOf("state")
    with edit_session(layer):
        if new and not layer.addFeatures(new):
            raise ProgrammeError(tr("Saving to {} failed: {}").format(path, tr("features refused")))
        for fid, feature in updates:
            layer.changeAttributeValues(fid, {i: feature.attribute(i) for i in kept})
            layer.changeGeometry(fid, feature.geometry())
        for fid in gone:
            layer.changeAttributeValue(fid, state, "obsolete")
    report = WriteReport()
    report.new, report.updated, report.obsolete = len(new), len(updates), len(gone)
    return report


@dataclass
class AnalysisReport:
    counts: dict[str, int]
    read: ReadReport
    written: WriteReport
    problems: object


def analyse_programme(
    path: str | Path,
    include_closed: bool = False,
    progress: Callable[[float], bool] | None = None,
) -> AnalysisReport | None:
    """All rules on a programme, findings merged into its findings table.

    `progress(percent)` is called between the steps; when it returns False the analysis
    stops before anything is written and returns None.
    """

    def going_on(percent: float) -> bool:
        return progress is None or progress(percent)

    read_programme(path)
    settings = read_settings(path)
    settings.include_closed = include_closed
    settings.validate()  # before any layer is read: a refusal holds no layer in its traceback
    works, read = read_works(path)
    if not going_on(30):
        return None
    findings = rules.analyse(works, settings, read_challenges(path), accepted_combinations(path))
    if not going_on(80):
        return None
    written = write_findings(path, findings)
    return AnalysisReport(findings.counts(), read, written, works.problems)
