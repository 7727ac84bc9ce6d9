"""Horizon moves through the layers' edit buffers, without the panel, and what a save does
when someone else changed the same work's horizon meanwhile (in another process)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from programmakamer.core.schema import table
from programmakamer.store import programme as store
from programmakamer.store.horizon_moves import ChamberHorizon, HorizonMoves
from programmakamer.store.layers import STAKEHOLDER_PROPERTY, open_programme, programme_group

COLLEAGUE = """
import sys
from osgeo import ogr
path, table, work_id, override, reason = sys.argv[1:]
dataset = ogr.Open(path, 1)
layer = dataset.GetLayerByName(table)
layer.SetAttributeFilter("work_id = '{}'".format(work_id))
for feature in layer:
    feature.SetField("horizon_override", override)
    feature.SetField("horizon_reason", reason)
    feature.SetField("last_changed", "2027-03-01T09:30:00")
    assert layer.SetFeature(feature) == 0
dataset = None
"""


def colleague_saves_horizon(path, table_name: str, work_id: str, override: str, reason: str):
    """Another program (a colleague's QGIS, a script) saves a horizon for a work: its own
    process and database connection, as in a chamber where two people edit one file."""
    subprocess.run(
        [sys.executable, "-c", COLLEAGUE, str(path), table_name, work_id, override, reason],
        check=True,
    )


def stored_work(path, table_name: str, work_id: str) -> dict:
    return next(r for r in store.read_table(path, table(table_name)) if r["work_id"] == work_id)


@pytest.fixture()
def line_layer(demo_programme, project):
    """A stakeholder's line layer of the open demo programme."""
    open_programme(project, demo_programme)
    group = programme_group(project, demo_programme)
    return next(
        node.layer()
        for node in group.findLayers()
        if node.layer().customProperty(STAKEHOLDER_PROPERTY) is not None
        and "works_lines" in node.layer().source()
        and node.layer().featureCount() > 3
    )


def first_work(layer):
    feature = min(layer.getFeatures(), key=lambda f: f.id())
    assert not feature["horizon_override"]  # the demo has no overrides: a clean start
    return feature.id(), feature["work_id"]


def test_a_move_is_one_undo_step_saved_like_any_edit(line_layer, demo_programme):
    fid, work_id = first_work(line_layer)
    moves = HorizonMoves()
    assert moves.move({line_layer: [fid]}, "long", "Wacht op het warmtenet")
    assert line_layer.undoStack().count() == 1
    assert line_layer.getFeature(fid)["horizon_override"] == "long"
    assert not stored_work(demo_programme, "works_lines", work_id)["horizon_override"]
    assert moves.conflicts(line_layer) == []
    assert line_layer.commitChanges()
    saved = stored_work(demo_programme, "works_lines", work_id)
    assert (saved["horizon_override"], saved["horizon_reason"]) == (
        "long",
        "Wacht op het warmtenet",
    )
    assert moves.started_from == {}  # saved: nothing waits any more


def test_a_colleagues_change_to_a_moved_work_is_found_and_theirs_can_be_kept(
    line_layer, demo_programme
):
    fid, work_id = first_work(line_layer)
    moves = HorizonMoves()
    moves.move({line_layer: [fid]}, "long", "Wacht op het warmtenet")
    colleague_saves_horizon(demo_programme, "works_lines", work_id, "medium", "Budget 2029")
    [conflict] = moves.conflicts(line_layer)
    assert conflict.work_id == work_id and conflict.fid == fid
    assert conflict.before == ChamberHorizon(None, None)
    assert conflict.theirs == ChamberHorizon("medium", "Budget 2029")
    assert conflict.mine == ChamberHorizon("long", "Wacht op het warmtenet")
    moves.take_theirs(line_layer, [conflict])
    assert line_layer.commitChanges()
    saved = stored_work(demo_programme, "works_lines", work_id)
    assert (saved["horizon_override"], saved["horizon_reason"]) == ("medium", "Budget 2029")
    assert saved["last_changed"].isoformat() == "2027-03-01T09:30:00"  # theirs, untouched


def test_no_conflict_when_the_colleague_changed_another_work_or_chose_the_same(
    line_layer, demo_programme
):
    features = sorted(line_layer.getFeatures(), key=lambda f: f.id())
    moved, other = features[0], next(f for f in features if f["work_id"] != features[0]["work_id"])
    moves = HorizonMoves()
    moves.move({line_layer: [moved.id()]}, "long", "Wacht op het warmtenet")
    colleague_saves_horizon(demo_programme, "works_lines", other["work_id"], "short", "Spoed")
    assert moves.conflicts(line_layer) == []
    colleague_saves_horizon(
        demo_programme, "works_lines", moved["work_id"], "long", "Wacht op het warmtenet"
    )
    assert moves.conflicts(line_layer) == []


def test_a_second_move_keeps_what_the_first_started_from_and_undo_starts_afresh(
    line_layer, demo_programme
):
    fid, work_id = first_work(line_layer)
    moves = HorizonMoves()
    moves.move({line_layer: [fid]}, "long", "Eerst")
    colleague_saves_horizon(demo_programme, "works_lines", work_id, "medium", "Collega")
    moves.move({line_layer: [fid]}, "short", "Toch sneller")
    [conflict] = moves.conflicts(line_layer)  # the colleague came before the second move
    assert conflict.before == ChamberHorizon(None, None)
    assert conflict.mine == ChamberHorizon("short", "Toch sneller")
    line_layer.undoStack().undo()
    line_layer.undoStack().undo()  # nothing of ours waits: nothing to decide
    assert moves.conflicts(line_layer) == []
    moves.move({line_layer: [fid]}, "long", "Na overleg")  # made knowing the colleague's
    assert moves.conflicts(line_layer) == []
    assert moves.started_from[line_layer.id()][fid] == ChamberHorizon("medium", "Collega")
    line_layer.rollBack()
    assert moves.started_from == {}
