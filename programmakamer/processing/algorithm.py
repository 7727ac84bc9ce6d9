"""What every algorithm of the provider shares: naming, translation, help."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterEnum
from qgis.PyQt.QtGui import QIcon

from ..core.errors import SettingError
from ..core.findings import number_text
from ..core.schema import PROGRAMME_STATES
from ..dependencies import shapely_problem
from ..log import logger
from ..translation import language, tr

ICON = Path(__file__).resolve().parent.parent / "icons" / "icon.svg"
SHOWN = 10  # ids a list shows before "and N more"


class ProgrammakamerAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set `NAME`, `group_key` and implement the template methods."""

    NAME = ""
    GROUP = "programme"

    def tr(self, text: str) -> str:
        return tr(text)

    def add_state_parameter(self, name: str, optional: bool = False) -> None:
        """The state a page shows (draft, adopted), one list for every export; optional: empty
        means the programme's own."""
        lang = language()
        self.addParameter(
            QgsProcessingParameterEnum(
                name,
                self.tr("State"),
                [c.label(lang) for c in PROGRAMME_STATES],
                defaultValue=None if optional else 0,
                optional=optional,
            )
        )

    def output_folder(self, parameters, name: str, context) -> Path:
        """The export's output folder, made when missing; refused in one sentence when it
        cannot be."""
        folder = Path(self.parameterAsString(parameters, name, context))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            logger("export").error("creating the output folder %s failed: %s", folder, error)
            raise QgsProcessingException(
                self.tr(
                    "Cannot create the output folder {}: the folder it goes in is read-only "
                    "or not accessible."
                ).format(folder)
            ) from error
        return folder

    def state_value(self, parameters, name: str, context) -> str | None:
        """The chosen state's code; None when an optional state was left empty."""
        if parameters.get(name) is None and self.parameterDefinition(name).defaultValue() is None:
            return None
        return PROGRAMME_STATES[self.parameterAsEnum(parameters, name, context)].value

    def createInstance(self):
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def groupId(self) -> str:
        return self.GROUP

    def group(self) -> str:
        return tr("Programme")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))


def require_shapely_2() -> None:
    """Stop before anything is read when shapely 2 is missing, naming the version found:
    the analysis, the import and the publication all need its bulk geometry functions."""
    problem = shapely_problem()
    if problem:
        raise QgsProcessingException(
            tr("This algorithm needs shapely 2.0 or newer (found: {}).").format(problem)
        )


def rule_error_message(error) -> str:
    """A rule's refusal in the user's language, its numbers written as the language does."""
    if isinstance(error, SettingError):
        return setting_message(error.setting, error.value)
    figures = [
        _figure(kind, value) for kind, value in zip(_FIGURES.get(error.code, ()), error.values)
    ]
    messages = {
        "too_many_pairs": tr(
            "About {} pairs of works lie within {} m of each other: measuring them would need "
            "about {} GiB of memory, more than the {} GiB an analysis may use. Use a smaller "
            "distance, or filter the layer (a period, an area, a stakeholder)."
        ),
        "too_many_cells": tr(
            "Hotspots: about {} grid cells would need about {} GiB of memory, more than the "
            "{} GiB an analysis may use. Use a larger cell (at least {} m) or zones, or filter "
            "the layer."
        ),
        "too_many_years": tr(
            "Hotspots: counting every year from {} to {} would need about {} GiB of memory, "
            "more than the {} GiB an analysis may use. Check the periods of works {} (earliest "
            "start) and {} (latest end), or use a larger cell or zones."
        ),
    }
    if error.code not in messages:
        return str(error)
    return messages[error.code].format(*figures)


#: What each value of a refusal is, in the order of its message.
_FIGURES = {
    "too_many_pairs": ("count", "number", "bytes", "bytes"),
    "too_many_cells": ("count", "bytes", "bytes", "number"),
    "too_many_years": ("year", "year", "bytes", "bytes", "work", "work"),
}


def _figure(kind: str, value) -> str:
    """A value of a refusal as the user's language writes it; bytes as GiB."""
    if kind == "bytes":
        return number_text(value / 1024**3, language(), 1)
    if kind in ("year", "work"):
        return str(value)
    return number_text(value, language(), None)


def setting_message(setting, value) -> str:
    """A refused rule setting: which one, the value given and what is allowed."""
    name = setting.description(language())
    if value is None:
        problem = tr("{} has no value.").format(name)
    else:
        problem = tr("{} cannot be {}.").format(name, _value_text(value))
    return "{} {}".format(problem, tr("Allowed: {}.").format(allowed_text(setting)))


def _value_text(value) -> str:
    try:
        return number_text(float(value), language(), None)
    except (TypeError, ValueError):
        return str(value)


def allowed_text(setting) -> str:
    """What a setting may be, from its definition: 'from 0 to 20 years'."""
    lang = language()
    low, high = (number_text(v, lang, None) for v in (setting.minimum, setting.maximum))
    unit = setting.unit_text(lang)
    if setting.whole:
        return tr("a whole number from {} to {}").format(low, high)
    return tr("from {} to {} {}").format(low, high, unit)


def parameter_help(setting) -> str:
    """A rule parameter's help, and its line in the algorithm's help: what it is, its
    default and what is allowed, all from the setting's definition."""
    lang = language()
    return tr("{}: default {} {}; {}.").format(
        setting.description(lang),
        number_text(setting.default, lang, None),
        setting.unit_text(lang),
        allowed_text(setting),
    )


def listing(items, separator: str = ", ") -> str:
    """The first SHOWN items, then how many more there are."""
    items = [str(item) for item in items]
    shown = separator.join(items[:SHOWN])
    if len(items) <= SHOWN:
        return shown
    return tr("{} and {} more").format(shown, len(items) - SHOWN)
