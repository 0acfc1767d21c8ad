"""The large graph bench/api_latency.py times: the seed plus synthetic provider rows, loaded once.

A million rows take many minutes through the provider loader on a busy 2-core machine, so a load
is skipped when the graph already holds every row of the file that was not rejected (counted per
dataset by id prefix, rejected rows read from the loader's rejects file).
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from graph.driver import open_driver
from graph.settings import GraphSettings
from loaders.curated.run import load_curated

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


def ensure_loaded(settings: GraphSettings, *, seed: bool, rows: int, formats: list[str], workdir: Path) -> None:
    """Load the seed (idempotent) and each format's share of `rows` unless the graph already has it."""
    from loaders.providers.aliases import AliasTable
    from loaders.providers.run import load_provider
    from synthetic import WRITERS  # bench/synthetic.py, beside this file

    with open_driver(settings) as driver:
        if seed:
            with driver.session(database=settings.database) as session:
                load_curated(SEED, session)
        workdir.mkdir(parents=True, exist_ok=True)
        share = rows // len(formats) if rows else 0
        for fmt in formats if share else []:
            path = workdir / FILE_NAMES[fmt].format(share)
            expected = share - _rejected_rows(path)
            found = driver.execute_query(LOADED, prefix=f"{fmt}:", database_=settings.database).records[0]["items"]
            if path.exists() and found == expected:
                print(f"{fmt}: {found:,} rows already loaded")
                continue
            if not path.exists():
                WRITERS[fmt](path, share)
            began = time.perf_counter()
            report = load_provider(driver, settings.database, path, fmt, aliases=AliasTable.load())  # type: ignore[arg-type]
            print(f"{fmt}: loaded {report.rows_read:,} rows in {time.perf_counter() - began:.0f} s")
