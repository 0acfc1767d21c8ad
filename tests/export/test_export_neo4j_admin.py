"""The CSV export through the real `neo4j-admin database import full` into a second, fresh server."""

from __future__ import annotations

import io
import shutil
import socket
import zipfile
from pathlib import Path

from neo4j import Driver

from graph.driver import open_driver
from graph.export.formats import ExportFormat, write
from graph.export.selection import Plan
from graph.export.source import ExportSource
from graph.local.instance import ADMIN_CLASS, LocalInstance, project_root
from graph.settings import GraphSettings
from tests.export.conftest import graph_snapshot


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_seed_csv_export_imports_with_neo4j_admin_equal_except_empty_lists(
    seed_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    # A point column too (the seed's places have none): neo4j-admin must read its syntax.
    seed_graph.execute_query(
        "MATCH (p:Place {id: 'place:ariha'}) SET p.point = point({longitude: 36.61, latitude: 35.813})",
        database_=settings.database,
    )
    body = b"".join(write(ExportFormat.CSV, ExportSource(seed_graph, settings.database, Plan())))
    zipfile.ZipFile(io.BytesIO(body)).extractall(tmp_path)
    fresh = LocalInstance(
        name=f"export-admin-{_free_port()}", root=project_root() / ".neo4j",
        bolt_port=_free_port(), http_port=_free_port(), heap="512m", pagecache="128m",
    )
    fresh.distribution.install()
    # neo4j-admin import needs a stopped, never-started database: files and password first.
    fresh._write_files()
    fresh._ensure_password()
    nodes = [f"--nodes={path}" for path in sorted(tmp_path.glob("nodes/*.csv"))]
    rels = [f"--relationships={path}" for path in sorted(tmp_path.glob("relationships/*.csv"))]
    try:
        done = fresh._java(
            ADMIN_CLASS, "database", "import", "full", "--overwrite-destination",
            "--multiline-fields=true", "--array-delimiter=;", f"--report-file={tmp_path / 'import.report'}",
            *nodes, *rels, check=False,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        fresh.start()
        with open_driver(fresh.settings()) as imported:
            after = graph_snapshot(imported, fresh.settings())
    finally:
        fresh.stop()
        shutil.rmtree(fresh.directory, ignore_errors=True)
    nodes_before, rels_before = graph_snapshot(seed_graph, settings)
    # neo4j-admin cannot store an empty array (neo4j/neo4j#13566): such properties are absent.
    without_empty = {
        node_id: (labels, {k: v for k, v in props.items() if v != []})
        for node_id, (labels, props) in nodes_before.items()
    }
    assert any(props != without_empty[i][1] for i, (_, props) in nodes_before.items())
    assert after == (without_empty, rels_before)
