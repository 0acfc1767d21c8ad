"""Benchmark incident linking: synthetic ACLED/UCDP/GDELT files → a local Neo4j → `relink` timed.

    CKG_TEST_BOLT_PORT=… CKG_TEST_HTTP_PORT=… .venv/bin/python bench/link.py [--sizes 10k,100k] [--json]

For each size: write the files (bench/link_data.py, cached in --workdir), empty the graph, load
them without linking, then relink the whole graph in a child process and print its seconds, reports
per second and peak RSS (the child's, from wait4), and the incidents it made. Uses the
`link-bench` instance (ports CKG_TEST_BOLT_PORT/HTTP_PORT, default 7751/7752) and stops it at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("CKG_TEST_BOLT_PORT", "7751")
os.environ.setdefault("CKG_TEST_HTTP_PORT", "7752")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rich.console import Console
from rich.table import Table

from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.wipe import wipe_database
from peak_rss import peak_rss_mib  # bench/peak_rss.py, beside this file

INSTANCE = "link-bench"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
console = Console(width=130)


def child() -> None:
    """Relink the bench graph in this (child) process and print the figures as JSON."""
    from linking.records import Windows
    from linking.run import relink

    settings = LocalInstance.named(INSTANCE).settings()
    with open_driver(settings) as driver:
        report = relink(driver, settings.database, windows=Windows())
    print(json.dumps({
        "reports": report.reports_read, "linkable": report.linkable, "incidents": report.incidents,
        "linked_reports": report.linked_reports, "contenders": report.contenders,
        "seconds": report.seconds, "peak_rss_mib": peak_rss_mib(),
    }))


def run_child() -> dict[str, float]:
    process = subprocess.Popen([sys.executable, __file__, "--child"], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, _ = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("the relink failed")
    figures = json.loads(output.strip().splitlines()[-1])
    figures["reports_per_s"] = figures["reports"] / figures["seconds"]
    return figures


def load_files(paths: dict[str, Path]) -> None:
    from loaders.providers.aliases import AliasTable
    from loaders.providers.run import load_provider

    settings = LocalInstance.named(INSTANCE).settings()
    with open_driver(settings) as driver:
        for fmt, path in paths.items():
            report = load_provider(driver, settings.database, path, fmt, aliases=AliasTable.load(),  # type: ignore[arg-type]
                                   batch_size=10_000, resume=False, link=False)
            path.with_name(path.name + ".rejects.csv").unlink(missing_ok=True)
            console.print(f"loaded {report.rows_read:,} {fmt} rows ({report.rejected} rejected) in {report.seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-bench-link"))
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON lines.")
    parser.add_argument("--keep-running", action="store_true", help="Leave the bench instance up.")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    from link_data import write_files  # bench/link_data.py, beside this file

    instance = LocalInstance.named(INSTANCE)
    instance.distribution.install()
    started_here = instance.start()
    settings = instance.settings()
    table = Table(title="Linking the whole graph (time window 1 day, space window 5 km)", title_justify="left")
    for column in ("reports", "linkable", "incidents", "linked", "contenders", "seconds", "reports/s", "peak RSS MiB"):
        table.add_column(column, justify="right")
    try:
        with open_driver(settings) as driver:
            apply_migrations(driver, settings.database)
            for size in args.sizes.split(","):
                wipe_database(driver, settings.database)
                load_files(write_files(args.workdir, SIZES[size]))
                figures = run_child()
                if args.json:
                    print(json.dumps({"size": size, **figures}))
                table.add_row(*(f"{figures[k]:,.0f}" for k in ("reports", "linkable", "incidents", "linked_reports", "contenders")),
                              f"{figures['seconds']:.1f}", f"{figures['reports_per_s']:,.0f}", f"{figures['peak_rss_mib']:.0f}")
        console.print(table)
    finally:
        if started_here and not args.keep_running:
            instance.stop()


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        child()
    else:
        main()
