"""Rule settings: every number a rule uses, defined once with its default and bounds.

A setting is a field of `RuleSettings` that carries its own definition: default, unit,
English and Dutch description, and the range a rule can run on. Everything else reads
these definitions: the validation, the Processing parameters and their help, the panel's
editors and their way back to the default, the defaults of a new programme.

The chamber edits the values per programme (tables `rule_settings` and
`moratorium_periods`); the defaults are what a new programme starts with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import cast

import numpy as np

from .errors import SettingError
from .schema import SURFACE_TYPES

#: Unit labels (English, Dutch): data, like the schema's labels.
UNITS = {
    "m": ("m", "m"),
    "years": ("years", "jaar"),
    "EUR/m": ("EUR/m", "EUR/m"),
    "EUR/m²": ("EUR/m²", "EUR/m²"),
    "works": ("works", "werken"),
    "0/1": ("(0 = no, 1 = yes)", "(0 = nee, 1 = ja)"),
}


@dataclass(frozen=True)
class RuleSetting:
    """The definition of one setting. `whole`: whole numbers only (counts, switches); a
    distance may be 0 (works that touch or overlap)."""

    key: str
    default: float
    unit: str
    en: str
    nl: str
    minimum: float = 0.0
    maximum: float = 1e9
    whole: bool = False

    def description(self, language: str) -> str:
        return self.nl if language == "nl" else self.en

    def unit_text(self, language: str) -> str:
        en, nl = UNITS[self.unit]
        return nl if language == "nl" else en

    def allows(self, value) -> bool:
        if value is None:
            return False
        try:
            value = float(value)
        except (TypeError, ValueError):
            return False
        if not math.isfinite(value) or value > self.maximum:
            return False
        if value < self.minimum:
            return False
        return not self.whole or value == math.floor(value)

    def check(self, value) -> None:
        """Refuse NaN, infinity, an empty value and anything outside the range."""
        if not self.allows(value):
            raise SettingError(self, value)


def _setting(default: float, unit: str, en: str, nl: str, **bounds):
    """A field of RuleSettings with its definition (collected in DEFINITIONS)."""
    return field(default=default, metadata={"setting": dict(unit=unit, en=en, nl=nl, **bounds)})


#: Years without excavation after a surface renewal, per surface type. Municipalities
#: set their own in the handboek kabels en leidingen; these are common values.
DEFAULT_MORATORIUM_YEARS = {
    "asphalt": 5.0,
    "paving_elements": 3.0,
    "concrete": 5.0,
    "semi_paved": 1.0,
    "unpaved": 0.0,
}

#: The moratorium for any surface type: its bounds hold for every type; its default,
#: the longest, is what a rule on a layer without surface types uses.
MORATORIUM = RuleSetting(
    "moratorium_years",
    max(DEFAULT_MORATORIUM_YEARS.values()),
    "years",
    "Moratorium: years without excavation after a surface renewal",
    "Graafrust: jaren zonder graafwerk na een vernieuwing van de verharding",
    maximum=50.0,
)


@dataclass
class RuleSettings:
    """The values one run of the rules uses."""

    combine_distance_m: float = _setting(
        5.0,
        "m",
        "Dig-once chance: largest distance between two works",
        "Meekoppelkans: grootste afstand tussen twee werken",
        maximum=500.0,
    )
    combine_window_years: float = _setting(
        2.0,
        "years",
        "Dig-once chance: largest gap between the two planned periods",
        "Meekoppelkans: grootste tijd tussen de twee geplande periodes",
        maximum=20.0,
    )
    cost_per_metre_eur: float = _setting(
        300.0,
        "EUR/m",
        "Indicative saving per metre dug once instead of twice",
        "Indicatieve besparing per meter die één keer wordt opengegraven in plaats van twee keer",
        maximum=100000.0,
    )
    cost_per_square_metre_eur: float = _setting(
        50.0,
        "EUR/m²",
        "Indicative saving per square metre of two areas dug once instead of twice",
        "Indicatieve besparing per vierkante meter van twee vlakken die één keer worden "
        "opengegraven in plaats van twee keer",
        maximum=100000.0,
    )
    clash_distance_m: float = _setting(
        5.0,
        "m",
        "Conflict: largest distance between two works at the same time",
        "Conflict: grootste afstand tussen twee gelijktijdige werken",
        maximum=500.0,
    )
    sequence_distance_m: float = _setting(
        5.0,
        "m",
        "Pave before dig: largest distance between renewal and excavation",
        "Verkeerde volgorde: grootste afstand tussen vernieuwing en graafwerk",
        maximum=500.0,
    )
    hotspot_cell_m: float = _setting(
        250.0,
        "m",
        "Hotspot: size of a grid cell",
        "Knelpunt: grootte van een rastercel",
        minimum=10.0,
        maximum=10000.0,
    )
    hotspot_hexagonal: float = _setting(
        0.0,
        "0/1",
        "Hotspot: 1 for hexagonal cells (same area as the squares), 0 for squares",
        "Knelpunt: 1 voor zeshoekige cellen (zelfde oppervlak als vierkanten), 0 voor vierkanten",
        maximum=1.0,
        whole=True,
    )
    hotspot_min_works: float = _setting(
        4.0,
        "works",
        "Hotspot: fewest works in a cell and year to report it",
        "Knelpunt: minimum aantal werken in een cel en jaar",
        minimum=1.0,
        maximum=10000.0,
        whole=True,
    )
    moratorium_years: dict[str, float] = field(
        default_factory=lambda: dict(DEFAULT_MORATORIUM_YEARS)
    )
    include_closed: bool = False

    @classmethod
    def from_values(
        cls, values: dict[str, float | None], moratorium: dict[str, float | None] | None = None
    ) -> RuleSettings:
        """Settings as a programme stores them; unknown keys are ignored, empty values
        kept so that `validate` names them."""
        given = {d.key: values[d.key] for d in DEFINITIONS if d.key in values}
        settings = cls(**given)  # type: ignore[arg-type]  # None stays for validate() to name
        if moratorium:
            years = {**DEFAULT_MORATORIUM_YEARS, **moratorium}
            settings.moratorium_years = years  # type: ignore[assignment]  # None: as above
        return settings

    def set(self, key: str, value: float) -> None:
        """One setting by its definition's key; the common moratorium sets every surface
        type's."""
        if key == MORATORIUM.key:
            self.moratorium_years = {surface: value for surface in self.moratorium_years}
        else:
            setattr(self, key, value)

    def validate(self) -> None:
        """Every setting inside its range, before a rule looks at a work."""
        for definition in DEFINITIONS:
            definition.check(getattr(self, definition.key))
        for surface, years in self.moratorium_years.items():
            moratorium_setting(surface).check(years)

    def moratorium_for(self, surface_types: np.ndarray) -> np.ndarray:
        """Years per renewal; an unknown surface type gets the longest moratorium."""
        longest = max(self.moratorium_years.values(), default=0.0)
        return np.array(
            [self.moratorium_years.get(s, longest) if s else longest for s in surface_types],
            dtype="float64",
        )


#: The table: one definition per setting, in the order of RuleSettings.
DEFINITIONS: tuple[RuleSetting, ...] = tuple(
    RuleSetting(f.name, cast(float, f.default), **f.metadata["setting"])
    for f in fields(RuleSettings)
    if "setting" in f.metadata
)

#: One moratorium per surface type: the common bounds, the type's own default.
MORATORIUM_DEFINITIONS: tuple[RuleSetting, ...] = tuple(
    replace(
        MORATORIUM,
        key=choice.value,
        default=DEFAULT_MORATORIUM_YEARS[choice.value],
        en="Moratorium after renewing {}".format(choice.en.lower()),
        nl="Graafrust na vernieuwen van {}".format(choice.nl.lower()),
    )
    for choice in SURFACE_TYPES
)


def rule_setting(key: str) -> RuleSetting:
    """The definition of a setting or of a surface type's moratorium, by key."""
    for definition in DEFINITIONS + MORATORIUM_DEFINITIONS:
        if definition.key == key:
            return definition
    raise KeyError(key)


def moratorium_setting(surface_type: str) -> RuleSetting:
    """A surface type's moratorium; a type the schema does not list gets the common one."""
    try:
        return next(d for d in MORATORIUM_DEFINITIONS if d.key == surface_type)
    except StopIteration:
        return replace(MORATORIUM, key=surface_type, en=surface_type, nl=surface_type)


def default_rule_values() -> dict[str, float]:
    return {d.key: d.default for d in DEFINITIONS}
