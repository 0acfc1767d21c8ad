"""Synthetic provider files (ACLED, GDELT, UCDP) with skewed, realistic actor and place distributions, streamed to disk."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from synthetic_places import CENTRES, site_picker  # bench/synthetic_places.py, beside this file

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
UCDP_HEADER = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
]
COUNTRIES = [
    "SYR",
    "RUS",
    "TUR",
    "IRN",
    "USA",
    "ISR",
    "IRQ",
    "LBN",
    "JOR",
    "SAU",
    "UKR",
    "EGY",
    "LBY",
    "YEM",
    "AFG",
    "PAK",
    "IND",
    "CHN",
    "FRA",
    "GBR",
    "DEU",
    "SDN",
    "SOM",
    "NGA",
    "MLI",
    "ETH",
    "COD",
    "MMR",
    "COL",
    "MEX",
]
GDELT_TYPES = [
    "",
    "GOV",
    "MIL",
    "REB",
    "CVL",
    "OPP",
    "COP",
    "MED",
    "BUS",
    "REF",
    "SPY",
    "LEG",
    "JUD",
    "INS",
]
ACLED_SUB = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Agreement"),
    ("Riots", "Mob violence"),
]
CAMEO = [
    "010",
    "012",
    "016",
    "020",
    "036",
    "040",
    "042",
    "043",
    "046",
    "051",
    "057",
    "061",
    "071",
    "0871",
    "111",
    "112",
    "1123",
    "1124",
    "120",
    "130",
    "138",
    "139",
    "141",
    "145",
    "154",
    "163",
    "173",
    "180",
    "183",
    "190",
    "193",
    "194",
    "195",
    "202",
]
START = date(2020, 1, 1)


def zipf_picker(items: Sequence[str], rng: random.Random, s: float = 1.1) -> Callable[[], str]:
    """Picks items with Zipf-like weights: a few actors dominate, a long tail appears rarely."""
    cumulative = list(accumulate(1 / (rank + 1) ** s for rank in range(len(items))))
    return lambda: rng.choices(items, cum_weights=cumulative)[0]


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange(366))


def write_acled(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    names = [
        "Military Forces of Syria (2000-)",
        "Military Forces of Russia (2000-)",
        "Civilians (Syria)",
        "Military Forces of Turkey (2016-)",
        "Hayat Tahrir al-Sham",
        "Islamic State (Syria)",
        *(f"Unidentified Armed Group ({c}) {i}" for c in COUNTRIES for i in range(60)),
    ]
    actor = zipf_picker(names, rng)
    where = site_picker(rng)
    with path.open("w", newline="", encoding="utf-8") as stream:
        out = csv.writer(stream)
        out.writerow(ACLED_HEADER)
        for n in range(rows):
            event_type, sub = ACLED_SUB[rng.randrange(len(ACLED_SUB))]
            day = _day(rng)
            at = where()
            precision = rng.choice("1112223")  # 3: only the province, placed at its centre
            centroid = precision == "3"
            out.writerow(
                [
                    f"SYN{n}",
                    day.isoformat(),
                    "2020",
                    rng.choice("1112"),
                    "Political violence",
                    event_type,
                    sub,
                    actor(),
                    "",
                    "State forces",
                    actor(),
                    "",
                    "Rebel group",
                    "",
                    "",
                    at.numeric,
                    "Middle East",
                    at.country,
                    at.province,
                    "",
                    "",
                    at.province if centroid else at.town,
                    at.province_lat if centroid else at.lat,
                    at.province_lon if centroid else at.lon,
                    precision,
                    "SOHR",
                    "National",
                    f"Synthetic event {n}.",
                    rng.randrange(0, 20),
                    "",
                    "1600000000",
                ]
            )


def write_gdelt(path: Path, rows: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    codes = [c + t for c in COUNTRIES for t in GDELT_TYPES]
    rng.shuffle(codes)
    for canonical in ("TUR", "RUSMIL", "SYRGOV", "RUS", "SYR"):
        codes.remove(canonical)
        codes.insert(0, canonical)
    actor = zipf_picker(codes, rng)
    event = zipf_picker(CAMEO, rng, s=0.6)
    where = site_picker(rng)
    with path.open("w", encoding="utf-8") as stream:
        for n in range(rows):
            cells = [""] * 61
            day = _day(rng).strftime("%Y%m%d")
            code = event()
            first = actor() if rng.random() > 0.08 else ""
            second = actor() if rng.random() > 0.25 else ""
            cells[0], cells[1], cells[2], cells[3] = str(1_000_000_000 + n), day, day[:6], day[:4]
            cells[5], cells[6], cells[7] = first, first[:3], first[:3]
            cells[15], cells[16], cells[17] = second, second[:3], second[:3]
            cells[25], cells[26], cells[27], cells[28] = "1", code, code[:3], code[:2]
            cells[29] = str(1 + int(code[:2]) // 5 if code[:2] != "20" else 4)
            cells[30], cells[31], cells[32], cells[33], cells[34] = "-2.0", "10", "2", "10", "-3.1"
            at, geo_type = where(), rng.choice("4445551")
            cells[51], cells[53], cells[54] = geo_type, at.fips, f"{at.fips}{at.province.split()[-1].zfill(2)}"
            if geo_type == "4":  # a town
                cells[52] = f"{at.town}, {at.province}, {at.country}"
                cells[56], cells[57] = str(at.lat), str(at.lon)
            elif geo_type == "5":  # a province: its centre
                cells[52] = f"{at.province}, {at.country}"
                cells[56], cells[57] = str(at.province_lat), str(at.province_lon)
            else:  # the country: its centre
                cells[52], cells[54] = at.country, at.fips
                cells[56], cells[57] = str(CENTRES[at.iso3][0]), str(CENTRES[at.iso3][1])
            cells[59], cells[60] = day + "120000", f"https://news.example/{n}"
            stream.write("\t".join(cells) + "\n")


def write_ucdp(path: Path, rows: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    sides = [
        "Government of Syria",
        "Syrian insurgents",
        "Government of Turkey",
        "IS",
        "Government of Russia (Soviet Union)",
        *(f"Armed group {i}" for i in range(400)),
    ]
    side = zipf_picker(sides, rng)
    where = site_picker(rng)
    with path.open("w", newline="", encoding="utf-8") as stream:
        out = csv.DictWriter(stream, fieldnames=UCDP_HEADER)
        out.writeheader()
        for n in range(rows):
            start = _day(rng)
            violence = rng.choice("1123")
            a = side()
            b = "Civilians" if violence == "3" else side()
            best = rng.randrange(0, 30)
            at, precision = where(), rng.choice("11224")
            centroid = precision == "4"
            out.writerow(
                {
                    **dict.fromkeys(UCDP_HEADER, ""),
                    "id": str(n),
                    "type_of_violence": violence,
                    "side_a": a,
                    "side_a_new_id": str(sides.index(a) + 100),
                    "side_b": b,
                    "side_b_new_id": "1" if b == "Civilians" else str(sides.index(b) + 100),
                    "country": at.country,
                    "adm_1": at.province,
                    "where_coordinates": at.province if centroid else at.town,
                    "date_prec": "1",
                    "date_start": start.isoformat(),
                    "date_end": start.isoformat(),
                    "best": best,
                    "low": best,
                    "high": best + 3,
                    "where_prec": precision,
                    "latitude": at.province_lat if centroid else at.lat,
                    "longitude": at.province_lon if centroid else at.lon,
                    "source_article": f"Reuters {n}",
                }
            )


WRITERS = {"acled": write_acled, "gdelt": write_gdelt, "ucdp": write_ucdp}
