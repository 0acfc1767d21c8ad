"""Linking quality on the labelled set (tests/linking/data): precision, recall, window sensitivity.

    CKG_TEST_BOLT_PORT=… CKG_TEST_HTTP_PORT=… .venv/bin/python bench/link_quality.py [--json]

Loads the fixture files (the same incidents in ACLED, UCDP GED and GDELT layouts, and near misses in
time, space, type and precision) into the `link-bench` instance, relinks with each pair of windows
(time 0/1/2/6 days × space 1/5/10 km) and scores the incidents against labels.csv pairwise: a true
pair is two reports of one labelled incident, a found pair two reports of one linked incident.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from itertools import combinations
from pathlib import Path

os.environ.setdefault("CKG_TEST_BOLT_PORT", "7751")
os.environ.setdefault("CKG_TEST_HTTP_PORT", "7752")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console
from rich.table import Table

from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.wipe import wipe_database
from linking.records import Windows
from linking.run import relink
from loaders.providers.aliases import AliasTable
from loaders.providers.run import load_provider
from tests.linking.conftest import DATA, FILES, labelled_incidents

INSTANCE = "link-bench"
TIME_WINDOWS, SPACE_WINDOWS = (0, 1, 2, 6), (1.0, 5.0, 10.0)
console = Console(width=130)


def pairs(incidents: set[frozenset[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for incident in incidents for pair in combinations(sorted(incident), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep-running", action="store_true")
    args = parser.parse_args()
    instance = LocalInstance.named(INSTANCE)
    instance.distribution.install()
    started_here = instance.start()
    settings = instance.settings()
    truth = pairs(labelled_incidents())
    results = []
    try:
        with open_driver(settings) as driver:
            apply_migrations(driver, settings.database)
            wipe_database(driver, settings.database)
            work = Path(tempfile.mkdtemp())
            for name, fmt in FILES:
                shutil.copy(DATA / name, work / name)
                load_provider(driver, settings.database, work / name, fmt, aliases=AliasTable.load(), link=False)  # type: ignore[arg-type]
            for days in TIME_WINDOWS:
                for km in SPACE_WINDOWS:
                    relink(driver, settings.database, windows=Windows(time_days=days, space_km=km))
                    records = driver.execute_query(
                        "MATCH (i:Incident)-[:REPORTED_AS]->(n) RETURN i.id AS incident, collect(n.id) AS ids",
                        database_=settings.database,
                    ).records
                    found = pairs({frozenset(r["ids"]) for r in records})
                    hits = len(found & truth)
                    results.append({
                        "time_window_days": days, "space_window_km": km,
                        "precision": hits / len(found) if found else 1.0,
                        "recall": hits / len(truth), "found_pairs": len(found), "true_pairs": len(truth),
                        "incidents": len(records),
                    })
    finally:
        if started_here and not args.keep_running:
            instance.stop()
    if args.json:
        for row in results:
            print(json.dumps(row))
        return
    default = next(r for r in results if r["time_window_days"] == 1 and r["space_window_km"] == 5.0)
    console.print(
        f"Labelled set: {len(labelled_incidents())} incidents, {len(truth)} true pairs. Default windows "
        f"(1 day, 5 km): precision {default['precision']:.2f}, recall {default['recall']:.2f}."
    )
    table = Table(title="Window sensitivity: precision / recall (pairs)", title_justify="left")
    table.add_column("time \\ space")
    for km in SPACE_WINDOWS:
        table.add_column(f"{km:g} km", justify="right")
    for days in TIME_WINDOWS:
        cells = [f"{r['precision']:.2f} / {r['recall']:.2f}" for r in results if r["time_window_days"] == days]
        table.add_row(f"{days} day(s)", *cells)
    console.print(table)


if __name__ == "__main__":
    main()
