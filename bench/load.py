"""Benchmark the provider loaders: synthetic ACLED/GDELT/UCDP files → a local Neo4j of its own.

    .venv/bin/python bench/load.py [--sizes 10k,100k,1M] [--formats acled,gdelt,ucdp]
        [--methods transactional,load_csv,bulk] [--batch-size 10000] [--json PATH]

For every format, size and method: write the file (cached in --workdir), empty the graph, load the
file in a child process, and print rows/s, the child's own peak RSS (bench/peak_rss.py; for bulk,
neo4j-admin's is not in it), the CPU seconds of the loader
(the child) and of the server, the machine's load average and the node/relationship counts.
Methods (METHODS, where another path plugs in): `transactional` is `ckg load`'s path
(loaders/providers/run.py); `load_csv` is the plain LOAD CSV reference (bench/load_csv.py, local
only, GDELT and ACLED); `bulk` is `ckg load --bulk` (neo4j-admin import in place of the instance's
database, then start, migrate, finish and link: file → running server). The methods of one format and size run back to back on the same file, so
their ratio is measured in one run; a load_csv graph is checked against the transactional one
(counts and property keys per label and relationship type). `--json PATH` writes the records
{format, size, method, rows, seconds, rows_per_s, peak_rss_mib, loader_cpu_s, server_cpu_s,
load_avg}: on a shared machine the CPU seconds say more than wall time. Then --naive-rows rows of
each format are loaded with one transaction per row (batch size 1; 0 skips it) for the
batched/naive ratio. Uses the `bench` instance (ports CKG_TEST_BOLT_PORT/HTTP_PORT, default
7751/7752, memory CKG_NEO4J_HEAP/PAGECACHE, default 2g/2g, like main) and stops it at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
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
from peak_rss import peak_rss_mib  # bench/peak_rss.py, beside this file

INSTANCE = "bench"
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
console = Console(width=170)  # full tables in logs too (no terminal)


def transactional(fmt: str, path: Path, batch_size: int) -> dict[str, float]:
    """`ckg load`'s path: the provider reader, checks and batched write transactions."""
    from loaders.providers.aliases import AliasTable
    from loaders.providers.run import load_provider

    settings = LocalInstance.named(INSTANCE).settings()
    with open_driver(settings) as driver:
        report = load_provider(
            driver,
            settings.database,
            path,
            fmt,  # type: ignore[arg-type]
            aliases=AliasTable.load(),
            batch_size=batch_size,
        )
    path.with_name(path.name + ".rejects.csv").unlink(missing_ok=True)
    return {"rows": report.rows_read, "rejected": report.rejected, "seconds": report.seconds}


def load_csv(fmt: str, path: Path, batch_size: int) -> dict[str, float]:
    """The plain LOAD CSV reference (bench/load_csv.py); local only: the server reads the file."""
    from load_csv import load_csv as run_load_csv  # bench/load_csv.py, beside this file

    instance = LocalInstance.named(INSTANCE)
    settings = instance.settings()
    started = time.perf_counter()
    with open_driver(settings) as driver:
        rows = run_load_csv(
            driver, settings.database, instance.directory / "import", path, fmt, batch_size
        )
    return {"rows": rows, "rejected": 0, "seconds": time.perf_counter() - started}


def bulk(fmt: str, path: Path, batch_size: int) -> dict[str, float]:
    """`ckg load --bulk`'s path: the same readers into neo4j-admin import, start, migrate, finish and
    link, in place of the bench instance's database (local only)."""
    from cli.load_bulk import load_bulk
    from loaders.bulk.read import BulkInput

    started = time.perf_counter()
    done = load_bulk(
        [BulkInput(path, fmt)], INSTANCE, replace=True, yes=True, aliases=None,
        batch_size=batch_size, max_rejects=10**9,
    )
    seconds = time.perf_counter() - started
    path.with_name(path.name + ".rejects.csv").unlink(missing_ok=True)
    return {
        "rows": sum(report.rows_read for report in done.reports),
        "rejected": sum(report.rejected for report in done.reports),
        "seconds": seconds,
    }


RECORD_KEYS = (
    "rows",
    "seconds",
    "rows_per_s",
    "peak_rss_mib",
    "loader_cpu_s",
    "server_cpu_s",
    "load_avg",
)


# Load methods by name; each runs in a child process and returns {rows, rejected, seconds}.
METHODS: dict[str, Callable[[str, Path, int], dict[str, float]]] = {
    "transactional": transactional,
    "load_csv": load_csv,
    "bulk": bulk,
}


def child(method: str, fmt: str, path: str, batch_size: int) -> None:
    """Run one load in this (child) process and print its figures as JSON."""
    print(json.dumps({**METHODS[method](fmt, Path(path), batch_size), "peak_rss_mib": peak_rss_mib()}))


def server_pid(instance: LocalInstance) -> str:
    return (instance.directory / "run" / "neo4j.pid").read_text().strip()


def server_cpu_seconds(instance: LocalInstance) -> float:
    """User + system CPU seconds of the instance's server process so far (Linux /proc)."""
    fields = Path(f"/proc/{server_pid(instance)}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_child(
    fmt: str, path: Path, batch_size: int, method: str = "transactional"
) -> dict[str, float]:
    """Load in a child process; its figures, peak RSS (MiB), server CPU seconds and load average."""
    instance = LocalInstance.named(INSTANCE)
    pid_before, cpu_before = server_pid(instance), server_cpu_seconds(instance)
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", method, fmt, str(path), str(batch_size)],
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
    figures["loader_cpu_s"] = usage.ru_utime + usage.ru_stime
    figures["rows_per_s"] = figures["rows"] / figures["seconds"]
    pid_after, cpu_after = server_pid(instance), server_cpu_seconds(instance)
    # bulk restarts the server: then only the new server's CPU is known (neo4j-admin's is the loader's)
    figures["server_cpu_s"] = cpu_after - cpu_before if pid_after == pid_before else cpu_after
    figures["load_avg"] = os.getloadavg()[0]  # the machine is shared: read figures against it
    return figures


def model(driver: Driver, database: str) -> dict[str, tuple[int, frozenset[str]]]:
    """Per label and relationship type: how many, and the union of their property keys."""
    shape = {}
    for query in (MODEL_NODES, MODEL_RELATIONSHIPS):
        for record in driver.execute_query(query, database_=database, bookmark_manager_=None).records:
            shape[record["name"]] = (record["count"], frozenset(record["keys"]))
    return shape


# The accusation summary's bookkeeping nodes (only the transactional and bulk paths keep one) are
# not part of the model compared.
MODEL_NODES = """
MATCH (n) WHERE NOT n:AccusationSummary AND NOT n:AccusationSummaryState
UNWIND labels(n) AS name
WITH name, count(n) AS count, collect(keys(n)) AS keys
RETURN name, count, reduce(all = [], k IN keys | all + [x IN k WHERE NOT x IN all]) AS keys
"""
MODEL_RELATIONSHIPS = """
MATCH ()-[r]->() WITH type(r) AS name, count(r) AS count, collect(keys(r)) AS keys
RETURN name, count, reduce(all = [], k IN keys | all + [x IN k WHERE NOT x IN all]) AS keys
"""


def compare_models(
    reference: dict[str, tuple[int, frozenset[str]]], other: dict[str, tuple[int, frozenset[str]]]
) -> str:
    """'same model' or the differences: counts and property keys per label and relationship type."""
    differences = []
    for name in sorted(set(reference) | set(other)):
        (count, keys), (other_count, other_keys) = (
            reference.get(name, (0, frozenset())),
            other.get(name, (0, frozenset())),
        )
        if count != other_count:
            differences.append(f"{name} {count:,} vs {other_count:,}")
        if keys != other_keys:
            missing, extra = sorted(keys - other_keys), sorted(other_keys - keys)
            differences.append(f"{name} keys missing {missing} extra {extra}")
    return "same model (counts and property keys)" if not differences else "; ".join(differences)


def counts(driver: Driver, database: str) -> tuple[int, int]:
    # No bookmarks: a bulk load replaces the database, which starts again at a lower transaction id.
    nodes = driver.execute_query(
        "MATCH (n) WHERE NOT n:AccusationSummary AND NOT n:AccusationSummaryState RETURN count(n) AS c",
        database_=database,
        bookmark_manager_=None,
    ).records[0]["c"]
    rels = driver.execute_query(
        "MATCH ()-[r]->() RETURN count(r) AS c", database_=database, bookmark_manager_=None
    ).records[0]["c"]
    return nodes, rels


def synthetic_file(workdir: Path, fmt: str, rows: int) -> Path:
    from synthetic import WRITERS  # bench/synthetic.py, beside this file

    path = workdir / f"{fmt}-{rows}.{'export.CSV' if fmt == 'gdelt' else 'csv'}"
    if not path.exists():
        started = time.perf_counter()
        WRITERS[fmt](path, rows)
        console.print(
            f"wrote {path} ({path.stat().st_size / 2**20:.0f} MiB)"
            f" in {time.perf_counter() - started:.1f} s"
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--formats", default="gdelt,acled,ucdp")
    parser.add_argument("--methods", default="transactional,load_csv")
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--naive-rows", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-bench"))
    parser.add_argument("--json", type=Path, help="Write the records to this file.")
    parser.add_argument("--keep-running", action="store_true", help="Leave the bench instance up.")
    args = parser.parse_args()
    methods = args.methods.split(",")
    unknown = [name for name in methods if name not in METHODS]
    if unknown:
        parser.error(f"unknown method(s) {', '.join(unknown)}: choose from {', '.join(METHODS)}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    instance = LocalInstance.named(INSTANCE)
    instance.distribution.install()
    started_here = instance.start()
    settings = instance.settings()
    table = Table(title=f"Provider loads (batch size {args.batch_size})", title_justify="left")
    for column in (
        "format",
        "method",
        "rows",
        "rejected",
        "seconds",
        "rows/s",
        "peak RSS MiB",
        "loader CPU s",
        "server CPU s",
        "load avg",
        "nodes",
        "relationships",
    ):
        table.add_column(column, justify="left" if column in ("format", "method") else "right")
    records: list[dict[str, object]] = []
    batched_10k: dict[str, float] = {}
    try:
        with open_driver(settings) as driver:
            apply_migrations(driver, settings.database)
            for fmt in args.formats.split(","):
                for size in args.sizes.split(","):
                    path = synthetic_file(args.workdir, fmt, SIZES[size])
                    shapes = {}
                    for method in methods:
                        if method == "load_csv" and fmt == "ucdp":
                            console.print("load_csv: no reference query for ucdp, skipped")
                            continue
                        wipe_database(driver, settings.database)
                        figures = run_child(fmt, path, args.batch_size, method)
                        nodes, rels = counts(driver, settings.database)
                        shapes[method] = model(driver, settings.database)
                        if SIZES[size] == args.naive_rows and method == "transactional":
                            batched_10k[fmt] = figures["rows_per_s"]
                        records.append(
                            {"format": fmt, "size": size, "method": method}
                            | {key: figures[key] for key in RECORD_KEYS}
                        )
                        if args.json:  # after every run: a long benchmark cut short keeps its figures
                            args.json.write_text(json.dumps(records, indent=2) + "\n")
                        row = [
                            fmt,
                            method,
                            f"{figures['rows']:,}",
                            f"{figures['rejected']:,}",
                            f"{figures['seconds']:.1f}",
                            f"{figures['rows_per_s']:,.0f}",
                            f"{figures['peak_rss_mib']:.0f}",
                            f"{figures['loader_cpu_s']:.1f}",
                            f"{figures['server_cpu_s']:.1f}",
                            f"{figures['load_avg']:.1f}",
                            f"{nodes:,}",
                            f"{rels:,}",
                        ]
                        table.add_row(*row)
                        console.print(" | ".join(row))
                    if "transactional" in shapes:
                        for method, shape in shapes.items():
                            if method != "transactional":
                                verdict = compare_models(shapes["transactional"], shape)
                                console.print(f"{fmt} {size} {method} vs transactional: {verdict}")
            console.print(table)
            if args.json:
                console.print(f"wrote {len(records)} records to {args.json}")
            if args.naive_rows:
                naive_comparison(driver, settings.database, args, batched_10k)
    finally:
        if started_here and not args.keep_running:
            instance.stop()


def naive_comparison(
    driver: Driver, database: str, args: argparse.Namespace, batched_10k: dict[str, float]
) -> None:
    """Print batched vs one-transaction-per-row rows/s for --naive-rows rows of each format."""
    naive = Table(
        title=f"Batched vs naive (one transaction per row), {args.naive_rows:,} rows",
        title_justify="left",
    )
    for column in ("format", "naive rows/s", "batched rows/s", "ratio"):
        naive.add_column(column, justify="left" if column == "format" else "right")
    for fmt in args.formats.split(","):
        path = synthetic_file(args.workdir, fmt, args.naive_rows)
        if fmt not in batched_10k:
            wipe_database(driver, database)
            batched_10k[fmt] = run_child(fmt, path, args.batch_size)["rows_per_s"]
        wipe_database(driver, database)
        slow = run_child(fmt, path, 1)["rows_per_s"]
        naive.add_row(
            fmt, f"{slow:,.0f}", f"{batched_10k[fmt]:,.0f}", f"{batched_10k[fmt] / slow:.1f}×"
        )
    console.print(naive)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif len(sys.argv) == 5 and sys.argv[1] == "--child":  # bench/load_ab.py's form: transactional
        child("transactional", sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main()
