"""programmakamer:findclashes: works at the same place at the same time, on any layer."""

from __future__ import annotations

from .rule_algorithm import WorkLayerRuleAlgorithm


class FindClashes(WorkLayerRuleAlgorithm):
    NAME = "findclashes"
    DISTANCE = "DISTANCE"

    def displayName(self) -> str:
        return self.tr("Find conflicts")

    def shortHelpString(self) -> str:
        return "\n\n".join(
            (
                self.tr(
                    "Conflicts: two works (of any stakeholders) within the distance of each "
                    "other whose planned periods overlap: nuisance, capacity and traffic "
                    "problems. Severity = months of overlap × (1 + shared length / 100 m)."
                ),
                self.tr("Distance: metres, default 5."),
                self.field_help(),
            )
        )

    def add_rule_parameters(self) -> None:
        self.number(self.DISTANCE, self.tr("Distance (m)"), 5.0)

    def settings(self, parameters, context):
        settings = super().settings(parameters, context)
        settings.clash_distance_m = self.parameterAsDouble(parameters, self.DISTANCE, context)
        return settings

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_clashes

        return find_clashes(works, settings)
