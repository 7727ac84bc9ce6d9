"""programmakamer:findmoratoriumbreaches: digging inside the graafrust, on any layer."""

from __future__ import annotations

from .find_sequence_errors import FindSequenceErrors


class FindMoratoriumBreaches(FindSequenceErrors):
    NAME = "findmoratoriumbreaches"

    def displayName(self) -> str:
        return self.tr("Find moratorium breaches")

    def shortHelpString(self) -> str:
        return "\n\n".join(
            (
                self.tr(
                    "Graafrust: an excavating work that starts within the distance of a "
                    "surface renewal that is done or under way, less than the moratorium "
                    "after it ended. Done renewals always count, even when done works are "
                    "otherwise left out. Severity = moratorium years left."
                ),
                self.rule_help(),
                self.field_help(),
            )
        )

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_moratorium_breaches

        return find_moratorium_breaches(works, settings)
