"""Compare provider loads of two checkouts back to back: bench/load.py's child of each, alternating.

    .venv/bin/python bench/load_ab.py BEFORE_DIR [--sizes 100k] [--formats acled,gdelt] [--rounds 3]

BEFORE_DIR is another checkout (e.g. `git worktree add /tmp/main main`); this checkout is "after".
Each round loads every format and size with each checkout's own `bench/load.py --child` into the
same emptied `bench` instance and files, and prints wall seconds, rows/s, the loader's CPU seconds
(user + system: its own work, less sensitive than wall time to other load on the machine) and peak
RSS. Medians per checkout follow. Same instance, ports and memory settings as bench/load.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from load import INSTANCE, SIZES, counts, synthetic_file  # bench/load.py, beside this file

from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.wipe import wipe_database

AFTER = Path(__file__).resolve().parents[1]


def run(root: Path, fmt: str, path: Path, batch_size: int) -> dict[str, float]:
    """One load by `root`'s bench/load.py child (it imports its own checkout): figures, CPU, RSS."""
    process = subprocess.Popen(
        [
            sys.executable,
            str(root / "bench" / "load.py"),
            "--child",
            fmt,
            str(path),
            str(batch_size),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{root}: load of {path} failed")
    figures = {key: float(value) for key, value in json.loads(output.splitlines()[-1]).items()}
    figures["cpu"] = usage.ru_utime + usage.ru_stime
    # The child's own peak (bench/peak_rss.py); wait4's counts the forking parent's, and an older
    # checkout's child does not print it.
    figures["rss"] = figures.pop("peak_rss_mib", usage.ru_maxrss / 1024)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", type=Path)
    parser.add_argument("--sizes", default="100k")
    parser.add_argument("--formats", default="acled,gdelt")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-bench"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    instance = LocalInstance.named(INSTANCE)
    instance.distribution.install()
    started_here = instance.start()
    sides = {"before": args.before.resolve(), "after": AFTER}
    results: dict[tuple[str, str, str], list[dict[str, float]]] = {}
    try:
        with open_driver(instance.settings()) as driver:
            apply_migrations(driver, instance.settings().database)
            for round_ in range(1, args.rounds + 1):
                for side, root in sides.items():
                    for fmt in args.formats.split(","):
                        for size in args.sizes.split(","):
                            path = synthetic_file(args.workdir, fmt, SIZES[size])
                            wipe_database(driver, instance.settings().database)
                            figures = run(root, fmt, path, args.batch_size)
                            nodes, rels = counts(driver, instance.settings().database)
                            results.setdefault((fmt, size, side), []).append(figures)
                            print(
                                f"round {round_} {side:6} {fmt} {size}: {figures['seconds']:.1f} s, "
                                f"{figures['rows'] / figures['seconds']:,.0f} rows/s, "
                                f"CPU {figures['cpu']:.1f} s, RSS {figures['rss']:.0f} MiB, "
                                f"{figures['rejected']:,.0f} rejected, {nodes:,} nodes, {rels:,} rels",
                                flush=True,
                            )
    finally:
        if started_here:
            instance.stop()
    print("medians:")
    for (fmt, size, side), runs in sorted(results.items()):
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(
            f"  {fmt} {size} {side:6}: {median['seconds']:.1f} s wall, CPU {median['cpu']:.1f} s, "
            f"RSS {median['rss']:.0f} MiB ({len(runs)} runs)"
        )


if __name__ == "__main__":
    main()
