"""programmakamer:findsequenceerrors: pave before dig, on any layer."""

from __future__ import annotations

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
                self.tr("Distance: metres, default 5. Moratorium: years, default 5."),
                self.field_help(),
            )
        )

    def add_rule_parameters(self) -> None:
        self.number(self.DISTANCE, self.tr("Distance (m)"), 5.0)
        self.number(self.MORATORIUM_YEARS, self.tr("Moratorium after a renewal (years)"), 5.0)

    def settings(self, parameters, context):
        settings = super().settings(parameters, context)
        settings.sequence_distance_m = self.parameterAsDouble(parameters, self.DISTANCE, context)
        years = self.parameterAsDouble(parameters, self.MORATORIUM_YEARS, context)
        settings.moratorium_years = {key: years for key in settings.moratorium_years}
        return settings

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_sequence_errors

        return find_sequence_errors(works, settings)
