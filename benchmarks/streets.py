"""Street-name matching on a messy delivery: `python benchmarks/streets.py [rows] [seed]`.

Generates a street network of about 5,000 segments in four places (a city and three
villages; common names such as Kerkstraat exist in several) and a delivery of 1,000 rows
written as stakeholders write them: the name as is, with house numbers in the same field,
in another case or spacing, abbreviated (Burg., Pr., Kon., v.d., St., -str., -ln.), with
one typo, with and without the place,
names that exist only in another place, and names that exist nowhere. The generator keeps
each row's truth, and the figures are measured against it:

- seconds: building the network once, and matching all rows (cuts to cross streets and
  house numbers included);
- auto-matched: the share of rows whose street exists (and can be told apart by the row's
  own words) that got that street's geometry without the specialist;
- wrong: the share of all rows that got geometry of another street (or any geometry while
  their street exists nowhere or cannot be told apart);
- flagged: rows whose name is in two places and whose place is missing, found "ambiguous".

The baseline is what a specialist can do today with a join on the name: an exact
(name, place) dictionary lookup, run in the same process. Results go to
benchmarks/results/streets.{md,json}.
"""

from __future__ import annotations

import json
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"

PLACES = (("Utrecht", 40), ("Zeist", 22), ("De Bilt", 22), ("Bunnik", 6))  # grid nodes a side
BLOCK = 100.0
SWEEP = (85.0, 88.0, 90.0, 92.0, 95.0)  # accept scores tried besides the documented one

STEMS = (
    "Eiken Beuken Linden Iepen Essen Berken Wilgen Populieren Kastanje Esdoorn Hazelaar "
    "Rozen Tulpen Lelie Narcis Anjer Violieren Seringen Jasmijn Lavendel Klaver Distel "
    "Merel Lijster Vink Mees Specht Reiger Zwaluw Kievit Uilen Valken Havik Spreeuw "
    "Bakkers Smids Molenaars Kuipers Schippers Vissers Brouwers Wevers Touwslagers "
    "Kerk Dorps School Stations Molen Haven Markt Brug Kanaal Polder Dijk Veld Bos Heide "
    "Zon Maan Sterren Regenboog Noorder Zuider Ooster Wester Hoog Laag Nieuwe Oude "
    "Rembrandt Vermeer Hals Steen Mondriaan Escher Breitner Israels Jongkind Mesdag "
    "Vondel Hooft Bredero Huygens Cats Multatuli Bilderdijk Tollens Potgieter Beets "
    "Amstel Vecht Lek Rijn Maas Waal IJssel Eem Kromme Rijn Linge Dommel Dinkel "
    "Texel Vlieland Ameland Schiermonnik Terschelling Goeree Walcheren Tholen "
    "Mercurius Venus Mars Jupiter Saturnus Neptunus Pluto Orion Pegasus Andromeda "
    "Goud Zilver Koper Tin Lood IJzer Kobalt Nikkel Platina Kwarts Jaspis Agaat Topaas "
    "Kamille Salie Tijm Munt Dille Kervel Venkel Lavas Bieslook Dragon Anijs Karwij"
).split()
SUFFIXES = ("straat", "laan", "weg", "plein", "kade", "singel", "gracht", "dreef", "hof", "pad")
PEOPLE = (
    "Burgemeester {}laan",
    "Burgemeester {}straat",
    "Prinses {}straat",
    "Prins {}laan",
    "Koningin {}laan",
    "Van der {}straat",
    "Van {}weg",
    "Sint {}straat",
    "Dokter {}laan",
    "Professor {}weg",
)
PERSONS = (
    "Reiger Jansen Vlugt Fockema Norbruis Royen Hoogland Kolff Beelaerts Kwint Verheij "
    "Sweelinck Hekking Spoorman Pieck Hommes Loeff Damen Rosa Tak"
).split()
ROYALS = (
    "Juliana Beatrix Irene Margriet Christina Marijke Bernhard Hendrik Willem Wilhelmina".split()
)
SAINTS = "Jans Pieters Martinus Agnes Anthonie Jacobs Lucas".split()
SHARED = ("Kerkstraat", "Dorpsstraat", "Molenweg", "Schoolstraat", "Stationsweg", "Julianalaan")
ABBREVIATIONS = (
    ("Burgemeester ", "Burg. "),
    ("Prinses ", "Pr. "),
    ("Prins ", "Pr. "),
    ("Koningin ", "Kon. "),
    ("Van der ", "v.d. "),
    ("Van ", "v. "),
    ("Sint ", "St. "),
    ("Dokter ", "Dr. "),
    ("Professor ", "Prof. "),
    ("straat", "str."),
    ("laan", "ln."),
    ("plein", "pln."),
    ("weg", "wg."),
    ("kade", "kd."),
)


def street_names(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """`count` names a Dutch place could have: plain stem+suffix, people with titles, a few
    numbered; never one in `taken`."""
    names: list[str] = []
    while len(names) < count:
        kind = rng.random()
        if kind < 0.78:
            stem = rng.choice(STEMS)
            name = stem + rng.choice(SUFFIXES)
        elif kind < 0.95:
            pattern = rng.choice(PEOPLE)
            if "Prin" in pattern or "Koningin" in pattern:
                who = rng.choice(ROYALS)
            elif pattern.startswith("Sint"):
                who = rng.choice(SAINTS)
            else:
                who = rng.choice(PERSONS)
            name = pattern.format(who)
        else:
            name = "{}e {}".format(rng.randint(1, 3), rng.choice(STEMS) + rng.choice(SUFFIXES))
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def build_network(rng: random.Random):
    """Segments on one grid per place: every grid row and column cut into streets of 2-8
    blocks. Returns the plain columns and each street's (name, place) -> crossing names."""
    from shapely.geometry import LineString

    names, places, lines = [], [], []
    streets: dict[tuple[str, str], list] = {}
    all_names: set[str] = set()
    for p, (place, side) in enumerate(PLACES):
        x0, y0 = p * 20_000.0, 0.0
        runs = []
        for axis in (0, 1):
            for line in range(side):
                k = 0
                while k < side - 1:
                    length = min(rng.randint(2, 8), side - 1 - k)
                    runs.append((axis, line, k, k + length))
                    k += length
        taken: set[str] = set()
        own = [n for n in SHARED if rng.random() < 0.9]
        taken.update(own)
        own += street_names(rng, len(runs) - len(own), taken)
        rng.shuffle(own)
        for (axis, line, a, b), name in zip(runs, own):
            nodes = [
                (x0 + k * BLOCK, y0 + line * BLOCK)
                if axis == 0
                else (x0 + line * BLOCK, y0 + k * BLOCK)
                for k in range(a, b + 1)
            ]
            for s, e in zip(nodes[:-1], nodes[1:]):
                names.append(name)
                places.append(place)
                lines.append(LineString([s, e]))
            streets[(name, place)] = [axis, line, a, b]
        all_names.update(taken)
    crossing: dict[tuple[str, str], list[str]] = {}
    by_place: dict[str, list] = {}
    for (name, place), run in streets.items():
        by_place.setdefault(place, []).append((name, run))
    for place, runs in by_place.items():
        grid = {}
        for name, (axis, line, a, b) in runs:
            for k in range(a, b + 1):
                grid.setdefault((axis, line, k), []).append(name)
        for name, (axis, line, a, b) in runs:
            # one street per crossing node: two streets meeting it at one node are no stretch
            crossing[(name, place)] = sorted(
                {
                    min(grid[(1 - axis, k, line)])
                    for k in range(a + 1, b)
                    if (1 - axis, k, line) in grid
                }
            )
    return names, places, lines, crossing, all_names


def typo(rng: random.Random, name: str) -> str:
    """One slip of the keyboard in the part after any title."""
    start = name.rfind(" ") + 1
    word = name[start:]
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "swap", "double", "replace"))
    if kind == "drop":
        word = word[:i] + word[i + 1 :]
    elif kind == "swap":
        word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == "double":
        word = word[:i] + word[i] + word[i:]
    else:
        word = word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1 :]
    return name[:start] + word


def abbreviate(rng: random.Random, name: str) -> str:
    for long, short in ABBREVIATIONS:
        if long in name:
            return name.replace(long, short, 1)
    return name.upper() if rng.random() < 0.5 else name.replace("straat", " straat")


def delivery(rng: random.Random, rows: int, crossing: dict, all_names: set):
    """Rows as (query, truth): truth is (name, place), "ambiguous" or None (nowhere)."""
    from programmakamer.core.streets import StreetQuery

    keys = sorted(crossing)
    place_names = [p for p, _ in PLACES]
    shared = sorted(k for k in keys if k[0] in SHARED)
    out = []
    for row in range(rows):
        r = rng.random()
        name, place = rng.choice(keys)
        truth: object = (name, place)
        given_place: str | None = place
        if r < 0.30:
            text = name
        elif r < 0.35:
            first = rng.randint(1, 60)
            text = rng.choice(("{} {}", "{} {}-{}", "{}, {} t/m {}")).format(
                name, first, first + rng.randint(1, 20)
            )
        elif r < 0.47:
            text = rng.choice((name.lower(), name.upper(), "  " + name.replace(" ", "  ") + " "))
        elif r < 0.65:
            text = abbreviate(rng, name)
        elif r < 0.77:
            text = typo(rng, name)
        elif r < 0.85:
            name, place = rng.choice(shared)
            text, truth, given_place = (
                rng.choice((name, name.lower(), abbreviate(rng, name))),
                (name, place),
                place,
            )
        elif r < 0.88:
            name, place = rng.choice(shared)
            text, truth, given_place = name, "ambiguous", None
        elif r < 0.92:
            # a name of another place: exists, but not where the row says
            others = [p for p in place_names if (name, p) not in crossing]
            while not others:
                name, place = rng.choice(keys)
                others = [p for p in place_names if (name, p) not in crossing]
            given_place = rng.choice(others)
            text, truth = name, None
        else:
            while True:
                text = rng.choice(STEMS) + rng.choice(SUFFIXES)
                if text not in all_names:
                    break
            truth = None
        numbers = None
        from_street = to_street = None
        if isinstance(truth, tuple) and rng.random() < 0.2 and len(crossing[truth]) >= 2:
            from_street, to_street = rng.sample(crossing[truth], 2)
        elif rng.random() < 0.1:
            first = rng.randint(1, 40)
            numbers = (first, first + rng.randint(2, 30))
        out.append((StreetQuery(row, text, given_place, from_street, to_street, numbers), truth))
    return out


def score(results: list[tuple[str | None, str | None] | None], truths: list) -> dict:
    """Shares against the truth: auto-matched among rows whose street exists and is told
    apart, wrong among all rows."""
    findable = [i for i, t in enumerate(truths) if isinstance(t, tuple)]
    right = sum(1 for i in findable if results[i] == truths[i])
    wrong = sum(1 for r, t in zip(results, truths) if r is not None and r != t)
    return {
        "rows": len(truths),
        "findable_rows": len(findable),
        "auto_matched": right / len(findable),
        "wrong": wrong / len(truths),
        "wrong_rows": wrong,
    }


def run(rows: int = 1000, seed: int = 12) -> dict:
    from programmakamer.core.streets import StreetNetwork, match_streets

    rng = random.Random(seed)
    names, places, lines, crossing, all_names = build_network(rng)
    rows_and_truth = delivery(rng, rows, crossing, all_names)
    queries = [q for q, _ in rows_and_truth]
    truths = [t for _, t in rows_and_truth]

    started = time.perf_counter()
    lookup = {}
    for name, place, line in zip(names, places, lines):
        lookup.setdefault((name, place), []).append(line)
    baseline = [(q.street, q.place) if (q.street, q.place) in lookup else None for q in queries]
    baseline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    network = StreetNetwork.from_segments(names, lines, places)
    build_seconds = time.perf_counter() - started
    started = time.perf_counter()
    matches = match_streets(queries, network)
    match_seconds = time.perf_counter() - started
    found = [(m.street, m.place) if m.accepted else None for m in matches]

    sweep = {}
    for accept in SWEEP:
        swept = match_streets(queries, network, accept_score=accept)
        sweep[accept] = score([(m.street, m.place) if m.accepted else None for m in swept], truths)

    levels: dict[str, int] = {}
    for m in matches:
        levels[m.level] = levels.get(m.level, 0) + 1
    ambiguous_rows = [i for i, t in enumerate(truths) if t == "ambiguous"]
    cut_rows = [i for i, q in enumerate(queries) if q.from_street or q.numbers]
    return {
        "segments": len(names),
        "streets": len(network),
        "rows": rows,
        "seed": seed,
        "build_seconds": round(build_seconds, 3),
        "match_seconds": round(match_seconds, 3),
        "baseline_seconds": round(baseline_seconds, 4),
        "engine": score(found, truths),
        "baseline": score(baseline, truths),
        "levels": levels,
        "accept_score_sweep": sweep,
        "ambiguous_flagged": sum(matches[i].level == "ambiguous" for i in ambiguous_rows)
        / max(len(ambiguous_rows), 1),
        "cut_as_asked": sum(
            matches[i].cut in ("cross_streets", "numbers") for i in cut_rows if found[i]
        )
        / max(sum(1 for i in cut_rows if found[i]), 1),
        "wrong_examples": [
            (queries[i].street, queries[i].place, truths[i], found[i])
            for i in range(rows)
            if found[i] is not None and found[i] != truths[i]
        ][:10],
        "missed_examples": [
            (queries[i].street, queries[i].place, matches[i].level, round(matches[i].score, 1))
            for i in range(rows)
            if isinstance(truths[i], tuple) and found[i] != truths[i]
        ][:15],
    }


def main(argv: list[str]) -> None:
    rows = int(argv[0]) if argv else 1000
    seeds = [int(a) for a in argv[1:]] or [12, 13, 14]
    results = [run(rows, seed) for seed in seeds]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "streets.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    lines = [
        "| seed | segments | rows | build s | match s | baseline s | auto-matched | baseline "
        "auto-matched | wrong | baseline wrong | ambiguous flagged | cut as asked |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            "| {seed} | {segments} | {rows} | {build_seconds:.2f} | {match_seconds:.2f} | "
            "{baseline_seconds:.4f} | {a:.1%} | {ba:.1%} | {w:.1%} | {bw:.1%} | {amb:.0%} | "
            "{cut:.0%} |".format(
                a=r["engine"]["auto_matched"],
                ba=r["baseline"]["auto_matched"],
                w=r["engine"]["wrong"],
                bw=r["baseline"]["wrong"],
                amb=r["ambiguous_flagged"],
                cut=r["cut_as_asked"],
                **r,
            )
        )
    lines += [
        "",
        "Accept score against the truth (auto-matched / wrong, per seed):",
        "",
        "| accept score | " + " | ".join("seed {}".format(r["seed"]) for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    for accept in SWEEP:
        lines.append(
            "| {} | ".format(accept)
            + " | ".join(
                "{:.1%} / {:.1%}".format(
                    r["accept_score_sweep"][accept]["auto_matched"],
                    r["accept_score_sweep"][accept]["wrong"],
                )
                for r in results
            )
            + " |"
        )
    (RESULTS / "streets.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    for r in results:
        print("levels", r["levels"])
        print("wrong", r["wrong_examples"])
        print("missed", r["missed_examples"])


if __name__ == "__main__":
    main(sys.argv[1:])
