"""programmakamer:findclashes: works at the same place at the same time, on any layer."""

from __future__ import annotations

from qgis.core import QgsField

from ..core.settings import rule_setting
from ..store.features import FIELD_TYPES, to_qvariant
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
                    "problems. Severity = months of overlap × (1 + shared length / 100 m). "
                    "Each conflict carries both works' periods (start_a, end_a, start_b, "
                    "end_b; an open end is empty) and the period they overlap (both_start, "
                    "both_end)."
                ),
                self.rule_help(),
                self.field_help(),
            )
        )

    def rule_numbers(self):
        return [(self.DISTANCE, rule_setting("clash_distance_m"), self.tr("Distance (m)"))]

    def find(self, works, settings, parameters, context, feedback, crs):
        from ..core.rules import find_clashes

        found = find_clashes(works, settings)
        found.extra = [
            {"periods": periods}
            for periods in clash_periods(works, found.work_a.tolist(), found.work_b.tolist())
        ]
        return found

    def extra_fields(self, found) -> list:
        return [QgsField(name, FIELD_TYPES["date"]) for name in PERIOD_FIELDS]

    def extra_value(self, row: dict, name: str):
        return to_qvariant(row["extra"]["periods"][name], "date")


#: The periods a conflict carries, as fields (short enough for a shapefile).
PERIOD_FIELDS = ("start_a", "end_a", "start_b", "end_b", "both_start", "both_end")


def clash_periods(works, work_a: list, work_b: list) -> list[dict]:
    """Per conflict both works' first and last day and those of their overlap, as dates;
    an open end is None."""
    from ..core.works import OPEN_END

    period = {}
    for work_id, start, end in zip(works.work_id.tolist(), works.start, works.end):
        period.setdefault(work_id, (start, end))

    def day(value):
        return None if value >= OPEN_END else value.astype(object)

    result = []
    for a, b in zip(work_a, work_b):
        (start_a, end_a), (start_b, end_b) = period[a], period[b]
        values = (start_a, end_a, start_b, end_b, max(start_a, start_b), min(end_a, end_b))
        result.append({name: day(v) for name, v in zip(PERIOD_FIELDS, values)})
    return result
