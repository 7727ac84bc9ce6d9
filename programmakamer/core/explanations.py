"""The sentences that explain a finding, in English and Dutch, one function per rule.

Each takes what its rule found, in columns, and returns the English and the Dutch sentence
per finding. Numbers are written in the reader's language (`number_texts`, `euros`), and
a work's period once per distinct pair of years: a city has thousands of pairs and few
distinct periods.
"""

from __future__ import annotations

import numpy as np

from .findings import euros, number_texts, year_text
from .works import Works

LANGS = ("en", "nl")
Sentences = tuple[list[str], list[str]]


def combine(works: Works, a, b, gap, flexible, measured, by_area, saving) -> Sentences:
    """'A (title, 2027) and B (title, 2028) meet over 120 m, 1 year apart: digging once saves
    about € 90,000.' Two areas 'share 600 m²' instead; works that share neither length nor
    area (points) get no saving."""
    who = list(
        zip(
            works.stakeholder[a],
            works.title[a],
            _periods(works, a),
            works.stakeholder[b],
            works.title[b],
            _periods(works, b),
        )
    )
    templates = {
        "en": (
            "{} ({}, {}) and {} ({}, {}) meet over {} m{}: digging once saves about {}.",
            "{} ({}, {}) and {} ({}, {}) share {} m²{}: digging once saves about {}.",
            "{} ({}, {}) and {} ({}, {}) lie {} m apart{}: dig once.",
        ),
        "nl": (
            "{} ({}, {}) en {} ({}, {}) liggen {} m samen{}: één keer graven bespaart circa {}.",
            "{} ({}, {}) en {} ({}, {}) delen {} m²{}: één keer graven bespaart circa {}.",
            "{} ({}, {}) en {} ({}, {}) liggen {} m uit elkaar{}: graaf één keer.",
        ),
    }
    alone = np.isnan(saving)
    en, nl = (
        [
            (along, in_area, apart)[2 if lone else 1 if area else 0].format(
                *names, far if lone else square if area else length, when, saving_text
            )
            for names, length, square, far, when, saving_text, area, lone in zip(
                who,
                number_texts(measured.shared_length, lang),
                number_texts(measured.shared_area, lang),
                number_texts(measured.distance, lang, 1),
                _when_apart(gap, flexible, lang),
                euros(saving, lang),
                by_area.tolist(),
                alone.tolist(),
            )
        ]
        for lang, (along, in_area, apart) in templates.items()
    )
    return en, nl


def _when_apart(gap: np.ndarray, flexible: np.ndarray, language: str) -> list[str]:
    """', 1.5 years apart[, flexible enough to meet]' per pair; nothing when they meet."""
    apart, close = (
        (", {} jaar na elkaar", ", met genoeg flexibiliteit om samen te gaan")
        if language == "nl"
        else (", {} years apart", ", flexible enough to meet")
    )
    return [
        apart.format(years) + (close if can else "") if far else ""
        for years, can, far in zip(
            number_texts(gap, language, 1), flexible.tolist(), (gap >= 0.05).tolist()
        )
    ]


def clash(works: Works, a, b, days) -> Sentences:
    """'A (title) and B (title) work at the same place at the same time for 30 days.'"""
    en = [
        "{} ({}) and {} ({}) work at the same place at the same time for {} days.".format(
            works.stakeholder[i], works.title[i], works.stakeholder[j], works.title[j], d
        )
        for i, j, d in zip(a, b, number_texts(days, "en"))
    ]
    nl = [
        "{} ({}) en {} ({}) werken {} dagen tegelijk op dezelfde plek.".format(
            works.stakeholder[i], works.title[i], works.stakeholder[j], works.title[j], d
        )
        for i, j, d in zip(a, b, number_texts(days, "nl"))
    ]
    return en, nl


#: The renewal rules' sentences, English and Dutch, filled from `_renewal_rows`.
SEQUENCE = (
    "{0} renews the surface ({1}, {2}) {6} years before {3} digs there ({4}, {5}): "
    "dig first, pave last.",
    "{0} vernieuwt de verharding ({1}, {2}) {7} jaar voordat {3} daar graaft ({4}, {5}): "
    "eerst graven, dan bestraten.",
)
MORATORIUM = (
    "{3} digs ({4}, {5}) {6} years after {0} renewed the surface ({1}, {2}), "
    "inside the moratorium of {8} years.",
    "{3} graaft ({4}, {5}) {7} jaar nadat {0} de verharding vernieuwde ({1}, {2}), "
    "binnen de graafrust van {9} jaar.",
)


def sequence(works: Works, r, d, after, remaining) -> Sentences:
    """'A renews the surface (…) 1.5 years before B digs there (…): dig first, pave last.'"""
    return _renewal(works, r, d, after, remaining, *SEQUENCE)


def moratorium(works: Works, r, d, after, remaining) -> Sentences:
    """'B digs (…) 1.5 years after A renewed the surface (…), inside the moratorium of 5 years.'"""
    return _renewal(works, r, d, after, remaining, *MORATORIUM)


def _renewal(works: Works, r, d, after, remaining, en: str, nl: str) -> Sentences:
    """The renewal rules' sentences: their templates filled from the same rows."""
    rows = _renewal_rows(works, r, d, after, remaining)
    return [en.format(*row) for row in rows], [nl.format(*row) for row in rows]


def _renewal_rows(works: Works, r, d, after, remaining) -> list[tuple]:
    """What the renewal rules' sentences say, per pair: the renewal's stakeholder, title and
    period (0-2), the excavation's (3-5), the years between in English and Dutch (6, 7) and
    the moratorium's length in English and Dutch (8, 9)."""
    return list(
        zip(
            works.stakeholder[r],
            works.title[r],
            _periods(works, r),
            works.stakeholder[d],
            works.title[d],
            _periods(works, d),
            number_texts(after, "en", 1),
            number_texts(after, "nl", 1),
            number_texts(after + remaining, "en"),
            number_texts(after + remaining, "nl"),
        )
    )


def ambition(works: Works, w, challenge_titles, is_line, length, area) -> Sentences:
    """'A (title) works inside 'challenge' over 120 m (or m² for areas): add the ambition's
    measures while the street is open.'"""
    sizes = {
        lang: [
            "{} m".format(m) if line else "{} m²".format(a)
            for m, a, line in zip(
                number_texts(length, lang), number_texts(area, lang), is_line.tolist()
            )
        ]
        for lang in LANGS
    }
    en = [
        "{} ({}) works inside '{}' over {}: add the ambition's measures while the street "
        "is open.".format(works.stakeholder[i], works.title[i], title, size)
        for i, title, size in zip(w, challenge_titles, sizes["en"])
    ]
    nl = [
        "{} ({}) werkt over {} binnen '{}': neem de maatregelen van de opgave mee nu de straat "
        "toch open gaat.".format(works.stakeholder[i], works.title[i], size, title)
        for i, title, size in zip(w, challenge_titles, sizes["nl"])
    ]
    return en, nl


def hotspot(labels_en, labels_nl, at_peak: np.ndarray, peak_years: list[int]) -> Sentences:
    """'Cell at x, y: 5 works at once in 2028, 2 of them digging (hindrance 9).' `at_peak`
    holds per cell the works, excavations and hindrance in its peak year."""
    texts = {lang: np.array(number_texts(at_peak.ravel(), lang)).reshape(-1, 3) for lang in LANGS}
    en = [
        "{}: {} works at once in {}, {} of them digging (hindrance {}).".format(label, n, y, d, h)
        for label, (n, d, h), y in zip(labels_en, texts["en"], peak_years)
    ]
    nl = [
        "{}: {} werken tegelijk in {}, waarvan {} gravend (hinder {}).".format(label, n, y, d, h)
        for label, (n, d, h), y in zip(labels_nl, texts["nl"], peak_years)
    ]
    return en, nl


def _periods(works: Works, index: np.ndarray) -> np.ndarray:
    """'2027' or '2027–2029' per work in `index`, formatted once per distinct pair of years."""
    first = works.start[index].astype("datetime64[Y]")
    last = works.end[index].astype("datetime64[Y]")
    if len(index) == 0:
        return np.array([], dtype=object)
    key = np.stack([first.view("int64"), last.view("int64")], axis=1)
    _, where, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    texts = np.array([_period_text(first[k], last[k]) for k in where], dtype=object)
    return texts[inverse.reshape(-1)]


def _period_text(first: np.datetime64, last: np.datetime64) -> str:
    first_year, last_year = year_text(first), year_text(last)
    if first_year == last_year or last_year >= "2200":
        return first_year
    return "{}–{}".format(first_year, last_year)
