"""programmakamer:findsequenceerrors: pave before dig, on any layer."""

from __future__ import annotations

from ..core.settings import MORATORIUM, rule_setting
from .rule_algorithm import WorkLayerRuleAlgorithm


class FindSequenceErrors(WorkLayerRuleAlgorithm):
    NAME = "findsequenceerrors"
    DISTANCE, MORATORIUM_YEARS = "DISTANCE", "MORATORIUM_YEARS"

    def displayName(self) -> str:
        return self.tr("Find pave-before-dig errors")

    def shortHelpString(self) -> str:
        return "\n\n".join(
            (
                self.tr(
                    "Pave before dig: a planned surface renewal (not yet done or under way) "
                    "that ends before an excavating work within the distance starts, with the "
                    "excavation less than the moratorium after the renewal: the new surface "
                    "would be broken open. Dig the deepest hole first, pave last. Severity = "
                    "moratorium years left when the excavation starts."
                ),
                self.rule_help(),
                self.field_help(),
            )
        )

    def rule_numbers(self):
        return [
            (self.DISTANCE, rule_setting("sequence_distance_m"), self.tr("Distance (m)")),
            (
                self.MORATORIUM_YEARS,
                MORATORIUM,
                self.tr("Moratorium after a renewal (years)"),
            ),
        ]

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_sequence_errors

        return find_sequence_errors(works, settings)
