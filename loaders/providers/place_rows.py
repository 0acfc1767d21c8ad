"""A record's location into its batch: point and precision on the node, places, LOCATED_IN and OCCURRED_IN rows.

Places are deduplicated per batch by id (spellings merged), so a batch writes each place and each
LOCATED_IN link once however many rows name them; and a place or link an earlier batch of the same
load already wrote is not sent again unless it brings something new (a spelling, a point). Batches
are written in order by one writer and a failed batch ends the load, so what was sent is in the graph.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from neo4j.spatial import WGS84Point

from graph.model import RelType
from loaders.providers.places import ChainPlace, PlaceChain, PlaceResolver, link_rows, place_row
from schema.providers import DATASET_SOURCE_IDS, ProviderRecord

if TYPE_CHECKING:
    from loaders.providers.rows import GraphBatch

Row = dict[str, Any]


class SentPlaces:
    """What earlier batches of this load wrote: place spellings and points, LOCATED_IN ids."""

    def __init__(self) -> None:
        self.places: dict[str, tuple[frozenset[str], frozenset[str], bool]] = {}
        self.links: set[str] = set()

    def is_news(self, place: SpelledPlace, has_point: bool) -> bool:
        """True (and remembered) when the place adds to what was sent for it."""
        aliases, keys = place.aliases, place.name_keys
        known = self.places.get(place.id)
        if (
            known is not None
            and aliases <= known[0]
            and keys <= known[1]
            and (known[2] or not has_point)
        ):
            return False
        if known is not None:
            aliases, keys = aliases | known[0], keys | known[1]
        self.places[place.id] = (aliases, keys, has_point or bool(known and known[2]))
        return True


class SpelledPlace:
    """A chain place's MERGE row (without a point) and its spellings as sets, made once per chain.

    Thousands of rows name the same few hundred places: their rows are made once (place_row, cached
    per process by chain) and copied into a batch only when they bring something the batch or an
    earlier one has not sent.
    """

    __slots__ = ("id", "row", "aliases", "name_keys")

    def __init__(self, place: ChainPlace, source_id: str) -> None:
        self.id = place.id
        self.row = place_row(place, source_id, None)
        self.aliases = frozenset(self.row["aliases"])
        self.name_keys = frozenset(self.row["name_keys"])

    def fresh_row(self, point: object | None) -> Row:
        """A copy of the row a batch may change (spellings merged, point set)."""
        row = {**self.row, "props": dict(self.row["props"])}
        if point is not None:
            row["point"] = row["props"]["point"] = point
        return row


@lru_cache(maxsize=65_536)
def _spelled_chain(chain: PlaceChain, source_id: str) -> tuple[tuple[SpelledPlace, ...], list[Row]]:
    # A chain is a value (its places' ids, names and spellings), so equal chains share their rows.
    places = tuple(SpelledPlace(place, source_id) for place in chain.places)
    return places, link_rows(chain, source_id)


def _merge_place(places: dict[str, Row], row: Row) -> None:
    known = places.get(row["id"])
    if known is None:
        places[row["id"]] = row
        return
    for key in ("aliases", "name_keys"):
        extra = [value for value in row[key] if value not in known[key]]
        if extra:
            known[key] = known[key] + extra
            known["props"][key] = known[key]
    if known["point"] is None and row["point"] is not None:
        known["point"] = known["props"]["point"] = row["point"]


def add_location(
    resolver: PlaceResolver,
    record: ProviderRecord,
    props: Row,
    batch: GraphBatch,
    sent: SentPlaces | None = None,
) -> Row | None:
    """Set `point`/`geo_precision` in the record's props, add its places; its OCCURRED_IN row or None."""
    location = record.location
    if location is None:
        return None
    point = None
    if location.longitude is not None and location.latitude is not None:
        point = WGS84Point((location.longitude, location.latitude))
        props["point"] = point
    if location.precision is not None:
        props["geo_precision"] = int(location.precision)
    chain = resolver.resolve(location)
    if chain is None:
        return None
    source_id = DATASET_SOURCE_IDS[record.dataset]
    places, links = _spelled_chain(chain, source_id)
    last = len(places) - 1
    for index, place in enumerate(places):
        here = point if index == last else None
        if sent is None or sent.is_news(place, here is not None):
            _merge_place(batch.places, place.fresh_row(here))
    for link in links:
        if sent is None or link["id"] not in sent.links:
            batch.place_links.setdefault(link["id"], link)
            if sent is not None:
                sent.links.add(link["id"])
    rel_id = record.rel_id(RelType.OCCURRED_IN, "place")
    rel_props = {
        "id": rel_id,
        "source_ids": [source_id],
        "geo_precision": props.get("geo_precision"),
        "provider_precision": location.provider_precision,
    }
    return {
        "id": rel_id,
        "place": chain.place_id,
        "props": {key: value for key, value in rel_props.items() if value is not None},
    }
