"""Benchmark the provider loaders: synthetic ACLED/GDELT/UCDP files → a local Neo4j of its own.

    .venv/bin/python bench/load.py [--sizes 10k,100k,1M] [--formats acled,gdelt,ucdp] [--batch-size 10000]

For every format and size: write the file (cached in --workdir), empty the graph, load the file in a
child process, and print rows/s, the child's peak RSS and the node/relationship counts. Then load
--naive-rows rows of each format with one transaction per row (same queries, batch size 1) and print
the batched/naive ratio. Uses the `bench` instance (ports CKG_TEST_BOLT_PORT/HTTP_PORT, default
7751/7752, memory CKG_NEO4J_HEAP/PAGECACHE, default 2g/2g, like main) and stops it at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("CKG_TEST_BOLT_PORT", "7751")
os.environ.setdefault("CKG_TEST_HTTP_PORT", "7752")
os.environ.setdefault("CKG_NEO4J_HEAP", "2g")
os.environ.setdefault("CKG_NEO4J_PAGECACHE", "2g")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neo4j import Driver
from rich.console import Console
from rich.table import Table

from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.wipe import wipe_database

INSTANCE = "bench"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
console = Console(width=130)  # full tables in logs too (no terminal)


def child(fmt: str, path: str, batch_size: int) -> None:
    """Run one load in this (child) process and print its figures as JSON."""
    from loaders.providers.aliases import AliasTable
    from loaders.providers.run import load_provider

    settings = LocalInstance.named(INSTANCE).settings()
    with open_driver(settings) as driver:
        report = load_provider(
            driver,
            settings.database,
            Path(path),
            fmt,  # type: ignore[arg-type]
            aliases=AliasTable.load(),
            batch_size=batch_size,
        )
    Path(path).with_name(Path(path).name + ".rejects.csv").unlink(missing_ok=True)
    print(
        json.dumps(
            {"rows": report.rows_read, "rejected": report.rejected, "seconds": report.seconds}
        )
    )


def run_child(fmt: str, path: Path, batch_size: int) -> dict[str, float]:
    """Load in a child process; its figures plus peak RSS (MiB) from wait4's rusage."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", fmt, str(path), str(batch_size)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"load of {path} failed ({process.returncode})")
    figures = json.loads(output.strip().splitlines()[-1])
    figures["peak_rss_mib"] = usage.ru_maxrss / 1024  # Linux reports KiB
    figures["rows_per_s"] = figures["rows"] / figures["seconds"]
    return figures


def counts(driver: Driver, database: str) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database).records[0][
        "c"
    ]
    rels = driver.execute_query(
        "MATCH ()-[r]->() RETURN count(r) AS c", database_=database
    ).records[0]["c"]
    return nodes, rels


def synthetic_file(workdir: Path, fmt: str, rows: int) -> Path:
    from synthetic import WRITERS  # bench/synthetic.py, beside this file

    path = workdir / f"{fmt}-{rows}.{'export.CSV' if fmt == 'gdelt' else 'csv'}"
    if not path.exists():
        started = time.perf_counter()
        WRITERS[fmt](path, rows)
        console.print(
            f"wrote {path} ({path.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - started:.1f} s"
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--formats", default="gdelt,acled,ucdp")
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--naive-rows", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-bench"))
    parser.add_argument("--keep-running", action="store_true", help="Leave the bench instance up.")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    instance = LocalInstance.named(INSTANCE)
    instance.distribution.install()
    started_here = instance.start()
    settings = instance.settings()
    table = Table(title=f"Provider loads (batch size {args.batch_size})", title_justify="left")
    for column in (
        "format",
        "rows",
        "rejected",
        "seconds",
        "rows/s",
        "peak RSS MiB",
        "nodes",
        "relationships",
    ):
        table.add_column(column, justify="left" if column == "format" else "right")
    batched_10k: dict[str, float] = {}
    try:
        with open_driver(settings) as driver:
            apply_migrations(driver, settings.database)
            for fmt in args.formats.split(","):
                for size in args.sizes.split(","):
                    path = synthetic_file(args.workdir, fmt, SIZES[size])
                    wipe_database(driver, settings.database)
                    figures = run_child(fmt, path, args.batch_size)
                    nodes, rels = counts(driver, settings.database)
                    if SIZES[size] == args.naive_rows:
                        batched_10k[fmt] = figures["rows_per_s"]
                    row = [
                        fmt,
                        f"{figures['rows']:,}",
                        f"{figures['rejected']:,}",
                        f"{figures['seconds']:.1f}",
                        f"{figures['rows_per_s']:,.0f}",
                        f"{figures['peak_rss_mib']:.0f}",
                        f"{nodes:,}",
                        f"{rels:,}",
                    ]
                    table.add_row(*row)
                    console.print(" | ".join(row))
            console.print(table)
            naive = Table(
                title=f"Batched vs naive (one transaction per row), {args.naive_rows:,} rows",
                title_justify="left",
            )
            for column in ("format", "naive rows/s", "batched rows/s", "ratio"):
                naive.add_column(column, justify="left" if column == "format" else "right")
            for fmt in args.formats.split(","):
                path = synthetic_file(args.workdir, fmt, args.naive_rows)
                if fmt not in batched_10k:
                    wipe_database(driver, settings.database)
                    batched_10k[fmt] = run_child(fmt, path, args.batch_size)["rows_per_s"]
                wipe_database(driver, settings.database)
                slow = run_child(fmt, path, 1)["rows_per_s"]
                naive.add_row(
                    fmt,
                    f"{slow:,.0f}",
                    f"{batched_10k[fmt]:,.0f}",
                    f"{batched_10k[fmt] / slow:.1f}×",
                )
            console.print(naive)
    finally:
        if started_here and not args.keep_running:
            instance.stop()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main()
