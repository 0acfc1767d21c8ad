"""Country codes and names: ISO 3166 from pycountry, GDELT's FIPS 10-4 through data/fips_iso3.csv.

data/fips_iso3.csv (fips, iso3, name) follows the CIA World Factbook's FIPS 10-4 ↔ ISO 3166 table;
a FIPS code with an empty iso3 (Akrotiri, the Spratly Islands…) names no ISO country. Kosovo is
XKX, the user-assigned code in common use (ISO 3166 has none).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pycountry

FIPS_TABLE = Path(__file__).resolve().parents[2] / "data" / "fips_iso3.csv"
EXTRA_NAMES = {"XKX": "Kosovo"}  # codes in use that ISO 3166 (and pycountry) lack
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


class UnknownCountry(ValueError):
    """A country code or name that maps to no ISO 3166 country."""


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


@lru_cache(maxsize=4096)
def iso3_from_name(name: str) -> str:
    """The ISO3 code of a country name by pycountry's exact lookup (names, codes, official names).

    No fuzzy matching: "Kosovo" must not become Serbia (the place alias table names the rest).
    Parenthesised former names are dropped first ("Yemen (North Yemen)" → "Yemen").
    """
    bare = _PARENTHESES.sub("", name).strip()
    if len(bare) == 3 and bare.isalpha() and bare.upper() in EXTRA_NAMES:
        return bare.upper()
    try:
        return str(pycountry.countries.lookup(bare).alpha_3)
    except LookupError:
        raise UnknownCountry(f"no ISO 3166 country is named {name!r}") from None


@lru_cache(maxsize=1024)
def country_name(iso3: str) -> str:
    """A country's short name: pycountry's common name where it has one ("Syria"), else its name."""
    if iso3 in EXTRA_NAMES:
        return EXTRA_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise UnknownCountry(f"unknown ISO 3166 alpha-3 code {iso3!r}")
    return str(getattr(country, "common_name", None) or country.name)


def is_iso3(code: str) -> bool:
    return code in EXTRA_NAMES or pycountry.countries.get(alpha_3=code) is not None
