"""What a bulk load does transactionally once the imported database is up and migrated: the empty
lists neo4j-admin could not store, the orphan clean-up each provider load ends with (actors, and
places a revised row left), curated files.

Curated files are written here, after the provider data, through the curated loader itself: their
provenance rules (asserted_by, retraction) are only written in Cypher, and a seed is small. The
graph is therefore the one a transactional load of the provider files, then the curated ones, gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from neo4j import Driver

from graph.queries.bulk import set_empty_lists
from graph.queries.ingest import delete_orphan_actors
from graph.queries.orphans import Dependents, delete_orphans
from graph.queries.places import list_place_ids
from loaders.curated.rows import GraphRows
from loaders.curated.write import load_rows
from loaders.providers.run import FALLBACK_PREFIXES
from loaders.report import LoadReport
from schema.providers import DATASET_SOURCE_IDS

BATCH = 10_000


def _batches(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def set_all_empty_lists(
    driver: Driver, database: str, empty_lists: dict[tuple[str, str], list[str]]
) -> int:
    """Set every (label or type, property) → ids empty list; return how many were set."""
    total = 0
    with driver.session(database=database) as session:
        for (owner, key), ids in empty_lists.items():
            for batch in _batches(ids):
                total += session.execute_write(set_empty_lists, owner=owner, key=key, ids=batch)
    return total


def remove_orphan_actors(driver: Driver, database: str, formats: list[str]) -> dict[str, int]:
    """Delete source-qualified actors nothing links to, per provider format, as each load ends."""
    with driver.session(database=database) as session:
        return {
            fmt: session.execute_write(delete_orphan_actors, prefix=FALLBACK_PREFIXES[fmt])
            for fmt in dict.fromkeys(formats)
        }


def remove_orphan_places(driver: Driver, database: str) -> int:
    """Delete provider places nothing points at any more (a later file's revision of a row moved it),
    as a transactional load's replacement does; return how many."""
    with driver.session(database=database) as session:
        place_ids = session.execute_read(list_place_ids)
        return session.execute_write(
            delete_orphans,
            dependents=Dependents(actors=[], places=place_ids, incidents=[]),
            actor_prefixes=[],
            dataset_sources=sorted(DATASET_SOURCE_IDS.values()),
        )[1]


def load_curated_rows(
    driver: Driver, database: str, curated: list[tuple[Path, GraphRows]]
) -> list[tuple[Path, LoadReport]]:
    """Write each validated curated file in its own transaction, as `ckg load FILE` does."""
    with driver.session(database=database) as session:
        return [(path, load_rows(session, rows)) for path, rows in curated]
