"""Where a transactional provider load spends its time: seconds per stage, on the `bench` instance.

    .venv/bin/python bench/profile_load.py gdelt FILE [--writers 2] [--batch-size 10000]
    .venv/bin/python bench/profile_load.py gdelt FILE --writes-only

Empties the bench instance (it must be running: `bench/load.py --keep-running`), then loads FILE
the way `ckg load` does without linking, and prints the total and the summed seconds of each stage:
preparing batches (read, check, build; main thread), the version read, each write query, and each
batch's whole write transaction (worker thread, so `write transaction` minus its queries is the
commit). --writes-only builds every batch first and then times only the writes, one transaction per
batch, with the server's CPU seconds: the server's floor without Python beside it.
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from load import INSTANCE, server_cpu_seconds  # bench/load.py, beside this file

import loaders.providers.run as run
import loaders.providers.versions as versions
import loaders.providers.write as write
from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.wipe import wipe_database
from loaders.providers.aliases import AliasTable
from loaders.providers.place_aliases import PlaceAliasTable
from loaders.providers.places import PlaceResolver
from loaders.providers.rows import GraphBatch, RowBuilder
from schema.providers import Rejected

STAGES: Counter[str] = Counter()
_lock = threading.Lock()

# (module, function, stage name): the functions are looked up by name where they are called.
TIMED = [
    (run, "_prepare", "prepare batches (main thread)"),
    (run, "sort_batch", "version read"),
    (run, "write_isolating", "write transaction (worker)"),
    *[
        (write, name, name)
        for name in (
            "merge_actors",
            "merge_places",
            "merge_place_links",
            "merge_state_ties",
            "write_events",
            "write_statements",
        )
    ],
]


def _timed(module: ModuleType, name: str, stage: str) -> None:
    function: Callable[..., Any] = getattr(module, name)

    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            with _lock:
                STAGES[stage] += time.perf_counter() - started

    setattr(module, name, timed)


def profile_load(fmt: str, path: Path, batch_size: int, writers: int) -> None:
    for module, name, stage in TIMED:
        _timed(module, name, stage)
    settings = LocalInstance.named(INSTANCE).settings()
    with open_driver(settings) as driver:
        wipe_database(driver, settings.database)
        apply_migrations(driver, settings.database)
        report = run.load_provider(
            driver, settings.database, path, fmt,  # type: ignore[arg-type]
            aliases=AliasTable.load(), batch_size=batch_size, writers=writers, link=False,
        )
    print(f"{report.rows_read:,} rows in {report.seconds:.1f} s ({writers} writer(s))")
    for stage, seconds in STAGES.most_common():
        print(f"  {stage:<32} {seconds:7.2f} s")


def profile_writes(fmt: str, path: Path, batch_size: int) -> None:
    builder = RowBuilder(AliasTable.load(), PlaceResolver(PlaceAliasTable.load()))
    records = run.READERS[fmt](path, "utf-8")
    batches, started = [], time.perf_counter()
    while chunk := list(islice(records, batch_size)):
        batch = GraphBatch()
        for record in chunk:
            if not isinstance(record, Rejected):
                builder.add(record, batch)
                versions.stamp(record, batch)
        batches.append(batch)
    print(f"prepared {len(batches)} batches in {time.perf_counter() - started:.1f} s")
    instance = LocalInstance.named(INSTANCE)
    settings = instance.settings()
    with open_driver(settings) as driver:
        wipe_database(driver, settings.database)
        apply_migrations(driver, settings.database)
        cpu, started = server_cpu_seconds(instance), time.perf_counter()
        with driver.session(database=settings.database) as session:
            for batch in batches:
                began = time.perf_counter()
                with session.begin_transaction() as tx:
                    write.write_batch(tx, batch, all_new=True)
                    queries = time.perf_counter() - began
                    tx.commit()
                print(f"  batch: queries {queries:.2f} s, commit {time.perf_counter() - began - queries:.2f} s")
        seconds = time.perf_counter() - started
    rows = sum(len(batch.lines) for batch in batches)
    print(
        f"writes: {seconds:.1f} s = {rows / seconds:,.0f} rows/s,"
        f" server CPU {server_cpu_seconds(instance) - cpu:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("format", choices=sorted(run.READERS))
    parser.add_argument("file", type=Path)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--writers", type=int, default=1)
    parser.add_argument("--writes-only", action="store_true")
    args = parser.parse_args()
    if args.writes_only:
        profile_writes(args.format, args.file, args.batch_size)
    else:
        profile_load(args.format, args.file, args.batch_size, args.writers)


if __name__ == "__main__":
    main()
