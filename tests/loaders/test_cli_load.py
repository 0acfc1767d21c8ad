"""`ckg load` as a user runs it: a subprocess against the test server (cli_env)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from neo4j import Driver

from graph.settings import GraphSettings

from .conftest import DATA, GraphState, ckg_load


def test_cli_load_dry_run_validates_and_writes_nothing(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings
) -> None:
    done = ckg_load(cli_env, str(DATA / "mini.yaml"), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "│ (:Actor)           │       6 │       0 │         0 │       0 │" in done.stdout
    assert "│ total              │      33 │       0 │         0 │       0 │" in done.stdout
    assert "Dry run: validated; nothing was written." in done.stdout
    assert GraphState(clean_graph, settings).nodes == []


def test_cli_load_writes_then_reports_unchanged(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings
) -> None:
    assert ckg_load(cli_env, str(DATA / "mini.yaml")).returncode == 0
    again = ckg_load(cli_env, "--format", "curated", str(DATA / "mini.yaml"))
    assert again.returncode == 0, again.stderr
    assert "│ total              │       0 │       0 │        33 │       0 │" in again.stdout
    assert sum(GraphState(clean_graph, settings).node_counts.values()) == 14


def test_cli_load_bad_file_exits_1_with_every_message(
    cli_env: dict[str, str], clean_graph: Driver
) -> None:
    bad = DATA / "bad.yaml"
    done = ckg_load(cli_env, str(bad), "--dry-run")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 12
    assert (
        lines[3]
        == f"{bad}:35: events[1].date: impossible date '2020-02-30': day is out of range for month"
    )
    assert lines[-1] == f"error: 11 problem(s) in {bad}; nothing was written."


def test_cli_load_refuses_an_unknown_format(cli_env: dict[str, str], tmp_path: Path) -> None:
    csv = tmp_path / "events.csv"
    csv.write_text("a,b\n")
    done = ckg_load(cli_env, str(csv))
    assert done.returncode == 1
    assert "Cannot tell the format of" in done.stderr
    assert ckg_load(cli_env, "--format", "nonsense", str(csv)).returncode == 2


def test_cli_load_detects_curated_json(
    cli_env: dict[str, str], clean_graph: Driver, tmp_path: Path
) -> None:
    as_json = tmp_path / "mini.json"
    as_json.write_text(json.dumps(yaml.safe_load((DATA / "mini.yaml").read_text()), default=str))
    done = ckg_load(cli_env, str(as_json), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "│ total              │      33 │       0 │         0 │       0 │" in done.stdout
