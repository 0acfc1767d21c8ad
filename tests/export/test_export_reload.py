"""Cypher and CSV exports loaded into an emptied database recreate exactly the exported graph."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.export.csv_import import load_csv_zip
from graph.export.cypher import run_cypher_script
from graph.export.formats import ExportFormat, write
from graph.export.selection import Plan, Selection, plan_selection
from graph.export.source import ExportSource
from graph.settings import GraphSettings
from tests.export.conftest import graph_snapshot
from tests.export.readers import read_json, read_rdf
from tests.export.test_export_api import DEPTH_2, ERKHOV

WIPE = "MATCH (n) DETACH DELETE n"
CKG = str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "ckg")


def _whole_graph(driver: Driver, settings: GraphSettings, export_format: ExportFormat) -> bytes:
    return b"".join(write(export_format, ExportSource(driver, settings.database, Plan(), page_size=7)))


def _wipe(driver: Driver, settings: GraphSettings) -> None:
    driver.execute_query(WIPE, database_=settings.database)


def _run_script(driver: Driver, settings: GraphSettings, script: bytes) -> None:
    with driver.session(database=settings.database) as session:
        run_cypher_script(session, script.decode().splitlines())


@pytest.mark.parametrize("export_format", ["cypher", "csv"])
def test_export_seed_subgraph_reloads_equal(
    export_format: str, small_graph: Driver, settings: GraphSettings, export_client: TestClient, tmp_path: Path
) -> None:
    expected = graph_snapshot(small_graph, settings, sorted(DEPTH_2))
    body = export_client.get("/export", params={"seed": ERKHOV, "depth": 2, "format": export_format}).content
    _wipe(small_graph, settings)
    if export_format == "cypher":
        _run_script(small_graph, settings, body)
    else:
        (tmp_path / "export.zip").write_bytes(body)
        counts = load_csv_zip(small_graph, settings.database, tmp_path / "export.zip")
        assert counts == {"created": 20}
    assert graph_snapshot(small_graph, settings) == expected


def test_export_whole_graph_cypher_reload_reexports_same_file(small_graph: Driver, settings: GraphSettings) -> None:
    before = graph_snapshot(small_graph, settings)
    script = _whole_graph(small_graph, settings, ExportFormat.CYPHER)
    _wipe(small_graph, settings)
    _run_script(small_graph, settings, script)
    assert graph_snapshot(small_graph, settings) == before
    assert _whole_graph(small_graph, settings, ExportFormat.CYPHER) == script


def test_export_of_all_seeds_equals_whole_graph_export(small_graph: Driver, settings: GraphSettings) -> None:
    every_id = sorted(graph_snapshot(small_graph, settings)[0])
    selection = Selection(seeds=tuple(every_id), depth=1)
    with small_graph.session(database=settings.database) as session:
        plan = session.execute_read(plan_selection, selection=selection, max_nodes=100)
    plan.description = Plan().description
    chosen = b"".join(write(ExportFormat.CYPHER, ExportSource(small_graph, settings.database, plan)))
    assert chosen == _whole_graph(small_graph, settings, ExportFormat.CYPHER)


def test_seed_dataset_cypher_export_reloads_and_reexports_identically(
    seed_graph: Driver, settings: GraphSettings
) -> None:
    before = graph_snapshot(seed_graph, settings)
    assert len(before[0]) > 50 and len(before[1]) > 50
    script = _whole_graph(seed_graph, settings, ExportFormat.CYPHER)
    _wipe(seed_graph, settings)
    _run_script(seed_graph, settings, script)
    assert graph_snapshot(seed_graph, settings) == before
    assert _whole_graph(seed_graph, settings, ExportFormat.CYPHER) == script


def test_seed_dataset_csv_export_imports_equal(seed_graph: Driver, settings: GraphSettings, tmp_path: Path) -> None:
    before = graph_snapshot(seed_graph, settings)
    (tmp_path / "seed.zip").write_bytes(_whole_graph(seed_graph, settings, ExportFormat.CSV))
    _wipe(seed_graph, settings)
    load_csv_zip(seed_graph, settings.database, tmp_path / "seed.zip")
    assert graph_snapshot(seed_graph, settings) == before


@pytest.mark.parametrize("export_format", ["json", "turtle"])
def test_seed_dataset_subgraph_reads_back_equal(
    export_format: str, seed_graph: Driver, settings: GraphSettings, export_client: TestClient
) -> None:
    params = {"seed": ["actor:aleksei-erkhov", "event:2020-02-turkish-troops-killed"], "depth": 2}
    response = export_client.get("/export", params={**params, "format": export_format})
    assert response.status_code == 200, response.text
    nodes, rels = read_json(response.content) if export_format == "json" else read_rdf(response.content, "turtle")
    assert len(nodes) > 20
    assert (nodes, rels) == graph_snapshot(seed_graph, settings, sorted(nodes))


def test_cli_exports_whole_graph_and_refuses_no_selection(
    small_graph: Driver, settings: GraphSettings, cli_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "all.cypher"
    done = subprocess.run(
        [CKG, "export", "--format", "cypher", "--all", "--out", str(out)],
        env=cli_env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == _whole_graph(small_graph, settings, ExportFormat.CYPHER)
    assert "the whole graph" in done.stdout
    seeded = subprocess.run(
        [CKG, "export", "--format", "json", "--seed", ERKHOV, "--depth", "2", "--out", str(tmp_path / "e.json")],
        env=cli_env, capture_output=True, text=True, timeout=120,
    )
    assert seeded.returncode == 0, seeded.stderr
    assert set(read_json((tmp_path / "e.json").read_bytes())[0]) == DEPTH_2
    refused = subprocess.run(
        [CKG, "export", "--format", "json", "--out", str(tmp_path / "x.json")],
        env=cli_env, capture_output=True, text=True, timeout=120,
    )
    assert refused.returncode == 1 and "--seed" in refused.stderr
    assert not (tmp_path / "x.json").exists()
