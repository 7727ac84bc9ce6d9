"""programmakamer:findclashes: works at the same place at the same time, on any layer."""

from __future__ import annotations

from ..core.settings import rule_setting
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
                self.rule_help(),
                self.field_help(),
            )
        )

    def rule_numbers(self):
        return [(self.DISTANCE, rule_setting("clash_distance_m"), self.tr("Distance (m)"))]

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_clashes

        return find_clashes(works, settings)
