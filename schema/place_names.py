"""Place-name keys and id segments: how "Idlib governorate", "IDLIB" and "Ídlib" become one name.

A key folds case and accents, drops apostrophes (Dar'a = Dara), treats punctuation as spaces
(Deir-ez-Zor = Deir ez Zor) and strips a trailing word that only says what kind of place it is
(governorate, province, district, sub-district, town, city, village, region) and GDELT's
"(general)". Transliteration variants that keys cannot see (Idleb / Idlib, Saraqeb / Saraqib) are
the alias table's job (data/place_aliases.csv). Id segments are keys with hyphens: `idlib`,
`deir-ez-zor`; names in other scripts keep their letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

KIND_WORDS = frozenset(
    {"governorate", "province", "district", "subdistrict", "town", "city", "village", "region"}
)
_APOSTROPHES = re.compile(r"[ʿʾ'`’‘ʼ]")
_GENERAL = re.compile(r"\(\s*general\s*\)", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\W_]+")
_TRAILING_KIND = re.compile(
    r"[\s,-]+(?:sub[\s-]?district|" + "|".join(sorted(KIND_WORDS)) + r")\.?\s*$", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def place_key(text: str) -> str:
    """The matching key of a place name ("" when nothing is left, e.g. for "(general)")."""
    folded = unicodedata.normalize("NFKD", _GENERAL.sub(" ", text))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", folded)).split()
    if len(words) > 1 and words[-1] == "district" and words[-2] == "sub":
        words = words[:-2]
    while len(words) > 1 and words[-1] in KIND_WORDS:
        words = words[:-1]
    return " ".join(words)


def place_segment(text: str) -> str:
    """An id segment for a name: its key with hyphens ("Deir-ez-Zor" → "deir-ez-zor")."""
    return place_key(text).replace(" ", "-") or "unnamed"


@lru_cache(maxsize=65536)
def display_name(text: str) -> str:
    """The name as written, without a trailing kind word: "Saraqab town" → "Saraqab"."""
    cleaned = " ".join(_GENERAL.sub(" ", text).split())
    stripped = _TRAILING_KIND.sub("", cleaned)
    return stripped if stripped.strip() else cleaned


def derived_place_id(country: str, admins: list[str], location: str | None = None) -> str:
    """The id loaders/providers/places.py documents: place:<country>[:<admin1>[:<admin2>…]] for
    regions, place:<country>[:<admin1>]:@<location> for locations (names canonical, `country` a
    segment: the lower-case ISO3 code or x-<name>)."""
    if location is None:
        return "place:" + ":".join([country, *(place_segment(name) for name in admins)])
    base = ":".join([country, *(place_segment(name) for name in admins[:1])])
    return f"place:{base}:@{place_segment(location)}"
