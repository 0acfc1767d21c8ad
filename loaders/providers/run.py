"""Stream a provider file into the graph: read → resolve → batch → one write transaction per batch.

Memory stays flat: rows are read lazily, a batch is dropped once written, and at most one batch
is being written (on a worker thread, so parsing the next batch overlaps the server's work) while
the next is built. After each committed batch the checkpoint advances (see checkpoint.py).
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Literal

from neo4j import Driver

from graph.queries.ingest import delete_orphan_actors, merge_dataset_source
from linking.run import TouchedRows, link_touched
from loaders.providers.acled import read_acled
from loaders.providers.aliases import AliasTable
from loaders.providers.checkpoint import (
    clear_checkpoint,
    fingerprint,
    read_checkpoint,
    write_checkpoint,
)
from loaders.providers.gdelt import read_gdelt
from loaders.providers.report import ProviderLoadReport, RejectsFile
from loaders.providers.rows import GraphBatch, RowBuilder
from loaders.providers.ucdp import read_ucdp
from loaders.providers.write import write_batch
from schema.providers import DATASET_SOURCE_IDS, ProviderEventRecord, ProviderRecord, Rejected
from schema.vocabulary import SourceKind

ProviderFormat = Literal["acled", "gdelt", "ucdp"]
READERS: dict[str, Callable[[Path], Iterator[ProviderRecord | Rejected]]] = {
    "acled": read_acled,
    "gdelt": read_gdelt,
    "ucdp": read_ucdp,
}
DATASET_SOURCES = {
    "acled": ("ACLED: Armed Conflict Location & Event Data", "ACLED", "https://acleddata.com"),
    "gdelt": ("GDELT 2.0 Event Database", "The GDELT Project", "https://www.gdeltproject.org"),
    "ucdp": (
        "UCDP Georeferenced Event Dataset (GED)",
        "Uppsala Conflict Data Program",
        "https://ucdp.uu.se",
    ),
}
FALLBACK_PREFIXES = {"acled": "acled-actor:", "gdelt": "gdelt-actor:", "ucdp": "ucdp-actor:"}


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


def load_provider(
    driver: Driver,
    database: str,
    path: Path,
    fmt: ProviderFormat,
    *,
    aliases: AliasTable,
    batch_size: int = 5000,
    rejects_path: Path | None = None,
    resume: bool = True,
    on_rows: Callable[[int], None] | None = None,
    writers: int = 1,  # >1 writes batches concurrently: measured slower (deadlocks on shared actors)
    link: bool = True,  # link the rows written into incidents afterwards (see linking/run.py)
) -> ProviderLoadReport:
    """Load one provider file; WrongFormatError (before any write) if it is not in that format."""
    started = time.perf_counter()
    report = ProviderLoadReport(path=path, format=fmt)
    records = READERS[fmt](path)
    # The reader checks the header on the first next(): a wrong file fails before any write.
    first = next(records, None)
    print_ = fingerprint(path, fmt, aliases.digest)
    resume_after = read_checkpoint(path, print_) if resume else 0
    rejects = RejectsFile(rejects_path or default_rejects_path(path))
    builder = RowBuilder(aliases)
    touched = TouchedRows()
    with (
        driver.session(database=database) as session,
        ThreadPoolExecutor(max_workers=writers) as worker,
    ):
        session.execute_write(
            merge_dataset_source, source_id=DATASET_SOURCE_IDS[fmt], props=_source_props(fmt)
        )
        pending: deque[tuple[Future[Counter[str]], int]] = deque()

        def write(batch: GraphBatch) -> Counter[str]:
            # Sessions are not thread-safe: each write (on the worker thread) opens its own.
            with driver.session(database=database) as own:
                return own.execute_write(write_batch, batch)

        def settle(keep: int) -> None:
            """Wait for the oldest writes until `keep` are in flight; checkpoint in file order."""
            while len(pending) > keep:
                future, committed_line = pending.popleft()
                report.counters.update(future.result())
                report.batches += 1
                write_checkpoint(path, print_, committed_line)

        batch, in_batch, last_line = GraphBatch(), 0, 0
        stream = records if first is None else _chain(first, records)
        for item in stream:
            report.rows_read += 1
            if isinstance(item, Rejected):
                report.rejected += 1
                rejects.write(item)
            else:
                if isinstance(item, ProviderEventRecord):
                    report.events += 1
                else:
                    report.statements += 1
                if item.line <= resume_after:
                    report.skipped_resumed += 1
                    builder.actor_mentions(item)  # still listed as unresolved
                else:
                    builder.add(item, batch)
                    touched.add(item.id)
                    in_batch += 1
                    last_line = item.line
            if in_batch >= batch_size:
                settle(keep=writers - 1)
                pending.append((worker.submit(write, batch), last_line))
                batch, in_batch = GraphBatch(), 0
            if on_rows is not None and report.rows_read % 1000 == 0:
                on_rows(1000)
        if in_batch:
            settle(keep=writers - 1)
            pending.append((worker.submit(write, batch), last_line))
        settle(keep=0)
        report.actors_removed = session.execute_write(
            delete_orphan_actors, prefix=FALLBACK_PREFIXES[fmt]
        )
    if on_rows is not None:
        on_rows(report.rows_read % 1000)
    report.unresolved = builder.unresolved
    report.rejects_path = rejects.close()
    clear_checkpoint(path)
    report.seconds = time.perf_counter() - started
    if link:
        report.linking = link_touched(driver, database, touched)
    return report


def _chain(
    first: ProviderRecord | Rejected, rest: Iterator[ProviderRecord | Rejected]
) -> Iterator[ProviderRecord | Rejected]:
    yield first
    yield from rest
