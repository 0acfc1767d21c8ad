"""Synthetic incidents for the linking benchmark: each reported by ACLED, UCDP and/or several GDELT
rows in their published layouts, spread over northern Syria and a year, plus unrelated rows."""

from __future__ import annotations

import csv
import math
import random
from datetime import date, timedelta
from pathlib import Path

from synthetic import ACLED_HEADER, UCDP_HEADER  # bench/synthetic.py, beside this file

FIRST_DAY = date(2020, 1, 1)
DAYS = 365
BOX = (33.0, 37.0, 35.5, 42.0)  # min lat, max lat, min lon, max lon
KINDS = [  # (ACLED event type, sub-event type, UCDP type_of_violence, CAMEO code)
    ("Explosions/Remote violence", "Air/drone strike", "1", "195"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "1", "194"),
    ("Battles", "Armed clash", "1", "193"),
    ("Violence against civilians", "Attack", "3", "182"),
]


def _jitter(rng: random.Random, lat: float, lon: float, km: float) -> tuple[float, float]:
    distance, bearing = rng.uniform(0, km), rng.uniform(0, 2 * math.pi)
    return (
        lat + distance * math.cos(bearing) / 111.195,
        lon + distance * math.sin(bearing) / (111.195 * math.cos(math.radians(lat))),
    )


def _gdelt_row(gid: int, day: date, code: str, lat: float, lon: float, geo_type: int) -> list[str]:
    cells = [""] * 61
    cells[0], cells[1], cells[2], cells[3] = str(gid), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year)
    cells[4] = f"{day.year}.{day.timetuple().tm_yday * 10 // 37:04d}"
    cells[5:8] = ["SYRMIL", "SYRIA", "SYR"]
    cells[15:18] = ["SYRREB", "SYRIA", "SYR"]
    cells[25:35] = ["1", code, code[:3], code[:2], "4", "-10.0", "4", "1", "4", "-5.0"]
    geo = [str(geo_type), "Syria" if geo_type == 1 else "Somewhere, Idlib, Syria", "SY",
           "" if geo_type == 1 else "SY07", "", f"{lat:.4f}", f"{lon:.4f}", "-1"]
    cells[51:59] = geo
    cells[59], cells[60] = day.strftime("%Y%m%d") + "000000", f"https://example.org/{gid}"
    return cells


def write_files(workdir: Path, events: int, seed: int = 5) -> dict[str, Path]:
    """About `events` rows in three files (acled, ucdp, gdelt); returns their paths by format."""
    rng = random.Random(seed)
    paths = {fmt: workdir / f"link-{fmt}-{events}.{ext}" for fmt, ext in
             (("acled", "csv"), ("ucdp", "csv"), ("gdelt", "export.CSV"))}
    with (
        paths["acled"].open("w", newline="", encoding="utf-8") as acled_file,
        paths["ucdp"].open("w", newline="", encoding="utf-8") as ucdp_file,
        paths["gdelt"].open("w", encoding="utf-8") as gdelt_file,
    ):
        acled = csv.DictWriter(acled_file, ACLED_HEADER)
        ucdp = csv.DictWriter(ucdp_file, UCDP_HEADER, restval="")
        acled.writeheader()
        ucdp.writeheader()
        written, n = 0, 0
        while written < events:
            n += 1
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            lat, lon = rng.uniform(*BOX[:2]), rng.uniform(*BOX[2:])
            event_type, sub_event, violence, code = rng.choice(KINDS)
            if rng.random() < 0.8:
                acled.writerow({
                    "event_id_cnty": f"SYR{n}", "event_date": day.isoformat(), "year": day.year,
                    "time_precision": 1, "disorder_type": "Political violence", "event_type": event_type,
                    "sub_event_type": sub_event, "actor1": "Military Forces of Syria (2000-)",
                    "inter1": "State forces", "actor2": "Hayat Tahrir al-Sham", "inter2": "Rebel group",
                    "iso": 760, "country": "Syria", "admin1": "Idleb", "location": f"Place {n}",
                    "latitude": f"{lat:.4f}", "longitude": f"{lon:.4f}", "geo_precision": 1,
                    "source": "SOHR", "notes": "synthetic", "fatalities": rng.randrange(10),
                    "timestamp": 1600000000,
                })
                written += 1
            if rng.random() < 0.5:
                u_lat, u_lon = _jitter(rng, lat, lon, 2)
                ucdp.writerow({
                    "id": n, "relid": f"SYR-2020-1-{n}", "year": day.year, "type_of_violence": violence,
                    "side_a": "Government of Syria", "side_a_new_id": 116, "side_b": "Syrian insurgents",
                    "side_b_new_id": 221, "where_prec": 1, "country": "Syria", "latitude": f"{u_lat:.4f}",
                    "longitude": f"{u_lon:.4f}", "date_prec": 1, "date_start": day.isoformat(),
                    "date_end": day.isoformat(), "best": 3, "low": 2, "high": 5,
                })
                written += 1
            for k in range(rng.choice([0, 0, 1, 2, 3, 4])):
                g_lat, g_lon = _jitter(rng, lat, lon, 3)
                geo_type = 1 if rng.random() < 0.1 else 4
                when = day + timedelta(days=rng.choice([0, 0, 1]))
                row = _gdelt_row(n * 10 + k, when, code, g_lat, g_lon, geo_type)
                gdelt_file.write("\t".join(row) + "\n")
                written += 1
    return paths
