"""The programme as a web map: one folder that opens in any browser, from disk or a server.

Everyone involved sees the programme without QGIS. The folder holds index.html, the map
library (OpenLayers, vendored into the plugin at set-up), the page's script and styles,
the municipality's logo and the programme's data as a script file: a page opened from
disk (file://) may not fetch() local files, but it may load scripts.

The data is columnar (one list per attribute), so the page reads 50,000 works without
building an object per value, and written as JSON.parse('…'), which browsers read faster
than a script's object. Geometries are in EPSG:4326, rounded to 6 decimals (about 0.1 m):
the works' as shapely's ragged arrays of coordinate steps, the few areas as GeoJSON.
Texts come in both languages, so the reader can switch: the page's own strings are the
plugin's translation (Dutch from its .qm file), labels come from the schema, explanations
from the findings. Private fields are left out on request: contacts
by default, costs and notes when the chamber says so. The folder is written as one set
(ExportSet): a failure leaves the earlier publication as it was.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

import numpy as np
from osgeo import osr
from qgis.PyQt.QtCore import QTranslator

from ..core.decisions import latest_decisions
from ..core.findings import euros
from ..core.horizons import HORIZON_ORDER, effective_horizon
from ..core.periods import format_moment, format_moment_time, format_period
from ..core.schema import (
    CHALLENGE_KINDS,
    CHALLENGES,
    DECISIONS,
    DISCIPLINES,
    FINDING_KINDS,
    FINDINGS,
    HORIZONS,
    NEIGHBOURHOODS,
    PROGRAMME_STATES,
    STAKEHOLDERS,
    STATUSES,
    STREETS,
    VERDICTS,
    WORK_TABLES,
    Choice,
    choice_label,
)
from ..log import logger
from ..store.columns import read_stored
from ..store.errors import ProgrammeError
from ..store.programme import read_programme, read_table
from ..store.styles import (
    FINDING_COLOURS,
    HORIZON_COLOURS,
    NO_HORIZON_COLOUR,
    REFERENCE_COLOURS,
)
from ..translation import CONTEXT, I18N_DIR, tr
from .export_set import ExportSet
from .programme_map import _logo

LOG = logger("export")
WEB = Path(__file__).resolve().parent.parent / "web"
VENDOR = WEB / "vendor"
#: What a publication can leave out; contacts are left out unless asked for.
PRIVATE_FIELDS = ("contacts", "costs", "notes")
DEFAULT_LEFT_OUT = ("contacts",)
LANGUAGES = ("nl", "en")
DECIMALS = 6  # degrees: about 0.1 m, more than a map on a screen needs
PAGE = "index.html"
DATA = "programmakaart-data.js"
#: The findings, loaded after the map is drawn: a third of the data, needed only on a click.
FINDINGS_DATA = "programmakaart-findings.js"
#: The page's own files, copied as they are from the plugin (the library with its licence).
STATIC = (
    (WEB / "programmakaart.js", "programmakaart.js"),
    (WEB / "programmakaart.css", "programmakaart.css"),
    (VENDOR / "ol.js", "ol.js"),
    (VENDOR / "ol.css", "ol.css"),
    (VENDOR / "ol-LICENSE.md", "ol-LICENSE.md"),
)
LOGO_STEM = "logo"


@dataclass
class Publication:
    """What was written: the page, and what it shows."""

    page: Path
    works: int
    parts: int
    findings: int
    left_out: tuple[str, ...]


def page_texts(tr) -> dict[str, str]:
    """The page's strings, through `tr` (the plugin's translation into one language);
    `{}` is filled in by the page."""
    return {
        "title": tr("{} – {}, reference year {}"),
        "subtitle": tr("{} · published {}"),
        "filters": tr("Filters"),
        "stakeholder": tr("Stakeholder"),
        "all_stakeholders": tr("All stakeholders"),
        "horizon": tr("Horizon"),
        "all_horizons": tr("All horizons"),
        "year": tr("Year"),
        "all_years": tr("All years"),
        "previous_year": tr("Previous year"),
        "next_year": tr("Next year"),
        "search": tr("Search"),
        "search_hint": tr("Title, street or work id"),
        "shown": tr("{} of {} works shown"),
        "style": tr("Colour works by"),
        "by_horizon": tr("Horizon"),
        "by_stakeholder": tr("Stakeholder"),
        "legend": tr("Legend"),
        "override": tr("Horizon set by the chamber"),
        "no_horizon": tr("No horizon (done, cancelled, undated)"),
        "challenges": tr("Challenges"),
        "hotspots": tr("Hotspots"),
        "accepted": tr("Accepted dig-once chances"),
        "neighbourhoods": tr("Neighbourhoods"),
        "streets": tr("Streets"),
        "background": tr("Background map (internet)"),
        "no_background": tr("None (works offline)"),
        "pdok": tr("PDOK BRT achtergrondkaart"),
        "osm": tr("OpenStreetMap"),
        "close": tr("Close"),
        "work": tr("Work"),
        "title_field": tr("Title"),
        "location": tr("Street or place"),
        "period": tr("Period"),
        "status": tr("Status"),
        "cost": tr("Cost estimate"),
        "description": tr("Description"),
        "contact": tr("Contact"),
        "chamber_horizon": tr("Horizon set by the chamber: {} (computed: {})"),
        "reason": tr("Reason: {}"),
        "findings": tr("Open findings"),
        "no_findings": tr("No open findings."),
        "loading": tr("Loading the findings…"),
        "decision": tr("Latest decision: {} on {}"),
        "action_holder": tr("Action: {}"),
        "no_decision": tr("No decision yet."),
        "saving": tr("Estimated saving: {}"),
        "other_work": tr("Show the other work: {}"),
        "no_works": tr("No works match the filters."),
    }


def _dutch(source: str, translator: QTranslator) -> str:
    # bytes: PyQt5 would encode a str for QTranslator's char* as ASCII
    return translator.translate(CONTEXT.encode(), source.encode("utf-8")) or source


def both_languages() -> dict[str, dict[str, str]]:
    """The page's strings in English (the source) and Dutch (the plugin's .qm), whatever
    language QGIS runs in."""
    translator = QTranslator()
    qm = I18N_DIR / "programmakamer_nl.qm"
    if not translator.load(str(qm)):
        raise ProgrammeError(
            tr("The Dutch translation of the plugin is missing ({}).").format(qm.name)
        )
    return {
        "en": page_texts(lambda s: s),
        "nl": page_texts(lambda s: _dutch(s, translator)),
    }


def _labels(choices: tuple[Choice, ...]) -> dict[str, dict[str, str]]:
    return {c.value: {"en": c.en, "nl": c.nl} for c in choices}


class _Transform:
    """From the programme's CRS to longitude/latitude, a whole array of points at once."""

    def __init__(self, crs: str):
        source = osr.SpatialReference()
        if source.SetFromUserInput(crs) != 0:
            raise ProgrammeError(tr("Unknown coordinate reference system: {}").format(crs))
        target = osr.SpatialReference()
        target.ImportFromEPSG(4326)
        for reference in (source, target):
            reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self._transform = osr.CoordinateTransformation(source, target)

    def __call__(self, xy: np.ndarray) -> np.ndarray:
        if len(xy) == 0:
            return xy
        points = np.asarray(self._transform.TransformPoints(np.ascontiguousarray(xy)))
        return np.round(points[:, :2], DECIMALS)

    def ragged(self, geometries: list) -> str:
        """Geometries of one family (points, lines or polygons, single or multi) as JSON of
        shapely's ragged arrays in longitude/latitude: one flat list of coordinates in
        millionths of a degree, each the difference from the one before (small numbers:
        a third of the size of GeoJSON, and the page reads it ten times faster)."""
        import shapely

        moved = shapely.transform(np.asarray(geometries, dtype=object), self)
        kind, coordinates, offsets = shapely.to_ragged_array(moved, include_z=False)
        # x and y only: under qgis_process (QGIS's GEOS loaded first) a z column came too
        micro = np.rint(coordinates[:, :2] * 10**DECIMALS).astype("int64")
        steps = np.diff(micro, axis=0, prepend=np.zeros((1, 2), dtype="int64")).reshape(-1)
        return '{{"type":{},"offsets":{},"coords":[{}]}}'.format(
            int(kind), _json([o.tolist() for o in offsets]), ",".join(map(str, steps.tolist()))
        )

    def geojson(self, geometries: np.ndarray) -> list[str]:
        """GeoJSON of each geometry in longitude/latitude ("null" for a missing one)."""
        import shapely

        moved = shapely.force_2d(shapely.transform(np.asarray(geometries, dtype=object), self))
        return [
            "null" if text is None else text
            for text in shapely.to_geojson(moved).tolist()  # type: ignore[union-attr]
        ]


def _json(value) -> str:
    """JSON as a script can hold it: ASCII only, so the page's encoding never matters, and
    no "<", so no text of the data can close a script element if the data is inlined."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")


def _years(days: np.ndarray) -> list[int | None]:
    years = days.astype("datetime64[Y]").astype("int64") + 1970
    return [None if np.isnat(d) else int(y) for d, y in zip(days, years)]


def _dates(days: np.ndarray) -> list[date | None]:
    return [None if np.isnat(d) else d.astype(date) for d in days]


def collect(path: str | Path, left_out=DEFAULT_LEFT_OUT, state: str = "draft", today=None):
    """The page's data as a JSON-ready dict, and the geometries as JSON texts kept aside
    (joined into the script as they are: building them as dicts costs seconds)."""
    unknown = sorted(set(left_out) - set(PRIVATE_FIELDS))
    if unknown:
        raise ProgrammeError(tr("Unknown private fields: {}").format(", ".join(unknown)))
    info = read_programme(path)
    transform = _Transform(info.crs)
    _, people, _ = read_stored(path, STAKEHOLDERS)
    order = sorted(range(len(people["stakeholder_id"])), key=lambda i: people["name"][i] or "")
    index_of = {people["stakeholder_id"][i]: n for n, i in enumerate(order)}
    stakeholders = [
        {
            "name": people["name"][i],
            "discipline": people["discipline"][i],
            "colour": people["colour"][i] or NO_HORIZON_COLOUR,
            "contact": None if "contacts" in left_out else people["contact"][i],
        }
        for i in order
    ]
    works, parts = _works(path, index_of, left_out)
    findings, areas = _findings(path, works, left_out)
    reference = _reference_layers(path)
    published = today or date.today()
    data = {
        "programme": {
            "name": info.name,
            "municipality": info.municipality,
            "reference_year": info.reference_year,
            "state": {lang: choice_label(PROGRAMME_STATES, state, lang) for lang in LANGUAGES},
            "published": {lang: format_moment(published, "day", lang) for lang in LANGUAGES},
        },
        "texts": both_languages(),
        "labels": {
            "horizon": _labels(HORIZONS),
            "status": _labels(STATUSES),
            "kind": _labels(FINDING_KINDS),
            "verdict": _labels(VERDICTS),
            "discipline": _labels(DISCIPLINES),
            "challenge": _labels(CHALLENGE_KINDS),
        },
        "colours": {
            "horizon": dict(HORIZON_COLOURS),
            "none": NO_HORIZON_COLOUR,
            "finding": dict(FINDING_COLOURS),
            "reference": dict(REFERENCE_COLOURS),
        },
        "horizons": list(HORIZON_ORDER),
        "stakeholders": stakeholders,
        "works": works["columns"],
        "parts": {"work": parts["work"]},
        "findings": findings,
        "areas": {k: v for k, v in reference.items() if k != "geometry"},
        "left_out": list(left_out),
    }
    drawn = findings.pop("drawn")
    data["areas"]["finding_index"] = drawn
    data["areas"]["finding_kind"] = [findings["kind"][i] for i in drawn]
    geometry = {
        "parts": [transform.ragged(group) for group in parts["groups"] if len(group)],
        "reference": transform.geojson(reference["geometry"]),
        "findings": transform.geojson(areas),
    }
    return data, geometry, works["count"], len(parts["work"])


WORK_COLUMNS = [
    "work_id",
    "stakeholder_id",
    "title",
    "description",
    "location",
    "planned_start",
    "start_precision",
    "planned_end",
    "end_precision",
    "status",
    "cost_estimate",
    "horizon",
    "horizon_override",
    "horizon_reason",
]


def _works(path, index_of: dict, left_out):
    """A record per work (a work may have several features, in several tables) and a
    drawn part per feature with a geometry."""
    import shapely

    from ..core.works import split_collections  # here: the plugin loads without shapely 2

    rows: dict[str, int] = {}
    columns: dict[str, list] = {
        "id": [],
        "stakeholder": [],
        "title": [],
        "location": [],
        "period_en": [],
        "period_nl": [],
        "first_year": [],
        "last_year": [],
        "status": [],
        "horizon": [],
        "computed": [],
        "override": [],
        "reason": [],
    }
    if "costs" not in left_out:
        columns["cost_en"], columns["cost_nl"] = [], []
    if "notes" not in left_out:
        columns["description"] = []
    part_work: list[int] = []
    part_geometry = []
    for table in WORK_TABLES:
        _, c, geometries = read_stored(path, table, WORK_COLUMNS, geometry=True)
        starts, ends = c["planned_start"], c["planned_end"]
        first, last = _years(starts), _years(ends)
        start_days, end_days = _dates(starts), _dates(ends)
        for i, work_id in enumerate(c["work_id"]):
            if work_id not in rows:
                rows[work_id] = len(columns["id"])
                horizon = effective_horizon(c["horizon"][i], c["horizon_override"][i])
                periods = {
                    lang: format_period(
                        start_days[i],
                        c["start_precision"][i],
                        end_days[i],
                        c["end_precision"][i],
                        lang,
                    )
                    for lang in LANGUAGES
                }
                columns["id"].append(work_id)
                columns["stakeholder"].append(index_of.get(c["stakeholder_id"][i], -1))
                columns["title"].append(c["title"][i])
                columns["location"].append(c["location"][i])
                columns["period_en"].append(periods["en"])
                columns["period_nl"].append(periods["nl"])
                columns["first_year"].append(first[i])
                columns["last_year"].append(last[i] if last[i] is not None else first[i])
                columns["status"].append(c["status"][i])
                columns["horizon"].append(horizon)
                columns["computed"].append(c["horizon"][i])
                columns["override"].append(c["horizon_override"][i])
                columns["reason"].append(c["horizon_reason"][i])
                if "costs" not in left_out:
                    columns["cost_en"].append(c["cost_estimate"][i])
                if "notes" not in left_out:
                    columns["description"].append(c["description"][i])
            if geometries[i] is not None:
                part_work.append(rows[work_id])
                part_geometry.append(geometries[i])
    if "costs" not in left_out:
        amounts = columns.pop("cost_en")
        known = [a for a in amounts if a is not None]
        texts = {lang: iter(euros(known, lang)) for lang in LANGUAGES}
        for lang in LANGUAGES:
            columns["cost_" + lang] = [None if a is None else next(texts[lang]) for a in amounts]
    # one group per geometry family, areas first so lines and points lie on top; a
    # collection gives a part per family it holds
    shapes, origin = split_collections(shapely.force_2d(np.array(part_geometry, dtype=object)))
    owners = np.array(part_work, dtype="int64")[origin]
    dimensions = shapely.get_dimensions(shapes)
    groups, drawn_work = [], []
    for dimension in (2, 1, 0):
        chosen = np.flatnonzero(dimensions == dimension)
        groups.append(shapes[chosen])
        drawn_work.extend(owners[chosen].tolist())
    return {"columns": columns, "count": len(columns["id"]), "rows": rows}, {
        "work": drawn_work,
        "groups": groups,
    }


def _findings(path, works: dict, left_out):
    """The open findings that involve a work, each with its latest decision; the areas
    of hotspots and accepted dig-once chances to draw."""
    names = FINDINGS.field_names
    wanted = [
        n
        for n in names
        if n not in ("parameters", "first_found", "last_found", "distance_m", "severity")
    ]
    _, f, geometries = read_stored(path, FINDINGS, wanted, geometry=True)
    decisions = latest_decisions(read_table(path, DECISIONS))
    rows = works["rows"]
    out: dict[str, list] = {
        "id": [],
        "kind": [],
        "work_a": [],
        "work_b": [],
        "explanation_en": [],
        "explanation_nl": [],
        "verdict": [],
        "decided_en": [],
        "decided_nl": [],
        "decision": [],
        "action_holder": [],
    }
    if "costs" not in left_out:
        out["saving_en"], out["saving_nl"] = [], []
    drawn, areas = [], []
    work_findings: list[list[int]] = [[] for _ in range(works["count"])]
    for i, finding_id in enumerate(f["finding_id"]):
        if f["state"][i] != "open":
            continue
        decision = decisions.get(finding_id) or {}
        number = len(out["id"])
        out["id"].append(finding_id)
        out["kind"].append(f["kind"][i])
        for side in ("work_a", "work_b"):
            row = rows.get(f[side][i], -1) if f[side][i] else -1
            out[side].append(row)
            if row >= 0:
                work_findings[row].append(number)
        out["explanation_en"].append(f["explanation_en"][i])
        out["explanation_nl"].append(f["explanation_nl"][i])
        out["verdict"].append(decision.get("verdict"))
        for lang in LANGUAGES:
            moment = decision.get("decided_at")
            out["decided_" + lang].append(format_moment_time(moment, lang) if decision else None)
        out["decision"].append(None if "notes" in left_out else decision.get("decision_text"))
        out["action_holder"].append(
            None if "contacts" in left_out else decision.get("action_holder")
        )
        if "costs" not in left_out:
            saving = f["saving_eur"][i]
            for lang in LANGUAGES:
                out["saving_" + lang].append(None if not saving else euros([saving], lang)[0])
        accepted = f["kind"][i] == "combine" and decision.get("verdict") == "accepted"
        if geometries[i] is not None and (f["kind"][i] == "hotspot" or accepted):
            drawn.append(number)
            areas.append(geometries[i])
    works["columns"]["findings"] = work_findings
    out["drawn"] = drawn
    return out, areas


def _reference_layers(path) -> dict:
    """Streets and neighbourhoods for the base map, and the challenge areas."""
    geometry = []
    result: dict[str, list] = {}
    for table, label_field, kind_field in (
        (NEIGHBOURHOODS, "name", None),
        (STREETS, "street_name", "road_class"),
        (CHALLENGES, "title", "kind"),
    ):
        names = [label_field] + ([kind_field] if kind_field else [])
        _, columns, shapes = read_stored(path, table, names, geometry=True)
        present = [i for i, s in enumerate(shapes) if s is not None]
        result[table.name] = {
            "label": [columns[label_field][i] for i in present],
            "kind": [columns[kind_field][i] for i in present] if kind_field else [],
            "first": len(geometry),
        }
        geometry.extend(shapes[i] for i in present)
    result["geometry"] = geometry
    return result


def data_script(data: dict, geometry: dict[str, list[str]]) -> str:
    """The data as a script: the dict as JSON (its findings apart), the geometries' JSON
    texts joined in."""
    rest = {k: v for k, v in data.items() if k != "findings"}
    return "window.PROGRAMMAKAART = {};\nwindow.PROGRAMMAKAART.geometry = {};\n".format(
        _parsed(_json(rest)),
        _parsed(
            "{{{}}}".format(
                ",".join(
                    '"{}":[{}]'.format(name, ",".join(texts)) for name, texts in geometry.items()
                )
            )
        ),
    )


def _parsed(text: str) -> str:
    """JSON as JSON.parse('…'): browsers read a string and parse JSON about twice as fast
    as the same object written as JavaScript."""
    return "JSON.parse('{}')".format(text.replace("\\", "\\\\").replace("'", "\\'"))


def _page(language: str, title: str) -> str:
    """index.html in the language of publication (the page switches itself later)."""
    template = (WEB / "index.html").read_text(encoding="utf-8")
    return template.replace("{{LANG}}", language).replace("{{TITLE}}", escape(title))


def publish_programme(
    path: str | Path,
    folder: str | Path,
    language: str = "nl",
    left_out=DEFAULT_LEFT_OUT,
    state: str = "draft",
    today: date | None = None,
    feedback=None,
) -> Publication | None:
    """Write the web map of a programme into a folder, as one set. None when the
    feedback was cancelled: then nothing changed."""
    if language not in LANGUAGES:
        raise ProgrammeError(tr("Unknown language: {}").format(language))
    missing = [name for source, name in STATIC if not source.is_file()]
    if missing:
        raise ProgrammeError(
            tr("The web map's files are missing from the plugin ({}): reinstall it.").format(
                ", ".join(missing)
            )
        )
    left_out = tuple(left_out)
    data, geometry, work_count, part_count = collect(path, left_out, state, today)
    if not part_count:
        raise ProgrammeError(tr("The programme is empty: there is nothing to draw."))
    data["language"] = language
    logo = _logo(str(path))
    if feedback is not None:
        feedback.setProgress(60)
        if feedback.isCanceled():
            return None
    with ExportSet(folder) as files:
        try:
            if logo:
                name = LOGO_STEM + Path(logo).suffix.lower()
                shutil.copyfile(logo, files.path(name))
                data["programme"]["logo"] = name
            for earlier in files.folder.glob(LOGO_STEM + ".*"):
                if earlier.name != data["programme"].get("logo"):
                    files.drop(earlier.name)
            files.path(DATA).write_text(data_script(data, geometry), encoding="ascii")
            files.path(FINDINGS_DATA).write_text(
                "window.PROGRAMMAKAART_FINDINGS = {};\n".format(_parsed(_json(data["findings"]))),
                encoding="ascii",
            )
            for source, name in STATIC:
                shutil.copyfile(source, files.path(name))
            texts = data["texts"][language]
            title = (
                texts["title"]
                .replace("{}", data["programme"]["name"], 1)
                .replace("{}", data["programme"]["municipality"], 1)
                .replace("{}", str(data["programme"]["reference_year"]), 1)
            )
            files.path(PAGE).write_text(_page(language, title), encoding="utf-8")
        except OSError as error:
            raise files.cannot_write(error) from error
        if feedback is not None and feedback.isCanceled():
            return None
        files.commit()
    return Publication(
        files.folder / PAGE,
        work_count,
        part_count,
        len(data["findings"]["id"]),
        left_out,
    )
