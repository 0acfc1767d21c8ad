"""GET /paths: all shortest connections between two nodes on the seed story."""

from __future__ import annotations

from fastapi.testclient import TestClient

OFFENSIVE = "event:2019-04-syrian-offensive"


def test_paths_connect_the_ambassador_to_the_april_2019_offensive(seeded_client: TestClient) -> None:
    body = seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&max_hops=6&limit=100").json()
    assert (body["source"], body["target"], body["max_hops"]) == ("actor:aleksei-erkhov", OFFENSIVE, 6)
    assert [p["length"] for p in body["paths"]] == [3] * 11
    first = body["paths"][0]
    assert first["nodes"] == [
        {"id": "actor:aleksei-erkhov", "labels": ["Actor"], "name": "Aleksei Erkhov"},
        {"id": "actor:russia", "labels": ["Actor"], "name": "Russia"},
        {"id": "actor:syrian-government", "labels": ["Actor"], "name": "Syrian government"},
        {"id": OFFENSIVE, "labels": ["Event"], "name": "Syrian government offensive in northwest Syria"},
    ]
    assert first["relationships"] == [
        {
            "id": "affiliated_with:actor:aleksei-erkhov->actor:russia:represents",
            "type": "AFFILIATED_WITH",
            "start": "actor:aleksei-erkhov",
            "end": "actor:russia",
        },
        {
            "id": "backs:actor:russia->actor:syrian-government",
            "type": "BACKS",
            "start": "actor:russia",
            "end": "actor:syrian-government",
        },
        {
            "id": f"participated_in:actor:syrian-government->{OFFENSIVE}:perpetrator",
            "type": "PARTICIPATED_IN",
            "start": "actor:syrian-government",
            "end": OFFENSIVE,
        },
    ]
    via_statement = [
        [n["id"] for n in p["nodes"]] for p in body["paths"] if p["relationships"][0]["type"] == "MADE"
    ]
    assert [
        "actor:aleksei-erkhov",
        "stmt:erkhov-blames-turkey",
        "event:2019-2020-idlib-escalation",
        OFFENSIVE,
    ] in via_statement


def test_paths_respect_max_hops_and_limit(seeded_client: TestClient) -> None:
    assert seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&max_hops=2").json()["paths"] == []
    limited = seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&limit=2").json()
    assert len(limited["paths"]) == 2
    [direct] = seeded_client.get("/paths?from=actor:aleksei-erkhov&to=actor:russia&max_hops=1").json()["paths"]
    assert [r["type"] for r in direct["relationships"]] == ["AFFILIATED_WITH"]
