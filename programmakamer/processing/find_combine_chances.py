"""programmakamer:findcombinechances: dig-once chances on any layer of works."""

from __future__ import annotations

from .rule_algorithm import WorkLayerRuleAlgorithm


class FindCombineChances(WorkLayerRuleAlgorithm):
    NAME = "findcombinechances"
    DISTANCE, YEARS, COST_PER_METRE = "DISTANCE", "YEARS", "COST_PER_METRE"

    def displayName(self) -> str:
        return self.tr("Find dig-once chances")

    def shortHelpString(self) -> str:
        return "\n\n".join(
            (
                self.tr(
                    "Meekoppelkansen: two works of different stakeholders, both opening the "
                    "ground (or one opening the ground and the other renewing the surface), "
                    "within the distance of each other, whose planned periods overlap or are "
                    "at most the window apart. Each finding gives the shared length (line "
                    "work within the distance of the other work), the zone where both works "
                    "buffered by half the distance overlap, the time gap, whether the "
                    "flexibility of either work can close it, and an estimated saving = "
                    "shared length × cost per metre (an indicative figure)."
                ),
                self.tr(
                    "Distance: metres, default 5. Window: years, default 2. Cost per metre: "
                    "euro, default 300."
                ),
                self.field_help(),
            )
        )

    def add_rule_parameters(self) -> None:
        self.number(self.DISTANCE, self.tr("Distance (m)"), 5.0)
        self.number(self.YEARS, self.tr("Largest time gap (years)"), 2.0)
        self.number(self.COST_PER_METRE, self.tr("Saving per metre (EUR)"), 300.0)

    def settings(self, parameters, context):
        settings = super().settings(parameters, context)
        settings.combine_distance_m = self.parameterAsDouble(parameters, self.DISTANCE, context)
        settings.combine_window_years = self.parameterAsDouble(parameters, self.YEARS, context)
        settings.cost_per_metre_eur = self.parameterAsDouble(
            parameters, self.COST_PER_METRE, context
        )
        return settings

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_combine_chances

        return find_combine_chances(works, settings)
