"""Reading what a foreign table says: its field names, its words for a status, a
discipline, a surface type or yes/no, and text that did not survive decoding.

Plain values in and out, so the import and the rule algorithms read a delivery alike.
Words are compared without regard to case, accents, underscores and spacing. What
cannot be read is handed back (None, or counted by `unknown_values`) for the adapter
to report, never turned into a default; the user's own value map wins over the
built-in words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from .schema import DISCIPLINES, STATUSES, SURFACE_TYPES, WORK_FIELDS

REPLACEMENT = "\ufffd"  # what a decoder puts where bytes were not of its encoding
FLAG_CODES = ("true", "false")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A word as compared: lower case, no accents, underscores as spaces, single spaces
    ("  Terminé " and "termine", "in_uitvoering" and "In uitvoering" are one word)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("_", " "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _words(kind: str, groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Folded word -> code; a word given for two codes is a mistake in this module."""
    table: dict[str, str] = {}
    for code, words in groups.items():
        for word in words:
            key = fold(word)
            if table.setdefault(key, code) != code:
                raise ValueError(
                    "{}: {!r} means both {} and {}".format(kind, word, table[key], code)
                )
    return table


def _with_labels(choices, words: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The schema's own code and labels are words of their kind too."""
    return {c.value: (c.value, c.en, c.nl, *words.get(c.value, ())) for c in choices}


_STATUS_WORDS = {
    "idea": (
        "idee", "initiatief", "initiatieffase", "verkenning", "wens",
        "initiative", "proposal", "concept", "idée", "projet", "en projet",
        "Initiative", "Vorschlag",
    ),
    "planned": (
        "gepland", "ingepland", "geprogrammeerd",
        "scheduled", "programmed", "proposed", "forward plan", "work planned", "works planned",
        "prévu", "planifié", "programmé", "à venir", "a programmer",
        "geplant", "vorgesehen", "eingeplant",
    ),
    "in_preparation": (
        "voorbereiding", "in ontwerp", "ontwerp", "ontwerpfase", "voorbereidingsfase",
        "preparation", "in design", "design", "design stage", "permit applied",
        "en préparation", "préparation", "en étude", "à l'étude", "étude", "en conception",
        "in Vorbereitung", "Vorbereitung", "in Planung", "Planung", "Entwurf",
    ),
    "committed": (
        "besloten", "gegund", "opdracht verleend", "definitief", "vastgelegd", "goedgekeurd",
        "approved", "confirmed", "funded", "awarded", "permit granted", "work confirmed",
        "validé", "approuvé", "confirmé", "engagé", "attribué", "autorisé",
        "beschlossen", "genehmigt", "freigegeben", "beauftragt", "vergeben",
    ),
    "in_execution": (
        "uitvoering", "in aanleg", "gestart", "lopend", "bezig", "in uitvoering genomen",
        "execution", "in progress", "work in progress", "works in progress", "work started",
        "works started", "started", "ongoing", "under construction", "underway",
        "en cours", "en travaux", "en cours de réalisation", "en exécution", "commencé",
        "travaux en cours", "in Ausführung", "Ausführung", "im Bau", "in Bau", "laufend",
        "begonnen", "in Arbeit",
    ),
    "done": (
        "afgerond", "voltooid", "opgeleverd", "klaar", "uitgevoerd", "afgesloten", "gereedgemeld",
        "completed", "complete", "finished", "work completed", "works completed", "work closed",
        "terminé", "achevé", "réalisé", "fini", "travaux terminés", "livré", "clôturé",
        "abgeschlossen", "fertig", "fertiggestellt", "erledigt", "beendet", "ausgeführt",
    ),
    "cancelled": (
        "geannuleerd", "ingetrokken", "afgevoerd", "geschrapt", "vervalt", "komt te vervallen",
        "canceled", "work cancelled", "works cancelled", "work canceled",
        "abandoned", "revoked", "annulé", "abandonné", "supprimé", "retiré",
        "abgesagt", "storniert", "entfallen", "gestrichen", "abgebrochen", "zurückgezogen",
    ),
}  # fmt: skip

_DISCIPLINE_WORDS = {
    "road_surface": (
        "wegen", "weg", "wegbeheer", "verhardingen", "bestrating", "wegonderhoud",
        "road", "roads", "highways", "carriageway", "pavement", "road maintenance",
        "voirie", "chaussée", "revêtement", "route",
        "Straße", "Straßenbau", "Fahrbahn", "Straßenunterhaltung",
    ),
    "sewer": (
        "riool", "rioleringen", "rioolvervanging", "afvalwater",
        "sewerage", "sewers", "sewage", "wastewater", "waste water",
        "assainissement", "égout", "égouts", "eaux usées",
        "Kanal", "Kanalisation", "Abwasser", "Kanalbau",
    ),
    "drinking_water": (
        "waterleiding", "drinkwaterleiding",
        "water supply", "water main", "potable water",
        "eau potable", "adduction d'eau",
        "Trinkwasser", "Wasserversorgung",
    ),
    "gas": ("aardgas", "natural gas", "gaz", "gaz naturel", "Erdgas"),
    "electricity": (
        "elektra", "stroom", "laagspanning", "middenspanning", "hoogspanning",
        "electric", "power", "electrical",
        "électricité", "réseau électrique",
        "Strom", "Elektrizität", "Elektro", "Stromnetz",
    ),
    "telecom": (
        "telecommunicatie", "glasvezel",
        "telecommunications", "telecoms", "fibre", "fiber", "broadband",
        "télécom", "télécommunications", "fibre optique",
        "Telekommunikation", "Glasfaser", "Breitband",
    ),
    "district_heating": (
        "stadsverwarming", "warmte", "warmtenetten",
        "heat network", "heating network", "heat",
        "chauffage urbain", "réseau de chaleur",
        "Fernwärme", "Wärmenetz", "Nahwärme",
    ),
    "green": (
        "groenvoorziening", "bomen", "openbaar groen",
        "greenery", "trees", "landscaping", "green space", "parks",
        "espaces verts", "vert", "arbres",
        "Grün", "Grünflächen", "Bäume",
    ),
    "public_lighting": (
        "ovl", "verlichting", "straatverlichting",
        "street lighting", "lighting",
        "éclairage public", "éclairage",
        "Straßenbeleuchtung", "Beleuchtung",
    ),
    "traffic": (
        "verkeersregelinstallatie", "vri", "verkeerslichten",
        "traffic signals", "signals",
        "circulation", "signalisation", "feux",
        "Verkehr", "Verkehrstechnik", "Lichtsignalanlage",
    ),
    "public_transport": (
        "ov", "tram", "bus", "metro",
        "transit", "public transit",
        "transport en commun", "transports en commun", "transports publics",
        "ÖPNV", "öffentlicher Verkehr", "Nahverkehr", "Straßenbahn",
    ),
    "area_development": (
        "ontwikkeling", "nieuwbouw", "herontwikkeling", "gebiedsontwikkelingen",
        "development", "regeneration", "urban development",
        "aménagement", "urbanisme", "aménagement urbain",
        "Stadtentwicklung", "Quartiersentwicklung", "Projektentwicklung",
    ),
    "climate_adaptation": (
        "klimaat", "klimaatbestendig",
        "climate", "adaptation",
        "adaptation climatique", "adaptation au changement climatique",
        "Klimaanpassung", "Klimaanpassungen",
    ),
    "mobility": ("mobilité", "Mobilität"),
    "other": (
        "overig", "overige", "anders", "divers",
        "misc", "miscellaneous",
        "autre", "autres",
        "sonstige", "sonstiges", "andere",
    ),
}  # fmt: skip

_SURFACE_WORDS = {
    "asphalt": (
        "asfaltverharding", "zoab", "bitumen", "tarmac", "bituminous",
        "enrobé", "enrobés", "bitume", "asphalte", "Asphaltdecke",
    ),
    "paving_elements": (
        "elementen", "klinkers", "klinkerverharding", "tegels", "bestrating",
        "paving", "pavers", "block paving", "paving stones", "setts", "cobbles",
        "pavés", "pavage", "dallage", "Pflaster", "Pflastersteine", "Plattenbelag",
    ),
    "concrete": ("betonverharding", "béton", "cement concrete"),
    "semi_paved": (
        "grind", "gravel", "semi paved", "semi-paved", "hoggin",
        "gravier", "stabilisé", "Schotter", "Kies", "wassergebundene Decke",
    ),
    "unpaved": ("zand", "earth", "dirt", "grass", "non revêtu", "terre", "unbefestigt"),
}  # fmt: skip

_FLAG_WORDS = {
    "true": (
        "1", "true", "yes", "ja", "j", "y", "waar", "x", "t", "oui", "vrai", "wahr",
    ),
    "false": (
        "0", "false", "no", "nee", "n", "onwaar", "f", "-", "non", "faux", "nein", "falsch",
    ),
}  # fmt: skip

#: kind -> the schema's codes of that kind
CODES = {
    "status": tuple(s.value for s in STATUSES),
    "discipline": tuple(c.value for c in DISCIPLINES),
    "surface_type": tuple(c.value for c in SURFACE_TYPES),
    "flag": FLAG_CODES,
}
WORDS = {
    "status": _words("status", _with_labels(STATUSES, _STATUS_WORDS)),
    "discipline": _words("discipline", _with_labels(DISCIPLINES, _DISCIPLINE_WORDS)),
    "surface_type": _words("surface_type", _with_labels(SURFACE_TYPES, _SURFACE_WORDS)),
    "flag": _words("flag", _FLAG_WORDS),
}


def is_empty(value) -> bool:
    """No value at all: None, NaN or blank text (told apart from an unknown word)."""
    return value is None or value != value or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    """A value as the word it stands for: 1.0 read from a spreadsheet is the word "1"."""
    if isinstance(value, bool):
        return FLAG_CODES[0] if value else FLAG_CODES[1]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def value_reader(kind: str, own_map: Mapping[str, str] | None = None) -> Callable:
    """A reader of one kind's values (status, discipline, surface_type or flag): value ->
    the schema's code, or None when empty or unknown. The user's own map (source word ->
    code) wins over the built-in words; a code in it that is not of the kind is refused
    with ValueError, before any value is read. Made once for a whole column."""
    codes = CODES[kind]
    own = {}
    for word, code in (own_map or {}).items():
        if code not in codes:
            raise ValueError("{}: {!r} is not a code of this kind".format(kind, code))
        own[fold(_text(word))] = code
    table = {**WORDS[kind], **own}

    def read(value) -> str | None:
        if is_empty(value):
            return None
        return table.get(fold(_text(value)))

    return read


def read_choice(kind: str, value, own_map: Mapping[str, str] | None = None) -> str | None:
    """The schema's code for one value; None when empty or unknown (never a default)."""
    return value_reader(kind, own_map)(value)


def unknown_values(
    kind: str, values: Iterable, own_map: Mapping[str, str] | None = None
) -> list[tuple[str, int]]:
    """The words not known for the kind, with how often each occurs, most common first;
    spellings of one word ("Gepland ", "gepland") are counted together under the first
    seen. Empty values are not words: a missing value is another problem."""
    read = value_reader(kind, own_map)
    counts: Counter = Counter(v for v in values if not is_empty(v))
    unknown: Counter = Counter()
    shown: dict[str, str] = {}
    for value, count in counts.items():
        if read(value) is None:
            key = fold(_text(value))
            unknown[shown.setdefault(key, _text(value))] += count
    return unknown.most_common()


def read_flag(value, own_map: Mapping[str, str] | None = None) -> bool | None:
    """True or False from a yes/no value in any of the known languages; None when the
    word is not known. Empty is no: a flag field left blank says nothing happens."""
    if is_empty(value):
        return False
    code = read_choice("flag", value, own_map)
    return None if code is None else code == FLAG_CODES[0]


# Field names: schema field -> its names in deliveries (nl, en, fr, de), best first,
# after the schema's own name and labels (a programme's own export maps onto itself).
FIELD_SYNONYMS = {
    "external_ref": (
        "kenmerk", "referentie", "projectnummer", "projectnr", "projectcode", "projectid",
        "project id", "werk id", "work id", "nummer", "nr", "code", "id", "ref",
        "reference", "project number", "project reference", "identifier", "work reference",
        "référence", "numéro", "numéro de projet", "identifiant",
        "Referenz", "Kennung", "Projektnummer",
    ),
    "title": (
        "titel", "naam", "projectnaam", "project", "werk", "werknaam", "projecttitel",
        "title", "name", "project name", "work name",
        "titre", "nom", "nom du projet", "intitulé", "libellé", "projet",
        "Bezeichnung", "Projektname", "Projekt",
    ),
    "description": (
        "omschrijving", "beschrijving", "toelichting", "opmerking", "opmerkingen", "werkzaamheden",
        "description", "remarks", "comments", "notes", "details", "scope",
        "commentaire", "remarques", "observations", "travaux",
        "Beschreibung", "Bemerkung", "Bemerkungen", "Maßnahme",
    ),
    "location": (
        "straat", "straatnaam", "locatie", "plaats", "adres", "straten", "weg", "wegnaam",
        "street", "street name", "location", "address", "road", "road name", "place",
        "rue", "nom de rue", "voie", "adresse", "lieu", "localisation",
        "Straße", "Straßenname", "Ort", "Lage", "Adresse",
    ),
    "planned_start": (
        "startjaar", "jaar uitvoering", "uitvoeringsjaar", "begindatum", "startdatum", "start",
        "begin", "aanvang", "jaar start", "start uitvoering", "planjaar", "jaar", "datum",
        "start date", "start year", "year", "from", "date", "planned start",
        "date début", "date de début", "début", "année", "année de début",
        "Beginn", "Startdatum", "Baubeginn", "Jahr", "Datum", "von",
    ),
    "planned_end": (
        "einddatum", "eindjaar", "eind", "einde", "jaar gereed", "gereed", "opleverdatum",
        "jaar oplevering", "einde uitvoering", "oplevering",
        "end", "end date", "end year", "until", "completion", "completion date", "planned end",
        "date fin", "date de fin", "fin", "année de fin",
        "Ende", "Enddatum", "Bauende", "Fertigstellung", "bis",
    ),
    "stakeholder_id": (
        "partij", "beheerder", "eigenaar", "opdrachtgever", "organisatie", "netbeheerder",
        "initiatiefnemer", "uitvoerder",
        "owner", "stakeholder", "organisation", "organization", "promoter", "operator",
        "utility", "asset owner",
        "maître d'ouvrage", "maître ouvrage", "gestionnaire", "propriétaire", "opérateur",
        "concessionnaire",
        "Eigentümer", "Betreiber", "Träger", "Bauherr", "Vorhabenträger",
    ),
    "status": (
        "status", "fase", "stadium", "projectfase", "stand",
        "state", "phase", "stage", "work status",
        "statut", "état", "etat d'avancement", "avancement",
        "Zustand", "Projektstatus",
    ),
    "discipline": (
        "discipline", "vakdiscipline", "soort", "vakgebied", "netwerk", "categorie", "type",
        "domein", "sector",
        "category", "asset type", "utility type", "network", "kind",
        "catégorie", "réseau", "domaine", "nature",
        "Sparte", "Kategorie", "Art", "Netz", "Gewerk",
    ),
    "cost_estimate": (
        "kosten", "raming", "kostenraming", "budget", "bedrag", "investering", "begroting",
        "cost", "costs", "estimate", "cost estimate", "amount", "value",
        "coût", "coûts", "montant", "estimation",
        "Betrag", "Kostenschätzung",
    ),
    "opens_ground": (
        "graaft open", "graafwerk", "graven", "ontgraving", "open grond",
        "excavation", "excavates", "opens ground", "dig", "digging",
        "fouille", "terrassement", "creusement", "ouverture de chaussée",
        "Aufgrabung", "Tiefbau", "Grabung",
    ),
    "renews_surface": (
        "vernieuwt verharding", "herbestrating", "verhardingsvervanging", "nieuwe verharding",
        "resurfacing", "renews surface", "surface renewal", "reinstatement",
        "réfection", "réfection de chaussée", "renouvellement",
        "Deckenerneuerung", "Belagserneuerung",
    ),
    "surface_type": (
        "verhardingstype", "verharding", "type verharding", "verhardingssoort",
        "surface type", "surface", "pavement type",
        "type de revêtement", "revêtement", "Belag", "Belagsart", "Oberfläche",
    ),
    "flexibility_years": (
        "flexibiliteit", "speelruimte", "marge",
        "flexibility", "float", "slack",
        "flexibilité", "marge de manoeuvre", "Flexibilität", "Spielraum",
    ),
}  # fmt: skip
SUGGESTED_FIELDS = tuple(FIELD_SYNONYMS)


def _name(text: str) -> str:
    """A field name as compared: folded, every run of other characters a single space
    ("Raming (€)" -> "raming", "JAAR_UITVOERING" -> "jaar uitvoering")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


def _name_score(name: str, synonym: str) -> float:
    """How well a field name (as compared) says a synonym: 1 the same name, 0.7-0.9 the
    synonym as whole words of it, 0.4-0.7 part of a compound (startmoment) when the
    synonym is long enough not to be part of anything (not "id", "code", "naam"); more
    of the name covered scores higher. 0 otherwise."""
    compact, word = name.replace(" ", ""), synonym.replace(" ", "")
    if not compact or not word:
        return 0.0
    coverage = len(word) / len(compact)
    if compact == word:
        return 1.0
    if re.search(r"(^| ){}( |$)".format(re.escape(synonym)), name):
        return 0.7 + 0.2 * coverage
    if len(word) >= 5 and word in compact:
        return 0.4 + 0.3 * coverage
    return 0.0


def suggest_mapping(source_fields: Sequence[str]) -> dict[str, str]:
    """Schema field -> source field as far as the names tell, from each field's names in
    Dutch, English, French and German. The best match is taken first (a better score,
    then a name earlier in the field's list: "Begindatum" before "Jaar") and each source
    field and schema field is used once, so "Straatnaam" is the location and not also a
    title (naam). A guess for the user to confirm, never applied without asking."""
    schema_fields = {f.name: f for f in WORK_FIELDS}
    synonyms = {
        field: [_name(s) for s in (field, schema_fields[field].en, schema_fields[field].nl, *names)]
        for field, names in FIELD_SYNONYMS.items()
    }
    candidates = []
    for position, source in enumerate(source_fields):
        name = _name(source)
        for rank, (field, names) in enumerate(synonyms.items()):
            score, order = max((_name_score(name, s), -i) for i, s in enumerate(names))
            if score > 0:
                candidates.append((-score, -order, position, rank, field, source))
    suggested: dict[str, str] = {}
    used: set[str] = set()
    for *_, field, source in sorted(candidates):
        if field not in suggested and source not in used:
            suggested[field] = source
            used.add(source)
    return suggested


def garbled(text: str) -> bool:
    """Whether text was decoded with the wrong encoding: replacement characters (cp1252
    read as UTF-8: 'Stedin � Netbeheer'), C1 control characters (cp1252 read as
    Latin-1: its dash becomes U+0096), or UTF-8 read as cp1252 ('CafÃ©')."""
    if text.isascii():
        return False
    if REPLACEMENT in text or any("\x80" <= c <= "\x9f" for c in text):
        return True
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8") != text
        except UnicodeError:
            continue
    return False


def garbled_values(values) -> tuple[int, str | None]:
    """How many text values are garbled, and the first of them."""
    found = [v for v in values if isinstance(v, str) and garbled(v)]
    return len(found), (found[0] if found else None)
