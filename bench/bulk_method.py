"""The `bulk` method of the load benchmark: `ckg load --bulk --replace --yes FILE`, file → running,
migrated server, timed end to end in a child process.

    .venv/bin/python bench/bulk_method.py [--sizes 100k,1M] [--formats gdelt,acled,ucdp] [--json PATH]

`bulk_load_seconds(path, fmt)` is the function bench/load.py plugs in; run alone, this prints one row
per format and size: rows, seconds, rows/s, the Python process's peak RSS and neo4j-admin's (its
child). Synthetic files come from bench/synthetic.py (cached in --workdir). Uses the `bench-bulk`
instance (ports CKG_TEST_BOLT_PORT/HTTP_PORT, default 7903/7904; memory CKG_NEO4J_HEAP/PAGECACHE,
default 2g/2g) and stops it at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("CKG_TEST_BOLT_PORT", "7903")
os.environ.setdefault("CKG_TEST_HTTP_PORT", "7904")
os.environ.setdefault("CKG_NEO4J_HEAP", "2g")
os.environ.setdefault("CKG_NEO4J_PAGECACHE", "2g")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

INSTANCE = "bench-bulk"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}


def child(fmt: str, path: str, instance: str) -> None:
    """Run one bulk load in this (child) process; print its figures as JSON."""
    from cli.load_bulk import load_bulk
    from loaders.bulk.read import BulkInput

    started = time.perf_counter()
    done = load_bulk(
        [BulkInput(Path(path), fmt)], instance, replace=True, yes=True, aliases=None,
        batch_size=5000, max_rejects=10**9,
    )
    seconds = time.perf_counter() - started
    Path(path).with_name(Path(path).name + ".rejects.csv").unlink(missing_ok=True)
    figures = {
        "rows": sum(report.rows_read for report in done.reports),
        "rejected": sum(report.rejected for report in done.reports),
        "seconds": seconds,
        "python_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "admin_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    print(json.dumps(figures))


def bulk_load_seconds(path: Path, fmt: str, instance: str = INSTANCE) -> dict[str, float]:
    """Bulk-load `path` into a fresh `instance` database in a child process: rows, seconds,
    rows_per_s, peak_rss_mib (the Python process) and admin_rss_mib (neo4j-admin)."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", fmt, str(path), instance],
        stdout=subprocess.PIPE, text=True, check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["rows_per_s"] = figures["rows"] / figures["seconds"]
    figures["peak_rss_mib"] = figures["python_rss_mib"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100k")
    parser.add_argument("--formats", default="gdelt,acled,ucdp")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-bench"))
    parser.add_argument("--json", type=Path, help="Also write the records to this file.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from load import synthetic_file  # bench/load.py: the same cached synthetic files

    from graph.local.instance import LocalInstance

    args.workdir.mkdir(parents=True, exist_ok=True)
    records = []
    try:
        for size in args.sizes.split(","):
            for fmt in args.formats.split(","):
                path = synthetic_file(args.workdir, fmt, SIZES[size])
                figures = bulk_load_seconds(path, fmt)
                record = {"format": fmt, "size": size, "method": "bulk", **figures}
                records.append(record)
                print(
                    f"{fmt:6} {size:>5}  {figures['rows']:>9,} rows  {figures['seconds']:7.1f} s  "
                    f"{figures['rows_per_s']:>8,.0f} rows/s  peak RSS {figures['peak_rss_mib']:,.0f} MiB "
                    f"(neo4j-admin {figures['admin_rss_mib']:,.0f} MiB)",
                    flush=True,
                )
    finally:
        LocalInstance.named(INSTANCE).stop()
    if args.json:
        args.json.write_text(json.dumps(records, indent=2) + "\n")


if __name__ == "__main__":
    main()
