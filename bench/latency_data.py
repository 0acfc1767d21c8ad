"""The large graph bench/api_latency.py times: the seed plus synthetic provider rows, built once.

Each format's share of the rows is a sample of SAMPLE_ROWS synthetic rows (bench/synthetic.py)
loaded by the provider loader, then copied up to the share through a CSV export and neo4j-admin
import (bench/replicate.py): a million rows through the loader take hours on a busy 2-core machine. Nothing is loaded or copied when the graph
already holds the share (counted per dataset by id prefix, the loader's rejected rows left out).
"""

from __future__ import annotations

import csv
import os
import subprocess
import time
from pathlib import Path

from neo4j import Driver

from graph.driver import open_driver
from graph.settings import GraphSettings
from graph.export.formats import ExportFormat, write
from graph.export.selection import Plan
from graph.export.settings import ExportSettings
from graph.export.source import ExportSource
from graph.migrations import apply_migrations
from graph.queries.accusation_summary import refresh_accusation_summary
from loaders.curated.run import load_curated
from loaders.providers.aliases import AliasTable
from loaders.providers.run import load_provider
from replicate import replicate_export  # bench/replicate.py, beside this file
from synthetic import WRITERS  # bench/synthetic.py, beside this file

SAMPLE_ROWS = 20_000
SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "idlib-2018-2020.yaml"
FILE_NAMES = {"acled": "acled-{}.csv", "gdelt": "gdelt-{}.export.CSV", "ucdp": "ucdp-{}.csv"}
LOADED = """
CALL () { MATCH (n:Event) WHERE n.id STARTS WITH $prefix RETURN count(n) AS events }
CALL () { MATCH (n:Statement) WHERE n.id STARTS WITH $prefix RETURN count(n) AS statements }
RETURN events + statements AS items
"""


def parse_rows(text: str) -> int:
    """'1M' → 1,000,000; '200k' → 200,000; '5000' → 5,000."""
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1].lower(), 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def _rejected_rows(path: Path) -> int:
    rejects = path.with_name(path.name + ".rejects.csv")
    if not rejects.exists():
        return 0
    with rejects.open(newline="", encoding="utf-8") as stream:
        return len({row["line"] for row in csv.DictReader(stream)})


def ensure_loaded(
    settings: GraphSettings, *, instance: str, seed: bool, rows: int, formats: list[str], workdir: Path
) -> None:
    """Load the seed (idempotent) and each format's share of `rows` unless the graph already has it,
    then bring the accusation summary up to date, as every load ends (a graph grown by import, or
    loaded before the summary existed, has none)."""
    _load(settings, instance=instance, seed=seed, rows=rows, formats=formats, workdir=workdir)
    with open_driver(settings) as driver, driver.session(database=settings.database) as session:
        began = time.perf_counter()
        if (buckets := session.execute_write(refresh_accusation_summary)) is not None:
            print(f"summarised the accusations ({buckets:,} buckets) in {time.perf_counter() - began:.1f} s")


def _load(
    settings: GraphSettings, *, instance: str, seed: bool, rows: int, formats: list[str], workdir: Path
) -> None:
    with open_driver(settings) as driver:
        share = rows // len(formats)
        sample = min(share, SAMPLE_ROWS)
        factor = max(1, share // sample) if rows else 1
        paths = {fmt: workdir / FILE_NAMES[fmt].format(sample) for fmt in formats} if rows else {}
        kept = {fmt: sample - _rejected_rows(path) for fmt, path in paths.items()}
        if rows and all(path.exists() for path in paths.values()) and all(
            _items(driver, settings, fmt) == kept[fmt] * factor for fmt in formats
        ):
            print(f"{rows:,} provider rows (and the seed) already there")
            return
        if seed:
            with driver.session(database=settings.database) as session:
                load_curated(SEED, session)
        if not rows:
            return
        workdir.mkdir(parents=True, exist_ok=True)
        for fmt, path in paths.items():
            if not path.exists():
                WRITERS[fmt](path, sample)
            if _items(driver, settings, fmt) != kept[fmt]:
                began = time.perf_counter()
                report = load_provider(driver, settings.database, path, fmt, aliases=AliasTable.load())  # type: ignore[arg-type]
                print(f"{fmt}: loaded {report.rows_read:,} rows in {time.perf_counter() - began:.0f} s")
    if factor > 1:
        grow_by_import(settings, instance, workdir, [f"{fmt}:" for fmt in formats], factor)


def write_export(driver: Driver, database: str, path: Path) -> None:
    """The whole graph as a neo4j-admin CSV zip (as `ckg export --format csv --all`)."""
    limits = ExportSettings()
    source = ExportSource(driver, database, Plan(), limits.timeout_seconds, limits.page_size)
    with path.open("wb") as file:
        for chunk in write(ExportFormat.CSV, source):
            file.write(chunk)


def _items(driver: Driver, settings: GraphSettings, fmt: str) -> int:
    records = driver.execute_query(LOADED, prefix=f"{fmt}:", database_=settings.database).records
    return int(records[0]["items"])


def grow_by_import(settings: GraphSettings, name: str, workdir: Path, prefixes: list[str], factor: int) -> None:
    """Export the graph, copy its sample items (bench/replicate.py), rebuild the database by import."""
    from graph.local.instance import LocalInstance
    from graph.local.java import find_java_home

    instance = LocalInstance.named(name)
    export, files = workdir / "sample.zip", workdir / "import"
    began = time.perf_counter()
    with open_driver(settings) as driver:
        write_export(driver, settings.database, export)
    print(f"exported the sample in {time.perf_counter() - began:.0f} s")
    provider = tuple(prefixes)
    arguments = replicate_export(
        export, files,
        is_sample=lambda key: key.startswith(provider) and ":r" not in key,
        drop=lambda key: key.startswith(provider) and ":r" in key,
        factor=factor,
    )
    print(f"wrote {factor}× the sample in {time.perf_counter() - began:.0f} s")
    instance.stop()
    environment = {**os.environ, "NEO4J_HOME": str(instance.distribution.home),
                   "NEO4J_CONF": str(instance.directory / "conf"), "JAVA_HOME": str(find_java_home())}
    subprocess.run(
        [f"{environment['JAVA_HOME']}/bin/java", "-cp", f"{instance.distribution.lib}/*",
         "org.neo4j.server.startup.Neo4jAdminBoot", "database", "import", "full", settings.database,
         "--overwrite-destination", "--multiline-fields=true", "--array-delimiter=;",
         f"--report-file={workdir / 'import.report'}", *arguments],
        env=environment, check=True,
    )
    print(f"imported in {time.perf_counter() - began:.0f} s")
    instance.start(timeout_seconds=600)
    with open_driver(settings) as driver:
        apply_migrations(driver, settings.database)
    print(f"indexed in {time.perf_counter() - began:.0f} s")
