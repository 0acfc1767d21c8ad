"""The place alias table (data/place_aliases.csv): provider spellings → one canonical place.

Columns: country (ISO 3166 alpha-3), kind (country, admin1, admin2, admin3, location), within
(for admin2, admin3 and location rows: the canonical name of their admin1; empty matches any),
spelling (as a provider writes it), name (the canonical name: it names the place and gives its id
segment), place_id (optional: a curated id such as place:idlib, used instead of the derived one).
Spellings match by key (schema.place_names.place_key: case, accents, kind words folded).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from schema.geo import PlaceLevel
from schema.place_names import derived_place_id, place_key

DEFAULT_PLACE_ALIASES = Path(__file__).resolve().parents[2] / "data" / "place_aliases.csv"


@dataclass(frozen=True)
class CanonicalPlace:
    name: str
    place_id: str | None  # None: the id is derived from the name


class PlaceAliasTable:
    """Lookups by (country, kind, admin1 key, spelling key)."""

    def __init__(
        self,
        entries: dict[tuple[str, str, str, str], CanonicalPlace],
        countries: dict[str, str],
        digest: str,
    ) -> None:
        self._entries = entries
        self._countries = countries  # spelling key → ISO3, from the country rows
        self._by_country: dict[str, CanonicalPlace] = {}
        for (country, kind, _, _), place in entries.items():
            known = self._by_country.get(country)
            if kind == PlaceLevel.COUNTRY and (
                known is None or (place.place_id and not known.place_id)
            ):
                self._by_country[country] = place  # a row with a curated id wins
        self.digest = digest  # part of a resumable load's fingerprint

    @classmethod
    def load(cls, path: Path = DEFAULT_PLACE_ALIASES) -> PlaceAliasTable:
        """Read the table; ValueError names the line of a malformed row."""
        entries: dict[tuple[str, str, str, str], CanonicalPlace] = {}
        countries: dict[str, str] = {}
        kinds = {level.value for level in PlaceLevel}
        with path.open(newline="", encoding="utf-8-sig") as stream:
            for line, row in enumerate(csv.DictReader(stream), start=2):
                country, kind, within, spelling, name, place_id = (
                    (row.get(column) or "").strip()
                    for column in ("country", "kind", "within", "spelling", "name", "place_id")
                )
                if len(country) != 3 or kind not in kinds or not spelling or not name:
                    raise ValueError(
                        f"{path}:{line}: need country (ISO3), kind {sorted(kinds)}, spelling, name"
                    )
                if place_id and not place_id.startswith("place:"):
                    raise ValueError(f"{path}:{line}: place_id must start with 'place:'")
                key = (country.upper(), kind, place_key(within), place_key(spelling))
                entries[key] = CanonicalPlace(name, place_id or None)
                if kind == PlaceLevel.COUNTRY:
                    countries[place_key(spelling)] = country.upper()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        return cls(entries, countries, digest)

    def resolve(
        self, country: str, kind: PlaceLevel, within: str, spelling: str
    ) -> CanonicalPlace | None:
        """The canonical place for a spelling at this level (within this admin1, or anywhere)."""
        key = place_key(spelling)
        return self._entries.get((country, kind, place_key(within), key)) or self._entries.get(
            (country, kind, "", key)
        )

    def country_place(self, iso3: str) -> CanonicalPlace | None:
        """The table's entry for a country (its curated id, if it has one)."""
        return self._by_country.get(iso3)

    def place_ids(self, spelling: str) -> list[str]:
        """The ids of the places any row spells this way ("Saraqeb" → place:syr:idlib:@saraqib)."""
        key = place_key(spelling)
        ids = set()
        for (country, kind, within, row_key), place in self._entries.items():
            if row_key != key:
                continue
            if place.place_id:
                ids.add(place.place_id)
            elif kind == PlaceLevel.ADMIN1:
                ids.add(derived_place_id(country.lower(), [place.name]))
            elif kind == PlaceLevel.LOCATION and within:
                admin1 = self._entries.get((country, PlaceLevel.ADMIN1.value, "", within))
                ids.add(
                    derived_place_id(
                        country.lower(), [admin1.name if admin1 else within], place.name
                    )
                )
        return sorted(ids)

    def country_code(self, spelling: str) -> str | None:
        """The ISO3 code the table gives a country spelling ("Turkey", "DR Congo (Zaire)")."""
        return self._countries.get(place_key(spelling))


@lru_cache(maxsize=1)
def default_place_aliases() -> PlaceAliasTable:
    """The project's table, read once per process (the API's place search consults it)."""
    return PlaceAliasTable.load()
