"""Benchmark curated files: bounded reading of hostile input, and one-transaction loads of the seed.

    .venv/bin/python bench/curated.py [--repeat 5 --warmup 3] [--valid-mb 1] [--acled-rows 100000] [--json]

Reading (no server; each file in a child process, so its peak RSS is its own): the "billion
laughs", a 100,000-deep `[[[…]]]` in YAML and in JSON, and a generated valid YAML file of
--valid-mb MB. Writing: the seed story into an empty graph, then reloaded, --repeat times after
--warmup untimed runs (a fresh server plans each query once and warms up), first alone, then
(--acled-rows > 0) over that many synthetic ACLED rows, which a reload must not slow down. Uses the
`bench` instance (ports CKG_TEST_BOLT_PORT/HTTP_PORT, default 7751/7752) and stops it at the end
if it started it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("CKG_TEST_BOLT_PORT", "7751")
os.environ.setdefault("CKG_TEST_HTTP_PORT", "7752")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402
from neo4j import Driver  # noqa: E402

from cli.up import default_dataset_paths  # noqa: E402
from graph.driver import open_driver  # noqa: E402
from graph.local.instance import LocalInstance  # noqa: E402
from graph.migrations import apply_migrations  # noqa: E402
from graph.settings import GraphSettings  # noqa: E402
from graph.wipe import wipe_database  # noqa: E402
from loaders.curated import load_curated  # noqa: E402
from peak_rss import peak_rss_mib  # noqa: E402  # bench/peak_rss.py, beside this file

INSTANCE = "bench"
SEED = default_dataset_paths()[0]
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def read_child(path: str) -> None:
    """Read one file in this (child) process; print the outcome and the time as JSON."""
    from loaders.curated import prepare_curated
    from loaders.errors import InvalidInputError

    start = time.perf_counter()
    try:
        prepare_curated(Path(path))
        outcome = "read"
    except InvalidInputError as error:
        outcome = str(error.issues[0]).removeprefix(path + ":")
    seconds = time.perf_counter() - start
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_rss_mib": peak_rss_mib()}))


def measure_read(path: Path) -> dict[str, object]:
    """Read `path` in a child (address space capped at 4 GiB); its outcome, time and peak RSS."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--read-child", str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "CKG_CURATED_MAX_MB": "1000"},
        preexec_fn=lambda: __import__("resource").setrlimit(
            __import__("resource").RLIMIT_AS, (4 << 30, 4 << 30)
        ),
    )
    assert process.stdout is not None
    output = process.stdout.read()
    if process.wait() != 0:
        return {"outcome": f"child failed ({process.returncode})"}
    figures: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    figures["bytes"] = path.stat().st_size
    return figures


def valid_file(path: Path, megabytes: float) -> Path:
    """A valid curated YAML file of about `megabytes` MB: events with one participant each."""
    events = int(megabytes * 3300)
    actors = max(events // 10, 1)
    data = {
        "format": "conflictkg/curated@1",
        "dataset": {"id": "bench", "title": "Bench"},
        "sources": [{"id": "src:a", "kind": "article", "title": "A", "sources": ["src:a"]}],
        "actors": [
            {"id": f"actor:a{i}", "name": f"Actor {i}", "kind": "person", "sources": ["src:a"]}
            for i in range(actors)
        ],
        "events": [
            {
                "id": f"event:e{i}",
                "type": "airstrike",
                "title": f"Strike number {i} on Ariha",
                "date": "2020-02-01",
                "summary": "Syrian and Russian warplanes struck a market in Ariha.",
                "participants": [{"actor": f"actor:a{i % actors}", "role": "perpetrator"}],
                "sources": ["src:a"],
                "quote": "warplanes struck a market",
            }
            for i in range(events)
        ],
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=200))
    return path


def reading(workdir: Path, valid_mb: float) -> dict[str, dict[str, object]]:
    deep = "[" * 100_000 + "]" * 100_000
    files = {
        "billion laughs (YAML aliases)": ("bomb.yaml", BILLION_LAUGHS),
        "100,000-deep YAML": ("deep.yaml", f"format: conflictkg/curated@1\nevents: {deep}\n"),
        "100,000-deep JSON": (
            "deep.json",
            f'{{"format": "conflictkg/curated@1", "events": {deep}}}',
        ),
    }
    paths = {name: workdir / file for name, (file, _) in files.items()}
    for name, (_, text) in files.items():
        paths[name].write_text(text)
    paths[f"valid YAML, {valid_mb:g} MB"] = valid_file(workdir / "valid.yaml", valid_mb)
    return {name: measure_read(path) for name, path in paths.items()}


def _timed_loads(
    driver: Driver, settings: GraphSettings, repeat: int, warmup: int
) -> dict[str, object]:
    first, again = [], []
    for run in range(warmup + repeat):
        with driver.session(database=settings.database) as session:
            start = time.perf_counter()
            load_curated(SEED, session)
            first.append(time.perf_counter() - start)
            start = time.perf_counter()
            load_curated(SEED, session)
            again.append(time.perf_counter() - start)
        _drop_seed(driver, settings)
    # A fresh server plans each query once and its JIT warms up: those runs are not the figure.
    first, again = first[warmup:], again[warmup:]
    return {
        "first_load_ms": round(statistics.median(first) * 1000),
        "reload_ms": round(statistics.median(again) * 1000),
        "first_load_runs_ms": [round(s * 1000) for s in first],
        "reload_runs_ms": [round(s * 1000) for s in again],
    }


def _drop_seed(driver: Driver, settings: GraphSettings) -> None:
    """Remove what the seed wrote (and nothing of the provider rows) by loading it empty."""
    empty = {
        "format": "conflictkg/curated@1",
        "dataset": yaml.safe_load(SEED.read_text())["dataset"],
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "empty.yaml"
        path.write_text(yaml.safe_dump(empty))
        with driver.session(database=settings.database) as session:
            load_curated(path, session)


def writing(
    settings: GraphSettings, repeat: int, warmup: int, acled_rows: int, workdir: Path
) -> dict[str, object]:
    from synthetic import write_acled

    from loaders.providers.aliases import AliasTable
    from loaders.providers.run import load_provider

    results: dict[str, object] = {}
    with open_driver(settings) as driver:
        apply_migrations(driver, settings.database)
        wipe_database(driver, settings.database)
        results["seed alone"] = _timed_loads(driver, settings, repeat, warmup)
        if acled_rows:
            path = workdir / f"acled-{acled_rows}.csv"
            write_acled(path, acled_rows)
            load_provider(driver, settings.database, path, "acled", aliases=AliasTable.load())
            over = _timed_loads(driver, settings, repeat, warmup)
            results[f"seed over {acled_rows:,} ACLED rows"] = over
        wipe_database(driver, settings.database)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=3, help="Untimed load+reload runs first.")
    parser.add_argument("--valid-mb", type=float, default=1.0)
    parser.add_argument("--acled-rows", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument("--read-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_child:
        read_child(args.read_child)
        return
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        figures: dict[str, object] = {"reading": reading(workdir, args.valid_mb)}
        instance = LocalInstance.named(INSTANCE)
        instance.distribution.install()
        started_here = instance.start()
        try:
            figures["writing"] = writing(
                instance.settings(), args.repeat, args.warmup, args.acled_rows, workdir
            )
        finally:
            if started_here:
                instance.stop()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for section, rows in figures.items():
        print(f"{section}:")
        for name, values in rows.items():  # type: ignore[attr-defined]
            print(f"  {name}: {json.dumps(values)}")


if __name__ == "__main__":
    main()
