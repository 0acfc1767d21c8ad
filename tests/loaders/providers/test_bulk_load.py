"""`ckg load --bulk`: the graph, rejects files and reports equal a transactional load of the same
files (bad rows, a repeated record and the seed included); a non-empty or remote database is refused.

The import test stops, replaces and restarts the suite's test database, so it is marked `outage`
and runs after every other test (tests/conftest.py orders it last).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from dataclasses import astuple
from pathlib import Path

import pytest
from neo4j import Driver

from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.bulk.files import ImportFiles
from loaders.bulk.merge import BulkGraph
from loaders.bulk.read import BulkInput, read_inputs
from loaders.curated import load_curated
from loaders.providers.aliases import AliasTable
from loaders.providers.report import ProviderLoadReport
from loaders.providers.run import default_rejects_path

from .conftest import CKG, DATA, graph_checksum, load, rows

SEED = Path(__file__).resolve().parents[3] / "data" / "seed" / "idlib-2018-2020.yaml"
PROVIDER_FILES = [
    ("acled_syria_2020_older.csv", "acled"),  # an earlier export of acled_syria_2020.csv's rows
    ("acled_bad_rows.csv", "acled"),
    ("gdelt_syria_2020.export.CSV", "gdelt"),
    ("ucdp_ged_syria.csv", "ucdp"),
    ("ucdp_ged_tagged.csv", "ucdp"),
    ("acled_geo_2020.csv", "acled"),
    ("acled_syria_2020.csv", "acled"),  # its rows replace the older ones: one actor is orphaned
]


def _older_acled(data_dir: Path) -> None:
    """acled_syria_2020.csv as an earlier export had it: one row by an actor no other row names,
    the first row in another place."""
    with (data_dir / "acled_syria_2020.csv").open(newline="", encoding="utf-8-sig") as stream:
        header, *rows = list(csv.reader(stream))
    hts = next(row for row in rows if row[header.index("actor1")] == "Hayat Tahrir al-Sham")
    hts[header.index("actor1")] = "Jaish al-Izza"
    rows[0][header.index("location")] = "Kafr Nabl"
    for revised in (hts, rows[0]):  # ACLED revises a row with a newer timestamp
        revised[header.index("timestamp")] = str(int(revised[header.index("timestamp")]) - 86_400)
    with (data_dir / "acled_syria_2020_older.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows([header, *rows])


def _bulk_cli(settings: GraphSettings, instance: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEO4J_")}
    return subprocess.run(
        [str(CKG), "load", "--bulk", "--instance", instance, *args],
        env={**env, "COLUMNS": "200"}, capture_output=True, text=True,
    )


def _graph_lines(driver: Driver, settings: GraphSettings) -> set[str]:
    nodes = rows(driver, settings, "MATCH (n) RETURN labels(n), properties(n)")
    rels = rows(driver, settings, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)")
    return {json.dumps(row, default=str, sort_keys=True) for row in [*nodes, *rels]}


def _report_figures(report: ProviderLoadReport) -> tuple[object, ...]:
    return (
        report.rows_read, report.events, report.statements, report.rejected, report.refused,
        sorted(report.unresolved.items()), report.actor_mentions, report.state_mentions,
        report.country_mentions, report.placed, report.with_point, sorted(report.geo_problems.items()),
        [(line, astuple(problem)) for line, problem in report.geo_examples],
    )


@pytest.mark.outage
def test_bulk_graph_rejects_and_reports_equal_the_transactional_load(
    test_instance: LocalInstance | None, settings: GraphSettings, clean_graph: Driver,
    data_dir: Path, tmp_path: Path,
) -> None:
    if test_instance is None:
        pytest.fail("--bulk builds a local database: unset CKG_TEST_NEO4J_URI")
    _older_acled(data_dir)
    paths = [(data_dir / name, fmt) for name, fmt in PROVIDER_FILES]
    reports = [load(clean_graph, settings, path, fmt) for path, fmt in paths]  # type: ignore[arg-type]
    with clean_graph.session(database=settings.database) as session:
        load_curated(SEED, session)  # --bulk writes curated files after the provider data
    transactional = graph_checksum(clean_graph, settings)
    transactional_lines = _graph_lines(clean_graph, settings)
    rejects = {path: default_rejects_path(path).read_text() for path, _ in paths if default_rejects_path(path).exists()}
    assert len(rejects) >= 2 and sum(r.rejected for r in reports) >= 5  # bad rows are in the test
    assert any(r.actors_removed for r in reports)  # the revised row orphaned an actor
    for path in rejects:
        default_rejects_path(path).unlink()

    # The reports: the read stage alone (no database), file by file.
    inputs = [BulkInput(path, fmt) for path, fmt in paths]
    read = read_inputs(inputs, BulkGraph(ImportFiles(tmp_path / "csv")), aliases=AliasTable.load())
    assert [_report_figures(r) for r in read.reports] == [_report_figures(r) for r in reports]

    wipe_database(clean_graph, settings.database)
    done = _bulk_cli(settings, test_instance.name, "--max-rejects", "100", *(str(p) for p, _ in paths), str(SEED))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for stage in ("read/transform", "write files", "import", "start", "migrate", "finish"):
        assert stage in done.stdout
    # A fresh driver: the session's remembers bookmarks of the database the import replaced.
    with open_driver(settings) as fresh:
        bulk = graph_checksum(fresh, settings)
        if bulk != transactional:  # name the differences, not just the checksums
            differences = _graph_lines(fresh, settings) ^ transactional_lines
            pytest.fail(f"bulk {bulk} != transactional {transactional}: {sorted(differences)[:20]}")
    assert {path: default_rejects_path(path).read_text() for path in rejects} == rejects
    assert sorted(p for p, _ in paths if default_rejects_path(p).exists()) == sorted(rejects)


def test_bulk_refuses_a_non_empty_database_and_leaves_it_untouched(
    test_instance: LocalInstance | None, settings: GraphSettings, clean_graph: Driver
) -> None:
    if test_instance is None:
        pytest.fail("--bulk builds a local database: unset CKG_TEST_NEO4J_URI")
    with clean_graph.session(database=settings.database) as session:
        load_curated(SEED, session)
    before = graph_checksum(clean_graph, settings)
    acled = DATA / "acled_syria_2020.csv"
    done = _bulk_cli(settings, test_instance.name, str(acled))
    assert done.returncode == 1
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert len(lines) == 1 and "already holds" in lines[0] and "--replace" in lines[0], lines
    assert graph_checksum(clean_graph, settings) == before
    assert not default_rejects_path(acled).exists()


def test_bulk_refuses_a_remote_database(settings: GraphSettings, cli_env: dict[str, str]) -> None:
    acled = DATA / "acled_syria_2020.csv"
    done = subprocess.run(
        [str(CKG), "load", "--bulk", str(acled)], env={**cli_env, "COLUMNS": "200"},
        capture_output=True, text=True,
    )
    assert done.returncode == 1
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert len(lines) == 1 and "NEO4J_URI" in lines[0], lines
