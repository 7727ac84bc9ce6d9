"""The programme GeoPackage: schema round trip, refusals, horizons, stakeholder layers."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytest
from osgeo import ogr, osr
from qgis.core import QgsVectorLayerUtils
from shapely.geometry import LineString

from programmakamer.core.schema import TABLES, WORK_TABLES
from programmakamer.store import programme as store
from programmakamer.store.errors import ProgrammeError
from programmakamer.store.features import make_features
from programmakamer.store.layers import configure_fields, open_programme, programme_group
from programmakamer.store.transactions import edit_session

from .helpers import read_only

WORK = {
    "work_id": "W-1",
    "stakeholder_id": 2,
    "discipline": "sewer",
    "title": "Vervangen riool",
    "description": "Gemengd stelsel, 1962",
    "location": "Kerkstraat",
    "planned_start": date(2029, 7, 1),
    "start_precision": "quarter",
    "planned_end": date(2030, 3, 31),
    "end_precision": "quarter",
    "status": "committed",
    "opens_ground": True,
    "renews_surface": False,
    "surface_type": "paving_elements",
    "flexibility_years": 1.5,
    "cost_estimate": 1250000.0,
    "horizon": None,
    "horizon_override": "long",
    "horizon_reason": "Wacht op warmtenet",
    "external_ref": "GWSW-123",
    "source_delivery": "riolering-2026.xlsx",
    "last_changed": datetime(2026, 11, 28, 10, 30, 0),
    "geometry": LineString([(155000, 463000), (155100, 463010)]),
}


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def empty_programme(tmp_path):
    path = tmp_path / "p.gpkg"
    store.create_programme(
        path,
        "Programma",
        "Ergens",
        2027,
        stakeholders=[
            {"stakeholder_id": 2, "name": "Riolering", "discipline": "sewer", "colour": "#8c564b"},
        ],
    )
    return path


def test_every_table_and_field_of_the_schema_is_created(empty_programme):
    for table in TABLES:
        layer = store.table_layer(empty_programme, table.name)
        assert set(table.field_names) <= set(layer.fields().names()), table.name


def test_a_work_round_trips_with_every_field(empty_programme):
    store.write_works(empty_programme, [WORK])
    [row] = store.read_table(empty_programme, WORK_TABLES[0])
    for name, value in WORK.items():
        if name in ("geometry", "last_changed"):
            continue
        assert row[name] == value, name
    assert isinstance(row["last_changed"], datetime)


def test_aliases_and_value_lists_follow_the_schema(empty_programme):
    table = WORK_TABLES[0]
    layer = store.table_layer(empty_programme, table.name)
    configure_fields(layer, table, "nl")
    index = layer.fields().indexOf("status")
    assert layer.attributeAlias(index) == "Status"
    assert layer.attributeAlias(layer.fields().indexOf("opens_ground")) == "Graaft open"
    setup = layer.editorWidgetSetup(index)
    assert setup.type() == "ValueMap"
    labels = {k: v for item in setup.config()["map"] for k, v in item.items()}
    assert labels["In uitvoering"] == "in_execution"
    configure_fields(layer, table, "en")
    assert layer.attributeAlias(layer.fields().indexOf("opens_ground")) == "Opens the ground"


def test_an_existing_file_is_not_overwritten(empty_programme):
    before = digest(empty_programme)
    with pytest.raises(ProgrammeError, match="already exists"):
        store.create_programme(empty_programme, "Ander", "Ergens", 2027)
    assert digest(empty_programme) == before


def test_a_geographic_crs_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ProgrammeError, match="geographic"):
        store.create_programme(tmp_path / "wgs.gpkg", "P", "G", 2027, crs="EPSG:4326")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_gives_a_clear_error_and_no_file(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    with read_only(folder):
        with pytest.raises(ProgrammeError, match="read-only"):
            store.create_programme(folder / "p.gpkg", "P", "G", 2027)
        assert list(folder.iterdir()) == []


def test_a_geopackage_that_is_not_a_programme_is_refused_and_untouched(tmp_path, project):
    path = tmp_path / "other.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    source.CreateLayer("wegen", srs, ogr.wkbLineString)
    source = None
    before = digest(path)
    with pytest.raises(ProgrammeError, match="not a programme"):
        open_programme(project, path)
    assert digest(path) == before
    assert not any(p.name.startswith("other.gpkg-") for p in tmp_path.iterdir())
    assert project.mapLayers() == {}


def test_a_file_that_is_no_geopackage_at_all_is_refused(tmp_path):
    path = tmp_path / "kapot.gpkg"
    path.write_bytes(b"this is not sqlite")
    with pytest.raises(ProgrammeError, match="not a GeoPackage"):
        store.read_programme(path)


def test_assign_horizons_fills_computed_ones_and_keeps_overrides(empty_programme):
    works = [
        {**WORK, "work_id": "A", "planned_start": date(2028, 1, 1), "horizon_override": None},
        {**WORK, "work_id": "B", "planned_start": date(2029, 1, 1), "horizon_override": "short"},
        {**WORK, "work_id": "C", "planned_start": None, "horizon_override": None},
        {**WORK, "work_id": "D", "status": "done", "horizon_override": None},
    ]
    store.write_works(empty_programme, works)
    report = store.assign_horizons(empty_programme)
    assert (report.total, report.moved, report.undated) == (4, 2, 1)
    rows = {r["work_id"]: r for r in store.read_table(empty_programme, WORK_TABLES[0])}
    assert rows["A"]["horizon"] == "short"
    assert (rows["B"]["horizon"], rows["B"]["horizon_override"]) == ("medium", "short")
    assert rows["C"]["horizon"] is None and rows["D"]["horizon"] is None
    assert store.assign_horizons(empty_programme).moved == 0


def test_a_new_reference_year_is_saved_with_the_horizons_it_gives(empty_programme):
    store.write_works(
        empty_programme,
        [{**WORK, "work_id": "A", "planned_start": date(2031, 1, 1), "horizon_override": None}],
    )
    assert store.assign_horizons(empty_programme).moved == 1  # 2027: long term
    report = store.assign_horizons(empty_programme, 2030, save_year=True)
    assert report.moved == 1
    assert store.read_programme(empty_programme).reference_year == 2030
    rows = store.read_table(empty_programme, WORK_TABLES[0])
    assert rows[0]["horizon"] == "short"
    assert store.assign_horizons(empty_programme).moved == 0  # the saved year gives the same


def test_opening_a_programme_gives_one_layer_per_stakeholder(demo_programme, demo_city, project):
    open_programme(project, demo_programme)
    open_programme(project, demo_programme)  # again: replaced, not doubled
    group = programme_group(project, demo_programme)
    assert len(project.layerTreeRoot().findGroups()) == 1
    stakeholder_layers = [
        n.layer()
        for n in group.findLayers()
        if n.layer().customProperty("programmakamer/stakeholder_id") is not None
        and n.layer().customProperty("programmakamer/table") == "works_lines"
    ]
    assert len(stakeholder_layers) == len(demo_city.stakeholders)
    total = sum(
        layer.featureCount()
        for n in group.findLayers()
        for layer in [n.layer()]
        if layer.customProperty("programmakamer/stakeholder_id") is not None
    )
    assert total == len(demo_city.works)
    grid = next(
        layer for layer in stakeholder_layers if layer.name() == "Netbeheerder Elektriciteit"
    )
    assert {f["stakeholder_id"] for f in grid.getFeatures()} == {6}
    assert set(grid.styleManager().styles()) == {"By horizon", "By stakeholder"}


def test_a_feature_added_to_a_stakeholder_layer_gets_that_stakeholder(demo_programme, project):
    open_programme(project, demo_programme)
    [layer] = project.mapLayersByName("Waterbedrijf")
    feature = QgsVectorLayerUtils.createFeature(layer)
    assert feature["stakeholder_id"] == 8
    assert feature["discipline"] == "drinking_water"
    assert str(feature["work_id"]).startswith("W-")


def test_adding_a_stakeholder_adds_its_layer_to_the_open_programme(demo_programme, project):
    from programmakamer.store.layers import add_stakeholder_layers

    open_programme(project, demo_programme)
    record = store.add_stakeholder(demo_programme, "Vervoerbedrijf", "public_transport", "#00aa00")
    assert record["stakeholder_id"] == 13
    [layer] = add_stakeholder_layers(project, demo_programme, record)
    assert layer.name() == "Vervoerbedrijf" and layer.featureCount() == 0
    with pytest.raises(ProgrammeError, match="already has a stakeholder"):
        store.add_stakeholder(demo_programme, "vervoerbedrijf", "public_transport")


def test_a_locked_programme_refuses_edits_and_keeps_what_was_saved(empty_programme):
    """An immutable file stands in for a read-only share: the add fails, nothing changes."""
    before = digest(empty_programme)
    with read_only(empty_programme):
        with pytest.raises(ProgrammeError):
            store.add_stakeholder(empty_programme, "Telecom", "telecom")
    assert digest(empty_programme) == before
    assert [s["name"] for s in store.read_stakeholders(empty_programme)] == ["Riolering"]


def _settings(path):
    from programmakamer.core.schema import MORATORIUM_PERIODS, RULE_SETTINGS

    info = store.read_programme(path)
    rules = {r["key"]: r["value"] for r in store.read_table(path, RULE_SETTINGS)}
    years = {r["surface_type"]: r["years"] for r in store.read_table(path, MORATORIUM_PERIODS)}
    return info.name, info.municipality, rules, years


def _drop_moratorium(path, surface_type):
    from programmakamer.core.schema import MORATORIUM_PERIODS

    layer = store.table_layer(path, MORATORIUM_PERIODS.name)
    with edit_session(layer):
        for feature in layer.getFeatures():
            if feature["surface_type"] == surface_type:
                layer.deleteFeature(feature.id())


def test_settings_are_saved_together_and_a_missing_row_is_added(empty_programme):
    _drop_moratorium(empty_programme, "asphalt")
    store.save_settings(
        empty_programme,
        "Programma 2027",
        "Ergens anders",
        {"combine_distance_m": 7.5},
        {"asphalt": 4.0},
    )
    name, municipality, rules, years = _settings(empty_programme)
    assert (name, municipality) == ("Programma 2027", "Ergens anders")
    assert rules["combine_distance_m"] == 7.5 and years["asphalt"] == 4.0


def test_settings_failing_halfway_change_nothing(empty_programme, monkeypatch):
    """The last table's insert fails (its new row claims a used id): the name and the rule
    settings saved before it in the same transaction are rolled back too."""
    from programmakamer.core.schema import MORATORIUM_PERIODS

    _drop_moratorium(empty_programme, "asphalt")
    before = _settings(empty_programme)
    used = next(store.table_layer(empty_programme, MORATORIUM_PERIODS.name).getFeatures()).id()
    make = make_features

    def clashing(table, records, fields):
        features = make(table, records, fields)
        for feature in features:
            feature.setAttribute(fields.indexOf("fid"), used)
        return features

    monkeypatch.setattr(store, "make_features", clashing)
    with pytest.raises(ProgrammeError, match="p.gpkg"):
        store.save_settings(
            empty_programme, "Ander", "Elders", {"combine_distance_m": 9.0}, {"asphalt": 4.0}
        )
    assert _settings(empty_programme) == before


def test_settings_on_a_locked_programme_are_refused(empty_programme):
    before = digest(empty_programme)
    with read_only(empty_programme):
        with pytest.raises(ProgrammeError, match="read-only or locked"):
            store.save_settings(empty_programme, "Ander", None, {}, {})
    assert digest(empty_programme) == before


def test_settings_need_a_name(empty_programme):
    with pytest.raises(ProgrammeError, match="needs a name"):
        store.save_settings(empty_programme, "  ", None, {}, {})
