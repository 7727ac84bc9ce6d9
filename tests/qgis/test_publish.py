"""Publish as a web map: the folder's files, what the data holds and what it leaves out."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from programmakamer.core.decisions import latest_decisions
from programmakamer.core.findings import stable_id
from programmakamer.core.schema import (
    CHALLENGES,
    DECISIONS,
    FINDINGS,
    NEIGHBOURHOODS,
    STAKEHOLDERS,
    STREETS,
    WORK_TABLES,
)
from programmakamer.export import web_map
from programmakamer.export.web_map import publish_programme
from programmakamer.store import programme as store
from programmakamer.store.analysis import analyse_programme
from programmakamer.store.errors import ProgrammeError

#: A stakeholder name that must come out as text everywhere: quotes, markup, slashes,
#: letters beyond ASCII.
AWKWARD = 'Bouw "Noord" <script>window.pwned=1</script> / Zuid\\Oost – Ærøskøbing'
FILES = (
    "index.html",
    "programmakaart-data.js",
    "programmakaart-findings.js",
    "programmakaart.js",
    "programmakaart.css",
    "ol.js",
    "ol.css",
    "ol-LICENSE.md",
)


@pytest.fixture(scope="module")
def published_programme(tmp_path_factory, demo_city):
    """The analysed demo, an accepted dig-once chance with an action holder, a horizon the
    chamber overrode, and a stakeholder with an awkward name and a work of its own (built
    once: the tests only read it)."""
    path = tmp_path_factory.mktemp("programme") / "demo.gpkg"
    store.create_programme(
        path,
        demo_city.name,
        demo_city.municipality,
        demo_city.reference_year,
        stakeholders=demo_city.stakeholders,
    )
    store.write_records(path, STREETS, demo_city.streets)
    store.write_records(path, NEIGHBOURHOODS, demo_city.neighbourhoods)
    store.write_records(path, CHALLENGES, demo_city.challenges)
    store.write_works(path, demo_city.works)
    store.add_stakeholder(path, AWKWARD, "telecom", "#123456", "geheim@example.nl")
    awkward = max(s["stakeholder_id"] for s in store.read_stakeholders(path))
    work = dict(demo_city.works[0])
    work.update(work_id="AWK-1", stakeholder_id=awkward, title=AWKWARD, cost_estimate=12345.0)
    store.write_works(path, [work])
    store.assign_horizons(path)
    analyse_programme(path)
    grid, sewer, _ = demo_city.planted["combine"][0]
    a, b = sorted((grid, sewer))
    store.write_records(
        path,
        DECISIONS,
        [
            {
                "finding_id": stable_id("combine", a, b, ""),
                "verdict": "accepted",
                "decision_text": "Samen uitvoeren",
                "action_holder": "Jan Jansen",
                "decided_at": datetime(2026, 11, 12, 14, 0),
            }
        ],
    )
    layer = store.table_layer(path, "works_lines")
    target = next(f for f in layer.getFeatures() if f["work_id"] == grid)
    layer.startEditing()
    layer.changeAttributeValue(target.id(), layer.fields().indexOf("horizon_override"), "long")
    layer.changeAttributeValue(
        target.id(), layer.fields().indexOf("horizon_reason"), "Budget pas in 2032"
    )
    assert layer.commitChanges()
    return path


def read_data(folder: Path) -> tuple[dict, dict]:
    """The page's data and geometries, as the browser reads them."""
    text = (folder / "programmakaart-data.js").read_text(encoding="ascii")
    data, geometry = re.fullmatch(
        r"window\.PROGRAMMAKAART = JSON\.parse\('(.*)'\);\n"
        r"window\.PROGRAMMAKAART\.geometry = JSON\.parse\('(.*)'\);\n",
        text,
        re.DOTALL,
    ).groups()
    findings = re.fullmatch(
        r"window\.PROGRAMMAKAART_FINDINGS = JSON\.parse\('(.*)'\);\n",
        (folder / "programmakaart-findings.js").read_text(encoding="ascii"),
        re.DOTALL,
    ).group(1)
    data = json.loads(unquoted(data))
    data["findings"] = json.loads(unquoted(findings))
    return data, json.loads(unquoted(geometry))


def unquoted(literal: str) -> str:
    """The text of a JavaScript string literal that escapes only \\ and '."""
    return re.sub(r"\\(.)", r"\1", literal)


def drawn_parts(geometry: dict):
    """The works' parts as the page decodes them: ragged arrays of steps in 1e-6 degrees."""
    shapes = []
    for group in geometry["parts"]:
        steps = np.array(group["coords"], dtype="int64").reshape(-1, 2)
        coordinates = np.cumsum(steps, axis=0) / 1e6
        offsets = tuple(np.array(o, dtype="int64") for o in group["offsets"])
        shapes.extend(shapely.from_ragged_array(group["type"], coordinates, offsets))
    return shapes


def programme_works(path) -> dict[str, dict]:
    works = {}
    for table in WORK_TABLES:
        for row in store.read_table(path, table):
            works.setdefault(row["work_id"], row)
    return works


def test_publishprogramme_writes_the_page_its_library_and_data(
    processing_run, published_programme, tmp_path
):
    folder = tmp_path / "web"
    result = processing_run(
        "programmakamer:publishprogramme",
        {"PROGRAMME": str(published_programme), "OUTPUT": str(folder)},
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    assert result["PAGE"] == str(folder / "index.html")
    assert result["WORKS"] == len(programme_works(published_programme))
    page = (folder / "index.html").read_text(encoding="utf-8")
    for script in ("ol.js", "programmakaart-data.js", "programmakaart.js"):
        assert '<script src="{}">'.format(script) in page
    assert "http" not in page  # nothing from the internet unless the reader asks for it
    assert (
        "OpenLayers" in (folder / "ol-LICENSE.md").read_text()
        or "BSD" in (folder / "ol-LICENSE.md").read_text()
    )


def test_the_data_holds_every_work_feature_and_open_finding(published_programme, tmp_path):
    publication = publish_programme(published_programme, tmp_path)
    data, geometry = read_data(tmp_path)
    works = programme_works(published_programme)
    assert sorted(data["works"]["id"]) == sorted(works)
    features = sum(len(store.read_table(published_programme, t)) for t in WORK_TABLES)
    assert len(drawn_parts(geometry)) == len(data["parts"]["work"]) == features
    assert publication.parts == features
    findings = store.read_table(published_programme, FINDINGS)
    open_ids = sorted(f["finding_id"] for f in findings if f["state"] == "open")
    assert sorted(data["findings"]["id"]) == open_ids
    # each work lists exactly the open findings that name it
    for w, work_id in enumerate(data["works"]["id"]):
        named = sorted(
            f["finding_id"]
            for f in findings
            if f["state"] == "open" and work_id in (f["work_a"], f["work_b"])
        )
        assert sorted(data["findings"]["id"][i] for i in data["works"]["findings"][w]) == named


def test_the_card_data_has_the_override_reason_and_the_latest_decision(
    published_programme, demo_city, tmp_path
):
    publish_programme(published_programme, tmp_path)
    data, _ = read_data(tmp_path)
    works, findings = data["works"], data["findings"]
    grid, sewer, _ = demo_city.planted["combine"][0]
    w = works["id"].index(grid)
    assert (works["horizon"][w], works["override"][w]) == ("long", "long")
    assert works["reason"][w] == "Budget pas in 2032"
    a, b = sorted((grid, sewer))
    f = findings["id"].index(stable_id("combine", a, b, ""))
    decision = latest_decisions(store.read_table(published_programme, DECISIONS))[findings["id"][f]]
    assert findings["verdict"][f] == decision["verdict"] == "accepted"
    assert findings["decided_nl"][f] == "12-11-2026 14:00"
    assert findings["decision"][f] == "Samen uitvoeren"
    assert f in data["areas"]["finding_index"]  # drawn as an accepted chance
    assert {works["id"][findings["work_a"][f]], works["id"][findings["work_b"][f]]} == {a, b}


def test_contacts_are_left_out_by_default_and_costs_on_request(published_programme, tmp_path):
    for name in ("default", "all", "plain"):
        (tmp_path / name).mkdir()
    contacts = [s["contact"] for s in store.read_table(published_programme, STAKEHOLDERS)]
    publish_programme(published_programme, tmp_path / "default")
    text = "".join(p.read_text() for p in (tmp_path / "default").glob("programmakaart-*.js"))
    assert [c for c in contacts if c and c in text] == []
    assert "Jan Jansen" not in text  # an action holder is a contact too
    data, _ = read_data(tmp_path / "default")
    assert data["works"]["cost_nl"][data["works"]["id"].index("AWK-1")] == "€\u00a012.000"

    publish_programme(published_programme, tmp_path / "all", left_out=())
    text = "".join(p.read_text() for p in (tmp_path / "all").glob("programmakaart-*.js"))
    assert "geheim@example.nl" in text and "Jan Jansen" in text

    publish_programme(published_programme, tmp_path / "plain", left_out=("costs", "notes"))
    data, _ = read_data(tmp_path / "plain")
    assert "cost_nl" not in data["works"] and "saving_nl" not in data["findings"]
    assert "description" not in data["works"]
    assert set(data["findings"]["decision"]) == {None}
    assert data["left_out"] == ["costs", "notes"]


def test_coordinates_are_longitude_latitude_with_six_decimals(published_programme, tmp_path):
    publish_programme(published_programme, tmp_path)
    data, geometry = read_data(tmp_path)
    assert all(isinstance(v, int) for group in geometry["parts"] for v in group["coords"])
    parts = drawn_parts(geometry)
    west, south, east, north = shapely.total_bounds(parts)
    assert 3 < west < east < 8 and 50 < south < north < 54  # the demo city is Dutch
    # each work where QGIS puts it, to a tenth of a metre
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:28992"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    stored: dict[str, list] = {}
    for table in WORK_TABLES:
        for feature in store.table_layer(published_programme, table.name).getFeatures():
            shape = feature.geometry()
            shape.transform(transform)
            stored.setdefault(feature["work_id"], []).append(shapely.from_wkb(bytes(shape.asWkb())))
    drawn: dict[str, list] = {}
    for part, w in zip(parts, data["parts"]["work"]):
        drawn.setdefault(data["works"]["id"][w], []).append(part)
    assert sorted(drawn) == sorted(stored)
    for work_id, shapes in stored.items():
        distance = shapely.hausdorff_distance(
            shapely.union_all(shapes), shapely.union_all(drawn[work_id])
        )
        assert distance < 2e-6, work_id


def test_the_page_speaks_dutch_and_carries_both_languages(published_programme, tmp_path):
    publish_programme(published_programme, tmp_path, language="nl", state="adopted")
    data, _ = read_data(tmp_path)
    nl, en = data["texts"]["nl"], data["texts"]["en"]
    assert data["language"] == "nl" and set(nl) == set(en)
    assert (
        nl["all_stakeholders"] == "Alle partijen" and en["all_stakeholders"] == "All stakeholders"
    )
    assert nl["shown"] == "{} van {} werken getoond"
    assert nl["title"] == "{} – {}, programmajaar {}"
    assert data["programme"]["state"] == {"nl": "Vastgesteld", "en": "Adopted"}
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and "programmajaar 2027" in page


def test_the_page_and_qgis_draw_streets_and_neighbourhoods_in_the_same_colours(
    published_programme, tmp_path
):
    from programmakamer.store.styles import REFERENCE_COLOURS, reference_renderer

    publish_programme(published_programme, tmp_path)
    data, _ = read_data(tmp_path)
    assert data["colours"]["reference"] == REFERENCE_COLOURS
    renderers = {
        name: reference_renderer(name) for name in ("streets", "neighbourhoods", "challenges")
    }
    streets = {
        rule.filterExpression(): rule.symbol().color().name()
        for rule in renderers["streets"].rootRule().children()
    }
    assert streets == {
        "\"road_class\" = 'main'": REFERENCE_COLOURS["main_street"],
        "ELSE": REFERENCE_COLOURS["street"],
    }
    outline = renderers["neighbourhoods"].symbol().symbolLayer(0).strokeColor()
    assert outline.name() == REFERENCE_COLOURS["neighbourhood"]
    challenges = renderers["challenges"].symbol().symbolLayer(0).strokeColor()
    assert challenges.name() == REFERENCE_COLOURS["challenge"]
    page = (tmp_path / "programmakaart.js").read_text(encoding="utf-8")
    assert not set(REFERENCE_COLOURS.values()) & set(re.findall("#[0-9a-f]{6}", page))


def test_an_awkward_stakeholder_name_stays_text_in_the_page(published_programme, tmp_path):
    publish_programme(published_programme, tmp_path)
    data, _ = read_data(tmp_path)
    assert AWKWARD in [s["name"] for s in data["stakeholders"]]
    text = (tmp_path / "programmakaart-data.js").read_text(encoding="ascii")
    assert "<script>" not in text and "</script>" not in text  # escaped as \u003c…
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_failing_publication_leaves_the_earlier_one_whole(
    published_programme, tmp_path, monkeypatch
):
    publish_programme(published_programme, tmp_path, language="en")
    before = files_of(tmp_path)
    real_replace, moves = os.replace, []

    def replace_failing(source, target):
        moves.append(target)
        if len(moves) == 5:
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_failing)
    with pytest.raises(ProgrammeError):
        publish_programme(published_programme, tmp_path, language="nl")
    monkeypatch.undo()
    assert files_of(tmp_path) == before


def test_a_missing_library_is_told_before_anything_is_written(
    published_programme, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        web_map, "STATIC", web_map.STATIC + ((tmp_path / "absent.js", "absent.js"),)
    )
    (tmp_path / "out").mkdir()
    with pytest.raises(ProgrammeError, match="absent.js"):
        publish_programme(published_programme, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_the_municipalitys_logo_goes_with_the_page(published_programme, tmp_path):
    import shutil

    from qgis.PyQt.QtGui import QColor, QImage

    programme = tmp_path / "with-logo.gpkg"
    shutil.copy(published_programme, programme)
    logo = QImage(40, 20, QImage.Format.Format_RGB32)
    logo.fill(QColor("#d7191c"))
    assert logo.save(str(tmp_path / "wapen.PNG"))
    layer = store.table_layer(programme, "programme")
    layer.startEditing()
    first = next(layer.getFeatures()).id()
    layer.changeAttributeValue(first, layer.fields().indexOf("logo_path"), "wapen.PNG")
    assert layer.commitChanges()
    folder = tmp_path / "web"
    folder.mkdir()
    (folder / "logo.svg").write_text("<svg/>")  # of an earlier publication
    publish_programme(programme, folder)
    data, _ = read_data(folder)
    assert data["programme"]["logo"] == "logo.png"
    assert (folder / "logo.png").read_bytes() == (tmp_path / "wapen.PNG").read_bytes()
    assert not (folder / "logo.svg").exists()


def test_without_shapely_2_the_algorithm_says_what_it_needs(
    processing_run, published_programme, tmp_path, monkeypatch
):
    from qgis.core import QgsProcessingException

    from programmakamer.processing import algorithm

    monkeypatch.setattr(algorithm, "shapely_problem", lambda: "1.8.5")
    with pytest.raises(QgsProcessingException, match="shapely 2.0 or newer \\(found: 1.8.5\\)"):
        processing_run(
            "programmakamer:publishprogramme",
            {"PROGRAMME": str(published_programme), "OUTPUT": str(tmp_path / "web")},
        )
    assert not (tmp_path / "web").exists()


def test_qgis_process_publishes_the_programme_as_a_gis_specialist_runs_it(
    published_programme, tmp_path
):
    """qgis_process with shapely 2 from the venv: QGIS's own GEOS is loaded first there,
    and the works' coordinates once came with a third column."""
    import importlib.util
    import subprocess

    root = Path(__file__).resolve().parents[2]
    # by its path: "profile" is also a module of Python's own library
    spec = importlib.util.spec_from_file_location("profile_script", root / "scripts" / "profile.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.make_profile(tmp_path / "profile")
    site_packages = root / ".venv" / "lib" / "python3.11" / "site-packages"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(site_packages),
    )
    run = subprocess.run(
        [
            "/usr/bin/qgis_process.bin",
            "run",
            "programmakamer:publishprogramme",
            "--",
            "PROGRAMME={}".format(published_programme),
            "OUTPUT={}".format(tmp_path / "web"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    data, geometry = read_data(tmp_path / "web")
    assert len(drawn_parts(geometry)) == len(data["parts"]["work"])
