"""Loader test helpers: load a file into the test graph, and read the whole graph back."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver

from graph.queries.accusation_summary import NOT_SUMMARY
from graph.settings import GraphSettings
from loaders.curated import load_curated
from loaders.report import LoadReport

DATA = Path(__file__).parent / "data"
CKG = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "ckg"

ALL_NODES = f"MATCH (n) WHERE {NOT_SUMMARY} RETURN labels(n) AS labels, properties(n) AS props"
ALL_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props
"""


def _canonical(value: object) -> str:
    return json.dumps(value, default=str, sort_keys=True)


class GraphState:
    """All nodes and relationships of the test database, with counts and a checksum."""

    def __init__(self, driver: Driver, settings: GraphSettings) -> None:
        nodes = driver.execute_query(ALL_NODES, database_=settings.database).records
        rels = driver.execute_query(ALL_RELATIONSHIPS, database_=settings.database).records
        self.nodes = sorted(((r["labels"], r["props"]) for r in nodes), key=_canonical)
        self.relationships = sorted(
            ((r["type"], r["start"], r["end"], r["props"]) for r in rels), key=_canonical
        )
        self.node_counts = Counter(label for labels, _ in self.nodes for label in labels)
        self.relationship_counts = Counter(rel[0] for rel in self.relationships)

    def node(self, node_id: str) -> dict[str, object]:
        return next(props for _, props in self.nodes if props["id"] == node_id)

    def relationship(self, rel_id: str) -> tuple[str, str, str, dict[str, object]]:
        return next(rel for rel in self.relationships if rel[3]["id"] == rel_id)

    @property
    def checksum(self) -> str:
        return hashlib.sha256(_canonical([self.nodes, self.relationships]).encode()).hexdigest()


@pytest.fixture
def graph_state(clean_graph: Driver, settings: GraphSettings) -> Callable[[], GraphState]:
    """Read the (initially empty) test graph back, as often as needed."""
    return lambda: GraphState(clean_graph, settings)


@pytest.fixture
def load(clean_graph: Driver, settings: GraphSettings) -> Callable[..., LoadReport]:
    """Load a curated file into the (initially empty) test graph; `dry_run=True` to preview."""

    def run(path: Path, *, dry_run: bool = False, batch_size: int = 1000) -> LoadReport:
        with clean_graph.session(database=settings.database) as session:
            return load_curated(path, session, dry_run=dry_run, batch_size=batch_size)

    return run


def ckg_load(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run `ckg load ARGS` as a user would (wide terminal, so table rows stay on one line)."""
    return subprocess.run(
        [str(CKG), "load", *args], env={**env, "COLUMNS": "200"}, capture_output=True, text=True
    )
