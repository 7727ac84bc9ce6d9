"""A deterministic demo city: a plausible Dutch town in EPSG:28992, with no downloads.

The town is a jittered street grid around a centre, nine neighbourhoods, twelve
stakeholders and a programme of a few hundred works over ten years. Some patterns
are planted on purpose, because they are what a chamber looks for: grid
reinforcement, sewer replacement and road renewal in the same street within two
years (dig-once chances), road renewals planned before an excavation in the same
street (pave before dig), and excavations planned shortly after a finished
renewal (moratorium breaches). `DemoCity.planted` lists them by work id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import substring

from .periods import first_day, last_day

DEMO_SEED = 20261128
DEMO_REFERENCE_YEAR = 2027
ORIGIN = (154000.0, 462000.0)  # south-west corner, RD New metres
NODES = 21  # street nodes per side
BLOCK = 120.0  # metres between streets
END_TRIM = 10.0  # works stop short of crossings, so works in other runs stay > 5 m apart

NEIGHBOURHOOD_NAMES = (
    ("W01", "Zuidwest"),
    ("W02", "Zuiderpark"),
    ("W03", "Zuidoost"),
    ("W04", "Westwijk"),
    ("W05", "Centrum"),
    ("W06", "Oosterkwartier"),
    ("W07", "Noorderhof"),
    ("W08", "Bloemenbuurt"),
    ("W09", "Vogelwijk"),
)

_STREET_STEMS = (
    "Kerk Molen Dorps School Station Linden Eiken Beuken Wilgen Iepen Kastanje Populieren "
    "Berken Esdoorn Vlier Hazelaar Tulpen Rozen Lelie Narcis Anjer Iris Dahlia Violieren "
    "Jasmijn Seringen Klaver Heide Meidoorn Lavendel Vondel Rembrandt Vermeer Frans Hals "
    "Jan Steen Bredero Huygens Spinoza Erasmus Thorbecke Merel Lijster Vink Mees Spreeuw "
    "Zwaluw Reiger Kievit Specht Haven Markt Brink Hoog Laag Nieuwe Oude Burg Graaf Prinsen"
).split()
_STREET_SUFFIXES = ("straat", "laan", "weg", "singel", "dreef", "hof")

STAKEHOLDERS = (
    (1, "Gemeente – Wegen", "road_surface", "#7f7f7f", "wegen@demostad.nl"),
    (2, "Gemeente – Riolering", "sewer", "#8c564b", "riolering@demostad.nl"),
    (3, "Gemeente – Groen", "green", "#2ca02c", "groen@demostad.nl"),
    (4, "Gemeente – Openbare verlichting", "public_lighting", "#bcbd22", "ovl@demostad.nl"),
    (5, "Gemeente – Verkeer", "traffic", "#17becf", "verkeer@demostad.nl"),
    (6, "Netbeheerder Elektriciteit", "electricity", "#d62728", "planning@netbeheer.nl"),
    (7, "Netbeheerder Gas", "gas", "#ff7f0e", "gas@netbeheer.nl"),
    (8, "Waterbedrijf", "drinking_water", "#1f77b4", "projecten@waterbedrijf.nl"),
    (9, "Warmtenet", "district_heating", "#e377c2", "uitvoering@warmtenet.nl"),
    (10, "Telecom", "telecom", "#9467bd", "netwerk@telecom.nl"),
    (11, "Projectontwikkelaar", "area_development", "#393b79", "info@ontwikkelaar.nl"),
    (12, "Programma Klimaatadaptatie", "climate_adaptation", "#31a354", "klimaat@demostad.nl"),
)

_TITLES = {
    "road_surface": ("Groot onderhoud asfalt", "Herinrichting straatprofiel", "Herbestrating"),
    "sewer": ("Vervangen riool", "Relinen riool", "Afkoppelen hemelwater"),
    "green": ("Bomen vervangen", "Groenvak vernieuwen"),
    "public_lighting": ("Vervangen lichtmasten", "Kabel openbare verlichting"),
    "traffic": ("Verkeersregelinstallatie", "Snelheidsremmers aanbrengen"),
    "electricity": ("Netverzwaring laagspanning", "Vervangen middenspanningskabel"),
    "gas": ("Vervangen gasleiding", "Saneren gasleiding"),
    "drinking_water": ("Vervangen waterleiding", "Nieuwe transportleiding"),
    "district_heating": ("Aanleg warmtenet", "Aansluiten warmtenet"),
    "telecom": ("Glasvezel aanleg", "Uitbreiding glasvezel"),
    "area_development": ("Woningbouwlocatie", "Herontwikkeling bedrijventerrein"),
    "climate_adaptation": ("Wadi aanleggen", "Waterberging onder straat"),
}
_EXCAVATING = {
    "sewer",
    "electricity",
    "gas",
    "drinking_water",
    "district_heating",
    "telecom",
    "public_lighting",
    "climate_adaptation",
}
_COST_PER_M = {
    "road_surface": 180.0,
    "sewer": 1200.0,
    "electricity": 350.0,
    "gas": 400.0,
    "drinking_water": 600.0,
    "district_heating": 1500.0,
    "telecom": 120.0,
    "public_lighting": 90.0,
    "green": 60.0,
    "traffic": 100.0,
    "climate_adaptation": 800.0,
}


@dataclass
class DemoCity:
    """Plain records of the town; geometries are shapely objects in EPSG:28992."""

    name: str
    municipality: str
    reference_year: int
    neighbourhoods: list[dict] = field(default_factory=list)
    streets: list[dict] = field(default_factory=list)
    stakeholders: list[dict] = field(default_factory=list)
    challenges: list[dict] = field(default_factory=list)
    works: list[dict] = field(default_factory=list)
    planted: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.city = DemoCity(
            name="Programma openbare ruimte Demostad",
            municipality="Demostad",
            reference_year=DEMO_REFERENCE_YEAR,
        )
        self.next_work = 1
        self.used_segments: set[tuple[str, int]] = set()
        self.used_nodes: set[tuple[int, int]] = set()
        self.interior_nodes: set[tuple[int, int]] = set()

    # --- the town -------------------------------------------------------------------
    def build_town(self) -> None:
        x0, y0 = ORIGIN
        jitter = self.rng.uniform(-25, 25, size=(NODES, NODES, 2))
        gx, gy = np.meshgrid(np.arange(NODES), np.arange(NODES), indexing="ij")
        self.nodes = np.stack([x0 + gx * BLOCK, y0 + gy * BLOCK], axis=-1) + jitter
        side = (NODES - 1) * BLOCK
        third = side / 3
        for k, (code, name) in enumerate(NEIGHBOURHOOD_NAMES):
            col, row = k % 3, k // 3
            geom = box(
                x0 + col * third, y0 + row * third, x0 + (col + 1) * third, y0 + (row + 1) * third
            )
            self.city.neighbourhoods.append({"code": code, "name": name, "geometry": geom})
        stems, suffixes = _STREET_STEMS, _STREET_SUFFIXES
        names = iter(
            "{}{}".format(stems[i % len(stems)], suffixes[(i + i // len(stems)) % len(suffixes)])
            for i in range(4 * NODES)
        )
        # A street is half a grid row or column: a list of node coordinates.
        self.street_nodes: dict[str, np.ndarray] = {}
        self.street_node_ids: dict[str, list[tuple[int, int]]] = {}
        half = NODES // 2
        for axis in (0, 1):
            for line in range(NODES):
                for lo, hi in ((0, half + 1), (half, NODES)):
                    ids = [(k, line) if axis == 0 else (line, k) for k in range(lo, hi)]
                    nodes = np.array([self.nodes[i, j] for i, j in ids])
                    street = next(names)
                    self.street_nodes[street] = nodes
                    self.street_node_ids[street] = ids
                    main = line in (4, 10, 16)
                    for a, b in zip(nodes[:-1], nodes[1:]):
                        segment = LineString([a, b])
                        self.city.streets.append(
                            {
                                "street_name": street,
                                "neighbourhood": self._neighbourhood_of(segment),
                                "road_class": "main" if main else "residential",
                                "geometry": segment,
                            }
                        )
        for sid, name, discipline, colour, contact in STAKEHOLDERS:
            self.city.stakeholders.append(
                {
                    "stakeholder_id": sid,
                    "name": name,
                    "discipline": discipline,
                    "colour": colour,
                    "contact": contact,
                }
            )
        centre = self.city.neighbourhoods[4]["geometry"].centroid
        self.city.challenges = [
            {
                "challenge_id": "C01",
                "kind": "heat_stress",
                "title": "Hittestress binnenstad",
                "description": "Weinig groen en veel verharding in het centrum.",
                "owner": "Programma Klimaatadaptatie",
                "geometry": centre.buffer(520, quad_segs=16),
            },
            {
                "challenge_id": "C02",
                "kind": "flooding",
                "title": "Wateroverlast Zuiderpark",
                "description": "Laaggelegen straten lopen onder bij hevige buien.",
                "owner": "Programma Klimaatadaptatie",
                "geometry": Polygon(
                    [
                        (x0 + 700, y0 + 150),
                        (x0 + 1500, y0 + 100),
                        (x0 + 1650, y0 + 600),
                        (x0 + 900, y0 + 750),
                    ]
                ),
            },
            {
                "challenge_id": "C03",
                "kind": "gas_free",
                "title": "Aardgasvrij Oosterkwartier",
                "description": "Wijk gaat voor 2032 van het gas af; warmtenet gepland.",
                "owner": "Programma Energietransitie",
                "geometry": self.city.neighbourhoods[5]["geometry"].buffer(-40),
            },
        ]

    def _neighbourhood_of(self, geom) -> str:
        mid = geom.interpolate(0.5, normalized=True)
        for n in self.city.neighbourhoods:
            if n["geometry"].covers(mid):
                return n["name"]
        return ""

    # --- works ----------------------------------------------------------------------
    def free_run(self, length: int) -> tuple[str, int]:
        """A run of `length` segments that no earlier work comes near.

        Runs share no segment, and no run passes through a crossing another run
        touches; with END_TRIM this keeps unrelated works more than 5 m apart, so the
        planted patterns are the only ones of their kind.
        """
        streets = sorted(self.street_nodes)
        for _ in range(3000):
            street = streets[self.rng.integers(len(streets))]
            segments = len(self.street_nodes[street]) - 1
            start = int(self.rng.integers(0, segments - length + 1))
            keys = {(street, s) for s in range(start, start + length)}
            ids = self.street_node_ids[street][start : start + length + 1]
            inner = set(ids[1:-1])
            if (
                keys & self.used_segments
                or inner & self.used_nodes
                or set(ids) & self.interior_nodes
            ):
                continue
            self.used_segments |= keys
            self.used_nodes |= set(ids)
            self.interior_nodes |= inner
            return street, start
        raise RuntimeError("demo city is full: no free street run of {} segments".format(length))

    def reserve_area(self, area) -> None:
        """Keep street runs out of an area work, so it meets only what is planted."""
        for street, nodes in self.street_nodes.items():
            ids = self.street_node_ids[street]
            for s in range(len(nodes) - 1):
                if LineString(nodes[s : s + 2]).distance(area) <= 2 * END_TRIM:
                    self.used_segments.add((street, s))
                    self.used_nodes |= {ids[s], ids[s + 1]}
                    self.interior_nodes |= {ids[s], ids[s + 1]}

    def run_geometry(self, street: str, start: int, length: int, offset: float = 0.0):
        street_line = LineString(self.street_nodes[street][start : start + length + 1])
        line = substring(street_line, END_TRIM, street_line.length - END_TRIM)
        return shapely.offset_curve(line, offset) if offset else line

    def add_work(
        self,
        stakeholder: int,
        geometry,
        year: int,
        *,
        location: str,
        months: int = 6,
        precision: str = "year",
        status: str | None = None,
        work_id: str | None = None,
        surface_type: str | None = None,
        renews_surface: bool | None = None,
    ) -> str:
        discipline = STAKEHOLDERS[stakeholder - 1][2]
        if work_id is None:
            work_id = "W{:04d}".format(self.next_work)
            self.next_work += 1
        start_month = int(self.rng.integers(1, 10))
        start = first_day(date(year, start_month, 1), precision)
        end_month = min(12, start_month + months)
        end = last_day(date(year, end_month, 1), precision)
        if status is None:
            status = self._status_for(year)
        titles = _TITLES[discipline]
        title = "{} {}".format(titles[int(self.rng.integers(len(titles)))], location)
        excavates = discipline in _EXCAVATING
        renews = discipline == "road_surface" if renews_surface is None else renews_surface
        length = geometry.length if geometry.length > 0 else 50.0
        cost = round(length * _COST_PER_M.get(discipline, 500.0) * self.rng.uniform(0.8, 1.2), -3)
        self.city.works.append(
            {
                "work_id": work_id,
                "stakeholder_id": stakeholder,
                "discipline": discipline,
                "title": title,
                "description": None,
                "location": location,
                "planned_start": start,
                "start_precision": precision,
                "planned_end": end,
                "end_precision": precision,
                "status": status,
                "opens_ground": excavates,
                "renews_surface": renews,
                "surface_type": surface_type or ("asphalt" if renews else None),
                "flexibility_years": float(self.rng.choice([0.0, 0.0, 1.0, 2.0])),
                "cost_estimate": cost,
                "external_ref": "{}-{}".format(discipline[:3].upper(), work_id[1:]),
                "source_delivery": "demo",
                "geometry": geometry,
            }
        )
        return work_id

    def _status_for(self, year: int) -> str:
        ref = DEMO_REFERENCE_YEAR
        if year < ref:
            return "done"
        if year == ref:
            return str(self.rng.choice(["committed", "in_execution", "in_preparation"]))
        if year <= ref + 2:
            return str(self.rng.choice(["planned", "in_preparation", "committed"]))
        return str(self.rng.choice(["idea", "planned"]))

    def plant_combine_clusters(self, count: int) -> None:
        """Grid reinforcement + sewer + road renewal in one street within two years."""
        for _ in range(count):
            length = int(self.rng.integers(2, 5))
            street, start = self.free_run(length)
            year = DEMO_REFERENCE_YEAR + int(self.rng.integers(0, 7))
            ids = (
                self.add_work(
                    6, self.run_geometry(street, start, length, 1.5), year, location=street
                ),
                self.add_work(
                    2, self.run_geometry(street, start, length), year + 1, location=street
                ),
                self.add_work(
                    1, self.run_geometry(street, start, length, -1.0), year + 1, location=street
                ),
            )
            self.city.planted.setdefault("combine", []).append(ids)

    def plant_pave_before_dig(self, count: int) -> None:
        for _ in range(count):
            street, start = self.free_run(2)
            year = DEMO_REFERENCE_YEAR + int(self.rng.integers(1, 5))
            renewal = self.add_work(1, self.run_geometry(street, start, 2), year, location=street)
            dig = self.add_work(
                8, self.run_geometry(street, start, 2, 2.0), year + 2, location=street
            )
            self.city.planted.setdefault("sequence", []).append((renewal, dig))

    def plant_moratorium_breaches(self, count: int) -> None:
        for _ in range(count):
            street, start = self.free_run(2)
            renewal = self.add_work(
                1,
                self.run_geometry(street, start, 2),
                DEMO_REFERENCE_YEAR - 1,
                location=street,
                status="done",
                surface_type="asphalt",
            )
            dig = self.add_work(
                10,
                self.run_geometry(street, start, 2, 1.0),
                DEMO_REFERENCE_YEAR + 1,
                location=street,
            )
            self.city.planted.setdefault("moratorium", []).append((renewal, dig))

    def add_background_works(self, count: int) -> None:
        """Single works spread over the town, one per free street run."""
        stakeholders = [s for s in range(1, 11)]
        for _ in range(count):
            length = int(self.rng.choice([1, 2]))
            try:
                street, start = self.free_run(length)
            except RuntimeError:
                length = 1
                street, start = self.free_run(length)
            sid = stakeholders[int(self.rng.integers(len(stakeholders)))]
            year = DEMO_REFERENCE_YEAR + int(self.rng.integers(-1, 10))
            precision = str(self.rng.choice(["year", "year", "quarter", "month", "day"]))
            self.add_work(
                sid,
                self.run_geometry(street, start, length),
                year,
                location=street,
                precision=precision,
            )

    def add_multi_footprint_works(self, count: int) -> None:
        """A work in two separate streets: two features with one work id."""
        for _ in range(count):
            work_id = "W{:04d}".format(self.next_work)
            self.next_work += 1
            year = DEMO_REFERENCE_YEAR + int(self.rng.integers(1, 8))
            for _part in range(2):
                street, start = self.free_run(1)
                self.add_work(
                    9, self.run_geometry(street, start, 1), year, location=street, work_id=work_id
                )

    def add_area_and_point_works(self) -> None:
        x0, y0 = ORIGIN
        areas = (
            ("Woningbouw De Kwekerij", box(x0 + 1700, y0 + 1650, x0 + 2050, y0 + 1950), 2029),
            (
                "Herontwikkeling Stationsgebied",
                box(x0 + 950, y0 + 1000, x0 + 1250, y0 + 1200),
                2031,
            ),
            ("Bedrijventerrein Oost", box(x0 + 1800, y0 + 300, x0 + 2150, y0 + 600), 2034),
        )
        for title, geom, year in areas:
            self.reserve_area(geom)
            work_id = self.add_work(11, geom, year, location=title, months=11)
            self.city.works[-1]["title"] = title
            self.city.works[-1]["opens_ground"] = True
            self.city.planted.setdefault("area", []).append((work_id,))
        for k in range(8):
            free = sorted({(i, j) for i in range(NODES) for j in range(NODES)} - self.used_nodes)
            i, j = free[int(self.rng.integers(len(free)))]
            self.used_nodes.add((i, j))
            self.interior_nodes.add((i, j))
            node = self.nodes[i, j]
            sid = (6, 2, 8, 9)[k % 4]
            year = DEMO_REFERENCE_YEAR + int(self.rng.integers(0, 9))
            self.add_work(
                sid, Point(node[0] + 12, node[1] + 12), year, location="Kruispunt", months=3
            )


def generate_demo_city(seed: int = DEMO_SEED) -> DemoCity:
    """Build the demo city. The same seed always gives the same town and programme."""
    builder = _Builder(seed)
    builder.build_town()
    builder.add_area_and_point_works()
    builder.plant_combine_clusters(24)
    builder.plant_pave_before_dig(6)
    builder.plant_moratorium_breaches(5)
    builder.add_multi_footprint_works(4)
    builder.add_background_works(230)
    return builder.city
