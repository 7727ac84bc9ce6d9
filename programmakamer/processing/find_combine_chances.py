"""programmakamer:findcombinechances: dig-once chances on any layer of works."""

from __future__ import annotations

from ..core.settings import rule_setting
from .rule_algorithm import WorkLayerRuleAlgorithm


class FindCombineChances(WorkLayerRuleAlgorithm):
    NAME = "findcombinechances"
    DISTANCE, YEARS, COST_PER_METRE = "DISTANCE", "YEARS", "COST_PER_METRE"
    COST_PER_SQUARE_METRE = "COST_PER_SQUARE_METRE"

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
                    "flexibility of either work can close it, and an estimated saving: "
                    "shared length × cost per metre when a line work is involved; for two "
                    "areas, the zone's area × cost per m²; none for points (indicative "
                    "figures). The explanation says which: 'meet over 120 m' or 'share "
                    "600 m²'. A distance of 0 m finds works that touch or overlap."
                ),
                self.rule_help(),
                self.field_help(),
            )
        )

    def rule_numbers(self):
        return [
            (self.DISTANCE, rule_setting("combine_distance_m"), self.tr("Distance (m)")),
            (self.YEARS, rule_setting("combine_window_years"), self.tr("Largest time gap (years)")),
            (
                self.COST_PER_METRE,
                rule_setting("cost_per_metre_eur"),
                self.tr("Saving per metre (EUR)"),
            ),
            (
                self.COST_PER_SQUARE_METRE,
                rule_setting("cost_per_square_metre_eur"),
                self.tr("Saving per m² between two areas (EUR)"),
            ),
        ]

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_combine_chances

        return find_combine_chances(works, settings)
