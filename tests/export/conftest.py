"""A small graph that follows the property contract, the graph as truth, and readers' helpers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from neo4j.spatial import WGS84Point

from api.app import create_app
from graph.export.values import native
from graph.model import DERIVED_PROPERTIES, Label, RelType
from graph.queries.accusation_summary import NOT_SUMMARY
from graph.settings import GraphSettings
from graph.writes import merge_nodes, merge_relationships
from loaders.curated import load_curated

SEED_FILE = Path(__file__).resolve().parents[2] / "data" / "seed" / "idlib-2018-2020.yaml"
A, E, S, P, SRC = Label.ACTOR, Label.EVENT, Label.STATEMENT, Label.PLACE, Label.SOURCE


def _dated(prefix: str, start: str, end: str, text: str, precision: str) -> dict[str, Any]:
    return {
        prefix: text,
        f"{prefix}_start": date.fromisoformat(start),
        f"{prefix}_end": date.fromisoformat(end),
        f"{prefix}_precision": precision,
    }


NODES: dict[Label, list[dict[str, Any]]] = {
    SRC: [
        {"id": "src:a", "source_ids": ["src:a"], "title": "An article", "kind": "news_article",
         "publisher": "Outlet", "url": "https://example.org/a", "language": "en",
         **_dated("published", "2020-02-19", "2020-02-29", "2020-02-19/2020-02-29", "day")},
        {"id": "src:b", "source_ids": ["src:b"], "title": "A fact check", "kind": "fact_check",
         "publisher": "Polygraph.info", "language": "en"},
        {"id": "src:c", "source_ids": ["src:a"], "title": "An interview cited by src:a",
         "kind": "interview", "publisher": "Sputnik", "language": "ru"},
        {"id": "src:far", "source_ids": ["src:far"], "title": "Unrelated", "kind": "report",
         "publisher": "Nobody", "language": "en"},
    ],
    A: [
        {"id": "actor:russia", "source_ids": ["src:a"], "quote": "Russia said", "name": "Russia",
         "kind": "state", "aliases": ["Russian Federation", "RF"], "country": "RUS",
         "description": "State"},
        {"id": "actor:turkey", "source_ids": ["src:a"], "name": "Turkey", "kind": "state",
         "aliases": [], "country": "TUR", "description": ""},
        {"id": "actor:aleksei-erkhov", "source_ids": ["src:b"], "name": "Aleksei Erkhov",
         "kind": "person", "aliases": ["Alexei Yerkhov"], "country": "RUS",
         "description": 'Ambassador, "quoted"\nsecond line'},
        {"id": "actor:polygraph-info", "source_ids": ["src:b"], "name": "Polygraph.info",
         "kind": "media", "aliases": [], "description": "Fact checker"},
        {"id": "actor:far", "source_ids": ["src:far"], "name": "Far away", "kind": "armed_group",
         "aliases": []},
    ],
    P: [
        {"id": "place:syria", "source_ids": ["src:a"], "name": "Syria", "kind": "country",
         "country": "SYR"},
        {"id": "place:idlib", "source_ids": ["src:a"], "name": "Idlib", "kind": "city",
         "country": "SYR", "latitude": 35.9306, "longitude": 0.1 + 0.2,
         "point": WGS84Point((36.6339, 0.1 + 0.2))},
    ],
    E: [
        {"id": "event:2019-04-offensive", "source_ids": ["src:c"], "title": "Offensive",
         "type": "offensive", "summary": "Offensive; with a semicolon", "fatalities_best": 13,
         **_dated("date", "2019-04-01", "2019-04-30", "2019-04", "month")},
        {"id": "event:2020-02-17-strike", "source_ids": ["src:a", "src:b"], "title": "Strike",
         "type": "airstrike", "summary": "Airstrike", "fatalities_best": 5, "fatalities_low": 3,
         "provider_id": "x1", "point": WGS84Point((-179.99, -12.5)), **_dated("date", "2020-02-17", "2020-02-17", "2020-02-17", "day")},
        {"id": "event:far", "source_ids": ["src:far"], "title": "Far", "type": "clash",
         "summary": "Far", **_dated("date", "2018-01-01", "2018-12-31", "2018", "year")},
    ],
    S: [
        {"id": "stmt:erkhov-blames-turkey", "source_ids": ["src:b"], "stance": "accusation",
         "text": "Turkey is to blame", "verbatim": False, "summary": "Erkhov blames Turkey",
         **_dated("date", "2020-02-01", "2020-02-29", "2020-02", "month")},
    ],
}


def _rel(rel_type: str, start: str, end: str, sources: list[str], **props: Any) -> dict[str, Any]:
    suffix = f":{props['role']}" if "role" in props else ""
    rel_id = f"{rel_type.lower()}:{start}->{end}{suffix}"
    return {"id": rel_id, "start": start, "end": end, "source_ids": sources, **props}


RELATIONSHIPS: dict[tuple[RelType, Label, Label], list[dict[str, Any]]] = {
    (RelType.MADE, A, S): [_rel("MADE", "actor:aleksei-erkhov", "stmt:erkhov-blames-turkey", ["src:b"])],
    (RelType.ACCUSES, S, A): [_rel("ACCUSES", "stmt:erkhov-blames-turkey", "actor:turkey", ["src:b"],
                                   charge="escalating tensions", quote="Turkey escalated")],
    (RelType.RATED, A, S): [_rel("RATED", "actor:polygraph-info", "stmt:erkhov-blames-turkey", ["src:b"],
                                 rating="Misleading", rating_normalized="misleading",
                                 **_dated("date", "2020-02-01", "2020-02-29", "2020-02", "month"))],
    (RelType.AFFILIATED_WITH, A, A): [_rel("AFFILIATED_WITH", "actor:aleksei-erkhov", "actor:russia",
                                           ["src:b"], role="represents", title="Ambassador to Turkey")],
    (RelType.PARTICIPATED_IN, A, E): [
        _rel("PARTICIPATED_IN", "actor:russia", "event:2020-02-17-strike", ["src:a"], role="perpetrator"),
        _rel("PARTICIPATED_IN", "actor:turkey", "event:2020-02-17-strike", ["src:a"], role="target"),
        _rel("PARTICIPATED_IN", "actor:russia", "event:2019-04-offensive", ["src:c"], role="supporter"),
        _rel("PARTICIPATED_IN", "actor:far", "event:far", ["src:far"], role="perpetrator"),
    ],
    (RelType.ABOUT, S, E): [_rel("ABOUT", "stmt:erkhov-blames-turkey", "event:2020-02-17-strike", ["src:b"])],
    (RelType.OCCURRED_IN, E, P): [
        _rel("OCCURRED_IN", "event:2020-02-17-strike", "place:idlib", ["src:a"]),
        _rel("OCCURRED_IN", "event:far", "place:syria", ["src:far"]),
    ],
    (RelType.LOCATED_IN, P, P): [_rel("LOCATED_IN", "place:idlib", "place:syria", ["src:a"])],
    (RelType.PUBLISHED_BY, SRC, A): [_rel("PUBLISHED_BY", "src:b", "actor:polygraph-info", ["src:b"])],
    (RelType.CITES, SRC, SRC): [_rel("CITES", "src:a", "src:c", ["src:a"])],
}


def build_small_graph(driver: Driver, settings: GraphSettings) -> None:
    """Write NODES and RELATIONSHIPS through the project's generic writers."""
    with driver.session(database=settings.database) as session:
        for label, rows in NODES.items():
            session.execute_write(merge_nodes, label, rows)
        for (rel_type, start, end), rows in RELATIONSHIPS.items():
            session.execute_write(merge_relationships, rel_type, start, end, rows)


@pytest.fixture
def small_graph(clean_graph: Driver, settings: GraphSettings) -> Driver:
    build_small_graph(clean_graph, settings)
    return clean_graph


@pytest.fixture
def seed_graph(clean_graph: Driver, settings: GraphSettings) -> Driver:
    """The test database holding exactly the curated seed dataset."""
    with clean_graph.session(database=settings.database) as session:
        load_curated(SEED_FILE, session)
    return clean_graph


@pytest.fixture
def export_client(settings: GraphSettings) -> Iterator[TestClient]:
    """An API client on whatever the test database holds (not emptied)."""
    with TestClient(create_app(settings)) as client:
        yield client


Snapshot = tuple[dict[str, tuple[list[str], dict[str, Any]]], dict[str, tuple[str, str, str, dict[str, Any]]]]
NODES_OF = (
    f"MATCH (n) WHERE {NOT_SUMMARY} AND ($ids IS NULL OR n.id IN $ids) "
    "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
)
RELS_OF = """
MATCH (a)-[r]->(b) WHERE ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
RETURN r.id AS id, type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props
"""


def _exported(props: dict[str, Any]) -> dict[str, Any]:
    # What the graph derives is not exported (graph.model.DERIVED_PROPERTIES); imports derive it again.
    return {k: native(v) for k, v in props.items() if k not in DERIVED_PROPERTIES}


def graph_snapshot(driver: Driver, settings: GraphSettings, ids: list[str] | None = None) -> Snapshot:
    """Nodes by id (labels, typed properties) and relationships by id (type, ends, properties)."""
    db = settings.database
    nodes = driver.execute_query(NODES_OF, ids=ids, database_=db).records
    rels = driver.execute_query(RELS_OF, ids=ids, database_=db).records
    return (
        {r["id"]: (sorted(r["labels"]), _exported(r["props"])) for r in nodes},
        {
            r["id"]: (r["type"], r["start"], r["end"], {k: native(v) for k, v in r["props"].items()})
            for r in rels
        },
    )
