"""The read/transform stage of a bulk load: provider files through the transactional path's readers
and batch builder into the import files, curated files validated.

Each provider file goes through what loaders/providers/run.py does before it writes: the same
reader, the same checks (oversized keys, repeated ids), the same RowBuilder (aliases, places,
states) in the same chunks, the same rejects file and report. Only the write differs: a batch is
merged into a BulkGraph instead of being sent to the server. Nothing here touches the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from linking.run import LinkReport
from loaders.bulk.merge import BulkGraph
from loaders.curated.rows import GraphRows
from loaders.curated.run import prepare_curated
from loaders.providers.aliases import AliasTable
from loaders.providers.checkpoint import Checkpoint
from loaders.providers.ledger import IdLedger
from loaders.providers.place_aliases import PlaceAliasTable
from loaders.providers.places import PlaceResolver
from loaders.providers.report import ProviderLoadReport, RejectsFile
from loaders.providers.rows import RowBuilder

# The transactional runner's own steps, shared so the two paths cannot drift apart.
from loaders.providers.run import (  # noqa: PLC2701
    READERS,
    _account,
    _chain,
    _prepare,
    _source_props,
    default_rejects_path,
)
from loaders.providers.write import BatchOutcome

CURATED = "curated"


@dataclass(frozen=True)
class BulkInput:
    """One input file and its format (acled, gdelt, ucdp or curated)."""

    path: Path
    format: str


@dataclass
class BulkRead:
    """What the read stage produced: a report per provider file, the curated files' rows."""

    reports: list[ProviderLoadReport] = field(default_factory=list)
    curated: list[tuple[Path, GraphRows]] = field(default_factory=list)
    linking: LinkReport | None = None  # set once the imported graph is linked


def read_inputs(
    inputs: list[BulkInput],
    graph: BulkGraph,
    *,
    aliases: AliasTable,
    batch_size: int = 5000,
    encoding: str = "utf-8",
    on_rows: Callable[[int], None] | None = None,
) -> BulkRead:
    """Read every file into `graph` (curated ones validated only; shared nodes are written by
    graph.write_shared()); WrongFormatError or InvalidInputError for a refused file."""
    done = BulkRead()
    places = PlaceAliasTable.load()
    for part, item in enumerate(inputs):
        if item.format == CURATED:
            done.curated.append((item.path, prepare_curated(item.path)))
            continue
        done.reports.append(
            read_provider(
                graph, part, item, aliases=aliases, places=places,
                batch_size=batch_size, encoding=encoding, on_rows=on_rows,
            )
        )
    return done


def read_provider(
    graph: BulkGraph,
    part: int,
    item: BulkInput,
    *,
    aliases: AliasTable,
    places: PlaceAliasTable,
    batch_size: int,
    encoding: str,
    on_rows: Callable[[int], None] | None,
) -> ProviderLoadReport:
    """One provider file into the graph, chunk by chunk as load_provider() reads it."""
    started = time.perf_counter()
    path, fmt = item.path, item.format
    report = ProviderLoadReport(path=path, format=fmt)
    records = READERS[fmt](path, encoding)
    first = next(records, None)  # the header and encoding are checked here, before anything else
    rejects = RejectsFile(default_rejects_path(path))
    builder = RowBuilder(aliases, PlaceResolver(places))
    before = graph.size()
    graph.merge_source(_source_props(fmt))
    fresh = Checkpoint()  # a bulk load always starts from the first row
    with IdLedger() as ledger:
        stream = records if first is None else _chain(first, records)
        while prepared := _prepare(islice(stream, batch_size), builder, ledger, fresh, report):
            batch, chunk = prepared
            report.rows_read += chunk.rows
            graph.add(batch, part)
            _account(report, chunk, BatchOutcome(len(batch.events), len(batch.statements)))
            for row in sorted(chunk.rejects, key=lambda rejected: rejected.line):
                rejects.write(row)
            if on_rows is not None:
                on_rows(chunk.rows)
    report.unresolved = builder.unresolved
    report.actor_mentions = builder.mentions["all"]
    report.state_mentions = builder.mentions["state"]
    report.country_mentions = builder.mentions["country"]
    report.rejects_path = rejects.close()
    after = graph.size()
    report.counters["nodes_created"] = after[0] - before[0]
    report.counters["relationships_created"] = after[1] - before[1]
    report.seconds = time.perf_counter() - started
    return report
