"""Rule settings of a programme: every number a rule uses, with its documented default.

The chamber edits these per programme (table `rule_settings` and `moratorium_periods`);
the defaults below are what a new programme starts with.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleSetting:
    key: str
    default: float
    unit: str
    en: str
    nl: str
    minimum: float = 0.0
    maximum: float = 1e9

    def description(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


RULE_SETTINGS = (
    RuleSetting(
        "combine_distance_m",
        5.0,
        "m",
        "Dig-once chance: largest distance between two works",
        "Meekoppelkans: grootste afstand tussen twee werken",
        maximum=500.0,
    ),
    RuleSetting(
        "combine_window_years",
        2.0,
        "years",
        "Dig-once chance: largest gap between the two planned periods",
        "Meekoppelkans: grootste tijd tussen de twee geplande periodes",
        maximum=20.0,
    ),
    RuleSetting(
        "cost_per_metre_eur",
        300.0,
        "EUR/m",
        "Indicative saving per metre dug once instead of twice",
        "Indicatieve besparing per meter die één keer wordt opengegraven in plaats van twee keer",
        maximum=100000.0,
    ),
    RuleSetting(
        "clash_distance_m",
        5.0,
        "m",
        "Conflict: largest distance between two works at the same time",
        "Conflict: grootste afstand tussen twee gelijktijdige werken",
        maximum=500.0,
    ),
    RuleSetting(
        "sequence_distance_m",
        5.0,
        "m",
        "Pave before dig: largest distance between renewal and excavation",
        "Verkeerde volgorde: grootste afstand tussen vernieuwing en graafwerk",
        maximum=500.0,
    ),
    RuleSetting(
        "hotspot_cell_m",
        250.0,
        "m",
        "Hotspot: size of a grid cell",
        "Knelpunt: grootte van een rastercel",
        minimum=10.0,
        maximum=10000.0,
    ),
    RuleSetting(
        "hotspot_hexagonal",
        0.0,
        "0/1",
        "Hotspot: 1 for hexagonal cells (same area as the squares), 0 for squares",
        "Knelpunt: 1 voor zeshoekige cellen (zelfde oppervlak als vierkanten), 0 voor vierkanten",
        maximum=1.0,
    ),
    RuleSetting(
        "hotspot_min_works",
        4.0,
        "works",
        "Hotspot: fewest works in a cell and year to report it",
        "Knelpunt: minimum aantal werken in een cel en jaar",
        minimum=1.0,
        maximum=10000.0,
    ),
)

#: Years without excavation after a surface renewal, per surface type. Municipalities
#: set their own in the handboek kabels en leidingen; these are common values.
DEFAULT_MORATORIUM_YEARS = {
    "asphalt": 5.0,
    "paving_elements": 3.0,
    "concrete": 5.0,
    "semi_paved": 1.0,
    "unpaved": 0.0,
}


def rule_setting(key: str) -> RuleSetting:
    for s in RULE_SETTINGS:
        if s.key == key:
            return s
    raise KeyError(key)


def default_rule_values() -> dict[str, float]:
    return {s.key: s.default for s in RULE_SETTINGS}
