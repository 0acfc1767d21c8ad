"""Countries by name or code: ISO 3166-1 alpha-3 codes and names from pycountry, provider spellings as data.

pycountry knows official, common and short names ("Syria", "Czech Republic", "Eswatini"); the few
spellings ACLED and UCDP use that it does not ("Russia", "Democratic Republic of Congo",
"Bosnia-Herzegovina", "Kosovo") are in data/country_names.csv. No fuzzy matching: "Niger" must
never become Nigeria, so an unknown name is no country.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pycountry

VARIANTS_PATH = Path(__file__).resolve().parents[2] / "data" / "country_names.csv"
_PARENTHESES = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^()]*)\)$")


def _variants() -> list[tuple[str, str]]:
    with VARIANTS_PATH.open(newline="", encoding="utf-8") as stream:
        return [(row["name"], row["iso3"]) for row in csv.DictReader(stream)]


VARIANTS = {name.casefold(): iso3 for name, iso3 in _variants()}
# A country pycountry lacks (Kosovo, XKX) is named by its first spelling in the table.
EXTRA_NAMES = {iso3: name for name, iso3 in reversed(_variants())}


def _lookup(name: str) -> str | None:
    text = " ".join(name.split())
    if not text:
        return None
    variant = VARIANTS.get(text.casefold())
    if variant is not None:
        return variant
    if len(text) <= 3:  # pycountry.lookup would take "UK" or "IRQ" as codes: names only here
        return None
    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        return None


@lru_cache(maxsize=4096)
def iso3_of_name(name: str) -> str | None:
    """ISO3 of a country name as providers write it ("Syria", "Russia (Soviet Union)", "the United
    States"); None when it names no country (a region, "International", a typo)."""
    text = " ".join(name.split())
    if text.casefold().startswith("the "):
        text = text[4:]
    found = _lookup(text)
    if found is None:
        match = _PARENTHESES.match(text)
        if match:  # UCDP: "Yemen (North Yemen)", "DR Congo (Zaire)": the current name, else the old one
            found = _lookup(match["name"]) or _lookup(match["inner"])
    return found


@lru_cache(maxsize=1024)
def state_name(iso3: str) -> str:
    """The display name of a country: pycountry's common name, else its name ("State of Palestine"
    for "Palestine, State of"); the data table's name for codes pycountry lacks (XKX)."""
    country = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(
        alpha_3=iso3
    )
    if country is None:
        return EXTRA_NAMES.get(iso3, iso3)
    common = getattr(country, "common_name", None)
    if common:
        return str(common)
    name = str(country.name)
    if ", " in name:  # "Congo, The Democratic Republic of the" → "The Democratic Republic of the Congo"
        head, _, tail = name.partition(", ")
        return f"{tail[0].upper()}{tail[1:]} {head}"
    return name
