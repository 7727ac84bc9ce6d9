"""The one definition of a programme: tables, fields, aliases and value lists.

Store, import, validation, UI and export all read this module, so a field is added
here once and appears everywhere. Labels come in English and Dutch side by side:
they are data, not source strings, so the schema can be read without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: 2: the status "withdrawn", the import_profiles table, decisions' delivery_change and the
#: action lists' table (what each stakeholder's last list said); a programme of schema 1
#: gains them at its first import or action lists: store.programme.upgrade_programme.
SCHEMA_VERSION = 2
DEFAULT_CRS = "EPSG:28992"


@dataclass(frozen=True)
class Choice:
    """One allowed value of a field, with its labels."""

    value: str
    en: str
    nl: str

    def label(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True)
class Status(Choice):
    """A work's status with what it means to the horizons and the rules.

    `started`: the work is carried out or done; it counts as short term, and a surface
    renewal that has started sets off the moratorium (one not yet started can only be a
    sequence error). `closed`: done or cancelled; no horizon, and the rules leave it out
    unless asked to include closed works.
    """

    started: bool = False
    closed: bool = False


@dataclass(frozen=True)
class Field:
    """A column. `kind` is one of text, integer, real, boolean, date, datetime, and for the
    history only: moment (a point in time with its zone, to the microsecond) and json."""

    name: str
    kind: str
    en: str
    nl: str
    choices: tuple[Choice, ...] = ()
    required: bool = False
    length: int = 0

    def alias(self, language: str) -> str:
        return self.nl if language == "nl" else self.en

    def allowed_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


@dataclass(frozen=True)
class Table:
    """A table of the programme. `geometry` is none, line, polygon or point; `since` is the
    schema version that brought it (an older programme gains it at its upgrade); `key` is
    the name of its primary key column."""

    name: str
    geometry: str
    en: str
    nl: str
    fields: tuple[Field, ...] = field(default_factory=tuple)
    since: int = 1
    key: str = "fid"

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def label(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


def _choices(*rows: tuple[str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(*row) for row in rows)


DISCIPLINES = _choices(
    ("road_surface", "Road surface", "Verharding"),
    ("sewer", "Sewer", "Riolering"),
    ("drinking_water", "Drinking water", "Drinkwater"),
    ("gas", "Gas", "Gas"),
    ("electricity", "Electricity", "Elektriciteit"),
    ("telecom", "Telecom", "Telecom"),
    ("district_heating", "District heating", "Warmtenet"),
    ("green", "Green", "Groen"),
    ("public_lighting", "Public lighting", "Openbare verlichting"),
    ("traffic", "Traffic", "Verkeer"),
    ("public_transport", "Public transport", "Openbaar vervoer"),
    ("area_development", "Area development", "Gebiedsontwikkeling"),
    ("climate_adaptation", "Climate adaptation", "Klimaatadaptatie"),
    ("mobility", "Mobility", "Mobiliteit"),
    ("other", "Other", "Overig"),
)

STATUSES = (
    Status("idea", "Idea", "Idee"),
    Status("planned", "Planned", "Gepland"),
    Status("in_preparation", "In preparation", "In voorbereiding"),
    Status("committed", "Committed", "Vastgesteld"),
    Status("in_execution", "In execution", "In uitvoering", started=True),
    Status("done", "Done", "Gereed", started=True, closed=True),
    Status("cancelled", "Cancelled", "Vervallen", closed=True),
    # no longer in its stakeholder's latest delivery: kept (decisions may point at it), not
    # analysed, and back to the delivered status if a later delivery brings it again
    Status("withdrawn", "Withdrawn by its stakeholder", "Ingetrokken door de partij", closed=True),
)
CLOSED_STATUSES = tuple(s.value for s in STATUSES if s.closed)
RUNNING_STATUSES = tuple(s.value for s in STATUSES if s.started and not s.closed)
STARTED_STATUSES = tuple(s.value for s in STATUSES if s.started)  # running or done

PRECISIONS = _choices(
    ("day", "Day", "Dag"),
    ("month", "Month", "Maand"),
    ("quarter", "Quarter", "Kwartaal"),
    ("year", "Year", "Jaar"),
)

HORIZONS = _choices(
    ("short", "Short term (years 1-2)", "Korte termijn (jaar 1-2)"),
    ("medium", "Medium term (years 3-4)", "Middellange termijn (jaar 3-4)"),
    ("long", "Long term (year 5 and later)", "Lange termijn (jaar 5 en later)"),
)

SURFACE_TYPES = _choices(
    ("asphalt", "Asphalt", "Asfalt"),
    ("paving_elements", "Paving elements", "Elementenverharding"),
    ("concrete", "Concrete", "Beton"),
    ("semi_paved", "Semi-paved", "Halfverharding"),
    ("unpaved", "Unpaved", "Onverhard"),
)

CHALLENGE_KINDS = _choices(
    ("heat_stress", "Heat stress", "Hittestress"),
    ("flooding", "Flooding", "Wateroverlast"),
    ("energy_transition", "Energy transition district", "Energietransitiewijk"),
    ("gas_free", "Gas-free district", "Aardgasvrije wijk"),
    ("mobility_corridor", "Mobility corridor", "Mobiliteitscorridor"),
    ("biodiversity", "Biodiversity", "Biodiversiteit"),
    ("other", "Other", "Overig"),
)

FINDING_KINDS = _choices(
    ("combine", "Dig-once chance", "Meekoppelkans"),
    ("clash", "Conflict", "Conflict"),
    ("sequence", "Pave before dig", "Verkeerde volgorde"),
    ("moratorium", "Moratorium breach", "Graafrust doorbroken"),
    ("ambition", "Ambition can ride along", "Ambitie kan meeliften"),
    ("hotspot", "Hotspot", "Knelpunt"),
)

FINDING_STATES = _choices(
    ("open", "Open", "Open"),
    ("obsolete", "No longer found", "Niet meer gevonden"),
)

VERDICTS = _choices(
    ("accepted", "Accepted", "Aanvaard"),
    ("rejected", "Rejected", "Verworpen"),
    ("deferred", "Deferred", "Uitgesteld"),
)

LISTED_ITEMS = _choices(
    ("list", "The list itself", "De lijst zelf"),
    ("work", "Work", "Werk"),
    ("finding", "Finding", "Bevinding"),
    ("decision", "Decision", "Besluit"),
)

PROGRAMME_STATES = _choices(
    ("draft", "Draft", "Concept"),
    ("adopted", "Adopted", "Vastgesteld"),
)


def _work_fields() -> tuple[Field, ...]:
    return (
        Field("work_id", "text", "Work id", "Werk-id", required=True, length=40),
        Field("stakeholder_id", "integer", "Stakeholder", "Partij", required=True),
        Field("discipline", "text", "Discipline", "Discipline", DISCIPLINES, True, 30),
        Field("title", "text", "Title", "Titel", required=True, length=200),
        Field("description", "text", "Description", "Omschrijving"),
        Field("location", "text", "Street or place", "Straat of plaats", length=200),
        Field("planned_start", "date", "Planned start", "Geplande start"),
        Field(
            "start_precision", "text", "Start precision", "Precisie start", PRECISIONS, length=10
        ),
        Field("planned_end", "date", "Planned end", "Gepland einde"),
        Field("end_precision", "text", "End precision", "Precisie einde", PRECISIONS, length=10),
        Field("status", "text", "Status", "Status", STATUSES, True, 20),
        Field("opens_ground", "boolean", "Opens the ground", "Graaft open"),
        Field("renews_surface", "boolean", "Renews the surface", "Vernieuwt verharding"),
        Field("surface_type", "text", "Surface type", "Verhardingstype", SURFACE_TYPES, length=20),
        Field("flexibility_years", "real", "Flexibility (years)", "Flexibiliteit (jaren)"),
        Field("cost_estimate", "real", "Cost estimate (EUR)", "Kostenraming (EUR)"),
        Field("horizon", "text", "Horizon (computed)", "Horizon (berekend)", HORIZONS, length=10),
        Field(
            "horizon_override",
            "text",
            "Horizon set by the chamber",
            "Horizon door de kamer",
            HORIZONS,
            length=10,
        ),
        Field("horizon_reason", "text", "Reason for the override", "Reden van de afwijking"),
        Field("external_ref", "text", "External reference", "Externe referentie", length=100),
        Field("source_delivery", "text", "Source delivery", "Bronlevering", length=200),
        Field("last_changed", "datetime", "Last changed", "Laatst gewijzigd"),
    )


WORK_FIELDS = _work_fields()

#: Works are one schema in three tables, one per geometry kind: a QGIS layer has one
#: geometry type, and a stakeholder delivers street works as lines, area developments
#: as polygons and the odd pumping station as a point.
WORK_TABLES = (
    Table("works_lines", "line", "Works (lines)", "Werken (lijnen)", WORK_FIELDS),
    Table("works_areas", "polygon", "Works (areas)", "Werken (vlakken)", WORK_FIELDS),
    Table("works_points", "point", "Works (points)", "Werken (punten)", WORK_FIELDS),
)

PROGRAMME = Table(
    "programme",
    "none",
    "Programme",
    "Programma",
    (
        Field("name", "text", "Programme name", "Programmanaam", required=True, length=200),
        Field("municipality", "text", "Municipality", "Gemeente", required=True, length=100),
        Field("reference_year", "integer", "Reference year", "Programmajaar", required=True),
        Field("crs", "text", "Coordinate reference system", "Coördinatenstelsel", length=30),
        Field("state", "text", "State", "Status", PROGRAMME_STATES, length=10),
        Field("logo_path", "text", "Logo", "Logo"),
        Field("schema_version", "integer", "Schema version", "Schemaversie", required=True),
        Field("created", "datetime", "Created", "Aangemaakt"),
    ),
)

STAKEHOLDERS = Table(
    "stakeholders",
    "none",
    "Stakeholders",
    "Partijen",
    (
        Field("stakeholder_id", "integer", "Stakeholder id", "Partij-id", required=True),
        Field("name", "text", "Name", "Naam", required=True, length=100),
        Field("discipline", "text", "Discipline", "Discipline", DISCIPLINES, True, 30),
        Field("colour", "text", "Colour", "Kleur", length=9),
        Field("contact", "text", "Contact", "Contactpersoon", length=200),
    ),
)

CHALLENGES = Table(
    "challenges",
    "polygon",
    "Challenges",
    "Opgaven",
    (
        Field("challenge_id", "text", "Challenge id", "Opgave-id", required=True, length=40),
        Field("kind", "text", "Kind", "Soort", CHALLENGE_KINDS, True, 30),
        Field("title", "text", "Title", "Titel", required=True, length=200),
        Field("description", "text", "Description", "Omschrijving"),
        Field("owner", "text", "Ambition owner", "Eigenaar ambitie", length=100),
    ),
)

FINDINGS = Table(
    "findings",
    "polygon",
    "Findings",
    "Bevindingen",
    (
        Field("finding_id", "text", "Finding id", "Bevinding-id", required=True, length=80),
        Field("kind", "text", "Kind", "Soort", FINDING_KINDS, True, 20),
        Field("state", "text", "State", "Stand", FINDING_STATES, True, 10),
        Field("work_a", "text", "Work A", "Werk A", length=40),
        Field("work_b", "text", "Work B", "Werk B", length=40),
        Field("challenge_id", "text", "Challenge", "Opgave", length=40),
        Field("stakeholder_a", "text", "Stakeholder A", "Partij A", length=100),
        Field("stakeholder_b", "text", "Stakeholder B", "Partij B", length=100),
        Field("distance_m", "real", "Distance (m)", "Afstand (m)"),
        Field("shared_length_m", "real", "Shared length (m)", "Gedeelde lengte (m)"),
        Field("shared_area_m2", "real", "Shared area (m²)", "Gedeeld oppervlak (m²)"),
        Field("time_gap_years", "real", "Time gap (years)", "Tijdsverschil (jaren)"),
        Field("saving_eur", "real", "Estimated saving (EUR)", "Geschatte besparing (EUR)"),
        Field("severity", "real", "Severity", "Ernst"),
        Field("parameters", "text", "Rule parameters", "Regelparameters"),
        Field("explanation_en", "text", "Explanation (English)", "Uitleg (Engels)"),
        Field("explanation_nl", "text", "Explanation (Dutch)", "Uitleg (Nederlands)"),
        Field("first_found", "datetime", "First found", "Eerst gevonden"),
        Field("last_found", "datetime", "Last found", "Laatst gevonden"),
    ),
)

DECISIONS = Table(
    "decisions",
    "none",
    "Decisions",
    "Besluiten",
    (
        Field("finding_id", "text", "Finding", "Bevinding", length=80),
        Field("work_id", "text", "Work", "Werk", length=40),
        Field("verdict", "text", "Verdict", "Besluit", VERDICTS, True, 20),
        Field("decision_text", "text", "Decision", "Besluittekst"),
        Field("action_holder", "text", "Action holder", "Actiehouder", length=100),
        Field("decided_by", "text", "Decided by", "Besloten door", length=100),
        Field("decided_at", "datetime", "Decided at", "Besloten op", required=True),
        # set when a later delivery changed the work's period or place: the decision was
        # taken on what the work was then
        Field(
            "delivery_change",
            "text",
            "Changed by a later delivery",
            "Gewijzigd door een latere levering",
        ),
    ),
)

#: What each stakeholder's last action list held, so the next list can tell what is new,
#: changed or closed since: a line per item with a fingerprint of what it said.
ACTION_LISTS = Table(
    "action_lists",
    "none",
    "Action lists (last made)",
    "Actielijsten (laatst gemaakt)",
    (
        Field("stakeholder_id", "integer", "Stakeholder", "Partij", required=True),
        Field("item_kind", "text", "Item", "Onderdeel", LISTED_ITEMS, True, 20),
        Field("item_id", "text", "Item id", "Onderdeel-id", length=120),
        Field("summary", "text", "What the list said", "Wat de lijst zei"),
        Field("fingerprint", "text", "Fingerprint", "Vingerafdruk", length=40),
        Field("listed_at", "datetime", "Listed at", "Opgenomen op", required=True),
    ),
    since=2,
)

RULE_SETTINGS = Table(
    "rule_settings",
    "none",
    "Rule settings",
    "Regelinstellingen",
    (
        Field("key", "text", "Setting", "Instelling", required=True, length=60),
        Field("value", "real", "Value", "Waarde", required=True),
    ),
)

MORATORIUM_PERIODS = Table(
    "moratorium_periods",
    "none",
    "Moratorium periods",
    "Graafrustperiodes",
    (
        Field("surface_type", "text", "Surface type", "Verhardingstype", SURFACE_TYPES, True, 20),
        Field("years", "real", "Years without excavation", "Jaren graafrust", required=True),
    ),
)

STREETS = Table(
    "streets",
    "line",
    "Streets",
    "Straten",
    (
        Field("street_name", "text", "Street name", "Straatnaam", required=True, length=100),
        Field("neighbourhood", "text", "Neighbourhood", "Wijk", length=100),
        Field("road_class", "text", "Road class", "Wegklasse", length=20),
    ),
)

NEIGHBOURHOODS = Table(
    "neighbourhoods",
    "polygon",
    "Neighbourhoods",
    "Wijken",
    (
        Field("code", "text", "Code", "Code", required=True, length=20),
        Field("name", "text", "Name", "Naam", required=True, length=100),
    ),
)

#: The field mapping of a stakeholder's last delivery (core.delivery.DeliveryMapping as
#: JSON), so next quarter's delivery imports with one click.
IMPORT_PROFILES = Table(
    "import_profiles",
    "none",
    "Import profiles",
    "Importprofielen",
    (
        Field("stakeholder_id", "integer", "Stakeholder", "Partij", required=True),
        Field("mapping", "text", "Field mapping (JSON)", "Veldkoppeling (JSON)", required=True),
        Field("updated", "datetime", "Updated", "Bijgewerkt", required=True),
    ),
    since=2,
)

#: Who saved which row of a shared programme when, with the row before and after (None for
#: an insert's before and a delete's after): PostGIS's triggers fill it (store/history.py),
#: and a GeoPackage copy of a shared programme carries it (store/audit.py). Not among
#: TABLES: a GeoPackage programme keeps no history of its own, so only a snapshot has it,
#: and a programme without it opens as ever. Its `fid` is the changed row's key.
AUDIT = Table(
    "audit",
    "none",
    "History",
    "Geschiedenis",
    (
        Field("table_name", "text", "Table", "Tabel", required=True),
        Field("fid", "integer", "Row", "Rij", required=True),
        Field("action", "text", "Change", "Wijziging", required=True),
        Field("changed_by", "text", "Changed by", "Gewijzigd door", required=True),
        Field("changed_at", "moment", "Changed at", "Gewijzigd op", required=True),
        Field("old_values", "json", "Before", "Voor"),
        Field("new_values", "json", "After", "Na"),
    ),
    key="id",
)

TABLES = (
    PROGRAMME,
    STAKEHOLDERS,
    *WORK_TABLES,
    CHALLENGES,
    FINDINGS,
    DECISIONS,
    RULE_SETTINGS,
    MORATORIUM_PERIODS,
    STREETS,
    NEIGHBOURHOODS,
    IMPORT_PROFILES,
    ACTION_LISTS,
)


def table(name: str) -> Table:
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(name)


def choice_label(choices: tuple[Choice, ...], value: str | None, language: str) -> str:
    """The label of a stored value, or the value itself when it is not in the list."""
    for c in choices:
        if c.value == value:
            return c.label(language)
    return "" if value is None else str(value)
