"""GET /actors, /actors/{id}, /actors/{id}/relations and /actors/{id}/timeline on the seed story."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

SEED_SOURCE = "src:polygraph-erkhov-2020"


def _ids(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_actors_search_puts_exact_name_or_alias_first(seeded_client: TestClient) -> None:
    # Then full-text matches of names and aliases ("Government of Turkey", "Military Forces of Turkey").
    turkey = _ids(seeded_client, "/actors?q=Turkey")
    assert turkey[0] == "actor:turkey"
    assert sorted(turkey[1:]) == ["actor:turkish-armed-forces", "actor:turkish-government"]
    russia = _ids(seeded_client, "/actors?q=russia")
    assert russia[0] == "actor:russia"
    assert len(russia) == 8
    assert _ids(seeded_client, "/actors?q=moscow") == ["actor:russian-government"]  # an alias
    assert _ids(seeded_client, "/actors?q=Alexei Yerkhov") == ["actor:aleksei-erkhov"]
    assert _ids(seeded_client, "/actors?q=erkh") == ["actor:aleksei-erkhov"]  # a prefix
    assert _ids(seeded_client, "/actors?q=Assad regime") == ["actor:syrian-government"]
    assert _ids(seeded_client, "/actors?q=zzzz") == []


def test_actors_filter_by_kind_and_page_by_name(seeded_client: TestClient) -> None:
    assert _ids(seeded_client, "/actors?kind=state") == [
        "actor:iran",
        "actor:russia",
        "actor:syria",
        "actor:turkey",
    ]
    first = seeded_client.get("/actors?kind=state&limit=3").json()
    assert [a["id"] for a in first["items"]] == ["actor:iran", "actor:russia", "actor:syria"]
    rest = seeded_client.get("/actors", params={"kind": "state", "limit": 3, "cursor": first["next_cursor"]})
    assert [a["id"] for a in rest.json()["items"]] == ["actor:turkey"]
    assert rest.json()["next_cursor"] is None


def test_actor_profile_has_aliases_and_affiliations_with_roles(seeded_client: TestClient) -> None:
    body = seeded_client.get("/actors/actor:aleksei-erkhov").json()
    assert (body["name"], body["kind"], body["country"]) == ("Aleksei Erkhov", "person", "RUS")
    assert body["aliases"] == ["Alexei Yerkhov", "Ambassador Erkhov"]
    [affiliation] = body["affiliations"]
    assert affiliation["actor"] == {"id": "actor:russia", "name": "Russia", "kind": "state"}
    assert (affiliation["role"], affiliation["title"], affiliation["valid"]) == (
        "represents",
        "Ambassador to Turkey",
        None,
    )
    assert [s["id"] for s in affiliation["evidence"]["sources"]] == [SEED_SOURCE]
    assert body["affiliates"] == []
    russia = seeded_client.get("/actors/actor:russia").json()
    assert [(a["actor"]["id"], a["role"]) for a in russia["affiliates"]] == [
        ("actor:aleksei-erkhov", "represents"),
        ("actor:russian-armed-forces", "part_of"),
        ("actor:russian-government", "part_of"),
        ("actor:vladimir-putin", "leader_of"),
    ]


def test_actor_relations_list_each_kind_with_evidence(seeded_client: TestClient) -> None:
    body = seeded_client.get("/actors/actor:russia/relations").json()
    [backs] = body["backs"]
    assert backs == {
        "actor": {"id": "actor:syrian-government", "name": "Syrian government", "kind": "government"},
        "type": "BACKS",
        "direction": "out",
        "relationship_id": "backs:actor:russia->actor:syrian-government",
        "evidence": {
            "sources": [
                {
                    "id": SEED_SOURCE,
                    "title": "Disputing Turkey, Russian Ambassador Dodges Blame Over Deadly Airstrikes in Northwest Syria",
                    "publisher": "Polygraph.info",
                    "url": None,
                    "published": "2020-02-19/2020-02-29",
                }
            ],
            "quote": "The Assad regime, backed by Russia and Iran, stands accused of killing scores of civilians.",
        },
    }
    assert body["backers"] == [] and body["allies"] == []
    assert [(r["actor"]["id"], r["direction"]) for r in body["adversaries"]] == [("actor:syrian-opposition", "out")]
    assert [(a["actor"]["id"], a["statement"]["id"]) for a in body["accusations_made"]] == [
        ("actor:turkey", "stmt:russia-accuses-turkey-of-violating-agreement")
    ]
    assert [(a["actor"]["id"], a["statement"]["id"]) for a in body["accusations_received"]] == [
        ("actor:turkey", "stmt:turkey-accuses-russia-of-violating-agreement"),
        ("actor:mark-cutts", "stmt:cutts-ariha-accusation"),
    ]
    assert [(e["actor"]["id"], e["event"]["id"], e["roles"], e["other_role"]) for e in body["events_shared"]] == [
        ("actor:syrian-opposition", "event:2015-09-russian-airstrikes", ["perpetrator"], "target"),
        ("actor:islamic-state", "event:2018-de-escalation-agreement", ["guarantor", "signatory"], "target"),
        ("actor:turkey", "event:2018-de-escalation-agreement", ["guarantor", "signatory"], "guarantor"),
        ("actor:turkey", "event:2018-de-escalation-agreement", ["guarantor", "signatory"], "signatory"),
        ("actor:turkey", "event:2018-idlib-ceasefire", ["guarantor"], "guarantor"),
        ("actor:turkey", "event:2019-2020-idlib-escalation", ["party"], "party"),
        ("actor:turkey", "event:2020-02-17-moscow-talks", ["host", "negotiator"], "negotiator"),
        ("actor:turkey", "event:2020-02-18-agreement-to-continue-talks", ["party"], "party"),
    ]
    signatory = body["events_shared"][3]
    assert [s["id"] for s in signatory["evidence"]["sources"]] == [SEED_SOURCE, "src:unsc-s-2018-852"]
    assert body["truncated"] == []
    every = [r for key in body if key not in ("actor", "truncated") for r in body[key]]
    assert all(r["evidence"]["sources"] for r in every)


def test_shared_events_are_the_same_along_the_date_index_as_from_the_actor(
    seeded_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hub actor's shared events come from the date index (relations.py): the same list."""
    actors = _ids(seeded_client, "/actors?limit=200")
    from_actor = {a: seeded_client.get(f"/actors/{a}/relations").json() for a in actors}
    monkeypatch.setattr("graph.queries.relations.ACTOR_DRIVEN_MAX_DEGREE", -1)  # every actor a hub
    by_date = {a: seeded_client.get(f"/actors/{a}/relations").json() for a in actors}

    assert sum(bool(body["events_shared"]) for body in from_actor.values()) >= 3
    assert by_date == from_actor


def test_actor_timeline_is_the_timeline_scoped_to_the_actor(seeded_client: TestClient) -> None:
    assert _ids(seeded_client, "/actors/actor:aleksei-erkhov/timeline") == [
        "stmt:erkhov-accusations-baseless",
        "stmt:erkhov-blames-turkey",
        "stmt:erkhov-blames-turkey-for-officers-deaths",
        "stmt:erkhov-russia-responds-to-turkish-violations",
    ]
    assert _ids(seeded_client, "/actors/actor:turkey/timeline?include=events&end=2019") == [
        "event:2018-de-escalation-agreement",
        "event:2018-idlib-ceasefire",
        "event:2019-2020-idlib-escalation",
    ]
