"""Provider-load test helpers: run a load into the test graph, fingerprint the whole graph."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from neo4j import Driver

from graph.settings import GraphSettings
from loaders.providers.aliases import DEFAULT_ALIASES, AliasTable
from loaders.providers.report import ProviderLoadReport
from loaders.providers.run import ProviderFormat, load_provider

DATA = Path(__file__).parent / "data"
CKG = Path(__file__).resolve().parents[3] / ".venv" / "bin" / "ckg"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the fixture files (loads write rejects and checkpoints beside their input)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def load(
    driver: Driver,
    settings: GraphSettings,
    path: Path,
    fmt: ProviderFormat,
    *,
    aliases: Path = DEFAULT_ALIASES,
    batch_size: int = 5000,
) -> ProviderLoadReport:
    return load_provider(
        driver,
        settings.database,
        path,
        fmt,
        aliases=AliasTable.load(aliases),
        batch_size=batch_size,
    )


def rows(
    driver: Driver, settings: GraphSettings, query: str, **params: object
) -> list[tuple[object, ...]]:
    records = driver.execute_query(query, params, database_=settings.database).records
    return [tuple(record.values()) for record in records]


def graph_checksum(driver: Driver, settings: GraphSettings) -> tuple[int, int, str]:
    """(nodes, relationships, sha256 over every label, id, property and endpoint)."""
    nodes = rows(driver, settings, "MATCH (n) RETURN labels(n), properties(n)")
    rels = rows(driver, settings, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)")
    text = sorted(json.dumps(row, default=str, sort_keys=True) for row in [*nodes, *rels])
    return len(nodes), len(rels), hashlib.sha256("\n".join(text).encode()).hexdigest()
