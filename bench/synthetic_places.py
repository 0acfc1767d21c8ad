"""Synthetic locations for bench/synthetic.py: many countries, provinces and towns, each at a fixed point.

30 countries (Zipf-weighted, Syria first), 20 provinces and 500 towns each (15,000 towns), every
town at a fixed point within ±3° of its country's centre, so bbox and radius queries have real
spatial spread. ACLED rows are placed at a town (geo_precision 1 or 2) or at their province's
centre (3); GDELT rows at a town (type 4), a province (5) or the country (1); UCDP like ACLED.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, cache
from itertools import accumulate
from pathlib import Path

import pycountry

FIPS = Path(__file__).resolve().parents[1] / "data" / "fips_iso3.csv"
# Approximate centres (lat, lon) of the countries of bench/synthetic.py's COUNTRIES.
CENTRES = {
    "SYR": (35.0, 38.5),
    "RUS": (55.7, 37.6),
    "TUR": (39.0, 35.0),
    "IRN": (32.0, 53.0),
    "USA": (39.0, -98.0),
    "ISR": (31.5, 34.9),
    "IRQ": (33.0, 44.0),
    "LBN": (33.9, 35.9),
    "JOR": (31.0, 36.0),
    "SAU": (24.0, 45.0),
    "UKR": (49.0, 32.0),
    "EGY": (26.5, 30.0),
    "LBY": (27.0, 17.0),
    "YEM": (15.5, 47.5),
    "AFG": (34.0, 66.0),
    "PAK": (30.0, 70.0),
    "IND": (22.0, 79.0),
    "CHN": (35.0, 103.0),
    "FRA": (46.5, 2.5),
    "GBR": (54.0, -2.0),
    "DEU": (51.0, 10.0),
    "SDN": (15.0, 30.0),
    "SOM": (6.0, 46.0),
    "NGA": (9.0, 8.0),
    "MLI": (17.0, -4.0),
    "ETH": (9.0, 39.5),
    "COD": (-3.0, 23.0),
    "MMR": (21.0, 96.0),
    "COL": (4.0, -73.0),
    "MEX": (23.0, -102.0),
}
PROVINCES, TOWNS_PER_PROVINCE = 20, 25
CENTRE_NAMES = {"USA": ("United States",), "GBR": ("United Kingdom",), "FRA": ("France",)}


@dataclass(frozen=True)
class Site:
    iso3: str
    numeric: str
    fips: str
    country: str
    province: str
    town: str
    lat: float
    lon: float
    province_lat: float
    province_lon: float


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    codes: dict[str, str] = {}
    with FIPS.open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["iso3"] and row["name"] in CENTRE_NAMES.get(row["iso3"], (row["name"],)):
                codes.setdefault(row["iso3"], row["fips"])  # the country's own code, not a territory's
    return codes


@cache
def site(iso3: str, town: int) -> Site:
    """Town number `town` of a country: the same name and point every time."""
    rng = random.Random(f"{iso3}:{town}")
    province = town // TOWNS_PER_PROVINCE
    prng = random.Random(f"{iso3}:province:{province}")
    lat0, lon0 = CENTRES[iso3]
    plat, plon = lat0 + prng.uniform(-2.5, 2.5), lon0 + prng.uniform(-2.5, 2.5)
    country = pycountry.countries.get(alpha_3=iso3)
    return Site(
        iso3=iso3,
        numeric=str(country.numeric),
        fips=_fips()[iso3],
        country=str(getattr(country, "common_name", None) or country.name),
        province=f"Province {province}",
        town=f"Town {town}",
        lat=round(plat + rng.uniform(-0.5, 0.5), 4),
        lon=round(plon + rng.uniform(-0.5, 0.5), 4),
        province_lat=round(plat, 4),
        province_lon=round(plon, 4),
    )


def site_picker(rng: random.Random) -> Callable[[], Site]:
    """Sites with Zipf-weighted countries (Syria most) and uniform towns within a country."""
    countries = list(CENTRES)
    weights = list(accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(countries))))
    towns = PROVINCES * TOWNS_PER_PROVINCE

    def pick() -> Site:
        return site(rng.choices(countries, cum_weights=weights)[0], rng.randrange(towns))

    return pick
