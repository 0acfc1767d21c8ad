"""GET /events, /events/{id}, /statements and /statements/{id} on the seed story."""

from __future__ import annotations

from fastapi.testclient import TestClient


def _ids(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_events_list_only_events_with_the_timeline_filters(seeded_client: TestClient) -> None:
    assert _ids(seeded_client, "/events?start=2020-02&end=2020-02") == [
        "event:russian-military-bases-syria",
        "event:2019-2020-idlib-escalation",
        "event:2019-2020-civilian-deaths-nw-syria",
        "event:2020-02-russian-specialists-killed",
        "event:2020-02-turkish-troops-killed",
        "event:2020-02-ariha-strikes",
        "event:2020-02-displacement-settlements-hit",
        "event:2020-02-17-moscow-talks",
        "event:2020-02-18-agreement-to-continue-talks",
    ]
    assert _ids(seeded_client, "/events?stance=accusation&actor=actor:syrian-government") == [
        "event:2019-04-syrian-offensive",
    ]


def test_event_detail_has_participants_related_events_statements_and_sources(seeded_client: TestClient) -> None:
    body = seeded_client.get("/events/event:2019-04-syrian-offensive").json()
    assert body["title"] == "Syrian government offensive in northwest Syria"
    assert body["date"] == {"text": "2019-04", "start": "2019-04-01", "end": "2019-04-30", "precision": "month"}
    assert body["place"] == {"id": "place:northwest-syria", "name": "Northwest Syria"}
    assert [(p["actor"]["id"], p["role"]) for p in body["participants"]] == [("actor:syrian-government", "perpetrator")]
    assert [(r["relationship"], r["direction"], r["node"]["id"]) for r in body["related"]] == [
        ("FOLLOWS", "in", "event:2019-2020-idlib-escalation"),
        ("VIOLATES", "out", "event:2018-de-escalation-agreement"),
        ("VIOLATES", "out", "event:2018-idlib-ceasefire"),
    ]
    assert [(s["relationship"], s["statement"]["id"], [a["id"] for a in s["speakers"]]) for s in body["statements"]] == [
        ("ABOUT", "stmt:polygraph-erkhov-fact-check", ["actor:polygraph-info"]),
    ]
    assert [s["id"] for s in body["sources"]] == ["src:polygraph-erkhov-2020"]
    assert body["quote"] == (
        "But tensions erupted after the Syrian government launched an offensive last April, disrupting "
        "the ceasefire and violating the treaty with Turkey."
    )


def test_statements_filter_by_speaker_stance_and_about(seeded_client: TestClient) -> None:
    erkhov = [
        "stmt:erkhov-accusations-baseless",
        "stmt:erkhov-blames-turkey",
        "stmt:erkhov-blames-turkey-for-officers-deaths",
        "stmt:erkhov-russia-responds-to-turkish-violations",
    ]
    assert _ids(seeded_client, "/statements?speaker=actor:aleksei-erkhov") == erkhov
    assert _ids(seeded_client, "/statements?speaker=actor:aleksei-erkhov&stance=denial") == erkhov[:1]
    assert _ids(seeded_client, "/statements?about=event:2019-04-syrian-offensive") == [
        "stmt:polygraph-erkhov-fact-check"
    ]
    assert _ids(seeded_client, "/statements?about=stmt:erdogan-final-warnings") == ["stmt:kremlin-worst-case-scenario"]
    assert _ids(seeded_client, "/statements?start=2020-02-19&end=2020-02-19&stance=threat") == [
        "stmt:turkey-warns-russia-military-action",
        "stmt:erdogan-final-warnings",
    ]


def test_statements_list_carries_verdicts_and_filters_by_rating(seeded_client: TestClient) -> None:
    items = {i["id"]: i for i in seeded_client.get("/statements?speaker=actor:aleksei-erkhov").json()["items"]}
    assert items["stmt:erkhov-blames-turkey"]["verdicts"] == [
        {
            "by": {"id": "actor:polygraph-info", "name": "Polygraph.info", "kind": "media_outlet"},
            "rating": "Misleading",
            "rating_normalized": "misleading",
            "date": {"text": "2020-02-19/2020-02-29", "start": "2020-02-19", "end": "2020-02-29", "precision": "day"},
        }
    ]
    assert items["stmt:erkhov-accusations-baseless"]["verdicts"] == []
    # The seed's one fact-check rates one claim.
    assert _ids(seeded_client, "/statements?rating=misleading") == ["stmt:erkhov-blames-turkey"]
    assert _ids(seeded_client, "/statements?rating=false&rating=misleading") == ["stmt:erkhov-blames-turkey"]
    assert _ids(seeded_client, "/statements?rating=true") == []
    assert _ids(seeded_client, "/statements?rating=misleading&speaker=actor:russia") == []
    response = seeded_client.get("/statements?rating=fake")
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "rating", 0]


def test_statement_detail_has_verdicts_and_contradicting_and_supporting_statements(
    seeded_client: TestClient,
) -> None:
    body = seeded_client.get("/statements/stmt:erkhov-blames-turkey").json()
    assert [(t["relationship"], t["actor"]["id"], t["charge"]) for t in body["targets"]] == [
        ("ACCUSES", "actor:turkey", "escalating tensions between the two countries in northwest Syria"),
    ]
    [verdict] = body["verdicts"]
    assert verdict["by"]["id"] == "actor:polygraph-info"
    assert (verdict["rating"], verdict["rating_normalized"]) == ("Misleading", "misleading")
    assert verdict["date"]["text"] == "2020-02-19/2020-02-29"
    assert verdict["evidence"]["quote"] == "The claim is misleading."
    assert [r["node"]["id"] for r in body["contradicted_by"]] == ["stmt:polygraph-erkhov-fact-check"]
    assert [r["node"]["id"] for r in body["supported_by"]] == [
        "stmt:erkhov-blames-turkey-for-officers-deaths",
        "stmt:erkhov-russia-responds-to-turkish-violations",
    ]
    assert body["contradicts"] == [] and body["supports"] == []
    assert [(r["relationship"], r["node"]["id"]) for r in body["subjects"]] == [
        ("ABOUT", "event:2019-2020-idlib-escalation")
    ]
    assert [(r["relationship"], r["node"]["id"]) for r in body["responses"]] == [
        ("ABOUT", "stmt:polygraph-erkhov-fact-check")
    ]


def test_undated_statement_is_readable_by_id(seeded_client: TestClient) -> None:
    body = seeded_client.get("/statements/stmt:kremlin-no-troops-on-ground").json()
    assert body["date"] is None
    assert [r["node"]["id"] for r in body["contradicted_by"]] == ["stmt:polygraph-erkhov-fact-check"]
