"""Countries by name or code: ISO 3166 from pycountry, provider spellings and FIPS 10-4 as data.

pycountry knows official, common and short names ("Syria", "Czech Republic", "Eswatini"); the few
spellings ACLED and UCDP use that it does not ("Russia", "Democratic Republic of Congo",
"Bosnia-Herzegovina", "Kosovo") are in data/country_names.csv. No fuzzy matching: "Niger" must
never become Nigeria and "Kosovo" not Serbia, so an unknown name is no country.

GDELT codes countries in FIPS 10-4: data/fips_iso3.csv (fips, iso3, name) follows the CIA World
Factbook's FIPS 10-4 ↔ ISO 3166 table; a FIPS code with an empty iso3 (Akrotiri, the Spratly
Islands…) names no ISO country. Kosovo is XKX, the user-assigned code in common use.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parents[2] / "data"
VARIANTS_PATH = DATA / "country_names.csv"
FIPS_TABLE = DATA / "fips_iso3.csv"
_PARENTHESES = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^()]*)\)$")


class UnknownCountry(ValueError):
    """A country code or name that maps to no ISO 3166 country."""


def _variants() -> list[tuple[str, str]]:
    with VARIANTS_PATH.open(newline="", encoding="utf-8") as stream:
        return [(row["name"], row["iso3"]) for row in csv.DictReader(stream)]


VARIANTS = {name.casefold(): iso3 for name, iso3 in _variants()}
# A country pycountry lacks (Kosovo, XKX) is named by its first spelling in the table.
EXTRA_NAMES = {
    iso3: name
    for name, iso3 in reversed(_variants())
    if pycountry.countries.get(alpha_3=iso3) is None
}


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


def iso3_from_name(name: str) -> str:
    """As iso3_of_name, but UnknownCountry (saying which name) when it names no country."""
    found = iso3_of_name(name)
    if found is None:
        raise UnknownCountry(f"no ISO 3166 country is named {name!r}")
    return found


@lru_cache(maxsize=1)
def fips_table() -> dict[str, tuple[str, str]]:
    """FIPS 10-4 code → (ISO3 or "", name)."""
    with FIPS_TABLE.open(newline="", encoding="utf-8") as stream:
        return {row["fips"]: (row["iso3"], row["name"]) for row in csv.DictReader(stream)}


def iso3_from_fips(code: str) -> str:
    """The ISO3 code of a FIPS 10-4 country code; UnknownCountry says why there is none."""
    known = fips_table().get(code.strip().upper())
    if known is None:
        raise UnknownCountry(f"unknown FIPS 10-4 country code {code!r}")
    iso3, name = known
    if not iso3:
        raise UnknownCountry(f"FIPS code {code} ({name}) has no ISO 3166 country")
    return iso3


@lru_cache(maxsize=1024)
def iso3_from_numeric(code: str) -> str:
    """The ISO3 code of an ISO 3166 numeric code ("760", "76"); UnknownCountry if none."""
    country = (
        pycountry.countries.get(numeric=code.strip().zfill(3)) if code.strip().isdigit() else None
    )
    if country is None:
        raise UnknownCountry(f"no ISO 3166 country has numeric code {code!r}")
    return str(country.alpha_3)


def is_iso3(code: str) -> bool:
    return code in EXTRA_NAMES or pycountry.countries.get(alpha_3=code) is not None


@lru_cache(maxsize=1024)
def country_name(iso3: str) -> str:
    """The display name of a country, for its place and its state actor alike: pycountry's common
    name ("Syria"), else its name ("State of Palestine" for "Palestine, State of"); the data table's
    name for codes pycountry lacks (XKX); UnknownCountry for a code that is no country."""
    country = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(
        alpha_3=iso3
    )
    if country is None:
        if iso3 in EXTRA_NAMES:
            return EXTRA_NAMES[iso3]
        raise UnknownCountry(f"unknown ISO 3166 alpha-3 code {iso3!r}")
    common = getattr(country, "common_name", None)
    if common:
        return str(common)
    name = str(country.name)
    if ", " in name:  # "Congo, The Democratic Republic of the" → "The Democratic Republic of the Congo"
        head, _, tail = name.partition(", ")
        return f"{tail[0].upper()}{tail[1:]} {head}"
    return name
