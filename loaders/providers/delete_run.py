"""Apply an ACLED deletion list: read → one delete transaction per batch → report (deleted / not found).

The file is refused (WrongFormatError) before any write when it is not a deletion list. Each batch
is one transaction: its events, their relationships, their incidents' links and what only they used
go together or not at all (graph/queries/delete_events.py). Running the same list twice deletes
nothing more: the second run finds none of the ids.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from itertools import chain, islice
from pathlib import Path

from neo4j import Driver

from graph.queries.delete_events import Deletion, delete_events
from loaders.providers.deletions import DeletionRecord, read_acled_deletions
from loaders.providers.replace import ACTOR_PREFIXES, DATASET_SOURCES
from loaders.providers.report import ProviderLoadReport, RejectsFile
from loaders.providers.run import default_rejects_path
from schema.providers import Rejected

DELETIONS_FORMAT = "acled-deletions"


def _rows(records: list[DeletionRecord]) -> list[dict[str, object]]:
    """One row per id; an id listed twice keeps its latest deletion."""
    latest: dict[str, int] = {}
    for record in records:
        latest[record.id] = max(record.deleted_timestamp, latest.get(record.id, -1))
    return [{"id": i, "deleted_timestamp": stamp} for i, stamp in latest.items()]


def _add(report: ProviderLoadReport, deletion: Deletion) -> None:
    report.deleted += deletion.deleted
    report.not_found += deletion.not_found
    report.unchanged += deletion.kept_newer
    report.stale += deletion.kept_newer
    report.incidents_dissolved += deletion.incidents_dissolved
    report.actors_removed += deletion.actors_removed
    report.places_removed += deletion.places_removed
    report.counters["nodes_deleted"] += (
        deletion.deleted
        + deletion.incidents_dissolved
        + deletion.actors_removed
        + deletion.places_removed
    )
    report.counters["relationships_deleted"] += deletion.relationships_deleted


def delete_provider_rows(
    driver: Driver,
    database: str,
    path: Path,
    *,
    batch_size: int = 5000,
    rejects_path: Path | None = None,
    on_rows: Callable[[int], None] | None = None,
    encoding: str = "utf-8",
) -> ProviderLoadReport:
    """Delete the listed ACLED events; WrongFormatError (before any write) for another kind of file."""
    started = time.perf_counter()
    report = ProviderLoadReport(path=path, format=DELETIONS_FORMAT)
    items: Iterator[DeletionRecord | Rejected] = read_acled_deletions(path, encoding)
    first = next(items, None)  # the reader checks the file here: a refused one fails before writing
    stream = items if first is None else chain([first], items)
    rejects = RejectsFile(rejects_path or default_rejects_path(path))
    with driver.session(database=database) as session:
        while chunk := list(islice(stream, batch_size)):
            records = [item for item in chunk if isinstance(item, DeletionRecord)]
            for item in chunk:
                if isinstance(item, Rejected):
                    rejects.write(item)
            report.rows_read += len(chunk)
            report.rejected += len(chunk) - len(records)
            if records:
                _add(
                    report,
                    session.execute_write(
                        delete_events,
                        rows=_rows(records),
                        actor_prefixes=ACTOR_PREFIXES,
                        dataset_sources=DATASET_SOURCES,
                    ),
                )
                report.batches += 1
            if on_rows is not None:
                on_rows(len(chunk))
    report.rejects_path = rejects.close()
    report.seconds = time.perf_counter() - started
    return report
