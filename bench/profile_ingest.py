"""PROFILE each ingest query of one provider batch on the `bench` instance, with the server's CPU.

    .venv/bin/python bench/profile_ingest.py gdelt FILE [--rows 10000] [--commit] [--plans]

Builds one batch of the file's first --rows rows the way `ckg load` does (GraphBatch), runs each
ingest query (actors, places, LOCATED_IN, state ties, new events, new statements) under PROFILE in
one transaction, and prints each query's wall time and the server's CPU seconds (from /proc, so
the bench instance must be local and running: `bench/load.py --keep-running`), then the commit's
(--commit; the default rolls back and leaves the graph as it was). --plans prints the operator
tables (rows, db hits). Run it twice: the first run also pays for planning the queries.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from load import INSTANCE, server_cpu_seconds  # bench/load.py, beside this file

from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.queries.ingest import MERGE_ACTORS
from graph.queries.ingest_events import CREATE_EVENTS, CREATE_STATEMENTS
from graph.queries.ingest_places import MERGE_PLACE_LINKS, MERGE_PLACES
from graph.queries.ingest_states import MERGE_STATE_TIES
from loaders.providers.aliases import AliasTable
from loaders.providers.place_aliases import PlaceAliasTable
from loaders.providers.places import PlaceResolver
from loaders.providers.rows import GraphBatch, RowBuilder
from loaders.providers.run import READERS
from schema.providers import Rejected


def operators(plan: dict[str, Any], depth: int = 0) -> list[str]:
    """The plan's operator table, one indented line per operator."""
    details = str(plan.get("args", {}).get("Details", ""))[:90]
    line = (
        f"  {'  ' * depth}{plan['operatorType']:<30} rows={plan.get('rows')}"
        f" dbhits={plan.get('dbHits')} {details}"
    )
    children = plan.get("children", [])
    return [line] + [row for child in children for row in operators(child, depth + 1)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("format", choices=sorted(READERS))
    parser.add_argument("file", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--commit", action="store_true")
    parser.add_argument("--plans", action="store_true")
    args = parser.parse_args()
    builder = RowBuilder(AliasTable.load(), PlaceResolver(PlaceAliasTable.load()))
    batch = GraphBatch()
    for item in islice(READERS[args.format](args.file, "utf-8"), args.rows):
        if not isinstance(item, Rejected):
            builder.add(item, batch)
    steps = [
        ("actors", MERGE_ACTORS, batch.actors),
        ("places", MERGE_PLACES, batch.places),
        ("place links", MERGE_PLACE_LINKS, batch.place_links),
        ("state ties", MERGE_STATE_TIES, batch.ties),
        ("events (new)", CREATE_EVENTS, batch.events),
        ("statements (new)", CREATE_STATEMENTS, batch.statements),
    ]
    instance = LocalInstance.named(INSTANCE)
    with open_driver(instance.settings()) as driver, driver.session(database="neo4j") as session:
        tx = session.begin_transaction()
        for name, query, rows in steps:
            if not rows:
                continue
            cpu, started = server_cpu_seconds(instance), time.perf_counter()
            summary = tx.run("PROFILE " + query, rows=list(rows.values())).consume()
            print(
                f"{name}: {len(rows):,} rows, {time.perf_counter() - started:.2f} s,"
                f" server CPU {server_cpu_seconds(instance) - cpu:.2f} s"
            )
            if args.plans and summary.profile:
                print("\n".join(operators(summary.profile)))
        cpu, started = server_cpu_seconds(instance), time.perf_counter()
        tx.commit() if args.commit else tx.rollback()
        print(
            f"{'commit' if args.commit else 'rollback'}: {time.perf_counter() - started:.2f} s,"
            f" server CPU {server_cpu_seconds(instance) - cpu:.2f} s"
        )


if __name__ == "__main__":
    main()
