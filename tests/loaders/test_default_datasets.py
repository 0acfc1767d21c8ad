"""`ckg up` loads DEFAULT_DATASETS after migrating: idempotent, and a missing file is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from cli.load import load_datasets
from cli.up import DEFAULT_DATASETS, default_dataset_paths
from graph.settings import GraphSettings

from .conftest import DATA, GraphState


def test_default_datasets_are_the_seed_story() -> None:
    assert DEFAULT_DATASETS == ["data/seed/idlib-2018-2020.yaml"]
    assert (
        default_dataset_paths()[0]
        == Path(__file__).resolve().parents[2] / "data/seed/idlib-2018-2020.yaml"
    )


def test_load_datasets_loads_each_file_once_and_skips_missing_ones(
    cli_env: dict[str, str],
    clean_graph: Driver,
    settings: GraphSettings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.setenv(name, cli_env[name])  # resolve_settings() then targets the test server
    paths = [tmp_path / "missing.yaml", DATA / "mini.yaml"]
    load_datasets(paths)
    first = GraphState(clean_graph, settings)
    load_datasets(paths)
    assert GraphState(clean_graph, settings).checksum == first.checksum
    assert sum(first.node_counts.values()) == 14
    assert (
        capsys.readouterr().out.count(f"Skipping {tmp_path / 'missing.yaml'}: no such file.") == 2
    )
