"""The seed story (data/seed/idlib-2018-2020.yaml) loads completely, idempotently, with its key facts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import yaml
from neo4j import Driver

from cli.up import default_dataset_paths
from graph.settings import GraphSettings
from loaders.report import LoadReport

from .conftest import GraphState

SEED = default_dataset_paths()[0]
SECTION_LABELS = {
    "sources": "Source",
    "actors": "Actor",
    "places": "Place",
    "events": "Event",
    "statements": "Statement",
}
STATEMENT_LINKS = (
    "accuses", "warns", "appeals_to", "denies", "about", "supports", "contradicts", "responds_to"
)  # fmt: skip


def _expected_relationships(data: dict[str, Any]) -> Counter[str]:
    """Relationship counts read straight off the file: one per link, reference and speaker."""
    counts: Counter[str] = Counter()
    for source in data.get("sources") or []:
        counts["PUBLISHED_BY"] += bool(source.get("publisher"))
        counts["CITES"] += len(source.get("cites") or [])
    for place in data.get("places") or []:
        counts["LOCATED_IN"] += bool(place.get("located_in"))
    for event in data.get("events") or []:
        counts["OCCURRED_IN"] += bool(event.get("place"))
        counts["PARTICIPATED_IN"] += len(event.get("participants") or [])
        counts.update(relation["type"].upper() for relation in event.get("relations") or [])
    for statement in data.get("statements") or []:
        counts["MADE"] += 1 if statement.get("speaker") else len(statement["speakers"])
        for field in STATEMENT_LINKS:
            counts[field.upper()] += len(statement.get(field) or [])
        counts["RATED"] += len(statement.get("verdicts") or [])
    counts["AFFILIATED_WITH"] += len(data.get("affiliations") or [])
    counts.update(relation["type"].upper() for relation in data.get("relations") or [])
    return +counts  # drop zeros


def _one(driver: Driver, settings: GraphSettings, query: str) -> list[tuple[Any, ...]]:
    records = driver.execute_query(query, database_=settings.database).records
    return [tuple(record.values()) for record in records]


def test_seed_loads_one_node_per_item_and_one_relationship_per_link(
    load: Callable[..., LoadReport], graph_state: Callable[[], GraphState]
) -> None:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    report = load(SEED)
    state = graph_state()
    expected_nodes = {
        label: len(data.get(section) or []) for section, label in SECTION_LABELS.items()
    }
    assert dict(state.node_counts) == expected_nodes
    assert state.relationship_counts == _expected_relationships(data)
    assert report.totals() == {
        "created": state.node_counts.total() + state.relationship_counts.total()
    }


def test_seed_second_load_changes_nothing(
    load: Callable[..., LoadReport], graph_state: Callable[[], GraphState]
) -> None:
    load(SEED)
    before = graph_state()
    report = load(SEED)
    after = graph_state()
    assert not report.changed
    assert (after.node_counts, after.relationship_counts) == (
        before.node_counts,
        before.relationship_counts,
    )
    assert after.checksum == before.checksum


AMBASSADOR = """
MATCH (:Actor {id: 'actor:aleksei-erkhov'})-[r:AFFILIATED_WITH]->(:Actor {id: 'actor:russia'})
RETURN r.role, r.title
"""
MUTUAL_ACCUSATION = """
MATCH (russia:Actor {id: 'actor:russia'}), (turkey:Actor {id: 'actor:turkey'})
MATCH (russia)-[:MADE]->(by_russia:Statement)-[blame:ACCUSES]->(turkey)
MATCH (turkey)-[:MADE]->(by_turkey:Statement)-[:ACCUSES]->(russia)
RETURN by_russia.id, by_turkey.id, blame.charge, exists { (by_turkey)-[:CONTRADICTS]->(by_russia) }
"""
VERDICT = """
MATCH (:Actor {id: 'actor:polygraph-info'})-[r:RATED]->(:Statement {id: 'stmt:erkhov-blames-turkey'})
RETURN r.rating, r.rating_normalized, r.source_ids[0], r.date_start, r.date_end
"""
# "For Russia": statements of someone who represents Russia (the ambassador) count as Russia's.
ACCUSATIONS_FOR_RUSSIA = """
MATCH (russia:Actor {id: 'actor:russia'})<-[:AFFILIATED_WITH {role: 'represents'}]-(speaker:Actor)
MATCH (speaker)-[:MADE]->(statement:Statement)-[:ACCUSES]->(:Actor {id: 'actor:turkey'})
RETURN speaker.id, statement.id ORDER BY statement.id
"""
APRIL_OFFENSIVE = """
MATCH (e:Event {id: 'event:2019-04-syrian-offensive'})
RETURN e.date, e.date_start, e.date_end, e.date_precision
"""


def test_seed_facts(
    load: Callable[..., LoadReport], clean_graph: Driver, settings: GraphSettings
) -> None:
    load(SEED)
    # The ambassador represents Russia.
    assert _one(clean_graph, settings, AMBASSADOR) == [("represents", "Ambassador to Turkey")]
    # Russia and Turkey accuse each other (the article: "have accused each other"), and the second
    # statement contradicts the first.
    assert _one(clean_graph, settings, MUTUAL_ACCUSATION) == [
        (
            "stmt:russia-accuses-turkey-of-violating-agreement",
            "stmt:turkey-accuses-russia-of-violating-agreement",
            "violating the 2018 de-escalation agreement",
            True,
        )
    ]
    assert _one(clean_graph, settings, ACCUSATIONS_FOR_RUSSIA) == [
        ("actor:aleksei-erkhov", "stmt:erkhov-blames-turkey"),
        ("actor:aleksei-erkhov", "stmt:erkhov-blames-turkey-for-officers-deaths"),
        ("actor:aleksei-erkhov", "stmt:erkhov-russia-responds-to-turkish-violations"),
    ]
    # Polygraph.info rated the ambassador's claim misleading.
    assert _one(clean_graph, settings, VERDICT) == [
        (
            "Misleading",
            "misleading",
            "src:polygraph-erkhov-2020",
            dt.date(2020, 2, 19),
            dt.date(2020, 2, 29),
        )
    ]
    # "Last April" is the whole month of April 2019.
    assert _one(clean_graph, settings, APRIL_OFFENSIVE) == [
        ("2019-04", dt.date(2019, 4, 1), dt.date(2019, 4, 30), "month")
    ]
