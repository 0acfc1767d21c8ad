"""A row's location → its place and the hierarchy above it, as parameter rows for one batched write.

Place ids are stable and derived from the names, after the alias table made spellings canonical:

    country   place:<iso3>                                   place:syr
    admin1    place:<iso3>:<admin1>                          place:syr:idlib
    admin2    place:<iso3>:<admin1>:<admin2>                 place:syr:idlib:ariha
    admin3    place:<iso3>:<admin1>:<admin2>:<admin3>        place:syr:idlib:ariha:ariha
    location  place:<iso3>:<admin1>:@<location>              place:syr:idlib:@balyun

(segments: schema.place_names.place_segment; a country without an ISO code is `x-<name>`; a
location without an admin1 is place:<iso3>:@<location>). A location hangs off its admin1 in its
id, so ACLED, UCDP and GDELT, which give different admin depths, name the same town alike; it is
LOCATED_IN the deepest admin level its row gives. The alias table may replace a derived id by a
curated one (place:syr:idlib → place:idlib). Resolutions are cached: a batch of 10,000 rows from a
few hundred places resolves each place once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import RelType
from loaders.providers.countries import UnknownCountry, country_name
from loaders.providers.place_aliases import PlaceAliasTable
from schema.geo import PlaceLevel, RowLocation
from schema.place_names import derived_place_id, display_name, place_key, place_segment
from schema.vocabulary import PlaceKind

Row = dict[str, Any]
ADMIN_DEPTH = {PlaceLevel.ADMIN1: 1, PlaceLevel.ADMIN2: 2, PlaceLevel.ADMIN3: 3}


@dataclass(frozen=True, slots=True)
class ChainPlace:
    """One place of a row's hierarchy: what a first writer creates, and the spelling it saw."""

    id: str
    name: str
    kind: PlaceKind
    admin_level: int | None
    country: str | None
    spelling: str


@dataclass(frozen=True, slots=True)
class PlaceChain:
    """The row's place (last) and every place above it, country first."""

    places: tuple[ChainPlace, ...]

    @property
    def place_id(self) -> str:
        return self.places[-1].id


def place_row(place: ChainPlace, source_id: str, point: object | None) -> Row:
    """The MERGE row of a place: created with `props`; an existing one gains source and spellings."""
    aliases = [place.spelling] if place.spelling != place.name else []
    keys = sorted({place_key(place.name), place_key(place.spelling)} - {""})
    props = {
        "id": place.id,
        "name": place.name,
        "kind": place.kind.value,
        "country": place.country,
        "admin_level": place.admin_level,
        "aliases": aliases,
        "name_keys": keys,
        "source_ids": [source_id],
    }
    if point is not None:
        props["point"] = point
    return {
        "id": place.id,
        "source_id": source_id,
        "props": {key: value for key, value in props.items() if value is not None},
        "aliases": aliases,
        "name_keys": keys,
        "point": point,
        "admin_level": place.admin_level,
    }


def link_rows(chain: PlaceChain, source_id: str) -> list[Row]:
    """LOCATED_IN rows child → parent along the chain (ids `located_in:<child>-><parent>`)."""
    rows = []
    for parent, child in zip(chain.places, chain.places[1:], strict=False):
        rel_id = f"{RelType.LOCATED_IN.lower()}:{child.id}->{parent.id}"
        rows.append(
            {
                "id": rel_id,
                "child": child.id,
                "parent": parent.id,
                "source_id": source_id,
                "props": {"id": rel_id, "source_ids": [source_id]},
            }
        )
    return rows


class PlaceResolver:
    """Canonical places for row locations, through the alias table; cached per distinct location."""

    def __init__(self, table: PlaceAliasTable) -> None:
        self.table = table
        self._cache: dict[tuple[object, ...], PlaceChain | None] = {}

    def resolve(self, location: RowLocation) -> PlaceChain | None:
        """The row's place chain, or None when the row names no usable place."""
        if location.level is None:
            return None
        key = (
            location.level,
            location.country,
            location.country_name,
            location.admin1,
            location.admin2,
            location.admin3,
            location.name,
        )
        if key not in self._cache:
            self._cache[key] = self._chain(location)
        return self._cache[key]

    def _country(self, location: RowLocation) -> tuple[ChainPlace, str]:
        spelling = location.country_name or location.country or ""
        iso3 = location.country or self.table.country_code(spelling)
        if iso3 is None:
            segment = "x-" + place_segment(spelling)
            return ChainPlace(
                f"place:{segment}", spelling, PlaceKind.COUNTRY, 0, None, spelling
            ), segment
        canonical = self.table.country_place(iso3)
        try:
            name = canonical.name if canonical else country_name(iso3)
        except UnknownCountry:
            name = spelling or iso3
        place_id = (canonical.place_id if canonical else None) or f"place:{iso3.lower()}"
        return ChainPlace(
            place_id, name, PlaceKind.COUNTRY, 0, iso3, spelling or name
        ), iso3.lower()

    def _chain(self, location: RowLocation) -> PlaceChain:
        country, segment = self._country(location)
        places = [country]
        iso3 = country.country or ""
        admins: list[str] = []
        admin1_name = ""
        for level, spelling in (
            (PlaceLevel.ADMIN1, location.admin1),
            (PlaceLevel.ADMIN2, location.admin2),
            (PlaceLevel.ADMIN3, location.admin3),
        ):
            if not spelling:
                break
            canonical = self.table.resolve(iso3, level, admin1_name, spelling) if iso3 else None
            name = canonical.name if canonical else display_name(spelling)
            admins.append(name)
            place_id = (canonical.place_id if canonical else None) or derived_place_id(
                segment, admins
            )
            places.append(
                ChainPlace(
                    place_id, name, PlaceKind.REGION, ADMIN_DEPTH[level], country.country, spelling
                )
            )
            if level is PlaceLevel.ADMIN1:
                admin1_name = name
        if location.level is PlaceLevel.LOCATION and location.name:
            spelling = location.name
            canonical = (
                self.table.resolve(iso3, PlaceLevel.LOCATION, admin1_name, spelling)
                if iso3
                else None
            )
            name = canonical.name if canonical else display_name(spelling)
            place_id = (canonical.place_id if canonical else None) or derived_place_id(
                segment, admins, name
            )
            places.append(
                ChainPlace(place_id, name, PlaceKind.LOCATION, None, country.country, spelling)
            )
        return PlaceChain(tuple(places))
