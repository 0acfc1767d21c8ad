"""GET /paths: the shortest connections between two nodes, best-evidenced first, with evidence."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

OFFENSIVE = "event:2019-04-syrian-offensive"
AGREEMENT = "event:2018-de-escalation-agreement"


def _evidence_key(path: dict[str, Any]) -> tuple[int, int, int]:
    evidence = path["evidence"]
    return (evidence["weakest_link_sources"], evidence["quoted_relationships"], evidence["distinct_sources"])


def test_paths_connect_the_ambassador_to_the_april_2019_offensive(seeded_client: TestClient) -> None:
    body = seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&max_hops=6&limit=100").json()
    assert (body["source"], body["target"], body["max_hops"], body["truncated"]) == (
        "actor:aleksei-erkhov", OFFENSIVE, 6, False,
    )
    assert [p["length"] for p in body["paths"]] == [3] * 11
    keys = [_evidence_key(path) for path in body["paths"]]
    assert keys == sorted(keys, reverse=True)
    first = body["paths"][0]
    # Through Russia's signature, which the UN Security Council document attests besides the article.
    assert [n["id"] for n in first["nodes"]] == ["actor:aleksei-erkhov", "actor:russia", AGREEMENT, OFFENSIVE]
    assert first["nodes"][3] == {
        "id": OFFENSIVE,
        "labels": ["Event"],
        "name": "Syrian government offensive in northwest Syria",
        "date": {"text": "2019-04", "start": "2019-04-01", "end": "2019-04-30", "precision": "month"},
    }
    assert first["evidence"] == {"weakest_link_sources": 1, "quoted_relationships": 3, "distinct_sources": 2}
    represents, signed, violates = first["relationships"]
    assert (represents["type"], represents["role"], represents["title"]) == (
        "AFFILIATED_WITH", "represents", "Ambassador to Turkey",
    )
    assert signed["id"] == f"participated_in:actor:russia->{AGREEMENT}:signatory"
    assert (signed["start"], signed["end"], signed["role"]) == ("actor:russia", AGREEMENT, "signatory")
    assert [s["id"] for s in signed["sources"]] == ["src:polygraph-erkhov-2020", "src:unsc-s-2018-852"]
    assert signed["sources"][1]["url"] == "https://undocs.org/S/2018/852"
    assert signed["quote"].startswith("In recent months, Russia and Turkey have accused each other")
    assert (violates["type"], violates["start"], violates["end"]) == ("VIOLATES", OFFENSIVE, AGREEMENT)
    via_statement = [
        [n["id"] for n in p["nodes"]] for p in body["paths"] if p["relationships"][0]["type"] == "MADE"
    ]
    assert ["actor:aleksei-erkhov", "stmt:erkhov-blames-turkey", "event:2019-2020-idlib-escalation", OFFENSIVE] in via_statement


def test_paths_through_parallel_relationships_differ_by_id_and_role(seeded_client: TestClient) -> None:
    body = seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&limit=100").json()
    through_agreement = [
        path["relationships"][1] for path in body["paths"]
        if [n["id"] for n in path["nodes"]] == ["actor:aleksei-erkhov", "actor:russia", AGREEMENT, OFFENSIVE]
    ]
    # Russia signed the agreement and guarantees it: two paths over the same nodes, told apart.
    assert [(r["role"], r["id"]) for r in through_agreement] == [
        ("signatory", f"participated_in:actor:russia->{AGREEMENT}:signatory"),
        ("guarantor", f"participated_in:actor:russia->{AGREEMENT}:guarantor"),
    ]


def test_paths_respect_max_hops_and_limit_and_say_when_cut(seeded_client: TestClient) -> None:
    none = seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&max_hops=2").json()
    assert (none["paths"], none["truncated"]) == ([], False)
    limited = seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&limit=2").json()
    assert len(limited["paths"]) == 2 and limited["truncated"] is True
    everything = seeded_client.get(f"/paths?from=actor:aleksei-erkhov&to={OFFENSIVE}&limit=100").json()
    assert limited["paths"] == everything["paths"][:2]
    direct = seeded_client.get("/paths?from=actor:aleksei-erkhov&to=actor:russia&max_hops=1").json()
    assert [[r["type"] for r in p["relationships"]] for p in direct["paths"]] == [["AFFILIATED_WITH"]]
    assert direct["truncated"] is False
