"""Stream a provider file into the graph: read → check → resolve → one write transaction per batch.

Rows are taken in chunks of `batch_size`: the reader's rejects, records Neo4j could not index
(guard.py) and repeated ids (ledger.py) become rejects, the rest one write batch. Memory stays
flat: rows are read lazily, a chunk is dropped once written, and at most one batch is being written
(on a worker thread, so parsing the next chunk overlaps the server's work). When a batch commits,
its chunk's rejects are written in line order with any rows the server refused, and the checkpoint
advances (see checkpoint.py). Before a batch is written, one read sorts its rows into created,
updated, unchanged and stale against the graph (versions.py): only created and updated rows are
written, updated ones with the clean-up of what their old version left (replace.py).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Literal

from neo4j import Driver

from graph.queries.accusation_summary import refresh_accusation_summary
from graph.queries.ingest import delete_orphan_actors, merge_dataset_source
from linking.run import TouchedRows, link_touched
from loaders.providers.acled import read_acled
from loaders.providers.aliases import AliasTable
from loaders.providers.checkpoint import (
    Checkpoint,
    clear_checkpoint,
    fingerprint,
    read_checkpoint,
    write_checkpoint,
)
from loaders.providers.gdelt import read_gdelt
from loaders.providers.guard import oversized_key
from loaders.providers.ledger import IdLedger
from loaders.providers.place_aliases import PlaceAliasTable
from loaders.providers.place_rows import SentPlaces
from loaders.providers.places import PlaceResolver
from loaders.providers.replace import write_replacing
from loaders.providers.report import ProviderLoadReport, RejectsFile
from loaders.providers.rows import GraphBatch, RowBuilder
from loaders.providers.ucdp import read_ucdp
from loaders.providers.versions import BatchVersions, RowOutcome, sort_batch, stamp
from loaders.providers.write import BatchOutcome, BatchWriter, write_created, write_isolating
from schema.providers import (
    DATASET_SOURCE_IDS,
    SOURCE_QUALIFIED_PREFIXES,
    ProviderEventRecord,
    ProviderRecord,
    Rejected,
)
from schema.vocabulary import SourceKind

ProviderFormat = Literal["acled", "gdelt", "ucdp"]
READERS: dict[str, Callable[[Path, str], Iterator[ProviderRecord | Rejected]]] = {
    "acled": read_acled,
    "gdelt": read_gdelt,
    "ucdp": read_ucdp,
}
DATASET_SOURCES = {
    "acled": ("ACLED: Armed Conflict Location & Event Data", "ACLED", "https://acleddata.com"),
    "gdelt": ("GDELT Event Database (2.0 and 1.0)", "The GDELT Project", "https://www.gdeltproject.org"),
    "ucdp": (
        "UCDP Georeferenced Event Dataset (GED)",
        "Uppsala Conflict Data Program",
        "https://ucdp.uu.se",
    ),
}
FALLBACK_PREFIXES = SOURCE_QUALIFIED_PREFIXES


def default_rejects_path(path: Path) -> Path:
    return path.with_name(path.name + ".rejects.csv")


def _source_props(fmt: str) -> dict[str, object]:
    title, publisher, url = DATASET_SOURCES[fmt]
    source_id = DATASET_SOURCE_IDS[fmt]
    return {
        "id": source_id,
        "title": title,
        "kind": SourceKind.DATASET.value,
        "publisher": publisher,
        "url": url,
        "language": "en",
        "source_ids": [source_id],
        "quote": None,
    }


@dataclass
class Chunk:
    """Consecutive input rows handled together (their batch aside): rows rejected before the write."""

    rejects: list[Rejected] = field(default_factory=list)
    rows: int = 0
    last_line: int = 0
    # Rows an interrupted run of the same load committed (record id → is an event), and refused.
    skipped: dict[str, bool] = field(default_factory=dict)
    refused_before: int = 0
    versions: BatchVersions = field(default_factory=BatchVersions)  # its rows against the graph


def load_provider(
    driver: Driver,
    database: str,
    path: Path,
    fmt: ProviderFormat,
    *,
    aliases: AliasTable,
    place_aliases: PlaceAliasTable | None = None,
    batch_size: int = 5000,
    rejects_path: Path | None = None,
    resume: bool = True,
    on_rows: Callable[[int], None] | None = None,
    encoding: str = "utf-8",
    writers: int = 1,  # >1 writes batches concurrently: measured slower (deadlocks on shared actors)
    link: bool = True,  # link the rows the load touched into incidents once it has committed
) -> ProviderLoadReport:
    """Load one provider file; WrongFormatError (before any write) for a wrong format or encoding."""
    started = time.perf_counter()
    report = ProviderLoadReport(path=path, format=fmt)
    records = READERS[fmt](path, encoding)
    # The reader checks the header and the encoding on the first next(): a refused file fails
    # before any write.
    first = next(records, None)
    places = place_aliases or PlaceAliasTable.load()
    print_ = fingerprint(path, fmt, aliases.digest + places.digest, encoding)
    checkpoint = read_checkpoint(path, print_) if resume else Checkpoint()
    rejects = RejectsFile(rejects_path or default_rejects_path(path))
    builder = RowBuilder(aliases, PlaceResolver(places))
    refused = list(checkpoint.refused.values())  # by the server, so far: kept in the checkpoint
    touched = TouchedRows()  # ids written, or committed by an interrupted run: linked at the end
    with (
        driver.session(database=database) as session,
        ThreadPoolExecutor(max_workers=writers) as worker,
        IdLedger() as ledger,
    ):
        session.execute_write(
            merge_dataset_source, source_id=DATASET_SOURCE_IDS[fmt], props=_source_props(fmt)
        )
        pending: deque[tuple[Future[BatchOutcome], Chunk]] = deque()

        def write(batch: GraphBatch, writer: BatchWriter) -> BatchOutcome:
            # Sessions are not thread-safe: each write (on the worker thread) opens its own.
            with driver.session(database=database) as own:
                return write_isolating(own, batch, write=writer)

        def settle(keep: int) -> None:
            """Wait for the oldest writes until `keep` are in flight; report them in file order."""
            while len(pending) > keep:
                future, chunk = pending.popleft()
                outcome = future.result()
                _account(report, chunk, outcome)
                for row in sorted(
                    [*chunk.rejects, *outcome.refused.values()], key=lambda r: r.line
                ):
                    rejects.write(row)
                refused.extend(outcome.refused.values())
                if outcome.refused:
                    # A refused row's places may be missing from the graph although sent: later
                    # batches send every place they name again (MERGE: the rest stays unchanged).
                    builder.sent_places = SentPlaces()
                write_checkpoint(path, print_, chunk.last_line, refused)

        stream = records if first is None else _chain(first, records)
        while prepared := _prepare(islice(stream, batch_size), builder, ledger, checkpoint, report):
            batch, chunk = prepared
            report.rows_read += chunk.rows
            # Ids are unique in a file, so the batch in flight never holds one of these rows.
            batch, chunk.versions = sort_batch(session, batch)
            if chunk.versions.kept:
                # Rows left out may have been the first to name a place: later batches send all again.
                builder.sent_places = SentPlaces()
            # Without updates, every written row was just found absent: the CREATE path, no look-up.
            writer = write_replacing if chunk.versions.updates else write_created
            # Linking afterwards looks at what this load created or changed (`ckg link` at everything).
            touched.update([*batch.events, *batch.statements, *chunk.skipped])
            settle(keep=writers - 1)
            pending.append((worker.submit(write, batch, writer), chunk))
            del prepared, batch  # the worker holds the batch: it goes once written
            if on_rows is not None:
                on_rows(chunk.rows)
        settle(keep=0)
        report.actors_removed += session.execute_write(
            delete_orphan_actors, prefix=FALLBACK_PREFIXES[fmt]
        )
        session.execute_write(refresh_accusation_summary)
    report.unresolved = builder.unresolved
    report.actor_mentions = builder.mentions["all"]
    report.state_mentions = builder.mentions["state"]
    report.country_mentions = builder.mentions["country"]
    report.rejects_path = rejects.close()
    clear_checkpoint(path)
    report.seconds = time.perf_counter() - started
    if link:
        report.linking = link_touched(driver, database, touched)
    return report


def _prepare(
    items: Iterator[ProviderRecord | Rejected],
    builder: RowBuilder,
    ledger: IdLedger,
    checkpoint: Checkpoint,
    report: ProviderLoadReport,
) -> tuple[GraphBatch, Chunk] | None:
    """Sort a chunk's rows into rejects, rows an interrupted run committed, and the batch to write.

    Rows go one by one into the batch (a record is dropped once it is a row there); a row whose id
    an earlier chunk had is taken out again at the end. None when there are no rows left.
    """
    batch, chunk = GraphBatch(), Chunk()
    for item in items:  # every row passes here: kept lean
        chunk.rows += 1
        if isinstance(item, Rejected):
            chunk.rejects.append(item)
            continue
        problem = oversized_key(item) or ledger.repeat(item)
        report.note_location(item)
        if problem is not None:
            chunk.rejects.append(problem)
        elif item.line > checkpoint.line:
            builder.add(item, batch)
            stamp(item, batch)
        elif item.line in checkpoint.refused:
            chunk.rejects.append(checkpoint.refused[item.line])
            chunk.refused_before += 1
        else:
            builder.actor_mentions(item)  # still listed as unresolved
            chunk.skipped[item.id] = isinstance(item, ProviderEventRecord)
    chunk.last_line = item.line if chunk.rows else 0  # rows come in line order
    repeats = ledger.end_chunk()
    if repeats:
        chunk.rejects += [rejected for _, rejected in repeats]
        ids = {record_id for record_id, _ in repeats}
        batch = batch.without(ids)
        chunk.skipped = {i: event for i, event in chunk.skipped.items() if i not in ids}
    return (batch, chunk) if chunk.rows else None


def _account(report: ProviderLoadReport, chunk: Chunk, outcome: BatchOutcome) -> None:
    """Add a written chunk to the report: rows by kind and outcome, rows rejected, graph counters."""
    skipped_events = sum(chunk.skipped.values())
    versions = chunk.versions
    kept = sum(versions.kept.values())
    report.events += skipped_events + outcome.events + versions.kept_events
    report.statements += (
        len(chunk.skipped) - skipped_events + outcome.statements + kept - versions.kept_events
    )
    written = [o for i, o in versions.written.items() if i not in outcome.refused]
    report.created += written.count(RowOutcome.CREATED)
    report.updated += written.count(RowOutcome.UPDATED)
    report.unchanged += kept
    report.stale += versions.kept[RowOutcome.STALE]
    report.actors_removed += outcome.counters["orphan_actors_deleted"]
    report.places_removed += outcome.counters["orphan_places_deleted"]
    report.skipped_resumed += len(chunk.skipped)
    report.rejected += len(chunk.rejects) + len(outcome.refused)
    report.refused += chunk.refused_before + len(outcome.refused)
    report.counters.update(outcome.counters)
    report.batches += outcome.events + outcome.statements > 0


def _chain(
    first: ProviderRecord | Rejected, rest: Iterator[ProviderRecord | Rejected]
) -> Iterator[ProviderRecord | Rejected]:
    yield first
    yield from rest
