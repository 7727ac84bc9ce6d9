"""The chamber's horizon moves, through the stakeholder layers' edit buffers.

A move is one undo step and is saved like any QGIS edit. What was stored when a work was
moved is remembered until its layer is saved or rolled back, so the save can tell when
someone else (another QGIS, a script) changed the same work's horizon meanwhile: the
last one to save must not win without a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..translation import tr
from .errors import ProgrammeError
from .features import from_qvariant

#: What a move changes; `last_changed` follows by the layer's on-update default.
MOVED_FIELDS = ("horizon_override", "horizon_reason")
STAMP_FIELD = "last_changed"


@dataclass(frozen=True)
class ChamberHorizon:
    """A work's horizon as the chamber set it (none: the computed one counts)."""

    override: str | None
    reason: str | None


@dataclass(frozen=True)
class HorizonConflict:
    """A moved feature whose stored horizon someone else changed after the move."""

    fid: int
    work_id: str
    title: str
    before: ChamberHorizon  # stored when the work was moved
    theirs: ChamberHorizon  # stored now
    mine: ChamberHorizon  # waiting in the edit buffer


class HorizonMoves:
    """The moves waiting in edit buffers, each with the stored horizon it started from."""

    def __init__(self) -> None:
        self.started_from: dict[str, dict[int, ChamberHorizon]] = {}  # by layer id, fid
        self.followed: dict[str, tuple] = {}  # layer id: (layer, its forget slot)

    def move(self, features: dict[QgsVectorLayer, list[int]], horizon: str, reason: str) -> bool:
        """Record `horizon` with `reason` for the features, one undo step per layer."""
        for layer, fids in features.items():
            if not layer.isEditable() and not layer.startEditing():
                raise ProgrammeError(
                    tr("Cannot edit {}: the file is read-only or locked.").format(layer.name())
                )
            self._remember(layer, fids)
            fields = layer.fields()
            layer.beginEditCommand(tr("Move work to horizon"))
            for fid in fids:
                layer.changeAttributeValue(fid, fields.indexOf("horizon_override"), horizon)
                layer.changeAttributeValue(fid, fields.indexOf("horizon_reason"), reason)
            layer.endEditCommand()
            layer.triggerRepaint()
        return bool(features)

    def _remember(self, layer: QgsVectorLayer, fids: list[int]) -> None:
        """What is stored now, for features without a move waiting (a second move of a
        work keeps the value the first one started from)."""
        known = self.started_from.setdefault(layer.id(), {})
        waiting = buffered_horizons(layer)
        fresh = [fid for fid in fids if fid not in known or fid not in waiting]
        for fid, values in stored_values(layer, fresh, MOVED_FIELDS).items():
            known[fid] = _horizon(values)
        if layer.id() not in self.followed:
            forget = partial(self.forget, layer.id())
            layer.afterCommitChanges.connect(forget)
            layer.afterRollBack.connect(forget)
            self.followed[layer.id()] = (layer, forget)

    def conflicts(self, layer: QgsVectorLayer) -> list[HorizonConflict]:
        """Moved features whose stored horizon differs from both the one the move started
        from and the one waiting in the buffer (a colleague who set the same is no
        conflict)."""
        known = self.started_from.get(layer.id(), {})
        waiting = {fid: h for fid, h in buffered_horizons(layer).items() if fid in known}
        if not waiting:
            return []
        now = stored_values(layer, list(waiting), MOVED_FIELDS + ("work_id", "title"))
        found = []
        for fid, mine in sorted(waiting.items()):
            if fid not in now:
                continue  # deleted meanwhile: the save reports it
            theirs = _horizon(now[fid])
            if theirs != known[fid] and theirs != mine:
                found.append(
                    HorizonConflict(
                        fid,
                        from_qvariant(now[fid]["work_id"]) or "",
                        from_qvariant(now[fid]["title"]) or "",
                        known[fid],
                        theirs,
                        mine,
                    )
                )
        return found

    def take_theirs(self, layer: QgsVectorLayer, conflicts: Iterable[HorizonConflict]) -> None:
        """Put what is stored now back into the buffer for these features, so the save
        keeps the colleague's horizon (and its time of change)."""
        fields = layer.fields()
        names = [n for n in MOVED_FIELDS + (STAMP_FIELD,) if fields.indexOf(n) >= 0]
        stored = stored_values(layer, [c.fid for c in conflicts], tuple(names))
        layer.beginEditCommand(tr("Take the stored horizon"))
        for fid, values in stored.items():
            for name in names:
                layer.changeAttributeValue(
                    fid, fields.indexOf(name), values[name], skipDefaultValues=True
                )
        layer.endEditCommand()
        layer.triggerRepaint()

    def forget(self, layer_id: str, *_) -> None:
        """The layer was saved or rolled back: its moves are no longer waiting."""
        self.started_from.pop(layer_id, None)
        layer, slot = self.followed.pop(layer_id, (None, None))
        if layer is not None:
            try:
                layer.afterCommitChanges.disconnect(slot)
                layer.afterRollBack.disconnect(slot)
            except (RuntimeError, TypeError):  # the layer was deleted meanwhile
                pass


def buffered_horizons(layer: QgsVectorLayer) -> dict[int, ChamberHorizon]:
    """The chamber's horizons waiting in a layer's edit buffer (from any editor: the panel,
    the attribute table), by feature id."""
    buffer = layer.editBuffer() if layer.isEditable() else None
    if buffer is None:
        return {}
    indexes = {layer.fields().indexOf(name) for name in MOVED_FIELDS}
    changed = [fid for fid, c in buffer.changedAttributeValues().items() if indexes & set(c)]
    if not changed:
        return {}
    request = QgsFeatureRequest().setFilterFids(changed).setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(list(MOVED_FIELDS), layer.fields())
    return {f.id(): _horizon(f) for f in layer.getFeatures(request)}


def stored_values(layer: QgsVectorLayer, fids: list[int], names: tuple[str, ...]) -> dict:
    """Attribute values as the database holds them now (not the edit buffer), by fid."""
    if not fids:
        return {}
    provider = layer.dataProvider()
    request = QgsFeatureRequest().setFilterFids(fids).setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(list(names), provider.fields())
    return {f.id(): {n: f[n] for n in names} for f in provider.getFeatures(request)}


def _horizon(values) -> ChamberHorizon:
    return ChamberHorizon(
        from_qvariant(values["horizon_override"]) or None,
        from_qvariant(values["horizon_reason"]) or None,
    )
