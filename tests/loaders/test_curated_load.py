"""Loading curated files into the real graph: exact contents, idempotence, updates, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from loaders.errors import InvalidInputError
from loaders.report import LoadReport

from .conftest import DATA, GraphState

MINI = DATA / "mini.yaml"
MINI_NODES = {"Actor": 6, "Event": 2, "Statement": 2, "Place": 2, "Source": 2}
MINI_RELATIONSHIPS = {
    "PARTICIPATED_IN": 3,
    "AFFILIATED_WITH": 1,
    "BACKS": 1,
    "OPPOSES": 1,
    "MADE": 2,
    "ACCUSES": 2,
    "ABOUT": 1,
    "CONTRADICTS": 1,
    "RATED": 1,
    "VIOLATES": 1,
    "OCCURRED_IN": 1,
    "LOCATED_IN": 1,
    "PUBLISHED_BY": 2,
    "CITES": 1,
}
Load = Callable[..., LoadReport]
State = Callable[[], GraphState]


def _created(report: LoadReport) -> tuple[dict[str, int], dict[str, int]]:
    nodes = {str(label): counts["created"] for label, counts in report.nodes.items()}
    rels = {str(rel_type): counts["created"] for rel_type, counts in report.relationships.items()}
    return nodes, rels


def test_curated_load_writes_exactly_the_fixture(load: Load, graph_state: State) -> None:
    report = load(MINI, batch_size=2)  # small batches: several transactions per label
    assert _created(report) == (MINI_NODES, MINI_RELATIONSHIPS)
    state = graph_state()
    assert (dict(state.node_counts), dict(state.relationship_counts)) == (
        MINI_NODES,
        MINI_RELATIONSHIPS,
    )


def test_curated_load_follows_the_property_contract(load: Load, graph_state: State) -> None:
    load(MINI)
    state = graph_state()
    assert state.node("event:2019-04-syrian-offensive") == {
        "id": "event:2019-04-syrian-offensive",
        "source_ids": ["src:polygraph"],
        "quote": "tensions erupted after the Syrian government launched an offensive last April",
        "title": "Syrian government offensive in Idlib",
        "type": "offensive",
        "date": "2019-04",
        "date_start": dt.date(2019, 4, 1),
        "date_end": dt.date(2019, 4, 30),
        "date_precision": "month",
        "date_span_class": 2,  # a month (schema/dates.py)
        "date_note": "'last April' resolved against February 2020",
        "fatalities_best": 13,
        "asserted_by": ["mini-idlib"],
    }
    assert state.node("src:polygraph")["publisher"] == "Polygraph.info"
    assert state.node("src:polygraph")["published_end"] == dt.date(2020, 2, 29)
    # A nested link without sources inherits its parent's sources; its own quote wins.
    assert state.relationship(
        "participated_in:actor:syrian-government->event:2019-04-syrian-offensive:perpetrator"
    ) == (
        "PARTICIPATED_IN",
        "actor:syrian-government",
        "event:2019-04-syrian-offensive",
        {
            "id": "participated_in:actor:syrian-government->event:2019-04-syrian-offensive:perpetrator",
            "source_ids": ["src:polygraph"],
            "quote": "the Syrian government launched an offensive",
            "role": "perpetrator",
            "asserted_by": ["mini-idlib"],
        },
    )
    assert state.relationship("affiliated_with:actor:aleksei-erkhov->actor:russia:represents")[
        3
    ] == {
        "id": "affiliated_with:actor:aleksei-erkhov->actor:russia:represents",
        "source_ids": ["src:polygraph"],
        "quote": "Aleksei Erkhov Russian Ambassador to Turkey",
        "role": "represents",
        "title": "Ambassador to Turkey",
        "valid": "2016/2020",
        "valid_start": dt.date(2016, 1, 1),
        "valid_end": dt.date(2020, 12, 31),
        "valid_precision": "year",
        "asserted_by": ["mini-idlib"],
    }
    rated = state.relationship("rated:actor:polygraph-info->stmt:erkhov-blames-turkey")[3]
    assert (
        rated["rating"],
        rated["rating_normalized"],
        rated["date_start"],
        rated["source_ids"],
    ) == ("Misleading", "misleading", dt.date(2020, 2, 1), ["src:sputnik"])


def test_curated_second_load_changes_nothing(load: Load, graph_state: State) -> None:
    load(MINI)
    before = graph_state()
    report = load(MINI)
    after = graph_state()
    assert report.totals() == {
        "unchanged": sum(MINI_NODES.values()) + sum(MINI_RELATIONSHIPS.values())
    }
    assert not report.changed
    assert (after.node_counts, after.relationship_counts) == (
        before.node_counts,
        before.relationship_counts,
    )
    assert after.checksum == before.checksum


def test_curated_changed_fact_updates_without_duplicate_or_stale_property(
    load: Load, graph_state: State, tmp_path: Path
) -> None:
    load(MINI)
    data = yaml.safe_load(MINI.read_text())
    erkhov = next(a for a in data["actors"] if a["id"] == "actor:aleksei-erkhov")
    erkhov["description"] = "Russia's Ambassador to Turkey since 2016"
    del erkhov["aliases"]
    statement = data["statements"][0]
    statement["accuses"][0]["charge"] = "escalating tensions"
    del statement["quote"]  # the MADE/ABOUT links inherited it: they lose it too
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True))

    report = load(changed)
    state = graph_state()
    assert {str(k): dict(v) for k, v in report.nodes.items() if v["updated"]} == {
        "Actor": {"updated": 1, "unchanged": 5},
        "Statement": {"updated": 1, "unchanged": 1},
    }
    assert {str(k): v["updated"] for k, v in report.relationships.items() if v["updated"]} == {
        "MADE": 1,
        "ACCUSES": 1,
        "ABOUT": 1,
    }
    assert (dict(state.node_counts), dict(state.relationship_counts)) == (
        MINI_NODES,
        MINI_RELATIONSHIPS,
    )
    assert state.node("actor:aleksei-erkhov") == {
        "id": "actor:aleksei-erkhov",
        "source_ids": ["src:polygraph"],
        "name": "Aleksei Erkhov",
        "kind": "person",
        "aliases": [],
        "country": "RUS",
        "description": "Russia's Ambassador to Turkey since 2016",
        "asserted_by": ["mini-idlib"],
    }
    assert "quote" not in state.node("stmt:erkhov-blames-turkey")
    assert (
        state.relationship("accuses:stmt:erkhov-blames-turkey->actor:turkey")[3]["charge"]
        == "escalating tensions"
    )


def test_curated_invalid_file_leaves_the_graph_untouched(load: Load, graph_state: State) -> None:
    load(MINI)
    before = graph_state()
    with pytest.raises(InvalidInputError) as caught:
        load(DATA / "bad.yaml")
    assert len(caught.value.issues) == 11
    after = graph_state()
    assert (after.node_counts, after.checksum) == (before.node_counts, before.checksum)


def test_curated_json_loads_like_yaml(load: Load, graph_state: State, tmp_path: Path) -> None:
    load(MINI)
    from_yaml = graph_state()
    as_json = tmp_path / "mini.json"
    as_json.write_text(
        json.dumps(yaml.safe_load(MINI.read_text()), default=str, indent=2, ensure_ascii=False)
    )
    report = load(as_json)
    assert report.totals() == {"unchanged": 33}
    assert graph_state().checksum == from_yaml.checksum


def test_curated_dry_run_counts_without_writing(load: Load, graph_state: State) -> None:
    report = load(MINI, dry_run=True)
    assert _created(report) == (MINI_NODES, MINI_RELATIONSHIPS)
    assert graph_state().nodes == []
    load(MINI)
    assert load(MINI, dry_run=True).totals() == {"unchanged": 33}
