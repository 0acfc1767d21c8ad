"""Curated files stay current: a reload removes what the dataset alone asserted and no longer lists.

A fact another dataset or a provider load also stands behind stays, losing only this dataset from
its provenance (`asserted_by`, and the sources only this dataset declares).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from neo4j import Driver

from cli.up import default_dataset_paths
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.report import LoadReport

from .conftest import DATA, GraphState, ckg_load
from .providers.conftest import DATA as PROVIDER_DATA
from .providers.conftest import load as load_provider

MINI = DATA / "mini.yaml"
SEED = default_dataset_paths()[0]
Load = Callable[..., LoadReport]
State = Callable[[], GraphState]


def _mini() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MINI.read_text())
    return data


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


def _without_syria_and_a_statement(tmp_path: Path) -> Path:
    """mini.yaml without place:syria (and Idlib's LOCATED_IN it) and stmt:turkey-blames-russia."""
    data = _mini()
    data["places"] = [p for p in data["places"] if p["id"] != "place:syria"]
    del data["places"][0]["located_in"]
    data["statements"] = [s for s in data["statements"] if s["id"] != "stmt:turkey-blames-russia"]
    return _write(tmp_path / "edited.yaml", data)


def _outcomes(report: LoadReport, outcome: str) -> dict[str, int]:
    counts = [*report.nodes.items(), *report.relationships.items()]
    return {str(key): c[outcome] for key, c in counts if c[outcome]}


def _fresh(driver: Driver, settings: GraphSettings, load: Load, *paths: Path) -> GraphState:
    """The graph that loading `paths` into an empty database gives (the database is left so)."""
    wipe_database(driver, settings.database)
    for path in paths:
        load(path)
    return GraphState(driver, settings)


def test_reload_deletes_the_facts_the_file_no_longer_lists(
    load: Load, graph_state: State, clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    load(MINI)
    edited = _without_syria_and_a_statement(tmp_path)
    report = load(edited)
    assert _outcomes(report, "deleted") == {
        "Place": 1,
        "Statement": 1,
        "LOCATED_IN": 1,
        "MADE": 1,
        "ACCUSES": 1,
        "CONTRADICTS": 1,
    }
    assert _outcomes(report, "created") == _outcomes(report, "updated") == {}
    reloaded = graph_state()
    assert reloaded.checksum == _fresh(clean_graph, settings, load, edited).checksum
    assert not load(edited).changed


def test_reload_replaces_a_relationship_whose_id_changed(
    load: Load, graph_state: State, clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    load(MINI)
    data = _mini()
    data["events"][0]["participants"][0]["role"] = "mediator"  # Russia at Sochi: another id
    edited = _write(tmp_path / "role.yaml", data)
    report = load(edited)
    assert report.relationships["PARTICIPATED_IN"] == {"created": 1, "deleted": 1, "unchanged": 2}  # type: ignore[index]
    state = graph_state()
    assert "participated_in:actor:russia->event:2018-sochi-agreement:signatory" not in {
        rel[3]["id"] for rel in state.relationships
    }
    assert state.checksum == _fresh(clean_graph, settings, load, edited).checksum


def test_dry_run_shows_the_deletions_and_writes_nothing(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    assert ckg_load(cli_env, str(MINI)).returncode == 0
    before = GraphState(clean_graph, settings).checksum
    edited = _without_syria_and_a_statement(tmp_path)
    preview = ckg_load(cli_env, str(edited), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    rows = [
        "│ (:Statement)       │       0 │       0 │         1 │       1 │",
        "│ (:Place)           │       0 │       0 │         1 │       1 │",
        "│ [:LOCATED_IN]      │       0 │       0 │         0 │       1 │",
        "│ total              │       0 │       0 │        27 │       6 │",
    ]
    assert all(row in preview.stdout for row in rows), preview.stdout
    assert "Dry run: validated; nothing was written." in preview.stdout
    assert GraphState(clean_graph, settings).checksum == before
    done = ckg_load(cli_env, str(edited))
    assert all(row in done.stdout for row in rows), done.stdout
    assert GraphState(clean_graph, settings).checksum != before


def test_a_fact_another_dataset_asserts_stays_losing_only_this_dataset(
    load: Load, graph_state: State, tmp_path: Path
) -> None:
    other = _write(
        tmp_path / "other.yaml",
        {
            "format": "conflictkg/curated@1",
            "dataset": {"id": "other", "title": "Another story about Syria"},
            "sources": [
                {"id": "src:other", "kind": "article", "title": "O", "sources": ["src:other"]}
            ],
            "places": [
                {
                    "id": "place:syria",
                    "name": "Syria",
                    "kind": "country",
                    "country": "SYR",
                    "sources": ["src:other"],
                }
            ],
        },
    )
    load(MINI)
    load(other)
    shared = graph_state().node("place:syria")
    assert (shared["asserted_by"], shared["source_ids"]) == (
        ["mini-idlib", "other"],
        ["src:polygraph", "src:other"],
    )
    report = load(_without_syria_and_a_statement(tmp_path))
    assert report.nodes["Place"] == {"updated": 1, "unchanged": 1}  # type: ignore[index]
    assert report.relationships["LOCATED_IN"] == {"deleted": 1}  # type: ignore[index]
    state = graph_state()
    assert state.node("place:syria") == {
        "id": "place:syria",
        "name": "Syria",
        "kind": "country",
        "country": "SYR",
        "source_ids": ["src:other"],
        "asserted_by": ["other"],
    }
    assert not load(other).changed  # exactly what the other dataset says, nothing of mini's left
    assert graph_state().checksum == state.checksum


def test_a_seed_reload_keeps_what_a_provider_load_added(
    load: Load, graph_state: State, clean_graph: Driver, settings: GraphSettings
) -> None:
    load(SEED)
    load_provider(clean_graph, settings, PROVIDER_DATA / "acled_syria_2020.csv", "acled")
    with_acled = graph_state()
    assert with_acled.node("actor:syrian-armed-forces")["source_ids"] == [
        "src:polygraph-erkhov-2020",
        "src:acled",
    ]
    assert not load(SEED).changed
    assert graph_state().checksum == with_acled.checksum


def test_a_retracted_actor_a_provider_load_cites_stays_with_the_providers_links(
    load: Load, graph_state: State, clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    story: dict[str, Any] = {
        "format": "conflictkg/curated@1",
        "dataset": {"id": "saraqib", "title": "Saraqib, February 2020"},
        "sources": [
            {"id": "src:report", "kind": "article", "title": "R", "sources": ["src:report"]}
        ],
        "actors": [
            {
                "id": "actor:syrian-armed-forces",
                "name": "Syrian Armed Forces",
                "kind": "armed_forces",
                "country": "SYR",
                "sources": ["src:report"],
            }
        ],
        "events": [
            {
                "id": "event:saraqib",
                "type": "offensive",
                "title": "Saraqib",
                "date": "2020-02",
                "participants": [{"actor": "actor:syrian-armed-forces", "role": "perpetrator"}],
                "sources": ["src:report"],
            }
        ],
    }
    load(_write(tmp_path / "story.yaml", story))
    load_provider(clean_graph, settings, PROVIDER_DATA / "acled_syria_2020.csv", "acled")
    acled_links = [
        r for r in graph_state().relationships if r[3]["id"].startswith("participated_in:acled:")
    ]
    del story["actors"], story["events"]
    report = load(_write(tmp_path / "story.yaml", story))
    assert (_outcomes(report, "deleted"), _outcomes(report, "updated")) == (
        {"Event": 1, "PARTICIPATED_IN": 1},
        {"Actor": 1},
    )
    state = graph_state()
    actor = state.node("actor:syrian-armed-forces")
    assert (actor["source_ids"], "asserted_by" in actor) == (["src:acled"], False)
    assert [
        r for r in state.relationships if r[3]["id"].startswith("participated_in:")
    ] == acled_links
