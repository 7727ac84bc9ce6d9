"""Loading a programme into a QGIS project: one layer per stakeholder, styled.

Every stakeholder layer reads the shared works tables, filtered to that stakeholder;
a feature digitised on it gets the stakeholder and its discipline by default.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsLayerTreeGroup,
    QgsMapLayerStyle,
    QgsProject,
    QgsReferencedRectangle,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)

from ..core.schema import (
    CHALLENGES,
    FINDINGS,
    NEIGHBOURHOODS,
    STREETS,
    WORK_TABLES,
    Table,
)
from ..translation import language, tr
from .history import BASED_ON_COLUMN, SAVED_IN_COLUMN, VERSION_COLUMN, guard_editing_session
from .location import PATH_PROPERTY, normalised
from .programme import ProgrammeInfo, read_programme, read_stakeholders, table_layer
from .styles import horizon_renderer, stakeholder_renderer

TABLE_PROPERTY = "programmakamer/table"
STAKEHOLDER_PROPERTY = "programmakamer/stakeholder_id"


def configure_fields(layer: QgsVectorLayer, table: Table, lang: str) -> None:
    """Aliases, value lists and not-null constraints from the schema."""
    fields = layer.fields()
    for f in table.fields:
        index = fields.indexOf(f.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, f.alias(lang))
        if f.choices:
            value_map = [{c.label(lang): c.value} for c in f.choices]
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": value_map}))
        elif f.kind == "boolean":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("CheckBox", {}))
        elif f.kind in ("date", "datetime"):
            layer.setEditorWidgetSetup(
                index,
                QgsEditorWidgetSetup(
                    "DateTime",
                    {
                        "calendar_popup": True,
                        "allow_null": True,
                        "display_format": "yyyy-MM-dd" if f.kind == "date" else "yyyy-MM-dd HH:mm",
                    },
                ),
            )
        if f.required:
            layer.setFieldConstraint(
                index,
                QgsFieldConstraints.ConstraintNotNull,
                QgsFieldConstraints.ConstraintStrengthHard,
            )


def _work_layer(
    path: str, table: Table, stakeholder: dict, lang: str, all_stakeholders: list[dict]
):
    sid = int(stakeholder["stakeholder_id"])
    suffix = {"polygon": tr("{} – areas"), "point": tr("{} – points")}
    name = suffix.get(table.geometry, "{}").format(stakeholder["name"])
    layer = table_layer(path, table.name, name)
    layer.setSubsetString('"stakeholder_id" = {}'.format(sid))
    configure_fields(layer, table, lang)
    fields = layer.fields()
    defaults = {
        "stakeholder_id": str(sid),
        "discipline": "'{}'".format(stakeholder["discipline"]),
        "work_id": "'W-' || substr(uuid(), 2, 8)",
        "status": "'planned'",
        "start_precision": "'year'",
        "end_precision": "'year'",
        "opens_ground": "false",
        "renews_surface": "false",
    }
    for field_name, expression in defaults.items():
        layer.setDefaultValueDefinition(fields.indexOf(field_name), QgsDefaultValue(expression))
    layer.setDefaultValueDefinition(
        fields.indexOf("last_changed"), QgsDefaultValue("now()", applyOnUpdate=True)
    )
    if fields.indexOf(BASED_ON_COLUMN) >= 0:
        guard_editing_session(layer)
        # Every save states the version it read: the database refuses it when someone
        # else saved in between (history.py), instead of the last save winning.
        layer.setDefaultValueDefinition(
            fields.indexOf(BASED_ON_COLUMN),
            QgsDefaultValue('"{}"'.format(VERSION_COLUMN), applyOnUpdate=True),
        )
        for name in (VERSION_COLUMN, BASED_ON_COLUMN, SAVED_IN_COLUMN):  # the database's
            layer.setEditorWidgetSetup(fields.indexOf(name), QgsEditorWidgetSetup("Hidden", {}))
    manager = layer.styleManager()
    layer.setRenderer(stakeholder_renderer(table.geometry, all_stakeholders, lang))
    by_stakeholder = QgsMapLayerStyle()
    by_stakeholder.readFromLayer(layer)
    layer.setRenderer(horizon_renderer(table.geometry, lang))
    manager.renameStyle(manager.currentStyle(), tr("By horizon"))
    manager.addStyle(tr("By stakeholder"), by_stakeholder)
    make_temporal(layer)
    layer.setCustomProperty(TABLE_PROPERTY, table.name)
    layer.setCustomProperty(STAKEHOLDER_PROPERTY, sid)
    layer.setCustomProperty(PATH_PROPERTY, path)
    return layer


def make_temporal(layer: QgsVectorLayer) -> None:
    """Works show on the map in the years of their planned period (temporal controller)."""
    properties = layer.temporalProperties()
    properties.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields)
    properties.setStartField("planned_start")
    properties.setEndField("planned_end")
    properties.setIsActive(True)


def _kinds_present(path: str) -> dict[str, set[int]]:
    present = {}
    for table in WORK_TABLES:
        layer = table_layer(path, table.name)
        present[table.name] = {
            int(v)
            for v in layer.uniqueValues(layer.fields().indexOf("stakeholder_id"))
            if v is not None
        }
    return present


def group_name(programme_name: str) -> str:
    """The programme's group in the layer tree."""
    return tr("Programmakamer – {}").format(programme_name)


def programme_group(project: QgsProject, path: str | Path) -> QgsLayerTreeGroup | None:
    target = normalised(path)
    for group in project.layerTreeRoot().findGroups(True):
        if group.customProperty(PATH_PROPERTY) == target:
            return group
    return None


def stakeholder_group(group: QgsLayerTreeGroup) -> QgsLayerTreeGroup:
    for child in group.children():
        if (
            isinstance(child, QgsLayerTreeGroup)
            and child.customProperty("programmakamer/role") == "stakeholders"
        ):
            return child
    raise LookupError("stakeholders group")


def add_stakeholder_layers(
    project: QgsProject,
    path: str | Path,
    stakeholder: dict,
    kinds: set[str] | None = None,
    everyone: list[dict] | None = None,
) -> list[QgsVectorLayer]:
    """Add the layers of one stakeholder to an open programme's group (lines always).

    `everyone` is the programme's stakeholder list when the caller has read it already.
    """
    path = normalised(path)
    group = programme_group(project, path)
    if group is None:
        return []
    lang = language()
    everyone = read_stakeholders(path) if everyone is None else everyone
    target = stakeholder_group(group)
    layers = []
    for table in WORK_TABLES:
        if table.geometry != "line" and table.name not in (kinds or set()):
            continue
        layer = _work_layer(path, table, stakeholder, lang, everyone)
        project.addMapLayer(layer, False)
        # The horizon legend is the same on every layer: show it once, on the first.
        target.addLayer(layer).setExpanded(not target.findLayers()[:-1])
        layers.append(layer)
    return layers


def open_programme(project: QgsProject, path: str | Path) -> ProgrammeInfo:
    """Load a programme as a layer-tree group; an earlier load of it is replaced."""
    path = normalised(path)
    info = read_programme(path)
    lang = language()
    old = programme_group(project, path)
    if old is not None:
        project.removeMapLayers(old.findLayerIds())
        old.parent().removeChildNode(old)
    root = project.layerTreeRoot()
    group = root.insertGroup(0, group_name(info.name))
    group.setCustomProperty(PATH_PROPERTY, path)
    stakeholders_group = group.addGroup(tr("Stakeholders"))
    stakeholders_group.setCustomProperty("programmakamer/role", "stakeholders")
    present = _kinds_present(path)
    everyone = read_stakeholders(path)
    for stakeholder in everyone:
        sid = int(stakeholder["stakeholder_id"])
        kinds = {name for name, ids in present.items() if sid in ids}
        add_stakeholder_layers(project, path, stakeholder, kinds, everyone)
    for table in (CHALLENGES, FINDINGS):
        _add_plain(project, group, path, table, lang)
    reference = group.addGroup(tr("Reference layers"))
    for table in (STREETS, NEIGHBOURHOODS):
        _add_plain(project, reference, path, table, lang)
    reference.setExpanded(False)
    crs = _crs_of(path)
    if project.crs() != crs:
        project.setCrs(crs)
    extent = table_layer(path, NEIGHBOURHOODS.name).extent()
    if extent.isEmpty():
        extent = table_layer(path, WORK_TABLES[0].name).extent()
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
    return info


def _crs_of(path: str):
    return table_layer(path, WORK_TABLES[0].name).crs()


def _add_plain(project, group, path, table: Table, lang: str) -> QgsVectorLayer:
    from .styles import reference_renderer

    layer = table_layer(path, table.name, table.label(lang))
    configure_fields(layer, table, lang)
    layer.setRenderer(reference_renderer(table.name))
    if table.name == "streets":
        from .styles import main_street_labels

        layer.setLabeling(main_street_labels())
        layer.setLabelsEnabled(True)
    layer.setCustomProperty(TABLE_PROPERTY, table.name)
    layer.setCustomProperty(PATH_PROPERTY, path)
    project.addMapLayer(layer, False)
    group.addLayer(layer)
    return layer
